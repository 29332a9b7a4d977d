package console

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// A Gizmo line that runs past its timeout, or that Ctrl-C cancels, ends
// promptly and leaves the store free: :quit then closes it at once.
func TestGizmoLineEndsAndQuitCloses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	hub := graph.Entity{ID: graph.EntityID(graph.Person, "Hub Person"), Name: "Hub Person", Type: graph.Person}
	b := graph.Batch{Article: graph.Article{ID: "hub", Published: date("2025-01-01"), Hash: "hub"}, Entities: []graph.Entity{hub}}
	for i := range 60 {
		p := graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("Visitor %02d", i)), Name: fmt.Sprintf("Visitor %02d", i), Type: graph.Person}
		f := graph.Fact{Subject: p.ID, Predicate: graph.Met, Object: hub.ID, Date: date("2025-01-01"), Confidence: 0.8,
			Sources: []graph.Source{{Article: "hub", Sentence: fmt.Sprintf("Visitor %d met the hub.", i)}}}
		f.ComputeID()
		b.Entities, b.Facts = append(b.Entities, p), append(b.Facts, f)
	}
	_, err = s.Write(ctx, b, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)

	var out bytes.Buffer
	l := &Local{Engine: queries.New(s), GizmoTimeout: 300 * time.Millisecond}
	c := &Console{Backend: l, Out: &out}
	const line = `g.Emit(g.V().Out().In().Out().In().Out().In().Count())`
	start := time.Now()
	c.Exec(ctx, line)
	require.Contains(t, out.String(), "timed out")
	require.Less(t, time.Since(start), 3*time.Second)

	l.GizmoTimeout = time.Minute
	lctx, cancel := context.WithCancel(ctx)
	time.AfterFunc(300*time.Millisecond, cancel) // Ctrl-C
	start = time.Now()
	require.ErrorIs(t, c.Exec(lctx, line), context.Canceled)
	require.Less(t, time.Since(start), 3*time.Second)

	c.Exec(ctx, ":quit")
	done := make(chan error, 1)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(3 * time.Second):
		t.Fatal("store Close still waiting after :quit")
	}
	w, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	require.NoError(t, w.Close())
}
