package store

import (
	"context"
	"slices"
	"strings"

	"github.com/geokg/geokg/graph"
)

// TimelineWindow returns the facts with one of the entities ids on either
// side that may be in force in window w, in timeline order (graph.SortTime,
// then id), as TimelinePage reads facts: it reads the entities' adjacency
// rows (keys only: each fact's predicate and sort time), keeps those
// graph.Window.MayHoldSorted keeps, and reads those facts alone, so that
// the events dated outside the window are not read. The caller still
// applies the window to each fact (w.Holds): a state, or an event whose
// date the row does not settle, may be out of it. ok is false when the
// store keeps no adjacency index (see Adjacent): the caller then reads
// the facts with Facts; so it is when the entities have no row at all
// (facts stored before evidence records have none until check --repair
// or Reindex, and reading the facts of an entity with none costs
// nothing). A row whose fact reads back with another sort
// time is skipped, as TimelinePage skips it.
func (s *Store) TimelineWindow(ctx context.Context, ids []string, w graph.Window, evidence bool) (facts []graph.Fact, ok bool, err error) {
	articles := map[string]graph.Article{}
	err = s.read(ctx, func(r reader) error {
		var marker bool
		if ok, err = s.timeKeys(ctx, adjMarker, 1, func(string) { marker = true }); err != nil || !ok || !marker {
			ok = false
			return err
		}
		var keys []string
		rows := 0
		for _, id := range ids {
			if _, err := s.timeKeys(ctx, id+adjSep, 0, func(k string) {
				rows++
				parts := strings.SplitN(k, adjSep, 3)
				if len(parts) != 3 || len(parts[2]) <= sortKeyLen {
					return
				}
				if t, timed := keyTime(parts[2]); !timed || w.MayHoldSorted(parts[1], t) {
					keys = append(keys, parts[2])
				}
			}); err != nil {
				return err
			}
		}
		if rows == 0 {
			ok = false
			return nil
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
