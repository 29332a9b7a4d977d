package timex

import (
	"time"

	"github.com/geokg/geokg/graph"
)

// iso reads "2025-01-20" and "2025/01/20"; in phrase mode also "2025-01".
func (p *parser) iso(i int) (hit, bool) {
	y := p.tok(i)
	if y == nil || y.kind != tNum || y.digits != 4 || y.ord || p.glued(i) {
		return hit{}, false
	}
	sep := p.tok(i + 1)
	if sep == nil || !(sep.low == "-" || sep.low == "/") || !p.touches(i+1) || !p.touches(i+2) {
		return hit{}, false
	}
	m := p.tok(i + 2)
	if m == nil || m.kind != tNum || m.digits != 2 || m.ord || m.num < 1 || m.num > 12 {
		return hit{}, false
	}
	if p.isPunct(i+3, sep.low) && p.touches(i+3) && p.touches(i+4) {
		d := p.tok(i + 4)
		if d != nil && d.kind == tNum && d.digits == 2 && !d.ord && validDay(y.num, time.Month(m.num), d.num) {
			if n := p.tok(i + 5); n != nil && p.touches(i+5) && n.kind == tNum {
				return hit{}, false
			}
			return hit{end: i + 5, val: graph.DayOf(y.num, time.Month(m.num), d.num), day: true}, true
		}
		return hit{}, false
	}
	if p.phrase && !p.touchesWordOrDigit(i+3) {
		return hit{end: i + 3, val: graph.MonthOf(y.num, time.Month(m.num))}, true
	}
	return hit{}, false
}

// glued reports whether token i is glued to a number or currency sign before
// it ("12,2014", "$2014", "2014-2015" read from the second half).
func (p *parser) glued(i int) bool {
	if !p.touches(i) {
		return false
	}
	prev := p.tok(i - 1)
	switch prev.low {
	case "$", "€", "£", "#", "¥":
		return true
	case ",", ".", ":", "-", "/":
		return p.touches(i-1) && p.tok(i-2).kind == tNum
	}
	return prev.kind != tPunct
}

// month reads a month name at token i, with the period of an abbreviation
// ("Sept."), and returns the index after it.
func (p *parser) month(i int) (monthInfo, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return monthInfo{}, i, false
	}
	mi, ok := months[t.low]
	if !ok {
		return monthInfo{}, i, false
	}
	k := i + 1
	if mi.abbr && p.isPunct(k, ".") && p.touches(k) {
		k++
	}
	return mi, k, true
}

// dayNum reads a day of the month ("20", "20th") at token i.
func (p *parser) dayNum(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.digits > 2 || t.num < 1 || t.num > 31 || p.glued(i) {
		return 0, false
	}
	if p.touchesWordOrDigit(i + 1) {
		return 0, false
	}
	if p.startsNumericDate(i) {
		return 0, false // the year of an ISO date
	}
	return t.num, true
}

// startsNumericDate reports whether the number at token i begins a numeric
// date ("2024-05-…", "20/05/…"): a separator, a month number and the same
// separator again follow it, touching.
func (p *parser) startsNumericDate(i int) bool {
	if !p.isPunct(i+1, "-", "/") || !p.touches(i+1) || !p.touches(i+2) {
		return false
	}
	n := p.tok(i + 2)
	return n.kind == tNum && n.digits == 2 && n.num >= 1 && n.num <= 12 && p.isPunct(i+3, p.toks[i+1].low)
}

// yearNum reads a four-digit year at token i, not glued to other numbers.
func (p *parser) yearNum(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.digits != 4 || t.ord || t.num < 1000 || t.num > 2199 || p.glued(i) {
		return 0, false
	}
	if p.touchesWordOrDigit(i + 1) {
		return 0, false
	}
	if p.startsNumericDate(i) {
		return 0, false // the year of an ISO date
	}
	return t.num, true
}

