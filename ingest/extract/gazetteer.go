package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"unicode"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
)

// entry is a country or organization of the gazetteer.
type entry struct {
	typ      graph.EntityType
	name     string
	aliases  []string
	headRole string // organizations: canonical role of the head
	// code is a country's ISO 3166-1 alpha-3 code, and for a movement or
	// party of organizations.tsv the code of the country event data codes
	// it as ("PSE" for Hamas); sector is such an organization's CAMEO
	// agent code ("REB"), empty where it has none.
	code   string
	sector string
	// formed and formedFrom: a country that seceded (South Sudan from
	// Sudan in 2011-07-09) and the day it did; its places named in an
	// article published before that day are the country it was part of.
	formed     graph.Date
	formedFrom string
}

// placeCountry returns the country a place of e (a capital or town of
// countries.tsv) was in on day pub: e itself, or, before e was formed,
// the country it seceded from ("Juba" in 1995 is Sudan's).
func (g *gazetteer) placeCountry(e *entry, pub graph.Date) *entry {
	if e.formedFrom == "" || pub.IsZero() || !pub.Time().Before(e.formed.Time()) {
		return e
	}
	if p := g.entities[e.formedFrom]; p != nil {
		return p
	}
	return e
}

// office is an office or title of the gazetteer.
type office struct {
	name    string
	head    bool // head of a country or organization: yields leads
	elect   bool
	confirm bool // filled by nomination and confirmation: "named" to it is a nomination
	// national is the title that names the office with its country when
	// every country has one ("Foreign Minister" → "Foreign Minister of
	// Sweden"); "" for offices whose name says whose they are.
	national string
	// to is the country a post is held in, for a country's post in
	// another ("Ambassador of Canada to China"); "" for the others.
	to string
	// of is, for the office read from a title only one country uses
	// ("Taoiseach": Ireland's Prime Minister), that country; "" for
	// the others.
	of string
	// designate is, for a title not held yet ("Prime Minister-designate"),
	// the office it names; nil for the others.
	designate *office
}

// leader is a well-known office holder of the gazetteer.
type leader struct {
	name    string
	aliases []string
	affil   string // canonical name of a country or organization, may be empty
	role    string
	// head is set for a person of people.tsv who was head of state or
	// government of affil (no role is kept for them).
	head bool
}

// hitKind says what a gazetteer phrase denotes.
type hitKind int

const (
	hitEntity hitKind = iota
	hitDemonym
	hitMetonym
	hitOffice
	hitLeader
	hitGeneric
	hitPeople // a country's people: "Palestinians", "Iraqis"
	hitPlace  // a place inside a country (places.tsv): "Kharkiv", "Alaska"
)

// peoplePlural returns the plural of a demonym that names a country's
// people ("Palestinian" → "Palestinians", "Iraqi" → "Iraqis"), or "" for
// one that has none ("Chinese", "British").
func peoplePlural(d string) string {
	if strings.HasSuffix(d, "an") || strings.HasSuffix(d, "i") {
		return d + "s"
	}
	return ""
}

// hit is one meaning of a gazetteer phrase.
type hit struct {
	kind    hitKind
	ent     *entry
	off     *office
	lead    *leader
	generic []*entry // hitGeneric: organizations the phrase may stand for
	place   string   // hitPlace: the place's canonical name; ent is its country
	sector  string   // hitMetonym of bodies.tsv: the CAMEO agent code of the part of ent it names ("the Pentagon": MIL)
	// town is, for a seat of bodies.tsv that is also a town ("Brussels"),
	// the country the town lies in (Belgium): the town a dateline or a
	// traveller's arrival names is there, not the organization.
	town *entry
	// seated are, for such a seat, the other organizations seated in the
	// town (NATO in Brussels): a visit there is to the one the sentence
	// names.
	seated  []*entry
	exact   string // non-empty: the phrase must appear exactly so (acronyms)
	capital bool   // letter capRune of token capTok must be upper case in the text
	anyCase bool   // a country's name or adjective that is no common word: read in any case ("tunisian")
	capTok  int    // the name's first token written with a capital ("the Taliban": "Taliban")
	// capLater are the name's later tokens written with a capital, which
	// must start with one in the text too: "an Islamic state" is no
	// "Islamic State".
	capLater []int
	capRune  int // the first capital's place in that token ("al-Shabaab": 3)
}

