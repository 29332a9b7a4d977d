package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// Input is the article text to extract from.
type Input struct {
	Text  string
	Title string
	// Published is the reference date for relative expressions ("on
	// Friday"); when zero, relative dates stay unresolved.
	Published graph.Date
}

// Result is what one article yields.
type Result struct {
	// Entities are every entity referenced by Facts, with the surface forms
	// seen in the article (and gazetteer aliases) as Aliases.
	Entities []graph.Entity
	// Facts are deduplicated by Fact.Key; each has exactly one Source with
	// only Sentence and, when a date came from elsewhere in the article,
	// TimeSentences set.
	Facts []graph.Fact
	// DroppedDates are the time expressions whose date fell outside the
	// years a graph.Date can hold ("two years ago" in an article dated
	// 0001), in text order: left undated, each worth a warning.
	DroppedDates []string
}

// Extractor turns article text into facts. It is immutable after New and
// safe for concurrent use.
type Extractor struct {
	g     *gazetteer
	lex   *lexicon
	coder verbCoder   // the general coder's verb dictionaries (coder.go)
	lits  *litScanner // the rules' required strings (litscan.go)
}

// New loads the embedded gazetteer and lexicon and returns a ready
// Extractor.
func New() (*Extractor, error) {
	prepare()
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	lx, err := defaultLexicon()
	if err != nil {
		return nil, err
	}
	cd, err := defaultCameoDict()
	if err != nil {
		return nil, err
	}
	rules := slices.Clip(staticRules)
	for _, r := range lx.rules {
		rules = append(rules, r.re)
	}
	return &Extractor{g: g, lex: lx, coder: coders{lx, cameoBare{cd, lx.bare}}, lits: newLitScanner(rules)}, nil
}

// How a candidate's date is used.
const (
	boundNone  = iota // a state stated without a change: no date
	boundStart        // the date starts the state
	boundEnd          // the date ends the state
	boundDate         // an event's date
	boundRange        // a state's start or end, only from "since", "until" or a range
)

// cand is a fact found in a sentence, before dating and deduplication.
type cand struct {
	pred              string
	subj, obj         *ref
	subjText, objText string
	subjSec, objSec   string // CAMEO agent codes of the sides' sectors ("MIL")
	role, loc         string
	ended, pending    bool
	fixed             bool // dated by its own rule; attachDates leaves it
	bound             int
	span              [2]int // byte span of the statement in the sentence
	base              float64
	sent              *sentence
	sentIdx           int
	link              *cand // take the date of this candidate (succession)
	date              graph.Date
	dateKind          timex.Kind
	dated             bool
	anchor            int8 // 1 + the anchor kind its dated start states (anchors.go), or 0
	narrated          bool // dated by the event before it (narrative.go)
	// bareOff is the office every country has that a holds_position
	// candidate names without a country, for placeImplicit, or nil.
	bareOff *office
	// outgoing marks an office its holder is leaving ("outgoing Finance
	// Minister Dominic LeBlanc"), ended where its successor's starts
	// (outgoingEnds).
	outgoing bool
	// under marks a head titled as the one someone served under ("under
	// Prime Minister X"): a head of the past, who leaves the office free
	// for the head the article names in the present (otherHead).
	under bool
	// nounPlan marks an event named by a noun and told as planned ("talks
	// between X and Y will resume"): the clause's verb is still the
	// coder's to read ("Japan refused to sign …, and talks … will resume").
	nounPlan bool
	// hosts marks a meeting its subject hosted ("received", "welcomed
	// … to Lisbon", "was hosted by"): the fact's Host, PLOVER's CONSULT
	// mode host (a visit for the guest).
	hosts bool
	// act is the act a plan stated as its intent is of (met, visited):
	// "is scheduled to visit Peru" is pledged, of a visit; "" when pred
	// is the act itself.
	act string

	// dateFrom are the sentences date was read from, when dated: this
	// one, or others that state it, or what it is counted from and the
	// offset ("two days later"); a sentence that only takes the date of
	// the one before ("later that day") adds nothing (see
	// Source.TimeSentences).
	dateFrom []*sentence
}

func (d *doc) add(c *cand) { d.cands = append(d.cands, c) }

// presentBe before a participle make it a present passive or a plan's
// frame ("is scheduled to", "are expected to"), no act told as done.
var presentBe = toSet("is are am be being")

// toldDone reports whether the words of c's statement tell an act in the
// past tense or the perfect: a past form of a verb the coder knows
// ("visited", "spoke", "has met"), not after "to" or a modal, and not a
// participle after a present "be" ("is scheduled to visit").
func (d *doc) toldDone(c *cand) bool { return d.doneVerbEnd(c) >= 0 }

// doneVerbEnd returns the offset in c's sentence just after the verb in
// the past tense that tells c as done (toldDone), or -1.
func (d *doc) doneVerbEnd(c *cand) int {
	if d.coder == nil || c.sent == nil || c.span[0] < 0 || c.span[1] > len(c.sent.text) || c.span[0] >= c.span[1] {
		return -1
	}
	prev := ""
	text := c.sent.text[c.span[0]:c.span[1]]
	off := 0
	for _, w := range strings.Fields(text) {
		at := off + strings.Index(text[off:], w)
		off = at + len(w)
		w = strings.Trim(strings.ToLower(w), ",.;:\"'")
		if d.coder.lemma(w) != "" && !d.coder.isBase(w) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") &&
			prev != "to" && !coderModals[prev] && !presentBe[prev] {
			return c.span[0] + off
		}
		prev = w
	}
	return -1
}

