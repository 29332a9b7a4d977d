package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// governmentNouns, after a leader's surname ("the Bush administration",
// "the Assad regime", "the Netanyahu government"), name the government
// that leader heads or headed.
var governmentNouns = toSet("administration administrations government governments regime cabinet")

// headSurnames indexes the heads of state or government of heads by
// surname, lower-cased: the last word of the full name and of its
// aliases, without a particle glued to it ("al-Assad": "assad"), or for a
// name written family name first ("Moon Jae-in") that family name; a
// one-word alias ("Gaddafi", "Sisi") counts as a surname. A surname of
// heads of two countries maps to "". Only heads of countries count.
func (g *gazetteer) headSurnames(heads []*leader) map[string]string {
	out := map[string]string{}
	add := func(key, country string) {
		if old, ok := out[key]; ok && old != country {
			out[key] = "" // "Kim": North and South Korea
			return
		}
		out[key] = country
	}
	for _, l := range heads {
		if e := g.entities[l.affil]; e == nil || e.typ != graph.Country {
			continue
		}
		for _, n := range append([]string{l.name}, l.aliases...) {
			toks := tokenize(n)
			var key string
			switch {
			case len(toks) == 0:
				continue
			case len(toks) == 1:
				key = strings.ToLower(toks[0].text)
			case g.familyFirstOf(n) != "":
				key = g.familyFirstOf(n)
			default:
				key = strings.ToLower(toks[len(toks)-1].text)
			}
			for _, p := range []string{"al-", "el-", "as-", "ash-"} {
				key = strings.TrimPrefix(key, p)
			}
			if key != "" && !calendarWords[strings.ToUpper(key[:1])+key[1:]] {
				add(key, l.affil)
			}
		}
	}
	return out
}

// governmentAt reads "the Bush administration", "the Assad regime", "the
// Netanyahu government" at toks[i]: a surname the gazetteer knows as a
// head of state or government of one country, after "the" and before a
// noun of governmentNouns, is that country's government (sector GOV), as
// event data codes it, not the person (nor, for a surname shared by two
// such heads, a new person "Bush"). It returns the country's unit over
// the surname and the noun, and the tokens it read; nil for any other
// token. A surname the gazetteer does not know ("the Kovacevic
// administration") is left to matchName.
func (d *doc) governmentAt(s string, toks []token, i int) (*unit, int) {
	if i == 0 || i+1 >= len(toks) || toks[i-1].text != "the" && toks[i-1].text != "The" ||
		!governmentNouns[d.lows[i+1]] || !isCap(toks[i].text) {
		return nil, 0
	}
	key := d.lows[i]
	for _, p := range []string{"al-", "el-", "as-", "ash-"} {
		key = strings.TrimPrefix(key, p)
	}
	country := d.g.govSurnames[key]
	if country == "" {
		return nil, 0
	}
	if name := d.persons[d.lows[i]]; name != "" {
		// A person the article named in full before: the surname is
		// theirs, and the noun their government only if they are a
		// head of that country.
		if l := d.leaderOf(name); l == nil || l.affil != country {
			return nil, 0
		}
	}
	r := d.entityRef(country)
	if r == nil {
		return nil, 0
	}
	start, end := toks[i].start, toks[i+1].end
	return &unit{kind: kCountry, text: s[start:end], start: start, end: end, ref: r, sector: "GOV"}, 2
}

// headGovernment reads "Sheinbaum's government", "Mexican President
// Claudia Sheinbaum's administration" at units[k]: a person the article
// (a leads fact of its own, not ended) or the gazetteer (a head of state
// or government) gives as head of one country, then "'s" and a noun of
// governmentNouns, is that country's government (sector GOV), as
// governmentAt reads "the Sheinbaum government". It returns the country's
// unit over the three units, or nil.
func (d *doc) headGovernment(units []*unit, k int, st *sentence) *unit {
	if k+2 >= len(units) {
		return nil
	}
	u, s, n := units[k], units[k+1], units[k+2]
	if u.kind != kPerson || u.ref == nil || u.pronoun || u.ref.conf < 0.7 || s.kind != kWord || s.text != "'s" ||
		n.kind != kWord || !governmentNouns[n.lower()] || !sectorEnds(units, k+3) {
		return nil
	}
	r := d.headedCountry(u.ref.name)
	if r == nil {
		return nil
	}
	c := *r
	return &unit{kind: kCountry, text: st.text[u.start:n.end], start: u.start, end: n.end, ref: &c, sector: "GOV"}
}

// headedCountry returns the one country the article says name leads (a
// leads fact not ended), else the one the gazetteer lists name as head of
// state or government of; nil when neither says.
func (d *doc) headedCountry(name string) *ref {
	var found *ref
	for _, c := range d.cands {
		if c.pred != graph.Leads || c.ended || c.subj == nil || c.subj.name != name || c.obj == nil || c.obj.typ != graph.Country {
			continue
		}
		if found != nil && found.name != c.obj.name {
			return nil
		}
		found = c.obj
	}
	if found != nil {
		return found
	}
	l := d.leaderOf(name)
	if l == nil || l.affil == "" {
		return nil
	}
	if o := d.g.offices[l.role]; !l.head && (o == nil || !o.head) {
		return nil
	}
	if r := d.entityRef(l.affil); r != nil && r.typ == graph.Country {
		return r
	}
	return nil
}