// gazetteer is the loaded, read-only lookup structure.
type gazetteer struct {
	phrases  map[string][]hit  // key: lower-cased tokens joined by a space
	first    map[string]int    // lower-cased first token of a phrase → longest phrase it starts
	pair     map[string]int    // its first two tokens, joined by a space → longest phrase they start
	entities map[string]*entry // by canonical name
	byCode   map[string]*entry // countries by ISO 3166-1 alpha-3 code
	offices  map[string]*office
	leaders  map[string]*leader // by lower-case full name and aliases
	surnames map[string]*leader // by last token of names and aliases
	given    map[string]byte    // given name (as listed and lower-cased) → genderMale or genderFemale
	// familyFirst holds the lower-cased family names written before the
	// given name (family_first.tsv: "Wang Lei", "Park Min-soo").
	familyFirst map[string]bool
	// sectors maps a lower-cased sector noun phrase ("forces", "riot
	// police") to its CAMEO agent code; sectorLen is the most tokens one
	// has.
	sectors   map[string]string
	sectorLen int
	// agents maps a lower-cased noun phrase that names a part of a
	// country without naming it ("police", "protesters") to its CAMEO
	// agent code (agents.tsv); agentLen is the most tokens one has.
	agents   map[string]string
	agentLen int
	// agentFirst holds the first words of agents' phrases.
	agentFirst map[string]bool
	// agentHome holds the agents' phrases marked "home": bodies that act
	// abroad for their own country ("the foreign ministry"), whose
	// country is never the scene of the sentence.
	agentHome map[string]bool
	// headPosts maps a head's title that begins a post's name to that
	// post ("Chancellor" → "Chancellor of the Exchequer"), and
	// headCountries a head's title to the countries leaders.tsv lists a
	// head of in that role: such a title, said of another country, names
	// the post ("British Chancellor Rachel Reeves").
	headPosts     map[string]*office
	headCountries map[string]map[string]bool
	// govSurnames maps a lower-cased surname to the country whose head
	// of state or government the gazetteer lists under it (leaders.tsv
	// with a head's role, people.tsv marked "head"), "" when heads of
	// two countries share it: "the Bush administration" is that
	// country's government (see governmentAt).
	govSurnames map[string]string
	// orgHeadRoles holds the roles (normRole) of organizations' heads
	// (organizations.tsv) that no head of a country in leaders.tsv
	// holds: "Chairperson", "Secretary General". Such a title never
	// names a country's office.
	orgHeadRoles map[string]bool
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isAcronym(s string) bool {
	up := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			up++
		}
	}
	return up >= 2
}