// Extract reads one article. It never fails: text it cannot read yields no facts.
func (e *Extractor) Extract(in Input) Result {
	d := newDoc(e.g, in.Published)
	d.lex = e.lex
	d.coder = e.coder
	d.lits.sc = e.lits
	defer d.lits.release()
	sents := splitSentences(in.Text)
	d.dateline = d.colonDateline(in.Text)
	d.datelineDay = datelineDay(in.Text, in.Published)
	if place := leadDateline(in.Text); place != "" {
		if d.leadPlace = d.placeCountry(place); d.leadPlace != nil {
			d.implicit.add(d.leadPlace.name)
			d.implicit.addDateline(d.leadPlace.name)
		}
	}
	for i := range sents {
		st := &sents[i]
		if k := d.headingPrefix(st.text); k > 0 {
			st.text, st.start = st.text[k:], st.start+k
		}
		d.section = nil
		if st.section != "" {
			d.section = d.countryNamed(st.section)
		}
		n0 := len(d.cands)
		if i > 0 && sents[i-1].para != st.para {
			d.prevMonth = graph.Date{}
		}
		units := d.buildUnits(st.text, i)
		units = ownedCompanies(d.officeNPs(envoyPosts(withoutAcronymEchoes(units))))
		d.noteTitled(units)
		d.noteCountries(units, i)
		d.readElect(units)
		folded := includingSubject(d.namedRoles(dropGuestWords(dateCommas(d.readTitles(units, st, i)))))
		tpl, pos := template(folded)
		d.anchorSrcs = append(d.anchorSrcs, anchorSrc{units: folded, tpl: tpl, pos: pos, st: st, n0: n0})
		ftpl := tpl
		d.readStates(folded, tpl, pos, st, i)
		evUnits := withoutCondition(d.sectorActors(includingObject(bareTitles(d.theVisitedCountry(whoAfterCountry(dualTitles(folded)), i))), st))
		if len(evUnits) != len(folded) {
			tpl, pos = template(evUnits)
		}
		evFolded := evUnits
		rel, hidden := foldRelatives(evUnits, tpl, pos)
		if sub := openingClause(evUnits); sub != nil {
			// "Sworn in on April 2, 2024, Faye flew to Paris": the
			// opening phrase's date is its own.
			hidden = append(hidden, [2]int{evUnits[0].start, sub[len(sub)-1].end})
		}
		if len(rel) != len(evFolded) {
			d.readEvents(evFolded, tpl, pos, st, i)
			evUnits = rel
			tpl, pos = template(rel)
		}
		d.readEvents(evUnits, tpl, pos, st, i)
		for _, sub := range conjuncts(evUnits) {
			stpl, spos := template(sub)
			d.readEvents(sub, stpl, spos, st, i)
		}
		if sub := openingClause(evUnits); sub != nil {
			// "Having met Xi in Beijing on Monday, Lula flew …"
			stpl, spos := template(sub)
			d.readEvents(sub, stpl, spos, st, i)
		}
		d.readReported(evUnits, st, i)
		if r := datelineOf(folded); i == 0 && r != nil {
			d.dateline = r
		}
		d.codeSentence(evFolded, st, i, d.cands[n0:])
		for _, sub := range conjuncts(evUnits) {
			// "accused Rwanda of … and ordered a general mobilisation": a
			// second verb phrase of the subject whose event only the
			// coder reads, after one the rules read.
			if len(sub) > 0 && eventBefore(d.cands[n0:], sub) && verbAfterShared(sub) {
				d.codeSentence(sub, st, i, d.cands[n0:])
			}
		}
		d.readPairClause(st, i, n0)
		d.readEventAnaphor(evFolded, st, i, n0)
		d.readDenials(evUnits, tpl, pos, st, i)
		d.readReactions(evUnits, tpl, pos, st, i)
		d.attachDates(folded, d.cands[n0:], st, hidden, ftpl)
		d.clockDates(d.cands[n0:], st)
		d.updateTopic(folded)
		d.storyYear = storyYearOf(folded, d.storyYear)
		d.prevMonth = lastWrittenMonth(folded)
		d.updatePair(d.cands[n0:], i)
	}
	return d.result()
}

var (
	// A verb of saying that reports the clause after it.
	sayRe = lazyRegexp(`\b(?:said|says|say|told (?:[a-z]+ ){0,2}?[a-z]+|tells|announced|announces|claimed|claims|reported|reports|stated|states|alleged|alleges|added|confirmed|confirms|insisted|argued|noted|disclosed|revealed|acknowledged|admitted|wrote)\b`)
	// "... said on Monday that": the date before a reported clause.
	saidOnRe = lazyRegexp(`^(?: *,)? *(?:that\b|,?$)`)
	blockRe  = lazyRegexp(`;|, (?:and|but|while|whereas|although|after|before|when|who|which|where)\b|\b(?:after|before|while|when|but|until|whereas)\b`)
	laterRe  = foldCompile(`(?i)\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (day|days|week|weeks) (later|afterwards|after|earlier|before)\b`)
	sameDay  = foldCompile(`(?i)\b(?:(?:minutes|hours|moments|shortly) (?:earlier|later|before|afterwards|after)|the same (?:day|morning|afternoon|evening|night)|(?:earlier|later) (?:that|in the) (?:day|morning|afternoon|evening|night)|that (?:morning|afternoon|evening|night))\b`)
)

