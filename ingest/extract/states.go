package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

var (
	// Changes of office with the person as subject.
	reChange = compile(`%PS% %AUX%%ADV%(?P<v>was elected|was re-elected|was appointed|was reappointed|was named|was sworn in|was installed|was chosen|was confirmed|was inaugurated|was made|became|becomes|took over|takes over|assumed (?:his |her |the )?(?:role|post|position|office|duties)|took office|takes office|taken office|took up (?:the |his |her )?(?:post|role|position|job)(?: of)?|took the oath of office|returned|resigned|stepped down|steps down|quit|was ousted|was dismissed|was removed|left office|retired)(?P<fill>(?: [a-z0-9\-]+| <D\d+>| by <[A-Z]\d+>| <X\d+>){0,4}?)(?: as)? (?:the )?%OFF%`)
	// Changes of office with another subject: "The Senate confirmed Pete Hegseth as ...",
	// "confirmed retired general Christopher Musa as ..."
	// "Trump named Waltz his national security adviser": see appoint.go for
	// when this is a nomination.
	reChangeObj = compile(`(?P<by><[A-Z]\d+>|parliament|lawmakers|legislators|voters|senators|leaders|members|delegates|deputies|mps|assembly|congress|the house) %AUX%%ADV%(?P<v>appointed|named|elected|confirmed|installed|chose|re-elected|reappointed|dismissed|fired|sacked|ousted|swore in|swears in|sworn in)(?: <D\d+>)? (?:(?:first|second) )?(?:(?:retired|former|veteran|career|senior|general|lieutenant|colonel|admiral|diplomat|lawmaker|economist|banker|judge|professor) ){0,2}(?P<s><P\d+>)(?: <D\d+>)?(?: (?:as|to be|to|to serve as|to become|for))? (?:the |his |her |their |its )?(?:(?:post|position|role|job) of (?:the )?)?(?:(?P<acting>acting|interim|caretaker) )?%OFF%`)
	// "... was sworn in on Saturday" without the office.
	reSworn = compile(`%PS% %AUX%%ADV%(?:was sworn in|were sworn in|took the oath of office|took office|taken office|was inaugurated|assumed office)(?: (?:<D\d+>|[a-z]+)){0,4}?(?: \.| ,|$| <D\d+>)`)
	// "won the leadership of the ruling Liberal Democratic Party", "took
	// over the bloc's rotating chairmanship from Mohamed Ould Ghazouani",
	// "took over the alliance's top job"
	reLeadership = compile(`%PS% %AUX%%ADV%(?:won|secured|clinched|took over|assumed|took up) (?:the )?(?:(?P<aff0><G\d+>) 's )?(?:[a-z\-]+ ){0,2}?(?:leadership|presidency|chairmanship|top job|top post|helm)(?: of (?:the )?(?:[a-z\-]+ ){0,2}(?P<aff><G\d+>))?(?: from (?P<o><P\d+>))?`)
	// "Grossi, who has led the IAEA since 2019", "Kallas, who heads the bloc's diplomacy" is not read;
	// "Prime Minister X, who has led the government since 2019" leads the
	// country the article (or the gazetteer) says X leads.
	reLed = compile(`%PS% (?P<aux>has |have |had )?%ADV%(?P<v>led|headed|chaired|run|ran|leads|heads|chairs) (?:(?:the )?(?P<aff><[CG]\d+>)(?P<after> 's)?(?P<gov> government| administration| cabinet)?|the (?P<own>government|country|nation))(?: (?P<d><D\d+>))?`)
	// "Joly had held the post since 2021", "She has been in the job since
	// March 2022": the office the article gives the person, since then.
	reHeldPost = compile(`%PS% (?:has |have |had )?%ADV%(?:held|occupied|been in) (?:the|this|that|his|her|their) (?:post|office|job|position|role|portfolio) (?P<d><D\d+>)`)
	// "Bartos, who was elected to the post in November 2021", "Kask first
	// took the post on 10 April 2023": the office the article gives the
	// person, from then.
	reToPost = compile(`%PS% %ADV%(?:first )?(?:(?:was|were|had been|has been) %ADV%(?:elected|appointed|named|installed|sworn in) (?:to|in|into)|(?:took|takes|assumed|has taken|had taken)(?: up)?) (?:the|this|that|his|her|their) (?:post|office|job|position|role|portfolio) (?P<d><D\d+>)`)
	// Succession: "..., succeeding Joe Biden" and "X succeeded Y (as ...)".
	reSucceedPart = compile(`(?:, |^)(?P<v>succeeding|replacing|taking over from) (?P<o><P\d+>)`)
	reSucceed     = compile(`%PS% %AUX%%ADV%(?:succeeded|succeeds|replaced|replaces|took over from|takes over from) (?P<o><P\d+>)(?: as (?:the )?%OFF%)?`)
	// Membership.
	reMemberBecame = compile(`%CS% %AUX%%ADV%(?:became|becomes|was admitted as|was accepted as) (?:the |a |an )?(?:[a-z0-9\-]+ ){0,2}?(?:member|member state|members|ally) of (?:the )?%AFF%`)
	reMemberJoin   = compile(`%CS% %AUX%%ADV%(?:formally |officially )?(?:joined|joins|acceded to) (?:the )?(?P<aff><G\d+>)`)
	reMemberIs     = compile(`%CS% (?:is|are|has been|have been|has long been|remains|remain) (?:a |an )?(?:founding |full |longtime )?(?:member|members|member state|member states) of (?:the )?%AFF%`)
	// "Finland became NATO's 31st member"
	reMemberBecame2 = compile(`%CS% %AUX%%ADV%(?:became|becomes) (?P<aff><G\d+>) 's (?:[a-z0-9\-]+ ){0,2}(?:member|member state|ally)`)
	// "NATO member Turkey", "EU member states Hungary and Slovakia"
	reMemberTitle = compile(`(?P<aff><G\d+>) (?:member|members|ally|allies|member state|member states|member country|member countries|member nation|member nations) (?P<s><C\d+>(?:(?: , <C\d+>)*(?: ,)? and <C\d+>)?)`)
	// "Turkey, a NATO member," / "Hungary, a member of the EU,"
	reMemberAppos = compile(`(?P<s><C\d+>) , (?:a|an|the|another) (?:fellow |founding |key |longtime |full |new )?(?:(?P<aff><G\d+>) (?:member|member state|member country|ally)\b|(?:[a-z\-]+ )?member of (?:the )?(?P<aff2><G\d+>))`)
	// "Britain left the EU in 2020", "the United States withdrew from the WHO"
	reMemberLeft = compile(`%CS% %AUX%%ADV%(?:formally |officially )?(?:left|leaves|quit|quits|withdrew from|withdraws from|exited|exits|pulled out of|pulls out of|(?:was |were |has been |had been )(?:suspended|expelled) from) (?:the )?(?P<aff><G\d+>)`)
	// "The African Union suspended Guinea-Bissau on Friday": a membership
	// suspended ends (it starts again if the article says it was restored).
	reMemberSuspended = compile(`(?P<aff><G\d+>) %AUX%%ADV%(?:suspended|expelled) (?P<s><C\d+>)(?: 's membership)?`)
	// "Trump withdrew the United States from the WHO"
	reMemberPulled = compile(`<[PCG]\d+> %AUX%%ADV%(?:withdrew|withdraws|pulled|pulls|took|takes) (?P<s><C\d+>) (?:from|out of) (?:the )?(?P<aff><G\d+>)`)
	// what may follow "left the EU" when it is the body that was left
	leftEnd = lazyRegexp(`^(?: <D\d+>| (?:in|on|at|after|and|but|when|as|over|amid|because|following|with|earlier|last|this|,|\.|;)\b|$)`)
	reAdmit = compile(`(?P<aff><G\d+>) %AUX%%ADV%(?:admitted|welcomed|accepted) (?P<s><C\d+>) as (?:its )?(?:[a-z0-9\-]+ ){0,2}?member`)
)

