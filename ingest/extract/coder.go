package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// The general coder reads the event of a sentence that no phrasing rule
// read, the way the field's dictionary coders do (PETRARCH and its
// successors): the first main verb of the sentence found in the CAMEO verb
// dictionary (cameo.go) or in the project's lexicon gives the event's CAMEO
// code and so its predicate; the actors opening the verb's clause are the
// source, the first actors after the verb the target. It is the fallback
// of the phrasing rules, so its facts are weaker (confCoded) and it reads
// nothing from a sentence they already read an event from.

// confCoded is the strength of an event read by the general coder.
const confCoded = 0.6

// verbCoder gives CAMEO codes to verbs read in context.
type verbCoder interface {
	// match returns the CAMEO code of the verb form toks[i] in its context
	// ("" when it is not a coded verb) and one past the last token used.
	match(toks []string, i int) (code string, end int)
	// isBase reports whether word is a verb's base form ("agree", not
	// "agreed"), which follows a plural subject, a modal or "to".
	isBase(word string) bool
	// lemma returns the base form of a verb form, or "".
	lemma(word string) string
}

// coders reads a verb with the first of its coders that knows it.
type coders []verbCoder

func (cs coders) match(toks []string, i int) (string, int) {
	for _, c := range cs {
		if code, end := c.match(toks, i); code != "" {
			return code, end
		}
	}
	return "", 0
}

func (cs coders) lemma(w string) string {
	for _, c := range cs {
		if l := c.lemma(w); l != "" {
			return l
		}
	}
	return ""
}

func (cs coders) isBase(w string) bool {
	for _, c := range cs {
		if c.isBase(w) {
			return true
		}
	}
	return false
}

// cameoPredicates maps CAMEO code prefixes to predicates, longest prefix
// first; the predicate table gives each its PLOVER type. A code no prefix
// covers (01, statements) states no event.
var cameoPredicates = []struct{ prefix, pred string }{
	{"041", graph.SpokeWith}, {"042", graph.Visited}, {"057", graph.SignedAgreement},
	// PLOVER's RETREAT is withdrew_from for CAMEO's de-escalation (087),
	// and for a leader stepping down (083, 0831) when no one is named as
	// conceded to: the term rules read the end of the term, the event is
	// the leader's withdrawal from office, stated against the country
	// (a domestic event, addDomestic). Letting in
	// observers or peacekeepers (086), PLOVER's RETREAT too, is stated as
	// conceded, since "withdrew from" would misname it.
	{"0832", graph.Conceded}, {"0833", graph.Conceded}, {"0834", graph.Conceded},
	{"083", graph.WithdrewFrom}, {"086", graph.Conceded}, {"087", graph.WithdrewFrom},
	{"050", graph.CooperatedWith}, {"112", graph.Accused},
	{"02", graph.Demanded}, {"03", graph.Pledged}, {"04", graph.Met}, {"05", graph.Supported},
	{"06", graph.CooperatedWith}, {"07", graph.Aided}, {"08", graph.Conceded}, {"09", graph.Investigated},
	{"10", graph.Demanded}, {"11", graph.Criticized}, {"12", graph.Rejected}, {"13", graph.Threatened},
	{"14", graph.Protested}, {"15", graph.Mobilized}, {"16", graph.Sanctioned}, {"17", graph.Coerced},
	{"18", graph.Attacked}, {"19", graph.Fought}, {"20", graph.Attacked},
}

// predicateOfCAMEO returns the predicate of a CAMEO code, or "".
func predicateOfCAMEO(code string) string {
	for _, p := range cameoPredicates {
		if strings.HasPrefix(code, p.prefix) {
			return p.pred
		}
	}
	return ""
}

// Words read around a candidate verb.
var (
	// determiners before a word make it a noun: "the attack", "its support".
	coderDeterminers = toSet("a an the its his her their our my your this that these those any no every each " +
		"some another such 's new further fresh first second renewed repeated")
	// modals and frames before a verb's base form: the act is intended or
	// possible, not done.
	coderModals = toSet("will would shall should could can may might must")
	// auxiliaries before a participle or gerund.
	coderAux = toSet("has have had is are was were be been being")
	// intentFrames end in "to" before a base form: "is ready to", "plans to".
	// Plans, hopes and wishes are not coded ("China plans to invade").
	intentFrames = toSet("ready willing prepared going offered offers promised promises pledged pledges " +
		"vowed vows swore swears sworn agreed agrees decided decides")
	// scheduleWords between a form of "be" and "to" state a plan or a
	// timetable: "is scheduled to visit", "are due to meet", "is set to
	// sign", "was slated to open".
	scheduleWords = toSet("scheduled due set slated poised")
	// readyWords before "to" state a readiness, no act: "prepared to".
	readyWords = toSet("ready willing prepared preparing prepares prepare going")
	// reportVerbs report what someone else did: the event is in their complement.
	reportVerbs = toSet("said says say told tells stated states added adds noted notes reported reports " +
		"announced announces declared declares insisted insists confirmed confirms " +
		"quoted quoting saying telling according " + claimWords)
	// claimWords report a claim the reporter makes against another: "X
	// claimed that Y attacked Z" is X accusing Y, not Y's attack.
	claimWords = "claimed claims claim alleged alleges allege"
	// allegeWords accuse the one the allegation is about, whatever it says
	// of them.
	allegeWords = toSet("alleged alleges allege")
	// denyWords deny what follows: "Modi denied that he had met …",
	// "failed to reach an agreement".
	denyWords = toSet("denied denies deny failed fails fail failing")
	// clauseWords open a new clause: the source is after them.
	clauseWords = toSet("that which who whom whose when while whereas because although though after before " +
		"since until unless if as where but")
	// leadPreps open a phrase before the subject: "In a letter to X, Iraq said".
	leadPreps = toSet("in on at after before during with under despite following amid since for from by " +
		"according to upon over throughout")
	// frameVerbs frame the verb after them rather than state an act of
	// their own: aspect, attempt, wish, decision, being and having.
	frameVerbs = toSet("continue begin start resume keep try attempt seek want plan intend hope expect wish decide " +
		"vote move be have do get agree offer promise pledge vow threaten refuse decline fail deny say tell announce " +
		"help use go come stand")
	// lightVerbs name an act only with the words a pattern reads after them.
	lightVerbs = toSet("take make get put set keep hold have go come do run turn bring carry move open close " +
		"shorten end raise lower cut pass join leave")
	// decideWords take the act they decide: "decided to allow".
	decideWords = toSet("decided decides decide voted votes moved")
	// wishWords state a plan or a wish, no act.
	wishWords = toSet("plan plans planned planning intend intends intended intending want wants wanted wanting " +
		"hope hopes hoped hoping expect expects expected expecting seek seeks sought seeking wish wishes wished")
	// midClause words open a clause with its own subject mid-sentence.
	midClause = toSet("after before since when while because although though whereas unless until")
	// notAsClause words before "as" make it no conjunction: "such as
	// Egypt", "as well as Jordan", "known as Hamas".
	notAsClause = toSet("such well same so just known seen regarded described named designated listed identified " +
		"branded considered elected appointed served sworn acting acted")
	// hedges before a wish or a request make it a guess: "might want Iran
	// to", "may want to".
	hedges = toSet("might may could")
	// leadSubordinators open a clause before the main one ("If Trump meets
	// Putin, the Kremlin will …"): its verb is not the sentence's event.
	leadSubordinators = toSet("if unless when whenever once although though while whereas because as")
	// coderNegations deny the verb after them.
	coderNegations = toSet("not never n't no-longer without nor neither")
	// nounPreps before a verb's base form make it a noun: "under
	// pressure from", "amid protest", "despite pressure", "in support of".
	// A gerund after them is still a verb ("after meeting", gerundPreps).
	nounPreps = toSet("under amid amidst despite of from with without against in into on upon at over " +
		"during after before behind beyond toward towards about")
	// gerundPreps before an -ing word open a gerund clause ("of
	// maintaining", "without consulting").
	gerundPreps = toSet("of for by in without after before while on from")
	// participleAdjectives end in -ed but qualify a noun after "and"
	// ("Ukrainian and allied forces"), no second verb.
	participleAdjectives = toSet("allied armed united related associated affiliated aligned backed based linked " +
		"so-called unnamed unidentified detained displaced wounded injured elected appointed occupied contested disputed")
	// subjectPronouns stand for the reporting clause's subject.
	subjectPronouns = toSet("it they he she we")
	// coderAdverbs may stand between the subject or an auxiliary and the verb.
	coderAdverbs = toSet("also again later then now previously once jointly formally officially already " +
		"reportedly twice even still just recently first finally today yesterday tonight")
)

// toks returns the tokens of units as the templates spell them.
func coderTokens(units []*unit) []string {
	toks := make([]string, len(units))
	for k, u := range units {
		switch u.kind {
		case kWord:
			toks[k] = u.lower()
		case kPunct:
			toks[k] = u.text
		default:
			toks[k] = "<" + string(u.kind) + itoa(k) + ">"
		}
	}
	return toks
}

func itoa(k int) string {
	if k < 10 {
		return string(rune('0' + k))
	}
	return itoa(k/10) + string(rune('0'+k%10))
}

// coderTrace, when set (by a debugging test), hears the coder's decisions.
var coderTrace func(format string, args ...any)

func trace(format string, args ...any) {
	if coderTrace != nil {
		coderTrace(format, args...)
	}
}

// tenureVerbs hold an office when a country or organization is their
// object ("has led Slovenia since 2023", "chaired the bloc"): a state the
// term rules read, never a CAMEO event (PETRARCH2 codes "lead" 060).
var tenureVerbs = toSet("lead head chair")

// heldBody reports whether the words from units[k] name a country or
// organization as a whole (after "the"), not something of it ("led
// Japan's delegation").
func heldBody(units []*unit, k, tail int) bool {
	if k < tail && units[k].kind == kWord && units[k].lower() == "the" {
		k++
	}
	if k >= tail || units[k].kind != kCountry && units[k].kind != kOrg || units[k].demonym || units[k].sector != "" {
		return false
	}
	return !possessed(units, k)
}

// allyObjects after "allied" make it the verb ("allied with", "allied
// itself with"); before a noun it is an adjective ("allied militia").
var allyObjects = toSet("with itself themselves himself herself")

// postNouns name an office taken or held.
var postNouns = toSet("job post role position office portfolio presidency premiership chairmanship leadership helm")

// placeWords before a post noun make it a place ("a border post", "the
// army's observation post"), not an office.
var placeWords = toSet("border police army military observation guard command customs trading outpost")

// postTaken reports whether the words from toks[k] name an office of a
// country or organization, its possessive before ("NATO's top job", "the
// EU's foreign policy post") or "of" it after ("the helm of the bank",
// "the presidency of the council"): a verb of seizing ("took over") with
// such an object takes office and seizes nothing from the body.
func postTaken(units []*unit, toks []string, k, tail int) bool {
	if k < tail && toks[k] == "the" {
		k++
	}
	owner := k+1 < tail && (units[k].kind == kCountry || units[k].kind == kOrg) && possessed(units, k)
	if owner {
		k += 2 // "NATO's"
	}
	for j := k; j < tail && j < k+4; j++ {
		if units[j].kind != kWord || placeWords[toks[j]] {
			return false
		}
		if !postNouns[toks[j]] {
			continue
		}
		if owner {
			return true
		}
		o := j + 1
		if o >= tail || toks[o] != "of" {
			return false
		}
		if o++; o < tail && toks[o] == "the" {
			o++
		}
		return o < tail && (units[o].kind == kCountry || units[o].kind == kOrg)
	}
	return false
}

// namedPersonSubject reports whether subj is one person (named, or a
// pronoun standing for one): a death told of them ends their term
// (terms.go) and is no CAMEO event (PETRARCH2 codes "die" 190, for the
// casualties of a fight).
func namedPersonSubject(subj []*unit) bool {
	return len(subj) == 1 && subj[0].kind == kPerson && subj[0].ref != nil
}

// codeSentence reads the event of a sentence by its verb (see above);
// read are the statements the phrasing rules read from it (states: a
// verb they cover, "joined NATO", "took office", is theirs).
func (d *doc) codeSentence(units []*unit, st *sentence, sentIdx int, read []*cand) {
	if d.coder == nil {
		return
	}
	units = residentPeoples(d.agentActors(units, st))
	toks := coderTokens(units)
	units = withoutAsides(units, toks)
	units = withTitles(units)
	trace("tokens %v", toks)
	tail := reportTail(units, toks)
	for _, c := range mainClauses(units, toks, tail) {
		if !eventIn(read, units, c) {
			d.codeClause(units, toks, c[0], c[1], st, sentIdx, read)
			continue
		}
		d.reportedInClause(units, toks, c, read, st)
		if coderTrace != nil {
			for _, r := range read {
				if graph.IsEvent(r.pred) {
					trace("rules read %s %v", r.pred, r.span)
				}
			}
		}
	}
}

// regionWords name the part of a country a people lives in.
var regionWords = toSet("south southern north northern east eastern west western central southeast southeastern " +
	"southwest southwestern northeast northeastern northwest northwestern")

// residentPeoples reads a people named with the country it lives in as a
// minority ("ethnic Albanians in Macedonia", "the Albanians of southern
// Serbia") as that country's, as event data codes them: "ethnic" before
// the people or a region before the country says so ("Iraqis in Germany"
// stay Iraq's).
func residentPeoples(units []*unit) []*unit {
	var out []*unit // nil until a people is read
	for k, u := range units {
		if u.kind != kCountry || !u.demonym || u.ref == nil || !strings.HasSuffix(u.lower(), "s") || k+2 >= len(units) {
			continue
		}
		ethnic := k > 0 && units[k-1].kind == kWord && units[k-1].lower() == "ethnic"
		j := k + 1
		if w := units[j]; w.kind != kWord || w.lower() != "in" && w.lower() != "of" {
			continue
		}
		j++
		if units[j].kind == kWord && units[j].lower() == "the" && j+1 < len(units) {
			j++
		}
		region := units[j].kind == kWord && regionWords[units[j].lower()]
		if region && j+1 < len(units) {
			j++
		}
		c := units[j]
		if !ethnic && !region || c.kind != kCountry || c.demonym || c.ref == nil || c.ref.typ != graph.Country ||
			c.ref.name == u.ref.name {
			continue
		}
		if out == nil {
			out = slices.Clone(units)
		}
		v, r := *u, *c.ref
		v.ref = &r
		out[k] = &v
	}
	if out == nil {
		return units
	}
	return out
}

// mainClauses splits [0, tail) into the coordinated main clauses of a
// sentence, each with its own subject: at ", and", ", but", ", while"
// before a name ("Israeli jets struck …, and Hezbollah fired …").
func mainClauses(units []*unit, toks []string, tail int) [][2]int {
	var out [][2]int
	from := 0
	for k := 1; k+2 < tail; k++ {
		if toks[k] != "," || !coordWords[toks[k+1]] || units[k+1].kind != kWord {
			continue
		}
		next := k + 2
		for next+1 < tail && (units[next].kind == kDate || toks[next] == ",") {
			next++ // ", and in August 2022 the government …": the clause's date first
		}
		if toks[next] == "the" && next+1 < tail {
			next++
		}
		if coderActor(units[next]) {
			out = append(out, [2]int{from, k})
			from = k + 2
		}
	}
	return append(out, [2]int{from, tail})
}