// attachDates gives each new candidate the time expression of its clause.
// A date inside a relative clause (hidden) dates only what the clause states.
// A candidate without one, in a sentence with an anchored phrase (read
// from tpl, the sentence's template), is dated by the anchor, once the
// sentence's own anchors are known.
func (d *doc) attachDates(units []*unit, cs []*cand, st *sentence, hidden [][2]int, tpl string) {
	var extra, byAnchor []*cand
	var ap *anchored
	apRead := false
	phrase := func() *anchored { // read only when a candidate needs it
		if !apRead {
			ap, apRead = findAnchored(tpl), true
		}
		return ap
	}
	for pass := 0; pass < 2; pass++ {
		for _, c := range cs {
			if c.bound == boundNone || c.fixed || (pass == 0) != (c.link == nil) {
				continue
			}
			if c.link != nil {
				if c.link.dated {
					c.date, c.dated, c.dateFrom = c.link.date, true, c.link.dateFrom
					if c.bound != boundEnd && c.bound != boundDate {
						c.dateKind = c.link.dateKind
					}
				}
				continue
			}
			skipped := false // a date of a clause complementing c's act, ahead of the article
			if u := nearestDateBut(units, c.span, st.text, hidden, func(u *unit) bool {
				if d.complementDate(c, u, st.text, hidden) {
					skipped = true
					return true
				}
				if c.bound == boundDate && (sinceOfAnother(c, u, st.text) || offsetAfter(c, u, st.text)) {
					return true
				}
				return d.attributiveDate(c, u, st.text) // "condemned the July 26 coup": the coup's day
			}); u != nil {
				if c.bound == boundRange && u.expr.Kind == timex.Point {
					continue // "was prime minister in 2022" dates neither end
				}
				c.date, c.dateKind, c.dated, c.dateFrom = u.expr.Value, u.expr.Kind, true, []*sentence{st}
				if e := rangeEnd(units, u); e != nil && c.bound != boundDate && c.bound != boundEnd {
					// "from 2019 to 2022": the second date ends the state.
					end := *c
					end.bound, end.date, end.dateKind = boundEnd, e.expr.Value, e.expr.Kind
					extra = append(extra, &end)
				}
			} else if phrase() != nil {
				// "On his first day in office": the anchor or nothing, not the last date.
				if c.bound != boundRange {
					byAnchor = append(byAnchor, c)
				}
			} else if !d.lastDate.IsZero() && sameDay.MatchString(st.text) {
				c.date, c.dated, c.dateFrom = d.lastDate, true, d.lastDateFrom
			} else if p, ok := d.samePeriod(st.text); ok {
				c.date, c.dated, c.dateFrom = p, true, through(d.lastPointFrom, st)
			} else if y, ok := d.seasonYear(units, st.text); ok {
				c.date, c.dated, c.dateFrom = y, true, []*sentence{st}
			} else if n, ok := daysLater(st.text); ok && !d.lastDate.IsZero() && d.lastDate.Precision == graph.DayPrecision {
				c.date, c.dated, c.dateFrom = graph.DateFromTime(d.lastDate.Time().AddDate(0, 0, n)), true, through(d.lastDateFrom, st)
			} else if d.narrativeDate(c, units, st) || d.laterDate(c, units, st) || d.openingDate(c, units, st) || d.reshuffleDate(c, units, st) {
				c.narrated = true
			} else if skipped {
				// "welcomed India's decision to host the summit later
				// this year": the act was done by the day it was
				// reported, not on the day of what it welcomed.
				c.date, c.dateKind, c.dated, c.dateFrom = d.pub, timex.Point, true, []*sentence{st}
			}
		}
	}
	if len(byAnchor) > 0 {
		d.readAnchorSrcs(true)
		for _, c := range byAnchor {
			var from []*sentence
			c.date, from, c.dated = d.anchoredDate(ap, units)
			c.dateFrom = through(from, st)
		}
	}
	d.cands = append(d.cands, extra...)
	d.updateNarrative(units, cs, st)
	d.updateReshuffle(cs)
	for _, c := range cs {
		// "Later that day" counts from the last event or day stated, not
		// from "appointed in October", nor from the day a plan is for
		// ("agreed to meet in Tokyo early next year. Later in the day, …").
		if c.dated && c.act == "" && (d.pub.IsZero() || !d.pub.Before(c.date)) && (c.bound == boundDate || c.date.Precision == graph.DayPrecision) {
			d.lastDate, d.lastDateFrom = c.date, c.dateFrom
		}
		if c.dated && c.act == "" && (d.pub.IsZero() || !d.pub.Before(c.date)) && (c.bound == boundDate || c.bound == boundStart) &&
			(c.dateKind == timex.Point || c.bound == boundDate && c.dateKind == 0) {
			d.lastPoint, d.lastPointFrom = c.date, c.dateFrom
		}
	}
}

