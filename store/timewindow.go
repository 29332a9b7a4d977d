package store

import (
	"context"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// TimelineWindow returns the facts with one of the entities ids on either
// side that may be in force in window w, in timeline order (graph.SortTime,
// then id), as TimelinePage reads facts. It reads the entities' state rows
// (timecount.go: a state may be in force through an earlier term, whatever
// its sort time) and the range of their timeline rows where an event of
// the window may sort (graph.Window.EventSortRange, then
// MayHoldEventSorted of each row), keys only, and reads those facts alone:
// the rows and facts of events dated away from the window are not read.
// A store whose index predates the state rows (no stMarker row, until
// Reindex) reads instead every adjacency row of the entities (each fact's
// predicate and sort time) and keeps those graph.Window.MayHoldSorted
// keeps. The caller still applies the window to each fact (w.Holds): a
// state, or an event whose date the row does not settle, may be out of
// it. ok is false when the store keeps no adjacency index (see Adjacent):
// the caller then reads the facts with Facts; so it is when the entities
// have no row at all (facts stored before evidence records have none
// until check --repair or Reindex, and reading the facts of an entity
// with none costs nothing). A row whose fact reads back with another sort
// time is skipped, as TimelinePage skips it.
func (s *Store) TimelineWindow(ctx context.Context, ids []string, w graph.Window, evidence bool) (facts []graph.Fact, ok bool, err error) {
	articles := map[string]graph.Article{}
	err = s.read(ctx, func(r reader) error {
		var marker, states bool
		if ok, err = s.timeKeys(ctx, adjMarker, 1, func(string) { marker = true }); err != nil || !ok || !marker {
			ok = false
			return err
		}
		if _, err = s.timeKeys(ctx, stMarker, 1, func(string) { states = true }); err != nil {
			return err
		}
		var keys []string
		if states && windowByStates {
			keys, ok, err = s.windowKeys(ctx, ids, w)
		} else {
			keys, ok, err = s.windowKeysAdjacent(ctx, ids, w)
		}
		if err != nil || !ok {
			return err
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		for _, k := range keys {
			var f graph.Fact
			var found bool
			var err error
			if evidence {
				f, found, err = r.factEvidence(ctx, keyFact(k), articles)
			} else if f, found, err = r.fact(ctx, keyFact(k), articles); found {
				f, found = f.Live()
			}
			if err != nil {
				return err
			}
			if found && sortKey(graph.SortTime(&f))+f.ID == k {
				facts = append(facts, f)
			}
		}
		return nil
	})
	if err != nil {
		return nil, false, wrapTimeline(ids, err)
	}
	if !ok {
		facts = nil
	}
	return facts, ok, nil
}

// windowByStates lets tests read a window's rows as a store written
// before the state rows does (windowKeysAdjacent), to compare the two.
var windowByStates = true

// windowKeys returns the timeline keys of the facts of the entities ids
// that may be in force in window w, from their state rows and the range
// of their timeline rows where an event of w may sort (see
// TimelineWindow), unsorted; ok is false when the entities have no
// timeline row.
func (s *Store) windowKeys(ctx context.Context, ids []string, w graph.Window) (keys []string, ok bool, err error) {
	from, to := w.EventSortRange()
	lo, hi := "", "~" // after every sort key (hex digits)
	if !from.IsZero() {
		lo = sortKey(from)
	}
	if !to.IsZero() {
		hi = sortKey(to)
	}
	add := func(k string) { keys = append(keys, k) }
	for _, id := range ids {
		var has bool
		if _, err := s.timeKeys(ctx, id, 1, func(string) { has = true }); err != nil || !has {
			if err != nil {
				return nil, false, err
			}
			continue
		}
		ok = true
		if _, err := s.timeKeys(ctx, id+stateSep, 0, add); err != nil {
			return nil, false, err
		}
		rng, _, err := s.timeKeysRange(ctx, id, lo, hi)
		if err != nil {
			return nil, false, err
		}
		s.rowsRead.Add(int64(len(rng)))
		for _, k := range rng {
			if t, timed := keyTime(k); !timed || w.MayHoldEventSorted(t) {
				keys = append(keys, k)
			}
		}
	}
	return keys, ok, nil
}

// windowKeysAdjacent is windowKeys for a store whose index predates the
// state rows: it reads every adjacency row of the entities ids and keeps
// those whose predicate and sort time may be in window w
// (graph.Window.MayHoldSorted); ok is false when they have none.
func (s *Store) windowKeysAdjacent(ctx context.Context, ids []string, w graph.Window) (keys []string, ok bool, err error) {
	for _, id := range ids {
		if _, err := s.timeKeys(ctx, id+adjSep, 0, func(k string) {
			ok = true
			parts := strings.SplitN(k, adjSep, 3)
			if len(parts) != 3 || len(parts[2]) <= sortKeyLen {
				return
			}
			if t, timed := keyTime(parts[2]); !timed || w.MayHoldSorted(parts[1], t) {
				keys = append(keys, parts[2])
			}
		}); err != nil {
			return nil, false, err
		}
	}
	return keys, ok, nil
}
