package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// Reported force. A state that says another used force ("Armenia said on
// Tuesday that Azerbaijani troops had shelled its border villages") makes
// a public accusation (PLOVER DISAPPROVE, CAMEO 112) on the day it says
// so; the force it reports stays a fact, as PLOVER's gold standard codes
// the acts a reporter tells ("Bosnian Serbs said on Tuesday their forces
// had completed their withdrawal" is the withdrawal), but one told only
// by the side it hit is one side's word and is held with less
// confidence. Media, monitors and observatories ("Syrian state media
// reported", "the Syrian Observatory for Human Rights said") are sources,
// not parties: what they report accuses no one. A claim or an allegation
// ("X claimed that Y attacked Z") is the accusation alone (codeClause).

// mediaNouns end the name of a medium: what it reports is its source's,
// not a party's word, even when the state owns it.
var mediaNouns = toSet("media television tv radio broadcaster newspaper newspapers daily press agency outlet outlets")

// confPartyReport scales the confidence of force reported only by the
// side it was used on.
const confPartyReport = 0.8

// stateVoice reports whether u speaks for a state: a country itself or
// through its government, forces, police, courts or legislature, or a
// person (an official, whose country the statement names).
func stateVoice(u *unit) bool {
	if u == nil || u.ref == nil || u.demonym && u.sector == "" {
		return false
	}
	if words := strings.Fields(strings.ToLower(u.text)); len(words) > 0 && mediaNouns[words[len(words)-1]] {
		return false // "Syrian state media", "Iranian state television": a source, even the state's
	}
	switch u.ref.typ {
	case graph.Country:
		return u.sector == "" || stateParts[u.sector]
	case graph.Person:
		return u.ref.conf >= 0.7
	}
	return false
}

// accuseReported states, for an event of force c read inside what the
// reporters said, that the first reporter accused c's subject, dated by
// the dates of the saying (said, the units before the reported clause);
// a reporter that is c's target lowers c's confidence. A reporter that
// is not a state's voice, or that is c's subject ("Russia said its
// forces had struck …"), accuses no one.
func (d *doc) accuseReported(reporters []*unit, said []*unit, c *cand, st *sentence) {
	if len(reporters) == 0 || c.pred != graph.Fought && c.pred != graph.Attacked || c.subj == nil {
		return
	}
	r := reporters[0]
	if !stateVoice(r) || r.ref.name == c.subj.name || r.start >= c.span[0] {
		return
	}
	if c.obj != nil && r.ref.name == c.obj.name && c.base > confCoded*confPartyReport {
		c.base *= confPartyReport
	}
	for _, x := range d.cands {
		if x.pred == graph.Accused && x.sent == st && x.subj.name == r.ref.name && x.obj.name == c.subj.name {
			return // one accusation of one attacker in a sentence
		}
	}
	a := &cand{pred: graph.Accused, subj: r.ref, subjText: r.text, obj: c.subj, objText: c.subjText,
		subjSec: r.sector, objSec: c.subjSec, base: confCoded, span: [2]int{r.start, c.span[1]},
		sent: st, sentIdx: c.sentIdx, bound: boundDate}
	d.add(a)
	d.dateSaying([]*cand{a}, said, st)
}

// reportedInClause reads the clause c (read by the phrasing rules) for a
// reporter who said what its force events state: "Armenia said on Tuesday
// that Azerbaijani troops had shelled …" accuses Azerbaijan. Only the
// first reporting verb with a subject counts, and only for events after
// it; claims and allegations are read by codeClause.
func (d *doc) reportedInClause(units []*unit, toks []string, c [2]int, read []*cand, st *sentence) {
	start := clauseStart(units, toks, c[0])
	for i := c[0]; i < c[1]; i++ {
		if units[i].kind != kWord || !reportVerbs[toks[i]] || strings.Contains(claimWords, toks[i]) {
			continue
		}
		reporter := subjectOf(units, start, i)
		if len(reporter) == 0 {
			return
		}
		k := clauseStart(units, toks, i+1)
		if k >= len(units) {
			return
		}
		for _, e := range read {
			if e.span[0] >= units[k].start {
				d.accuseReported(reporter, units[:k], e, st)
				d.datePledge(e, units, st)
			}
		}
		return
	}
}

// datePledge dates a threat or a pledge c read inside what a reporter
// said, with no date of its own, by the saying: "Trump said on Monday
// that the United States would impose tariffs on Mexico" is a threat made
// on Monday (before, undated). One whose act has a date ("… next
// month") keeps it, as a plan does.
func (d *doc) datePledge(c *cand, units []*unit, st *sentence) {
	if c.dated || c.pred != graph.Threatened && c.pred != graph.Pledged {
		return
	}
	for _, u := range units {
		if u.kind == kDate && u.start >= c.span[0] {
			return // the act's own date, as a plan's (see README: plans)
		}
	}
	if u := sayingDate(units, c.span[0]); u != nil {
		c.date, c.dateKind, c.dated, c.dateFrom, c.fixed = u.expr.Value, u.expr.Kind, true, []*sentence{st}, true
	}
}

// sayingDate returns the date of a saying, the last date of units before
// the clause said, which starts at byte at ("Trump said on Monday that
// …"), or nil.
func sayingDate(units []*unit, at int) *unit {
	var last *unit
	for _, u := range units {
		if u.end > at {
			break
		}
		if u.kind == kDate && u.expr != nil && !u.expr.Value.IsZero() && u.expr.Prep != "by" {
			last = u
		}
	}
	return last
}