// samePeriodRe is a time told by the date before it: "later that
// month", "earlier that year", "that same month", "in the same year",
// "the following month" (the one after it).
var samePeriodRe = foldCompile(`(?i)\b(?:(?:earlier|later) (?:that|in that|in the same|the same)|(?:that|the) same|in the same|during that|the (following)) (month|year)\b`)

// nextDayRe is the day after or before the date told before it: "the
// following day", "the next day", "the previous day".
var nextDayRe = foldCompile(`(?i)\bthe (following|next|previous|preceding) day\b`)

// samePeriod returns the month or year that a sentence's "later that
// month", "earlier that year" (samePeriodRe) names: that of the last
// date stated (lastPoint), when it is known at least as precisely; ok is
// false otherwise.
func (d *doc) samePeriod(text string) (graph.Date, bool) {
	if d.lastPoint.IsZero() {
		return graph.Date{}, false
	}
	m := samePeriodRe.FindStringSubmatch(text)
	if m == nil {
		return graph.Date{}, false
	}
	p, next := d.lastPoint, 0
	if m[1] != "" {
		next = 1 // "the following month"
	}
	switch {
	case strings.EqualFold(m[2], "year"):
		return graph.YearOf(p.Year + next), true
	case p.Precision >= graph.MonthPrecision:
		t := time.Date(p.Year, p.Month+time.Month(next), 1, 0, 0, 0, 0, time.UTC)
		return graph.MonthOf(t.Year(), t.Month()), true
	}
	return graph.Date{}, false
}

// dateCommas drops the commas around a date put between a subject and
// its verb ("Macron, on Friday, met Scholz"), so that the rules read it as
// they read "Macron on Friday met Scholz".
func dateCommas(units []*unit) []*unit {
	// (also: a relative day apposed to the date it is, "today, 17 April",
	// is that date: apposedDay)
	var out []*unit
	for k := 0; k < len(units); k++ {
		if k+2 < len(units) && units[k].kind == kDate && isComma(units[k+1]) && units[k+2].kind == kDate && apposedDay(units[k], units[k+2]) {
			// "this evening, 17 April": the day the second names.
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			out = append(out, units[k+2])
			k += 2
			continue
		}
		if k+4 < len(units) && isActor(units[k]) && isComma(units[k+1]) && units[k+2].kind == kDate &&
			isComma(units[k+3]) && units[k+4].kind == kWord {
			if out == nil {
				out = append(make([]*unit, 0, len(units)), units[:k]...)
			}
			out = append(out, units[k], units[k+2])
			k += 3
			continue
		}
		if out != nil {
			out = append(out, units[k])
		}
	}
	if out == nil {
		return units
	}
	return out
}

// includingSubject reads a group named by the people it includes as those
// people: "European leaders, including German Chancellor Olaf Scholz,
// spoke with Zelensky" is read as "Olaf Scholz spoke with Zelensky". The
// group must open the sentence and name no one itself.
func includingSubject(units []*unit) []*unit {
	k := 0
	for k < len(units) && k < 7 && (units[k].kind == kWord || units[k].demonym || isComma(units[k])) {
		if units[k].kind == kWord && strings.EqualFold(units[k].text, "including") {
			break
		}
		k++
	}
	if k < 2 || k >= len(units) || !strings.EqualFold(units[k].text, "including") || !isComma(units[k-1]) {
		return units
	}
	var out []*unit
	j := k + 1
	for ; j < len(units); j++ {
		u := units[j]
		switch {
		case isActor(u):
			out = append(out, u)
		case u.kind == kWord && strings.EqualFold(u.text, "and"), isComma(u) && j+1 < len(units) && units[j+1].kind == kWord && strings.EqualFold(units[j+1].text, "and"):
			if len(out) == 0 {
				return units
			}
			out = append(out, u)
		case isComma(u):
			if len(out) == 0 || j+1 >= len(units) || units[j+1].kind != kWord || !isActor(out[len(out)-1]) {
				return units
			}
			return append(out, units[j+1:]...)
		default:
			return units
		}
	}
	return units
}

// includingPreps open an object a group may stand for (includingObject).
var includingPreps = toSet("with on against to from")

// includingObject reads an object named by the members it includes as
// those members: "reached a deal with its official creditors, including
// China" is read as "reached a deal with China", "imposed sanctions on
// several firms, including Rosneft and Lukoil, on Monday" as "… on
// Rosneft and Lukoil, on Monday". The group is one to five words after a
// preposition ("several Gulf states", "seven Latin American governments")
// and names no one itself.
func includingObject(units []*unit) []*unit {
	for k := 3; k+1 < len(units); k++ {
		if units[k].kind != kWord || !strings.EqualFold(units[k].text, "including") || !isComma(units[k-1]) || !isActor(units[k+1]) {
			continue
		}
		p := k - 2
		for p >= 0 && k-1-p <= 5 && units[p].kind != kPunct && units[p].kind != kDate && !isActor(units[p]) && !includingPreps[units[p].lower()] {
			p--
		}
		if p < 0 || p == k-2 || units[p].kind != kWord || !includingPreps[units[p].lower()] {
			continue
		}
		return append(slices.Clone(units[:p+1]), units[k+1:]...)
	}
	return units
}

func isComma(u *unit) bool { return u.kind == kPunct && u.text == "," }

