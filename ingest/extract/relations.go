package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// readEvents runs the event rules, and the lexicon's rules whose trigger
// words the template holds, over the folded template.
func (d *doc) readEvents(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, r := range eventRules {
		d.readEventRule(r, units, tpl, pos, st, sentIdx)
	}
	for _, k := range d.lex.candidates(tpl) {
		d.readEventRule(d.lex.rules[k], units, tpl, pos, st, sentIdx)
	}
}

// readEventRule states the facts of one event rule's matches.
func (d *doc) readEventRule(r eventRule, units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	{
		for _, m := range d.findAll(r.re, tpl, units, pos) {
			r := r // a plan below changes this match's predicate only
			if negated(tpl, m.loc[0]) {
				continue
			}
			ok, planned := r.holds(m)
			if !ok {
				continue
			}
			if objectInPhrase(m, tpl) {
				continue // "Hungary's veto of EU aid to Ukraine drew criticism from Poland": not Ukraine
			}
			if planned {
				// "Talks between X and Y on Friday will focus on …": the
				// plan of the event the noun names (graph.PlannedAs).
				p, ok := graph.PlannedAs(r.pred)
				if !ok {
					continue
				}
				r.pred, r.act = p, r.pred
			}
			n0 := len(d.cands)
			subs := m.all("s")
			if r.pair {
				for a := 0; a < len(subs); a++ {
					for b := a + 1; b < len(subs); b++ {
						d.addEvent(r, m, subs[a], subs[b], st, sentIdx)
						if !graph.IsSymmetric(r.pred) {
							d.addEvent(r, m, subs[b], subs[a], st, sentIdx) // "traded barbs": each side to the other
						}
					}
				}
				markNounPlans(d.cands[n0:], planned)
				continue
			}
			if r.pred == graph.NominatedAs {
				per, off := m.one("o"), m.one("off")
				if per == nil || per.kind != kPerson || off == nil || off.off.elect {
					continue
				}
				if v := m.group("v"); (v == "named" || v == "chose") && m.group("nom") == "" && !d.nominates(m, st) {
					continue // an appointment: reChangeObj states it
				}
				d.add(&cand{pred: graph.NominatedAs, subj: per.ref, subjText: per.text,
					obj: &ref{graph.Position, d.nominatorsOffice(m, off, m.one("s")), 1}, objText: off.text,
					base: r.base, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
				continue
			}
			for _, s := range subs {
				for _, o := range m.all("o") {
					d.addEvent(r, m, s, o, st, sentIdx)
				}
			}
			markNounPlans(d.cands[n0:], planned)
		}
	}
}

// markNounPlans marks cs, read from a noun told as planned, nounPlan.
func markNounPlans(cs []*cand, planned bool) {
	for _, c := range cs {
		c.nounPlan = planned
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
	if aff.ref.typ == graph.Country {
		name = countryPhrase(name)
	}
	return off.off.name + " of " + name
}

func (d *doc) addEvent(r eventRule, m *match, s, o *unit, st *sentence, sentIdx int) {
	if s == o || s.ref == nil || o.ref == nil {
		return
	}
	if s.ref.name == o.ref.name && !(s.kind == kCountry && domestic(s.sector, o.sector)) {
		// One actor on both sides; but two parts of one country act on
		// each other ("Georgian protesters received assurances from the
		// Georgian government").
		return
	}
	// People and countries act; a lone unknown name is too weak an actor.
	if !actor(s) || (!actor(o) && r.pred != graph.Visited) {
		return
	}
	if r.pred == graph.Threatened && obstructedMeasure(m, o) {
		return // "threatened to block the sanctions package against Moscow": aimed at the measure, not Russia
	}
	o, r.pred = envoyExpelled(r.pred, r.lemma, o)
	if r.people && (s.kind != kPerson || o.kind != kPerson) || !r.objectFits(o) {
		return
	}
	if r.pred == graph.Attacked && s.kind == kPerson && o.kind == kPerson {
		return // one person attacking another is in words: criticized
	}
	if d.ownCountry(s.ref, o.ref) && r.pred != graph.Criticized && r.pred != graph.Accused {
		return // a leader does not visit, threaten or sanction the country he leads
	}
	if audienceMet(r.pred, s, o) {
		return
	}
	c := &cand{pred: r.pred, act: r.act, subj: s.ref, subjText: s.text, obj: o.ref, objText: o.text,
		subjSec: s.sector, objSec: o.sector, base: r.base, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate,
		hosts: r.hosts}
	if d.lex != nil {
		c.pred = d.lex.force.decide(r.pred, "", "", r.byActor, s.ref, s.sector)
		if d.lex.force != nil {
			c.pred = d.lex.force.personal(c.pred, r.lemma, s.ref)
			var swap bool
			if c.pred, swap = d.lex.force.repressed(c.pred, r.lemma, s, o); swap {
				c.subj, c.obj, c.subjText, c.objText, c.subjSec, c.objSec = c.obj, c.subj, c.objText, c.subjText, c.objSec, c.subjSec
			}
		}
	}
	if r.pred == graph.Met || r.pred == graph.Visited {
		c.loc = locationAfter(m)
		if c.loc == "" {
			c.loc = locationWhere(m)
		}
		if w := m.one("where"); c.loc == "" && w != nil {
			c.loc = w.text // "is in Muscat for talks with"
		}
		if c.loc == "" && r.hosts {
			c.loc = welcomedTo(m) // "welcomed Lula to Lisbon"
		}
		if r.pred == graph.Visited && o.kind == kPlace {
			c.obj = &ref{graph.Place, o.text, 0.8}
		}
		if r.pred == graph.Visited && o.kind == kOrg && (len(o.seats) == 0 || o.in == nil) {
			return // a body is met, not visited; a seat that is a town ("Brussels") is a place
		}
		if r.pred == graph.Visited && o.kind == kOrg {
			// "flew to Brussels": the body the sentence names of those
			// seated there, else the one the seat stands for (the EU), as
			// a trip planned there is.
			if t := seatNamed(m.units, o); t != nil {
				c.obj = t
			}
			c.loc = o.text
		}
		if r.pred == graph.Visited && o.kind == kOther {
			t := seatVisited(m.units, o)
			if t == nil {
				return // a name the gazetteer does not know is no destination
			}
			c.obj, c.loc = t, o.text // "arrived in Brussels": Belgium, or the EU the sentence names
		}
		if r.pred == graph.Visited && o.kind == kCountry && !d.namesItself(o) {
			c.loc = o.text // "visited Amman": Jordan, in Amman (not "after talks in Washington")
		}
		if r.pred == graph.Visited && d.atHome(s, c.obj) {
			return // "Jordan's foreign minister arrived in Amman": home, no visit
		}
	}
	d.add(c)
}

// seatVisited returns what a visit to a seat that is a town ("arrived in
// Brussels") is a visit to: an organization seated there that the
// sentence names too ("for talks with EU foreign ministers", "with NATO
// allies"), else the town's country (Belgium); nil for other places.
func seatVisited(units []*unit, o *unit) *ref {
	if len(o.seats) == 0 || o.in == nil {
		return nil
	}
	if r := seatNamed(units, o); r != nil {
		return r
	}
	r := *o.in
	return &r
}

// seatNamed returns the organization seated in the town o ("Brussels")
// that the sentence of units names as well ("for a NATO meeting", "for
// talks with EU ministers"), or nil when it names none of them.
func seatNamed(units []*unit, o *unit) *ref {
	for _, u := range units {
		if u == o || u.kind != kOrg || u.ref == nil {
			continue
		}
		for _, s := range o.seats {
			if u.ref.name == s.name {
				r := *s
				return &r
			}
		}
	}
	return nil
}

// atHome reports whether person s is, as the article tells it, of
// country c: its leader, a national of it, or holding one of its offices
// ("Jordanian Foreign Minister Ayman Safadi" holds Foreign Minister of
// Jordan). A person arriving in his own country makes no visit.
func (d *doc) atHome(s *unit, c *ref) bool {
	if s.kind != kPerson || s.ref == nil || c == nil || c.typ != graph.Country {
		return false
	}
	if h := d.actorCountry(s); h != nil && h.name == c.name || d.ownCountry(s.ref, c) {
		return true
	}
	for _, k := range d.cands {
		if k.pred == graph.HoldsPosition && k.subj != nil && k.subj.name == s.ref.name && !k.ended && k.obj != nil &&
			strings.HasSuffix(k.obj.name, " of "+c.name) {
			return true
		}
	}
	return false
}

// ownCountry reports whether person p is the gazetteer's leader of country c.
func (d *doc) ownCountry(p, c *ref) bool {
	if p.typ != graph.Person || c.typ != graph.Country {
		return false
	}
	l := d.leaderOf(p.name)
	return l != nil && l.affil == c.name
}

func actor(u *unit) bool {
	switch u.kind {
	case kCountry, kOrg:
		return !u.demonym
	case kPerson:
		// A side of the last meeting read back ("the two ministers")
		// was an actor there, however weak its one-word name
		// ("Sugiono"): the pronoun's discount does not undo that.
		return u.ref.conf >= 0.7 || u.pairRef
	}
	return false
}

var locRe = lazyRegexp(`^(?: ,)?(?: (?:[a-z]+|<D\d+>)){0,3}? (?:in|at) (?:the )?<([LXC])(\d+)>(?: of (?:the )?<X\d+>)?(?: in (?:the )?<([LC])(\d+)>)?`)

// welcomedToRe is the town a host welcomed the guest to, right after the
// match or its date ("welcomed X to Lisbon on Monday").
var welcomedToRe = lazyRegexp(`^(?: <D\d+>)? to (?:the )?<([LXC])(\d+)>`)

// welcomedTo returns the place a hosting match welcomed its guest to
// ("welcomed Zelensky to Warsaw"), or "".
func welcomedTo(m *match) string {
	sm := welcomedToRe.FindStringSubmatchIndex(m.tpl[m.loc[1]:])
	if sm == nil {
		return ""
	}
	if k := unitAt(m.pos, m.loc[1]+sm[2]); k >= 0 && k < len(m.units) {
		return m.units[k].text
	}
	return ""
}

// locationAfter reads "in Palm Beach" / "at the White House" right after
// a match, also after its date (", on Monday in Brasilia"); a building
// named by one common word is placed by the town after it ("at the
// Ministry in Abuja", "at the Ministry of Foreign Affairs in Jakarta":
// Abuja, Jakarta).
func locationAfter(m *match) string {
	rest := m.tpl[m.loc[1]:]
	if sm := locRe.FindStringSubmatchIndex(rest); sm != nil {
		k := unitAt(m.pos, m.loc[1]+sm[2])
		if k >= 0 && k < len(m.units) {
			if sm[6] >= 0 && !strings.Contains(m.units[k].text, " ") {
				if t := unitAt(m.pos, m.loc[1]+sm[6]); t >= 0 && t < len(m.units) {
					return m.units[t].text
				}
			}
			return m.units[k].text
		}
	}
	return ""
}

// whereRe reads "travelled to Paris on Tuesday, where" before a match.
var whereRe = lazyRegexp(`<([LXC])(\d+)>(?: <D\d+>)? , where $`)

// locationWhere reads the place of "X travelled to Paris, where he met Y":
// the place named just before ", where" that opens the match's clause.
func locationWhere(m *match) string {
	start := max(0, m.loc[0]-40)
	sm := whereRe.FindStringSubmatchIndex(m.tpl[start:m.loc[0]])
	if sm == nil {
		return ""
	}
	k := unitAt(m.pos, start+sm[2])
	if k >= 0 && k < len(m.units) {
		return m.units[k].text
	}
	return ""
}

var (
	negRe = filterCompile(`(?:not|never|n't|no longer|without|failed to|refused to|declined to|would|will|could|may|might|plans to|planned to|expected to|set to|hopes to|hoped to|wants to|wanted to|intends to|intended to|is to|are to|if|unless|whether|denied|denies|deny|denied that|denies that|deny that|claimed that|claims that|alleged that|alleges that|claimed <D\d+> that|claims <D\d+> that|alleged <D\d+> that|alleges <D\d+> that) $`, false)
	// "cancelled a planned meeting between", "ruled out talks with"
	cancelRe = filterCompile(`(?:cancell?ed|cancels|postponed|postpones|called off|calls off|scrapped|scraps|shelved|ruled out|rules out|put off|delayed|rejected|rejects|refused|refuses|declined|declines|denied|denies|boycotted|skipped|snubbed) (?:(?:a|an|the|their|his|her|its|any|planned|proposed|scheduled|expected|upcoming|possible|further|new|first|second|[a-z\-]+-level|bilateral|direct|peace) )*$`, false)
	// "... talks between X and Y were postponed", "... will take place next week"
	deferRe = lazyRegexp(`^[^.;"]*?\b(?:will|would|could|may|might|can|cannot|can't|should|must|shall|(?:is|are|was|were) (?:expected|due|scheduled|planned|set|likely|slated|to be held)|(?:was|were|has been|have been|had been|is being|are being) (?:[a-z]+ly )?(?:cancell?ed|postponed|called off|scrapped|shelved|delayed|put off|suspended|ruled out|scheduled|planned|arranged|proposed))\b`)
	// planEnd ends a deferral (deferRe) that plans the event rather than
	// doubting or dropping it: "… will focus on", "… are scheduled for".
	planEnd = lazyRegexp(`\b(?:will|shall|(?:is|are) (?:expected|due|scheduled|planned|set|slated|to be held)|(?:has been|have been|is being|are being) (?:[a-z]+ly )?(?:scheduled|planned|arranged))$`)
	// dropWords later in a planned event's clause say it will not go
	// ahead as planned: "… will be postponed", "… will not take place".
	dropWords = lazyRegexp(`\b(?:not|no longer|never|cancell?ed|postponed|called off|scrapped|shelved|delayed|put off|suspended|ruled out)\b`)
	clauseEnd = lazyRegexp(` (?:, (?:and|but|while|whereas|although|after|before|when|which)|;|\.) `)
)

// aheadRe ends the words before a clause whose act, told in the present,
// is still to come ("a day before", "until").
var aheadRe = lazyRegexp(`\b(?:before|until) $`)

// presentAct reports whether a match that opens with its subject ("<C6>
// hosts <C8>") tells the act in the present tense of the third person.
func presentAct(text string) bool {
	if !strings.HasPrefix(text, "<") {
		return false
	}
	for _, w := range strings.Fields(text) {
		if w[0] == '<' || w == "and" || w == "," || w == "the" {
			continue
		}
		return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && w != "was" && w != "has" && w != "is"
	}
	return false
}

// negated reports whether the words just before a match deny or defer it.
func negated(tpl string, at int) bool {
	start := max(0, at-24)
	if negRe.MatchString(tpl[start:at]) {
		return true
	}
	return cancelRe.MatchString(tpl[max(0, at-80):at])
}

// nounGroup is the index of group n of a rule with notBefore (0 without).
func (r *eventRule) nounGroup(m *match) int {
	if r.notBefore == nil {
		return 0
	}
	return m.re.SubexpIndex("n")
}

// holds applies the rule's own checks to a match: vetoed words in it,
// words after it, and for events named by a noun a deferral later in the
// clause ("talks between X and Y could be delayed"). planned reports a
// deferral that plans the event ("talks between X and Y on Friday will
// focus on trade", "are scheduled for next week"): the match holds as
// the event's plan.
func (r *eventRule) holds(m *match) (ok, planned bool) {
	text := m.tpl[m.loc[0]:m.loc[1]]
	if r.notPossessed && strings.HasSuffix(m.tpl[:m.loc[0]], "'s ") {
		return false, false
	}
	if r.veto != nil && r.veto.MatchString(text) {
		return false, false
	}
	if aheadRe.MatchString(m.tpl[max(0, m.loc[0]-8):m.loc[0]]) && presentAct(text) {
		return false, false // "a week before Chile hosts Peru": still to come
	}
	rest := m.tpl[m.loc[1]:]
	if r.notAfter != nil && r.notAfter.MatchString(rest) {
		return false, false
	}
	if i := r.nounGroup(m); i > 0 && m.loc[2*i] >= 0 {
		// The words before the noun, which the match may have taken one of.
		at := m.loc[2*i]
		if negated(m.tpl, at) || r.notBefore.MatchString(m.tpl[max(0, at-90):at]) {
			return false, false
		}
	}
	if r.deferrable {
		if loc := clauseEnd.FindStringIndex(rest); loc != nil {
			rest = rest[:loc[0]]
		}
		if loc := deferRe.FindStringIndex(rest); loc != nil {
			if planEnd.MatchString(rest[:loc[1]]) && !dropWords.MatchString(rest[loc[1]:]) {
				return true, true
			}
			return false, false
		}
	}
	return true, false
}

// obstructedMeasure reports whether the match m is a threat to block or
// veto a measure (obstructWords) and o is named as the one the measure
// would hit (measureTarget): the threat is aimed at the measure and its
// author, not at o.
func obstructedMeasure(m *match, o *unit) bool {
	a, b := m.unitRange()
	toks := coderTokens(m.units)
	for k := a; k+1 < b; k++ {
		if toks[k] == "to" && obstructWords[toks[k+1]] {
			return measureTarget(m.units, toks, o)
		}
	}
	return false
}

// phrasePreps end the words before an actor that is inside a noun's
// phrase, not the subject of the clause.
var phrasePreps = toSet("to of for on against with in from over about")

// objectInPhrase reports whether a match opens with its object (a
// phrase of the "O drew criticism from S" kind) that is the complement
// of a preposition: the clause's subject is the noun before it.
func objectInPhrase(m *match, tpl string) bool {
	o := m.one("o")
	if o == nil {
		return false
	}
	if k := slices.Index(m.units, o); k < 0 || m.loc[0] != m.pos[k] {
		return false
	}
	before := strings.Fields(tpl[:m.loc[0]])
	return len(before) > 0 && phrasePreps[before[len(before)-1]]
}
