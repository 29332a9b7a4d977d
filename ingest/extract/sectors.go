package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// sectorVeto are words after a sector noun that make the noun a modifier
// of something else ("Chinese government bonds", "Russian military
// spending"): the phrase then names no actor.
var sectorVeto = toSet("spending budget budgets bond bonds debt data figures 's - " +
	"plane planes aircraft base bases")

// sectorRoles are nouns naming the people who speak or act for the part
// of a country named before them ("a Pakistani army spokesman", "Russian
// military officials", "Israeli police sources"): the phrase stays that
// part of the country, unless a name follows.
var sectorRoles = toSet("spokesman spokeswoman spokesperson spokespeople chief chiefs head heads source sources " +
	"official officials commander commanders officer officers representative representatives member members")

// lesserWords may stand between a country and an office that names a
// person acting for it: "Taiwan's Vice Foreign Minister", "a senior
// Iraqi foreign ministry official".
var lesserWords = toSet("deputy vice assistant junior senior top chief acting interim")

// sectorActors folds a country named with a part of it into one country
// unit carrying that part's CAMEO agent code (sectors.tsv): an adjective
// and a sector noun ("Russian forces", "the Chinese government", "Syrian
// rebels", "a Pakistani army spokesman"), a possessive and one ("Iraq's
// government"), or either and an office no name follows ("the Iraqi
// foreign minister", "Taiwan's vice foreign minister"), which is the
// government's (GOV) unless sectors.tsv lists the office under another
// code (a senator is LEG). Adjectives coordinated before one noun
// ("Hungarian and Romanian officials", "French, German and Dutch troops")
// each become such a unit. Event rules then take the phrase as the country
// acting, with its sector. A phrase followed by a name, a title or a word
// that makes the noun a modifier ("Israeli police spokesman Micky
// Rosenfeld", "Chinese government bonds") is left as it was.
func (d *doc) sectorActors(units []*unit, st *sentence) []*unit {
	var out []*unit // nil until a phrase folds
	for k := 0; k < len(units); k++ {
		u := units[k]
		if c := d.headGovernment(units, k, st); c != nil {
			// "Sheinbaum's government", "President Lula's
			// administration": the country the head leads, GOV.
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			out = append(out, c)
			k += 2
			continue
		}
		if b := ownBody(units, k); b != nil {
			// "the Treasury Department's Office of Foreign Assets
			// Control": a body of a body of one country is that country's.
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			v := *b
			v.start, v.text = u.start, st.text[u.start:b.end]
			out = append(out, &v)
			k += 2
			continue
		}
		// Coordinated adjectives: "Hungarian and Romanian officials".
		heads := []int{k}
		j := k + 1
		if u.demonym {
			for j+1 < len(units) && isCoord(units[j]) {
				n := j + 1
				if isComma(units[j]) && units[n].kind == kWord && units[n].lower() == "and" && n+1 < len(units) {
					n++
				}
				if c := units[n]; c.kind != kCountry || !c.demonym || c.ref == nil || c.sector != "" {
					break
				}
				heads = append(heads, n)
				j = n + 1
			}
		}
		if !u.demonym && j < len(units) && units[j].kind == kWord && units[j].text == "'s" {
			j++
		}
		n, code := 0, ""
		if u.kind == kCountry && u.ref != nil && u.sector == "" && (u.demonym || j == k+2 || j == k+1 && u.ref.typ == graph.Country) {
			n, code = d.sectorAt(units, j)
			if n > 0 && !u.demonym && j == k+1 && !nounAfterName(units, j+n) {
				// "Ivory Coast rebels", "the Mozambique government"; not
				// "Russia forces Ukraine to …", where the noun is a verb.
				n = 0
			}
			if n == 0 && u.demonym && len(heads) == 1 && creedWord(units, j) {
				// "Irish nationalist guerrillas", "Somali Islamist
				// militants": a creed between the country and the noun.
				if n, code = d.sectorAt(units, j+1); n > 0 {
					n++
				}
			}
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
		for h, at := range heads {
			c := units[at]
			r := *c.ref
			end := c.end
			if h == len(heads)-1 {
				end = last.end
			}
			out = append(out, &unit{kind: kCountry, text: st.text[c.start:end], start: c.start, end: end,
				ref: &r, sector: code})
			if h < len(heads)-1 {
				out = append(out, units[at+1:heads[h+1]]...)
			}
		}
		k = j + n - 1
	}
	if out == nil {
		return units
	}
	return out
}

// creedWord reports whether units[j] is a word naming a creed
// or movement ("nationalist", "Islamist", "Maoist", "separatist"), which
// may stand between a country's adjective and a sector noun.
func creedWord(units []*unit, j int) bool {
	if j >= len(units) || units[j].kind != kWord {
		return false
	}
	w := units[j].lower()
	return len(w) > 4 && strings.HasSuffix(w, "ist")
}

// nounAfterName reports whether a sector noun right after a country's
// name ends before units[j] as a noun rather than a verb: not before an
// actor, a determiner or "to".
func nounAfterName(units []*unit, j int) bool {
	if j >= len(units) {
		return true
	}
	switch u := units[j]; u.kind {
	case kCountry, kPerson, kOrg, kOther, kPlace:
		return false
	case kWord:
		return !coderDeterminers[u.lower()] && u.lower() != "to"
	}
	return true
}

// isCoord reports whether u joins two coordinated words: "and" or a comma.
func isCoord(u *unit) bool {
	return isComma(u) || u.kind == kWord && u.lower() == "and"
}

// sectorModifiers may stand before a sector noun and say which of the
// country's governments or forces it is.
var sectorModifiers = toSet("interim transitional provisional caretaker outgoing incoming ruling military-led")

// sectorAt returns the length in units and the code of the longest
// sector phrase starting at units[j], or 0: a sector noun and the role
// nouns after it ("army spokesman"), or lesser words, an office and role
// nouns ("vice foreign minister").
func (d *doc) sectorAt(units []*unit, j int) (int, string) {
	var parts []string
	best, code := 0, ""
	// "Iraq's interim government", "the transitional authorities": words
	// that say which government it is.
	mods := 0
	for j+mods < len(units) && units[j+mods].kind == kWord && sectorModifiers[units[j+mods].lower()] {
		mods++
	}
	named := false // a body named with capitals
	if k := j + mods; k < len(units) && units[k].kind == kOther {
		// "Russia's Foreign Ministry", "the U.S. Treasury": a government
		// body written with capitals, read as a name of its own. Only
		// the government's: a capitalized army, forces or party is often
		// a movement's own name ("the Free Syrian Army", "the Lebanese
		// Forces"), not the country's part.
		if c := d.g.sectors[strings.Join(strings.Fields(units[k].lower()), " ")]; c == "GOV" {
			best, code, named = mods+1, c, true
		}
	}
	// The longest noun listed: "government troops" is MIL, "government" GOV.
	for n := 1; !named && n <= d.g.sectorLen && j+mods+n <= len(units); n++ {
		w := units[j+mods+n-1]
		if w.kind != kWord {
			break
		}
		parts = append(parts, w.lower())
		if c, ok := d.g.sectors[strings.Join(parts, " ")]; ok {
			best, code = mods+n, c
		}
	}
	if best == 0 {
		best, code = d.officeAt(units, j)
	}
	if best == 0 {
		return 0, ""
	}
	for j+best < len(units) && units[j+best].kind == kWord && sectorRoles[units[j+best].lower()] {
		best++
	}
	return best, code
}

// officeAt returns the length in units and the sector of an office held
// for a country at units[j], after lesser words ("vice", "senior"), or 0.
// An office not yet held ("prime minister-designate") names no actor.
func (d *doc) officeAt(units []*unit, j int) (int, string) {
	n := 0
	for j+n < len(units) && units[j+n].kind == kWord && lesserWords[units[j+n].lower()] {
		n++
	}
	if j+n >= len(units) || units[j+n].kind != kOffice || units[j+n].off == nil || units[j+n].off.elect {
		return 0, ""
	}
	if c, ok := d.g.sectors[strings.ToLower(units[j+n].off.name)]; ok {
		return n + 1, c
	}
	return n + 1, "GOV"
}

// sectorEnds reports whether a sector phrase may end before units[j]: at
// the end of the sentence, or before anything that is not a name, a
// title, a word of sectorVeto or a comma and a name.
func sectorEnds(units []*unit, j int) bool {
	if j >= len(units) {
		return true
	}
	switch u := units[j]; u.kind {
	case kPerson, kOffice, kOther, kOrg:
		return false
	case kWord:
		return !sectorVeto[u.lower()]
	case kPunct:
		// "Russia's deputy foreign minister, Sergei Ryabkov,"
		return !isComma(u) || j+1 >= len(units) || units[j+1].kind != kPerson
	}
	return true
}

// ownBody returns, for a country or a body of it at units[k] owning a
// body of the same country ("the Treasury Department's Office of Foreign
// Assets Control", "America's Pentagon"), the owned body's unit, or nil.
func ownBody(units []*unit, k int) *unit {
	if k+2 >= len(units) {
		return nil
	}
	u, b := units[k], units[k+2]
	if u.kind != kCountry || u.ref == nil || u.demonym || units[k+1].kind != kWord || units[k+1].text != "'s" ||
		b.kind != kCountry || b.ref == nil || b.demonym || b.sector == "" || b.ref.name != u.ref.name {
		return nil
	}
	return b
}