// pluralNounAt reports whether toks[i], a verb's form in -s ("allies",
// "members" is none), stands as a plural noun: right after an actor's
// placeholder and right before a verb's past form, which is then the
// clause's verb ("NATO allies agreed"; not "Russia forces Ukraine to",
// "China warns Japan").
func pluralNounAt(toks []string, i, tail int, c verbCoder) bool {
	w := toks[i]
	if i == 0 || i+1 >= tail || len(w) < 3 || !strings.HasSuffix(w, "s") || c.lemma(w) == "" {
		return false
	}
	if p := toks[i-1]; len(p) < 3 || p[0] != '<' || !strings.ContainsRune("CGPX", rune(p[1])) {
		return false
	}
	n := toks[i+1]
	l := c.lemma(n)
	return l != "" && l != n && !strings.HasSuffix(n, "s") && !strings.HasSuffix(n, "ing")
}

// coordWords join two main clauses after a comma.
var coordWords = toSet("and but while whereas")

// eventIn reports whether the rules read an event from the clause c.
func eventIn(read []*cand, units []*unit, c [2]int) bool {
	if c[1] <= c[0] {
		return true
	}
	lo, hi := units[c[0]].start, units[c[1]-1].end
	for _, r := range read {
		if graph.IsEvent(r.pred) && !r.nounPlan && r.span[0] < hi && r.span[1] > lo {
			return true
		}
	}
	return false
}

// codeClause codes the event of the main clause [from, to) (see
// codeSentence).
func (d *doc) codeClause(units []*unit, toks []string, from, tail int, st *sentence, sentIdx int, read []*cand) {
	var reporter []*unit // the subject of the last reporting verb
	claim := false       // that verb reports a claim against another
	ahead := false       // the clause tells what comes after: "before X heads to …"
	intendedFrom := -1   // the clause start an intent frame was read after
	saidEnd := -1        // where the clause a reporter said begins ("X said on Monday that …"), or -1
	start := clauseStart(units, toks, from)
	if sentIdx == 0 && from == 0 && d.dateline != nil {
		start = afterDateline(units)
	}
	for i := from; i < tail; i++ {
		u := units[i]
		if u.kind == kPunct && (u.text == ";" || u.text == ":") {
			start = clauseStart(units, toks, i+1)
			continue
		}
		if u.kind != kWord {
			continue
		}
		w := toks[i]
		if i > start && i+1 < tail && (midClause[w] && (units[i+1].kind != kWord || d.nounSubjectAt(units, toks, i+1, tail)) || asClause(units, toks, i)) {
			// "… after Christine Lagarde stepped down", "… came as
			// Israel announced": a clause with its own subject.
			start = i + 1
			ahead = aheadWords[w]
			continue
		}
		if k := afterDate(units, toks, i+1, tail); allegeWords[w] && k < tail && (toks[k] == "that" || coderActor(units[k])) &&
			(i == 0 || !coderDeterminers[toks[i-1]]) {
			// "Rwanda alleged that France was aware of …": an
			// allegation accuses the one it is made about, whatever it
			// says that one did.
			subj := subjectOf(units, start, i)
			if len(subj) == 0 && pronounBefore(units, toks, start, i) {
				subj = reporter
			}
			if objs := objectOf(units, toks, k, tail, d.coder.isBase); len(subj) > 0 && len(objs) > 0 && !possessed(units, slices.Index(units, objs[0])) {
				d.addCoded(eventRule{pred: graph.Accused}, units, subj, objs, i, st, sentIdx)
				return
			}
		}
		report := reportVerbs[w]
		if code, _ := d.lex.unaimedAt(toks, i); report && code != "" {
			report = false // "declared a ceasefire": a reporting verb stating an act
		}
		if report && statementAt(d.coder.lemma(w), toks, i+1, tail) {
			report = false // "claimed responsibility for": the statement is the act
		}
		if report || w == "that" && i > start {
			if subj := subjectOf(units, start, i); len(subj) > 0 {
				reporter = subj
				claim = false
				saidEnd = -1
			}
			if reportVerbs[w] {
				claim = strings.Contains(claimWords, w)
			}
			start = clauseStart(units, toks, i+1)
			if reportVerbs[w] && !claim && len(reporter) > 0 {
				saidEnd = start
			}
			continue
		}
		if denyWords[w] && i+1 < tail && (toks[i+1] == "that" || toks[i+1] == "to") {
			return
		}
		if wishWords[w] && i > start && (toks[i-1] == "no" || toks[i-1] == "any" && slices.ContainsFunc(toks[max(start, i-4):i-1], func(t string) bool { return coderNegations[t] })) && i+1 < tail && toks[i+1] == "to" {
			// "Putin has no plans to meet Stubb", "does not have any
			// plans to visit": no plan, no intent.
			trace("  no plan to %q", w)
			return
		}
		if wishWords[w] || intentFrames[w] && !commitWords[w] && !decideWords[w] && i+1 < tail && toks[i+1] == "to" {
			// "plans to invade" is an intent (threat), "wants X to" asks X,
			// "is prepared to impose" states the intent of the act after
			// it: read on the verb after it, and on the verbs of its
			// purpose ("is willing to send material to help defend").
			intendedFrom = start
			continue
		}
		if (w == "must" || w == "should") && len(reporter) > 0 && i+1 < tail && toks[i+1] != "be" {
			// "X declared that China must drop its barriers": X demands
			// it of China, whatever the act ("must be ready to" is read
			// on the verb).
			if subj := subjectOf(units, start, i); len(subj) > 0 && reporter[0].ref.name != subj[0].ref.name {
				n0 := len(d.cands)
				d.addCoded(eventRule{pred: graph.Demanded}, units, reporter, subj, i, st, sentIdx)
				d.dateSaying(d.cands[n0:], units[:i], st)
				return
			}
		}
		if readyWords[w] && i+2 < tail && toks[i+1] == "to" && d.coder.isBase(toks[i+2]) {
			continue // "prepared to resume shelling": the frame of the verb after it, no act of its own
		}
		code, end := d.coder.match(toks, i)
		if code == "" && statementAt(d.coder.lemma(w), toks, i+1, tail) {
			code, end = "018", i+1 // "voiced deep sorrow over": a statement the dictionary does not code
		}
		if tenureVerbs[d.coder.lemma(w)] && heldBody(units, i+1, tail) {
			code = "" // "has led Slovenia since 2023": a term of office, no event
		}
		if pluralNounAt(toks, i, tail, d.coder) {
			// "NATO allies agreed", "EU members backed": a plural noun
			// after the actor that the verb after it has as subject.
			continue
		}
		if w == "allied" && (i+1 >= tail || !allyObjects[toks[i+1]]) {
			// "Congolese troops and allied militia fought the rebels": an
			// adjective, no alliance made and no verb; the clause's verb
			// is still to come.
			continue
		}
		if code != "" && postTaken(units, toks, end, tail) {
			code = "" // "took over NATO's top job", "took over the EU's foreign policy post": an office, no seizure
		}
		if d.coder.lemma(w) == "die" && namedPersonSubject(subjectOf(units, start, i)) {
			code = "" // "X, a former president, died on Tuesday": an obituary, no force used
		}
		if covered(read, u) && !(predicateOfCAMEO(code) == graph.WithdrewFrom && !eventIn(read, units, [2]int{i, i + 1})) {
			// A resignation the term rules read (the end of a term) is
			// also the leader's withdrawal from office.
			continue
		}
		if strings.HasPrefix(code, "01") && predicateOfCAMEO(code) == "" && thatNext(units, toks, end, tail) {
			// "reiterated that Libya must …": a statement whose clause
			// holds the event; "that" makes its subject the reporter.
			continue
		}
		if code == "" || lightVerbs[d.coder.lemma(w)] && end <= i+1 {
			// A light verb alone says nothing ("took several steps"); its
			// sense is in a pattern ("took control of"). A main verb that
			// states no event ends the search: the verbs after it are in
			// its clauses ("shortened the curfew imposed in Sudan").
			if l := d.coder.lemma(w); l != "" && !frameVerbs[l] && verbFrame(units, toks, start, i, d.coder.isBase(w)) == frameDone &&
				len(subjectOf(units, start, i)) > 0 && !thatNext(units, toks, i+1, tail) {
				trace("main verb %q states nothing", w)
				k := nextSubClause(units, toks, i+1, tail)
				if k < 0 {
					return
				}
				i = k - 1 // "… opened as Chile announced …": that clause has its own subject
				continue
			}
			continue
		}
		if (strings.HasPrefix(code, "02") || strings.HasPrefix(code, "10") || strings.HasPrefix(code, "05")) && pressureAfter(units, toks, end, tail) {
			// "proposed new tariffs on Chinese steel", "urged sanctions
			// against Russia": the one a measure would hit is not asked
			// anything. A measure proposed is a threat of it (CAMEO
			// 1312); a call for one is disapproval, which a measure whose
			// author is not named aims at no one (unattributedAct). Backing
			// one ("backed new sanctions on Russia") is no support of the
			// country it hits: a call for it.
			code = "111"
			if proposeWords[d.coder.lemma(w)] {
				code = "1312"
			}
		}
		if strings.HasPrefix(code, "05") && !statementVerbs[d.coder.lemma(w)] {
			// ("expressed gratitude to Japan", "voiced solidarity with":
			// the feeling expressed is the act, whatever the verb alone
			// codes.)
			if own, _ := d.coder.match(toks[i:i+1], 0); strings.HasPrefix(own, "11") {
				// "criticised the sanctions against Russia": the dictionary
				// reads disapproval of a measure as support of its target;
				// it is disapproval, of the measure's author when named.
				code = own
			}
		}
		f := verbFrame(units, toks, start, i, d.coder.isBase(w))
		if f == frameDone && reducedRelative(units, toks, i, tail, d.coder.isBase(w)) {
			trace("  a reduced relative before the main verb: %q", w)
			continue // "the soldiers captured last month were freed by …"
		}
		if f == frameDone && intendedFrom == start && i > 0 && toks[i-1] == "to" {
			f = frameIntent
		}
		if f == frameIntent && pastPlanUndone(toks, start, i) {
			trace("  a past plan the sentence says did not go ahead: %q", w)
			continue // "was due to meet X on Monday, but the talks were cancelled"
		}
		trace("verb %q code %s frame %d start %d", w, code, f, start)
		switch {
		case f == frameNoun:
			continue
		case forceCode(code) && figurativeObject(toks, i+1, tail):
			trace("  a figure of speech: %q", w)
			continue // "struck a harder line on Israel", "hit a record"
		case ahead && f == frameDone && presentTense(w, d.coder):
			trace("  planned: %q in a clause of what is still to come", w)
			return // "… a day before Sarkozy heads to Beijing": not yet done
		case f == frameRefused && cooperative(code):
			code = "120" // "would not provide support": a refusal
		case f == frameDenied || f == frameRefused:
			return
		}
		subj := subjectOf(units, start, i)
		if len(subj) == 0 && pronounBefore(units, toks, start, i) {
			subj = reporter
		}
		if len(subj) == 0 && len(reporter) > 0 {
			subj = d.reportersAgents(units, toks, start, i, reporter)
		}
		if f == frameMust {
			// "X said Y must allow …": X demands it of Y; a must with
			// no one saying it states nothing.
			if len(reporter) > 0 && len(subj) > 0 && reporter[0].ref.name != subj[0].ref.name {
				d.addCoded(eventRule{pred: graph.Demanded}, units, reporter, subj, i, st, sentIdx)
			}
			return
		}
		subj, objs, f, code, ok := d.sides(units, toks, i, end, start, tail, f, code, subj, reporter)
		if !ok && f == frameDenied {
			return
		}
		if !ok {
			continue // no act here, or no actor before the verb: a later verb may have one
		}
		if f == frameIntent && possibilityBefore(units, toks, start, i) && !d.sameSide(reporter, subj) {
			// "Analysts say Iran could retaliate against Israel": what
			// others think possible is no intent of the actor's; "Iran
			// warned it could retaliate" is.
			trace("  a possibility no one of the actor's side stated: %q", w)
			return
		}
		trace("  subject %v objects %v end %d", unitTexts(subj), unitTexts(objs), end)
		if len(objs) > 0 && !strings.HasPrefix(code, "08") {
			if k := secondVerb(units, toks, end, slices.Index(units, objs[0])); k > 0 {
				// "inspected a munitions plant and denounced drills by
				// the United States": the one named after a second verb
				// of the subject is that verb's object, read on it. A
				// concession is made to the one named after ("conceded
				// defeat and congratulated Arnadottir").
				i = k
				continue
			}
		}
		if code[:2] == "05" && len(objs) > 0 && d.peopleFirst(units, end, objs[0]) {
			trace("  done for people, not with %s", objs[0].text)
			return // "opened its borders to migrants expelled from Nigeria": no partner named
		}
		if strings.HasPrefix(code, "13") && len(objs) == 1 {
			objs = warnedAgainst(units, toks, objs, tail)
		}
		if strings.HasPrefix(code, "15") && len(subj) > 1 {
			// Forces of two countries exercising together cooperate.
			code, objs = "062", nil
		}
		actVerb := w      // the verb of the act: w, or the infinitive a commitment is to
		act := ""         // the act intended, when a frame makes the verb a plan of it
		topicAct := false // the act promised or decided is one the coder does not know, or a meeting: "on X" is its topic
		k := end
		if orderWords[w] {
			k = toldActor(units, toks, i+1, tail) // a pattern may have read on past the one told
		}
		if f != frameAsk && (code[:2] <= "03" || code[:2] == "10") && k+2 < tail && coderActor(units[k]) &&
			toks[k+1] == "to" && (d.coder.isBase(toks[k+2]) || orderWords[w] && units[k+2].kind == kWord && !coderDeterminers[toks[k+2]]) {
			// "ordered Menem to appear", "asked Obama to help": a demand
			// of the one told.
			code, objs = "100", units[k:k+1]
		} else if (decideWords[w] || intentFrames[w]) && end+1 < tail && toks[end] == "to" {
			c2, e2 := d.coder.match(toks, end+1)
			topicAct = topicOnly(c2)
			if c2 != "" && d.coder.isBase(toks[end+1]) {
				// "decided to allow": the decision is the act; "pledged
				// to expel": the promise is an intent to do that act,
				// a threat when the act is hostile.
				code, actVerb = c2, toks[end+1]
				if intentFrames[w] && !decideWords[w] {
					act = predicateOfCAMEO(c2)
					code = intentCode(c2, conditional(toks, end+1, tail))
				}
				objs = objectOf(units, toks, e2, tail, d.coder.isBase)
			}
		} else if commitWords[w] {
			if end > i+1 && end < tail && toks[end-1] == "to" && units[end].kind == kWord {
				// "agreed to hold a summit on …": the phrase read the
				// "to"; the act promised is the verb after it.
				c2, _ := d.coder.match(toks, end)
				topicAct = topicOnly(c2)
			}
			if k := infinitiveAfter(units, toks, end, tail); k > 0 {
				// "agreed in principle to provide aid for Romania",
				// "vowed to attack": the commitment is to the act after
				// it, an intent (AGREE, or a threat of a hostile act);
				// an act the coder does not know is still the one
				// promised, to the actors after it.
				c2, e2 := d.coder.match(toks, k)
				if c2 != "" && d.coder.isBase(toks[k]) {
					actVerb = toks[k]
					cond := conditional(toks, k, tail)
					if d.coder.lemma(w) == "agree" && strings.HasPrefix(c2, "16") && cond == condNone {
						// "EU ministers agreed to extend sanctions against
						// Russia": agreeing on a measure with no
						// condition is deciding it, the measure itself.
						code = c2
					} else {
						act = predicateOfCAMEO(c2)
						code = intentCode(c2, cond)
					}
					objs = objectOf(units, toks, e2, tail, d.coder.isBase)
				} else if len(objs) == 0 {
					objs = objectOf(units, toks, k+1, tail, d.coder.isBase)
				}
				topicAct = topicOnly(c2)
			}
		}
		if l := d.coder.lemma(w); (l == "lead" || l == "head") && len(objs) > 0 && ownDelegation(objs[0]) {
			// "led a Canadian delegation to Guatemala": the delegation is
			// the leader's side; the trip is a visit to where it went.
			k := slices.Index(units, objs[0])
			if k < 0 || k+2 >= tail || toks[k+1] != "to" || !coderActor(units[k+2]) {
				continue
			}
			objs, code, act = units[k+2:k+3], "042", ""
		}
		if strings.HasPrefix(code, "03") && len(objs) > 0 && placedIn(units, toks, objs[0]) {
			// "Iran and the IAEA agreed in Cairo on a framework": where
			// an agreement or a pledge was made is no side of it.
			objs = nil
		}
		if code[0] == '0' && len(objs) > 0 && slices.Contains(toks[i+1:max(i+1, slices.Index(units, objs[0]))], "despite") {
			// "pledged to finish the road despite objections from
			// Somalia": those opposed to a cooperative act are not
			// whom it is done with.
			objs = nil
		}
		if topicAct && len(objs) > 0 && topicBefore(units, slices.Index(units, objs[0])) {
			// "agreed to hold a summit on Somalia": of a meeting, or an
			// act the coder does not know, what it is about is no
			// counterpart.
			objs = nil
		}
		if len(objs) == 0 && (strings.HasPrefix(code, "14") || strings.HasPrefix(code, "17")) {
			// A protest, or a blockade that may be one ("blocked a
			// highway to voice their anger at …"), aims at its purpose.
			objs = d.purposeTarget(units, toks, end, tail)
		}
		if len(objs) == 0 && len(subj) == 1 && !(meetingCode(code) && placedAfter(units, toks, end, tail)) {
			// "declared a state of siege in Haiti", "protesters in
			// Monrovia": an act on people or things in a country is
			// coded against that country.
			objs = placeOf(units, toks, i+1, tail)
			if len(objs) == 1 && objs[0].in != nil && cooperative(code) {
				// "held drills in Alaska": help or talks in a place
				// inside a country are no act on that country.
				objs = nil
			}
		}
		if strings.HasPrefix(code, "04") {
			// One meets a person or a country, not the owner of what is
			// discussed ("discussed Sweden's bid"), nor, when that owner
			// came first, the place of the meeting ("spoke with Kim's
			// envoy at a forum in Jakarta"), nor a topic ("discussed the
			// war in Ukraine": one discusses with someone).
			k := end
			if k < tail && toks[k] == "with" {
				k++
			}
			if kept := notPossessors(units, objs); k < tail && units[k].ref != nil && possessed(units, k) {
				objs = afterWith(units, toks, kept) // met with someone the possessor has: not who else is named
			} else {
				objs = kept
			}
			if meetingCode(code) && placedAfter(units, toks, end, tail) {
				// "EU ministers will meet in Luxembourg", "held talks in
				// Moscow with Lavrov": the place of a meeting is never its
				// counterpart, whoever meets there (a visit is to its place;
				// "met to discuss the situation in Gaza" names a topic).
				objs = meetingPartner(units, toks, objs, tail, d.coder.isBase)
			}
			if len(subj) > 1 || d.audienceBefore(units, toks, end, objs) {
				// two or more who meet meet each other, not the place of
				// their talks ("the ministers discussed the situation in
				// Sudan"); one who meets an unnamed audience meets no one
				// in the place ("met business leaders in Tokyo")
				objs = notPlaced(units, objs)
			}
			if topicVerbs[d.coder.lemma(w)] && (end >= tail || toks[end] != "with") {
				objs = nil
			}
			if len(objs) == 0 && (!slices.ContainsFunc(subj, func(u *unit) bool { return !u.pairRef }) ||
				topicVerbs[d.coder.lemma(w)] && d.pairSent >= sentIdx && d.isPair(subj)) {
				// "The two leaders discussed …", and, right after their
				// call, "The Secretary and the Minister discussed …":
				// the last meeting or call, told already.
				trace("  the meeting or call already told")
				return
			}
		}
		if strings.HasPrefix(code, "13") && actVerb == w {
			if k := infinitiveAfter(units, toks, end, tail); k > 0 {
				actVerb = toks[k] // "threatened on Tuesday to veto …": the act threatened
			}
		}
		if len(objs) > 0 && obstructWords[d.coder.lemma(actVerb)] {
			// "vowed to block the new sanctions against Russia": blocking
			// a measure acts on its author ("the EU's sanctions"), not on
			// the one it would hit.
			objs = slices.DeleteFunc(slices.Clone(objs), func(o *unit) bool {
				if measureTarget(units, toks, o) {
					trace("  %s is the target of the measure %q obstructs", o.text, actVerb)
					return true
				}
				return false
			})
		}
		jointPlan := false
		if f == frameIntent {
			act = predicateOfCAMEO(code)
			if act == graph.Met && tripTo(units, toks, i, tail, objs) {
				act = graph.Visited
			}
			cond := conditional(toks, i, tail)
			if cond == condNone && !tripTo(units, toks, i, tail, objs) && !offeredAt(toks, start, i) && !sentTo(units, toks, i, objs) {
				// A meeting or talks planned between two sides is their
				// joint plan, however the sentence orders them
				// (graph.PlannedAs); a trip to a place is one side's.
				p, ok := graph.PlannedAs(predicateOfCAMEO(code))
				jointPlan = ok && p == graph.AgreedWith
			}
			if strings.HasPrefix(code, "15") && cond == condNone && sentTo(units, toks, i, objs) {
				// "would deploy troops to Ukraine": forces promised to a
				// country, as "+deploy ... to O" (lineModalities).
				code = "030"
			}
			code = intentCode(code, cond)
		}
		if strings.HasPrefix(code, "13") && (len(objs) == 0 || placedIn(units, toks, objs[0])) {
			// "threatened to halt the talks if the United States goes
			// ahead": the threat is made to the one the condition names,
			// also over a place the act is in ("to close offices in
			// northern Kosovo unless Belgrade stops paying").
			if cond := conditionSubject(units, toks, i, tail); len(cond) > 0 || len(objs) == 0 {
				objs = cond
			}
		}
		if claim {
			// "Georgia claimed that Russia attacked Armenia": Georgia
			// accuses Russia; a claimed good deed states nothing.
			if hostile(code) && len(reporter) > 0 && reporter[0].ref.name != subj[0].ref.name {
				d.addCoded(eventRule{pred: graph.Accused}, units, reporter, subj, i, st, sentIdx)
			} else if hostile(code) && len(reporter) > 0 && len(objs) > 0 {
				// "Hamas claimed it had fired the rockets at Israel": a
				// claim of one's own act is a claim of responsibility
				// (CAMEO 015), a statement, not the act.
				d.addCoded(eventRule{pred: graph.CommentedOn}, units, reporter, objs, i, st, sentIdx)
			}
			return
		}
		pred := predicateOfCAMEO(code)
		if jointPlan && pred == graph.Pledged {
			pred = graph.AgreedWith
		}
		if strings.HasPrefix(code, "01") && statementAt(d.coder.lemma(w), toks, i+1, tail) {
			// "expressed sorrow for", "extended condolences to",
			// "claimed responsibility for": CAMEO's statements (013,
			// 015, 018), read only from these explicit phrasings.
			pred = graph.CommentedOn
		}
		if pred == "" && !claim {
			if k := laterVerb(units, toks, end, tail); k > 0 {
				// "expressed concern over the crisis in Gaza and called
				// on Israel to …": a statement coding no event leaves
				// the clause to the subject's second verb.
				i = k
				continue
			}
		}
		if pred == "" && denyWords[w] && andVerbAfter(toks, end, tail, d.coder) {
			// "Iran denied involvement in the attacks and condemned the
			// strikes": the denial states no act; the verb after "and"
			// is one of the same subject.
			trace("  a denial before a verb of its own subject: %q", w)
			continue
		}
		objs = d.pastOwner(units, toks, i+1, tail, objs)
		if d.lex != nil && len(objs) > 0 {
			// The nouns inside the object: a phrase's O:(…) nouns name the
			// act even where the dictionary codes the verb alone as no
			// event ("dispersed rioters": coerced).
			if p := d.lex.objectPredicate(d.coder.lemma(w), objs[0]); p != "" {
				pred = p
			}
		}
		if pred == graph.Coerced && takeVerbs[d.coder.lemma(w)] && len(objs) > 0 && militaryPostAfter(units, toks, objs[0], tail) {
			// "seized a Malian army outpost", "captured several Pakistani
			// military posts": ground taken from armed forces is fighting
			// (CAMEO 192), not a seizure of goods or people.
			pred = graph.Fought
		}
		if pred != "" {
			if d.lex != nil {
				// Who used force, and on whom.
				lemma := d.coder.lemma(w)
				pred = d.lex.force.decide(pred, lemma, code, false, subj[0].ref, subj[0].sector)
				if len(objs) > 0 {
					var swap bool
					if pred, swap = d.lex.force.repressed(pred, lemma, subj[0], objs[0]); swap {
						subj, objs = objs[:1], subj[:1] // "protesters clashed with police": the police coerced them
					}
				}
			}
			// A phrase of the lexicon naming no side ("lifted the curfew")
			// is an act at home when no one else is named.
			uc, _ := d.lex.unaimedAt(toks, i)
			if saidEnd >= 0 && len(objs) == 0 {
				// "Russia said Ukrainian drones had attacked overnight":
				// force reported with no one named as its target still
				// accuses whoever used it.
				for _, s := range subj {
					d.accuseReported(reporter, units[:saidEnd], &cand{pred: pred, subj: s.ref, subjText: s.text,
						subjSec: s.sector, span: [2]int{s.start, units[i].end}, sentIdx: sentIdx}, st)
				}
			}
			n0 := len(d.cands)
			if act == pred {
				act = "" // an intent frame that still states the act ("agreed to sign")
			}
			d.addCoded(eventRule{pred: pred, act: act, domestic: graph.IsDomestic(pred) || uc != "" && uc == code,
				hosts: strings.HasPrefix(code, "043")}, units, subj, objs, i, st, sentIdx)
			if saidEnd >= 0 {
				for _, c := range d.cands[n0:len(d.cands):len(d.cands)] {
					d.accuseReported(reporter, units[:saidEnd], c, st)
					d.datePledge(c, units, st)
				}
			}
		}
		return
	}
}

