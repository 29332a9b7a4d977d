package queries

import (
	"context"
	"fmt"
	"sort"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// NeighborsQuery asks which entities an entity is directly linked to.
type NeighborsQuery struct {
	// Entity is a name or alias.
	Entity string
	// At, when set, keeps the facts in force on that day (events: dated that day).
	At graph.Date
	// AsKnown, when set, answers with only what had been ingested by the
	// end of that day (see graph.Window).
	AsKnown graph.Date
	// Predicate, when set, keeps facts with that predicate.
	Predicate string
	// Names, when set, serves misspelling-tolerant name lookup.
	Names *Names
}

// Neighbor is one entity linked to the asked one, with the linking facts.
type Neighbor struct {
	Entity graph.Entity
	// Facts link the two, in time order.
	Facts []Answer
}

// NeighborsResult is the answer to a NeighborsQuery.
type NeighborsResult struct {
	Entity    Resolved
	Neighbors []Neighbor
}

// Neighbors returns the entities that share a fact with q.Entity (on
// either side of the fact), ordered by how many facts link them, then by
// name.
func (e *Engine) Neighbors(ctx context.Context, q NeighborsQuery) (NeighborsResult, error) {
	var res NeighborsResult
	if q.Predicate != "" && !graph.IsPredicate(q.Predicate) {
		return res, fmt.Errorf("unknown predicate %q (one of %v)", q.Predicate, graph.Predicates)
	}
	var err error
	if res.Entity, err = e.ResolveName(ctx, q.Names, q.Entity); err != nil {
		return res, err
	}
	ids := res.Entity.IDs()
	self := idSet(ids)
	w := graph.Window{At: q.At, AsKnown: q.AsKnown}
	var facts []graph.Fact
	err = e.store.Facts(ctx, store.FactFilter{Subjects: ids, Predicate: q.Predicate, EitherSide: true, Withdrawn: !w.AsKnown.IsZero(), Evidence: e.opts.Evidence}, func(f graph.Fact) error {
		if w.MayHold(f) {
			facts = append(facts, f)
		}
		return nil
	})
	if err != nil {
		return res, err
	}
	answers, err := e.timeAnswers(ctx, facts, w)
	if err != nil {
		return res, err
	}
	byID := map[string]int{}
	for _, a := range answers {
		other := a.Object
		if self[a.Object.ID] && !self[a.Subject.ID] {
			other = a.Subject
		}
		i, ok := byID[other.ID]
		if !ok {
			i = len(res.Neighbors)
			byID[other.ID] = i
			res.Neighbors = append(res.Neighbors, Neighbor{Entity: other})
		}
		res.Neighbors[i].Facts = append(res.Neighbors[i].Facts, a)
	}
	sort.SliceStable(res.Neighbors, func(i, j int) bool {
		a, b := res.Neighbors[i], res.Neighbors[j]
		if len(a.Facts) != len(b.Facts) {
			return len(a.Facts) > len(b.Facts)
		}
		return a.Entity.Name < b.Entity.Name
	})
	return res, nil
}

// idSet turns ids into a set.
func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