// loadGazetteer reads the TSV files of fsys (laid out as data.Gazetteer).
func loadGazetteer(fsys fs.FS) (*gazetteer, error) {
	g := &gazetteer{phrases: map[string][]hit{}, first: map[string]int{}, pair: map[string]int{}, entities: map[string]*entry{},
		offices: map[string]*office{}, leaders: map[string]*leader{}, surnames: map[string]*leader{},
		given: map[string]byte{}, familyFirst: map[string]bool{}}
	generic := map[string][]*entry{}
	// genericCap holds, for a generic reference every row writes with a
	// capital ("the Authority"), that spelling: it is read only so
	// written, since "the authority" is a common noun.
	genericCap := map[string]string{}
	read := func(name string, min int, fn func(cols []string)) error {
		f, err := fsys.Open("gazetteer/" + name)
		if err != nil {
			return fmt.Errorf("gazetteer %s: %w", name, err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for n := 1; sc.Scan(); n++ {
			line := strings.TrimRight(sc.Text(), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			for len(cols) < min {
				cols = append(cols, "")
			}
			if strings.TrimSpace(cols[0]) == "" {
				return fmt.Errorf("gazetteer %s line %d: %w", name, n, ErrGazetteer)
			}
			fn(cols)
		}
		return sc.Err()
	}
	// common_words.tsv: country names and adjectives that are common
	// words in lower case ("turkey", "china"); every other one is read in
	// any case.
	common := map[string]bool{}
	if err := read("common_words.tsv", 1, func(c []string) { common[strings.ToLower(strings.TrimSpace(c[0]))] = true }); err != nil {
		return nil, err
	}
	anyCase := func(name string) bool { return !isAcronym(name) && !common[strings.ToLower(name)] }
	var formedErr error
	err := read("countries.tsv", 6, func(c []string) {
		e := &entry{typ: graph.Country, name: c[0], aliases: splitList(c[1]), code: strings.TrimSpace(c[4])}
		if f := strings.TrimSpace(c[5]); f != "" {
			day, from, _ := strings.Cut(f, " ")
			t, err := graph.ParseDate(day)
			if err != nil || strings.TrimSpace(from) == "" {
				formedErr = fmt.Errorf("gazetteer countries.tsv %s: formed %q: %w", c[0], f, ErrGazetteer)
			}
			e.formed, e.formedFrom = t, strings.TrimSpace(from)
		}
		g.entities[e.name] = e
		g.addName(e.name, hit{kind: hitEntity, ent: e, anyCase: anyCase(e.name)})
		for _, a := range e.aliases {
			g.addName(a, hit{kind: hitEntity, ent: e, anyCase: anyCase(a)})
		}
		for _, a := range splitList(c[2]) {
			g.addName(a, hit{kind: hitDemonym, ent: e, anyCase: anyCase(a)})
			if p := peoplePlural(a); p != "" {
				g.addName(p, hit{kind: hitPeople, ent: e, anyCase: anyCase(a)})
			}
		}
		for _, a := range splitList(c[3]) {
			g.addName(a, hit{kind: hitMetonym, ent: e})
		}
	})
	if err == nil {
		err = formedErr
	}
	if err != nil {
		return nil, err
	}
	err = read("companies.tsv", 3, func(c []string) {
		e := &entry{typ: graph.Company, name: c[0], aliases: splitList(c[1])}
		g.entities[e.name] = e
		g.addName(e.name, hit{kind: hitEntity, ent: e})
		for _, a := range e.aliases {
			g.addName(a, hit{kind: hitEntity, ent: e})
		}
	})
	if err != nil {
		return nil, err
	}
	g.byCode = map[string]*entry{}
	for _, e := range g.entities {
		if e.typ == graph.Country && e.code != "" {
			g.byCode[e.code] = e
		}
	}
	var orgErr error
	err = read("organizations.tsv", 6, func(c []string) {
		e := &entry{typ: graph.Organization, name: c[0], aliases: splitList(c[1]), headRole: strings.TrimSpace(c[3]),
			code: strings.TrimSpace(c[4]), sector: strings.TrimSpace(c[5])}
		if e.code != "" && g.byCode[e.code] == nil || e.sector != "" && e.code == "" {
			orgErr = fmt.Errorf("gazetteer organizations.tsv %s: country %q sector %q: %w", c[0], e.code, e.sector, ErrGazetteer)
		}
		g.entities[e.name] = e
		g.addName(e.name, hit{kind: hitEntity, ent: e})
		for _, a := range e.aliases {
			g.addName(a, hit{kind: hitEntity, ent: e})
		}
		for _, a := range splitList(c[2]) {
			k := strings.ToLower(a)
			if a == k {
				genericCap[k] = ""
			} else if old, ok := genericCap[k]; !ok || old != "" {
				genericCap[k] = a
			}
			generic[k] = append(generic[k], e)
		}
	})
	if err == nil {
		err = orgErr
	}
	if err == nil {
		err = g.readPlaces(read)
	}
	if err == nil {
		err = g.readBodies(read)
	}
	if err != nil {
		return nil, err
	}
	for k, es := range generic {
		if a := genericCap[k]; a != "" {
			g.addName(a, hit{kind: hitGeneric, generic: es})
			continue
		}
		g.add(k, hit{kind: hitGeneric, generic: es})
	}
	var offErr error
	err = read("offices.tsv", 5, func(c []string) {
		o := &office{name: c[0], head: strings.TrimSpace(c[1]) == "head", confirm: strings.TrimSpace(c[3]) == "confirm",
			national: strings.TrimSpace(c[4])}
		g.offices[o.name] = o
		g.add(strings.ToLower(o.name), hit{kind: hitOffice, off: o})
		// "Foreign Minister-designate": named, not yet in office.
		designate := &office{name: o.name + "-designate", elect: true, designate: o}
		seen := map[string]bool{}
		for _, v := range append([]string{o.name}, splitList(c[2])...) {
			if k := strings.ToLower(v); !isAcronym(v) && !seen[k] {
				seen[k] = true
				g.add(v+"-designate", hit{kind: hitOffice, off: designate})
				g.add(v+" designate", hit{kind: hitOffice, off: designate})
			}
		}
		for _, v := range splitList(c[2]) {
			h := hit{kind: hitOffice, off: o}
			if isAcronym(v) {
				h.exact = v
			}
			g.add(v, h)
		}
		if len(c) > 5 {
			for _, vc := range splitList(c[5]) {
				v, country, ok := strings.Cut(vc, "=")
				if e := g.entities[strings.TrimSpace(country)]; !ok || e == nil || e.typ != graph.Country {
					offErr = fmt.Errorf("gazetteer offices.tsv %s: variant %q: %w", o.name, vc, ErrGazetteer)
					return
				}
				own := *o
				own.of = strings.TrimSpace(country)
				g.add(strings.TrimSpace(v), hit{kind: hitOffice, off: &own})
			}
		}
	})
	if err == nil {
		err = offErr
	}
	if err != nil {
		return nil, err
	}
	g.sectors, g.agents = map[string]string{}, map[string]string{}
	for _, t := range []struct {
		file string
		m    map[string]string
		n    *int
	}{{"sectors.tsv", g.sectors, &g.sectorLen}, {"agents.tsv", g.agents, &g.agentLen}} {
		err = read(t.file, 2, func(c []string) {
			home := len(c) > 2 && strings.TrimSpace(c[2]) == "home"
			for _, n := range splitList(c[1]) {
				toks := tokenize(n)
				parts := make([]string, len(toks))
				for i, tk := range toks {
					parts[i] = strings.ToLower(tk.text)
				}
				t.m[strings.Join(parts, " ")] = strings.TrimSpace(c[0])
				*t.n = max(*t.n, len(toks))
				if home && t.file == "agents.tsv" {
					if g.agentHome == nil {
						g.agentHome = map[string]bool{}
					}
					g.agentHome[strings.Join(parts, " ")] = true
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	g.agentFirst = map[string]bool{}
	for a := range g.agents {
		g.agentFirst[strings.Fields(a)[0]] = true
	}
	// Titles that are not (yet) an office.
	elect := &office{name: "President-elect", elect: true}
	g.add("president-elect", hit{kind: hitOffice, off: elect})
	g.add("president - elect", hit{kind: hitOffice, off: elect})
	g.add("prime minister-designate", hit{kind: hitOffice, off: elect})
	g.headPosts, g.headCountries = map[string]*office{}, map[string]map[string]bool{}
	for _, h := range g.offices {
		for _, p := range g.offices {
			if h.head && !p.head && strings.HasPrefix(p.name, h.name+" of ") {
				g.headPosts[h.name] = p
			}
		}
	}
	var heads []*leader // heads of state or government, for govSurnames
	err = read("leaders.tsv", 4, func(c []string) {
		l := &leader{name: c[0], aliases: splitList(c[1]), affil: strings.TrimSpace(c[2]), role: strings.TrimSpace(c[3])}
		if o := g.offices[l.role]; o != nil && o.head {
			heads = append(heads, l)
		}
		if g.headPosts[l.role] != nil {
			if g.headCountries[l.role] == nil {
				g.headCountries[l.role] = map[string]bool{}
			}
			g.headCountries[l.role][l.affil] = true
		}
		for _, n := range append([]string{l.name}, l.aliases...) {
			g.leaders[strings.ToLower(n)] = l
			if toks := tokenize(n); len(toks) > 1 {
				g.addName(n, hit{kind: hitLeader, lead: l})
			}
		}
		for _, n := range append([]string{l.name}, l.aliases...) {
			toks := tokenize(n)
			last := strings.ToLower(toks[len(toks)-1].text)
			if len(toks) == 1 || n == l.name {
				if old, ok := g.surnames[last]; ok && old != l {
					g.surnames[last] = nil // ambiguous
				} else {
					g.surnames[last] = l
				}
			}
		}
	})
	if err != nil {
		return nil, err
	}
	// people.tsv: persons of the last decades with their country and no
	// role. Their names are known as leaders' are, but only the surnames
	// listed as aliases resolve a lone surname ("Obama"), so a common last
	// name ("Brown") is not taken for one of them; a name leaders.tsv
	// already lists keeps its row there.
	err = read("people.tsv", 3, func(c []string) {
		l := &leader{name: c[0], aliases: splitList(c[1]), affil: strings.TrimSpace(c[2]),
			head: len(c) > 3 && strings.TrimSpace(c[3]) == "head"}
		if l.head {
			heads = append(heads, l)
		}
		if g.leaders[strings.ToLower(l.name)] != nil {
			return
		}
		for _, n := range append([]string{l.name}, l.aliases...) {
			if g.leaders[strings.ToLower(n)] != nil {
				continue
			}
			g.leaders[strings.ToLower(n)] = l
			toks := tokenize(n)
			if len(toks) > 1 {
				g.addName(n, hit{kind: hitLeader, lead: l})
				continue
			}
			last := strings.ToLower(toks[0].text)
			if old, ok := g.surnames[last]; ok && old != l {
				g.surnames[last] = nil // ambiguous
			} else {
				g.surnames[last] = l
			}
		}
	})
	if err != nil {
		return nil, err
	}
	err = read("family_first.tsv", 1, func(c []string) {
		g.familyFirst[strings.ToLower(strings.TrimSpace(c[0]))] = true
	})
	if err != nil {
		return nil, err
	}
	err = read("given_names.tsv", 2, func(c []string) {
		var sex byte
		switch strings.TrimSpace(c[1]) {
		case "m":
			sex = genderMale
		case "f":
			sex = genderFemale
		}
		if sex != genderUnknown {
			g.given[c[0]] = sex // as written, and lower-cased
			g.given[strings.ToLower(c[0])] = sex
		}
	})
	if err != nil {
		return nil, err
	}
	g.govSurnames = g.headSurnames(heads)
	g.orgHeadRoles = map[string]bool{}
	for _, e := range g.entities {
		if e.typ == graph.Organization && e.headRole != "" {
			g.orgHeadRoles[normRole(e.headRole)] = true
		}
	}
	for _, l := range heads {
		if e := g.entities[l.affil]; e != nil && e.typ == graph.Country && l.role != "" {
			delete(g.orgHeadRoles, normRole(l.role))
		}
	}
	return g, nil
}

// readPlaces reads places.tsv: places inside a country (first-level
// subdivisions, major cities that are not capitals) that give their
// country as the place of an event but are never actors. A place must
// name a country of countries.tsv and may not share a name with a
// country, organization or capital, so that "Georgia" stays the country.
func (g *gazetteer) readPlaces(read func(string, int, func([]string)) error) error {
	var bad error
	err := read("places.tsv", 3, func(c []string) {
		country := g.entities[strings.TrimSpace(c[2])]
		if country == nil || country.typ != graph.Country {
			bad = fmt.Errorf("gazetteer places.tsv %s: country %q: %w", c[0], c[2], ErrGazetteer)
			return
		}
		names := append([]string{strings.TrimSpace(c[0])}, splitList(c[1])...)
		if len(c) > 3 {
			// "Catalan", "Basque": the adjective names the place's
			// people or government, no person ("the Basque government").
			names = append(names, splitList(c[3])...)
		}
		for _, n := range names {
			if g.namesEntity(n) {
				bad = fmt.Errorf("gazetteer places.tsv %s: %q names a country or organization: %w", c[0], n, ErrGazetteer)
				return
			}
			g.addName(n, hit{kind: hitPlace, ent: country, place: strings.TrimSpace(c[0])})
		}
	})
	if err == nil {
		err = bad
	}
	return err
}

// readBodies reads bodies.tsv: seats and bodies that stand for a country
// or an organization when they act or are acted on ("the Kremlin", "the
// U.S. Treasury", "OFAC", "Brussels" for the European Union), with the
// CAMEO agent code of the part of it they name (GOV, MIL; none for a seat
// standing for an organization). Like a capital, such a name is the
// country or organization itself wherever it is read; it must name one of
// countries.tsv or organizations.tsv and may not already name one. A
// fourth column names the country of a seat that is also a town, a fifth
// the other organizations seated in that town.
func (g *gazetteer) readBodies(read func(string, int, func([]string)) error) error {
	var bad error
	err := read("bodies.tsv", 3, func(c []string) {
		e := g.entities[strings.TrimSpace(c[0])]
		sector := strings.TrimSpace(c[1])
		if e == nil || e.typ != graph.Country && e.typ != graph.Organization || sector != "" && !isAcronym(sector) {
			bad = fmt.Errorf("gazetteer bodies.tsv %s: entity or sector %q: %w", c[0], sector, ErrGazetteer)
			return
		}
		names := splitList(c[2])
		if len(names) == 0 {
			bad = fmt.Errorf("gazetteer bodies.tsv %s: no name: %w", c[0], ErrGazetteer)
			return
		}
		var town *entry
		if len(c) > 3 && strings.TrimSpace(c[3]) != "" {
			town = g.entities[strings.TrimSpace(c[3])]
			if town == nil || town.typ != graph.Country {
				bad = fmt.Errorf("gazetteer bodies.tsv %s: town's country %q: %w", c[0], c[3], ErrGazetteer)
				return
			}
		}
		var seated []*entry
		if len(c) > 4 {
			for _, n := range splitList(c[4]) {
				o := g.entities[n]
				if o == nil || o.typ != graph.Organization || town == nil {
					bad = fmt.Errorf("gazetteer bodies.tsv %s: organization seated there %q: %w", c[0], n, ErrGazetteer)
					return
				}
				seated = append(seated, o)
			}
		}
		for _, n := range names {
			if g.namesEntity(n) {
				bad = fmt.Errorf("gazetteer bodies.tsv %s: %q names a country or organization: %w", c[0], n, ErrGazetteer)
				return
			}
			g.addName(n, hit{kind: hitMetonym, ent: e, sector: sector, town: town, seated: seated})
		}
	})
	if err == nil {
		err = bad
	}
	return err
}

// namesEntity reports whether name is already a name, adjective or
// capital of a country or organization of the gazetteer.
func (g *gazetteer) namesEntity(name string) bool {
	toks := tokenize(name)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToLower(t.text)
	}
	for _, h := range g.phrases[strings.Join(parts, " ")] {
		if h.ent != nil {
			return true
		}
	}
	return false
}

// addName registers a proper name: acronyms must match exactly, other names
// need a capital letter in the text where the name has its first one: on
// its first word, or on the first capitalized word of a name written with
// a lower-case particle or article ("al-Shabaab", "the Taliban").
func (g *gazetteer) addName(name string, h hit) {
	if isAcronym(name) {
		h.exact = name
	} else {
		h.capital = true
		first := true
		for i, t := range tokenize(name) {
			for k, r := range []rune(t.text) {
				if !unicode.IsUpper(r) {
					continue
				}
				if first {
					h.capTok, h.capRune, first = i, k, false
				} else if k == 0 && h.kind == hitEntity && h.ent != nil && h.ent.typ == graph.Organization {
					h.capLater = append(h.capLater, i)
				}
				break
			}
		}
	}
	g.add(name, h)
}

func (g *gazetteer) add(phrase string, h hit) {
	toks := tokenize(phrase)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = strings.ToLower(t.text)
	}
	k := strings.Join(parts, " ")
	if h.exact != "" {
		h.exact = joinExact(toks)
	}
	g.phrases[k] = append(g.phrases[k], h)
	if len(parts) > 0 && len(toks) > g.first[parts[0]] {
		g.first[parts[0]] = len(toks)
	}
	if len(parts) > 1 {
		p := parts[0] + " " + parts[1]
		g.pair[p] = max(g.pair[p], len(toks))
	}
}

func joinExact(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// movementCountry returns the country organizations.tsv lists the armed
// movement named name with (sector REB: the PKK is Turkey's), or nil for
// any other name, a body of no country and a movement that governs (the
// Taliban, Hamas: listed with no sector).
func (g *gazetteer) movementCountry(name string) *entry {
	e := g.entities[name]
	if e == nil || e.typ != graph.Organization || e.sector != "REB" {
		return nil
	}
	return g.byCode[e.code]
}

// defaultGazetteer loads the embedded gazetteer.
func defaultGazetteer() (*gazetteer, error) { return loadGazetteer(data.Gazetteer) }

// familyFirstOf returns the lower-cased family name of a person's name
// written in Chinese, Korean or Vietnamese order — two to four words
// opened by a family name of family_first.tsv ("Wang Lei", "Park
// Min-soo", "Nguyen Van An") — or "" for any other name.
func (g *gazetteer) familyFirstOf(name string) string {
	toks := tokenize(name)
	if len(toks) < 2 || len(toks) > 4 {
		return ""
	}
	first := strings.ToLower(toks[0].text)
	if !g.familyFirst[first] {
		return ""
	}
	for _, t := range toks[1:] {
		if !isCap(t.text) {
			return "" // "Le" in "Marine Le Pen" follows a given name; "de", "al-" are no such names
		}
	}
	return first
}