// reFutureClause finds, in the words before a participle ("..., replacing
// Justin Trudeau"), a clause that tells what is still to come.
var reFutureClause = lazyRegexp(`\b(?:will|would|shall|(?:is|are) (?:set |expected |due |poised |scheduled |likely )?to|plans? to|could|may|might)\b`)

// endVerbs end an office; a re-election or reappointment continues one
// (no new start: the term began before); the others start one.
func changeBound(v string) int {
	if strings.Contains(v, "re-elected") || strings.Contains(v, "reappointed") {
		return boundNone
	}
	for _, w := range []string{"resigned", "stepped down", "steps down", "quit", "ousted", "dismissed", "removed", "left office", "retired", "fired", "sacked"} {
		if strings.Contains(v, w) {
			return boundEnd
		}
	}
	return boundStart
}

// readStates runs the change-of-office, succession, membership and target rules.
func (d *doc) readStates(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	var changes []*cand
	if sub := openingClause(units); sub != nil {
		// "Sworn in as president on April 2, 2024, X named Y prime
		// minister": read first, so that the appointer's office is known.
		stpl, spos := template(sub)
		changes = d.readChanges(sub, stpl, spos, st, sentIdx, nil)
	}
	changes = append(changes, d.readChanges(units, tpl, pos, st, sentIdx, nil)...)
	if rel, hidden := foldRelatives(units, tpl, pos); len(rel) != len(units) {
		// "Brice Oligui Nguema, who seized power in a coup in August
		// 2023, was sworn in as president on Thursday": the subject's
		// own change of office, told past a relative clause.
		rtpl, rpos := template(rel)
		changes = append(changes, d.readChanges(rel, rtpl, rpos, st, sentIdx, hidden)...)
	}
	// The subject's later verb phrases, with their templates: "X was
	// sworn in as president on Tuesday and named Y as prime minister"
	// changes offices too, and "he was elected in November 2009 and
	// succeeded Tabare Vazquez" states a succession (below).
	type clause struct {
		units []*unit
		tpl   string
		pos   []int
	}
	var subs []clause
	for _, sub := range conjuncts(units) {
		stpl, spos := template(sub)
		subs = append(subs, clause{sub, stpl, spos})
		changes = append(changes, d.readChanges(sub, stpl, spos, st, sentIdx, nil)...)
	}
	d.readBodyOffices(units, tpl, pos, st, sentIdx)
	d.readOfficeList(units, tpl, pos, st, sentIdx)
	d.readReplacements(units, tpl, pos, st, sentIdx)
	sworn := d.findAll(reSworn, tpl, units, pos)
	swornRead := map[*unit]bool{}
	for _, m := range sworn {
		for _, per := range m.all("s") {
			if prev := d.pendingState(per.ref.name); prev != nil {
				c := *prev
				c.bound, c.pending, c.span, c.sent, c.sentIdx = boundStart, false, m.span(), st, sentIdx
				c.anchor = anchorOffice + 1
				c.base = confChange * 0.95
				d.add(&c)
				changes = append(changes, &c)
				swornRead[per] = true
			}
		}
	}
	for _, m := range d.findAll(reLeadership, tpl, units, pos) {
		d.leadershipTaken(m, st, sentIdx)
	}
	d.readSuccessorAppos(units, tpl, pos, st, sentIdx)
	d.readTerms(units, tpl, pos, st, sentIdx, changes)
	d.readLed(units, tpl, pos, st, sentIdx)
	d.readSuccession(units, tpl, pos, st, sentIdx, changes)
	for _, c := range subs {
		d.readSuccession(c.units, c.tpl, c.pos, st, sentIdx, changes)
	}
	d.readPredecessor(units, tpl, pos, st, sentIdx)
	// After the successions: "replacing X, who had held the post since
	// 2023" starts the office the replacement ends.
	d.readHeldPost(units, tpl, pos, st, sentIdx)
	d.readPostClauses(units, tpl, pos, st, sentIdx)
	d.swornSuccessors(sworn, swornRead, sentIdx)
	d.readMembership(units, tpl, pos, st, sentIdx)
	d.readTarget(units, st, sentIdx)
}

