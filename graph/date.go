package graph

import (
	"fmt"
	"strings"
	"time"
)

// Precision says how much of a Date is known.
type Precision int

// The precisions a date can have, from none to a full calendar day.
const (
	NoPrecision Precision = iota
	YearPrecision
	MonthPrecision
	DayPrecision
)

// String names the precision as written in exports ("year", "month", "day").
func (p Precision) String() string {
	switch p {
	case YearPrecision:
		return "year"
	case MonthPrecision:
		return "month"
	case DayPrecision:
		return "day"
	}
	return ""
}

// Date is a calendar date known to a precision: 2024, 2024-10 or 2024-10-01.
// The zero Date is unknown. Fields below the precision are 1 (month, day).
type Date struct {
	Year      int
	Month     time.Month
	Day       int
	Precision Precision
}

// MinYear and MaxYear bound the years a Date can have: the ones its ISO
// form (four digits) writes and reads back. A Date outside them is not
// Valid and is never stored.
const (
	MinYear = 1
	MaxYear = 9999
)

// NewDate returns the date y-m-d known to precision p (fields below p are
// ignored and set to 1), normalizing a day past the month's end as DayOf
// does. It is the checked constructor: a date outside years
// MinYear–MaxYear, or a precision that is not one of the known ones, is
// an error wrapping ErrDateRange (or ErrBadDate) and the zero Date.
func NewDate(y int, m time.Month, d int, p Precision) (Date, error) {
	var v Date
	switch p {
	case NoPrecision:
		return Date{}, nil
	case YearPrecision:
		v = YearOf(y)
	case MonthPrecision:
		if m < time.January || m > time.December {
			return Date{}, fmt.Errorf("%w: month %d", ErrBadDate, m)
		}
		v = MonthOf(y, m)
	case DayPrecision:
		v = DayOf(y, m, d)
	default:
		return Date{}, fmt.Errorf("%w: precision %d", ErrBadDate, p)
	}
	if !v.Valid() {
		return Date{}, fmt.Errorf("%w: year %d", ErrDateRange, v.Year)
	}
	return v, nil
}

// Valid reports whether the date can be stored and read back: unknown,
// or a real calendar date in years MinYear–MaxYear at a known precision.
// DayOf, MonthOf, YearOf and DateFromTime compute dates (a reference
// date plus an offset) without checking; whatever they return is checked
// with Valid (or built with NewDate) before it is kept.
func (d Date) Valid() bool {
	switch d.Precision {
	case NoPrecision:
		return d == Date{}
	case YearPrecision, MonthPrecision, DayPrecision:
	default:
		return false
	}
	if d.Year < MinYear || d.Year > MaxYear || d.Month < time.January || d.Month > time.December {
		return false
	}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	return t.Day() == d.Day && t.Month() == d.Month
}

// DayOf returns a Date at day precision, normalizing a day past the
// month's end (2024-02-30 is 2024-03-01). It does not check the year:
// see Valid.
func DayOf(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: t.Month(), Day: t.Day(), Precision: DayPrecision}
}

// MonthOf returns a Date at month precision. It does not check the year:
// see Valid.
func MonthOf(y int, m time.Month) Date {
	return Date{Year: y, Month: m, Day: 1, Precision: MonthPrecision}
}

// YearOf returns a Date at year precision. It does not check the year:
// see Valid.
func YearOf(y int) Date { return Date{Year: y, Month: time.January, Day: 1, Precision: YearPrecision} }

// DateFromTime returns the calendar day of t (in t's location) at day
// precision. It does not check the year: see Valid.
func DateFromTime(t time.Time) Date { return DayOf(t.Year(), t.Month(), t.Day()) }

// coarser returns the date at precision p (coarser than d's) whose
// period holds d: its year or its month.
func (d Date) coarser(p Precision) Date {
	switch p {
	case YearPrecision:
		return YearOf(d.Year)
	case MonthPrecision:
		return MonthOf(d.Year, d.Month)
	}
	return d
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == NoPrecision }

// String writes the date in ISO form at its precision, or "" when unknown.
func (d Date) String() string {
	switch d.Precision {
	case YearPrecision:
		return fmt.Sprintf("%04d", d.Year)
	case MonthPrecision:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	case DayPrecision:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	return ""
}

// Time returns the first instant of the date in UTC (zero time when unknown).
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// Last returns the first instant after the period the date covers:
// 2024-10 covers October, so Last is 2024-11-01.
func (d Date) Last() time.Time {
	t := d.Time()
	switch d.Precision {
	case YearPrecision:
		return t.AddDate(1, 0, 0)
	case MonthPrecision:
		return t.AddDate(0, 1, 0)
	case DayPrecision:
		return t.AddDate(0, 0, 1)
	}
	return t
}

// MarshalText writes the ISO form.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO form (see ParseDate).
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ParseDate reads "2024", "2024-10", "2024-10-01" and RFC 3339 timestamps
// ("2024-10-01T08:00:00Z"; the calendar day as written is kept). An empty
// string is the unknown date. A date outside years MinYear–MaxYear (such
// as "0000-01-01") is an error wrapping ErrDateRange.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	layouts := []struct {
		layout string
		p      Precision
	}{
		{"2006-01-02", DayPrecision},
		{"2006-01", MonthPrecision},
		{"2006", YearPrecision},
		{time.RFC3339, DayPrecision},
		{"2006-01-02T15:04:05", DayPrecision},
		{"2006-01-02 15:04:05", DayPrecision},
		{"2006-01-02T15:04", DayPrecision},
		{time.RFC1123Z, DayPrecision},
		{time.RFC1123, DayPrecision},
		{"Mon, 2 Jan 2006 15:04:05 -0700", DayPrecision},
		{"Mon, 2 Jan 2006 15:04:05 MST", DayPrecision},
		{"January 2, 2006", DayPrecision},
		{"2 January 2006", DayPrecision},
		{"Jan 2, 2006", DayPrecision},
		{"2006/01/02", DayPrecision},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			d, err := NewDate(t.Year(), t.Month(), t.Day(), l.p)
			if err != nil {
				return Date{}, fmt.Errorf("%w: %q", err, s)
			}
			return d, nil
		}
	}
	return Date{}, fmt.Errorf("%w: %q (want YYYY, YYYY-MM or YYYY-MM-DD)", ErrBadDate, s)
}

// Before reports whether the period of d starts before the period of e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// MorePrecise reports whether d is known to a finer precision than e.
func (d Date) MorePrecise(e Date) bool { return d.Precision > e.Precision }
