package extract

import (
	"slices"

	"github.com/geokg/geokg/graph"
)

// pronounReportVerbs report a clause whose subject, "it" or "they", is the
// one reporting it ("NATO said on Thursday it would tighten …", "Ecuador
// announced that it would sever …", "the rebels vowed they would …").
// Claims and allegations are left out: what they report is said of
// another (see claimWords).
var pronounReportVerbs = toSet("said says announced announces confirmed confirms declared declares stated states " +
	"insisted insists added adds warned warns vowed vows pledged pledges promised promises indicated indicates")

// reportedPronoun returns a copy of units in which the pronoun opening a
// reported clause stands for its reporter, so that the phrasing rules
// (verbs.tsv, the event rules) read "Ecuador said it would sever
// relations with Mexico" as they read "Ecuador would sever relations
// with Mexico", as the general coder already does. The reporter is the
// actor, or the list of actors ("Britain and France said they …"),
// opening the clause right before the verb of saying, with at most a date
// between them ("NATO on Thursday said it …"); "it" stands for one
// country or organization, "they" for any of them or a list; a person is
// "he" or "she", which coreference reads. The copies take the pronoun's
// place in the text, so a statement read through them spans the reported
// clause, not the saying. It returns nil when no pronoun of units is read
// so, and the indexes in units of the first pronoun read and of its
// reporter.
func reportedPronoun(units []*unit) (out []*unit, at, reporter int) {
	at, reporter = -1, -1
	from := 0 // units before it are copied into out already
	for k := 2; k < len(units); k++ {
		p := units[k]
		if p.kind != kWord || p.lower() != "it" && p.lower() != "they" {
			continue
		}
		j := sayingBefore(units, k)
		if j < 1 {
			continue
		}
		if j--; j > 0 && units[j].kind == kDate {
			j-- // "NATO on Thursday said it …"
		}
		if !reporterActor(units[j]) {
			continue
		}
		a := j
		if a >= 2 && units[a-1].lower() == "and" && reporterActor(units[a-2]) {
			// "Egypt and Sudan said they …", "A , B and C said they …";
			// not "In Addis Ababa , the ministry said it …".
			a -= 2
			for a >= 2 && units[a-1].text == "," && reporterActor(units[a-2]) {
				a -= 2
			}
		}
		if a != j && p.lower() == "it" {
			continue // "Britain and France said it …": not the two
		}
		if a > 0 && units[a-1].kind != kPunct && !clauseJoiners[units[a-1].lower()] {
			continue // "officials in Iran said it …": Iran does not report
		}
		if at < 0 {
			at, reporter = k, a
		}
		out = append(out, units[from:k]...)
		for _, u := range units[a : j+1] {
			c := *u
			c.start, c.end = p.start, p.end
			out = append(out, &c)
		}
		from = k + 1
	}
	if out == nil {
		return nil, -1, -1
	}
	return append(out, units[from:]...), at, reporter
}

// readReported reads the phrasing rules over units with the pronoun of a
// reported clause standing for its reporter (reportedPronoun). A threat or
// pledge so read is the saying itself: when the reported clause names no
// date of its own ("said on Monday it would sever relations with …"), it
// is dated by the date of the saying; a past act reported keeps the date
// of its own clause (a date before the report dates the saying only).
func (d *doc) readReported(units []*unit, st *sentence, sentIdx int) {
	rp, at, reporter := reportedPronoun(units)
	if rp == nil {
		return
	}
	n0 := len(d.cands)
	tpl, pos := template(rp)
	d.readEvents(rp, tpl, pos, st, sentIdx)
	if slices.ContainsFunc(units[at:], func(u *unit) bool { return u.kind == kDate }) {
		return
	}
	var said *unit // "said on Monday it …", "on Monday said it …"
	for _, u := range units[reporter:at] {
		if u.kind == kDate && u.expr != nil && !u.expr.Value.IsZero() {
			said = u
		}
	}
	if said == nil {
		return
	}
	for _, c := range d.cands[n0:] {
		if c.pred == graph.Threatened || c.pred == graph.Pledged {
			c.date, c.dateKind, c.dated, c.dateFrom, c.fixed = said.expr.Value, said.expr.Kind, true, []*sentence{st}, true
		}
	}
}

// sayingBefore returns the index of the verb of saying that reports the
// clause opened by units[k] — right before it ("said it"), before "that"
// and a date ("announced on Monday that it"), or before a phrase of
// circumstance opened by a preposition ("said in a joint communique on
// Sunday that they") — or -1.
func sayingBefore(units []*unit, k int) int {
	j := k - 1
	if j > 0 && units[j].kind == kWord && units[j].lower() == "that" {
		j--
	}
	for v := j; v >= 1 && v >= j-6; v-- {
		u := units[v]
		if u.kind == kWord && pronounReportVerbs[u.lower()] {
			if v == j || units[v+1].kind == kDate && v+1 == j || circumstancePreps[units[v+1].lower()] {
				return v
			}
			return -1
		}
		if u.kind != kWord && u.kind != kDate {
			return -1 // an actor or a comma between: another clause
		}
	}
	return -1
}

// circumstancePreps open a phrase of circumstance between a verb of
// saying and what it reports ("said in a statement that", "announced
// after the meeting that").
var circumstancePreps = toSet("in at during after following through via")

// clauseJoiners open a clause whose subject may follow them ("…, and
// Iran said it …").
var clauseJoiners = toSet("and but while as whereas meanwhile")

// reporterActor reports whether u is an actor that "it" or "they" may
// stand for: a country, an organization or a country's part, not a person
// (a person is "he" or "she").
func reporterActor(u *unit) bool {
	return (u.kind == kCountry || u.kind == kOrg) && coderActor(u)
}