// sides reads the two sides of the verb at toks[i] (its words end at end)
// in frame f, given the subject read before it: the one asked ("wants
// Putin to attack": a demand of Putin), the agent of a passive ("was
// attacked by Y"; "is opposed to" is a stance held), or the actors after
// it. ok is false when the verb states no act here or has no subject;
// the frame is then frameDenied when no later verb of the clause is an act
// of its subject either.
func (d *doc) sides(units []*unit, toks []string, i, end, start, tail int, f verbFrameKind, code string, subj, reporter []*unit) (
	[]*unit, []*unit, verbFrameKind, string, bool) {
	w := toks[i]
	var objs []*unit
	switch f {
	case frameAsk:
		subj, objs, code = subjectOf(units, start, i-2), units[i-2:i-1], "100"
		if len(subj) == 0 && pronounBefore(units, toks, start, i) {
			subj = reporter
		}
	case framePassive:
		k := i + 1
		if k < tail && toks[k] != "by" && end > k && end < tail && toks[end] == "by" {
			k = end
		}
		for k < tail && k+1 < tail && units[k].kind == kDate && toks[k+1] == "by" {
			k++ // "were released on Tuesday by Putin": the date is no agent
		}
		switch {
		case k < tail && (toks[k] == "to" || toks[k] == "with") && strings.HasSuffix(w, "ed"):
			f = frameDone
			objs = objectOf(units, toks, i+1, tail, d.coder.isBase)
		case (k >= tail || toks[k] != "by") && (strings.HasPrefix(code, "15") || strings.HasPrefix(code, "087")):
			// "troops were put on alert", "the guerrillas have been
			// demobilized", "troops were withdrawn from …": the ones
			// mobilized or withdrawn act.
			f = frameDone
			objs = objectOf(units, toks, end, tail, d.coder.isBase)
		case k < tail && toks[k] == "in" && forceCode(code):
			// "were killed in Israeli tank shelling": the act of force
			// told as a noun, its national adjective the agent.
			agent, e := d.forceNounAgent(units, toks, k+1, tail)
			if agent == nil {
				return nil, nil, f, code, false
			}
			if subj = slices.DeleteFunc(subj, func(u *unit) bool { return u.kind != kCountry }); len(subj) == 0 {
				subj = victimsCountry(units, toks, e, tail, agent)
			}
			subj, objs = []*unit{agent}, subj
		case k >= tail || toks[k] != "by":
			return nil, nil, f, code, false // "is ready to", "was quoted as saying": no act yet
		default:
			a := k + 1
			if a+1 < tail && (toks[a] == "a" || toks[a] == "an" || toks[a] == "the") {
				a++ // "was demolished by a Ukrainian protester"
			}
			agent := objectOf(units, toks, a, a+1, d.coder.isBase)
			if len(agent) == 0 {
				// "is being pressured by congress to help Iran": an act
				// done to the subject by no actor; what follows is asked
				// of the subject, not done by it (frameDenied: the
				// clause states nothing more).
				trace("  passive agent is no actor")
				return nil, nil, frameDenied, code, false
			}
			subj, objs = agent, subj
		}
	default:
		if strings.HasPrefix(code, "11") && d.unattributedAct(units, toks, i+1, tail) {
			// "condemned the attack on a hospital in Sudan": disapproval
			// of an act whose author the sentence does not name is aimed
			// at no one; the place of the act is not its author.
			trace("  disapproval of an act with no author named")
			return nil, nil, frameDenied, code, false
		}
		// "Georgians marched against the government": the subject's own
		// government (a domestic event, as event data codes it).
		if objs = ownGovernment(units, toks, subj, i+1, tail); len(objs) == 0 {
			objs = objectOf(units, toks, i+1, tail, d.coder.isBase)
		}
		if forceCode(code) && len(objs) > 0 {
			if k := slices.Index(units, objs[0]); k >= 0 && alongBorder(toks, k) {
				// "shelled villages near the Thai border": where, not
				// whom (troops put on alert along a border are aimed at
				// the country beyond it).
				objs = objectOf(units, toks, k+1, tail, d.coder.isBase)
			}
		}
		if forceCode(code) && len(objs) > 0 && placedIn(units, toks, objs[0]) {
			// "recaptured the palace in Khartoum from the RSF": the
			// town is where; whom it was taken from is the target.
			if from := takenFrom(units, toks, i+1, tail, d.coder.isBase); len(from) > 0 {
				objs = from
			}
		}
	}
	if len(subj) == 0 {
		trace("  no subject")
		return nil, nil, f, code, false
	}
	return subj, objs, f, code, true
}

