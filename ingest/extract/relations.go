package extract

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/graph"
)

// eventRule is a verb pattern for an event predicate. Groups s and o name
// the two sides (coordinated lists allowed); passive rules swap nothing but
// are written with the roles in place. pair rules have only s, a list of at
// least two that relate pairwise.
type eventRule struct {
	pred string
	re   *regexp.Regexp
	base float64
	pair bool
}

const (
	objEvent = `(?:<[PCG]\d+>)`
)

var eventRules = []eventRule{
	{graph.Met, compile(`%S% %AUX%%ADV%(?:met|meets|hosted|hosts|received|welcomed|held talks with|holds talks with|held (?:a |an |their |his |her |its )?(?:[a-z\-]+ ){0,2}meeting with|sat down with|met with|meets with|talked with)(?: with)? %O%`), confVerb, false},
	{graph.Met, compile(`%O% (?:was|were) (?:hosted|received|welcomed) by %S%`), confVerb, false},
	{graph.Met, compile(`%SS% %AUX%%ADV%(?:met|held talks|sat down|held (?:a |an )?(?:[a-z\-]+ )?meeting)`), confVerb, true},
	{graph.Met, compile(`(?:meeting|talks) between (?P<s><[PCG]\d+> and <[PCG]\d+>)`), 0.75, true},
	{graph.Visited, compile(`%S% %AUX%%ADV%(?:visited|visits|traveled to|travelled to|arrived in|flew to|toured|paid a visit to|made a visit to|made a trip to) (?:the )?(?P<o><[CL]\d+>)`), confVerb, false},
	{graph.SpokeWith, compile(`%S% %AUX%%ADV%(?:spoke|speaks|talked|talks|held (?:a )?(?:phone|telephone|video) (?:call|talks)|had (?:a )?(?:phone|telephone|video) (?:call|conversation)) (?:by (?:phone|telephone) |on the (?:phone|telephone) |over the (?:phone|telephone) )?(?:with|to) %O%`), confVerb, false},
	{graph.SpokeWith, compile(`%SS% %AUX%%ADV%(?:spoke|talked) (?:by (?:phone|telephone)|on the (?:phone|telephone)|over the (?:phone|telephone))`), confVerb, true},
	{graph.SpokeWith, compile(`%S% %AUX%%ADV%(?:phoned|called|telephoned) %O%`), 0.8, false},
	{graph.Criticized, compile(`%S% %AUX%%ADV%(?:criticized|criticised|criticizes|criticises|slammed|slams|condemned|condemns|denounced|denounces|rebuked|rebukes|blasted|lambasted|berated|chided|castigated|scolded) %O%`), confVerb, false},
	{graph.Criticized, compile(`%O% (?:was|were|has been|have been|had been) %ADV%(?:criticized|criticised|condemned|slammed|denounced|rebuked|blasted|lambasted) by %S%`), confVerb, false},
	{graph.Criticized, compile(`%S% 's (?:[a-z\-]+ ){0,2}(?:criticism|criticisms|condemnation|rebuke|attacks) (?:of|on) %O%`), confNominal, false},
	{graph.Accused, compile(`%S% %AUX%%ADV%(?:accused|accuses) %O% of`), confVerb, false},
	{graph.Accused, compile(`%O% (?:was|were|has been|have been|had been) %ADV%accused by %S%`), confVerb, false},
	{graph.Threatened, compile(`%S% %AUX%%ADV%(?:threatened|threatens) (?:<D\d+> )?(?:to (?:[a-z\-]+ ){1,5}(?:on|against|with|from) (?:the )?)?%O%`), confVerb, false},
	// "threatened further action against Russia"
	{graph.Threatened, compile(`%S% %AUX%%ADV%(?:threatened|threatens) (?:<D\d+> )?(?:[a-z\-]+ ){0,2}(?:action|actions|measures|retaliation|reprisals|consequences|force|war|strikes) against (?:the )?%O%`), confVerb, false},
	// "threatened to annihilate South Korea", "threatened to strike Kyiv"
	{graph.Threatened, compile(`%S% %AUX%%ADV%(?:threatened|threatens) to (?:[a-z]+ )?(?:attack|annihilate|destroy|strike|invade|punish|retaliate against|hit|bomb|blockade|sanction|expel|sue|crush|target|obliterate|wipe out|isolate) (?:the )?%O%`), confVerb, false},
	{graph.Threatened, compile(`%O% (?:was|were|has been|have been) %ADV%threatened by %S%`), confVerb, false},
	{graph.Sanctioned, compile(`%S% %AUX%%ADV%sanctions %O%`), confVerb, false},
	// "sanctioned Russian oil producers Rosneft and Lukoil"
	{graph.Sanctioned, compile(`%S% %AUX%%ADV%sanctioned (?:<C\d+> )?(?:%W% ){1,2}%O%`), confVerb, false},
	{graph.Sanctioned, compile(`%S% %AUX%%ADV%(?:imposed|imposes|announced|announces|adopted|adopts|approved|approves|unveiled|unveils|slapped|slaps|levied|introduced|extended|expanded|passed|placed|agreed|rolled out|hit) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?sanctions (?:package |packages )?(?:on|against|targeting) (?:the )?%O%`), confVerb, false},
	{graph.Sanctioned, compile(`%O% (?:was|were|has been|have been|had been) %ADV%sanctioned by %S%`), confVerb, false},
	{graph.SignedAgreement, compile(`%S% %AUX%%ADV%(?:signed|signs|inked|concluded|sealed) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|agreements|deal|treaty|accord|pact|memorandum|declaration|partnership) (?:(?:[a-z0-9\-]+) ){0,4}?with (?:the )?%O%`), confVerb, false},
	{graph.SignedAgreement, compile(`%SS% %AUX%%ADV%(?:signed|inked|concluded|sealed) (?:(?:[a-z0-9\-]+|<[CG]\d+>|'s) ){0,6}?(?:agreement|deal|treaty|accord|pact|memorandum|declaration)`), confVerb, true},
	{graph.NominatedAs, compile(`%S% %AUX%%ADV%(?:nominated|picked|tapped|chose|selected|named|designated) %PO% (?:as|for|to be|to serve as|to lead|to head|to become) (?:the |his |her |their |its )?(?:next |new )?%OFF%`), confNominate, false},
	{graph.NominatedAs, compile(`%PO% (?:was|has been|had been) (?:nominated|picked|tapped|chosen|selected|designated) (?:by <[PCG]\d+> )?(?:as|for|to be|to serve as|to become) (?:the )?(?:next |new )?%OFF%`), confNominate, false},
}