// readChanges reads the changes of office of a sentence (reChange,
// reChangeObj) and returns the states they made. With hidden (the spans
// of the relative clauses folded out of units), it reads only what
// stands across one of them, the rest having been read unfolded.
func (d *doc) readChanges(units []*unit, tpl string, pos []int, st *sentence, sentIdx int, hidden [][2]int) []*cand {
	var changes []*cand
	res := []*regexp.Regexp{reChange, reChangeObj}
	if hidden != nil {
		res = res[:1]
	}
	for _, re := range res {
		for _, m := range d.findAll(re, tpl, units, pos) {
			if hidden != nil && !acrossHidden(m.span(), hidden) {
				continue // read in the first pass
			}
			v := m.group("v")
			nominate := re == reChangeObj && d.nominates(m, st)
			for _, per := range m.all("s") {
				if per.kind != kPerson {
					continue
				}
				if nominate {
					d.addNomination(m, per, confNominate, st, sentIdx)
					continue
				}
				c := d.stateFromOffice(m, per, false, confChange, st, sentIdx)
				if c == nil && re == reChange && changeBound(v) == boundStart {
					d.swornBareHead(m, per, st, sentIdx, hidden)
				}
				if c == nil && re == reChangeObj {
					c = d.appointedHead(m, per, confChange, st, sentIdx)
				}
				if c == nil && re == reChangeObj {
					c = d.electedByPeople(m, per, confChange, st, sentIdx)
				} else if c != nil && re == reChangeObj {
					d.appointedNational(m, c)
				}
				if c == nil {
					continue
				}
				c.bound = changeBound(v)
				if c.bound == boundEnd {
					c.ended = true
				}
				c.anchor = anchorOfVerb(v) // "voters elected X president" too
				if strings.Contains(v, "confirmed") || strings.Contains(v, "returned") {
					c.bound, c.pending = boundNone, true
				}
				d.add(c)
				changes = append(changes, c)
			}
		}
	}
	return changes
}

