package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// Confidence factors of references resolved through the discourse (see doc.go).
const (
	confPronoun  = 0.9 // "he" / "she" for the person the text is about
	confOfficeNP = 0.9 // "the new secretary general" for its holder
)

// recentSentences is how many of the last sentences that named people a
// pronoun may look back over for the one person of its sex.
const recentSentences = 3

// pronouns are the personal pronouns resolved to a person.
var pronouns = toSet("he He she She")

// pronounRef resolves "he"/"she" (pron) at a place in a sentence: the
// first person already named in the sentence whose known sex does not
// contradict the pronoun, else the person the previous sentences were about
// if the sex fits, else the one person known to be of that sex named by
// the latest of the last three sentences that named one (nil when none, or
// when that sentence named two: as after "Trump and Vance", which is
// ambiguous). A person of unknown sex fits either pronoun, as before
// genders were read.
// The sex of the person chosen is learnt from the pronoun when unknown.
func (d *doc) pronounRef(units []*unit, pron string) *ref {
	want := pronounGender(pron)
	r := d.antecedent(units, want)
	if r != nil {
		d.learnGender(r.name, want, false)
	}
	return r
}

func (d *doc) antecedent(units []*unit, want byte) *ref {
	for k, u := range units {
		if k > 0 && k+1 < len(units) && units[k-1].text == "(" && units[k+1].text == ")" {
			continue // "NAIROBI, June 12 (Newswire) -": an agency's tag, no one's name
		}
		if u.kind == kPerson && u.ref != nil && u.ref.conf >= 0.7 && d.fits(u.ref.name, want) {
			return &ref{u.ref.typ, u.ref.name, u.ref.conf * confPronoun}
		}
	}
	if d.topic != nil && d.fits(d.topic.name, want) {
		return &ref{d.topic.typ, d.topic.name, d.topic.conf * confPronoun}
	}
	if want == genderUnknown {
		return nil
	}
	for k := len(d.recent) - 1; k >= 0; k-- {
		var only *ref
		for _, r := range d.recent[k] {
			if d.genderOf(r.name) != want || only != nil && only.name == r.name {
				continue
			}
			if only != nil {
				return nil // two of that sex: ambiguous
			}
			only = r
		}
		if only != nil {
			return &ref{only.typ, only.name, only.conf * confPronoun}
		}
	}
	return nil
}

// updateTopic records whom a sentence was about: its first person, unless
// that person is one of a coordinated pair ("Trump and Vance met ...").
// It also keeps the people the sentence named, for a pronoun whose sex
// rules the topic out. A sentence without a person leaves both as they
// were.
func (d *doc) updateTopic(units []*unit) {
	var named []*ref
	for _, u := range units {
		if u.kind == kPerson && u.ref != nil && u.ref.conf >= 0.7 {
			named = append(named, u.ref)
		}
	}
	if len(named) > 0 {
		d.recent = append(d.recent, named)
		if len(d.recent) > recentSentences {
			d.recent = d.recent[1:]
		}
	}
	for k, u := range units {
		if u.kind != kPerson || u.ref == nil {
			continue
		}
		if k+2 < len(units) && units[k+1].text == "and" && units[k+2].kind == kPerson {
			d.topic = nil
			return
		}
		if k >= 2 && units[k-1].text == "and" && units[k-2].kind == kPerson {
			d.topic = nil
			return
		}
		if u.ref.conf < 0.7 {
			d.topic = nil
			return
		}
		d.topic = u.ref
		return
	}
}

// pairNouns are the nouns of "the two leaders" and the kind of pair they
// stand for (P: people, C: countries, 0: either).
var pairNouns = map[string]byte{"leaders": kPerson, "men": kPerson, "women": kPerson, "presidents": kPerson,
	"premiers": kPerson, "ministers": kPerson, "countries": kCountry, "nations": kCountry, "governments": kCountry,
	"neighbours": kCountry, "neighbors": kCountry, "sides": 0}

