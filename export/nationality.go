package export

import (
	"bufio"
	"strings"
	"sync"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
)

// gazetteerNationals maps the entity id of each person the gazetteer
// lists with a country (leaders.tsv, people.tsv: a full name or an alias
// of two words or more, and a lone surname listed as an alias of one
// person only) to that country, as an entity with its name and ISO code.
// It is read once from the embedded gazetteer and never changes; a list
// that cannot be read leaves it empty (persons then stand only for what
// the articles say).
var gazetteerNationals = sync.OnceValue(func() map[string]graph.Entity {
	countries := gazetteerCountries()
	out := map[string]graph.Entity{}
	ambiguous := map[string]bool{}
	person := func(c []string) {
		if len(c) < 3 {
			return
		}
		country, ok := countries[strings.TrimSpace(c[2])]
		if !ok {
			return // an organization's head, or no affiliation
		}
		for i, n := range append([]string{c[0]}, strings.Split(c[1], ";")...) {
			id := graph.EntityID(graph.Person, strings.TrimSpace(n))
			if id == graph.EntityID(graph.Person, "") {
				continue
			}
			if old, ok := out[id]; ok && old.ID != country.ID {
				ambiguous[id] = true
			}
			if _, ok := out[id]; !ok || i == 0 {
				out[id] = country
			}
		}
	}
	readGazetteer("leaders.tsv", person)
	readGazetteer("people.tsv", person)
	for id := range ambiguous {
		delete(out, id)
	}
	return out
})

// gazetteerCountries maps each country of the embedded gazetteer's
// countries.tsv by canonical name to its entity, with its ISO code.
func gazetteerCountries() map[string]graph.Entity {
	countries := map[string]graph.Entity{}
	readGazetteer("countries.tsv", func(c []string) {
		name := strings.TrimSpace(c[0])
		code := ""
		if len(c) > 4 {
			code = strings.TrimSpace(c[4])
		}
		countries[name] = graph.Entity{ID: graph.EntityID(graph.Country, name), Name: name, Type: graph.Country, Code: code}
	})
	return countries
}

// orgCountry is the country event data codes an armed or political
// movement as, and its CAMEO agent code ("REB", "PTY"; empty for none).
type orgCountry struct {
	country graph.Entity
	sector  string
}

// gazetteerOrgs maps the entity id of each organization that
// organizations.tsv lists with a country (a movement or party: Hamas is
// Palestine's, the PKK Turkey's, with sector REB) to that country and
// sector, by its canonical name and every alias. Intergovernmental
// bodies, listed with no country, are not in it. It is read once from
// the embedded gazetteer; a list that cannot be read leaves it empty.
var gazetteerOrgs = sync.OnceValue(func() map[string]orgCountry {
	byCode := map[string]graph.Entity{}
	for _, c := range gazetteerCountries() {
		if c.Code != "" {
			byCode[c.Code] = c
		}
	}
	out := map[string]orgCountry{}
	readGazetteer("organizations.tsv", func(c []string) {
		if len(c) < 5 {
			return
		}
		country, ok := byCode[strings.TrimSpace(c[4])]
		if !ok {
			return
		}
		oc := orgCountry{country: country}
		if len(c) > 5 {
			oc.sector = strings.TrimSpace(c[5])
		}
		for _, n := range append([]string{c[0]}, strings.Split(c[1], ";")...) {
			if n = strings.TrimSpace(n); n != "" {
				out[graph.EntityID(graph.Organization, n)] = oc
			}
		}
	})
	return out
})

// readGazetteer calls fn with the columns of every line of the embedded
// gazetteer list name that is not blank or a comment.
func readGazetteer(name string, fn func(cols []string)) {
	f, err := data.Gazetteer.Open("gazetteer/" + name)
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
}
