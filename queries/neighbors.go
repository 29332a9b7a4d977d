package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

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
	// Summary, when set, asks only for what a table of neighbours prints:
	// each Neighbor's Facts then holds its latest fact alone (Count and
	// Predicates say the rest), and a store with an adjacency index
	// (store.Store.Adjacent) answers without reading every fact of the
	// entity.
	Summary bool
	// Limit, when set, keeps the Limit neighbours sorted first (the most
	// linked, then by name); a Summary from the adjacency index then
	// reads the latest facts of those alone.
	Limit int
}

// DefaultNeighborsLimit is how many neighbours a table of neighbours
// shows when its user asks for no limit (`geokg query neighbors`).
const DefaultNeighborsLimit = 50

// Neighbor is one entity linked to the asked one, with the linking facts.
type Neighbor struct {
	Entity graph.Entity
	// Facts link the two, in time order: all of them, or the latest alone
	// for a NeighborsQuery with Summary.
	Facts []Answer
	// Count is how many facts link the two.
	Count int
	// Predicates are the facts' predicates, each once, in the time order
	// of the first fact with each.
	Predicates []string
}

// adjacencyIndex is what Neighbors asks of a store with an adjacency
// index (store.Store.AdjacentRows, AdjacentLatest).
type adjacencyIndex interface {
	AdjacentRows(ctx context.Context, id, predicate string) ([]store.Adjacent, bool, error)
	AdjacentLatest(ctx context.Context, id string, adj []store.Adjacent, evidence bool) (bool, error)
}

// NeighborsResult is the answer to a NeighborsQuery.
type NeighborsResult struct {
	Entity    Resolved
	Neighbors []Neighbor
	// Total is how many neighbours there are, Limit or not.
	Total int
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
	if ix, isIx := e.store.(adjacencyIndex); isIx && q.Summary && w.IsOpen() && w.AsKnown.IsZero() && len(ids) == 1 {
		adj, ok, err := ix.AdjacentRows(ctx, ids[0], q.Predicate)
		if err != nil {
			return res, err
		}
		if ok {
			res.Total = len(adj)
			if adj, err = e.mostLinked(ctx, adj, q.Limit); err != nil {
				return res, err
			}
			ok, err = ix.AdjacentLatest(ctx, ids[0], adj, e.opts.Evidence)
			if err != nil {
				return res, err
			}
		}
		if ok {
			res.Neighbors, err = e.adjacentNeighbors(ctx, adj)
			sortNeighbors(res.Neighbors)
			return res, err
		}
		res.Total = 0
	}
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
		n := &res.Neighbors[i]
		n.Facts = append(n.Facts, a)
		n.Count++
		if !slices.Contains(n.Predicates, a.Fact.Predicate) {
			n.Predicates = append(n.Predicates, a.Fact.Predicate)
		}
	}
	if q.Summary {
		for i, n := range res.Neighbors {
			res.Neighbors[i].Facts = n.Facts[len(n.Facts)-1:]
		}
	}
	sortNeighbors(res.Neighbors)
	res.Total = len(res.Neighbors)
	if q.Limit > 0 && len(res.Neighbors) > q.Limit {
		res.Neighbors = res.Neighbors[:q.Limit]
	}
	return res, nil
}

// mostLinked returns the limit neighbours of adj that sortNeighbors puts
// first (all of them when limit is 0), in the order of adj: those linked
// by more facts than the limit-th, and of those linked by as many, the
// first by name — the only neighbours whose entities it reads.
func (e *Engine) mostLinked(ctx context.Context, adj []store.Adjacent, limit int) ([]store.Adjacent, error) {
	if limit <= 0 || len(adj) <= limit {
		return adj, nil
	}
	counts := make([]int, len(adj))
	for i, a := range adj {
		counts[i] = a.Facts
	}
	slices.SortFunc(counts, func(a, b int) int { return b - a })
	edge := counts[limit-1] // the count of the last neighbour kept
	var tied []int
	keep := make([]bool, len(adj))
	n := 0
	for i, a := range adj {
		switch {
		case a.Facts > edge:
			keep[i] = true
			n++
		case a.Facts == edge:
			tied = append(tied, i)
		}
	}
	if len(tied) > limit-n {
		names := make(map[int]string, len(tied))
		for _, i := range tied {
			en, err := e.store.Entity(ctx, adj[i].ID)
			if errors.Is(err, store.ErrNotFound) {
				en, err = graph.Entity{Name: adj[i].ID}, nil
			}
			if err != nil {
				return nil, err
			}
			names[i] = en.Name
		}
		slices.SortStableFunc(tied, func(a, b int) int { return strings.Compare(names[a], names[b]) })
		tied = tied[:limit-n]
	}
	for _, i := range tied {
		keep[i] = true
	}
	out := make([]store.Adjacent, 0, limit)
	for i, a := range adj {
		if keep[i] {
			out = append(out, a)
		}
	}
	return out, nil
}

// adjacentNeighbors turns what the adjacency index lists into neighbours
// whose Facts hold their latest fact alone.
func (e *Engine) adjacentNeighbors(ctx context.Context, adj []store.Adjacent) ([]Neighbor, error) {
	if len(adj) == 0 {
		return nil, nil
	}
	latest := make([]graph.Fact, len(adj))
	for i, a := range adj {
		latest[i] = a.Latest
	}
	answers, err := e.answers(ctx, latest)
	if err != nil {
		return nil, err
	}
	out := make([]Neighbor, len(adj))
	for i, a := range adj {
		other, err := sideOf(a.ID, answers[i])
		if err != nil {
			return nil, err
		}
		out[i] = Neighbor{Entity: other, Facts: answers[i : i+1], Count: a.Facts, Predicates: a.Predicates}
	}
	return out, nil
}

// sideOf returns entity id, one of the sides of answer a.
func sideOf(id string, a Answer) (graph.Entity, error) {
	switch id {
	case a.Subject.ID:
		return a.Subject, nil
	case a.Object.ID:
		return a.Object, nil
	}
	return graph.Entity{}, fmt.Errorf("neighbours: %s is on neither side of fact %s", id, a.Fact.ID)
}

// sortNeighbors orders neighbours by how many facts link them, most
// first, then by name.
func sortNeighbors(ns []Neighbor) {
	sort.SliceStable(ns, func(i, j int) bool {
		a, b := ns[i], ns[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Entity.Name < b.Entity.Name
	})
}

// idSet turns ids into a set.
func idSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