// statementVerbs and statementNouns are the explicit phrasings of CAMEO's
// statements that geokg reads (commented_on): a verb of expressing and
// the feeling or responsibility expressed, within three words of it.
var (
	statementVerbs = toSet("express extend offer voice convey claim accept")
	statementNouns = toSet("sorrow condolences condolence sympathy sympathies sadness grief regret shock anguish " +
		"appreciation gratitude thanks responsibility")
)

// statementAt reports whether the verb of lemma, its words from toks[k],
// expresses a statement of statementNouns ("expressed deep sorrow for").
func statementAt(lemma string, toks []string, k, tail int) bool {
	if !statementVerbs[lemma] {
		return false
	}
	for j := k; j < tail && j < k+3; j++ {
		if statementNouns[toks[j]] {
			return true
		}
	}
	return false
}

// ownerNouns are what one side holds toward another, named with its
// holder after "of" ("the commitment of the African Union to Somalia").
var ownerNouns = toSet("commitment commitments support solidarity readiness willingness determination resolve")

// pastOwner returns objs without the one on whose behalf a statement is
// made ("conveyed the appreciation of the Government of Timor-Leste for
// Indonesia's assistance", "extended the condolences of the people of
// Kenya to Nepal") or who holds the commitment reaffirmed ("reaffirmed
// the commitment of the African Union to the peace of Somalia"): the act
// is toward what follows, read again after the holder. A commitment's
// holder stays the object unless "to", "for" or "with" follows it.
func (d *doc) pastOwner(units []*unit, toks []string, k, tail int, objs []*unit) []*unit {
	if len(objs) == 0 {
		return objs
	}
	j := slices.Index(units, objs[0])
	n, statement := -1, false
	for x := k; x < tail && x < k+3; x++ {
		if statementNouns[toks[x]] || ownerNouns[toks[x]] {
			n, statement = x, statementNouns[toks[x]]
			break
		}
	}
	if j < 0 || n < 0 || n+1 >= j || toks[n+1] != "of" {
		return objs
	}
	for x := n + 2; x < j; x++ {
		// "of the Government of", "of the people of": the owner's phrase
		if t := toks[x]; t != "the" && t != "of" && units[x].kind != kWord {
			return objs
		}
	}
	owner := j + 1
	for owner < tail && (isCoord(units[owner]) || coderActor(units[owner])) {
		owner++
	}
	if !statement && (owner >= tail || toks[owner] != "to" && toks[owner] != "for" && toks[owner] != "with") {
		return objs
	}
	return objectOf(units, toks, owner, tail, d.coder.isBase)
}

// forceCode reports whether a CAMEO code is of an act of force (18–20).
func forceCode(code string) bool {
	return len(code) >= 2 && (code[:2] == "18" || code[:2] == "19" || code[:2] == "20")
}

// forceNounAgent reads an act of force told as a noun from toks[from:],
// with its agent: a country's adjective or name before it ("Israeli tank
// shelling", "a Russian air strike", "a US drone strike", "Turkish
// artillery fire") or an actor after "by" ("an air strike by Saudi
// warplanes"). It returns the agent, a country acting through its
// military unless the text names its part, and one past the words read;
// nil when toks[from:] tell no such act.
func (d *doc) forceNounAgent(units []*unit, toks []string, from, tail int) (*unit, int) {
	j := from
	if j < tail && (toks[j] == "a" || toks[j] == "an" || toks[j] == "the") {
		j++
	}
	var adj *unit
	if j < tail && units[j].kind == kCountry && units[j].ref != nil {
		adj = units[j]
		if j++; j < tail && toks[j] == "'s" {
			j++ // "in Russia's air strikes"
		}
	}
	for k := j; k < tail && k <= j+2; k++ {
		if units[k].kind != kWord {
			return nil, 0
		}
		if c, _ := d.coder.match(toks, k); !(forceCode(c) && !d.coder.isBase(toks[k]) || forceNouns[toks[k]]) {
			continue
		}
		if adj == nil {
			// "an air strike by Saudi warplanes"
			if k+2 >= tail || toks[k+1] != "by" {
				return nil, 0
			}
			a := k + 2
			if a+1 < tail && (toks[a] == "a" || toks[a] == "an" || toks[a] == "the") {
				a++
			}
			if units[a].kind != kCountry || units[a].ref == nil {
				return nil, 0
			}
			adj, k = units[a], a
		}
		a := *adj
		if a.sector == "" {
			a.sector = "MIL" // shelling, air strikes, artillery: a state's forces
		}
		return &a, k + 1
	}
	return nil, 0
}

// unattributedAct reports whether toks[from:] open with an act of force
// or a measure told as a noun whose author they do not name: no
// country's adjective or possessive before it ("the Israeli strike",
// "Russia's attack", "the EU sanctions") and no actor after "by" ("the
// bombing by Saudi warplanes"): "the attack on a hospital in Sudan", "the
// killing of aid workers", "the embargo on Cuba" (whose target is not
// its author).
func (d *doc) unattributedAct(units []*unit, toks []string, from, tail int) bool {
	j := from
	if j < tail && (toks[j] == "a" || toks[j] == "an" || toks[j] == "the" || toks[j] == "this" || toks[j] == "last") {
		j++
	}
	if j < tail && units[j].kind == kDate {
		// "Tuesday's attack on the embassy", "the July 26 coup": the
		// act's day, no author.
		if j++; j < tail && toks[j] == "'s" {
			j++
		}
	}
	for k := j; k < tail && k <= j+2; k++ {
		if units[k].kind != kWord {
			return false // an actor before the act is its author
		}
		if c, _ := d.coder.match(toks, k); !(forceCode(c) && !d.coder.isBase(toks[k]) || forceNouns[toks[k]] || measureNouns[toks[k]]) {
			continue
		}
		a := k + 1
		if a >= tail || toks[a] != "by" {
			return true
		}
		if a++; a+1 < tail && (toks[a] == "a" || toks[a] == "an" || toks[a] == "the") {
			a++
		}
		return a >= tail || units[a].ref == nil
	}
	return false
}

// forceNouns name acts of force whatever the coder reads of them.
var forceNouns = toSet("shelling shellfire bombardment bombardments strike strikes airstrike airstrikes air-strike " +
	"air-strikes fire gunfire raid raids bombing bombings attack attacks")

// pressureNouns name economic and diplomatic measures of pressure, which
// one may propose or call for against another ("proposed duties on
// Chinese electric vehicles").
var pressureNouns = toSet("sanction sanctions embargo embargoes blockade tariff tariffs duties levies " +
	"restrictions curbs ban bans boycott")

// proposeWords are the verbs of putting a measure forward as one's own.
var proposeWords = toSet("propose suggest recommend table float")

// pressureAfter reports whether the words from toks[k] name a measure of
// pressure (pressureNouns) before any actor: "proposed new tariffs on",
// "urged sanctions against".
func pressureAfter(units []*unit, toks []string, k, tail int) bool {
	for j := k; j < tail && j < k+4 && units[j].kind == kWord; j++ {
		if pressureNouns[toks[j]] {
			return true
		}
	}
	return false
}

// measureNouns name measures taken against a country or people, which
// the one criticising them may name by their target alone ("denounced
// the embargo on Cuba").
var measureNouns = toSet("sanction sanctions embargo embargoes blockade blockades tariff tariffs duties levies " +
	"restrictions curbs ban bans boycott boycotts detention detentions arrest arrests expulsion expulsions " +
	"deportation deportations crackdown siege occupation invasion offensive kidnapping dissolution")

// obstructWords are the verbs of stopping a measure from being taken.
var obstructWords = toSet("block veto obstruct scuttle derail stall torpedo")

