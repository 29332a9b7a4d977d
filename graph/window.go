package graph

import (
	"errors"
	"fmt"
	"time"
)

// Window is the time a question is about, and the one home of the rules
// that say what is in force in it. It holds two times:
//
//   - valid time, when something was true: the day At, or else the days
//     From..To (both inclusive, either open). The zero valid time holds
//     every fact.
//   - transaction time, what geokg knew: AsKnown, the day by whose end a
//     source must have been recorded, and not yet withdrawn by an update
//     of its article, to count (zero: every live source).
//
// Apply decides valid time; Known reads a fact as known on AsKnown. A
// caller answering as known reads each fact through Known, infers the ends
// of their groups again over the facts as then known (InferEnds), and then
// asks Apply.
//
// The rules, for one term of a fact (see Fact.Terms; a fact is in force
// when one of its terms is, the latest first):
//
//   - A state holds from its Start to its End (exclusive); an unknown bound
//     is open, and a state known to be over without an end date ends by its
//     first publication (EndBound).
//   - An inferred end that is only an upper bound (EndBy: another holder
//     first reported in office then) places the term's end no more than a
//     "former" does: before it, the term is in force surely only up to the
//     last report of it as current (the day of that report included), and
//     uncertainly after, until the bound. (Before its first report a term
//     whose start is unknown is uncertain anyway, see below.)
//   - A term whose start is unknown but bounded below (StartAfter: another
//     holder of a single-holder place took office then, before the term
//     was first reported) is in no window that ends before that bound;
//     from it up to its first report it is in force uncertainly.
//   - A term called over ("former prime minister") whose start is unknown
//     is not placed by its report: it ended before the article, but nobody
//     says when it held. It is in force only where an end stated or
//     inferred (a successor's start) places it — before that end, and then
//     uncertainly; known only from "former", in no dated window. A bound known only to a month or year
//     counts from its first day: a term starting 2024-10 is not in force on
//     2024-09-15, and is on 2024-10-15, uncertainly (it may have started
//     later that month).
//   - An event is in force (took place) on the days of its Date's period:
//     at a day inside the period, uncertainly when the period is coarser
//     than the day asked; a query date of a month or year matches an event
//     inside it.
//   - In a range, a state is in force when it is on some day of the range,
//     uncertainly when its start, known to a month or year, reaches past
//     the range's last day; an event when its period meets the range,
//     uncertainly when the period reaches outside it.
type Window struct {
	// At is the day (or month, or year) asked about; when set, From and To
	// are not read.
	At Date
	// From and To bound the range asked about, both inclusive; a zero bound
	// is open.
	From, To Date
	// AsKnown answers with only the sources recorded by the end of that day
	// (see Known); zero means every source.
	AsKnown Date
}

// Verdict is what a Window says of one fact.
type Verdict struct {
	// In reports whether the fact is in force in the window (an event: took
	// place in it).
	In bool
	// Term is the term in force, with its bounds as the fact states or
	// infers them (the End of a term known only to be over stays unknown);
	// zero for events. With an open window it is the latest term.
	Term Term
	// Uncertain reports that the fact is in force only through a date known
	// to a month or year that the window does not settle.
	Uncertain bool
}

// ErrBadWindow is returned by Window.Validate for a window whose bounds
// contradict each other.
var ErrBadWindow = errors.New("bad time window")

// Validate reports a window no fact can be in: From later than To (both
// inclusive days, so From and To may be the same day), or At combined
// with From/To. The error wraps ErrBadWindow and names the flags.
func (w Window) Validate() error {
	switch {
	case !w.At.IsZero() && (!w.From.IsZero() || !w.To.IsZero()):
		return fmt.Errorf("%w: --at cannot be combined with --from/--to", ErrBadWindow)
	case !w.From.IsZero() && !w.To.IsZero() && !w.To.Last().After(w.From.Time()):
		return fmt.Errorf("%w: --from %s is after --to %s", ErrBadWindow, w.From, w.To)
	}
	return nil
}

// IsOpen reports whether the window sets no valid time, so that every fact
// is in force in it.
func (w Window) IsOpen() bool { return w.At.IsZero() && w.From.IsZero() && w.To.IsZero() }

// Apply says whether f is in force in the window's valid time, in which
// term and how surely (see Window). It returns f shown with the bounds of
// that term — Start, End and Ended of the term, no EarlierTerms — or f
// unchanged when the window is open or f is not in force. AsKnown is not
// read: pass a fact as known (Known).
func (w Window) Apply(f Fact) (Fact, Verdict) {
	if w.IsOpen() {
		v := Verdict{In: true}
		if !IsEvent(f.Predicate) {
			v.Term = Term{Start: f.Start, End: f.End}
		}
		return f, v
	}
	for i, g := range f.Terms() {
		// former: the term is known only as over, no source presenting it
		// in force; bound: its end is only the first publication of a
		// source calling it so.
		former, bound := g.Ended && !reportedCurrent(&g), g.End.IsZero()
		if i > 0 {
			former, bound = f.EarlierTerms[i-1].Over, true
		}
		if in, unsure := w.term(&g, former, bound); in {
			v := Verdict{In: true, Uncertain: unsure}
			if !IsEvent(g.Predicate) {
				v.Term = Term{Start: g.Start, End: g.End}
			}
			return g, v
		}
	}
	return f, Verdict{}
}

