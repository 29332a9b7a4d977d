package graph

import "time"

// SortTime is when a fact took place or began, the key answers in time
// order (timelines) are sorted by, ties broken by fact id: its date, else
// its start, else its end, else when it was first reported
// (FirstPublished). An undated fact so sorts by the first publication of
// its live sources, and one with none of these at the zero time, first.
func SortTime(f *Fact) time.Time {
	switch {
	case !f.Date.IsZero():
		return f.Date.Time()
	case !f.Start.IsZero():
		return f.Start.Time()
	case !f.End.IsZero():
		return f.End.Time()
	}
	return FirstPublished(f).Time()
}