// measureTarget reports whether the actor u is named as the target of a
// measure (measureNouns) right before it, or a few words before ("the
// sanctions package against Russia"): "sanctions against Russia", "the
// embargo on Cuba", "new tariffs targeting China".
func measureTarget(units []*unit, toks []string, u *unit) bool {
	k := slices.Index(units, u)
	if k < 2 || toks[k-1] != "against" && toks[k-1] != "on" && toks[k-1] != "targeting" {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-4; j-- {
		if measureNouns[toks[j]] {
			return true // "sanctions on", "sanctions package against", "the embargo on"
		}
		if units[j].kind == kPunct || units[j].kind == kWord && (toks[j] == "the" || toks[j] == "to") {
			return false
		}
	}
	return false
}

// victimsCountry returns, for an act of force on people the sentence
// does not place by name ("Four children were killed in Israeli
// shelling"), the country named as the place after the act ("in
// southern Lebanon"), else the first country the sentence names by its
// name (a dateline's "Palestinian Territories") that is not the agent's;
// nil when there is none.
func victimsCountry(units []*unit, toks []string, from, tail int, agent *unit) []*unit {
	if p := placeOf(units, toks, from, tail); len(p) > 0 && p[0].ref.name != agent.ref.name {
		return p
	}
	for j, u := range units[:tail] {
		if u.kind == kCountry && !u.demonym && u.ref != nil && u.sector == "" && u.ref.name != agent.ref.name && !possessed(units, j) {
			return units[j : j+1]
		}
	}
	return nil
}

// datelineOf returns the country of a dateline opening the article's
// first sentence: a capital or a country before a comma or a dash
// ("KINSHASA, March 4 (Wire) -", "KYIV —"), or a place of places.tsv
// there ("KARACHI, May 2 (Wire) -" is Pakistan), or nil.
func datelineOf(units []*unit) *ref {
	if len(units) < 2 || units[0].demonym {
		return nil
	}
	c := units[0].ref
	if units[0].kind == kPlace {
		c = units[0].in
	} else if units[0].kind != kCountry {
		return nil
	}
	if c == nil {
		return nil
	}
	switch t := units[1].text; {
	case units[1].kind == kPunct && (t == "," || t == "—" || t == "–" || t == "-"):
		r := *c
		return &r
	}
	return nil
}

// colonDatelineRe is a dateline of the South Asian and Gulf press: the
// place in capitals and a colon ("ISLAMABAD:", "NEW DELHI:"), which
// splitSentences drops as a label.
var colonDatelineRe = lazyRegexp(`^\s*([A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2})\s*:\s`)

// colonDateline returns the country of a colon dateline opening text
// ("RIYADH: The Kingdom …" is Saudi Arabia), or nil.
func (d *doc) colonDateline(text string) *ref {
	m := colonDatelineRe.FindStringSubmatch(text)
	if m == nil {
		return nil
	}
	us := d.buildUnits(m[1], 0)
	if len(us) != 1 || us[0].kind != kCountry || us[0].demonym || us[0].ref == nil {
		return nil
	}
	r := *us[0].ref
	return &r
}

// afterDateline returns the index of the first unit after the dash that
// ends a dateline ("KINSHASA, March 4 (Wire) - The government …"), or 0.
func afterDateline(units []*unit) int {
	for k := 1; k < len(units) && k < 12; k++ {
		if units[k].kind == kPunct && (units[k].text == "—" || units[k].text == "–" || units[k].text == "-") {
			return k + 1
		}
	}
	return 0
}

// topicVerbs are verbs of consultation whose object is what is talked
// about; whom with follows "with".
var topicVerbs = toSet("discuss review raise address debate examine explore exchange")

// afterWith returns the actors of objs named right after "with" ("…
// Kim's envoy at a forum in Jakarta" has none).
func afterWith(units []*unit, toks []string, objs []*unit) []*unit {
	var out []*unit
	for _, o := range objs {
		if k := slices.Index(units, o); k > 0 && toks[k-1] == "with" {
			out = append(out, o)
		}
	}
	return out
}

// topicOnly reports whether the actor named after a preposition of topic
// ("on", "about") of the act of CAMEO code c can only be what it is about:
// a meeting or talks (04), or an act the coder does not code.
func topicOnly(c string) bool {
	return predicateOfCAMEO(c) == "" || strings.HasPrefix(c, "04")
}

// topicPreps name what something is about.
var topicPreps = toSet("on about over regarding concerning")

// topicBefore reports whether units[k] is named after a preposition of
// topic ("a summit on the Somalia crisis").
func topicBefore(units []*unit, k int) bool {
	if k > 0 && units[k-1].kind == kWord && units[k-1].lower() == "the" {
		k--
	}
	return k > 0 && units[k-1].kind == kWord && topicPreps[units[k-1].lower()]
}

// possessed reports whether units[k] owns the noun after it ("Russia's").
func possessed(units []*unit, k int) bool {
	return k+1 < len(units) && units[k+1].kind == kWord && units[k+1].text == "'s"
}

// notPossessors returns the actors of objs not followed by "'s".
func notPossessors(units []*unit, objs []*unit) []*unit {
	var out []*unit
	for _, o := range objs {
		if !possessed(units, slices.Index(units, o)) {
			out = append(out, o)
		}
	}
	return out
}

// notPlaced returns objs, or nil when they are named as the place or the
// topic of what two or more discuss: after "in", "at" or another place
// preposition ("the situation in Gaza and Sudan"), or after "of" but for
// the people who stand for them ("the return of refugees", not "a
// delegation of the Lao party"), over the actors and the commas and
// "and" that list them.
func notPlaced(units []*unit, objs []*unit) []*unit {
	if len(objs) == 0 {
		return objs
	}
	for k := slices.Index(units, objs[0]) - 1; k >= 0; k-- {
		u := units[k]
		switch {
		case u.kind == kPlace || actorKind(u.kind) || u.kind == kPunct && u.text == "," || isCoord(u):
			continue
		case u.kind == kWord && placePreps[u.lower()]:
			return nil
		case u.kind == kWord && u.lower() == "of":
			if k == 0 || !envoyNouns[units[k-1].lower()] {
				return nil
			}
		}
		break
	}
	return objs
}

// meetingPartner returns the counterpart of a meeting, call or talks
// among objs, the first actors after the verb: those actors when they are
// not named as its place, else the actors "with" names right after that
// place and its dates ("held talks in Moscow with Lavrov": Lavrov; "will
// meet in Luxembourg on Friday to discuss Russia": no one, the purpose's
// actors being its topic). objs read by a rule other than objectOf (not
// units of the sentence) are kept.
func meetingPartner(units []*unit, toks []string, objs []*unit, to int, base func(string) bool) []*unit {
	if len(objs) == 0 {
		return objs
	}
	k := slices.Index(units, objs[0])
	if k < 1 || !placedBefore(units, k) {
		return objs
	}
	e := k + 1
	for e < to && (coderActor(units[e]) || units[e].kind == kPlace || units[e].kind == kDate || isCoord(units[e]) ||
		units[e].kind == kPunct && units[e].text == ",") {
		e++
	}
	if e+1 < to && toks[e] == "with" && coderActor(units[e+1]) {
		return notPlaced(units, objectOf(units, toks, e+1, to, base))
	}
	return nil
}

// meetingCode reports whether CAMEO code is a consultation told by its
// place ("met in Luxembourg"): any of 04 but a visit (042, whose place is
// its target) and hosting (043).
func meetingCode(code string) bool {
	return strings.HasPrefix(code, "04") && code != "042" && !strings.HasPrefix(code, "043")
}

// placedAfter reports whether the verb's words, ending at k, are followed
// (past its dates) by a place preposition: "will meet in Luxembourg on
// Friday", "met on Friday in Luxembourg" tell where, not with whom.
func placedAfter(units []*unit, toks []string, k, tail int) bool {
	for k < tail && units[k].kind == kDate {
		k++
	}
	return k < tail && placePreps[toks[k]]
}

// placedBefore reports whether the actor at units[k] follows a place
// preposition ("in", "at"), past the places, actors, commas and "and"
// that list it ("in Brussels and Luxembourg", "at the summit in Jakarta"
// is not: "summit" is a word between).
func placedBefore(units []*unit, k int) bool {
	for j := k - 1; j >= 0; j-- {
		u := units[j]
		switch {
		case u.kind == kPlace || actorKind(u.kind) || u.kind == kPunct && u.text == "," || isCoord(u):
			continue
		case u.kind == kWord && u.lower() == "the":
			continue
		}
		return u.kind == kWord && placePreps[u.lower()]
	}
	return false
}

// envoyNouns name people who stand for those named after "of" ("a
// delegation of the Lao party", "representatives of Hamas").
var envoyNouns = toSet("delegation delegations representatives representative members envoy envoys emissary " +
	"emissaries leaders leader officials head heads chief")

// governmentWords name a country's government without naming the country.
var governmentWords = toSet("government authorities regime")

// ownGovernment returns, for a subject that is part of a country other
// than its government ("Georgians", "Syrian rebels"), a unit for that
// country's government when the clause after the verb names "the
// government" before any actor.
func ownGovernment(units []*unit, toks []string, subj []*unit, from, to int) []*unit {
	if len(subj) != 1 {
		return nil
	}
	s := subj[0]
	if s.kind != kCountry || s.sector == "" || s.sector == "GOV" || s.ref == nil {
		return nil
	}
	for j := from + 1; j < to && j < from+12; j++ {
		if coderActor(units[j]) || clauseWords[toks[j]] && toks[j] != "as" {
			return nil
		}
		if governmentWords[toks[j]] && toks[j-1] == "the" {
			r := *s.ref
			return []*unit{{kind: kCountry, text: units[j-1].text + " " + units[j].text,
				start: units[j-1].start, end: units[j].end, ref: &r, sector: "GOV"}}
		}
	}
	return nil
}

// purposeTarget returns, for a protest whose purpose follows it ("began
// a hunger strike on Monday to protest against Peru's decision", "staged
// a rally to demand the resignation of …"), the target of the purpose: the
// first actors after its verb, when that verb itself protests or demands
// (CAMEO 14, 10) or disapproves ("to denounce …", 11, or a disapproval
// named: "to show their anger at …"). It looks from end,
// past the act's own words, to tail.
func (d *doc) purposeTarget(units []*unit, toks []string, end, tail int) []*unit {
	for k := end; k+1 < tail && k < end+12; k++ {
		if clauseWords[toks[k]] || toks[k] == ";" {
			return nil
		}
		if toks[k] != "to" || units[k+1].kind != kWord {
			continue
		}
		for n := k + 2; n < tail && n < k+5; n++ {
			if disapprovalNouns[toks[n]] {
				// "to show their disapproval of", "to voice their anger
				// at": the noun says the purpose disapproves.
				return objectOf(units, toks, n+1, tail, d.coder.isBase)
			}
		}
		if !d.coder.isBase(toks[k+1]) {
			continue
		}
		c, e := d.coder.match(toks, k+1)
		if len(c) < 2 || c[:2] != "14" && c[:2] != "10" && c[:2] != "11" {
			return nil
		}
		return objectOf(units, toks, e, tail, d.coder.isBase)
	}
	return nil
}

// disapprovalNouns, in a protest's purpose after its verb ("to show their
// disapproval for …"), make the actors after them its target.
var disapprovalNouns = toSet("disapproval displeasure anger outrage opposition indignation")

// placeOf returns the first country named as a place ("in Haiti") in
// [from, to), within the verb's clause; a place of places.tsv ("in
// Kharkiv", or acted on right after the verb: "shelled Kharkiv") gives
// its country, as a unit over the place's words.
func placeOf(units []*unit, toks []string, from, to int) []*unit {
	for j := from; j < to && j < from+20; j++ {
		if clauseWords[toks[j]] && toks[j] != "as" || toks[j] == ";" {
			return nil
		}
		if j > from && units[j].kind == kCountry && !units[j].demonym && placePreps[toks[j-1]] &&
			(j+1 >= len(units) || units[j+1].text != "'s") {
			return units[j : j+1]
		}
		if u := units[j]; u.kind == kPlace && u.in != nil && (j == from || placePreps[toks[j-1]] || partOfPlace(toks, j)) &&
			(j+1 >= len(units) || units[j+1].text != "'s") {
			r := *u.in
			return []*unit{{kind: kCountry, text: u.text, start: u.start, end: u.end, ref: &r, in: u.in}}
		}
	}
	return nil
}

// placeParts name a part of a town or region: "shelled districts of
// Aleppo", "bombarded the outskirts of Donetsk".
var placeParts = toSet("part parts district districts area areas neighbourhood neighbourhoods neighborhood " +
	"neighborhoods quarter quarters suburb suburbs outskirts sector sectors centre center")

// partOfPlace reports whether the place at toks[j] follows "of" after a
// part of it ("districts of Aleppo"): the place the act is in.
func partOfPlace(toks []string, j int) bool {
	return j >= 2 && toks[j-1] == "of" && placeParts[toks[j-2]]
}

// covered reports whether a statement read by the phrasing rules covers u.
func covered(read []*cand, u *unit) bool {
	for _, c := range read {
		if c.span[0] <= u.start && u.end <= c.span[1] {
			return true
		}
	}
	return false
}

// reportTail returns where a closing report of the sentence begins (",
// officials said Thursday", ", the White House said"), or its length. A
// report verb with a clause of its own after it ("…, Iraq said it would
// allow …") closes nothing.
func reportTail(units []*unit, toks []string) int {
	for j := len(toks) - 1; j > 0; j-- {
		if !reportVerbs[toks[j]] || units[j].kind != kWord {
			continue
		}
		if j+1 < len(toks) && (toks[j+1] == "that" || subjectPronouns[toks[j+1]]) {
			break // "…, came as Israel announced it would …": the report has a complement
		}
		if len(toks)-j > maxReportTail {
			break
		}
		for k := j - 1; k >= 0 && k >= j-10; k-- {
			if toks[k] == "," {
				return k
			}
			if clauseWords[toks[k]] && units[k].kind == kWord {
				break // "…, came as Israel announced": a clause of its own
			}
		}
		break
	}
	return len(toks)
}

// dateSaying dates demands read from what was said by the dates before
// the demanded act (units): "In a statement on Wednesday, X said Y must
// respect the 2021 ruling" was made on Wednesday, not in 2021. Without
// such a date they are dated as any other event.
func (d *doc) dateSaying(cs []*cand, units []*unit, st *sentence) {
	for _, c := range cs {
		if u := nearestDate(units, c.span, st.text, nil); u != nil {
			c.date, c.dateKind, c.dated, c.dateFrom, c.fixed = u.expr.Value, u.expr.Kind, true, []*sentence{st}, true
		}
	}
}

// toldActor returns where the one told stands after a verb ending at k:
// right after it, or after "former" and a title ("ordered former
// president Carlos Menem to appear").
func toldActor(units []*unit, toks []string, k, tail int) int {
	j := k
	if j < tail && toks[j] == "former" {
		j++
	}
	if j > k || j < tail && units[j].kind == kOffice {
		for j < tail && units[j].kind == kOffice {
			j++
		}
		if j < tail && units[j].kind == kPerson {
			return j
		}
	}
	return k
}

// thatNext reports whether a "that" clause opens at k, after a date or
// not ("reiterated on Monday that").
func thatNext(units []*unit, toks []string, k, tail int) bool {
	if k < tail && units[k].kind == kDate {
		k++
	}
	return k < tail && toks[k] == "that"
}

// orderWords tell another to act: "ordered Menem to appear", whatever
// the act.
var orderWords = toSet("ordered orders told tells asked asks instructed instructs directed directs summoned summons")

// commitWords commit their subject to the act in the infinitive after
// them: "agreed to", "promised to", "vowed to".
var commitWords = toSet("agreed agrees promised promises pledged pledges offered offers vowed vows swore swears sworn")

// infinitiveAfter returns the index of the verb of the infinitive that
// follows a commitment word ending at k, a few words ("in principle",
// "on Saturday") after it, or 0.
func infinitiveAfter(units []*unit, toks []string, k, tail int) int {
	for j := k; j < tail && j < k+5; j++ {
		if units[j].kind == kPunct || units[j].kind != kWord && units[j].kind != kDate {
			return 0
		}
		if toks[j] != "to" {
			continue
		}
		if v := j + 1; v < tail && units[v].kind == kWord && !coderDeterminers[toks[v]] {
			return v
		}
		return 0
	}
	return 0
}

// conditionSubject returns the actors opening the condition ("if …",
// "unless …") after the verb at i, or nil.
func conditionSubject(units []*unit, toks []string, i, tail int) []*unit {
	for k := i + 1; k < tail; k++ {
		switch toks[k] {
		case "if", "unless":
			return subjectOf(units, k+1, min(k+4, tail))
		case ";", ".":
			return nil
		}
	}
	return nil
}

// maxReportTail bounds the words a closing report has from its verb to
// the end of the sentence ("said in a statement on Thursday .").
const maxReportTail = 9

// condition is how the clause after an intended act binds it.
type condition int

const (
	condNone   condition = iota
	condIf               // "would meet Peru if …": an offer, or a threat of a hostile act
	condUnless           // "will withdraw its troops unless …": a threat
)

// asClause reports whether the "as" at toks[i] opens a clause with its
// own subject ("the release came as Israel announced …", "talks resumed,
// as Chile said …"): an actor follows it, not as a possessor ("served as
// Chile's envoy"), after a word or a date of the clause before or a
// comma, not in "such as", "as well as" or after a participle ("known
// as").
func asClause(units []*unit, toks []string, i int) bool {
	if toks[i] != "as" || i == 0 || i+1 >= len(units) || !coderActor(units[i+1]) || possessed(units, i+1) {
		return false
	}
	prev := units[i-1]
	return prev.kind == kWord && !notAsClause[toks[i-1]] || prev.kind == kPunct && prev.text == "," || prev.kind == kDate
}

// aheadWords open a clause whose act, told in the present, is still to
// come: "a day before Sarkozy heads to Beijing", "until Peru withdraws".
var aheadWords = toSet("before until")

// presentTense reports whether the verb form w is in the present tense
// of the third person ("heads", "withdraws"), not the past or the base.
func presentTense(w string, c verbCoder) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !c.isBase(w) && c.lemma(w) != ""
}

// afterDate returns the index of the first unit from k on that is not a
// date or the "on" before one ("alleged on Monday that …").
func afterDate(units []*unit, toks []string, k, to int) int {
	for k < to && (units[k].kind == kDate || toks[k] == "on" && k+1 < to && units[k+1].kind == kDate) {
		k++
	}
	return k
}

// nextSubClause returns the index of the first word in [from, to) that
// opens a clause with its own subject ("after Chile said", "as Peru
// announced"), or -1.
func nextSubClause(units []*unit, toks []string, from, to int) int {
	for k := from; k+1 < to; k++ {
		if units[k].kind == kWord && (midClause[toks[k]] && coderActor(units[k+1]) || asClause(units, toks, k)) {
			return k
		}
	}
	return -1
}

// conditional returns the condition the clause after the verb at i sets.
func conditional(toks []string, i, tail int) condition {
	for j := i + 1; j < tail; j++ {
		switch toks[j] {
		case "unless":
			return condUnless
		case "if":
			return condIf
		case ";", ".":
			return condNone
		}
	}
	return condNone
}

// clauseStart returns where the subject of a clause opening at k may
// start: after a leading prepositional phrase and its comma ("In a letter
// to the United Nations on Monday, Iraq said").
func clauseStart(units []*unit, toks []string, k int) int {
	if k >= len(units) || !leadPreps[toks[k]] && !leadSubordinators[toks[k]] {
		return k
	}
	for j := k + 1; j < len(units) && j < k+25; j++ {
		if toks[j] == "," {
			return j + 1
		}
	}
	return k
}

// verbFrameKind is how a verb form is used.
type verbFrameKind int

const (
	frameDone    verbFrameKind = iota // the act happened: "Finland gave"
	frameIntent                       // it is intended or offered: "will give", "is ready to give"
	framePassive                      // done to the subject: "was attacked by"
	frameAsk                          // asked of another: "wants Putin to attack"
	frameMust                         // required: "said Iraq must allow"
	frameNoun                         // the word is a noun here: "the attack"
	frameDenied                       // negated: "did not attack"
	frameRefused                      // refused: "would not support", "will not attack"
)

// peopleFirst reports whether the first object obj of a verb ending at
// end is a people of a country rather than the country ("refugees from
// Ukraine": the REF and CVL sectors), or comes after such a people of no
// country named ("migrants expelled from Nigeria"): diplomatic
// cooperation (CAMEO 05: "opened its border to …") done for people names
// no partner; aid to them (07) and material help (06) still have them as
// target.
func (d *doc) peopleFirst(units []*unit, end int, obj *unit) bool {
	if obj.sector == "REF" || obj.sector == "CVL" {
		return true
	}
	for k := end; k < len(units) && units[k] != obj; k++ {
		if units[k].kind != kWord {
			continue
		}
		if n, code := d.agentAt(units, k); n > 0 && (code == "REF" || code == "CVL") {
			return true
		}
	}
	return false
}

// cooperative reports whether a CAMEO code is of a cooperative act (02–09).
func cooperative(code string) bool { return len(code) >= 2 && code[:2] >= "02" && code[:2] <= "09" }

// hostile reports whether a CAMEO code is of a hostile act (10–20).
func hostile(code string) bool { return len(code) >= 2 && code[:2] >= "10" }

