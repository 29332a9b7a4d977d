package server

import (
	"context"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// entityCount is a store that counts the lists of its entities read.
type entityCount struct {
	*store.Store
	n *atomic.Int32
}

// Entities counts the list and passes it on.
func (c *entityCount) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	c.n.Add(1)
	return c.Store.Entities(ctx, fn)
}

// TestEntitiesNamesCached checks that /entities on a bbolt store (opened
// for each request) reads the store's entities once while the store is
// unchanged, not once per request as the web console's completion asks,
// and again after a writer changed the store: the new entity is found.
func TestEntitiesNamesCached(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	w, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	fill(t, w)
	require.NoError(t, w.Close())
	var loads atomic.Int32
	opener, err := OpenerFor(ctx, dir, func(ctx context.Context) (ClosingStore, error) {
		st, err := store.Open(ctx, dir, store.Options{ReadOnly: true})
		if err != nil {
			return nil, err
		}
		return &entityCount{Store: st, n: &loads}, nil
	})
	require.NoError(t, err)
	defer opener.Close()
	ts := httptest.NewServer(New(opener, Options{}).Handler())
	defer ts.Close()

	for _, prefix := range []string{"fir", "va", "tom"} {
		body := mustGet(t, ts, query(API+"/entities", "prefix", prefix))
		assert.Contains(t, body, `"id"`, prefix)
	}
	assert.Equal(t, 1, int(loads.Load()), "one read of the entities for three searches of an unchanged store")
	assert.Equal(t, "[]\n", mustGet(t, ts, query(API+"/entities", "prefix", "Zebulon")))

	w, err = store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	z := ent(graph.Person, "Zebulon Quist", "Quist")
	_, err = w.Write(ctx, graph.Batch{Article: graph.Article{ID: "z1", Published: day("2025-01-02"), Hash: "hz1"}, Entities: []graph.Entity{z}}, testNow)
	require.NoError(t, err)
	require.NoError(t, w.Close())

	assert.Contains(t, mustGet(t, ts, query(API+"/entities", "prefix", "Zebu")), `"Zebulon Quist"`, "the written entity is found")
	assert.Equal(t, 2, int(loads.Load()), "the changed store is read again")
	mustGet(t, ts, query(API+"/entities", "prefix", "Quis"))
	assert.Equal(t, 2, int(loads.Load()))
}
