package extract

import (
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// narrative is the last event an article dated explicitly, with the people
// and places that took part in it. News tells a story in order: "Finnish
// President Stubb met Kristersson in Helsinki on Tuesday. Stubb criticized
// Russia over ..." says that the criticism was made at the meeting, on
// Tuesday.
type narrative struct {
	date  graph.Date
	names map[string]bool
	from  []*sentence // the sentences date was read from
	// coarse marks a visit, meeting or call dated only to the month or
	// year ("visited Uganda last month", "In March, X travelled to
	// Manila"): it dates only what was done on that occasion
	// (occasionPreds) told after it in its own paragraph ("He met
	// President Museveni in Kampala and signed …"), at its own
	// precision; para is that paragraph (sentence.para). A criticism
	// or a denial told after it may be of another day of that month or
	// year, and keeps no date.
	coarse bool
	para   int
}

// occasionPreds are the events a coarse narrative dates: what two sides
// do on a visit, meeting or call.
var occasionPreds = map[string]bool{graph.Met: true, graph.Visited: true, graph.SpokeWith: true,
	graph.SignedAgreement: true, graph.AgreedWith: true}

// narrativePred reports whether events of predicate p may take the date
// of the event before them (the table's Narrative column); successions and
// nominations are dated by their own rules.
func narrativePred(p string) bool {
	r, ok := graph.PredicateInfo(p)
	return ok && r.Narrative
}

var (
	// notNarrative marks a sentence that is not a plain past account of
	// what happened next: perfect and pluperfect ("has accused", "said
	// that ... had"), present, future and modal statements, and vague or
	// habitual time ("later", "previously", "for years", "repeatedly").
	// It is read from every sentence, and is a phraseRe (phrases.go): the
	// expression `(?i)\b(?:has|have|…)\b|'s been|'ve|'d\b`.
	notNarrative = phraseCompile([]string{"has", "have", "had", "having", "is", "are", "am", "will", "would", "could", "should", "can", "may", "might", "must", "shall", "going to",
		"plan", "plans", "planned", "expected", "intend", "intends", "want", "wants", "if", "unless", "later", "earlier", "previously", "ago", "last", "next", "before", "since",
		"already", "once", "repeatedly", "often", "frequently", "again", "recently", "long", "year", "years", "month", "months", "week", "weeks", "decade", "decades",
		"tomorrow", "yesterday", "ever", "never", "not", "n't", "until", "then", "afterwards", "subsequently", "eventually", "finally"},
		[]string{"'s been", "'ve"}, []string{"'d"})
	// shiftRe marks a sentence that moves the story on to another time
	// ("X later criticized Y", "X then met Z"): what follows is not dated
	// by the event before.
	shiftRe = foldCompile(`(?i)\b(?:later|then|afterwards|subsequently|eventually|earlier|previously)\b`)
	// pastVerb is a verb in the simple past within a statement.
	pastVerb = lazyRegexp(`(?i)\b(?:[a-z]+ed|met|spoke|held|struck|told|sent|made|took|hit|went|came|saw|gave|won|sought|brought|drew|flew|threw|wrote|sat|shook|lashed|slammed)\b`)
)

// narrativeDate dates c, an event without a date of its own, by the last
// explicitly dated event of the article when the two share a participant
// and the sentence tells c in the simple past; it reports whether it did.
// The sentence must state no date of its own, and c's confidence is a
// little lower than a stated date's.
func (d *doc) narrativeDate(c *cand, units []*unit, st *sentence) bool {
	if d.narr == nil || c.bound != boundDate || !narrativePred(c.pred) || c.subj == nil || c.obj == nil {
		return false
	}
	if !d.narr.names[c.subj.name] && !d.narr.names[c.obj.name] {
		return false
	}
	if d.narr.coarse && (st.para != d.narr.para || !occasionPreds[c.pred]) {
		return false
	}
	if hasDateUnit(units) || notNarrative.MatchString(st.text) {
		return false
	}
	if c.span[1] > len(st.text) || c.span[0] >= c.span[1] || !pastVerb.MatchString(st.text[c.span[0]:c.span[1]]) {
		return false
	}
	c.date, c.dated, c.dateFrom = d.narr.date, true, d.narr.from
	c.base *= 0.9
	return true
}

// notLaterNarrative is notNarrative without the words that move a story
// on ("later", "then"): what else keeps a sentence from telling a plain
// past act (laterDate).
var notLaterNarrative = phraseCompile([]string{"has", "have", "had", "having", "is", "are", "am", "will", "would", "could", "should", "can", "may", "might", "must", "shall", "going to",
	"plan", "plans", "planned", "expected", "intend", "intends", "want", "wants", "if", "unless", "earlier", "previously", "ago", "last", "next", "before", "since",
	"already", "once", "repeatedly", "often", "frequently", "again", "recently", "long", "year", "years", "month", "months", "week", "weeks", "decade", "decades",
	"tomorrow", "yesterday", "ever", "never", "not", "n't", "until"},
	[]string{"'s been", "'ve"}, []string{"'d"})

// laterWords move a story on to an act after the one told before it.
var laterWords = toSet("later afterwards subsequently")

// beforeLater are the words before "later" that make it count a time
// ("two days later", "much later") rather than tell the act's order.
var beforeLater = toSet("day days week weeks month months year years decade decades hour hours minute minutes moments much long")

// notAfterLater are the words after "later" that make it no adverb of
// the act: "later this year", "later that day" (sameDay, samePeriod),
// "later on Tuesday", "later than".
var notAfterLater = toSet("this that next in on the than today tonight date stage")

// laterDate dates c, an event told in the simple past after "later"
// ("Macron later met Scholz", "Later, the two leaders held talks"), with
// no date of its own, by the month of the last explicitly dated event
// (the narrative) when the two share a participant: the act came after
// that day, on a day the article does not tell, so only the month (the
// year, if that is all the narrative says) is stated. It reports whether
// it did.
func (d *doc) laterDate(c *cand, units []*unit, st *sentence) bool {
	n := d.narr
	if n == nil || c.bound != boundDate || c.act != "" || !narrativePred(c.pred) || c.subj == nil || c.obj == nil {
		return false
	}
	if !n.names[c.subj.name] && !n.names[c.obj.name] {
		return false
	}
	if hasDateUnit(units) || notLaterNarrative.MatchString(st.text) {
		return false
	}
	if c.span[1] > len(st.text) || c.span[0] >= c.span[1] || !pastVerb.MatchString(st.text[c.span[0]:c.span[1]]) {
		return false
	}
	later := false
	for k, u := range units {
		if u.kind != kWord || !laterWords[u.lower()] || u.end > c.span[1] {
			continue
		}
		if k+1 < len(units) && units[k+1].kind == kWord && notAfterLater[units[k+1].lower()] {
			return false
		}
		if k > 0 && units[k-1].kind == kWord && (beforeLater[units[k-1].lower()] || coderDeterminers[units[k-1].lower()]) {
			// "two days later" (daysLater), "hours later", "the later
			// talks": not the adverb of a subject's act.
			return false
		}
		later = true
	}
	if !later {
		return false
	}
	c.date = graph.YearOf(n.date.Year)
	if n.date.Precision >= graph.MonthPrecision {
		c.date = graph.MonthOf(n.date.Year, n.date.Month)
	}
	c.dated, c.dateFrom = true, through(n.from, st)
	c.base *= 0.9
	return true
}

// openingSents is how many sentences from the article's start may tell
// its opening event: a headline and the lead.
const openingSents = 2

// openingDate dates c, a criticism or accusation (PLOVER DISAPPROVE)
// without a date of its own, by the event the article opens with when c
// is said of that occasion: c shares a participant with it, is told in
// the simple past with no time of its own (see narrativeDate), and no
// event of another day has been told since, nor taken the story on
// ("The government survived
// a confidence vote on Wednesday. … The opposition leader accused the
// prime minister of clinging to power."). Background sentences with
// other dates ("who took office in 2021") do not move the occasion; its
// confidence is lower than the narrative's.
func (d *doc) openingDate(c *cand, units []*unit, st *sentence) bool {
	o := d.opening
	if o == nil || d.narr != nil && d.narr != o || c.bound != boundDate || c.subj == nil || c.obj == nil {
		return false
	}
	if r, ok := graph.PredicateInfo(c.pred); !ok || r.PLOVER != "DISAPPROVE" {
		return false
	}
	if !o.names[c.subj.name] && !o.names[c.obj.name] {
		return false
	}
	if hasDateUnit(units) || notNarrative.MatchString(st.text) || shiftRe.MatchString(st.text) {
		return false
	}
	if c.span[1] > len(st.text) || c.span[0] >= c.span[1] || !pastVerb.MatchString(st.text[c.span[0]:c.span[1]]) {
		return false
	}
	c.date, c.dated, c.dateFrom = o.date, true, o.from
	c.base *= 0.85
	return true
}

// hasDateUnit reports whether the sentence states a time expression.
func hasDateUnit(units []*unit) bool {
	for _, u := range units {
		if u.kind == kDate && u.expr != nil {
			return true
		}
	}
	return false
}

// updateNarrative records the events of the sentence just dated: an event
// dated by its own sentence becomes the event later sentences may take the
// date of; any other date the sentence states, or a move to another time
// ("later", "then"), ends the story told so far.
func (d *doc) updateNarrative(units []*unit, cs []*cand, st *sentence) {
	var n *narrative
	for _, coarse := range []bool{false, true} {
		for _, c := range cs {
			if !c.dated || c.narrated || c.bound != boundDate || !graph.IsEvent(c.pred) || c.base == confCoded ||
				c.subj == nil || c.obj == nil {
				continue
			}
			if coarse {
				// "last month", "in March", "earlier this year": a point
				// of its own sentence, not a range ("since 2019"), nor a
				// date carried from elsewhere, of a visit, meeting or call.
				if c.date.Precision == graph.DayPrecision || c.dateKind != timex.Point || len(c.dateFrom) != 1 || c.dateFrom[0] != st ||
					c.pred != graph.Met && c.pred != graph.Visited && c.pred != graph.SpokeWith {
					continue
				}
			} else if c.date.Precision != graph.DayPrecision {
				continue
			}
			if n == nil {
				n = &narrative{date: c.date, names: map[string]bool{}, from: c.dateFrom, coarse: coarse, para: st.para}
			} else if n.date != c.date {
				continue
			}
			n.names[c.subj.name], n.names[c.obj.name] = true, true
		}
		if n != nil {
			break
		}
		if !coarse {
			n = leadEvent(units, cs, st)
			if n != nil {
				break
			}
		}
	}
	if d.told++; d.told <= openingSents && d.opening == nil && n != nil && !n.coarse {
		d.opening = n
	} else if n != nil && d.opening != nil && n.date != d.opening.date {
		d.opening = nil // the story has moved on to another day's event
	}
	if n != nil {
		d.narr = n
	} else if hasDateUnit(units) || shiftRe.MatchString(st.text) {
		d.narr = nil
	}
}

// leadEvent reads a sentence that tells a past event the rules have no fact
// for ("Zelensky left the White House after a heated exchange with Trump on
// Friday"): one date to the day (a dateline's may name it again), no state
// dated by it, no statement of the present, future or perfect; everyone
// the sentence names took part.
func leadEvent(units []*unit, cs []*cand, st *sentence) *narrative {
	var date *unit
	for _, u := range units {
		if u.kind != kDate || u.expr == nil {
			continue
		}
		if u.expr.Kind != timex.Point || u.expr.Value.Precision != graph.DayPrecision || u.expr.Prep == "by" ||
			date != nil && date.expr.Value != u.expr.Value {
			return nil
		}
		if date == nil {
			date = u // a dateline's day and "on Wednesday" may name the same day
		}
	}
	if date == nil || notNarrative.MatchString(st.text) {
		return nil
	}
	for _, c := range cs {
		if c.dated && !graph.IsEvent(c.pred) {
			return nil
		}
	}
	n := &narrative{date: date.expr.Value, names: map[string]bool{}, from: []*sentence{st}}
	for _, u := range units {
		if isActor(u) {
			n.names[u.ref.name] = true
		}
	}
	if len(n.names) == 0 {
		return nil
	}
	return n
}

// reshuffle is the day the last sentence dated a start of office on:
// an account of a reshuffle or of a new government tells its
// appointments one after the other ("Prime Minister Mark Carney on
// Tuesday appointed Anita Anand as foreign minister. Francois-Philippe
// Champagne was named finance minister."), all made that day.
type reshuffle struct {
	date    graph.Date
	from    []*sentence
	sentIdx int
}

// reshuffleDate dates c, the start of an office taken by appointment,
// election or swearing-in that its sentence does not date, by the start
// of office the sentence just before dated to the day, when the sentence
// tells c in the simple past and no other time (see narrativeDate); it
// reports whether it did.
func (d *doc) reshuffleDate(c *cand, units []*unit, st *sentence) bool {
	r := d.reshuffle
	if r == nil || c.bound != boundStart || c.anchor != anchorOffice+1 || c.sentIdx != r.sentIdx+1 {
		return false
	}
	if hasDateUnit(units) || notNarrative.MatchString(st.text) {
		return false
	}
	if c.span[1] > len(st.text) || c.span[0] >= c.span[1] || !pastVerb.MatchString(st.text[c.span[0]:c.span[1]]) {
		return false
	}
	c.date, c.dated, c.dateFrom = r.date, true, r.from
	c.base *= 0.9
	return true
}

// updateReshuffle records the day the sentence just read dated a start of
// office on (see reshuffle); a sentence with none ends the account.
func (d *doc) updateReshuffle(cs []*cand) {
	var r *reshuffle
	for _, c := range cs {
		if c.dated && c.bound == boundStart && c.anchor == anchorOffice+1 && c.date.Precision == graph.DayPrecision {
			r = &reshuffle{date: c.date, from: c.dateFrom, sentIdx: c.sentIdx}
			break
		}
	}
	d.reshuffle = r
}
