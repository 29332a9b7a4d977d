package extract

import "strings"

// sectorVeto are words after a sector noun that make the noun a modifier
// of something else ("Russian military spokesman", "Chinese government
// bonds"): the phrase then names no actor.
var sectorVeto = toSet("spokesman spokeswoman spokesperson spokespeople chief chiefs head heads source sources statement " +
	"statements spending budget budgets bond bonds debt data figures official officials member members 's - " +
	"plane planes aircraft base bases")

// sectorActors folds a country named with a part of it into one country
// unit carrying that part's CAMEO agent code (sectors.tsv): an adjective
// and a sector noun ("Russian forces", "the Chinese government", "Syrian
// rebels") or a possessive and one ("Iraq's government"). Event rules
// then take the phrase as the country acting, with its sector. A phrase
// followed by a name, a title or a word that makes the noun a modifier
// ("Israeli police spokesman Micky Rosenfeld") is left as it was.
func (d *doc) sectorActors(units []*unit, st *sentence) []*unit {
	var out []*unit // nil until a phrase folds
	for k := 0; k < len(units); k++ {
		u := units[k]
		j := k + 1
		if !u.demonym && j < len(units) && units[j].kind == kWord && units[j].text == "'s" {
			j++
		}
		n, code := 0, ""
		if u.kind == kCountry && u.ref != nil && u.sector == "" && (u.demonym || j == k+2) {
			n, code = d.sectorAt(units, j)
		}
		if n == 0 || !sectorEnds(units, j+n) {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		last := units[j+n-1]
		r := *u.ref
		out = append(out, &unit{kind: kCountry, text: st.text[u.start:last.end], start: u.start, end: last.end,
			ref: &r, sector: code})
		k = j + n - 1
	}
	if out == nil {
		return units
	}
	return out
}

// sectorAt returns the length in units and the code of the longest
// sector noun phrase starting at units[j], or 0.
func (d *doc) sectorAt(units []*unit, j int) (int, string) {
	var parts []string
	best, code := 0, ""
	for n := 1; n <= d.g.sectorLen && j+n <= len(units); n++ {
		w := units[j+n-1]
		if w.kind != kWord {
			break
		}
		parts = append(parts, w.lower())
		if c, ok := d.g.sectors[strings.Join(parts, " ")]; ok {
			best, code = n, c
		}
	}
	return best, code
}

// sectorEnds reports whether a sector phrase may end before units[j]: at
// the end of the sentence, or before anything that is not a name, a
// title or a word of sectorVeto.
func sectorEnds(units []*unit, j int) bool {
	if j >= len(units) {
		return true
	}
	switch u := units[j]; u.kind {
	case kPerson, kOffice, kOther, kOrg:
		return false
	case kWord:
		return !sectorVeto[u.lower()]
	}
	return true
}
