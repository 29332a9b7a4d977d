package queries

import (
	"context"
	"sort"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// asKnown returns facts as the graph knew them at the end of day
// w.AsKnown: each fact as known then (graph.Window.Known), facts not yet
// known dropped, and the inferred ends of states recomputed over their
// whole groups as then known (graph.InferEnds). Without AsKnown it returns
// facts unchanged.
func (e *Engine) asKnown(ctx context.Context, facts []graph.Fact, w graph.Window) ([]graph.Fact, error) {
	if w.AsKnown.IsZero() {
		return facts, nil
	}
	inferred := map[string]graph.Fact{} // by fact id, for facts in groups
	done := map[string]bool{}           // group keys computed
	var out []graph.Fact
	for _, f := range facts {
		k, ok := w.Known(f)
		if !ok {
			continue
		}
		key := graph.GroupKey(&k)
		if key != "" && !done[key] {
			done[key] = true
			if err := e.inferGroup(ctx, k, key, w, inferred); err != nil {
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
// "succeeded" events between its members as known in window w, infers
// their ends, and records the members in into.
func (e *Engine) inferGroup(ctx context.Context, rep graph.Fact, key string, w graph.Window, into map[string]graph.Fact) error {
	filter := store.FactFilter{Predicate: rep.Predicate, Withdrawn: true}
	if id, subject := graph.GroupAnchor(&rep); subject {
		filter.Subjects = []string{id}
	} else {
		filter.Objects = []string{id}
	}
	var members []graph.Fact
	subjects := map[string]bool{}
	err := e.store.Facts(ctx, filter, func(f graph.Fact) error {
		if graph.GroupKey(&f) != key {
			return nil
		}
		if k, ok := w.Known(f); ok {
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
		err := e.store.Facts(ctx, store.FactFilter{Subjects: ids, Objects: ids, Predicate: graph.Succeeded, Withdrawn: true}, func(f graph.Fact) error {
			if k, ok := w.Known(f); ok {
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