// updatePair records the two sides of the sentence's last meeting, call or
// agreement (a symmetric predicate) between two people or two countries;
// with none, a person's visit to a country whose leader the sentence
// names ("At the invitation of Prime Minister Modi, Prime Minister
// Albanese paid an official visit to India") pairs the guest and the host.
func (d *doc) updatePair(cs []*cand, sentIdx int) {
	if c := lastPair(cs); c != nil {
		d.pair, d.pairSent = [2]*ref{c.subj, c.obj}, sentIdx+1
		return
	}
	for _, v := range cs {
		if v.pred != graph.Visited || v.subj == nil || v.obj == nil || v.subj.typ != graph.Person || v.obj.typ != graph.Country {
			continue
		}
		for _, h := range cs {
			if h.pred == graph.Leads && !h.ended && h.subj != nil && h.obj != nil && h.obj.name == v.obj.name &&
				h.subj.name != v.subj.name {
				d.pair, d.pairSent = [2]*ref{h.subj, v.subj}, sentIdx+1
				return
			}
		}
	}
}

// isPair reports whether subj, the subjects of a clause, are the two
// sides of the last meeting, call or agreement (d.pair), named again.
func (d *doc) isPair(subj []*unit) bool {
	if d.pair[0] == nil || len(subj) != 2 || subj[0].ref == nil || subj[1].ref == nil {
		return false
	}
	a, b := subj[0].ref.name, subj[1].ref.name
	p, q := d.pair[0].name, d.pair[1].name
	return a == p && b == q || a == q && b == p
}

// lastPair returns the last of cs that names a pair for updatePair, or nil.
func lastPair(cs []*cand) *cand {
	for k := len(cs) - 1; k >= 0; k-- {
		c := cs[k]
		if !graph.IsSymmetric(c.pred) {
			continue
		}
		if c.subj != nil && c.obj != nil && c.subj.typ == c.obj.typ && c.subj.name != c.obj.name &&
			(c.subj.typ == graph.Person || c.subj.typ == graph.Country) {
			return c
		}
	}
	return nil
}

// readPairClause reads again the part of sentence st that "the two" (a
// phrase of pairPhrase) opens after the sentence's own meeting, call or
// agreement, once that event has named the pair ("X hosted Y on
// Wednesday, and the two signed a memorandum"): the events read there
// with the article's earlier pair, or with none, are replaced by those
// of the pair just named. cands from n0 on are the sentence's.
func (d *doc) readPairClause(st *sentence, sentIdx, n0 int) {
	if lastPair(d.cands[n0:]) == nil {
		return // most sentences: no meeting, call or agreement of a pair
	}
	var c *cand
	k := -1
	toks := tokenize(st.text)
	they := false
	for i, t := range toks {
		n, want := pairPhrase(toks, i)
		if n == 0 && theyClause(toks, i) {
			n, want, they = 1, 0, true
		}
		if n == 0 {
			continue
		}
		// the sentence's last pair told before the phrase
		for _, e := range d.cands[n0:] {
			if e.span[1] <= t.start && lastPair([]*cand{e}) != nil && (c == nil || e.span[1] >= c.span[1]) &&
				(want == 0 || want == kPerson && e.subj.typ == graph.Person || want == kCountry && e.subj.typ == graph.Country) {
				c = e
			}
		}
		if c != nil {
			k = t.start
			break
		}
	}
	if c == nil || d.pair[0] != nil && d.pair[0].name == c.subj.name && d.pair[1].name == c.obj.name {
		return
	}
	kept := d.cands[:n0]
	for _, x := range d.cands[n0:] {
		if !graph.IsEvent(x.pred) || x.span[0] < k {
			kept = append(kept, x)
		}
	}
	d.cands = kept
	old := d.pair
	d.pair, d.pairThey = [2]*ref{c.subj, c.obj}, they
	defer func() { d.pair, d.pairThey = old, false }()
	sub := &sentence{text: st.text[k:], start: st.start + k, clock: st.clock}
	n1 := len(d.cands)
	nd := len(d.dropped)
	units := d.sectorActors(d.buildUnits(sub.text, sentIdx), sub)
	d.dropped = d.dropped[:nd] // reported once, by the whole sentence
	tpl, pos := template(units)
	d.readEvents(units, tpl, pos, sub, sentIdx)
	d.codeSentence(units, sub, sentIdx, d.cands[n1:])
	dated := slices.ContainsFunc(units, func(u *unit) bool { return u.kind == kDate })
	kept = d.cands[:n1]
	for _, e := range d.cands[n1:] {
		if graph.IsEvent(e.pred) {
			e.sent, e.span = st, [2]int{e.span[0] + k, e.span[1] + k}
			if !dated {
				e.link = c // what the two did then, on the occasion's date
			}
			kept = append(kept, e)
		}
	}
	d.cands = kept
}