// outside returns text[a:b] without the relative clauses (hidden) it
// contains: "met Macron, who was visiting China, on Friday" dates the
// meeting.
func outside(text string, a, b int, hidden [][2]int) string {
	var sb strings.Builder
	for _, h := range hidden {
		if h[0] >= a && h[1] <= b {
			sb.WriteString(text[a:h[0]])
			a = h[1]
		}
	}
	if sb.Len() == 0 {
		return text[a:b]
	}
	sb.WriteString(text[a:b])
	return sb.String()
}

// rangeEnd returns the "until" half of a range whose "since" half is u
// ("from 2019 to 2022", "between May and July"), or nil.
func rangeEnd(units []*unit, u *unit) *unit {
	if u.expr.Kind != timex.Since {
		return nil
	}
	for k, v := range units {
		if v == u && k+1 < len(units) {
			n := units[k+1]
			if n.kind == kDate && n.expr != nil && n.expr.Kind == timex.Until && !n.expr.Value.IsZero() {
				return n
			}
			return nil
		}
	}
	return nil
}

// complementRe opens a clause that complements a verb or noun after its
// object: "(decision) to host …", "(news) that …".
var complementRe = lazyRegexp(`\b(?:to ([a-z]+)|that)\b`)

// complementDate reports whether date u, after candidate c, belongs to a
// clause that complements it rather than to c: c is told in the past
// tense and u, after "to" + verb or "that" ("welcomed India's decision
// to host the summit later this year", "praised the pledge that
// elections will be held next month"), lies ahead of the article or is
// the month or year it is written in. A past act is not dated after it
// was reported.
func (d *doc) complementDate(c *cand, u *unit, text string, hidden [][2]int) bool {
	if p, ok := graph.PlannedAs(c.pred); d.pub.IsZero() || u.expr == nil || c.act != "" || ok && p == c.pred {
		// A plan or an intent ("agreed to meet in Tokyo next year",
		// "pledged to send air defences next month") is dated on the day
		// it is for (graph.PlannedAs).
		return false
	}
	v := u.expr.Value
	if !graph.PlannedFor(v, d.pub) && (v.Precision >= graph.DayPrecision || v.Last().Before(d.pub.Time()) || d.pub.Time().Before(v.Time())) {
		return false
	}
	v0 := d.doneVerbEnd(c)
	if v0 < 0 || v0 > u.start {
		return false
	}
	between := outside(text, v0, u.start, hidden)
	for _, m := range complementRe.FindAllStringSubmatchIndex(between, -1) {
		if m[2] < 0 || !coordNotVerb[between[m[2]:m[3]]] { // not "to the council": a preposition
			return true
		}
	}
	return false
}

// nearestDate returns the date of the clause of span: inside it, else the
// nearest after it, else before it, none across a clause boundary or
// dating the saying of a reported statement.
func nearestDate(units []*unit, span [2]int, text string, hidden [][2]int) *unit {
	return nearestDateBut(units, span, text, hidden, nil)
}

// nearestDateBut is nearestDate without the dates skip reports, when
// skip is not nil.
func nearestDateBut(units []*unit, span [2]int, text string, hidden [][2]int, skip func(*unit) bool) *unit {
	var best *unit
	bestDist := 1 << 30
outer:
	for _, u := range units {
		for _, h := range hidden {
			if u.start >= h[0] && u.end <= h[1] && (span[1] > h[1] || span[1] <= h[0]) {
				continue outer
			}
			if span[1] > h[0] && span[1] <= h[1] && (u.start < h[0] || u.end > h[1]) && relativeClause(text[h[0]:h[1]]) {
				// "Orban, who has since criticized the EU, said on
				// Wednesday …": a relative clause's own act is dated
				// only by its own clause.
				continue outer
			}
		}
		// "by 2035" is a deadline, not when something happened.
		if u.kind != kDate || u.expr == nil || u.expr.Value.IsZero() || u.expr.Prep == "by" {
			continue
		}
		if u.start >= span[0] && strings.HasSuffix(strings.TrimRight(text[:u.start], " "), " of") {
			continue // "condemned the missile launch of November 7": the launch's day, not the condemnation's
		}
		if u.end <= span[1] && sinceAfter(text[u.end:span[1]]) {
			continue // "took office in 2022 and has since met X": after that date, not on it
		}
		var dist int
		switch {
		case u.start >= span[0] && u.end <= span[1]:
			dist = 0
			if coordinatedAfter(text[u.end:span[1]]) {
				// "was re-elected in October 2022 and resigned in 2024":
				// the date of the first verb's clause, the second's only
				// when its own clause has none.
				dist = 2*len(text[u.end:span[1]]) + 10
			}
		case u.start >= span[1]:
			between := outside(text, span[1], u.start, hidden)
			if blockRe.MatchString(between) {
				continue
			}
			dist = len(between)
		case u.end <= span[0]:
			between := text[u.end:span[0]]
			if saidBefore(text, u, between) && !openingAside(text, u, between) {
				continue // the day it was said, not the day it happened
			}
			// "travelled to Paris on Tuesday, where he met Macron": the
			// place and time of the clause before.
			dist = 2*len(between) + 10
			if blockRe.MatchString(strings.Replace(between, ", where ", " where ", 1)) {
				if (!clauseDate(units, u, text) || strings.Contains(between, ";") || !coordinatedVerb(text[:span[0]], text[span[0]:])) &&
					!framingDate(text, u, between, span) {
					continue
				}
				// "Last month she visited Kyiv, …, and held talks with
				// X", "The Security Council on Thursday condemned the
				// attack, and demanded …": the date opening the sentence,
				// or put between its subject and first verb, dates the
				// verbs that share its subject, after any date of their
				// own.
				dist += 1 << 16
			}
			if datelineDash(between) {
				// "PYONGYANG, July 9 (KCNA) — … received X at the
				// party headquarters on Tuesday": the dateline dates the
				// report, the event only when its clause has no date.
				dist += 1 << 20
			}
		default:
			continue
		}
		if dist < bestDist && (skip == nil || !skip(u)) {
			best, bestDist = u, dist
		}
	}
	return best
}