// monthDate reads the written-month forms: "January 20, 2025", "Jan. 20",
// "20 January 2025", "20th of January", "October 2024", "October of 2024"
// and, with ctx, a bare "October".
func (p *parser) monthDate(i int, ctx bool) (hit, bool) {
	if mi, k, ok := p.month(i); ok {
		strong := !mi.ambiguous || p.toks[i].upper || ctx
		// January 20[,] [2025]; January 20–21: the span's first day
		if d, ok := p.dayNum(k); ok && strong {
			end := k + 1 + p.dayRangeEnd(k+1, d)
			c := end
			if p.isPunct(c, ",") {
				c++
			}
			if y, ok := p.yearNum(c); ok {
				if !validDay(y, mi.m, d) {
					return hit{}, false
				}
				return hit{end: c + 1, val: graph.DayOf(y, mi.m, d), day: true}, true
			}
			return p.dayNoYear(mi.m, d, end)
		}
		// October [,|of] 2024
		c := k
		if p.isPunct(c, ",") || p.isWord(c, "of") {
			c++
		}
		if y, ok := p.yearNum(c); ok && strong {
			return hit{end: c + 1, val: graph.MonthOf(y, mi.m)}, true
		}
		// in October
		if ctx && (!mi.abbr || p.toks[i].upper) {
			v := p.relDate(graph.MonthPrecision, func(time.Time) graph.Date {
				return graph.MonthOf(yearForMonth(mi.m, p.ref), mi.m)
			})
			return hit{end: k, val: v, rel: true}, true
		}
		return hit{}, false
	}
	// 20[th] [of] January [2025]; 20–21 January: the span's first day
	d, ok := p.dayNum(i)
	if !ok {
		return hit{}, false
	}
	k := i + 1 + p.dayRangeEnd(i+1, d)
	if p.isWord(k, "of") {
		k++
	}
	mi, k, ok := p.month(k)
	if !ok || (mi.ambiguous && !p.toks[k-1].upper) {
		return hit{}, false
	}
	c := k
	if p.isPunct(c, ",") {
		c++
	}
	if y, ok := p.yearNum(c); ok {
		if !validDay(y, mi.m, d) {
			return hit{}, false
		}
		return hit{end: c + 1, val: graph.DayOf(y, mi.m, d), day: true}, true
	}
	return p.dayNoYear(mi.m, d, k)
}

// dayNoYear resolves a day of a month named without a year ("Sept. 3").
func (p *parser) dayNoYear(m time.Month, d, end int) (hit, bool) {
	if !validDay(2000, m, d) { // 2000 is a leap year: February 29 is valid
		return hit{}, false
	}
	v := p.relDate(graph.MonthPrecision, func(time.Time) graph.Date {
		y := yearForMonth(m, p.ref)
		if !validDay(y, m, d) {
			return graph.Date{}
		}
		return graph.DayOf(y, m, d)
	})
	return hit{end: end, val: v, rel: true, day: true}, true
}

// weekdayDate reads a weekday, alone ("Friday": the most recent one, the
// reference day included, or in a clause about what is still to come the
// first one from the reference day on; see aheadClause and aheadSubject) or before a
// written date ("Friday, Jan. 20").
func (p *parser) weekdayDate(i int) (hit, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return hit{}, false
	}
	w, ok := weekdays[t.low]
	if !ok || p.isWord(i-1, "every", "each") {
		// "meets him every Monday": a habit, no one day.
		return hit{}, false
	}
	k := i + 1
	if p.isPunct(k, ",") {
		k++
	}
	if h, ok := p.monthDate(k, false); ok && h.day {
		return h, true
	}
	ahead := !p.phrase && (p.aheadClause(i) || p.aheadSubject(i))
	v := p.relDate(graph.DayPrecision, func(r time.Time) graph.Date {
		if ahead {
			return graph.DateFromTime(comingWeekday(w, r))
		}
		return graph.DateFromTime(lastWeekday(w, r, false))
	})
	return hit{end: i + 1, val: v, rel: true, day: true}, true
}

// relWord reads "today", "tonight", "yesterday", "tomorrow", "last night",
// "this morning", "overnight", "over the past day", "in the last 24 hours",
// "the day before yesterday" and "the day after tomorrow".
func (p *parser) relWord(i int) (hit, bool) {
	off, end := 0, i+1
	switch {
	case p.isWord(i, "today", "tonight"):
	case p.isWord(i, "yesterday"):
		off = -1
	case p.isWord(i, "tomorrow"):
		off = 1
	case p.isWord(i, "last") && p.isWord(i+1, "night"):
		off, end = -1, i+2
	case p.isWord(i, "this") && p.isWord(i+1, "morning", "afternoon", "evening"):
		end = i + 2
	case p.isWord(i, "overnight") && !p.overnightNamed(i+1):
		// "shelled the city overnight", "the overnight attack": the
		// night just past, dated as the day it ended, the reference day.
	case p.isWord(i, "the") && p.isWord(i-1, "over", "in", "during", "within") && p.isWord(i+1, "past", "last"):
		// "over the past day", "in the last 24 hours": a front-line
		// report's tally of the day up to the reference day.
		switch t := p.tok(i + 2); {
		case p.isWord(i+2, "day") && !p.isWord(i+3, "of", "or"):
			end = i + 3
		case t != nil && t.kind == tNum && t.num == 24 && p.isWord(i+3, "hours"):
			end = i + 4
		default:
			return hit{}, false
		}
	case p.isWord(i, "the") && p.isWord(i+1, "day") && p.isWord(i+2, "before") && p.isWord(i+3, "yesterday"):
		off, end = -2, i+4
	case p.isWord(i, "the") && p.isWord(i+1, "day") && p.isWord(i+2, "after") && p.isWord(i+3, "tomorrow"):
		off, end = 2, i+4
	default:
		return hit{}, false
	}
	v := p.relDate(graph.DayPrecision, func(r time.Time) graph.Date {
		return graph.DateFromTime(r.AddDate(0, 0, off))
	})
	return hit{end: end, val: v, rel: true, day: true}, true
}

