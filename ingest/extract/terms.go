package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// Terms of office stated without a verb of change: "has served as ...
// since", "was prime minister from 2010 to 2014", "took the helm of", ",
// whom X appointed defence minister in March,", and successions in the
// passive ("was replaced by Y").
var (
	// "Lavrov, whom Putin appointed foreign minister in 2004,"
	reWhom = compile(`(?P<s><P\d+>) , whom <[PCG]\d+> %AUX%%ADV%(?P<v>appointed|named|made|picked|chose|tapped|nominated|installed|elected) (?:as |to be |to )?(?:the |his |her |its |their )?%OFF%`)
	// "Sikorski, appointed foreign minister in December 2023,"
	reAppointedAppos = compile(`(?P<s><P\d+>) , (?:newly |recently )?(?:appointed|named|elected|re-elected|installed|reappointed) (?:as )?(?:the )?%OFF%`)
	// "became the first woman to lead the WTO"
	reBecameToLead = compile(`%PS% %AUX%%ADV%became (?:the )?(?:[a-z0-9\-]+ ){1,3}to (?:lead|head|chair) (?:the )?(?P<aff><[CG]\d+>)`)
	// "has served as prime minister since 2019", "who served as foreign minister under Merkel"
	reServed = compile(`%PS% (?P<aux>has |have |had |is |was )?%ADV%(?P<v>served|serves|serving) as (?:the |its |their )?%OFF%`)
	// "Merz is Germany's chancellor", "Kishida was prime minister from 2021 to 2024"
	reCopula = compile(`%PS% %ADV%(?P<v>is|was|has been|had been|remains|remained) %ADV%(?:the |its |their |a |an )?(?:(?P<former>former|ex-) )?(?:current |incumbent |sitting |then |acting |interim )?%OFF%`)
	// "He served as foreign minister from 1990 to 1993, and was finance
	// minister from 1994 to 1998": a second office of the sentence's
	// subject, told after "and" with the subject left out.
	reAndServed = compile(`^(?P<s><P\d+>) (?:[^;]*? )?, (?P<and>and) %ADV%(?P<v>served|was|had been) (?:as )?(?:the |its |their )?%OFF%`)
	// "Japan's prime minister is Shigeru Ishiba", "the current secretary
	// general of NATO is Mark Rutte"
	reCopulaInv = need(compile(`(?:^|, |that |and |but )(?:the |its |their )?(?:(?:current|incumbent|sitting|present) )?%OFF% (?P<v>is|was|remains|remained|has been) (?:now |still )?(?P<s><P\d+>)`), []string{"<O", "chief", "head", "leader", "boss"},
		[]string{" is <P", " was <P", " remains <P", " remained <P", " has been <P", " now <P", " still <P"})
	// "took the helm of NATO", "assumed the chairmanship of the African Union"
	reHelm = compile(`%PS% %AUX%%ADV%(?:took|takes|has taken|assumed|assumes) (?:over )?(?:the )?(?:helm|reins|leadership|chairmanship|presidency|command|charge) (?:of|at) (?:the )?(?:[a-z\-]+ ){0,2}(?P<aff><[CG]\d+>)`)
	// "Ishiba was succeeded by Takaichi", "... stepped down and was replaced by Ishiba"
	reSucceededBy = compile(`(?:(?P<s><P\d+>) (?:, who )?|and )%ADV%(?:was|has been|had been|were) %ADV%(?:succeeded|replaced) (?P<as>as (?:the )?(?:%OFF%|(?:[a-z\-]+ ){1,2}(?:leader|chief|head|boss|chairman|chairwoman|chair)) )?(?:<D\d+> )?by (?P<o><P\d+>)`)
	// "Ishiba resigned in September": the end of the office last stated;
	// "died", "was assassinated" end it too, unless the holder had left it.
	// "was re-elected in 2022 and resigned in 2024": the sentence's
	// subject, left out after "and" (group s2).
	reQuit = compile(`(?:%PS%|^(?P<s2><P\d+>) (?:[^;]*? )?(?P<and>and)) %AUX%%ADV%(?:resigned|stepped down|steps down|quit|was ousted|was removed from office|was impeached and removed(?: from office)?|left office|(?P<death>died|was killed|was assassinated))(?: (?:<D\d+>|[a-z]+|no-confidence|[a-z]+-[a-z]+)){0,4}?(?: \.| ,| ;|$| <D\d+>| (?:after|amid|over|following|and|but)\b)`)
	// "Iohannis, whose second term ended in February 2025,", "when
	// Banda's term ended in May 2014": the end of the office last stated,
	// as reQuit (a government that "collapsed" ends no one's term).
	reTermOver = compile(`(?P<s><P\d+>) (?:, whose|'s) (?:(?:first|second|third|fourth|fifth|last|final|only|current|presidential|[a-z]+-year) )?(?:term|mandate|tenure)(?: in office)? (?:ended|expired|ran out|came to an end)(?: (?:<D\d+>|[a-z]+)){0,3}?(?: \.| ,| ;|$| <D\d+>)`)
	// "the Constitutional Court on Friday removed President Yoon from
	// office", "the army ousted Bazoum", "Putin dismissed Shoigu": the
	// end of the object's office last stated, as reQuit for the passive.
	reRemovedBy = compile(`(?:<[A-Z]\d+>|<[A-Z]\d+> 's [a-z]+|\b(?:army|military|soldiers|troops|officers|generals|mutineers|rebels|junta|parliament|lawmakers|legislators|deputies|senators|congress|senate|court|judges|voters)) %AUX%%ADV%(?:removed|ousted|deposed|toppled|overthrew|unseated|dismissed|sacked|fired|impeached and removed) (?:the )?(?P<s><P\d+>)(?: from (?:office|power|(?:his |her |the )?post))?(?: (?:<D\d+>|in a [a-z]+|in a [a-z]+ [a-z]+))?(?: \.| ,| ;|$| <D\d+>| (?:after|amid|over|following|and|but|on|for)\b)`)
	// dismissal: the verbs of reRemovedBy a superior uses.
	dismissal = lazyRegexp(`\b(?:dismissed|sacked|fired)\b`)
	// "was prime minister when the war began" says nothing of the term's end.
	reWhenAfter = lazyRegexp(`^ (?:when|while|as|at the time|during|until)\b`)
)

