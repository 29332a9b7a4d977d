package timex

import (
	"time"

	"github.com/geokg/geokg/graph"
)

// futureMonths is how far ahead of the reference date a month named without
// a year ("in June", "on April 7") may lie. News mostly reports the past, but
// announces near events: with a reference in March, "in May" and "in June" are
// this year's, "in July" and "in October" last year's. The window is the
// twelve months from futureMonths-11 to futureMonths months around ref.
const futureMonths = 3

// yearForMonth returns the year of month m named without a year, seen from
// ref: the one occurrence that lies no more than futureMonths months after
// ref's month and no more than 11-futureMonths months before it.
func yearForMonth(m time.Month, ref graph.Date) int {
	ahead := int(m) - int(ref.Month)
	switch {
	case ahead > futureMonths:
		return ref.Year - 1
	case ahead < futureMonths-11:
		return ref.Year + 1
	}
	return ref.Year
}

// refTime returns ref as a time, and whether ref has the precision needed for
// an expression of precision p counted from it.
func refTime(ref graph.Date, p graph.Precision) (time.Time, bool) {
	if ref.Precision < p {
		return time.Time{}, false
	}
	return ref.Time(), true
}

// lastWeekday returns the most recent day w on or before ref (strictly
// before when strict is set).
func lastWeekday(w time.Weekday, ref time.Time, strict bool) time.Time {
	back := (int(ref.Weekday()) - int(w) + 7) % 7
	if back == 0 && strict {
		back = 7
	}
	return ref.AddDate(0, 0, -back)
}

// comingWeekday returns the first day w on or after ref.
func comingWeekday(w time.Weekday, ref time.Time) time.Time {
	return ref.AddDate(0, 0, (int(w)-int(ref.Weekday())+7)%7)
}

// nextWeekday returns the first day w strictly after ref.
func nextWeekday(w time.Weekday, ref time.Time) time.Time {
	ahead := (int(w) - int(ref.Weekday()) + 7) % 7
	if ahead == 0 {
		ahead = 7
	}
	return ref.AddDate(0, 0, ahead)
}

// weekdayThisWeek returns day w of the Monday-to-Sunday week holding ref.
func weekdayThisWeek(w time.Weekday, ref time.Time) time.Time {
	monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, (int(w)+6)%7)
}

// weekSpan returns the coarsest date that holds the whole Monday-to-Sunday
// week that is offset weeks from the week of ref: a month when the week lies
// in one month, a year when it lies in one year, else the zero Date.
func weekSpan(ref time.Time, offset int) graph.Date {
	monday := ref.AddDate(0, 0, -((int(ref.Weekday())+6)%7)+7*offset)
	sunday := monday.AddDate(0, 0, 6)
	switch {
	case monday.Year() == sunday.Year() && monday.Month() == sunday.Month():
		return graph.MonthOf(monday.Year(), monday.Month())
	case monday.Year() == sunday.Year():
		return graph.YearOf(monday.Year())
	}
	return graph.Date{}
}

// addMonths returns the month n months after the month of ref.
func addMonths(ref graph.Date, n int) graph.Date {
	k := ref.Year*12 + int(ref.Month) - 1 + n
	return graph.MonthOf(floorDiv(k, 12), time.Month(k-12*floorDiv(k, 12)+1))
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

// validDay reports whether d is a day of month m of year y.
func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 {
		return false
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Day() == d
}