// relativeClause reports whether clause, a folded stretch of a sentence,
// is a relative clause with its own verb (", who has since criticized …")
// rather than a phrase of circumstance (", on a visit to Jakarta,") that
// shares the time of the clause around it.
func relativeClause(clause string) bool {
	w := strings.Fields(strings.TrimLeft(clause, ", "))
	return len(w) > 1 && (w[0] == "who" || w[0] == "which" || w[0] == "whose")
}

// clauseDate reports whether date u is told for the whole of its
// sentence's main clause: it opens the sentence ("On Thursday, X …"),
// stands between the subject opening it, after only "the" and titles, and
// the first verb ("The Security Council on Thursday condemned …",
// "Japan, on Monday, summoned …"), or ends the first clause before the
// ", and" that joins a second verb phrase to it.
func clauseDate(units []*unit, u *unit, text string) bool {
	if strings.TrimSpace(text[:u.start]) == "" {
		return true
	}
	if before := text[:u.start]; !strings.ContainsAny(before, ",;:") && !blockRe.MatchString(before) && !sayRe.MatchString(before) {
		// "Germany expelled two diplomats on Friday, and warned Russia
		// …": the date ending the first clause, told before any comma,
		// is that of the verb phrases joined to it, as without the
		// comma; not of one in another tense ("visited Kyiv in 2022,
		// and has returned twice since").
		if rest, ok := strings.CutPrefix(strings.TrimLeft(text[u.end:], " "), ", and "); ok {
			f := strings.Fields(rest)
			return len(f) > 0 && !perfectAux[strings.ToLower(f[0])]
		}
	}
	k := slices.Index(units, u)
	if k < 1 || k+1 >= len(units) {
		return false
	}
	s := k - 1
	if isComma(units[s]) && s > 0 {
		s-- // "Japan, on Monday, summoned"
	}
	if !isActor(units[s]) {
		return false
	}
	for _, w := range strings.Fields(text[:units[s].start]) {
		// "The", "French President": titles and "the" before the
		// subject, no verb nor clause.
		if !strings.EqualFold(w, "the") && (!isCap(w) || !isWordTok(strings.TrimRight(w, "."))) {
			return false
		}
	}
	n := k + 1
	if isComma(units[n]) && n+1 < len(units) {
		n++
	}
	return units[n].kind == kWord && !isCap(units[n].text) && !coordNotVerb[units[n].lower()]
}

// sinceAfter reports whether between, the text from a date to the end
// of an event's span, holds a perfect with "since" ("and has since met",
// "who had since visited"): the act came after the date, which says
// nothing of its day.
func sinceAfter(between string) bool {
	for _, aux := range [...]string{"has since ", "have since ", "had since "} {
		if k := strings.Index(between, aux); k >= 0 && (k == 0 || between[k-1] == ' ') {
			return true
		}
	}
	return false
}

// perfectAux open a verb phrase in another tense than a simple past:
// "and has returned", "and is expected".
var perfectAux = toSet("has have had is are was were will would")

// datelineDash reports whether between, the text from a date to an
// event, opens with the dash that ends a dateline ("July 9 (KCNA) — "):
// the date is the dateline's.
func datelineDash(between string) bool {
	b := strings.TrimSpace(between)
	if strings.HasPrefix(b, "(") {
		if k := strings.IndexByte(b, ')'); k > 0 {
			b = strings.TrimSpace(b[k+1:])
		}
	}
	return strings.HasPrefix(b, "—") || strings.HasPrefix(b, "–") || strings.HasPrefix(b, "-")
}

// coordNotVerb are the words after "and" or "but" that open no verb
// phrase of the same subject: a new subject or a noun phrase ("and the
// army", "and his deputy").
var coordNotVerb = toSet("the a an his her its their our my your this that these those he she they it we i " +
	"there some all both each several many other another no")

// coordinatedVerb reports whether a statement starting after before, at
// rest, is a verb coordinated with "and" to the clause before it ("…, and
// held talks with X"), which shares that clause's subject.
func coordinatedVerb(before, rest string) bool {
	f := strings.Fields(rest)
	return strings.HasSuffix(strings.TrimRight(before, " "), " and") && len(f) > 0 && !isCap(f[0]) && isWordTok(f[0]) && !coordNotVerb[f[0]]
}