// headRoleOf is the role of per at the head of aff: the organization's head
// role, or the role the article (else the gazetteer) gives per at the head
// of the country ("Nigerian President X, who has led Nigeria since 2019").
func (d *doc) headRoleOf(per, aff *unit) string {
	if e := d.g.entities[aff.ref.name]; e != nil && e.typ == graph.Organization {
		return e.headRole
	}
	if c, role := d.ledCountry(per.ref.name); c != nil && c.name == aff.ref.name {
		return role
	}
	if aff.ref.typ == graph.Country {
		// "President Samuel Eze, who has led Nigeria since 2019": the
		// title written without a country is the one of the country led.
		if h := d.pendingHead(per.ref.name); h != nil {
			return h.role
		}
	}
	return ""
}

// readTerms reads the rules above; changes are the changes of office the
// sentence stated before (for the passive succession).
func (d *doc) readTerms(units []*unit, tpl string, pos []int, st *sentence, sentIdx int, changes []*cand) {
	for _, m := range d.findAll(reAppointedAppos, tpl, units, pos) {
		if per := m.one("s"); per != nil && per.kind == kPerson {
			if c := d.stateFromOffice(m, per, false, confChange, st, sentIdx); c != nil {
				c.bound, c.anchor = boundStart, anchorOffice+1
				if v := m.tpl[m.loc[0]:m.loc[1]]; strings.Contains(v, "re-elected") || strings.Contains(v, "reappointed") {
					c.bound, c.anchor = boundNone, 0 // a term continued
				}
				d.add(c)
			}
		}
	}
	for _, m := range d.findAll(reWhom, tpl, units, pos) {
		per, off := m.one("s"), m.one("off")
		if per == nil || per.kind != kPerson || off == nil || off.off == nil {
			continue
		}
		if m.group("v") == "nominated" {
			if !off.off.elect {
				d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
					obj: &ref{graph.Position, nominationName(m, off, d), 1}, objText: off.text,
					base: confNominate, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
			}
			continue
		}
		if c := d.stateFromOffice(m, per, false, confChange, st, sentIdx); c != nil {
			c.bound, c.anchor = boundStart, anchorOffice+1
			d.add(c)
		}
	}
	for _, re := range []*regexp.Regexp{reServed, reCopula, reCopulaInv, reAndServed} {
		for _, m := range d.findAll(re, tpl, units, pos) {
			if negated(tpl, m.loc[0]) || re == reCopulaInv && strings.HasPrefix(tpl[m.loc[1]:], " 's") {
				continue // "the president is Trump's ally"
			}
			v, aux := m.group("v"), strings.TrimSpace(m.group("aux"))
			past := (v == "served" && aux != "has" && aux != "have") || v == "was" || v == "had been" || v == "remained"
			if past && reWhenAfter.MatchString(tpl[m.loc[1]:]) {
				continue
			}
			for _, per := range m.all("s") {
				if per.kind != kPerson {
					continue
				}
				c := d.stateFromOffice(m, per, false, confVerb*0.9, st, sentIdx)
				if c == nil {
					continue
				}
				c.bound, c.ended = boundRange, past || m.group("former") != ""
				if re == reAndServed {
					// dated by its own clause, not by the first office's
					// range: the span starts after "and", which blocks it
					i := re.SubexpIndex("and")
					c.span[0] = m.units[unitAt(m.pos, m.loc[2*i])+1].start
				}
				d.add(c)
			}
		}
	}
	for _, m := range append(d.findAll(reHelm, tpl, units, pos), d.findAll(reBecameToLead, tpl, units, pos)...) {
		aff := m.one("aff")
		if aff == nil || aff.demonym || negated(tpl, m.loc[0]) {
			continue
		}
		for _, per := range m.all("s") {
			role := d.headRoleOf(per, aff)
			if per.kind != kPerson || role == "" {
				continue
			}
			d.add(&cand{pred: graph.Leads, subj: per.ref, subjText: per.text, obj: aff.ref, objText: aff.text,
				role: role, base: confChange, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundStart,
				anchor: anchorOffice + 1})
		}
	}
	for _, m := range d.findAll(reSucceededBy, tpl, units, pos) {
		d.passiveSuccession(m, units, st, sentIdx, changes)
	}
	for _, m := range d.findAll(reQuit, tpl, units, pos) {
		if negated(tpl, m.loc[0]) {
			continue
		}
		from, _ := m.unitRange()
		if i := reQuit.SubexpIndex("and"); m.loc[2*i] >= 0 {
			from = unitAt(m.pos, m.loc[2*i]) + 1 // dated by its own clause
		}
		at, subs := matchDate(m, from), m.all("s")
		if len(subs) == 0 {
			subs = m.all("s2")
		}
		for _, per := range subs {
			d.endTerm(m, per, from, at, m.group("death") != "", st, sentIdx)
		}
	}
	for _, m := range d.findAll(reTermOver, tpl, units, pos) {
		if negated(tpl, m.loc[0]) {
			continue
		}
		from, _ := m.unitRange()
		d.endTerm(m, m.one("s"), from, matchDate(m, from), false, st, sentIdx)
	}
	for _, m := range d.findAll(reRemovedBy, tpl, units, pos) {
		if negated(tpl, m.loc[0]) {
			continue
		}
		// The span starts at the person: the verb stays the coder's, an
		// event of its own ("the army ousted X" coerced X) — but not a
		// superior's dismissal, which the dictionary codes as a rejection
		// ("dismissed the claims").
		a, _ := m.unitRange()
		per := m.one("s")
		from := slices.Index(m.units, per)
		if from < 0 {
			continue
		}
		if dismissal.MatchString(m.tpl[m.loc[0]:m.loc[1]]) {
			from = a
		}
		d.endTerm(m, per, from, matchDate(m, a), false, st, sentIdx)
	}
}