// overnightNamed reports whether token i names the night "overnight"
// stands before ("overnight Thursday", "overnight into Friday", "overnight
// on Monday"), which the named day dates instead.
func (p *parser) overnightNamed(i int) bool {
	if t := p.tok(i); t != nil && t.kind == tWord {
		if _, ok := weekdays[t.low]; ok {
			return true
		}
	}
	return p.isWord(i, "into", "to", "on", "from", "between", "of")
}

// qualified reads "last", "this", "next" (and "previous", "current",
// "coming", "this coming", "this past") before "week", "month", "year", a
// weekday or a month name. After "the" these words make a duration or point
// back in the story ("in the last week", "the previous year"), not a date.
func (p *parser) qualified(i int) (hit, bool) {
	if p.isWord(i-1, "the") {
		return hit{}, false // "the previous year", "the next month": anaphoric or a duration
	}
	var q string
	k := i + 1
	switch {
	case p.isWord(i, "this") && p.isWord(i+1, "coming"):
		q, k = "next", i+2
	case p.isWord(i, "this") && p.isWord(i+1, "past"):
		q, k = "last", i+2
	case p.isWord(i, "last", "previous"):
		q = "last"
	case p.isWord(i, "next", "coming"):
		q = "next"
	case p.isWord(i, "this", "current"):
		q = "this"
	default:
		return hit{}, false
	}
	off := map[string]int{"last": -1, "this": 0, "next": 1}[q]
	t := p.tok(k)
	if t == nil || t.kind != tWord {
		return hit{}, false
	}
	switch {
	case t.low == "year":
		v := p.relDate(graph.YearPrecision, func(time.Time) graph.Date { return graph.YearOf(p.ref.Year + off) })
		return hit{end: k + 1, val: v, rel: true}, true
	case t.low == "month":
		v := p.relDate(graph.MonthPrecision, func(time.Time) graph.Date { return addMonths(p.ref, off) })
		return hit{end: k + 1, val: v, rel: true}, true
	case t.low == "week":
		v := p.relDate(graph.DayPrecision, func(r time.Time) graph.Date { return weekSpan(r, off) })
		return hit{end: k + 1, val: v, rel: true}, true
	}
	if w, ok := weekdays[t.low]; ok {
		v := p.relDate(graph.DayPrecision, func(r time.Time) graph.Date {
			switch q {
			case "last":
				return graph.DateFromTime(lastWeekday(w, r, true))
			case "next":
				return graph.DateFromTime(nextWeekday(w, r))
			}
			return graph.DateFromTime(weekdayThisWeek(w, r))
		})
		return hit{end: k + 1, val: v, rel: true, day: true}, true
	}
	if mi, end, ok := p.month(k); ok && (!mi.abbr && !mi.ambiguous || t.upper) {
		v := p.relDate(graph.MonthPrecision, func(time.Time) graph.Date {
			y := p.ref.Year
			switch {
			case q == "last" && mi.m >= p.ref.Month:
				y--
			case q == "next" && mi.m <= p.ref.Month:
				y++
			}
			return graph.MonthOf(y, mi.m)
		})
		return hit{end: end, val: v, rel: true}, true
	}
	return hit{}, false
}

// ago reads "two days ago", "3 weeks ago", "a year ago", "a decade ago".
func (p *parser) ago(i int) (hit, bool) {
	t := p.tok(i)
	if t == nil {
		return hit{}, false
	}
	n, ok := numberWords[t.low]
	if t.kind == tNum && !t.ord && t.num > 0 && t.num <= 1000 && !p.glued(i) {
		n, ok = t.num, true
	}
	if !ok || t.kind == tPunct {
		return hit{}, false
	}
	u := p.tok(i + 1)
	if u == nil || u.kind != tWord || !p.isWord(i+2, "ago") {
		return hit{}, false
	}
	var v graph.Date
	switch u.low {
	case "day", "days":
		v = p.relDate(graph.DayPrecision, func(r time.Time) graph.Date { return graph.DateFromTime(r.AddDate(0, 0, -n)) })
	case "week", "weeks":
		v = p.relDate(graph.DayPrecision, func(r time.Time) graph.Date { return graph.DateFromTime(r.AddDate(0, 0, -7*n)) })
	case "month", "months":
		v = p.relDate(graph.MonthPrecision, func(time.Time) graph.Date { return addMonths(p.ref, -n) })
	case "year", "years":
		v = p.relDate(graph.YearPrecision, func(time.Time) graph.Date { return graph.YearOf(p.ref.Year - n) })
	case "decade", "decades":
		v = p.relDate(graph.YearPrecision, func(time.Time) graph.Date { return graph.YearOf(p.ref.Year - 10*n) })
	default:
		return hit{}, false
	}
	return hit{end: i + 3, val: v, rel: true}, true
}

