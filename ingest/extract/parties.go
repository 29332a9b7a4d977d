package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// partyWords end the name of a party or political movement of several
// words ("People's Revolutionary Party", "National Liberation Front").
var partyWords = toSet("Party Front Movement Congress Alliance League")

// partyNames returns units with each party named after its country read
// as one body, never as the country: a country's adjective or name right
// before such a name ("the Lao People's Revolutionary Party", "the
// Cambodian People's Party", "the Indian National Congress") or "of" and
// a country after it ("the Communist Party of Vietnam"). The party is an
// organization of that country, not the country; s is the sentence.
func partyNames(units []*unit, s string) []*unit {
	var out []*unit // nil until a name is joined
	for k := 0; k < len(units); k++ {
		u := units[k]
		n := 0
		switch {
		case u.kind == kCountry && u.sector == "" && k+1 < len(units) && partyName(units[k+1]) && units[k+1].start == u.end+1:
			n = 2 // "Lao" "People's Revolutionary Party"
		case partyName(u) && k+2 < len(units) && units[k+1].kind == kWord && units[k+1].text == "of" &&
			units[k+2].kind == kCountry && !units[k+2].demonym && units[k+2].sector == "" && units[k+2].ref != nil &&
			units[k+1].start == u.end+1 && units[k+2].start == units[k+1].end+1:
			n = 3 // "Communist Party" "of" "Vietnam"
		}
		if n == 0 {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		last := units[k+n-1]
		text := s[u.start:last.end]
		out = append(out, &unit{kind: kOrg, text: text, start: u.start, end: last.end, ref: &ref{graph.Organization, text, 1}})
		k += n - 1
	}
	if out == nil {
		return units
	}
	return out
}

// partyName reports whether u is a name of several words read as a body
// whose last word is one of partyWords ("People's Party").
func partyName(u *unit) bool {
	if u.kind != kOther || u.ref == nil || !strings.Contains(u.text, " ") {
		return false
	}
	return partyWords[u.text[strings.LastIndexByte(u.text, ' ')+1:]]
}

// waterHeads end the first half of the name of a sea, gulf or strait
// named after a country ("the Sea of Japan", "the Gulf of Oman").
var waterHeads = toSet("Sea Gulf Bay Strait Straits Ocean Channel")

// waterNames returns units with each body of water named after a country
// ("Sea of Japan", "Gulf of Mexico", "Strait of Hormuz" does not need it)
// read as one name, a place that is no actor: "fired missiles into the
// Sea of Japan" is not aimed at Japan. s is the sentence.
func waterNames(units []*unit, s string) []*unit {
	var out []*unit // nil until a name is joined
	for k := 0; k < len(units); k++ {
		u := units[k]
		if u.kind != kOther && u.kind != kPlace || k+2 >= len(units) || !waterHeads[u.text[strings.LastIndexByte(u.text, ' ')+1:]] ||
			units[k+1].kind != kWord || units[k+1].text != "of" || units[k+2].kind != kCountry || units[k+2].demonym ||
			units[k+1].start != u.end+1 || units[k+2].start != units[k+1].end+1 {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		last := units[k+2]
		text := s[u.start:last.end]
		typ := graph.Other
		if u.kind == kPlace {
			typ = graph.Place // "in the Gulf of Oman"
		}
		out = append(out, &unit{kind: u.kind, text: text, start: u.start, end: last.end, ref: &ref{typ, text, 1}})
		k += 2
	}
	if out == nil {
		return units
	}
	return out
}