// readEvents runs the event rules over the folded template.
func (d *doc) readEvents(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, r := range eventRules {
		for _, m := range findAll(r.re, tpl, units, pos) {
			if negated(tpl, m.loc[0]) {
				continue
			}
			subs := m.all("s")
			if r.pair {
				for a := 0; a < len(subs); a++ {
					for b := a + 1; b < len(subs); b++ {
						d.addEvent(r, m, subs[a], subs[b], st, sentIdx)
					}
				}
				continue
			}
			if r.pred == graph.NominatedAs {
				per, off := m.one("o"), m.one("off")
				if per == nil || per.kind != kPerson || off == nil || off.off.elect {
					continue
				}
				d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
					obj: &ref{graph.Position, nominationName(m, off, d), 1}, objText: off.text,
					base: r.base, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
				continue
			}
			for _, s := range subs {
				for _, o := range m.all("o") {
					d.addEvent(r, m, s, o, st, sentIdx)
				}
			}
		}
	}
}

// nominationName names the office of a nomination; head offices name
// their country or organization ("President of the United States").
func nominationName(m *match, off *unit, d *doc) string {
	if !off.off.head {
		return off.off.name
	}
	aff := m.one("aff2")
	if aff == nil {
		aff = m.one("aff1")
	}
	if aff == nil {
		return off.off.name
	}
	name := aff.ref.name
	if aff.ref.typ == graph.Country && strings.HasPrefix(name, "United ") {
		name = "the " + name
	}
	return off.off.name + " of " + name
}

func (d *doc) addEvent(r eventRule, m *match, s, o *unit, st *sentence, sentIdx int) {
	if s == o || s.ref == nil || o.ref == nil || s.ref.name == o.ref.name {
		return
	}
	// People and countries act; a lone unknown name is too weak an actor.
	if !actor(s) || (!actor(o) && r.pred != graph.Visited) {
		return
	}
	c := &cand{pred: r.pred, subj: s.ref, subjText: s.text, obj: o.ref, objText: o.text,
		base: r.base, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate}
	if r.pred == graph.Met || r.pred == graph.Visited {
		c.loc = locationAfter(m)
		if r.pred == graph.Visited && o.kind == kPlace {
			c.obj = &ref{graph.Place, o.text, 0.8}
		}
	}
	d.add(c)
}

func actor(u *unit) bool {
	switch u.kind {
	case kCountry, kOrg:
		return !u.demonym
	case kPerson:
		return u.ref.conf >= 0.7
	}
	return false
}

var locRe = regexp.MustCompile(`^(?: [a-z]+){0,3}? (?:in|at) (?:the )?<([LXC])(\d+)>`)

// locationAfter reads "in Palm Beach" / "at the White House" right after a match.
func locationAfter(m *match) string {
	rest := m.tpl[m.loc[1]:]
	if sm := locRe.FindStringSubmatchIndex(rest); sm != nil {
		k := unitAt(m.pos, m.loc[1]+sm[2])
		if k >= 0 && k < len(m.units) {
			return m.units[k].text
		}
	}
	return ""
}

var negRe = regexp.MustCompile(`(?:not|never|n't|no longer|without|failed to|refused to|declined to|would|will|could|may|might|plans to|expected to|set to) $`)

// negated reports whether the words just before a match deny or defer it.
func negated(tpl string, at int) bool {
	start := max(0, at-24)
	return negRe.MatchString(tpl[start:at])
}
