package store

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestPostgresReadCache checks the PostgreSQL read cache (pgcache.go): a
// lookup an ingest repeats costs one query (the change counter) while no
// other process writes, its answers follow this process's own writes, and
// a write by another process is seen by the next read. Every answer is
// compared with a store that keeps no cache (read-only).
func TestPostgresReadCache(t *testing.T) {
	dsn := pgDatabase(t)
	ctx := context.Background()
	open := func(readOnly bool) *Store {
		s, err := Open(ctx, dsn, Options{ReadOnly: readOnly})
		require.NoError(t, err)
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(false), open(false)
	plain := open(true)
	require.Nil(t, plain.pg.cache, "a read-only store keeps no read cache")

	pieter := graph.Entity{ID: graph.EntityID(graph.Person, "Pieter Voorbeeld"), Name: "Pieter Voorbeeld", Type: graph.Person, Aliases: []string{"Voorbeeld"}}
	names := []string{"Pieter Voorbeeld", "Voorbeeld", "Rutte", "Mark Rutte", "person/mark-rutte", "NATO"}
	// same asks a and the cache-less store the same questions.
	same := func(step string) {
		t.Helper()
		for _, id := range []string{"c1", "c2", "c3"} {
			gotA, gotSeen, err := a.LookupArticle(ctx, id, "hash-"+id)
			require.NoError(t, err)
			wantA, wantSeen, err := plain.LookupArticle(ctx, id, "hash-"+id)
			require.NoError(t, err)
			assert.Equal(t, wantA, gotA, "%s: article %s", step, id)
			assert.Equal(t, wantSeen, gotSeen, "%s: hash of %s", step, id)
		}
		got, err := a.ResolveAll(ctx, names)
		require.NoError(t, err)
		for _, n := range names {
			want, err := plain.Resolve(ctx, n)
			require.NoError(t, err)
			assert.Equal(t, want, got[n], "%s: resolve %q", step, n)
		}
	}

	c1 := art("c1", 3)
	_, err := a.Write(ctx, batch(c1, fact(c1, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	same("after a's first write")

	// Asked again with nothing written: one query per read, the counter.
	before := a.pg.queries.Load()
	_, _, err = a.LookupArticle(ctx, "c2", "hash-c2")
	require.NoError(t, err)
	_, err = a.ResolveAll(ctx, names)
	require.NoError(t, err)
	assert.Equal(t, int64(2), a.pg.queries.Load()-before, "queries of a repeated lookup and resolution")

	// Another process writes: a's next reads see it.
	c2 := art("c2", 4)
	b2 := batch(c2, fact(c2, pieter, graph.Met, rutte, "Voorbeeld met Rutte."))
	b2.Entities = append(b2.Entities, pieter)
	_, err = b.Write(ctx, b2, t0)
	require.NoError(t, err)
	same("after b's write")
	got, err := a.ResolveAll(ctx, []string{"Voorbeeld"})
	require.NoError(t, err)
	assert.Len(t, got["Voorbeeld"], 1, "b's person, seen by a")

	// a's own write changes what it has cached: a new alias, a new article.
	c3 := art("c3", 5)
	rutte2 := rutte
	rutte2.Aliases = []string{"Secretary General Rutte"}
	b3 := batch(c3, fact(c3, rutte2, graph.Met, pieter, "Secretary General Rutte met Voorbeeld."))
	b3.Entities = []graph.Entity{rutte2, pieter}
	_, err = a.Write(ctx, b3, t0)
	require.NoError(t, err)
	names = append(names, "Secretary General Rutte")
	same("after a's second write")

	// b again, then a: a's write reads what b wrote.
	c4 := art("c4", 6)
	_, err = b.Write(ctx, batch(c4, fact(c4, rutte, graph.Leads, nato, "Rutte still leads NATO.")), t0)
	require.NoError(t, err)
	c5 := art("c5", 7)
	_, err = a.Write(ctx, batch(c5, fact(c5, rutte, graph.Leads, nato, "NATO is led by Rutte.")), t0)
	require.NoError(t, err)
	same("after both wrote")
	want := openMemory(t)
	for _, bt := range []graph.Batch{batch(c1, fact(c1, rutte, graph.Leads, nato, "Rutte leads NATO.")), b2, b3,
		batch(c4, fact(c4, rutte, graph.Leads, nato, "Rutte still leads NATO.")),
		batch(c5, fact(c5, rutte, graph.Leads, nato, "NATO is led by Rutte."))} {
		_, err := want.Write(ctx, bt, t0)
		require.NoError(t, err)
	}
	assert.Equal(t, snapshot(t, want), snapshot(t, plain))
	assert.Equal(t, sortedQuads(t, want), sortedQuads(t, plain))
}