// endTerm ends the office the article last stated per holds (else the
// past term a date at falls in, see quitState), as match m, from its
// unit from, tells: "resigned", "was removed from office", "X ousted
// per". A death ends no term already ended.
func (d *doc) endTerm(m *match, per *unit, from int, at graph.Date, death bool, st *sentence, sentIdx int) {
	if per == nil || per.kind != kPerson || per.ref == nil {
		return
	}
	prev := d.latestState(per.ref.name)
	if prev == nil && !death {
		prev = d.quitState(per.ref.name, at)
	}
	if prev == nil && !death {
		// "President Ante Babic, whose second term ended in February
		// 2025,": a head titled without a country, placed once the
		// article is read (placeImplicit), and its end with it.
		if h := d.pendingHead(per.ref.name); h != nil {
			end := *h
			end.bound, end.ended, end.pending, end.link = boundEnd, true, false, nil
			end.date, end.dateKind, end.dated, end.fixed = graph.Date{}, 0, false, false
			end.span, end.sent, end.sentIdx, end.base = m.span(), st, sentIdx, confChange*0.9
			end.span[0] = m.units[from].start
			d.add(&end)
			d.implicit.heads = append(d.implicit.heads, &end)
		}
		return
	}
	if prev == nil || prev.pred == graph.NominatedAs || death && prev.ended {
		return
	}
	end := *prev
	end.subj, end.subjText = per.ref, per.text
	end.bound, end.ended, end.pending, end.link = boundEnd, true, false, nil
	end.date, end.dateKind, end.dated = graph.Date{}, 0, false
	end.span, end.sent, end.sentIdx, end.base = m.span(), st, sentIdx, confChange*0.9
	end.span[0] = m.units[from].start
	d.add(&end)
}

