package export

import (
	"fmt"
	"math"

	"github.com/geokg/geokg/graph"
)

// Filter selects the facts an export writes; every format applies it the
// same way. The zero Filter selects every fact.
type Filter struct {
	// At keeps the facts true on that day: a snapshot, with the same
	// semantics as `geokg query facts --at` (graph.Window, and a leader
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
	if err := f.window().Validate(); err != nil {
		return fmt.Errorf("%w: %w", ErrBadFilter, err)
	}
	switch {
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

// window returns the time the filter keeps.
func (f Filter) window() graph.Window {
	return graph.Window{At: f.At, From: f.From, To: f.To}
}

// timely reports whether fact g passes the time and confidence conditions
// (the predicate is checked by the store filter; the snapshot's
// supersession rule by Selection). The time rules are graph.Window's, the
// same as `geokg query facts` applies.
func (f Filter) timely(g graph.Fact) bool {
	if g.Confidence < f.MinConfidence {
		return false
	}
	if f.Predicate != "" && g.Predicate != f.Predicate {
		return false
	}
	return f.window().Holds(g)
}

// Uncertain reports whether fact g, kept by the filter's time condition,
// is kept only through a date known to a month or year, by the rule the
// query commands mark answers with (graph.Window's Verdict.Uncertain).
// Without a time condition nothing is uncertain.
func (f Filter) Uncertain(g graph.Fact) bool {
	_, v := f.window().Apply(g)
	return v.Uncertain
}