// Holds reports whether f is in force in the window's valid time (Apply's
// Verdict.In).
func (w Window) Holds(f Fact) bool {
	_, v := w.Apply(f)
	return v.In
}

// MayHold reports whether f, as the store holds it (with all its sources),
// may be in force in the window: always when AsKnown is set, since the
// bounds known then may differ, else when Holds. Queries ask it to keep
// only the facts they may need before reading them as known.
func (w Window) MayHold(f Fact) bool {
	return !w.AsKnown.IsZero() || w.Holds(f)
}

// KnownCutoff returns the last instant of day AsKnown: the sources
// recorded by then were known "as of" it. It is the zero time when AsKnown
// is not set.
func (w Window) KnownCutoff() time.Time {
	if w.AsKnown.IsZero() {
		return time.Time{}
	}
	return w.AsKnown.Last().Add(-time.Nanosecond)
}

// Known returns f as it was known by the end of day AsKnown: only its
// sources recorded by then and not withdrawn by then (Fact.KnownAt), its qualifiers derived from their claims alone
// (Fact.KnownAt); ok is false when none had been recorded. Inferred ends
// are cleared: infer them again over the known facts (InferEnds). Without
// AsKnown it returns f unchanged.
func (w Window) Known(f Fact) (Fact, bool) {
	if w.AsKnown.IsZero() {
		return f, true
	}
	return f.KnownAt(w.KnownCutoff())
}

// term reports whether one term of a fact (no EarlierTerms) is in force in
// the window, which sets a valid time, and whether that is uncertain;
// former says that the term is known only as over, and bound that its end
// is then only the first publication of a source calling it so.
func (w Window) term(f *Fact, former, bound bool) (in, uncertain bool) {
	if IsEvent(f.Predicate) {
		if f.Date.IsZero() {
			return false, false
		}
		if !w.At.IsZero() {
			return f.Date.Time().Before(w.At.Last()) && w.At.Time().Before(f.Date.Last()),
				f.Date.Time().Before(w.At.Time()) || f.Date.Last().After(w.At.Last())
		}
		if (!w.From.IsZero() && !f.Date.Last().After(w.From.Time())) || (!w.To.IsZero() && !f.Date.Time().Before(w.To.Last())) {
			return false, false
		}
		return true, (!w.From.IsZero() && f.Date.Time().Before(w.From.Time())) || (!w.To.IsZero() && f.Date.Last().After(w.To.Last()))
	}
	start, end := f.Start, f.EndBound()
	// formerOnly: a term called over whose start is unknown; it is placed
	// in time only by an end other than its report (stated or inferred),
	// and then uncertainly.
	formerOnly := start.IsZero() && former
	if formerOnly && bound {
		// Over by its first report, in force at some unknown time before
		// it: only a window open to the past that reaches the report
		// holds it ("who was …" before a date), uncertainly.
		reaches := w.At.IsZero() && w.From.IsZero() && !w.To.IsZero() && !end.IsZero() && !end.Time().After(w.To.Last())
		return reaches, reaches
	}
	// A term whose start is unknown but bounded below (StartAfter: another
	// holder took office then) is in no window that ends before that day.
	if after := f.StartAfter; start.IsZero() && !after.IsZero() {
		if (!w.At.IsZero() && !w.At.Last().After(after.Time())) || (w.At.IsZero() && !w.To.IsZero() && !w.To.Last().After(after.Time())) {
			return false, false
		}
	}
	coarse := !start.IsZero() && start.Precision < DayPrecision
	// day is the first day of the window the state can be in force on.
	day, last := w.At.Time(), w.At.Time()
	if w.At.IsZero() {
		day = w.From.Time()
		if !start.IsZero() && start.Time().After(day) {
			day = start.Time()
		}
		if !w.To.IsZero() {
			if last = w.To.Last(); !day.Before(last) {
				return false, false
			}
		}
	}
	if (!start.IsZero() && day.Before(start.Time())) || (!end.IsZero() && !day.Before(end.Time())) {
		return false, false
	}
	if formerOnly {
		return true, true
	}
	// An end that is only a bound (EndBy) says the term was over by then,
	// not when it ended: it is known to hold up to its last report as
	// current, and after that only possibly.
	byUnsure := f.EndBy && !day.Before(LastReported(f).Last())
	// A term whose start nobody states is known to be in force only from
	// its first report on: before that, it may not have begun.
	if start.IsZero() {
		if first := FirstPublished(f); !first.IsZero() {
			probe := day
			if w.At.IsZero() {
				probe = last
			}
			if (w.At.IsZero() && w.To.IsZero()) || !probe.Before(first.Time()) {
				return true, byUnsure
			}
			return true, true
		}
	}
	if !w.At.IsZero() {
		return true, byUnsure || (coarse && day.Before(start.Last()))
	}
	return true, byUnsure || (!w.To.IsZero() && coarse && start.Last().After(last))
}