// year reads a bare four-digit year where the words around it make it one:
// after a preposition or modifier ("in 2014", "since 2014", "early 2023"),
// after "of", as the first word of a phrase given to Resolve, or between
// "the" and an event noun ("the 2014 election"). A number followed by a
// lower-case word that does not go with years ("2000 troops") is a count.
func (p *parser) year(i int, c cue) (hit, bool) {
	prep := c.prep
	y, ok := p.yearNum(i)
	if !ok {
		return hit{}, false
	}
	event := p.attributive(i, y)
	if !c.ctx && !event {
		return hit{}, false
	}
	if (prep == "by" || prep == "to" || prep == "around" || prep == "at" || prep == "") && !event && (y < 1900 || y > 2100) {
		return hit{}, false
	}
	if n := p.tok(i + 1); n != nil && n.kind == tWord && !n.upper && !wordsAfterYear[n.low] && !event && !c.mod &&
		!(len(n.low) > 3 && n.low[len(n.low)-2:] == "ed" && prep != "by" && y >= 1900 && y <= 2100) {
		return hit{}, false
	}
	if p.isWord(i+1, "gmt", "utc", "hours", "hrs", "local", "h") {
		return hit{}, false
	}
	return hit{end: i + 1, val: graph.YearOf(y), year: true}, true
}

// attributive reports whether the number y at token i is a year used before
// a noun, after a determiner or possessive: "a 2010 commando raid", "his 2007
// presidential campaign", "Russia's 2014 annexation", "the 2014 election".
// After "the" and possessives the next word must be an event noun or look
// singular, as counts go with plurals ("the 2000 troops").
func (p *parser) attributive(i, y int) bool {
	if y < 1900 || y > 2100 {
		return false
	}
	n := p.tok(i + 1)
	if n == nil || n.kind != tWord || p.touches(i+1) || n.upper {
		return false
	}
	if p.isWord(i-1, "a", "an") {
		return !countNouns[n.low]
	}
	possessive := p.isWord(i-1, "s") && p.isPunct(i-2, "'", "’")
	if !possessive && !p.isWord(i-1, "the", "its", "his", "her", "their", "our", "this", "that") {
		return false
	}
	if p.isWord(i+1, eventNouns...) {
		return true
	}
	if countNouns[n.low] || wordsAfterYear[n.low] {
		return false
	}
	w := n.low
	plural := len(w) > 3 && w[len(w)-1] == 's' && !(w[len(w)-2] == 's' || w[len(w)-2] == 'i' || w[len(w)-2] == 'u')
	return !plural
}

// countNouns are nouns without a final s that follow counts ("2000 people").
var countNouns = map[string]bool{
	"people": true, "men": true, "women": true, "children": true,
	"police": true, "personnel": true, "staff": true, "strong": true,
	"times": true, "more": true, "fewer": true, "other": true, "new": true,
	"additional": true, "extra": true, "metres": true, "meters": true,
	"feet": true, "km": true, "kilometres": true, "miles": true, "per": true,
}

// eventNouns may follow "the <year>" ("the 2014 election").
var eventNouns = []string{
	"election", "elections", "invasion", "war", "summit", "coup", "referendum",
	"crisis", "protests", "uprising", "revolution", "agreement", "accord",
	"deal", "treaty", "attack", "attacks", "annexation", "olympics", "vote",
	"ceasefire", "truce", "offensive", "census", "budget", "campaign",
}

// season reads "spring 2014", "the summer of 2014": the value is the year.
func (p *parser) season(i int) (hit, bool) {
	k := i
	if p.isWord(k, "the") {
		k++
	}
	if t := p.tok(k); t == nil || t.kind != tWord || !seasons[t.low] {
		return hit{}, false
	}
	k++
	if p.isWord(k, "of") {
		k++
	}
	y, ok := p.yearNum(k)
	if !ok {
		return hit{}, false
	}
	return hit{end: k + 1, val: graph.YearOf(y), year: true}, true
}

// dayRangeEnd returns how many tokens at i close a span of days opened by
// day d ("20–21 November", "November 20-21": a dash and a later day),
// or 0; the span is dated by its first day.
func (p *parser) dayRangeEnd(i, d int) int {
	if !p.isPunct(i, "-", "–") || !p.touches(i+1) {
		return 0
	}
	t := p.tok(i + 1)
	if t == nil || t.kind != tNum || t.digits > 2 || t.num <= d || t.num > 31 || p.touchesWordOrDigit(i+2) {
		return 0
	}
	return 2
}