// theyClause reports whether toks[i] is a "they" opening a clause that
// tells what the two sides of a meeting told before it in the same
// sentence did there or then: after "where", "when" or "and" ("met in
// Brussels on Monday, where they initialled an agreement", "…, and they
// signed a pact").
func theyClause(toks []token, i int) bool {
	if i == 0 || toks[i].text != "they" {
		return false
	}
	switch strings.ToLower(toks[i-1].text) {
	case "where", "when", "and":
		return true
	}
	return false
}

// pairMods may stand in "the two foreign ministers", "both top
// diplomats".
var pairMods = toSet("foreign defence defense finance trade prime top senior")

// pairPhrase returns how many tokens at toks[i] name the two sides of
// the last meeting, call or agreement, and the kind of pair the noun
// stands for (see pairNouns): "the two leaders", "both sides", "the two
// heads of state", "the two foreign ministers", "the ministers" (a plural
// of people, or "sides"), "the duo"; 0 when none does.
func pairPhrase(toks []token, i int) (int, byte) {
	low := func(k int) string {
		if k < len(toks) {
			return strings.ToLower(toks[k].text)
		}
		return ""
	}
	j := i
	switch {
	case low(j) == "the" && (low(j+1) == "duo" || low(j+1) == "pair"):
		return 2, kPerson
	case low(j) == "the" && low(j+1) == "two", low(j) == "both":
		j += 1 + btoi(low(j) == "the")
	case low(j) == "the":
		// "the ministers", "the prime ministers": only a noun of people
		// or "sides", right away or after one modifier, and not one a
		// phrase restricts ("the leaders of the G7").
		m := btoi(pairMods[low(j+1)])
		if want, ok := pairNouns[low(j+1+m)]; ok && want != kCountry && low(j+2+m) != "of" {
			return 2 + m, want
		}
		return 0, 0
	default:
		return 0, 0
	}
	if pairMods[low(j)] {
		j++
	}
	if low(j) == "heads" && low(j+1) == "of" && (low(j+2) == "state" || low(j+2) == "government") {
		return j + 3 - i, kPerson
	}
	if want, ok := pairNouns[low(j)]; ok {
		return j + 1 - i, want
	}
	if low(i) == "the" && j == i+2 && pairVerb(low(j)) {
		return 2, 0 // "and the two signed", "the two also agreed"
	}
	return 0, 0
}

// pairAfterTwo are words after a bare "the two" that make it the subject
// of a clause: adverbs, auxiliaries and irregular past tenses.
var pairAfterTwo = toSet("also then later met spoke held said gave made took shook sat flew went will would have had are were did discussed")