// LastReported returns the latest publication of a live source of state f
// that presents it as in force (see reportedCurrent), or the unknown date:
// the last report of f as current, which the time rules read (an
// inferred end's uncertainty, another holder's start bound).
func LastReported(f *Fact) Date {
	var last Date
	for _, s := range f.Sources {
		if !s.IsWithdrawn() && !s.Ended && s.End.IsZero() && !s.Published.IsZero() && (last.IsZero() || last.Before(s.Published)) {
			last = s.Published
		}
	}
	return last
}

// EndBound returns the end a state is read with: its End, stated or
// inferred; else, for a state known to be over (Ended), the first
// publication of a source calling it over (of any source when none is
// marked so), by which it had ended; else the unknown date. Events have
// no end.
func (f *Fact) EndBound() Date {
	if IsEvent(f.Predicate) || !f.End.IsZero() || !f.Ended {
		return f.End
	}
	var first Date
	for _, s := range f.Sources {
		if s.Ended && !s.Published.IsZero() && (first.IsZero() || s.Published.Before(first)) {
			first = s.Published
		}
	}
	if first.IsZero() {
		return FirstPublished(f)
	}
	return first
}

// reportedCurrent reports whether some source of state f presents it as
// in force when published: one whose claim states no end and does not
// call it over.
func reportedCurrent(f *Fact) bool {
	for _, s := range f.Sources {
		if !s.Ended && s.End.IsZero() && !s.Published.IsZero() {
			return true
		}
	}
	return false
}

// Terms returns f as one fact per term, none with EarlierTerms: f itself
// (its latest term), then, for a state its sources describe as several
// terms, f with the bounds of each earlier term (EarlierTerms), earliest
// first. An earlier term has no inferred end, and is Ended when it is Over
// (its End is then the upper bound its sources give).
func (f Fact) Terms() []Fact {
	if len(f.EarlierTerms) == 0 {
		return []Fact{f}
	}
	cur := f
	cur.EarlierTerms = nil
	out := []Fact{cur}
	for _, t := range f.EarlierTerms {
		g := f
		g.Start, g.End, g.Ended, g.EndInferredFrom, g.EndBy, g.StartAfter, g.EarlierTerms = t.Start, t.End, t.Over, "", false, Date{}, nil
		out = append(out, g)
	}
	return out
}

// MayHoldSorted reports whether a fact of predicate pred whose sort time
// (SortTime) is t may be in force in the window, as far as those two
// tell, so that an index row holding them can spare reading the fact:
// false only when the fact surely is not. An event's sort time is the
// first instant of its date's period (Date.Time), which lasts a day when
// t is not the first of a month, at most a month when it is not the
// first of January, and at most a year otherwise; so an event sorted at
// or after the window's last day, or whose longest period from t ends by
// the window's first, is not in it. An undated event (sorted by its
// first report) is in no dated window, so that holds of it too. A state
// may have earlier terms before its sort time and bounds only its record
// tells: it may always hold. So may every fact when AsKnown is set (the
// date known then may differ) or the window is open.
func (w Window) MayHoldSorted(pred string, t time.Time) bool {
	if w.IsOpen() || !w.AsKnown.IsZero() || !IsEvent(pred) {
		return true
	}
	return w.MayHoldEventSorted(t)
}

// MayHoldEventSorted is MayHoldSorted for an event: whether an event whose
// sort time is t may be in force in the window, which sets a valid time
// (true when it is open or AsKnown is set).
func (w Window) MayHoldEventSorted(t time.Time) bool {
	if w.IsOpen() || !w.AsKnown.IsZero() {
		return true
	}
	first, last := w.bounds()
	if !last.IsZero() && !t.Before(last.Last()) {
		return false
	}
	return first.IsZero() || longestPeriodEnd(t).After(first.Time())
}

// EventSortRange returns a range of sort times, from (included) to to
// (excluded), outside which no event is in force in the window, which
// sets a valid time (MayHoldEventSorted is false there): a zero bound is
// open. An index in time order reads that range, then asks
// MayHoldEventSorted of each row. With AsKnown set, or an open window,
// both are zero.
func (w Window) EventSortRange() (from, to time.Time) {
	if w.IsOpen() || !w.AsKnown.IsZero() {
		return time.Time{}, time.Time{}
	}
	first, last := w.bounds()
	if !first.IsZero() {
		// The longest period, a year, ends at most 366 days after t.
		from = first.Time().AddDate(0, 0, -367)
	}
	if !last.IsZero() {
		to = last.Last()
	}
	return from, to
}

// bounds returns the first and last periods of a window that sets a
// valid time: At for both, else From and To (either may be zero).
func (w Window) bounds() (first, last Date) {
	if !w.At.IsZero() {
		return w.At, w.At
	}
	return w.From, w.To
}

// longestPeriodEnd returns the latest end (Date.Last) a date whose first
// instant is t can have: a day, a month or a year after it, as t allows.
func longestPeriodEnd(t time.Time) time.Time {
	switch {
	case t.Day() != 1:
		return t.AddDate(0, 0, 1)
	case t.Month() != time.January:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(1, 0, 0)
}