// acrossHidden reports whether span holds one of the hidden spans.
func acrossHidden(span [2]int, hidden [][2]int) bool {
	for _, h := range hidden {
		if span[0] < h[0] && span[1] > h[1] {
			return true
		}
	}
	return false
}

// readHeldPost reads reHeldPost and reToPost: the latest office the
// article gives the person, held since the date the sentence gives, or
// from the day they were elected or appointed to it.
func (d *doc) readHeldPost(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	held := d.findAll(reHeldPost, tpl, units, pos)
	for k, m := range append(held, d.findAll(reToPost, tpl, units, pos)...) {
		kind := timex.Since
		if k >= len(held) {
			kind = timex.Point
		}
		du := m.one("d")
		if du == nil || du.expr == nil || du.expr.Kind != kind || du.expr.Value.IsZero() || negated(tpl, m.loc[0]) {
			continue
		}
		for _, per := range m.all("s") {
			if per.kind != kPerson || per.ref == nil {
				continue
			}
			var prev *cand // the latest office, ended or not ("had held")
			for k := len(d.cands) - 1; k >= 0 && prev == nil; k-- {
				if c := d.cands[k]; c.subj.name == per.ref.name && c.obj != nil && (c.pred == graph.Leads || c.pred == graph.HoldsPosition) {
					prev = c
				}
			}
			if prev == nil {
				continue
			}
			c := *prev
			c.bound, c.pending, c.link, c.fixed, c.outgoing, c.anchor, c.ended = boundStart, false, nil, false, false, 0, false
			c.dated, c.date, c.dateKind, c.dateFrom = true, du.expr.Value, du.expr.Kind, []*sentence{st}
			c.span, c.sent, c.sentIdx, c.base = m.span(), st, sentIdx, confVerb*0.9
			d.add(&c)
		}
	}
}

// leadershipTaken reads a match of reLeadership: the subject leads the
// organization from the date of the sentence, in the role of its head;
// the one it was taken over from, when named, leads it no more, and the
// taking over is a succession.
func (d *doc) leadershipTaken(m *match, st *sentence, sentIdx int) {
	aff := m.one("aff")
	if aff == nil {
		aff = m.one("aff0")
	}
	if aff == nil || aff.ref == nil {
		return
	}
	role := ""
	if e := d.g.entities[aff.ref.name]; e != nil {
		role = e.headRole
	}
	from := m.one("o")
	for _, per := range m.all("s") {
		c := &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, obj: aff.ref, objText: aff.text,
			role: role, base: confChange * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundStart}
		d.add(c)
		if from == nil || from.kind != kPerson || from.ref == nil || from.ref.name == per.ref.name {
			continue
		}
		ev := &cand{pred: graph.Succeeded, subj: per.ref, subjText: per.text, obj: from.ref, objText: from.text,
			base: confVerb, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate, link: c}
		d.add(ev)
		end := *c
		end.subj, end.subjText, end.bound, end.ended, end.link = from.ref, from.text, boundEnd, true, c
		d.add(&end)
	}
}

// swornSuccessors reads the swearing-in of a successor the same sentence
// names: "She was succeeded by Tiago Lopes, who was sworn in on 2
// December 2024" dates Lopes's start, and so the succession. sworn are the
// sentence's reSworn matches, read the persons they were read for before
// the succession rules ran.
func (d *doc) swornSuccessors(sworn []*match, read map[*unit]bool, sentIdx int) {
	for _, m := range sworn {
		for _, per := range m.all("s") {
			if read[per] {
				continue
			}
			for k := len(d.cands) - 1; k >= 0; k-- {
				prev := d.cands[k]
				if prev.sentIdx != sentIdx || prev.subj.name != per.ref.name || prev.bound != boundStart || prev.dated ||
					prev.link == nil || prev.link.pred != graph.Succeeded || prev.link.dated {
					continue
				}
				c := *prev
				c.link, c.span, c.anchor, c.base = nil, m.span(), anchorOffice+1, confChange*0.95
				d.add(&c)
				prev.link.link = &c
				break
			}
		}
	}
}

