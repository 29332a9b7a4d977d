package ingest

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// fakeResolver renames every batch person "Alpha" to "Omega" and fails
// on batches of articles whose id starts with "bad"; it counts its calls.
type fakeResolver struct{ calls atomic.Int64 }

var errResolve = errors.New("resolver down")

func (r *fakeResolver) Batch(_ context.Context, l resolve.Lookup, b *graph.Batch) (resolve.Stats, error) {
	r.calls.Add(1)
	if l == nil {
		return resolve.Stats{}, errors.New("no lookup")
	}
	if strings.HasPrefix(b.Article.ID, "bad") {
		return resolve.Stats{}, errResolve
	}
	alpha, omega := graph.EntityID(graph.Person, "Alpha"), graph.EntityID(graph.Person, "Omega")
	for i, e := range b.Entities {
		if e.ID == alpha {
			b.Entities[i] = graph.Entity{ID: omega, Name: "Omega", Type: graph.Person}
		}
	}
	for i, f := range b.Facts {
		if f.Subject == alpha {
			b.Facts[i].Subject = omega
			b.Facts[i].ComputeID()
		}
	}
	return resolve.Stats{Merged: 1}, nil
}

// TestStepResolverInjected checks that Run and IngestArticle both resolve
// through the injected Resolver, that a failing resolution costs only its
// article, and that a nil Resolver leaves the batch as extracted.
func TestStepResolverInjected(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", `{"id":"a1","published":"2024-05-01","text":"Alpha met Beta."}
{"id":"bad1","published":"2024-05-02","text":"Gamma met Delta."}
{"id":"a2","published":"2024-05-03","text":"Epsilon met Zeta."}
`)
	subjects := func(st *store.Store) map[string]bool {
		out := map[string]bool{}
		for _, f := range countFacts(t, st) {
			out[f.Subject] = true
		}
		return out
	}
	omega, alpha := graph.EntityID(graph.Person, "Omega"), graph.EntityID(graph.Person, "Alpha")

	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	res := &fakeResolver{}
	var errs []*ReadError
	p := &Pipeline{Store: st, Extractor: &wordExtractor{}, Resolver: res, Workers: 2,
		OnError: func(e *ReadError) { errs = append(errs, e) }}
	sum, err := p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.NoError(t, err, "a failed resolution does not stop the run")
	assert.Equal(t, Summary{Read: 3, New: 2, Errors: 1, FactsAdded: 2, Entities: 4}, sum)
	assert.Equal(t, int64(3), res.calls.Load())
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], errResolve)
	assert.Contains(t, errs[0].Error(), "resolve: ")
	got := subjects(st)
	assert.True(t, got[omega], "Run resolved through the injected Resolver")
	assert.False(t, got[alpha])
	_, err = st.Entity(ctx, graph.EntityID(graph.Person, "Gamma"))
	assert.ErrorIs(t, err, store.ErrNotFound, "the failed article wrote nothing")

	one, err := p.IngestArticle(ctx, Article{ID: "a3", Origin: "x#a3", Published: graph.DayOf(2024, 5, 4), Text: "Alpha met Eta."})
	require.NoError(t, err)
	assert.Equal(t, 1, one.New)
	assert.Equal(t, int64(4), res.calls.Load(), "IngestArticle takes the same step")
	_, err = p.IngestArticle(ctx, Article{ID: "bad2", Origin: "x#bad2", Published: graph.DayOf(2024, 5, 4), Text: "Theta met Iota."})
	assert.ErrorIs(t, err, errResolve)
	assert.Contains(t, err.Error(), "x#bad2: resolve: ")

	plain, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer plain.Close()
	p = &Pipeline{Store: plain, Extractor: &wordExtractor{}}
	sum, err = p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, 3, sum.New)
	got = subjects(plain)
	assert.True(t, got[alpha], "no Resolver: people stay as extracted")
	assert.False(t, got[omega])
}