// coordinatedAfter reports whether between, the words from a date to the
// end of an event's span, holds a second verb phrase of the same subject
// coordinated by "and" or "but" ("in October 2022 and resigned"): the
// date is the first verb's, told in its own clause.
func coordinatedAfter(between string) bool {
	f := strings.Fields(between)
	for k := 0; k+1 < len(f); k++ {
		if f[k] != "and" && f[k] != "but" {
			continue
		}
		w := f[k+1]
		if isCap(w) || !isWordTok(w) || coordNotVerb[w] {
			continue
		}
		return true
	}
	return false
}

// saidBefore reports whether date u, before a statement with the words
// between in between, dates its saying rather than what it reports: "X
// said on Monday that Y attacked Z", "On Monday X said Y attacked Z".
func saidBefore(text string, u *unit, between string) bool {
	if sayRe.MatchString(between) {
		return true
	}
	return saidOnRe.MatchString(between) && sayRe.MatchString(text[max(0, u.start-24):u.start])
}

// result dates, scores and deduplicates the candidates.
func (d *doc) result() Result {
	d.placeImplicit()
	d.placePredecessors()
	d.outgoingEnds()
	d.officeFromAnchor()
	d.predecessorEnds()
	var facts []*graph.Fact
	byKey := map[string]*graph.Fact{}
	from := map[*graph.Fact]*dateSents{}
	used := map[string]*ref{}
	for _, c := range d.cands {
		if c.subj == nil || c.obj == nil || c.subj.name == c.obj.name && c.subj.typ == c.obj.typ && !domestic(c.subjSec, c.objSec) {
			continue
		}
		f := &graph.Fact{Subject: d.entityID(c.subj), Predicate: c.pred,
			Object: d.entityID(c.obj), Role: c.role, Location: c.loc, Ended: c.ended,
			SubjectSector: c.subjSec, ObjectSector: c.objSec,
			Confidence: round2(c.base * min(c.subj.conf, c.obj.conf)),
			Sources:    []graph.Source{{Sentence: c.sent.text}}}
		var ds dateSents
		if c.dated {
			sent := c.dateFrom
			if len(sent) == 0 {
				sent = []*sentence{c.sent}
			}
			switch {
			case c.bound == boundDate:
				f.Date, ds[2] = c.date, sent
			case c.dateKind == timex.Until || c.bound == boundEnd:
				f.End, ds[1] = c.date, sent
			default:
				f.Start, ds[0] = c.date, sent
			}
		}
		if !f.End.IsZero() {
			f.Ended = false
		}
		if graph.IsEvent(f.Predicate) && graph.PlannedFor(f.Date, d.pub) && !d.toldDone(c) {
			// Dated after the article and not told as done ("visits
			// Germany on October 27", "talks between X and Y on
			// Friday"): the plan, not the act. An act told in the past
			// tense keeps its act: there the date, read from a month
			// without a year or counted from another day, is what is
			// wrong, or the article's own date.
			pred, ok := graph.PlannedAs(f.Predicate)
			if !ok {
				continue
			}
			if pred != f.Predicate {
				f.Predicate, f.Location = pred, ""
			}
		}
		if c.hosts && f.Predicate == graph.Met {
			f.Host = f.Subject // "X received Y": X hosted the meeting
		}
		used[f.Subject], used[f.Object] = c.subj, c.obj
		d.note(c.subj, c.subjText)
		d.note(c.obj, c.objText)
		k := f.Key()
		if old, ok := byKey[k]; ok {
			mergeFact(old, f, from[old], &ds)
			continue
		}
		byKey[k] = f
		from[f] = &ds
		facts = append(facts, f)
	}
	// An undated event is dropped when the same event is dated elsewhere.
	dated := map[string]bool{}
	for _, f := range facts {
		if graph.IsEvent(f.Predicate) && !f.Date.IsZero() {
			g := *f
			g.Date = graph.Date{}
			dated[g.Key()] = true
		}
	}
	res := Result{DroppedDates: d.dropped}
	if len(facts) > 0 { // none stays nil
		res.Facts = make([]graph.Fact, 0, len(facts))
	}
	for _, f := range facts {
		if graph.IsEvent(f.Predicate) && f.Date.IsZero() && dated[f.Key()] {
			continue
		}
		if f.End.IsZero() && !f.Ended {
			f.Ended = false
		}
		f.Sources[0].TimeSentences = from[f].others(f)
		res.Facts = append(res.Facts, *f)
	}
	ids := make([]string, 0, len(used))
	for id := range used {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) > 0 {
		res.Entities = make([]graph.Entity, 0, len(ids))
	}
	for _, id := range ids {
		r := used[id]
		e := graph.Entity{ID: id, Name: r.name, Type: r.typ, Aliases: d.aliases(id, r)}
		if g := d.g.entities[r.name]; g != nil && r.typ == graph.Country {
			e.Code = g.code
		}
		res.Entities = append(res.Entities, e)
	}
	return res
}

// through returns the sentences from followed by st: those a date
// counted from an earlier one ("two days later") was read from. It never
// writes into from's array, so candidates that share a chain stay apart.
func through(from []*sentence, st *sentence) []*sentence {
	return append(slices.Clip(from), st)
}

// dateSents are the sentences a fact's Start, End and Date were read from.
type dateSents [3][]*sentence

