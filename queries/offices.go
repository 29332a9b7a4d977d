package queries

import (
	"bufio"
	"context"
	"io/fs"
	"strings"
	"sync"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// Offices of a country. Ingest stores an office that exists in every
// country with its country, "Foreign Minister of the United Kingdom"
// (see data/gazetteer/README.md). A question names it many ways — "the
// foreign minister of the United Kingdom", "Britain's foreign secretary",
// "the UK foreign minister" — so ask reads the country (name, alias or
// adjective) and the office (any variant) through the gazetteer and looks
// the office up by its stored name only, never by a near spelling: a
// near name may be another country's office.

// nationalOffice is an office of the gazetteer as a question may name it.
type nationalOffice struct {
	// head offices are stored as leads facts with the office as role.
	head bool
	// title names the office with its country ("Foreign Minister"); ""
	// when the office is not stored per country.
	title string
}

// officeBook holds the country and office names of the gazetteer, by
// folded name (store.AliasKey).
type officeBook struct {
	countries map[string]string // name, alias or adjective → canonical name
	offices   map[string]nationalOffice
}

// offices returns the gazetteer's book, read once.
var offices = sync.OnceValue(func() *officeBook {
	b := &officeBook{countries: map[string]string{}, offices: map[string]nationalOffice{}}
	read := func(name string, fn func(cols []string)) {
		f, err := data.Gazetteer.Open("gazetteer/" + name)
		if err != nil {
			return // an empty book: offices are then read by name only
		}
		defer f.Close()
		readTSV(f, fn)
	}
	read("countries.tsv", func(c []string) {
		for _, col := range c[:3] {
			for _, n := range strings.Split(col, ";") {
				if k := store.AliasKey(n); k != "" {
					b.countries[k] = c[0]
				}
			}
		}
	})
	read("offices.tsv", func(c []string) {
		o := nationalOffice{head: c[1] == "head", title: strings.TrimSpace(c[4])}
		for _, n := range append([]string{c[0]}, strings.Split(c[2], ";")...) {
			if k := store.AliasKey(n); k != "" {
				b.offices[k] = o
			}
		}
	})
	return b
})

// readTSV calls fn with the columns (at least five) of every line of a
// gazetteer list that is not blank or a comment.
func readTSV(f fs.File, fn func(cols []string)) {
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 5 {
			cols = append(cols, "")
		}
		fn(cols)
	}
}

// country returns the canonical name of the country a name, alias or
// adjective names ("Britain", "UK", "British" → "United Kingdom"), or "".
func (b *officeBook) country(s string) string {
	return b.countries[store.AliasKey(s)]
}

// storedNames returns the names an office of a country is stored under
// ("foreign secretary", "United Kingdom" → "Foreign Minister of United
// Kingdom", "Foreign Minister of the United Kingdom"), and whether the
// office is a head office (stored as a leads role, no names). ok is false
// when the gazetteer does not know the country.
func (b *officeBook) storedNames(role, country string) (names []string, head, ok bool) {
	c := b.country(country)
	if c == "" {
		return nil, false, false
	}
	title := titleCase(role)
	if o, known := b.offices[store.AliasKey(role)]; known {
		if o.head {
			return nil, true, true
		}
		if o.title != "" {
			title = o.title
		}
	}
	return []string{title + " of " + c, title + " of the " + c}, false, true
}

// split reads an office and its country from one phrase: "UK foreign
// minister", "British foreign secretary", "foreign minister of the UK".
func (b *officeBook) split(phrase string) (role, country string, ok bool) {
	if i := strings.LastIndex(strings.ToLower(phrase), " of "); i > 0 {
		if c := b.country(cleanName(phrase[i+4:])); c != "" {
			return phrase[:i], c, true
		}
	}
	ws := strings.Fields(phrase)
	for n := min(3, len(ws)-1); n >= 1; n-- {
		if c := b.country(strings.Join(ws[:n], " ")); c != "" {
			return strings.Join(ws[n:], " "), c, true
		}
	}
	return "", "", false
}

// countryOffice resolves the office role of country through its stored
// names (exactly, see above). ok is false when the gazetteer does not
// know the country or the office is a head office; an office not in the
// store is ok with no entities, named by its first stored name.
func (a *asker) countryOffice(ctx context.Context, role, country string) (r Resolved, ok bool, err error) {
	names, head, known := offices().storedNames(role, country)
	if !known || head {
		return r, false, nil
	}
	r.Name = names[0]
	for _, n := range names {
		ents, err := a.e.store.Resolve(ctx, n)
		if err != nil {
			return r, true, err
		}
		for _, en := range ents {
			if en.Type == graph.Position {
				r.Entities = append(r.Entities, en)
			}
		}
		if len(r.Entities) > 0 {
			return r, true, nil
		}
	}
	return r, true, nil
}