// pairVerb reports whether w, after a bare "the two", opens its clause's
// verb phrase: a word of pairAfterTwo or a past tense in -ed, but not a
// participle that names people itself ("the two detained", "the two
// killed") nor "hundred".
func pairVerb(w string) bool {
	switch w {
	case "hundred", "killed", "wounded", "injured", "detained", "arrested", "accused", "abducted", "kidnapped", "released":
		return false
	}
	return pairAfterTwo[w] || len(w) > 4 && strings.HasSuffix(w, "ed")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// twoOf reads a phrase of pairPhrase at toks[i] as the two sides of the
// last meeting, call or agreement: <P> and <P>, and the number of tokens
// read. It returns nil otherwise.
//
// A sentence that opens with such a phrase lets the next one open with
// "They" for the same two ("The Leaders agreed to establish a working
// group. They signed a defence arrangement.").
func (d *doc) twoOf(toks []token, i, sentIdx int) ([]*unit, int) {
	if d.pair[0] == nil {
		return nil, 0
	}
	n, want := pairPhrase(toks, i)
	if n == 0 && i == 0 && (toks[0].text == "They" && d.pairOpened == sentIdx && sentIdx > 0 || d.pairThey && toks[0].text == "they") {
		n, want = 1, 0
	}
	if n == 0 {
		return nil, 0
	}
	if i == 0 {
		d.pairOpened = sentIdx + 1
	}
	kind := byte(kPerson)
	if d.pair[0].typ == graph.Country {
		kind = kCountry
	}
	if want != 0 && want != kind {
		return nil, 0
	}
	start, end := toks[i].start, toks[i+n-1].end
	us := make([]*unit, 0, 3)
	for k, r := range d.pair {
		if k == 1 {
			us = append(us, &unit{kind: kWord, text: "and", start: end, end: end})
		}
		us = append(us, &unit{kind: kind, start: start, end: end, ref: &ref{r.typ, r.name, r.conf * confPronoun}, pairRef: true})
	}
	return us, n
}

// holderOf returns the one person the article said holds office off
// (for "the new secretary general"), or nil when it said none or several
// do ("Prime Minister Keir Starmer hosted Irish Prime Minister Micheal
// Martin … The Prime Minister later spoke with …" is neither). One whose
// term in it the article ended ("succeeding Justin Trudeau, who had led
// the country since 2015") holds it no more.
func (d *doc) holderOf(off *office) *ref {
	holds := func(c *cand) bool {
		return c.subj != nil && c.subj.typ == graph.Person && ((c.pred == graph.Leads && sameRole(c.role, off.name)) ||
			(c.pred == graph.HoldsPosition && c.obj != nil && (c.obj.name == off.name ||
				off.national != "" && strings.HasPrefix(c.obj.name, off.national+" of "))))
	}
	var left map[string]bool
	for _, c := range d.cands {
		if c.ended && holds(c) {
			if left == nil {
				left = map[string]bool{}
			}
			left[c.subj.name] = true
		}
	}
	var only *ref
	for k := len(d.cands) - 1; k >= 0; k-- {
		c := d.cands[k]
		if c.ended || left[c.subj.name] || !holds(c) {
			continue
		}
		if only != nil && only.name != c.subj.name {
			return nil
		}
		only = c.subj
	}
	return only
}

// noteTitled records the people a sentence names after an office, as
// their title ("Prime Minister Shehbaz Sharif"), for titledHolder.
func (d *doc) noteTitled(units []*unit) {
	for k, u := range units {
		if u.kind != kOffice || u.off == nil || k+1 >= len(units) {
			continue
		}
		p := units[k+1]
		if p.kind != kPerson || p.ref == nil || p.ref.conf < 0.7 || p.pronoun || p.pairRef {
			continue
		}
		if d.titled == nil {
			d.titled = map[string][]*ref{}
		}
		// Under its name and, for titledByWord, as written ("Defence
		// Secretary" is the office Defense Minister).
		for _, name := range []string{u.off.name, u.text} {
			if !slices.ContainsFunc(d.titled[name], func(r *ref) bool { return r.name == p.ref.name }) {
				d.titled[name] = append(d.titled[name], p.ref)
			}
		}
	}
}

// titledHolder returns the one person the article has named with office
// off as their title, or nil when it named none or several.
func (d *doc) titledHolder(off *office) *ref {
	if rs := d.titled[off.name]; len(rs) == 1 {
		return rs[0]
	}
	return nil
}

// titledByWord returns the one person the article has titled with an
// office whose name opens with word ("Secretary" of "Secretary of
// State") or whose head noun it is ("Minister" of "Foreign Minister";
// not of a lesser or higher office, "Deputy Foreign Minister", "Prime
// Minister", which a bare "the Minister" does not name), or nil when
// none or several.
func (d *doc) titledByWord(word string) *ref {
	var only *ref
	for name, rs := range d.titled {
		if !strings.HasPrefix(name, word+" ") && !headNounOf(name, word) {
			continue
		}
		for _, r := range rs {
			if only != nil && only.name != r.name {
				return nil
			}
			only = r
		}
	}
	return only
}

// rankedOffices are the first words of offices a bare head noun does not
// name: "the Minister" is no prime minister's or deputy minister's title.
var rankedOffices = toSet("Prime Deputy Vice Assistant Acting Junior State First Chief")

// headNounOf reports whether word is the head noun of office name, its
// last word before any "of" ("Foreign Minister", "Defence Secretary"),
// and the office is no ranked one (rankedOffices).
func headNounOf(name, word string) bool {
	if k := strings.Index(name, " of "); k >= 0 {
		name = name[:k]
	}
	f := strings.Fields(name)
	return len(f) > 1 && f[len(f)-1] == word && !rankedOffices[f[0]]
}

// officeNPs replaces "the (new) secretary general" — an office after "the"
// that no name follows, or a readout's bare title opening a sentence
// ("Prime Minister thanked …") — with the person the article said holds
// it, else the one person it named with that title.
func (d *doc) officeNPs(units []*unit) []*unit {
	out := units
	dropped := false // a unit of out was folded into the next (nil)
	for k, u := range units {
		if from, r := d.leaderNP(units, k); r != nil {
			// "the Mexican leader", "Turkey's leader": the one person the
			// article said leads that country.
			if &out[0] == &units[0] {
				out = append([]*unit(nil), units...)
			}
			c := units[from]
			out[k] = &unit{kind: kPerson, start: c.start, end: u.end, text: c.text + " " + u.text, ref: &ref{r.typ, r.name, r.conf * confOfficeNP}}
			for j := from; j < k; j++ {
				out[j] = nil
			}
			dropped = true
			continue
		}
		if u.kind == kWord && k > 0 && units[k-1].lower() == "the" && isCap(u.text) && (k+1 >= len(units) || units[k+1].kind == kWord && units[k+1].lower() != "of") {
			// A readout's short title: "the Secretary" for "Secretary of
			// State Marco Rubio", when the article titled one person so.
			if r := d.titledByWord(u.text); r != nil {
				if &out[0] == &units[0] {
					out = append([]*unit(nil), units...)
				}
				out[k] = &unit{kind: kPerson, start: u.start, end: u.end, ref: &ref{r.typ, r.name, r.conf * confOfficeNP}}
			}
			continue
		}
		if u.kind != kOffice || u.off == nil {
			continue
		}
		if k == 0 {
			// A readout's bare title opening the sentence: "Prime
			// Minister also held talks with …".
			if len(units) < 2 || units[1].kind != kWord || units[1].lower() == "of" || units[1].lower() == "and" {
				continue
			}
		} else if c := units[k-1]; c.kind == kCountry && c.ref != nil && c.ref.typ == graph.Country && c.sector == "" &&
			(k == 1 || units[k-2].kind == kWord && units[k-2].lower() == "the") {
			// "The U.S. Secretary of State will travel …", "the Chinese
			// foreign minister said": the one person the article gave
			// that country's office.
			if k+1 < len(units) && (units[k+1].kind == kPerson || units[k+1].lower() == "of" || units[k+1].text == "," ||
				units[k+1].kind == kCountry || units[k+1].kind == kOrg || units[k+1].lower() == "and") {
				continue
			}
			r := d.holderOf(u.off)
			if r == nil {
				r = d.titledHolder(u.off)
			}
			if r == nil || !d.holdsFor(r, u.off, c.ref) {
				continue
			}
			if &out[0] == &units[0] {
				out = append([]*unit(nil), units...)
			}
			// The country is the person's: one unit, "U.S. Secretary of State".
			out[k] = &unit{kind: kPerson, start: c.start, end: u.end, text: c.text + " " + u.text, ref: &ref{r.typ, r.name, r.conf * confOfficeNP}}
			out[k-1] = nil
			dropped = true
			continue
		} else {
			j := k - 1
			for j > 0 && units[j].kind == kWord && (units[j].lower() == "new" || units[j].lower() == "incoming") {
				j--
			}
			if units[j].kind != kWord || units[j].lower() != "the" {
				continue
			}
		}
		if k+1 < len(units) && (units[k+1].kind == kPerson || units[k+1].lower() == "of" || units[k+1].text == "," ||
			units[k+1].kind == kCountry || units[k+1].kind == kOrg) {
			continue
		}
		r := d.holderOf(u.off)
		if r == nil {
			r = d.titledHolder(u.off)
		}
		host, hosting := d.bareHost(units, k, r)
		if hosting {
			if host == nil {
				continue
			}
			if &out[0] == &units[0] {
				out = append([]*unit(nil), units...)
			}
			out[k] = host
			continue
		}
		if r == nil {
			continue
		}
		if &out[0] == &units[0] {
			out = append([]*unit(nil), units...)
		}
		out[k] = &unit{kind: kPerson, start: u.start, end: u.end, ref: &ref{r.typ, r.name, r.conf * confOfficeNP}}
	}
	if dropped {
		out = slices.DeleteFunc(out, func(u *unit) bool { return u == nil })
	}
	return out
}

// leaderNP reads "leader" at units[k] after a country's adjective with
// "the" ("the Mexican leader"; no other word before it), or after its
// possessive ("Turkey's leader"), no name, title or "of" after it: it
// returns where the phrase starts and the one person the article said
// leads that country (a head of state or government; nil when it said
// none or several, as for a country whose president and prime minister
// it named both). Without one the phrase stays words, which the coder
// reads as the country's government.
func (d *doc) leaderNP(units []*unit, k int) (from int, r *ref) {
	u := units[k]
	if u.kind != kWord || u.lower() != "leader" || k == 0 {
		return 0, nil
	}
	if k+1 < len(units) {
		if n := units[k+1]; n.kind == kPerson || n.kind == kCountry || n.kind == kOrg || n.kind == kOffice || isComma(n) || n.kind == kWord && (n.lower() == "of" || n.lower() == "and") {
			return 0, nil
		}
	}
	from = k - 1
	if units[from].kind == kWord && units[from].text == "'s" && from > 0 {
		from--
		if c := units[from]; c.demonym {
			return 0, nil
		}
	} else if !units[from].demonym || from > 0 && units[from-1].kind == kWord && units[from-1].lower() != "the" {
		// "the" before a name is dropped (buildUnits); "a Mexican
		// leader", "another", "former" name no one.
		return 0, nil
	}
	c := units[from]
	if c.kind != kCountry || c.ref == nil || c.ref.typ != graph.Country || c.sector != "" {
		return 0, nil
	}
	for _, cd := range d.cands {
		if cd.pred != graph.Leads || cd.subj == nil || cd.subj.typ != graph.Person || cd.obj == nil || cd.obj.name != c.ref.name {
			continue
		}
		if off := d.g.offices[cd.role]; off == nil || !off.head {
			continue
		}
		if cd.ended {
			return 0, nil // a predecessor named: which one is "the leader" is not said
		}
		if r != nil && r.name != cd.subj.name {
			return 0, nil
		}
		r = cd.subj
	}
	return from, r
}

// holdsFor reports whether person r holds office off for country c, as
// the article tells it: an office named with c ("Foreign Minister of
// China"), or an office whose name says whose it is ("Secretary of
// State") held by one the article ties to no other country.
func (d *doc) holdsFor(r *ref, off *office, c *ref) bool {
	for _, k := range d.cands {
		if k.subj == nil || k.subj.name != r.name || k.obj == nil || k.ended {
			continue
		}
		if k.pred == graph.HoldsPosition && off.national != "" && k.obj.name == off.national+" of "+c.name ||
			k.pred == graph.Leads && k.obj.name == c.name && sameRole(k.role, off.name) {
			return true
		}
	}
	if off.national != "" || off.head {
		return false
	}
	h := d.actorCountry(&unit{kind: kPerson, ref: r})
	return h == nil || h.name == c.name
}

// hostVerbs, after "the foreign minister", make it a host.
var hostVerbs = toSet("hosted received welcomed hosts receives welcomes")

// bareHost reads a bare national office that hosts ("the foreign
// minister hosted his Egyptian counterpart"): the host is the office of
// the country the sentence places the hosting in, else of the dateline's
// country, so the holder the article named (r) stands
// for it only when the article gave them that country's office, or the
// office with no country; else the dateline's country stands for it
// (the government). Without a dateline, a holder of the guest's country
// ("his Egyptian counterpart") is no host, and none is read. hosting is
// false when units[k] does not host.
func (d *doc) bareHost(units []*unit, k int, r *ref) (host *unit, hosting bool) {
	u := units[k]
	v := k + 1
	for v < len(units) && (units[v].kind == kDate || units[v].kind == kWord && strings.HasSuffix(units[v].lower(), "ly")) {
		v++ // "the foreign minister on Tuesday received", "… warmly welcomed"
	}
	if v >= len(units) || units[v].kind != kWord || !hostVerbs[units[v].lower()] {
		return nil, false
	}
	guest := counterpartAfter(units, v+1)
	if u.off.national == "" && (!u.off.head || guest == nil) {
		return nil, false // a head hosts as a country's only with "his … counterpart"
	}
	person := func() *unit {
		return &unit{kind: kPerson, start: u.start, end: u.end, ref: &ref{r.typ, r.name, r.conf * confOfficeNP}}
	}
	dl := scenePlace(units) // "In Athens, the prime minister welcomed …": the host is where the guest is received
	if dl == nil {
		dl = d.datelineCountry()
	}
	if dl == nil {
		dl = datelineOf(units)
	}
	if dl != nil {
		if r != nil && d.holdsOffice(r, u.off, dl) {
			return person(), true
		}
		c := *dl
		return &unit{kind: kCountry, text: u.text, start: u.start, end: u.end, ref: &c, sector: "GOV"}, true
	}
	if r == nil || guest != nil && d.holdsOffice(r, u.off, guest) {
		return nil, true // the guest's country's minister does not host
	}
	return person(), true
}

// counterpartAfter returns the country of "his Egyptian counterpart" at
// units[j:], or nil.
func counterpartAfter(units []*unit, j int) *ref {
	for ; j < len(units) && units[j].kind == kWord && (units[j].lower() == "his" || units[j].lower() == "her"); j++ {
	}
	if j+1 < len(units) && units[j].kind == kCountry && units[j].demonym && units[j].ref != nil &&
		strings.HasPrefix(units[j+1].lower(), "counterpart") {
		return units[j].ref
	}
	return nil
}

// holdsOffice reports whether the article said person r holds office
// off of country c: the country's position ("Foreign Minister of
// Egypt"), or the office with no country, or the head's role in c.
func (d *doc) holdsOffice(r *ref, off *office, c *ref) bool {
	for _, x := range d.cands {
		if x.subj == nil || x.subj.name != r.name || x.ended || x.obj == nil {
			continue
		}
		if x.pred == graph.HoldsPosition && (x.obj.name == off.name || off.national != "" && x.obj.name == nationalOffice(off, c.name)) ||
			x.pred == graph.Leads && sameRole(x.role, off.name) && x.obj.name == c.name {
			return true
		}
	}
	return false
}

// isActor reports whether u can be the subject of a clause.
func isActor(u *unit) bool {
	return (u.kind == kPerson || u.kind == kCountry || u.kind == kOrg) && !u.demonym && u.ref != nil
}

// conjuncts returns, for a sentence whose subject governs several verbs
// ("X visited India on Wednesday and met Modi"), the later verb phrases
// with the subject put before them: [X met Modi]. The copies of the
// subject are zero-width at the conjunction, so that the phrase is dated
// by the words around it and not by the first verb's date when it has
// its own.
func conjuncts(units []*unit) [][]*unit {
	from := 0
	if k := afterDateline(units); k > 0 && len(units) > 1 && units[1].text == "," {
		from = k // "NAIROBI, June 12 (Wire) - X met …": the subject after the dateline
	}
	s0 := -1
	for k, u := range units[from:] {
		if isActor(u) {
			s0 = from + k
			break
		}
	}
	if s0 < 0 {
		return nil
	}
	s1 := s0 + 1
	for s1+1 < len(units) && (units[s1].text == "and" || units[s1].text == ",") && isActor(units[s1+1]) {
		s1 += 2
	}
	k := s1
	for k < len(units) && units[k].kind == kDate {
		k++
	}
	if k >= len(units) || units[k].kind != kWord || units[k].text == "and" || units[k].text == "'s" {
		return nil
	}
	var out [][]*unit
	for ; k+1 < len(units); k++ {
		u := units[k]
		if u.kind == kPunct && (u.text == ";" || u.text == ":") {
			break
		}
		if u.kind != kWord || u.lower() != "and" || units[k+1].kind != kWord {
			continue
		}
		sub := make([]*unit, 0, s1-s0+len(units)-k)
		for _, s := range units[s0:s1] {
			cp := *s
			cp.start, cp.end = u.end, u.end
			sub = append(sub, &cp)
		}
		out = append(out, append(sub, units[k+1:]...))
	}
	return out
}

// isPronounSurface reports whether a surface form is an anaphor that must
// not become an alias.
func isPronounSurface(s string) bool {
	return pronouns[s] || strings.HasPrefix(s, "the ")
}

// openingParticiples open a sentence with the subject's change of office
// or act, told before the subject ("Sworn in as president on April 2,
// X named …", "Having met Xi in Beijing, Lula flew …").
var openingParticiples = toSet("sworn elected re-elected appointed named installed inaugurated confirmed reappointed")

// openingClause returns, for a sentence that opens with a participle
// phrase told of the subject after its comma, that phrase with the
// subject put before it: "Sworn in as president of Senegal on April 2,
// 2024, Faye named …" gives [Faye was sworn in as president of Senegal
// on April 2, 2024]; "Having met Xi in Beijing on Monday, Lula …" gives
// [Lula met Xi in Beijing on Monday]. The subject's copy is zero-width
// at the start of the sentence; nil when the sentence opens otherwise.
func openingClause(units []*unit) []*unit {
	if len(units) < 4 || units[0].kind != kWord {
		return nil
	}
	first := units[0].lower()
	having := first == "having"
	if !having && !openingParticiples[first] {
		return nil
	}
	c := 1
	for c < len(units) && !(units[c].kind == kPunct && units[c].text == ",") {
		if units[c].kind == kPunct && units[c].text != "-" || units[c].kind == kWord && units[c].lower() != "as" && clauseWords[units[c].lower()] {
			return nil
		}
		c++
	}
	// "on April 2, 2024, X": the comma inside a date is the date's.
	for c+1 < len(units) && units[c+1].kind == kDate {
		for c++; c < len(units) && !(units[c].kind == kPunct && units[c].text == ","); c++ {
		}
	}
	if c < 2 || c+2 >= len(units) || units[c+1].kind != kPerson || units[c+1].ref == nil || units[c+2].kind != kWord {
		return nil
	}
	subj := *units[c+1]
	subj.start, subj.end = units[0].start, units[0].start
	sub := []*unit{&subj}
	if having {
		return append(sub, units[1:c]...)
	}
	was := &unit{kind: kWord, text: "was", start: units[0].start, end: units[0].start}
	return append(append(sub, was), units[0:c]...)
}