// pendingState is the person's latest office in the article, preferring
// one that was confirmed or announced without a start.
func (d *doc) pendingState(name string) *cand {
	var best *cand
	for _, c := range d.cands {
		if c.subj.name != name || graph.IsEvent(c.pred) || c.ended {
			continue
		}
		if c.pending || best == nil || !best.pending {
			best = c
		}
	}
	if best != nil && (best.pending || best.bound == boundNone) {
		return best
	}
	return nil
}

func (d *doc) readSuccession(units []*unit, tpl string, pos []int, st *sentence, sentIdx int, changes []*cand) {
	emit := func(m *match, subj *unit, pred *unit, main *cand) {
		if subj == nil || pred == nil || subj.kind != kPerson || pred.kind != kPerson || subj.ref.name == pred.ref.name {
			return
		}
		if main == nil {
			main = d.latestState(subj.ref.name)
			if main != nil && main.sentIdx != sentIdx && !(main.dated && main.bound == boundStart) {
				// "British Prime Minister Keir Starmer ... Starmer succeeded
				// Rishi Sunak on July 5": the office known from the article
				// starts with this succession, dated by this sentence.
				start := *main
				start.bound, start.pending, start.ended, start.link, start.fixed = boundStart, false, false, nil, false
				start.dated, start.date, start.dateKind, start.anchor = false, graph.Date{}, 0, 0
				start.span, start.sent, start.sentIdx = m.span(), st, sentIdx
				start.base = confChange * 0.9
				d.add(&start)
				main = &start
			}
		}
		// The succession is dated by the change of office it goes with,
		// also when that was stated in an earlier sentence.
		d.add(&cand{pred: graph.Succeeded, subj: subj.ref, subjText: subj.text, obj: pred.ref, objText: pred.text,
			base: confVerb, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate, link: main})
		if main == nil {
			return
		}
		end := *main
		end.subj, end.subjText = pred.ref, pred.text
		end.bound, end.ended, end.pending = boundEnd, true, false
		end.span, end.sent, end.sentIdx, end.link = m.span(), st, sentIdx, main
		end.base = confChange * 0.9
		if main.sentIdx != sentIdx {
			// The successor's start, already dated, is the predecessor's end.
			end.link = nil
			end.dateKind = 0
			if !main.dated || main.bound != boundStart {
				end.dated = false
			}
		}
		d.add(&end)
	}
	for _, m := range d.findAll(reSucceedPart, tpl, units, pos) {
		if reFutureClause.MatchString(tpl[:m.loc[0]]) {
			continue // "Carney will be sworn in on Friday, replacing Trudeau": not yet
		}
		var main *cand
		var subj *unit
		if len(changes) > 0 {
			main = changes[0]
			for _, u := range units {
				if u.kind == kPerson && u.ref.name == main.subj.name {
					subj = u
					break
				}
			}
		} else {
			a, _ := m.unitRange()
			for k := 0; k < a; k++ {
				if units[k].kind == kPerson {
					subj = units[k]
					break
				}
			}
		}
		emit(m, subj, m.one("o"), main)
	}
	for _, m := range d.findAll(reSucceed, tpl, units, pos) {
		o := m.one("o")
		for _, s := range m.all("s") {
			var main *cand
			if m.group("off") != "" {
				main = d.stateFromOffice(m, s, false, confChange, st, sentIdx)
				if main != nil {
					main.bound = boundStart
					d.add(main)
				}
			}
			emit(m, s, o, main)
		}
	}
}

// latestState is the most recent office fact about the person in the article.
func (d *doc) latestState(name string) *cand {
	for k := len(d.cands) - 1; k >= 0; k-- {
		c := d.cands[k]
		if c.subj.name == name && (c.pred == graph.Leads || c.pred == graph.HoldsPosition) && !c.ended {
			return c
		}
	}
	return nil
}

