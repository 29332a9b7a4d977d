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
