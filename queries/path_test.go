package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPath(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	r, err := e.Path(ctx, PathQuery{From: "Waltz", To: "Trump"})
	require.NoError(t, err)
	require.Len(t, r.Paths, 2)
	for _, p := range r.Paths {
		require.Len(t, p.Steps, 2)
		require.Equal(t, "Michael Waltz", p.Steps[0].From.Name)
		require.Equal(t, "Mark Rutte", p.Steps[0].To.Name)
		require.Equal(t, "Mark Rutte", p.Steps[1].From.Name)
		require.Equal(t, "Donald Trump", p.Steps[1].To.Name)
		require.NotEmpty(t, p.Steps[1].Fact.Sources)
	}

	r, err = e.Path(ctx, PathQuery{From: "Waltz", To: "Trump", MaxHops: 1})
	require.NoError(t, err)
	require.Empty(t, r.Paths, "no one-hop path")

	r, err = e.Path(ctx, PathQuery{From: "Waltz", To: "Trump", Limit: 1})
	require.NoError(t, err)
	require.Len(t, r.Paths, 1)
	require.True(t, r.Truncated)

	// Only facts in force: on 2024-06-01 the only link between the two
	// NATO secretaries general is the alliance, through Stoltenberg's term.
	r, err = e.Path(ctx, PathQuery{From: "Stoltenberg", To: "Finland", At: day("2024-06-01")})
	require.NoError(t, err)
	require.Len(t, r.Paths, 1)
	require.Equal(t, "NATO", r.Paths[0].Steps[0].To.Name)
	r, err = e.Path(ctx, PathQuery{From: "Rutte", To: "Finland", At: day("2024-06-01")})
	require.NoError(t, err)
	require.Empty(t, r.Paths, "Rutte did not lead NATO yet; events of other days do not count")

	_, err = e.Path(ctx, PathQuery{From: "Rutte", To: "Mark Rutte"})
	require.ErrorContains(t, err, "same entity")
	_, err = e.Path(ctx, PathQuery{From: "Nobody Qwerty", To: "Rutte"})
	require.ErrorIs(t, err, ErrUnknownEntity)
}

func TestNeighbors(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	r, err := e.Neighbors(ctx, NeighborsQuery{Entity: "Trump", Predicate: "met"})
	require.NoError(t, err)
	var got []string
	for _, n := range r.Neighbors {
		got = append(got, n.Entity.Name)
	}
	require.Equal(t, []string{"Volodymyr Zelensky", "Mark Rutte", "Narendra Modi", "Shigeru Ishiba"}, got, "most-linked first, then by name")
	require.Len(t, r.Neighbors[0].Facts, 3)

	r, err = e.Neighbors(ctx, NeighborsQuery{Entity: "NATO", At: day("2023-01-01")})
	require.NoError(t, err)
	got = nil
	for _, n := range r.Neighbors {
		got = append(got, n.Entity.Name)
	}
	require.Equal(t, []string{"2% of GDP", "Jens Stoltenberg", "Norway", "United States"}, got)

	_, err = e.Neighbors(ctx, NeighborsQuery{Entity: "Trump", Predicate: "likes"})
	require.ErrorContains(t, err, "unknown predicate")
}

func TestGizmo(t *testing.T) {
	e := New(askStore(t))
	ctx := context.Background()
	r, err := e.Gizmo(ctx, GizmoQuery{Query: `g.V("<geokg:entity/person/michael-waltz>").Out("<geokg:rel/holds_position>").Out("<geokg:name>").All()`})
	require.NoError(t, err)
	require.Equal(t, []any{map[string]any{"id": "National Security Adviser"}}, r.Results)
	require.False(t, r.Truncated)

	r, err = e.Gizmo(ctx, GizmoQuery{Query: `g.V().All()`, Limit: 5})
	require.NoError(t, err)
	require.Len(t, r.Results, 5)
	require.True(t, r.Truncated)

	start := time.Now()
	_, err = e.Gizmo(ctx, GizmoQuery{Query: `while (true) {}`, Timeout: 200 * time.Millisecond})
	require.ErrorIs(t, err, ErrGizmoTimeout)
	require.Less(t, time.Since(start), 5*time.Second)

	_, err = e.Gizmo(ctx, GizmoQuery{Query: `g.V((`})
	require.ErrorContains(t, err, "gizmo")
}

func TestPathNeighborsAsKnown(t *testing.T) {
	e := New(historyStore(t, "memory", historyBatches()))
	ctx := context.Background()
	// Trump met Rutte (recorded 2024-11-30); Rutte led NATO (recorded
	// 2024-10-03).
	r, err := e.Path(ctx, PathQuery{From: "Trump", To: "NATO", AsKnown: day("2024-11-29")})
	require.NoError(t, err)
	require.Empty(t, r.Paths, "the meeting was not known yet")
	r, err = e.Path(ctx, PathQuery{From: "Trump", To: "NATO", AsKnown: day("2024-11-30")})
	require.NoError(t, err)
	require.Len(t, r.Paths, 1)
	require.Equal(t, "Mark Rutte", r.Paths[0].Steps[0].To.Name)

	// Known before Ishiba's article, Kishida's term has no end; known
	// after, it ends when Ishiba's begins, and walking at 2025-03-01
	// no longer reaches him.
	r, err = e.Path(ctx, PathQuery{From: "Kishida", To: "Japan", At: day("2025-03-01"), AsKnown: day("2024-09-30")})
	require.NoError(t, err)
	require.Len(t, r.Paths, 1)
	r, err = e.Path(ctx, PathQuery{From: "Kishida", To: "Japan", At: day("2025-03-01"), AsKnown: day("2024-10-01")})
	require.NoError(t, err)
	require.Empty(t, r.Paths)

	n, err := e.Neighbors(ctx, NeighborsQuery{Entity: "Rutte", AsKnown: day("2024-10-02")})
	require.NoError(t, err)
	require.Empty(t, n.Neighbors)
	n, err = e.Neighbors(ctx, NeighborsQuery{Entity: "Rutte", AsKnown: day("2024-10-03")})
	require.NoError(t, err)
	require.Len(t, n.Neighbors, 1)
	require.Equal(t, "NATO", n.Neighbors[0].Entity.Name)
	n, err = e.Neighbors(ctx, NeighborsQuery{Entity: "Japan", At: day("2025-03-01"), AsKnown: day("2024-09-30")})
	require.NoError(t, err)
	require.Len(t, n.Neighbors, 1)
	require.Equal(t, "Fumio Kishida", n.Neighbors[0].Entity.Name, "as known then, Kishida still led Japan")
}