func (d *doc) readMembership(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	type mr struct {
		re    *regexp.Regexp
		bound int
		base  float64
	}
	for _, r := range []mr{{reMemberBecame, boundStart, confChange}, {reMemberJoin, boundStart, confChange},
		{reMemberIs, boundRange, confVerb * 0.8}, {reAdmit, boundStart, confChange},
		{reMemberBecame2, boundStart, confChange}, {reMemberTitle, boundNone, confTitle},
		{reMemberAppos, boundNone, confAppos}, {reMemberLeft, boundEnd, confChange},
		{reMemberPulled, boundEnd, confChange}, {reMemberSuspended, boundEnd, confChange}} {
		for _, m := range d.findAll(r.re, tpl, units, pos) {
			aff := m.one("aff")
			if aff == nil {
				aff = m.one("aff2")
			}
			if aff == nil || aff.kind != kOrg || negated(tpl, m.loc[0]) {
				continue
			}
			if r.bound == boundEnd && !leftEnd.MatchString(tpl[m.loc[1]:]) {
				continue // "left the EU summit"
			}
			for _, s := range m.all("s") {
				if s.kind != kCountry && s.kind != kOrg || s.demonym || s.ref.name == aff.ref.name {
					continue
				}
				d.add(&cand{pred: graph.MemberOf, subj: s.ref, subjText: s.text, obj: aff.ref, objText: aff.text,
					base: r.base, span: m.span(), sent: st, sentIdx: sentIdx, bound: r.bound, ended: r.bound == boundEnd})
			}
		}
	}
}

// readLed reads "X has led ORG since 2019" and "X, who led ORG from 2014 to
// 2024,": leads with the organization's head role (a country needs the
// gazetteer to know the person's role there). The simple past without a
// date says the tenure is over.
func (d *doc) readLed(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reLed, tpl, units, pos) {
		aff := m.one("aff")
		own := m.group("own") != ""
		if !own && (aff == nil || aff.demonym || m.group("after") != "" && m.group("gov") == "") || negated(tpl, m.loc[0]) {
			continue // "led Japan's delegation"; "led Poland's government" is read
		}
		for _, per := range m.all("s") {
			if per.kind != kPerson || per.ref == nil {
				continue
			}
			obj, objText, role := (*ref)(nil), "", ""
			var pending *cand // the bare head title this tenure belongs to
			if own {
				if obj, role = d.ledCountry(per.ref.name); obj == nil {
					if pending = d.pendingHead(per.ref.name); pending != nil {
						role = pending.role
					}
				}
			} else {
				obj, objText, role = aff.ref, aff.text, d.headRoleOf(per, aff)
				if role == "" && aff.ref.typ == graph.Country {
					role = electedAs(m.units, tpl, pos)
				}
			}
			if obj == nil && pending == nil || role == "" {
				continue
			}
			v, aux := m.group("v"), strings.TrimSpace(m.group("aux"))
			c := &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, obj: obj, objText: objText,
				role: role, base: confVerb * 0.9, span: m.span(), sent: st, sentIdx: sentIdx}
			if du := m.one("d"); du != nil && du.expr != nil {
				switch du.expr.Kind {
				case timex.Since:
					c.bound = boundStart
				case timex.Until:
					c.bound = boundEnd
				}
			}
			past := v == "led" || v == "headed" || v == "chaired" || v == "ran"
			if past && aux != "has" && aux != "have" && c.bound == boundNone {
				c.ended = true
			}
			d.add(c)
			if pending != nil {
				// "Prime Minister X, who has led the government since
				// 2019": placed with the title (placeImplicit), or never.
				d.implicit.heads = append(d.implicit.heads, c)
			}
		}
	}
}

// reElectedAs is the head's office a sentence says its subject was made
// ("has led Slovenia since March 2023, when parliament elected her prime
// minister").
var reElectedAs = compile(`\b(?:elected|appointed|named|installed|chose|as) (?:her |him |them )?(?:the )?(?:country 's )?(?:new |next )?(?P<off><O\d+>)(?: \.| ,| <D\d+>| by| on| in| after|$)`)

// electedAs returns the one head's office reElectedAs reads in the
// sentence, or "".
func electedAs(units []*unit, tpl string, pos []int) string {
	role := ""
	for _, loc := range reElectedAs.FindAllStringSubmatchIndex(tpl, -1) {
		k := reElectedAs.SubexpIndex("off")
		u := units[unitAt(pos, loc[2*k])]
		if u.kind != kOffice || u.off == nil || !u.off.head || u.off.elect {
			continue
		}
		if role != "" && role != u.off.name {
			return ""
		}
		role = u.off.name
	}
	return role
}

// pendingHead returns the head's title the article wrote before person
// without a country (bareHead), still waiting for placeImplicit, or nil.
func (d *doc) pendingHead(person string) *cand {
	for _, h := range d.implicit.heads {
		if h.subj != nil && h.subj.name == person && !h.ended && h.obj == nil {
			return h
		}
	}
	return nil
}

