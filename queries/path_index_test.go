package queries

import (
	"context"
	"testing"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// quadPaths is a store whose path search reads the quads naming each
// entity (no adjacency index).
type quadPaths struct{ indexOnly }

func (x quadPaths) QuadStore() cayleygraph.QuadStore { return x.s.QuadStore() }

func (x quadPaths) Fact(ctx context.Context, id string) (graph.Fact, error) {
	return x.s.Fact(ctx, id)
}

// edgePaths is a store whose path search reads the adjacency index; it
// counts the reads of facts by filter and the edges it lists.
type edgePaths struct {
	indexOnly
	factReads, edges, byID int
}

func (x *edgePaths) Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error {
	x.factReads++
	return x.s.Facts(ctx, f, fn)
}

func (x *edgePaths) Fact(ctx context.Context, id string) (graph.Fact, error) {
	x.byID++
	return x.s.Fact(ctx, id)
}

func (x *edgePaths) AdjacentEdges(ctx context.Context, id string) ([]store.Edge, bool, error) {
	es, ok, err := x.s.AdjacentEdges(ctx, id)
	x.edges += len(es)
	return es, ok, err
}

// TestPathFromAdjacency checks on a generated store with a hub, in memory
// and on bbolt, that a path search walking the adjacency index finds the
// paths the search over the quads finds, through the hub and at a date,
// without reading any entity's facts.
func TestPathFromAdjacency(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"memory", t.TempDir() + "/db"} {
		s := timelineHubStore(t, dsn)
		quads := New(quadPaths{indexOnly{s}})
		ix := &edgePaths{indexOnly: indexOnly{s}}
		edges := New(ix)
		found := 0
		for _, pair := range [][2]string{{"Envoy 01", "Envoy 02"}, {"Envoy 03", "Land 4"}, {"Land 0", "Land 5"}, {"Envoy 07", "Hanna Brekke"}} {
			for _, at := range []graph.Date{{}, graph.YearOf(2021), day("2020-03-01")} {
				q := PathQuery{From: pair[0], To: pair[1], At: at}
				want, err := quads.Path(ctx, q)
				require.NoError(t, err)
				ix.factReads, ix.edges = 0, 0
				got, err := edges.Path(ctx, q)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s to %s at %v on %s", pair[0], pair[1], at, dsn)
				require.Zero(t, ix.factReads, "%s to %s: no entity's facts read", pair[0], pair[1])
				require.Positive(t, ix.edges, "%s to %s: the adjacency index walked", pair[0], pair[1])
				found += len(got.Paths)
			}
		}
		require.Positive(t, found, "some paths found")
	}
}

// countedQuadPaths is quadPaths counting its reads of facts by id.
type countedQuadPaths struct {
	quadPaths
	byID int
}

func (x *countedQuadPaths) Fact(ctx context.Context, id string) (graph.Fact, error) {
	x.byID++
	return x.s.Fact(ctx, id)
}

// TestPathAtFromRowTimes checks that a path search at a date discards
// the events its adjacency rows date outside the window without reading
// them, finding the paths the search over the quads (which reads every
// fact next to its frontier) finds: at a day, it reads fewer than a
// third of the facts that search reads.
func TestPathAtFromRowTimes(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"memory", t.TempDir() + "/db"} {
		s := timelineHubStore(t, dsn)
		qp := &countedQuadPaths{quadPaths: quadPaths{indexOnly{s}}}
		quads := New(qp)
		ix := &edgePaths{indexOnly: indexOnly{s}}
		edges := New(ix)
		for _, at := range []graph.Date{day("2020-03-01"), graph.MonthOf(2023, time.June), day("2019-01-02")} {
			qp.byID, ix.byID = 0, 0
			for _, pair := range [][2]string{{"Envoy 01", "Envoy 02"}, {"Envoy 03", "Land 4"}, {"Hanna Brekke", "Envoy 09"}, {"Envoy 07", "Hanna Brekke"}} {
				q := PathQuery{From: pair[0], To: pair[1], At: at}
				want, err := quads.Path(ctx, q)
				require.NoError(t, err)
				got, err := edges.Path(ctx, q)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s to %s at %v on %s", pair[0], pair[1], at, dsn)
			}
			require.Positive(t, qp.byID)
			require.Less(t, ix.byID*3, qp.byID, "facts read at %v on %s: rows %d, quads %d", at, dsn, ix.byID, qp.byID)
		}
	}
}