// warnedAgainst returns, for a warning of what someone would do ("warned
// that North Korea would take countermeasures against Japan"), the one
// it would be done against, when the clause names one after "against":
// the one who would act is the warner's side, not its target. It
// returns objs otherwise ("warned that Israel would pay a heavy price").
func warnedAgainst(units []*unit, toks []string, objs []*unit, tail int) []*unit {
	k := slices.Index(units, objs[0])
	if k < 1 || toks[k-1] != "that" || k+1 >= tail || !coderModals[toks[k+1]] {
		return objs
	}
	for j := k + 2; j+1 < tail && j < k+14; j++ {
		if clauseWords[toks[j]] || toks[j] == ";" {
			break
		}
		if toks[j] == "against" && coderActor(units[j+1]) {
			return units[j+1 : j+2]
		}
	}
	return objs
}

// jointWords before "X to <verb>" make X a partner in the act, not the
// one asked to do it: "ready to work with Kazakhstan to deepen ties".
var jointWords = toSet("with alongside together")

// actorJoins join two actors into one side ("Hungary and Estonia"): no
// request of the second by the first.
var actorJoins = toSet("and or nor")

// Words that tell a past plan did not go ahead as planned.
var (
	// pastPlanAux before a schedule word make the plan a past one: "was
	// due to", "had been scheduled to".
	pastPlanAux = toSet("was were been")
	// undoneWords after a past plan's verb say it was dropped, moved or
	// replaced: "but the talks were cancelled", "met on Friday instead".
	undoneWords = toSet("but instead cancelled canceled postponed scrapped shelved suspended aborted " +
		"delayed off rescheduled")
)

// pastPlanUndone reports whether the verb at i is the act of a past plan
// ("was due to meet", "were scheduled to sign", "had been set to visit")
// that the rest of the sentence says did not go ahead as planned ("…, but
// the talks were cancelled", "… but met him on Friday instead"): the
// plan states nothing, and what did happen is read from its own clause.
func pastPlanUndone(toks []string, start, i int) bool {
	j := i - 1
	if j-2 < start || toks[j] != "to" || !pastPlanAux[toks[j-2]] || !scheduleWords[toks[j-1]] && toks[j-1] != "expected" {
		return false
	}
	for _, w := range toks[i+1:] {
		if undoneWords[w] {
			return true
		}
	}
	return false
}

// clauseSubjectDets open a noun phrase that may be a clause's subject:
// "after her party agreed", "when the army shelled".
var clauseSubjectDets = toSet("the her his its their our")

// nounSubjectAt reports whether toks[j], right after a word opening a
// clause ("after", "when"), opens a noun phrase of a determiner and one
// or two words that a verb follows ("a day after her party agreed a
// coalition with Y"): the clause has its own subject, no actor, so the
// verb is not the sentence subject's act. "after the talks, X …" (a
// comma or an actor after the noun) is a phrase of time.
func (d *doc) nounSubjectAt(units []*unit, toks []string, j, tail int) bool {
	if !clauseSubjectDets[toks[j]] || j+2 >= tail || units[j+1].kind != kWord {
		return false
	}
	for k := j + 2; k < tail && k <= j+3; k++ {
		if units[k].kind != kWord {
			return false
		}
		if coderAux[toks[k]] || coderModals[toks[k]] {
			return true
		}
		if code, _ := d.coder.match(toks, k); code != "" && strings.HasSuffix(toks[k], "ed") {
			return true
		}
	}
	return false
}

// tripTo reports whether the verb at toks[i] goes to its object, a
// country or a place ("would travel to Warsaw", "is to fly to Chile"): a
// visit, which one side makes, not a meeting.
func tripTo(units []*unit, toks []string, i, tail int, objs []*unit) bool {
	return i+1 < tail && toks[i+1] == "to" && len(objs) > 0 && (objs[0].kind == kCountry || objs[0].kind == kPlace)
}

// sentTo reports whether the first object of the verb at toks[i] is
// where something the verb names is sent ("would send troops to
// Estonia", "will ship grain to Egypt"): one side's act, whose intent is
// its pledge, not a plan of both.
func sentTo(units []*unit, toks []string, i int, objs []*unit) bool {
	if len(objs) == 0 {
		return false
	}
	k := slices.Index(units, objs[0])
	if k > 0 && toks[k-1] == "the" {
		k--
	}
	return k-1 > i+1 && toks[k-1] == "to"
}

// offerWords before an intended act make it one side's offer or promise
// ("is ready to host talks", "offered to mediate"), not a plan of both.
var offerWords = toSet("ready willing prepared offered offers offering promised promises pledged pledges")

// offeredAt reports whether one of the few words before the verb at
// toks[i] is an offer word.
func offeredAt(toks []string, start, i int) bool {
	for k := max(start, i-4); k < i; k++ {
		if offerWords[toks[k]] {
			return true
		}
	}
	return false
}

// reducedRelative reports whether the verb form at toks[i], read as done
// right after its subject, is a past participle that opens a reduced
// relative clause of that noun, which a passive main verb follows ("the
// soldiers captured last month were freed by the rebels", "the
// activists detained for protesting against Cairo were released by
// Egypt"): the participle says which soldiers; the passive after it is
// the clause's act. A participle takes no object, so one followed by a
// name or a determiner ("captured the town") is the main verb.
func reducedRelative(units []*unit, toks []string, i, tail int, base bool) bool {
	w := toks[i]
	if base || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "s") || i+1 >= tail {
		return false
	}
	if n := units[i+1]; n.kind != kWord && n.kind != kDate || coderDeterminers[toks[i+1]] {
		return false
	}
	for k := i + 1; k+1 < tail && k <= i+8; k++ {
		if units[k].kind == kPunct || clauseWords[toks[k]] || reportVerbs[toks[k]] || coderActor(units[k]) && k == i+1 {
			return false
		}
		switch toks[k] {
		case "was", "were":
			n := toks[k+1]
			return n == "being" || n == "then" || n == "later" || strings.HasSuffix(n, "ed") || units[k+1].kind == kDate
		case "has", "have", "had":
			return toks[k+1] == "been"
		}
	}
	return false
}

// intentCode gives an intended act the code PLOVER gives intents: to
// cooperate, also on a condition ("would meet Peru if it dropped its
// preconditions", an offer: AGREE, CAMEO 03), or to use force, to act
// against another on a condition, or to do anything unless a condition
// is met (THREATEN, 13).
func intentCode(code string, cond condition) string {
	if len(code) < 2 {
		return code
	}
	root := code[:2]
	switch {
	case root >= "13" || cond == condUnless || cond == condIf && root >= "10":
		return "130"
	case root >= "02" && root <= "09" && root != "03":
		return "030"
	}
	return code
}

// verbFrame reads the words before the verb form at i: a determiner makes
// it a noun; a negation denies it; a modal or an intent frame makes it
// intended; "was … by" passive.
func verbFrame(units []*unit, toks []string, start, i int, base bool) verbFrameKind {
	w := toks[i]
	j := i - 1
	for j >= start && (coderAdverbs[toks[j]] || strings.HasSuffix(toks[j], "ly") && units[j].kind == kWord || units[j].kind == kDate) {
		j--
	}
	if j < start {
		if base {
			return frameNoun
		}
		return frameDone
	}
	prev := toks[j]
	negatedAt := func(k int) bool { return k >= 0 && (coderNegations[toks[k]] || toks[k] == "never") }
	switch {
	case coderDeterminers[prev] || units[j].kind == kWord && strings.HasSuffix(prev, "'s"):
		return frameNoun
	case base && nounPreps[prev] && units[j].kind == kWord:
		return frameNoun // "came under pressure from", "despite protest"
	case coderNegations[prev] || prev == "longer":
		if j > 0 && coderModals[toks[j-1]] || prev == "n't" && j > 0 && (toks[j-1] == "wo" || toks[j-1] == "would") {
			return frameRefused // "would not", "will not"
		}
		return frameDenied
	case coderModals[prev]:
		if negatedAt(j - 1) {
			return frameRefused
		}
		if prev == "must" || prev == "should" {
			return frameMust
		}
		return frameIntent
	case prev == "to":
		if j > start+1 && coderActor(units[j-1]) && actorJoins[toks[j-2]] {
			// "urged Hungary and Estonia to hold talks" asks both; a
			// headline's "Hungary and Estonia to hold talks" is their plan.
			if k := j - 3; k > start && coderActor(units[k]) && units[k-1].kind == kWord &&
				!coderAux[toks[k-1]] && !jointWords[toks[k-1]] && !actorJoins[toks[k-1]] {
				return frameAsk
			}
			return frameIntent
		}
		if j > start+1 && coderActor(units[j-1]) && (toks[j-2] == "from" || toks[j-2] == "by") {
			// "under pressure from Riyadh to help", "was urged by Paris to
			// act": the actor is the one who asks, not the one asked.
			return frameNoun
		}
		if j > start+1 && coderActor(units[j-1]) && units[j-2].kind == kWord && !coderAux[toks[j-2]] && !jointWords[toks[j-2]] {
			if j-3 >= start && hedges[toks[j-3]] {
				return frameDenied // "might want Obama to head back": a guess, not a request
			}
			return frameAsk
		}
		if j-2 >= start && scheduleWords[toks[j-1]] && coderAux[toks[j-2]] && !negatedAt(j-3) {
			// "is scheduled to visit", "are due to meet", "are set to
			// sign", "was due to meet": a plan, not the act.
			return frameIntent
		}
		if j > 1 && j-2 >= start && units[j-1].kind == kDate && intentFrames[toks[j-2]] && !negatedAt(j-3) {
			return frameIntent // "vowed on Monday to block": the date is the vow's
		}
		if j > 0 && (intentFrames[toks[j-1]] || wishWords[toks[j-1]] || coderAux[toks[j-1]]) {
			if negatedAt(j-2) || j-2 >= start && hedges[toks[j-2]] && wishWords[toks[j-1]] {
				return frameDenied // "did not want to", "may want to": no intent stated
			}
			if j-3 >= start && toks[j-2] == "be" && (toks[j-3] == "must" || toks[j-3] == "should") {
				return frameMust // "Iraq must be ready to allow": required
			}
			return frameIntent
		}
		if !base || j > 0 && units[j-1].kind == kPerson {
			return frameNoun // "to Geneva", "to war-torn Mozambique"; "called on the Houthis to release"
		}
		if j > start && units[j-1].kind == kWord && complementNouns[toks[j-1]] {
			// "rallied against the government's decision to suspend EU
			// talks", "a bid to join NATO": the act is named, not done.
			return frameNoun
		}
		// "continued to send arms", "staged a strike to protest
		// against", "sent personnel to investigate": the act is done.
		return frameDone
	case coderAux[prev]:
		if negatedAt(j - 1) {
			return frameDenied
		}
		if (prev == "was" || prev == "were" || prev == "is" || prev == "are" || prev == "be" || prev == "been" || prev == "being") &&
			!strings.HasSuffix(w, "ing") {
			return framePassive
		}
		return frameDone
	case prev == "and":
		// "donated and delivered": the second of two verbs shares the subject.
		if j > start {
			return frameDone
		}
		return frameNoun
	}
	if units[j].kind == kPunct {
		// "Sidhoum, Algeria's leading activist, staged": after an
		// appositive the verb is inflected.
		if prev == "," && !base && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s") {
			return frameDone
		}
		return frameNoun
	}
	if units[j].kind != kWord {
		// Right after a name: "Finland gave", "Palestinians reject".
		if base && !strings.HasSuffix(units[j].lower(), "s") {
			return frameNoun
		}
		if units[j].demonym && units[j].sector == "" && strings.HasSuffix(w, "ing") && i+1 < len(units) &&
			units[i+1].kind == kWord && !coderDeterminers[toks[i+1]] && toks[i+1] != "of" && !coderAux[toks[i+1]] &&
			strings.HasSuffix(toks[i+1], "s") {
			// "Canadian mining firms", "Chinese fishing boats": a
			// gerund between an adjective and a plural noun modifies it.
			return frameNoun
		}
		if strings.HasSuffix(w, "ing") && i+1 < len(toks) && coderAux[toks[i+1]] {
			// "The Russian building was demolished": a noun the name
			// modifies, the subject of the verb after it.
			return frameNoun
		}
		if strings.HasSuffix(w, "s") && headOfSubject(units, toks, i) {
			// "US Predator attacks, occurring every three days, have
			// killed …": a plural noun the subject's verb follows.
			return frameNoun
		}
		if units[j].demonym && strings.HasSuffix(w, "s") && !strings.HasSuffix(units[j].lower(), "s") &&
			i+1 < len(toks) && toks[i+1] == "of" {
			// After an adjective a plural followed by "of" is its noun:
			// "the Greek sides of the island" (a people, "Palestinians",
			// is a subject).
			return frameNoun
		}
		return frameDone
	}
	if (prev == "which" || prev == "who") && !strings.HasSuffix(w, "ing") {
		return frameDone // "Russia, which refuses to recognise Kosovo": a relative clause's verb
	}
	// After a plain word the verb must be in the past or the present
	// ("officials agreed", "forces shelled", "rebels shell"), not a
	// gerund or a plural noun ("peace talks").
	if strings.HasSuffix(w, "ing") || !base && strings.HasSuffix(w, "s") {
		return frameNoun
	}
	if base && !strings.HasSuffix(prev, "s") {
		return frameNoun
	}
	return frameDone
}

// headOfSubject reports whether the word at i, set off by a comma, heads
// a subject whose verb comes after the aside: "Recent US Predator
// attacks, occurring every few days, have killed …". The aside is a
// participle clause and the verb an auxiliary after its closing comma,
// with no actor between.
func headOfSubject(units []*unit, toks []string, i int) bool {
	if i+2 >= len(toks) || toks[i+1] != "," || !strings.HasSuffix(toks[i+2], "ing") {
		return false
	}
	for k := i + 3; k+1 < len(toks) && k < i+16; k++ {
		if units[k].kind != kWord && units[k].kind != kPunct && units[k].kind != kDate {
			return false
		}
		if toks[k] == "," {
			return coderAux[toks[k+1]]
		}
	}
	return false
}

// reportersAgents returns, for a clause opening with a possessive
// pronoun and an agent noun ("Ecuador said its troops had attacked"), the
// reporter's countries with the agent's sector, or the reporter itself
// when it is no country; nil when the clause opens otherwise.
func (d *doc) reportersAgents(units []*unit, toks []string, start, i int, reporter []*unit) []*unit {
	for start < i && (units[start].kind == kDate || toks[start] == "that") {
		start++ // "said on Wednesday its jets had …", "said that its troops"
	}
	if i-start < 2 || !possessivePronouns[toks[start]] {
		return nil
	}
	code, ok := d.g.agents[toks[start+1]]
	if !ok && (ownArms[toks[start+1]] || i-start > 2 && toks[start+1] == "air" && airArms[toks[start+2]]) {
		code, ok = "MIL", true // "its drones struck", "its air defences shot down"
	}
	if !ok {
		return nil
	}
	out := make([]*unit, len(reporter))
	for k, u := range reporter {
		out[k] = u
		if u.kind == kCountry && u.sector == "" {
			c := *u
			c.sector = code
			out[k] = &c
		}
	}
	return out
}