// rePredecessor reads "Sambu's predecessor, Jose Vaz, left office in
// 2020", "Her predecessor, Musa Bello, resigned in April 2021", and
// "his predecessor, Kaja Kallas, had appointed her" with any verb.
var rePredecessor = compile(`(?:(?P<of><P\d+>) 's|(?P<pron>his|her|the)) (?:immediate )?predecessor , (?P<s><P\d+>) ,(?: %AUX%%ADV%(?P<v>left office|resigned|stepped down|quit|retired|was ousted|was removed)(?: (?P<d><D\d+>))?)?`)

// predecessor is a term told by rePredecessor, its office still to be
// found: c without its object, role and predicate; of is the successor
// (or "" for the head the article named last).
type predecessor struct {
	c  *cand
	of string
	// held is the successor's term whose office c was given, once
	// placePredecessors has found it.
	held *cand
	// verbless marks a predecessor told with no verb of leaving ("his
	// predecessor, X, had appointed her"), whose end is the successor's
	// start.
	verbless bool
}

// readPredecessor reads rePredecessor: the predecessor held the office the
// article gives the successor ("Sambu's": Sambu; "his", "her": the person
// the pronoun stands for; "the": the head the article named last) and
// left it when the sentence says, the end of that term
// (placePredecessors finds the office).
func (d *doc) readPredecessor(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(rePredecessor, tpl, units, pos) {
		per := m.one("s")
		if per == nil || per.kind != kPerson || per.ref == nil || m.group("v") == "" && m.group("pron") == "the" {
			continue
		}
		p := predecessor{c: &cand{subj: per.ref, subjText: per.text, ended: true, base: confChange * 0.9,
			span: m.span(), sent: st, sentIdx: sentIdx}, verbless: m.group("v") == ""}
		switch pron := m.group("pron"); {
		case m.one("of") != nil && m.one("of").ref != nil:
			p.of = m.one("of").ref.name
		case pron == "his" || pron == "her":
			a, _ := m.unitRange() // a person named before it in the sentence comes first
			r := d.pronounRef(units[:a], map[string]string{"his": "he", "her": "she"}[pron])
			if r == nil {
				continue
			}
			p.of = r.name
		}
		if du := m.one("d"); du != nil && du.expr != nil && du.expr.Kind == timex.Point && !du.expr.Value.IsZero() {
			p.c.bound, p.c.date, p.c.dated, p.c.fixed, p.c.dateFrom = boundEnd, du.expr.Value, true, true, []*sentence{st}
		}
		d.predecessors = append(d.predecessors, p)
	}
}

// placePredecessors gives each term of d.predecessors the office of its
// successor: the successor's last leads or holds_position candidate told
// up to its sentence, or, for "the predecessor", the last head whose start
// the article tells.
func (d *doc) placePredecessors() {
	for i := range d.predecessors {
		p := &d.predecessors[i]
		pred := ""
		if p.of == "" {
			pred = graph.Leads
		}
		held := d.lastOffice(p.of, pred, p.c.sentIdx, p.of == "")
		if held == nil || held.subj.name == p.c.subj.name {
			continue
		}
		p.c.pred, p.c.obj, p.c.objText, p.c.role = held.pred, held.obj, held.objText, held.role
		p.held = held
		d.add(p.c)
	}
}

// predecessorEnds ends each term of d.predecessors that its sentence does
// not date when its successor's term started ("Since April 2023 Saar has
// been Foreign Minister. Her predecessor, Urmas Reinsalu, …": Reinsalu
// left in April 2023), once the successors' starts are read.
func (d *doc) predecessorEnds() {
	for _, p := range d.predecessors {
		h := p.held
		if h == nil || !p.verbless || p.c.dated || !h.dated || h.bound != boundStart && h.dateKind != timex.Since {
			continue
		}
		p.c.bound, p.c.date, p.c.dated, p.c.fixed, p.c.dateFrom = boundEnd, h.date, true, true, h.dateFrom
	}
}

// lastOffice returns the latest leads or holds_position candidate of the
// article with a place, told in sentence upTo or before it, of person name
// when name is set, of predicate pred when it is set, whose start the
// article tells when started is set (a successor's); nil when there is
// none.
func (d *doc) lastOffice(name, pred string, upTo int, started bool) *cand {
	var last *cand
	for _, c := range d.cands {
		if c.subj == nil || c.obj == nil || c.sentIdx > upTo || c.pred != graph.Leads && c.pred != graph.HoldsPosition ||
			name != "" && c.subj.name != name || pred != "" && c.pred != pred || started && c.bound != boundStart {
			continue
		}
		if last == nil || c.sentIdx >= last.sentIdx {
			last = c
		}
	}
	return last
}

