package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

var (
	// pastAccount is a verb of a finished act ("was sworn in", "joined",
	// "left", "became"): a sentence holding one tells what happened.
	pastAccount = lazyRegexp(`(?i)\b(?:was|were|did|had|[a-z]{2,}ed|became|began|won|took|left|met|held|spoke|made|went|came|gave|fell|rose|lost|chose|swore|quit|led|ran|told)\b`)
	// notPastAccount marks a sentence that announces, plans or supposes
	// ("will take office in January", "is expected to", "is slated to",
	// "is to visit", "due in March", "next month"): its months may lie
	// ahead of the publication date.
	notPastAccount = lazyRegexp(`(?i)\b(?:will|would|'ll|shall|could|may|might|can|must|should|expected|scheduled|slated|poised|planned|plans?|intends?|due|set to|to be|(?:is|are) to|next|coming|upcoming|ahead|until)\b`)
	// thatYearRe follows a month or day named without a year that is in
	// the year the story is in: "in July that year", "on 24 May of that
	// year", "in January of the same year".
	thatYearRe = lazyRegexp(`^,? (?:of )?(?:that|the same) year\b`)
	// namedYear is a year written in a time expression.
	namedYear = lazyRegexp(`\b\d{4}\b`)
	// monthName is a month written in a time expression (not "on Friday"
	// or "last week", which the calendar never puts ahead of a past act).
	monthName = lazyRegexp(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b`)
)

// pastMonths moves to the year before a month or day named without a year
// ("In January", "on 29 January") that the calendar window put after the
// publication date, when its sentence tells a finished past act, announces
// nothing and writes no date of its own after the publication: a review of the year published on 30 December says
// "In January, X was sworn in" of the January just gone, not the one to
// come.
func pastMonths(s string, exprs []timex.Expr, pub graph.Date) {
	if pub.Precision != graph.DayPrecision || !slices.ContainsFunc(exprs, func(e timex.Expr) bool { return movable(e, pub) }) ||
		!pastAccount.MatchString(s) || notPastAccount.MatchString(s) {
		return // the sentence's expressions are read first: most have no month ahead to move
	}
	for _, e := range exprs {
		if namedYear.MatchString(e.Text) && e.Value.Valid() && !e.Value.IsZero() && pub.Before(e.Value) {
			return // "took over on October 1, 2024, visited Rome in October" (published in September)
		}
	}
	for i := range exprs {
		e := &exprs[i]
		v := e.Value
		if !movable(*e, pub) {
			continue
		}
		prev, err := graph.NewDate(v.Year-1, v.Month, v.Day, v.Precision)
		if err != nil {
			continue
		}
		e.Value = prev
	}
}

// movable reports whether e is a month or day named without a year that
// the calendar window put after pub.
func movable(e timex.Expr, pub graph.Date) bool {
	v := e.Value
	return e.Relative && v.Precision >= graph.MonthPrecision && startsAfter(v, pub) &&
		!namedYear.MatchString(e.Text) && monthName.MatchString(e.Text)
}

// startsAfter reports whether all of v lies after pub (a month after pub's
// month, a day after pub).
func startsAfter(v, pub graph.Date) bool { return graph.PlannedFor(v, pub) }

// thatYear puts a month or day named without a year and followed by
// "that year" ("who had taken office in January that year", "took office
// on 24 May of that year") in the year the story is in: the last year
// written before it in its sentence, else story (the last year the
// article wrote before the sentence, 0 if none). Without either it dates
// nothing: the calendar window around the publication date would put a
// feature's 2021 in the year it is published.
func thatYear(s string, exprs []timex.Expr, story int) {
	for i := range exprs {
		e := &exprs[i]
		if !e.Relative || e.Value.Precision < graph.MonthPrecision || namedYear.MatchString(e.Text) ||
			!monthName.MatchString(e.Text) || !thatYearRe.MatchString(s[e.End:]) {
			continue
		}
		y := story
		for _, p := range exprs[:i] {
			if !p.Value.IsZero() && namedYear.MatchString(p.Text) {
				y = p.Value.Year
			}
		}
		v := e.Value
		e.Value = graph.Date{}
		if y == 0 {
			continue
		}
		if in, err := graph.NewDate(y, v.Month, v.Day, v.Precision); err == nil {
			e.Value = in
		}
	}
}

// storyYearOf returns the last year written in units (an explicit year,
// not one the calendar window chose), or story when they write none.
func storyYearOf(units []*unit, story int) int {
	for _, u := range units {
		if u.kind == kDate && u.expr != nil && !u.expr.Value.IsZero() && namedYear.MatchString(u.expr.Text) {
			story = u.expr.Value.Year
		}
	}
	return story
}

// storyMonths puts a month or day named without a year in the year of
// the last month or day written with a year before it, in its sentence
// or else in the sentence before in its paragraph (prev), when it comes
// later in that year and its sentence tells a finished past act: "… was
// appointed envoy in August 2019. She arrived in Aden in September" is
// September 2019 in a piece published in 2026, not the September before
// publication. A month not after that one is left to the calendar window
// ("in March 2025. In January, …").
func storyMonths(s string, exprs []timex.Expr, prev graph.Date) {
	if !slices.ContainsFunc(exprs, bareMonth) || prev.IsZero() && !slices.ContainsFunc(exprs, func(e timex.Expr) bool { return namedYear.MatchString(e.Text) }) {
		return // most sentences: no month without a year, or no year to put it in
	}
	if words := withoutExprs(s, exprs); !pastAccount.MatchString(words) || notPastAccount.MatchString(words) {
		return
	}
	for i := range exprs {
		e := &exprs[i]
		if namedYear.MatchString(e.Text) {
			if prev = e.Value; prev.Precision < graph.MonthPrecision {
				return // "In 2020, …, in September": leave it
			}
			continue
		}
		if !laterInYear(*e, prev) {
			continue
		}
		if v, err := graph.NewDate(prev.Year, e.Value.Month, e.Value.Day, e.Value.Precision); err == nil {
			e.Value = v
		}
	}
}

// laterInYear reports whether e is a month or day named without a year
// that falls in a month after prev's, which the calendar window put in a
// later year than prev's.
func laterInYear(e timex.Expr, prev graph.Date) bool {
	v := e.Value
	return !prev.IsZero() && v.Year > prev.Year && v.Month > prev.Month && bareMonth(e)
}

// bareMonth reports whether e is a month or day named without a year
// ("in September", "on 14 October").
func bareMonth(e timex.Expr) bool {
	return e.Relative && e.Value.Precision >= graph.MonthPrecision && !namedYear.MatchString(e.Text) && monthName.MatchString(e.Text)
}

// withoutExprs returns s without its time expressions: the words that
// tell the tense ("in May 2022" is no modal "may").
func withoutExprs(s string, exprs []timex.Expr) string {
	var sb strings.Builder
	at := 0
	for _, e := range exprs {
		if e.Start >= at && e.End <= len(s) {
			sb.WriteString(s[at:e.Start])
			at = e.End
		}
	}
	sb.WriteString(s[at:])
	return sb.String()
}

// lastWrittenMonth returns the last month or day units write with its
// year ("in August 2019"), or the zero date.
func lastWrittenMonth(units []*unit) graph.Date {
	var last graph.Date
	for _, u := range units {
		if u.kind == kDate && u.expr != nil && u.expr.Value.Precision >= graph.MonthPrecision && namedYear.MatchString(u.expr.Text) {
			last = u.expr.Value
		}
	}
	return last
}