// others returns the texts of the sentences that gave f's known dates,
// other than f's own sentence, as Source.TimeSentences holds them.
func (ds *dateSents) others(f *graph.Fact) []string {
	src := graph.Source{Sentence: f.Sources[0].Sentence}
	for i, v := range []graph.Date{f.Start, f.End, f.Date} {
		if v.IsZero() {
			continue
		}
		for _, st := range ds[i] {
			src.AddTimeSentences([]string{st.text})
		}
	}
	return src.TimeSentences
}

// mergeFact folds a second statement of the same fact into the first;
// oldDs and fDs are the sentences their dates were read from.
func mergeFact(old, f *graph.Fact, oldDs, fDs *dateSents) {
	if f.Start.MorePrecise(old.Start) {
		old.Start, oldDs[0] = f.Start, fDs[0]
	}
	if f.End.MorePrecise(old.End) {
		old.End, oldDs[1] = f.End, fDs[1]
	}
	if f.Date.MorePrecise(old.Date) {
		old.Date, oldDs[2] = f.Date, fDs[2]
	}
	if old.Location == "" {
		old.Location = f.Location
	}
	old.FillSectors(f)
	old.Ended = (old.Ended || f.Ended) && old.End.IsZero()
	if f.Confidence > old.Confidence {
		old.Confidence = f.Confidence
	}
}

func round2(x float64) float64 {
	if x > 1 {
		x = 1
	}
	return float64(int(x*100+0.5)) / 100
}

// aliases lists the surface forms seen plus the gazetteer's aliases.
func (d *doc) aliases(id string, r *ref) []string {
	set := map[string]bool{}
	for s := range d.surfaces[id] {
		set[s] = true
	}
	if e := d.g.entities[r.name]; e != nil && e.typ == r.typ {
		for _, a := range e.aliases {
			set[a] = true
		}
	}
	if r.typ == graph.Person {
		// The surname, so that a later article's "Waltz" finds "Michael Waltz".
		if sn := surnameOf(r.name); sn != "" {
			set[sn] = true
		}
		if l := d.leaderOf(r.name); l != nil {
			for _, a := range l.aliases {
				set[a] = true
			}
		}
	}
	delete(set, r.name)
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// nameSuffixes are words after a surname that are not the surname.
var nameSuffixes = toSet("Jr. Jr Sr. Sr II III IV")

// surnameOf returns the last word of a full personal name ("" for a single
// word): "Michael Waltz" → "Waltz", "Martin Luther King Jr." → "King".
func surnameOf(name string) string {
	ws := strings.Fields(name)
	for len(ws) > 1 && nameSuffixes[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 || !isCap(ws[len(ws)-1]) {
		return ""
	}
	return strings.TrimRight(ws[len(ws)-1], ",")
}

var numberWords = map[string]int{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10}

// daysLater reads "two days later", "a week after the vote", "three days
// earlier": the offset in days from the last date the article stated
// (negative for "earlier"/"before").
func daysLater(text string) (int, bool) {
	m := laterRe.FindStringSubmatch(text)
	if m == nil {
		// "The following day, he met …", "the next day", "on the
		// previous day": one day from the last date stated.
		if m = nextDayRe.FindStringSubmatch(text); m == nil {
			return 0, false
		}
		if w := strings.ToLower(m[1]); w == "previous" || w == "preceding" {
			return -1, true
		}
		return 1, true
	}
	n, ok := numberWords[strings.ToLower(m[1])]
	if !ok {
		v, err := strconv.Atoi(m[1])
		if err != nil {
			return 0, false
		}
		n = v
	}
	if strings.HasPrefix(strings.ToLower(m[2]), "week") {
		n *= 7
	}
	switch strings.ToLower(m[3]) {
	case "earlier", "before":
		n = -n
	}
	return n, true
}

// apposedDay reports whether date b, after a comma, names the day that
// the relative day a ("this evening", "today", "yesterday") is: a day's
// date given twice, the second time in full.
func apposedDay(a, b *unit) bool {
	if a.expr == nil || b.expr == nil || !a.expr.Relative || strings.ContainsAny(a.text, "0123456789") ||
		!strings.ContainsAny(b.text, "0123456789") || b.expr.Prep != "" {
		return false
	}
	av, bv := a.expr.Value, b.expr.Value
	if av.Precision != graph.DayPrecision || bv.Precision != graph.DayPrecision || a.expr.Kind != timex.Point || b.expr.Kind != timex.Point {
		return false
	}
	gap := av.Time().Sub(bv.Time())
	return gap >= -48*time.Hour && gap <= 48*time.Hour
}

// eventBefore reports whether an event of cs ends before the conjunct
// sub begins (its shared subject stands at the "and").
func eventBefore(cs []*cand, sub []*unit) bool {
	at := sub[0].start
	for _, c := range cs {
		if graph.IsEvent(c.pred) && c.span[1] <= at {
			return true
		}
	}
	return false
}

// verbAfterShared reports whether the conjunct sub goes on with a verb
// right after its shared subject ("and ordered …"), not a new subject
// ("and the rebels shelled …").
func verbAfterShared(sub []*unit) bool {
	for _, u := range sub {
		if u.start == u.end && u.kind != kWord {
			continue // the shared subject, at the "and"
		}
		return u.kind == kWord && isVerbLike(u.lower()) && !coderDeterminers[u.lower()]
	}
	return false
}
