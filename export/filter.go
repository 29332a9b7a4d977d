package export

import (
	"fmt"
	"math"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// Filter selects the facts an export writes; every format applies it the
// same way. The zero Filter selects every fact.
type Filter struct {
	// At keeps the facts true on that day: a snapshot, with the same
	// semantics as `geokg query facts --at` (queries.InForce, and a leader
	// followed in the same role by a later starter is no longer in force).
	At graph.Date
	// From and To keep the facts whose valid time overlaps the range, both
	// days inclusive; either may be zero (open). Events count when dated
	// inside the range.
	From, To graph.Date
	// Predicate keeps one predicate; "" keeps all.
	Predicate string
	// Entity keeps the neighbourhood of the entities this name resolves to
	// (through aliases): the facts reached from them in at most Hops steps
	// over facts that pass the other conditions.
	Entity string
	// Hops is the radius of the Entity neighbourhood; 0 means 1 (the facts
	// that name the entity).
	Hops int
	// MinConfidence drops facts whose confidence is below it.
	MinConfidence float64
}

// IsZero reports whether the filter selects every fact.
func (f Filter) IsZero() bool { return f == Filter{} }

// Validate reports a filter whose conditions contradict each other or name
// something unknown; the error wraps ErrBadFilter.
func (f Filter) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: "+format, append([]any{ErrBadFilter}, args...)...)
	}
	switch {
	case !f.At.IsZero() && (!f.From.IsZero() || !f.To.IsZero()):
		return bad("--at cannot be combined with --from/--to")
	case !f.From.IsZero() && !f.To.IsZero() && !f.To.Last().After(f.From.Time()):
		return bad("--from %s is after --to %s", f.From, f.To)
	case f.Predicate != "" && !graph.IsPredicate(f.Predicate):
		return bad("unknown predicate %q (one of %v)", f.Predicate, graph.Predicates)
	case f.Hops < 0:
		return bad("--hops must not be negative")
	case f.Hops > 0 && f.Entity == "":
		return bad("--hops needs --entity")
	case math.IsNaN(f.MinConfidence) || f.MinConfidence < 0 || f.MinConfidence > 1:
		return bad("--min-confidence %v is outside 0..1", f.MinConfidence)
	}
	return nil
}

// hops returns the neighbourhood radius.
func (f Filter) hops() int {
	if f.Hops < 1 {
		return 1
	}
	return f.Hops
}

// timely reports whether fact g passes the time and confidence conditions
// (the predicate is checked by the store filter; the snapshot's
// supersession rule by Selection).
func (f Filter) timely(g graph.Fact) bool {
	if g.Confidence < f.MinConfidence {
		return false
	}
	if f.Predicate != "" && g.Predicate != f.Predicate {
		return false
	}
	if !f.At.IsZero() {
		return queries.InForce(g, f.At)
	}
	if f.From.IsZero() && f.To.IsZero() {
		return true
	}
	return overlaps(g, f.From, f.To)
}

// overlaps reports whether g's valid time meets [from, to] (days
// inclusive, zero = open). Events use Fact.Overlaps. A state overlaps when
// it is in force on the first day of the range it can be in force on —
// the later of from and its start — and that day is inside the range; this
// asks queries.InForce, so an ended state without an end date is read the
// same way as by `query facts`.
func overlaps(f graph.Fact, from, to graph.Date) bool {
	if graph.IsEvent(f.Predicate) {
		return f.Overlaps(from, to)
	}
	for _, g := range queries.Terms(f) {
		if termOverlaps(g, from, to) {
			return true
		}
	}
	return false
}

// termOverlaps is overlaps for one term of a state.
func termOverlaps(g graph.Fact, from, to graph.Date) bool {
	d := from.Time()
	if !g.Start.IsZero() && g.Start.Time().After(d) {
		d = g.Start.Time()
	}
	if !to.IsZero() && !d.Before(to.Last()) {
		return false
	}
	return queries.InForce(g, graph.DateFromTime(d))
}

// Uncertain reports whether fact g, kept by the filter's time condition,
// is kept only through a date known to a month or year, by the rule the
// query commands mark answers with: at a snapshot (At), a state whose
// start, known to a month or year, may come after the day, or an event
// dated to a month or year that contains the day (queries.InForceAt); in
// a range (From, To), an event whose month or year reaches outside the
// range, or a state whose start, known to a month or year, may come after
// the range's last day. An end known to a month or year counts from its
// first day and never makes a kept fact uncertain. Without a time
// condition nothing is uncertain.
func (f Filter) Uncertain(g graph.Fact) bool {
	if !f.At.IsZero() {
		_, unsure := queries.InForceAt(g, f.At)
		return unsure
	}
	if f.From.IsZero() && f.To.IsZero() {
		return false
	}
	if graph.IsEvent(g.Predicate) {
		if g.Date.IsZero() {
			return false
		}
		return (!f.From.IsZero() && g.Date.Time().Before(f.From.Time())) ||
			(!f.To.IsZero() && g.Date.Last().After(f.To.Last()))
	}
	s := g.Start
	return !f.To.IsZero() && !s.IsZero() && s.Precision < graph.DayPrecision && s.Last().After(f.To.Last())
}
