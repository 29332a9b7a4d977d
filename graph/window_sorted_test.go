package graph

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestMayHoldSorted checks the row rule against Holds: a fact the window
// holds is never discarded by its predicate and sort time, and events
// far from the window are.
func TestMayHoldSorted(t *testing.T) {
	dates := []string{"2023", "2023-12", "2023-12-31", "2024", "2024-01", "2024-01-01", "2024-05", "2024-05-31", "2024-06", "2024-06-01", "2024-06-14", "2024-06-15", "2024-06-16", "2024-07", "2024-12-31", "2025", "2025-01-01"}
	windows := []Window{
		{At: d("2024-06-15")}, {At: d("2024-06")}, {At: d("2024")}, {At: d("2023-12-31")},
		{From: d("2024-06-01"), To: d("2024-06-30")}, {From: d("2024-06-15")}, {To: d("2024-01-01")},
		{From: d("2024-12-31"), To: d("2025-01-01")},
	}
	for _, w := range windows {
		for _, ds := range dates {
			ev := Fact{Predicate: Met, Date: d(ds)}
			if w.Holds(ev) {
				assert.True(t, w.MayHoldSorted(Met, SortTime(&ev)), "event on %s in %+v discarded", ds, w)
			}
			// An undated event sorts by its first report and is in no
			// dated window.
			undated := Fact{Predicate: Met, Sources: []Source{{Published: d(ds)}}}
			assert.False(t, w.Holds(undated))
			// A state sorted anywhere may hold (earlier terms, bounds).
			st := Fact{Predicate: Leads, Start: d(ds)}
			assert.True(t, w.MayHoldSorted(Leads, SortTime(&st)), "state")
		}
	}
	cases := []struct {
		name string
		w    Window
		date string
		may  bool
	}{
		{"the day after the window", Window{At: d("2024-06-15")}, "2024-06-16", false},
		{"the window's day", Window{At: d("2024-06-15")}, "2024-06-15", true},
		{"its month, which may hold it", Window{At: d("2024-06-15")}, "2024-06", true},
		{"its year", Window{At: d("2024-06-15")}, "2024", true},
		{"the year before", Window{At: d("2024-06-15")}, "2023", false},
		{"the day before", Window{At: d("2024-06-15")}, "2024-06-14", false},
		{"the first of the month: a month may start there", Window{At: d("2024-06-15")}, "2024-06-01", true},
		{"the first of the month before", Window{At: d("2024-06-15")}, "2024-05-01", false},
		{"the first of January: a year may start there", Window{At: d("2024-06-15")}, "2024-01-01", true},
		{"a day of the year before", Window{At: d("2024-06-15")}, "2023-06-14", false},
		{"a range's first day", Window{From: d("2024-06-01"), To: d("2024-06-30")}, "2024-06-01", true},
		{"the day before a range", Window{From: d("2024-06-01"), To: d("2024-06-30")}, "2024-05-31", false},
		{"after a range", Window{From: d("2024-06-01"), To: d("2024-06-30")}, "2024-07-01", false},
		{"open to the future", Window{From: d("2024-06-01")}, "2030-01-01", true},
		{"open to the past", Window{To: d("2024-06-01")}, "1990", true},
		{"as known: the date known then may differ", Window{At: d("2024-06-15"), AsKnown: d("2025-01-01")}, "2020", true},
	}
	for _, c := range cases {
		ev := Fact{Predicate: Met, Date: d(c.date)}
		assert.Equal(t, c.may, c.w.MayHoldSorted(Met, SortTime(&ev)), c.name)
	}
	assert.True(t, Window{}.MayHoldSorted(Met, SortTime(&Fact{Predicate: Met, Date: d("1900")})), "open window")
}

// TestEventSortRange checks that every event sort time MayHoldEventSorted
// accepts lies in EventSortRange, day by day over six years, for windows
// of a day, a month, a year and ranges open on either side, leap years
// included.
func TestEventSortRange(t *testing.T) {
	windows := []Window{
		{At: d("2024-06-15")}, {At: d("2024-03")}, {At: d("2024")}, {At: d("2025")},
		{From: d("2024-06-01"), To: d("2024-06-30")}, {From: d("2025-01-01")}, {To: d("2023-02-28")},
		{From: d("2024-12-31"), To: d("2025-01-01")},
	}
	start := time.Date(2021, time.January, 1, 0, 0, 0, 0, time.UTC)
	for _, w := range windows {
		from, to := w.EventSortRange()
		in := 0
		for day := start; day.Year() < 2027; day = day.AddDate(0, 0, 1) {
			if !w.MayHoldEventSorted(day) {
				continue
			}
			in++
			assert.False(t, !from.IsZero() && day.Before(from), "%s before the range of %+v (%s)", day, w, from)
			assert.False(t, !to.IsZero() && !day.Before(to), "%s after the range of %+v (%s)", day, w, to)
		}
		assert.Positive(t, in, "%+v", w)
	}
	from, to := Window{At: d("2024"), AsKnown: d("2025-01-01")}.EventSortRange()
	assert.True(t, from.IsZero() && to.IsZero(), "as known: any time")
}