// swornBareHead reads a head's office taken with no country in the
// sentence ("Sofia Gutierrez was sworn in as interim president on 9
// August" in a profile from La Paz): a term starting on the sentence's
// date, kept, like a bare title (bareHead), for placeImplicit to give the
// article's country under its rules (no other country named in the
// sentence, no one else in the office). A future clause ("will be sworn
// in as president") states no such term.
func (d *doc) swornBareHead(m *match, per *unit, st *sentence, sentIdx int, hidden [][2]int) {
	offU := m.one("off")
	if offU == nil || offU.off == nil || !offU.off.head || offU.off.elect || per.ref == nil ||
		!sameRole(offU.off.name, "President") && !sameRole(offU.off.name, "Prime Minister") ||
		m.one("aff1") != nil || m.one("aff2") != nil || d.leaderOf(per.ref.name) != nil {
		return
	}
	a, _ := m.unitRange()
	if reFutureClause.MatchString(st.text[:m.units[a].start]) {
		return
	}
	if k := slices.Index(m.units, offU); k >= 0 && k+1 < len(m.units) && m.units[k+1].lower() == "of" {
		return // "sworn in as premier of Mpumalanga province": the head of what it names, not of a country
	}
	c := &cand{pred: graph.Leads, subj: per.ref, subjText: per.text, role: offU.off.name, bareOff: offU.off,
		base: confChange * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundStart, anchor: anchorOffice + 1}
	if du := nearestDate(m.units, c.span, st.text, hidden); du != nil && du.expr.Kind == timex.Point {
		c.date, c.dateKind, c.dated, c.fixed, c.dateFrom = du.expr.Value, du.expr.Kind, true, true, []*sentence{st}
	}
	d.implicit.heads = append(d.implicit.heads, c)
}

// reSuccessorAppos reads "His successor, Marta Villanueva, ...", "Quispe's
// successor, Marta Villanueva, ...".
var reSuccessorAppos = compile(`(?:(?P<of><P\d+>) 's|(?P<pron>his|her)) (?:immediate )?successor (?:, (?P<s><P\d+>) ,|(?:is|was) (?P<s2><P\d+>)(?: ,| \.| who|$))`)

// successorStartRe opens what the sentence says after reSuccessorAppos of
// the successor's start: "His successor, Petra Horvat, was elected prime
// minister on Tuesday", "…, who was sworn in on 10 March".
var successorStartRe = lazyRegexp(`^[ ,]*(?:who )?(?:(?:was|has been|had been) (?:re-)?(?:elected|sworn in|inaugurated|appointed|installed|confirmed)|took office|took over|assumed office|became)\b`)

// readSuccessorAppos reads reSuccessorAppos: the successor held the last
// office the article gave the one succeeded (his, her: the person the
// pronoun stands for), from a start the sentence does not tell, and
// succeeded them; what the rest of the sentence says of the successor
// ("who quit in January 2023") dates that term like any other.
func (d *doc) readSuccessorAppos(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reSuccessorAppos, tpl, units, pos) {
		per := m.one("s")
		if per == nil {
			per = m.one("s2") // "His successor is Petra Horvat"
		}
		if per == nil || per.kind != kPerson || per.ref == nil {
			continue
		}
		var of *ref
		if o := m.one("of"); o != nil && o.kind == kPerson {
			of = o.ref
		} else if pron := m.group("pron"); pron != "" {
			of = d.pronounRef(nil, map[string]string{"his": "he", "her": "she"}[pron])
		}
		if of == nil || of.name == per.ref.name {
			continue
		}
		held := d.lastOffice(of.name, "", sentIdx, false)
		if held == nil {
			continue
		}
		c := &cand{pred: held.pred, subj: per.ref, subjText: per.text, obj: held.obj, objText: held.objText, role: held.role,
			base: confAppos * 0.9, span: m.span(), sent: st, sentIdx: sentIdx}
		if successorStartRe.MatchString(st.text[m.span()[1]:]) {
			// "…, was elected prime minister on Tuesday": the term
			// starts on the day the sentence gives.
			c.bound = boundStart
		}
		d.add(c)
		d.add(&cand{pred: graph.Succeeded, subj: per.ref, subjText: per.text, obj: of, base: confAppos * 0.9,
			span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate, fixed: true})
	}
}