// ownArms are the arms a possessive pronoun gives the reporter ("Israel
// said its warplanes had bombed …"): its forces acting, though alone
// ("drones struck the city") they name no one's.
var ownArms = toSet("drones warplanes jets aircraft planes helicopters gunships artillery missiles rockets " +
	"fighters bombers frigates destroyers submarines units commandos")

// airArms follow "air" in such arms: "its air defences", "its air force".
var airArms = toSet("force forces defences defenses defence defense")

// andVerbAfter reports whether "and" and a verb in the past the coder
// knows follow within toks[from:tail] ("… and accused Congo of …").
func andVerbAfter(toks []string, from, tail int, c verbCoder) bool {
	for k := from; k+1 < tail; k++ {
		if toks[k] == "and" && strings.HasSuffix(toks[k+1], "ed") {
			if code, _ := c.match(toks, k+1); code != "" {
				return true
			}
		}
	}
	return false
}

// takeVerbs take things or people (CAMEO 171) or ground (192), as their
// object says.
var takeVerbs = toSet("seize capture")

// militaryPosts are the places of armed forces whose taking is combat.
var militaryPosts = toSet("base bases outpost outposts post posts positions garrison garrisons barracks " +
	"checkpoint checkpoints camp camps headquarters")

// militaryPostAfter reports whether the object o (an actor among units) is
// followed, within two words, by one of militaryPosts ("a Myanmar military
// base", "Ukraine's border posts"): the object owns the post taken.
func militaryPostAfter(units []*unit, toks []string, o *unit, tail int) bool {
	k := slices.Index(units, o)
	if k < 0 {
		return false
	}
	if k+1 < tail && toks[k+1] == "'s" {
		k++
	}
	for j := k + 1; j < tail && j <= k+3; j++ {
		if units[j].kind != kWord {
			return false
		}
		if militaryPosts[toks[j]] {
			return true
		}
	}
	return false
}

// pronounBefore reports whether a subject pronoun opens the clause before i.
func pronounBefore(units []*unit, toks []string, start, i int) bool {
	for j := start; j < i; j++ {
		if units[j].kind == kWord && subjectPronouns[toks[j]] {
			return true
		}
	}
	return false
}

// figurativeObjects are the nouns a verb of force takes in a figure of
// speech: "struck a harder line", "hit a record", "struck a balance".
var figurativeObjects = toSet("line lines tone note chord balance pose deal bargain compromise record records " +
	"high highs low lows nerve snag roadblock wall")

// figurativeObject reports whether one of the three words after a verb
// of force, before any actor, is a figurative object.
func figurativeObject(toks []string, from, tail int) bool {
	for k := from; k < tail && k < from+4; k++ {
		if figurativeObjects[toks[k]] {
			return true
		}
	}
	return false
}

// complementNouns name an act in the infinitive after them without
// stating it was done: "the decision to suspend", "a bid to join".
var complementNouns = toSet("decision decisions plan plans bid bids move attempt attempts effort efforts proposal " +
	"proposals offer offers push pledge pledges promise promises vow refusal failure readiness willingness " +
	"intention intentions threat threats order orders call calls request requests")

// subjectOf returns the actors opening the clause [start, i): the first
// actor and those coordinated with it ("Israel and the Palestinians").
func subjectOf(units []*unit, start, i int) []*unit {
	// A lone name opening the clause is its subject ("Obama wants …"),
	// though too weak a name to be taken as a target.
	// A possessor is not ("Russia's lack of commitment", "Finland,
	// Sweden's neighbour,").
	isSubj := func(k int) bool {
		u := units[k]
		// A pronoun the article resolved to a person is as good as the
		// name ("… as saying he would be ready to host"). An agent
		// after "by" is a participle's ("The resolution, drafted by
		// France, extends …"), not the clause's subject; a passive's
		// agent is read as such by sides.
		return (coderActor(u) || u.kind == kPerson && u.ref != nil && (u.ref.conf >= 0.7 || u.pronoun)) &&
			!possessed(units, k) && !followed(units, k) && !(k > 0 && units[k-1].kind == kWord && units[k-1].lower() == "by")
	}
	for j := start; j < i; j++ {
		if !isSubj(j) {
			continue
		}
		out := []*unit{units[j]}
		for k := j + 1; k < i; k++ {
			u := units[k]
			switch {
			case productName(units, k):
				// "US Predator attacks": a name a country's name modifies
				// is a thing of that country, no second actor.
				return out
			case isSubj(k):
				out = append(out, u)
			case isCoord(u) || u.kind == kWord && u.lower() == "the":
			default:
				return out
			}
		}
		return out
	}
	return nil
}

// objectOf returns the first actors after the verb's words, within its
// clause and before to.
func objectOf(units []*unit, toks []string, from, to int, base func(string) bool) []*unit {
	for j := from; j < to && j < len(units) && j < from+20; j++ {
		u := units[j]
		if u.kind == kPunct && (u.text == ";" || u.text == ":" || u.text == "(" && false) {
			return nil
		}
		if toks[j] == "to" && j > from+1 && j+1 < to && units[j+1].kind == kWord && base(toks[j+1]) {
			// "stepped down as director to lead the bank": a purpose of
			// its own.
			return nil
		}
		if u.kind == kWord && (reportVerbs[toks[j]] && !strings.Contains(claimWords, toks[j]) ||
			clauseWords[toks[j]] && toks[j] != "as" && !(toks[j] == "that" && j < from+3) || coderNegations[toks[j]] ||
			strings.HasSuffix(toks[j], "ing") && j > from && gerundPreps[toks[j-1]] && !(j+1 < to && coderActor(units[j+1]))) {
			// A new clause or a gerund's own object ("accused members of
			// not meeting the alliance's goal", "the challenge of
			// maintaining NATO's unity") is not the verb's target.
			return nil
		}
		if u.kind == kWord && circumstanceAt(toks, j) {
			// "agreed to strengthen cooperation in the face of North
			// Korea's threat", "amid tensions with China": who is named
			// past it is the setting of the act, not its target.
			return nil
		}
		if !coderActor(u) || possessed(units, j) && j+2 < len(toks) && relationNouns[toks[j+2]] {
			// "aid to Gaza's neighbours": the neighbours are the target.
			continue
		}
		if succeeded(toks, j) {
			// "to choose a successor to President X": X is whom the
			// one sought will follow, no target of the act.
			continue
		}
		out := []*unit{u}
		for k := j + 1; k < to && k < len(units); k++ {
			v := units[k]
			switch {
			case coderActor(v) && !possessed(units, k):
				out = append(out, v)
			case isCoord(v) || v.kind == kWord && v.lower() == "the":
			default:
				return out
			}
		}
		return out
	}
	return nil
}

// coordinatedVerbAt reports whether toks[j] is an "and" starting a second
// verb of the clause's subject, told by its past form ("and denounced",
// "and called on"), the next word no actor: what follows is that verb's
// object, not the first one's.
func coordinatedVerbAt(units []*unit, toks []string, j, to int) bool {
	if toks[j] != "and" || j+2 >= to || units[j+1].kind != kWord {
		return false
	}
	w := toks[j+1]
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !participleAdjectives[w] && !strings.HasSuffix(w, "eed")
}

// secondVerb returns the index of the "and" of a second verb (see
// coordinatedVerbAt) between the first verb's end and obj, the first
// actor after it, or 0.
func secondVerb(units []*unit, toks []string, end, obj int) int {
	for j := end + 1; j < obj; j++ {
		if units[j].kind == kPunct {
			return 0
		}
		if coordinatedVerbAt(units, toks, j, obj+1) {
			return j
		}
	}
	return 0
}

// laterVerb returns the index of the "and" of a second verb of the
// clause's subject (see coordinatedVerbAt) after end, actors named before
// it or not, with an actor after it; 0 when a clause of its own (or ";")
// comes first.
func laterVerb(units []*unit, toks []string, end, tail int) int {
	for j := end; j < tail && j < end+20; j++ {
		if units[j].kind == kPunct && units[j].text != "," || units[j].kind == kWord && clauseWords[toks[j]] {
			return 0
		}
		if j > end && coordinatedVerbAt(units, toks, j, tail) && len(objectOf(units, toks, j+2, tail, func(string) bool { return false })) > 0 {
			return j
		}
	}
	return 0
}

// takenFrom returns the actors after the first "from" of toks[from:to]
// ("… the airport in Damascus from Hayat Tahrir al-Sham"), nil when there
// are none right after it.
func takenFrom(units []*unit, toks []string, from, to int, base func(string) bool) []*unit {
	for k := from; k+1 < to; k++ {
		if toks[k] == "from" {
			return objectOf(units, toks, k+1, min(k+4, to), base)
		}
	}
	return nil
}

// alongBorder reports whether toks[j], an actor, names a border or coast
// told as where something happened: "near the Thai border", "along the
// Lebanese frontier", "off the Libyan coast".
func alongBorder(toks []string, j int) bool {
	if j+1 >= len(toks) || !borderNouns[toks[j+1]] {
		return false
	}
	k := j - 1
	if k >= 0 && toks[k] == "the" {
		k--
	}
	return k >= 0 && borderPreps[toks[k]]
}

var (
	borderNouns = toSet("border frontier coast coastline borders")
	borderPreps = toSet("near along across off toward towards at on by")
)

// circumstanceAt reports whether toks[j] opens a phrase of circumstance
// after a verb's own words: "amid", "in the face of". ("Despite" names
// those opposed to the act: whom a refusal rejects, "declined to resign
// despite pressure from X"; see sides for a cooperative act.)
func circumstanceAt(toks []string, j int) bool {
	switch toks[j] {
	case "amid", "amidst":
		return true
	case "face":
		return j >= 2 && toks[j-1] == "the" && toks[j-2] == "in" && j+1 < len(toks) && toks[j+1] == "of"
	}
	return false
}

// ownDelegation reports whether the actor u is a delegation or mission
// named by its country ("a Canadian delegation"), which the one who leads
// it belongs to.
func ownDelegation(u *unit) bool {
	f := strings.Fields(u.lower())
	return len(f) > 1 && (f[len(f)-1] == "delegation" || f[len(f)-1] == "mission")
}

// placedIn reports whether the actor u is told as the place of an act,
// after "in" and at most one word ("offices in northern Kosovo").
func placedIn(units []*unit, toks []string, u *unit) bool {
	k := slices.Index(units, u)
	return k >= 1 && toks[k-1] == "in" || k >= 2 && toks[k-2] == "in" && units[k-1].kind == kWord
}

// followerNouns name those who follow or oppose someone: "supporters of
// X" act, not X.
var followerNouns = toSet("supporters followers opponents loyalists partisans")

// followed reports whether units[k] is the one a follower noun before it
// follows ("supporters of former President X"): a group acts, never that
// person.
func followed(units []*unit, k int) bool {
	return k >= 2 && units[k-1].kind == kWord && units[k-1].lower() == "of" &&
		units[k-2].kind == kWord && followerNouns[units[k-2].lower()]
}

// productName reports whether units[k] is a name the gazetteer does not
// know right after a country's name or adjective ("US Predator", "Russian
// Sukhoi"): a weapon, a craft or a product of that country, not a person
// (a plural is a people: "Bosnian Serbs").
func productName(units []*unit, k int) bool {
	if k == 0 {
		return false
	}
	u, p := units[k], units[k-1]
	return u.kind == kPerson && u.ref != nil && u.ref.conf < 1 && !u.titled && !strings.Contains(u.text, " ") && !strings.HasSuffix(u.text, "s") &&
		p.kind == kCountry && p.sector == "" && p.ref != nil && p.ref.typ == graph.Country
}

// relationNouns, owned by an actor ("Gaza's neighbours", "Russia's
// allies"), name others than that actor.
// successionNouns name one who takes, or took, another's place: the
// actor named after them and "to", "of" or "for" is the one replaced.
var successionNouns = toSet("successor successors predecessor predecessors replacement replacements")

// succeeded reports whether toks[j] is named as the one a successor or a
// replacement follows: "a successor to X", "the predecessor of X", "a
// replacement for X".
func succeeded(toks []string, j int) bool {
	return j >= 2 && (toks[j-1] == "to" || toks[j-1] == "of" || toks[j-1] == "for") && successionNouns[toks[j-2]]
}

var relationNouns = toSet("neighbours neighbors allies rivals enemies foes partners")

// withoutAsides returns units with what stands in parentheses blanked to
// plain words: an acronym repeating the name before it ("the Revolutionary
// United Front (RUF)") or an aside is no actor of its own.
func withoutAsides(units []*unit, toks []string) []*unit {
	var out []*unit
	depth := 0
	for k, u := range units {
		switch {
		case u.kind == kPunct && u.text == "(":
			depth++
		case u.kind == kPunct && u.text == ")":
			depth = max(0, depth-1)
		case depth > 0 && u.kind != kWord && u.kind != kPunct:
			if out == nil {
				out = slices.Clone(units)
			}
			out[k] = &unit{kind: kWord, text: toks[k], start: u.start, end: u.end}
		}
	}
	if out == nil {
		return units
	}
	return out
}

// possibilityBefore reports whether the verb at i is preceded, past its
// adverbs, by a modal of possibility ("could", "might", "may").
func possibilityBefore(units []*unit, toks []string, start, i int) bool {
	j := i - 1
	for j >= start && (coderAdverbs[toks[j]] || strings.HasSuffix(toks[j], "ly") && units[j].kind == kWord) {
		j--
	}
	return j >= start && (toks[j] == "could" || toks[j] == "might" || toks[j] == "may")
}

// sameSide reports whether the reporter is of the subject's side: the
// same actor ("Tehran warned Iran could …", "Iran said it could …"), or
// the one who leads it ("President Pezeshkian said Iran could …").
func (d *doc) sameSide(reporter, subj []*unit) bool {
	if len(reporter) == 0 || len(subj) == 0 || reporter[0].ref == nil || subj[0].ref == nil {
		return false
	}
	r, s := reporter[0].ref, subj[0].ref
	if r.name == s.name || d.headedBy(s, r) {
		return true
	}
	c, _ := d.ledCountry(r.name)
	return c != nil && c.name == s.name
}

// withoutCondition returns units without an inverted condition opening
// the sentence ("Had Germany sent Taurus missiles to Ukraine, the war
// might have turned", "Were Iran to close the strait, …", "Should Russia
// attack, …"): what it supposes was not done. units[0] is the
// auxiliary, an actor follows it; the condition ends at the first comma.
func withoutCondition(units []*unit) []*unit {
	if len(units) < 4 || units[0].kind != kWord || !coderActor(units[1]) {
		return units
	}
	switch units[0].lower() {
	case "had", "were", "should":
	default:
		return units
	}
	for k := 2; k < len(units)-1; k++ {
		if isComma(units[k]) {
			return units[k+1:]
		}
	}
	return units
}

