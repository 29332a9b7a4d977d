package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// readCounterparts reads "Foreign Minister Wang Yi met his Saudi
// counterpart Faisal bin Farhan": a counterpart named with a country holds
// the office of the person whose counterpart they are, in that country
// ("Foreign Minister of Saudi Arabia"). The owner is the last person named
// before the possessive in the sentence, whose office the sentence or the
// article before it states; only an office every country has and that
// heads no country is read (a head's counterpart may hold another title:
// a president's Indian counterpart is its prime minister), and nothing
// when the owner's office is not known.
func (d *doc) readCounterparts(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reCounterpart, tpl, units, pos) {
		per, aff := m.one("per"), m.one("aff")
		if per == nil || per.kind != kPerson || per.ref == nil || aff == nil || aff.kind != kCountry || aff.ref == nil ||
			aff.ref.typ != graph.Country || aff.sector != "" {
			continue
		}
		a, _ := m.unitRange()
		var owner *unit
		for k := a - 1; k >= 0; k-- {
			if units[k].kind == kPerson && units[k].ref != nil {
				owner = units[k]
				break
			}
		}
		if owner == nil || owner.ref.name == per.ref.name {
			continue
		}
		off := d.heldOffice(owner.ref.name)
		if off == nil {
			continue
		}
		d.add(&cand{pred: graph.HoldsPosition, subj: per.ref, subjText: per.text,
			obj: &ref{graph.Position, nationalOffice(off, aff.ref.name), 1}, base: confAppos,
			span: m.span(), sent: st, sentIdx: sentIdx})
	}
}

// heldOffice returns the office every country has (a national title that
// heads nothing and is sent nowhere: "Foreign Minister") that person
// holds by the candidates read so far, or nil.
func (d *doc) heldOffice(person string) *office {
	for i := len(d.cands) - 1; i >= 0; i-- {
		c := d.cands[i]
		if c.pred != graph.HoldsPosition || c.ended || c.subj == nil || c.obj == nil || c.subj.name != person {
			continue
		}
		off := c.bareOff
		if off == nil {
			name := c.obj.name
			for k := strings.LastIndex(name, " of "); k > 0 && off == nil; k = strings.LastIndex(name[:k], " of ") {
				if o := d.g.offices[name[:k]]; o != nil && o.national == name[:k] {
					off = o
				}
			}
		}
		if off != nil && off.national != "" && off.to == "" && !off.head && !off.elect {
			return off
		}
	}
	return nil
}