// passiveSuccession reads "X was replaced by Y": Y succeeded X, and X's
// office (stated in the match, earlier in the sentence or earlier in the
// article) ends where Y's begins.
func (d *doc) passiveSuccession(m *match, units []*unit, st *sentence, sentIdx int, changes []*cand) {
	pred, succ := m.one("s"), m.one("o")
	if pred == nil {
		// "... stepped down in September and was replaced by Ishiba"
		a, _ := m.unitRange()
		for k := 0; k < a; k++ {
			if units[k].kind == kPerson {
				pred = units[k]
				break
			}
		}
	}
	if pred == nil || succ == nil || pred.kind != kPerson || succ.kind != kPerson || pred.ref.name == succ.ref.name {
		return
	}
	var prev *cand
	if m.group("off") != "" {
		prev = d.stateFromOffice(m, pred, true, confChange*0.9, st, sentIdx)
		if prev != nil {
			prev.bound = boundEnd
			d.add(prev)
		}
	}
	// "succeeded as party leader by": an office the article cannot name.
	named := m.group("as") == "" || prev != nil
	for _, c := range changes {
		if prev == nil && c.subj.name == pred.ref.name && c.bound == boundEnd {
			prev = c
		}
	}
	ev := &cand{pred: graph.Succeeded, subj: succ.ref, subjText: succ.text, obj: pred.ref, objText: pred.text,
		base: confVerb, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate}
	if prev != nil && prev.sentIdx == sentIdx {
		ev.link = prev
	}
	if prev == nil && named && matchDate(m, 0).IsZero() {
		// "In June, Popa resigned as deputy prime minister. … He was
		// succeeded by Munteanu": the term the sentence before ended, on
		// the day it ended.
		if q := d.endedBefore(pred.ref.name, sentIdx); q != nil {
			prev, ev.link = q, q
			// The term ends where the successor's starts too, when this
			// sentence tells it more precisely ("…, who was sworn in on
			// May 30": swornSuccessors links the event to it).
			end := *q
			end.link, end.date, end.dateKind, end.dated, end.dateFrom = ev, graph.Date{}, 0, false, nil
			end.span, end.sent, end.sentIdx, end.base = m.span(), st, sentIdx, confChange*0.9
			defer d.add(&end) // after the event, whose date it takes
		}
	}
	d.add(ev)
	if !named {
		return
	}
	if prev == nil {
		prev = d.latestState(pred.ref.name)
		if prev == nil {
			return
		}
		end := *prev
		end.bound, end.ended, end.pending, end.link = boundEnd, true, false, ev
		end.date, end.dateKind, end.dated = graph.Date{}, 0, false
		end.span, end.sent, end.sentIdx, end.base = m.span(), st, sentIdx, confChange*0.9
		d.add(&end)
	}
	next := *prev
	next.subj, next.subjText = succ.ref, succ.text
	next.bound, next.ended, next.pending, next.link = boundStart, false, false, ev
	next.date, next.dateKind, next.dated = graph.Date{}, 0, false
	next.span, next.sent, next.sentIdx, next.base = m.span(), st, sentIdx, confChange*0.9
	d.add(&next)
}

