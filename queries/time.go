package queries

import (
	"context"
	"sort"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// Time rules shared by the queries: valid time with precision (InForceAt,
// overlaps) and transaction time (asKnown).

// InForceAt reports whether f held on day d and whether that answer is
// uncertain. An unknown bound is open; End is exclusive; a state known to
// be over without an end date ends by the first time a source reported it.
// A bound known only to a month or year counts from its first day, so a
// term that starts "2024-10" is not in force at 2024-09-15 and is in force
// at 2024-10-15 — uncertainly, since it may have started later that month.
// An event dated "2024-10" is in force (happened) on any day of October,
// uncertainly; a query date of a month or year matches an event inside it.
func InForceAt(f graph.Fact, d graph.Date) (in, uncertain bool) {
	for _, g := range Terms(f) {
		if in, uncertain = inForceAt(g, d); in {
			return in, uncertain
		}
	}
	return false, false
}

// Terms returns f as one fact per term, none with EarlierTerms: f itself
// (its latest term), then, for a state its sources describe as several
// terms, f with the bounds of each earlier term (graph.Fact.EarlierTerms).
func Terms(f graph.Fact) []graph.Fact {
	if len(f.EarlierTerms) == 0 {
		return []graph.Fact{f}
	}
	cur := f
	cur.EarlierTerms = nil
	out := []graph.Fact{cur}
	for _, t := range f.EarlierTerms {
		g := f
		g.Start, g.End, g.Ended, g.EndInferredFrom, g.EarlierTerms = t.Start, t.End, false, "", nil
		out = append(out, g)
	}
	return out
}

// inForceAt is InForceAt for one term.
func inForceAt(f graph.Fact, d graph.Date) (in, uncertain bool) {
	if graph.IsEvent(f.Predicate) {
		if f.Date.IsZero() || !periodsMeet(f.Date, d) {
			return false, false
		}
		return true, !within(f.Date, d.Time(), d.Last())
	}
	g := withKnownEnd(f)
	if !g.Contains(d) {
		return false, false
	}
	t := d.Time()
	coarse := !g.Start.IsZero() && g.Start.Precision < graph.DayPrecision &&
		!t.Before(g.Start.Time()) && t.Before(g.Start.Last())
	return true, coarse
}

// InForce reports whether f held on day d (see InForceAt).
func InForce(f graph.Fact, d graph.Date) bool {
	in, _ := InForceAt(f, d)
	return in
}

// overlaps reports whether f's valid time meets the days from..to (a zero
// bound is open; events dated inside), and whether that is uncertain: an
// event whose date is coarser than the range and not inside it, or a term
// whose coarse start straddles the end of the range.
func overlaps(f graph.Fact, from, to graph.Date) (in, uncertain bool) {
	for _, g := range Terms(f) {
		if in, uncertain = overlapsTerm(g, from, to); in {
			return in, uncertain
		}
	}
	return false, false
}

// overlapsTerm is overlaps for one term.
func overlapsTerm(f graph.Fact, from, to graph.Date) (in, uncertain bool) {
	g := withKnownEnd(f)
	if !g.Overlaps(from, to) {
		return false, false
	}
	lo, hi := from.Time(), to.Last()
	if graph.IsEvent(f.Predicate) {
		return true, (!from.IsZero() && f.Date.Time().Before(lo)) || (!to.IsZero() && f.Date.Last().After(hi))
	}
	s := g.Start
	return true, !to.IsZero() && !s.IsZero() && s.Precision < graph.DayPrecision && s.Last().After(hi)
}

// periodsMeet reports whether the periods of two known dates overlap.
func periodsMeet(a, b graph.Date) bool {
	return a.Time().Before(b.Last()) && b.Time().Before(a.Last())
}

// within reports whether date d's period lies inside [lo, hi).
func within(d graph.Date, lo, hi time.Time) bool {
	return !d.Time().Before(lo) && !d.Last().After(hi)
}

// withKnownEnd returns f with End set to the earliest publication date of
// its sources when f is known to be over but its end is unknown.
func withKnownEnd(f graph.Fact) graph.Fact {
	if graph.IsEvent(f.Predicate) || !f.Ended || !f.End.IsZero() {
		return f
	}
	f.End = firstPublished(f)
	return f
}

// firstPublished returns the earliest publication date of f's sources.
func firstPublished(f graph.Fact) graph.Date {
	var first graph.Date
	for _, s := range f.Sources {
		if !s.Published.IsZero() && (first.IsZero() || s.Published.Before(first)) {
			first = s.Published
		}
	}
	return first
}

// knownCutoff is the last instant of day d: what was recorded by then was
// known "as of" d.
func knownCutoff(d graph.Date) time.Time { return d.Last().Add(-time.Nanosecond) }

// asKnown returns facts as the graph knew them at the end of day d: each
// fact with only the sources recorded by then and its qualifiers derived
// from their claims (graph.Fact.KnownAt), facts not yet known dropped, and
// the inferred ends of states recomputed over their whole groups as then
// known (graph.InferEnds). A zero d returns facts unchanged.
func (e *Engine) asKnown(ctx context.Context, facts []graph.Fact, d graph.Date) ([]graph.Fact, error) {
	if d.IsZero() {
		return facts, nil
	}
	cut := knownCutoff(d)
	inferred := map[string]graph.Fact{} // by fact id, for facts in groups
	done := map[string]bool{}           // group keys computed
	var out []graph.Fact
	for _, f := range facts {
		k, ok := f.KnownAt(cut)
		if !ok {
			continue
		}
		key := graph.GroupKey(&k)
		if key != "" && !done[key] {
			done[key] = true
			if err := e.inferGroup(ctx, k, key, cut, inferred); err != nil {
				return nil, err
			}
		}
		if g, ok := inferred[k.ID]; ok {
			k = g
		}
		out = append(out, k)
	}
	return out, nil
}

// inferGroup loads group key (of which rep is a member) and the
// "succeeded" events between its members as known at cut, infers their
// ends, and records the members in into.
func (e *Engine) inferGroup(ctx context.Context, rep graph.Fact, key string, cut time.Time, into map[string]graph.Fact) error {
	filter := store.FactFilter{Objects: []string{rep.Object}, Predicate: rep.Predicate}
	if rep.Predicate == graph.HasTarget {
		filter = store.FactFilter{Subjects: []string{rep.Subject}, Predicate: rep.Predicate}
	}
	var members []graph.Fact
	subjects := map[string]bool{}
	err := e.store.Facts(ctx, filter, func(f graph.Fact) error {
		if graph.GroupKey(&f) != key {
			return nil
		}
		if k, ok := f.KnownAt(cut); ok {
			members = append(members, k)
			subjects[k.Subject] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	all := members
	if rep.Predicate != graph.HasTarget && len(subjects) > 1 {
		ids := make([]string, 0, len(subjects))
		for s := range subjects {
			ids = append(ids, s)
		}
		sort.Strings(ids)
		err := e.store.Facts(ctx, store.FactFilter{Subjects: ids, Objects: ids, Predicate: graph.Succeeded}, func(f graph.Fact) error {
			if k, ok := f.KnownAt(cut); ok {
				all = append(all, k)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, f := range graph.InferEnds(all)[:len(members)] {
		into[f.ID] = f
	}
	return nil
}

// sortTime is when a fact took place or began, for ordering answers: its
// date, else its start, else its end, else when it was first reported.
func sortTime(f graph.Fact) time.Time {
	switch {
	case !f.Date.IsZero():
		return f.Date.Time()
	case !f.Start.IsZero():
		return f.Start.Time()
	case !f.End.IsZero():
		return f.End.Time()
	}
	return firstPublished(f).Time()
}

// byTime orders facts by sortTime, then id. Ids are unique, so the order
// is total and needs no stable sort (much slower on long timelines).
func byTime(fs []graph.Fact) {
	sort.Slice(fs, func(i, j int) bool {
		ti, tj := sortTime(fs[i]), sortTime(fs[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return fs[i].ID < fs[j].ID
	})
}