// bareTitles returns units without each office that still stands right
// before a person once the titles are read ("received King Abdullah":
// no country made the title a fact), the person marked titled, so that
// the rules of events read the person where they expect one.
func bareTitles(units []*unit) []*unit {
	var out []*unit // nil until an office is dropped
	for k, u := range units {
		if k+1 < len(units) && u.kind == kOffice && units[k+1].kind == kPerson && units[k+1].ref != nil {
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			continue
		}
		if out != nil {
			if k > 0 && units[k-1].kind == kOffice && u.kind == kPerson && u.ref != nil && !u.titled {
				c := *u
				c.titled = true
				u = &c
			}
			out = append(out, u)
		}
	}
	if out == nil {
		return units
	}
	return out
}

// withTitles returns units with each weak person name an office precedes
// ("President Mugabe") marked titled.
func withTitles(units []*unit) []*unit {
	out := units
	for k := 1; k < len(units); k++ {
		u := units[k]
		if u.kind != kPerson || u.ref == nil || u.titled || units[k-1].kind != kOffice {
			continue
		}
		if len(out) > 0 && &out[0] == &units[0] {
			out = slices.Clone(units)
		}
		c := *u
		c.titled = true
		out[k] = &c
	}
	return out
}

// bodyWords end the names of bodies that act: an unknown name ending in
// one ("the International Labor Office", "the Homeland Union") is an
// organization to the coder.
var bodyWords = toSet("union office front council committee party association forum organization organisation " +
	"agency movement army court assembly parliament congress government ministry league group commission " +
	"alliance coalition federation institute foundation fund authority administration tribunal")

// coderActor reports whether u may be a side of a coded event: a person,
// a country or an organization, or a country named by its adjective
// ("Israeli changes", "the Turkish and Greek sides": PLOVER codes the
// country), but not a compound modifier ("US-led", "Israeli-occupied").
func coderActor(u *unit) bool {
	if u.ref == nil && u.kind != kOther {
		return false
	}
	switch u.kind {
	case kCountry, kOrg:
		if i := strings.LastIndexByte(u.text, '-'); i > 0 && u.sector == "" && (u.ref == nil || !strings.Contains(u.ref.name, u.text[i:])) {
			// "Russian-made", "US-based"; not "al-Qaeda", whose name it is.
			return false
		}
		return true
	case kPerson:
		// A lone unknown capitalized word is too weak ("Taurus missiles")
		// unless a title names it ("President Mugabe", see titled).
		return u.ref.conf > 0.7 || strings.Contains(u.text, " ") || u.titled
	case kOther:
		words := strings.Fields(strings.ToLower(u.text))
		if len(words) == 0 || !bodyWords[words[len(words)-1]] {
			return false
		}
		for _, w := range words[:len(words)-1] {
			if !fieldWords[w] {
				return true
			}
		}
		// "the Ministry", "the Army", "the Foreign Office": a part of a
		// government named by what it is, of no country the name says
		// (agents.tsv reads the country from the context when it can).
		return !unnamedBodies[words[len(words)-1]]
	}
	return false
}

// fieldWords name a government's field before a body word ("Foreign
// Ministry", "Defence Office").
var fieldWords = toSet("foreign defence defense interior finance justice home health trade education " +
	"energy economy information external")

// unnamedBodies are the body words that, alone or after field words, name
// a part of some government, not a body of its own ("the Ministry", "the
// Foreign Office", "the Army").
var unnamedBodies = toSet("ministry office army government presidency department")

// domestic reports whether two parts of one country, named by their
// sectors, are two sides of an event ("Georgians" against "the
// government"): event data codes such domestic events.
func domestic(subjSec, objSec string) bool {
	return subjSec != "" && objSec != "" && subjSec != objSec
}

// bodyRef returns u's reference, an organization for a body's name.
func bodyRef(u *unit) *ref {
	if u.kind == kOther {
		return &ref{graph.Organization, u.ref.name, 0.8}
	}
	return u.ref
}

// addCoded states the coded event r.pred between the subject and object
// actors; r.domestic states it against the subject's own country when no
// object is named (addDomestic).
func (d *doc) addCoded(r eventRule, units []*unit, subj, objs []*unit, verb int, st *sentence, sentIdx int) {
	defer d.placeCoded(units, verb, objs, len(d.cands))
	span := [2]int{subj[0].start, units[verb].end}
	if len(objs) > 0 {
		span[1] = objs[len(objs)-1].end
	}
	if subj[0].start > units[verb].start {
		// A passive ("the fishermen detained last month were released
		// by Ecuador on Tuesday"): the act is the verb and its agent;
		// the one acted on, before the verb, may carry a clause of its
		// own and its date.
		span = [2]int{units[verb].start, subj[len(subj)-1].end}
	}
	pred := r.pred
	r.base = confCoded
	if pred == graph.Met && vetoRemote.MatchString(st.text[units[verb].start:span[1]]) {
		// "speaks by phone with", "met by video link": a remote
		// exchange is a call, not a meeting.
		pred, r.pred = graph.SpokeWith, graph.SpokeWith
	}
	if len(objs) == 0 && len(subj) == 1 && r.domestic {
		d.addDomestic(r, subj[0], span, st, sentIdx)
		return
	}
	if len(objs) == 0 {
		if !graph.IsSymmetric(pred) && pred != graph.Pledged {
			return
		}
		if pred == graph.Pledged {
			pred = graph.AgreedWith
			r.pred = pred
		}
		for a := 0; a < len(subj); a++ {
			for b := a + 1; b < len(subj); b++ {
				d.addCodedPair(r, subj[a], subj[b], false, span, st, sentIdx)
			}
		}
		return
	}
	lemma := d.coder.lemma(strings.ToLower(units[verb].text))
	for _, s := range subj {
		for _, o := range objs {
			if r := seatNamed(units, o); r != nil && o.ref != nil && r.name != o.ref.name {
				// "will travel to Brussels for a NATO meeting": the body the
				// sentence names, of those seated in the town.
				c := *o
				c.ref = r
				o = &c
			}
			ro := r
			eo, p := envoyExpelled(r.pred, lemma, o)
			ro.pred = p
			d.addCodedPair(ro, s, eo, possessed(units, slices.Index(units, o)), span, st, sentIdx)
		}
	}
}

// audienceParts are the CAMEO agent codes of the parts of a country that
// are an audience when met unnamed ("met reporters", "met students",
// "met Chinese business leaders"), not a party to talks; civilians,
// protesters and workers may be ("demonstrators received ministers from
// the government" is a consultation).
var audienceParts = toSet("MED EDU BUS")

// audienceMet reports whether a consultation of s and o (PLOVER CONSULT)
// has on either side an unnamed audience (a country with an audience
// part, audienceParts) in place of an actor: meeting the press, students
// or business leaders is no consultation of their country.
func audienceMet(pred string, s, o *unit) bool {
	if p, ok := graph.PredicateInfo(pred); !ok || p.PLOVER != "CONSULT" {
		return false
	}
	return s.kind == kCountry && audienceParts[s.sector] || o.kind == kCountry && audienceParts[o.sector]
}

// audienceBefore reports whether the words from toks[k] to the first of
// objs name an audience (a noun of sectors.tsv or agents.tsv of
// audienceParts: "met business leaders in Tokyo").
func (d *doc) audienceBefore(units []*unit, toks []string, k int, objs []*unit) bool {
	if len(objs) == 0 {
		return false
	}
	to := slices.Index(units, objs[0])
	for j := k; j < to; j++ {
		if units[j].kind != kWord {
			return false
		}
		for _, n := range []int{1, 2} {
			if j+n > to {
				break
			}
			w := strings.Join(toks[j:j+n], " ")
			if audienceParts[d.g.sectors[w]] || audienceParts[d.g.agents[w]] {
				return true
			}
		}
	}
	return false
}

// stateParts are the CAMEO agent codes of the parts of a country that are
// its state: a domestic event of theirs is on the country's people.
var stateParts = toSet("GOV MIL COP SPY JUD LEG")

// addDomestic states a domestic event told with no one acted on ("Ugandan
// rebels surrendered", "Georgian President Eduard Shevardnadze resigned")
// against the actor's own country (graph.Predicate.Domestic): its
// government when a part of the country that is not the state acts, its
// people (CVL) when the state, its forces or a person acts; an armed
// movement the gazetteer gives a country ("the PKK declared a ceasefire")
// acts on that country's government. An actor of no known country states
// nothing, nor does a protest by the state or its leader (a diplomatic
// protest, addressed to a state the sentence does not name).
func (d *doc) addDomestic(r eventRule, s *unit, span [2]int, st *sentence, sentIdx int) {
	if s.ref == nil {
		return
	}
	var country *ref
	switch s.ref.typ {
	case graph.Country:
		country = s.ref
	case graph.Person:
		country, _ = d.ledCountry(s.ref.name)
	case graph.Organization:
		if e := d.g.movementCountry(s.ref.name); e != nil {
			country = &ref{graph.Country, e.name, 1}
		}
	}
	if country == nil || country.typ != graph.Country {
		return
	}
	sec := "CVL"
	if s.ref.typ == graph.Organization {
		sec = "GOV" // rebels acting at home act on its government
	}
	if s.ref.typ == graph.Country && s.sector != "" && !stateParts[s.sector] {
		sec = "GOV"
	}
	subjSec := s.sector
	if subjSec == "" && s.ref.typ == graph.Country {
		subjSec = "GOV" // "Ghana eased the curfew in Accra": a country acts at home through its government
	}
	if subjSec == sec {
		return
	}
	if r.pred == graph.Protested && (stateParts[subjSec] || s.ref.typ == graph.Person) {
		// "China protested against the designations": a state and its
		// officials protest to another state (a diplomatic protest),
		// not against their own people; with that state unnamed the
		// sentence states nothing.
		return
	}
	d.add(&cand{pred: r.pred, subj: s.ref, subjText: s.text, obj: country, objText: country.name,
		subjSec: subjSec, objSec: sec, base: r.base, span: span, sent: st, sentIdx: sentIdx, bound: boundDate})
}

// addCodedPair states the coded event of s on o; owner tells that o owns
// the noun after it ("Peru's new law").
func (d *doc) addCodedPair(r eventRule, s, o *unit, owner bool, span [2]int, st *sentence, sentIdx int) {
	if s == o || s.ref == nil || o.ref == nil {
		return
	}
	oSec := o.sector
	if s.ref.name == o.ref.name && oSec == "" && s.ref.typ == graph.Country && r.domestic {
		// "Serbians demonstrated in Belgrade", "Ghana eased the curfew in
		// Accra": a domestic event in the actor's own country.
		d.addDomestic(r, s, span, st, sentIdx)
		return
	}
	if s.ref.name == o.ref.name && oSec == "" && s.region {
		// "The regional government of Catalonia criticized Spain": the
		// region on the country's state, not on its people; no event
		// data code says so.
		return
	}
	if s.ref.name == o.ref.name && oSec == "" && s.sector != "" {
		// "Croatian authorities … Croatian Serb refugees", "Turkish
		// authorities imposed a curfew in southeastern Turkey": a part of
		// the country acting on the country, its people; on what the
		// country owns ("protested Peru's new labour law"), its
		// government.
		oSec = "CVL"
		if owner && !o.demonym {
			oSec = "GOV"
		}
	}
	sSec := s.sector
	if r.pred == graph.CommentedOn && oSec == "" && (s.ref.name == o.ref.name && s.kind == kCountry && !s.demonym || d.ownCountry(s.ref, o.ref)) {
		// "Obama expressed sorrow for the shootings in South Carolina",
		// "India voiced grief over the floods in Assam": condolences at
		// home are the state's, to the country's people.
		oSec = "CVL"
		if s.ref.typ == graph.Country && sSec == "" {
			sSec = "GOV"
		}
	}
	if s.ref.name == o.ref.name && sSec == "" && oSec != "" && oSec != "GOV" && s.kind == kCountry && !s.demonym {
		// "Croatia is investigating Croatian extremists": a country acting
		// on a part of itself acts through its government.
		sSec = "GOV"
	}
	if s.ref.name == o.ref.name && !domestic(sSec, oSec) {
		return // one actor on both sides; parts of one country may act on each other
	}
	if d.ownCountry(s.ref, o.ref) && !domestic("GOV", oSec) {
		return // a leader on his own country, but not on a part of it ("Ugandan opposition candidates")
	}
	if (r.pred == graph.Met || r.pred == graph.Visited) && oSec == "" && d.atHome(s, o.ref) {
		return // "Jordan's foreign minister arrived in Amman": home, no one met
	}
	if audienceMet(r.pred, s, o) {
		return
	}
	sr, or := bodyRef(s), bodyRef(o)
	d.add(&cand{pred: r.pred, act: r.act, subj: sr, subjText: s.text, obj: or, objText: o.text,
		subjSec: sSec, objSec: oSec, base: r.base, span: span, sent: st, sentIdx: sentIdx, bound: boundDate, hosts: r.hosts})
}

// hasEvent reports whether cs hold an event.
func hasEvent(cs []*cand) bool {
	for _, c := range cs {
		if graph.IsEvent(c.pred) {
			return true
		}
	}
	return false
}

// unitTexts returns the texts of units (for traces).
func unitTexts(us []*unit) []string {
	out := make([]string, len(us))
	for k, u := range us {
		out[k] = u.text
	}
	return out
}

// placeCoded gives the meetings and visits the coder added from the
// verb at units[verb] (d.cands[from:]) the place their clause names, as
// the phrasing rules do (locationAfter): "in Porto", "at State House"
// right after the verb's objects, a date or up to three words ("met him
// on Tuesday in Porto", "held talks with Ruto for two hours at State
// House"); a building named by one word is placed by the town after it.
func (d *doc) placeCoded(units []*unit, verb int, objs []*unit, from int) {
	if from >= len(d.cands) {
		return
	}
	loc := codedPlace(units, verb, objs)
	if loc == "" {
		return
	}
	for _, c := range d.cands[from:] {
		if (c.pred == graph.Met || c.pred == graph.Visited) && c.loc == "" {
			c.loc = loc
		}
	}
}

// codedPlace returns the place named after the verb at units[verb] and
// its objects (see placeCoded), or "".
func codedPlace(units []*unit, verb int, objs []*unit) string {
	k := verb + 1
	if len(objs) > 0 {
		if j := slices.Index(units, objs[len(objs)-1]); j >= k {
			k = j + 1
		}
	}
	words := 0
	for ; k+1 < len(units); k++ {
		u := units[k]
		if u.kind == kDate {
			continue
		}
		if u.kind != kWord {
			return ""
		}
		if w := u.lower(); w == "in" || w == "at" {
			break
		}
		if words++; words > 3 {
			return ""
		}
	}
	k++
	if k < len(units) && units[k].kind == kWord && units[k].lower() == "the" {
		k++
	}
	place := func(k int) bool {
		if k >= len(units) {
			return false
		}
		u := units[k]
		return u.kind == kPlace || u.kind == kOther || u.kind == kCountry && !u.demonym && u.sector == ""
	}
	if !place(k) {
		return ""
	}
	if !strings.Contains(units[k].text, " ") && k+2 < len(units) && units[k+1].kind == kWord && units[k+1].lower() == "in" && place(k+2) {
		return units[k+2].text // "at the Ministry in Abuja"
	}
	return units[k].text
}
