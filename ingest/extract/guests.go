package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// guestWords mark the guest of a meeting before their name ("received
// the visiting Kazakh President", "met visiting Saudi minister"): words
// of courtesy in state media and readouts, not part of who is met.
var guestWords = toSet("visiting")

// dropGuestWords removes "visiting" (and the article before it) where an
// actor follows, so that "met the visiting Saudi Minister Adel al-Jubeir"
// reads as "met Adel al-Jubeir", as the event rules expect.
func dropGuestWords(units []*unit) []*unit {
	var out []*unit // nil until a word is dropped
	for k, u := range units {
		drop := false
		if u.kind == kWord && k+1 < len(units) {
			next := units[k+1]
			switch {
			case guestWords[u.lower()]:
				drop = actorKind(next.kind)
			case u.lower() == "the" && guestWords[next.lower()] && next.kind == kWord:
				drop = k+2 < len(units) && actorKind(units[k+2].kind)
			}
		}
		if drop && out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		if out != nil && !drop {
			out = append(out, u)
		}
	}
	if out == nil {
		return units
	}
	return out
}

// actorKind reports whether a unit of kind k names a person, a country or
// an organization.
func actorKind(k byte) bool {
	return k == kPerson || k == kCountry || k == kOrg
}

// guestNouns name, after a country's adjective, a person the article has
// named before: "the Saudi dignitary", "the Qatari guest".
var guestNouns = toSet("dignitary guest visitor envoy official")

// namedRoles reads "the Saudi dignitary", "Qatari PM" (a country's
// adjective, then a guest noun or an office, with no name after it) as
// the one person of that country the article has named before in that
// office (for an office) or in any role (for a guest noun), as readers
// of state media and live blogs do; with none, or with two or more, the
// words stay as they are.
func (d *doc) namedRoles(units []*unit) []*unit {
	var out []*unit // nil until a phrase is read
	for k := 0; k < len(units); k++ {
		u := units[k]
		var r *ref
		if u.kind == kCountry && u.ref != nil && u.ref.typ == graph.Country && u.sector == "" && k+1 < len(units) &&
			(k+2 >= len(units) || units[k+2].kind != kPerson) {
			switch next := units[k+1]; {
			case next.kind == kOffice && next.off != nil:
				r = d.onlyHolder(u.ref.name, next.off)
			case next.kind == kWord && guestNouns[next.lower()]:
				r = d.onlyHolder(u.ref.name, nil)
			}
		}
		if r == nil {
			if out != nil {
				out = append(out, u)
			}
			continue
		}
		if out == nil {
			out = append(make([]*unit, 0, len(units)), units[:k]...)
		}
		start := u.start
		if n := len(out); n > 0 && out[n-1].kind == kWord && out[n-1].lower() == "the" {
			start = out[n-1].start
			out = out[:n-1]
		}
		out = append(out, &unit{kind: kPerson, start: start, end: units[k+1].end, ref: &ref{graph.Person, r.name, r.conf * confPronoun}, titled: true})
		k++
	}
	if out == nil {
		return units
	}
	return out
}

// onlyHolder returns the one person the article has said holds office
// off of country (leads it in that role, or holds the office of it), or,
// for a nil off, the one person it has tied to country in any way
// (leads, holds_position, national_of); nil when there is none or more
// than one.
func (d *doc) onlyHolder(country string, off *office) *ref {
	var found *ref
	for _, c := range d.cands {
		if c.subj == nil || c.obj == nil || c.subj.typ != graph.Person || c.ended {
			continue
		}
		ok := false
		switch c.pred {
		case graph.Leads:
			ok = c.obj.name == country && (off == nil || sameRole(c.role, off.name))
		case graph.HoldsPosition:
			ok = strings.HasSuffix(c.obj.name, " of "+countryPhrase(country)) &&
				(off == nil || off.national != "" && strings.HasPrefix(c.obj.name, off.national+" of "))
		case graph.NationalOf:
			ok = off == nil && c.obj.name == country
		}
		if !ok {
			continue
		}
		if found != nil && found.name != c.subj.name {
			return nil
		}
		found = c.subj
	}
	return found
}

// clockDates dates the events of an item stamped with the time of day
// ("10:40 GMT - Pezeshkian meets Qatari PM in Tehran") that its words
// leave undated: a live page tells what happens on the day it is
// published. A future ("will meet") is no event and stays undated.
func (d *doc) clockDates(cs []*cand, st *sentence) {
	if !st.clock || d.pub.IsZero() {
		return
	}
	for _, c := range cs {
		if c.bound == boundDate && !c.dated && !c.pending {
			c.date, c.dateKind, c.dated, c.dateFrom = d.pub, timex.Point, true, []*sentence{st}
		}
	}
}
