package queries

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// adjacencyOnly is a store that answers a summary of neighbours from its
// adjacency index; it counts the reads of facts by filter.
type adjacencyOnly struct {
	indexOnly
	factReads   int
	latestReads int
}

func (x *adjacencyOnly) Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error {
	x.factReads++
	return x.s.Facts(ctx, f, fn)
}

func (x *adjacencyOnly) AdjacentRows(ctx context.Context, id, predicate string) ([]store.Adjacent, bool, error) {
	return x.s.AdjacentRows(ctx, id, predicate)
}

func (x *adjacencyOnly) AdjacentLatest(ctx context.Context, id string, adj []store.Adjacent, evidence bool) (bool, error) {
	x.latestReads += len(adj)
	return x.s.AdjacentLatest(ctx, id, adj, evidence)
}

// TestNeighborsSummary checks that a summary of neighbours (what the
// table prints) read from the adjacency index is the full answer's, cut to
// each neighbour's latest fact, without reading the entity's facts; and
// that the full answer's counts and predicates are those of its facts.
func TestNeighborsSummary(t *testing.T) {
	ctx := context.Background()
	s := askStore(t)
	var names []string
	require.NoError(t, s.Entities(ctx, func(e graph.Entity) error { names = append(names, e.ID); return nil }))
	require.NotEmpty(t, names)
	for _, evidence := range []bool{false, true} {
		opts := Options{Evidence: evidence}
		full := NewWithOptions(s, opts)
		ix := &adjacencyOnly{indexOnly: indexOnly{s}}
		summary := NewWithOptions(ix, opts)
		linked := 0
		for _, id := range names {
			e, err := s.Entity(ctx, id)
			require.NoError(t, err)
			for _, pred := range []string{"", graph.Met, graph.Leads, graph.MemberOf} {
				q := NeighborsQuery{Entity: e.Name, Predicate: pred}
				want, err := full.Neighbors(ctx, q)
				require.NoError(t, err)
				if len(want.Entity.Entities) != 1 {
					continue // several entities of one name: read as before
				}
				for i, n := range want.Neighbors {
					var preds []string
					for _, a := range n.Facts {
						if !slices.Contains(preds, a.Fact.Predicate) {
							preds = append(preds, a.Fact.Predicate)
						}
					}
					require.Equal(t, len(n.Facts), n.Count, "%s %s: count", e.Name, n.Entity.Name)
					require.Equal(t, preds, n.Predicates, "%s %s: predicates", e.Name, n.Entity.Name)
					want.Neighbors[i].Facts = n.Facts[len(n.Facts)-1:]
					linked++
				}
				q.Summary = true
				ix.factReads = 0
				got, err := summary.Neighbors(ctx, q)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s %q evidence %v", e.Name, pred, evidence)
				require.Zero(t, ix.factReads, "%s: read from the adjacency index", e.Name)
				// A limit keeps the first neighbours of the whole answer
				// and reads the latest facts of those alone.
				for _, limit := range []int{1, 2, 3} {
					lq := q
					lq.Limit = limit
					ix.latestReads = 0
					got, err := summary.Neighbors(ctx, lq)
					require.NoError(t, err)
					cut := want
					cut.Neighbors = want.Neighbors[:min(limit, len(want.Neighbors))]
					require.Equal(t, cut, got, "%s %q limit %d", e.Name, pred, limit)
					require.Equal(t, len(cut.Neighbors), ix.latestReads, "%s: latest facts read", e.Name)
					lq.Summary = false
					all, err := full.Neighbors(ctx, lq)
					require.NoError(t, err)
					require.Equal(t, len(want.Neighbors), all.Total)
					require.Len(t, all.Neighbors, len(cut.Neighbors))
				}
				// As known on a day, or at a day: every fact read, as before.
				for _, w := range []NeighborsQuery{{AsKnown: day("2020-01-01")}, {At: day("2024-06-01")}, {AsKnown: day("2100-01-01")}} {
					w.Entity, w.Predicate = e.Name, pred
					want, err := full.Neighbors(ctx, w)
					require.NoError(t, err)
					for i, n := range want.Neighbors {
						want.Neighbors[i].Facts = n.Facts[len(n.Facts)-1:]
					}
					w.Summary = true
					got, err := summary.Neighbors(ctx, w)
					require.NoError(t, err)
					require.Equal(t, want, got, "%s %q %+v", e.Name, pred, w)
				}
			}
		}
		require.Greater(t, linked, 20, "the fixture links entities")
	}
}
