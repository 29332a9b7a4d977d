package queries

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// hubStore writes, into a bbolt store in a fresh directory, n people who
// each met one hub: a graph on which every Out().In() step multiplies the
// paths by about n, so that a few steps take minutes.
func hubStore(t *testing.T, n int) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	hub := ent(graph.Person, "Hub Person")
	b := graph.Batch{Article: graph.Article{ID: "hub", Published: day("2025-01-01"), Hash: "hub"}, Entities: []graph.Entity{hub}}
	for i := range n {
		p := ent(graph.Person, fmt.Sprintf("Visitor %03d", i))
		b.Entities = append(b.Entities, p)
		f := event(p, graph.Met, hub, "2025-01-01", fmt.Sprintf("Visitor %d met the hub.", i))
		f.Sources[0].Article = "hub"
		f.ComputeID()
		b.Facts = append(b.Facts, f)
	}
	_, err = s.Write(ctx, b, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	return s, dir
}

// closeWithin closes s, failing the test when Close takes longer than d.
func closeWithin(t *testing.T, s *store.Store, d time.Duration) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- s.Close() }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(d):
		t.Fatalf("store Close still waiting after %s", d)
	}
}

func TestGizmoTraversalTimeout(t *testing.T) {
	for _, q := range []string{
		`g.V().Out().In().Out().In().Out().In().ForEach(function(x){})`,
		`g.Emit(g.V().Out().In().Out().In().Out().In().Count())`,
		`g.V().Out().In().Out().In().Out().In().All()`,
	} {
		t.Run(q, func(t *testing.T) {
			s, dir := hubStore(t, 60)
			start := time.Now()
			_, err := New(s).Gizmo(context.Background(), GizmoQuery{Query: q, Timeout: 300 * time.Millisecond, Limit: 1 << 30})
			require.ErrorIs(t, err, ErrGizmoTimeout)
			require.Less(t, time.Since(start), 3*time.Second)
			// The query's reader is gone: the store closes and opens for writing.
			closeWithin(t, s, 3*time.Second)
			w, err := store.Open(context.Background(), dir, store.Options{})
			require.NoError(t, err)
			require.NoError(t, w.Close())
		})
	}
}

func TestGizmoCancelAndClose(t *testing.T) {
	s, _ := hubStore(t, 60)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, err := New(s).Gizmo(ctx, GizmoQuery{Query: `g.V().Out().In().Out().In().Out().In().ForEach(function(x){})`, Limit: 1 << 30})
	require.ErrorIs(t, err, context.Canceled)

	// Close during a query stops it: Close cancels the store's readers.
	errc := make(chan error, 1)
	go func() {
		_, err := New(s).Gizmo(context.Background(), GizmoQuery{Query: `g.Emit(g.V().Out().In().Out().In().Out().In().Count())`, Timeout: time.Minute})
		errc <- err
	}()
	time.Sleep(300 * time.Millisecond)
	closeWithin(t, s, 3*time.Second)
	require.ErrorIs(t, <-errc, store.ErrClosed)
}

func TestGizmoCompileTimeout(t *testing.T) {
	e := New(askStore(t))
	// Compiling a long chain of additions takes seconds: it counts.
	start := time.Now()
	_, err := e.Gizmo(context.Background(), GizmoQuery{Query: strings.Repeat("1+", 6000) + "1", Timeout: 50 * time.Millisecond})
	require.ErrorIs(t, err, ErrGizmoTimeout)
	require.Less(t, time.Since(start), 500*time.Millisecond)

	_, err = e.Gizmo(context.Background(), GizmoQuery{Query: strings.Repeat("1+", MaxGizmoQueryBytes) + "1"})
	require.ErrorIs(t, err, ErrGizmoTooLong)
}

func TestGizmoMemoryBound(t *testing.T) {
	e := New(askStore(t))
	start := time.Now()
	_, err := e.Gizmo(context.Background(), GizmoQuery{
		Query:     `var a = []; while (true) { a.push(new ArrayBuffer(1e7)); }`,
		Timeout:   time.Minute,
		MaxMemory: 128 << 20,
	})
	require.ErrorIs(t, err, ErrGizmoMemory)
	require.Less(t, time.Since(start), 10*time.Second)

	// Garbage does not count: a loop dropping what it allocates finishes.
	r, err := e.Gizmo(context.Background(), GizmoQuery{
		Query:     `for (var i = 0; i < 100; i++) { var b = new ArrayBuffer(1e6); } g.Emit(i)`,
		MaxMemory: 128 << 20,
	})
	require.NoError(t, err)
	require.Equal(t, []any{int64(100)}, r.Results)
}

func TestGizmoLimitEveryTerminalCall(t *testing.T) {
	e := New(askStore(t))
	for _, c := range []struct {
		query string
		// n is the number of results, or with array the length of the
		// one emitted array.
		n         int
		array     bool
		truncated bool
	}{
		// An emitted array is cut to the limit, whatever the script asked.
		{`g.Emit(g.V().ToArray(-1))`, 3, true, true},
		{`g.Emit(g.V().ToArray())`, 3, true, true},
		{`g.Emit(g.V().ToArray(1000000))`, 3, true, true},
		{`g.Emit(g.V().TagArray(-1))`, 3, true, true},
		{`g.Emit(g.V().ToArray(2))`, 2, true, false},
		// Emitted values and All's paths count together.
		{`g.V().ForEach(function(x) { g.Emit(x) })`, 3, false, true},
		{`g.V().Map(-1, function(x) { g.Emit(x) })`, 3, false, true},
		{`g.V().ForEach(2, function(x) { g.Emit(x) })`, 2, false, false},
		{`g.Emit(1); g.V().All()`, 3, false, true},
		{`g.V().GetLimit(100)`, 3, false, true},
		{`g.Emit(g.V().ToValue() !== null); g.Emit(g.V().Count() > 3)`, 2, false, false},
	} {
		t.Run(c.query, func(t *testing.T) {
			r, err := e.Gizmo(context.Background(), GizmoQuery{Query: c.query, Limit: 3})
			require.NoError(t, err)
			if c.array {
				require.Len(t, r.Results, 1)
				require.Len(t, r.Results[0], c.n)
			} else {
				require.Len(t, r.Results, c.n)
			}
			require.Equal(t, c.truncated, r.Truncated)
		})
	}
}