// matchDate returns the first date of a known value inside m from its
// unit from on, or the zero Date.
func matchDate(m *match, from int) graph.Date {
	_, b := m.unitRange()
	for _, u := range m.units[from:b] {
		if u.kind == kDate && u.expr != nil && u.expr.Kind == timex.Point && !u.expr.Value.IsZero() {
			return u.expr.Value
		}
	}
	return graph.Date{}
}

// quitState returns the term a resignation dated at ends when the person
// has no term still open: the latest the article told in the past tense
// ("when Mejia was foreign minister", "served as prime minister from 2001
// to 2009"), if the article gives it no end or one that at falls in ("Lund
// stepped down in April 2009"). A term only called former, or ended at
// another time, is not the one left; nil when there is none.
func (d *doc) quitState(name string, at graph.Date) *cand {
	if at.IsZero() {
		return nil
	}
	for k := len(d.cands) - 1; k >= 0; k-- {
		c := d.cands[k]
		if c.subj == nil || c.obj == nil || c.subj.name != name || c.pred != graph.Leads && c.pred != graph.HoldsPosition ||
			c.bound != boundRange || !c.ended {
			continue
		}
		end, ok := d.knownEnd(c)
		if !ok || !at.Time().Before(end.Time()) && !at.Last().After(end.Last()) {
			return c
		}
	}
	return nil
}

// knownEnd returns the dated end the article gives c's term (same person,
// predicate, object and role), and whether it gives one.
func (d *doc) knownEnd(c *cand) (graph.Date, bool) {
	for _, e := range d.cands {
		if e.dated && (e.bound == boundEnd || e.dateKind == timex.Until) && e.pred == c.pred && e.subj != nil && e.obj != nil &&
			e.subj.name == c.subj.name && e.obj.name == c.obj.name && e.role == c.role {
			return e.date, true
		}
	}
	return graph.Date{}, false
}

// endedBefore returns the term of person name whose dated end the
// sentence before sentIdx told ("In June, Popa resigned as deputy prime
// minister"), or nil.
func (d *doc) endedBefore(name string, sentIdx int) *cand {
	var last *cand
	for _, c := range d.cands {
		if c.sentIdx == sentIdx-1 && c.subj != nil && c.subj.name == name && c.obj != nil && c.bound == boundEnd && c.ended && c.dated &&
			(c.pred == graph.Leads || c.pred == graph.HoldsPosition) {
			last = c
		}
	}
	return last
}
