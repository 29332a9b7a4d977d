package ingest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// TestPipelineResolvesPeopleAcrossArticles ingests articles that name one
// person three ways and a namesake, with the real extractor, and checks
// that the store holds one entity for the person and another for the
// namesake.
func TestPipelineResolvesPeopleAcrossArticles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", `{"id":"r1","published":"2024-03-04","text":"Michael Harlow met Kaja Kallas in Brussels on Monday."}
{"id":"r2","published":"2024-03-10","text":"Mike Harlow visited Kenya on Friday."}
{"id":"r3","published":"2024-03-13","text":"On Tuesday, Harlow criticized Russia over the strikes."}
{"id":"r4","published":"2024-03-14","text":"Donald Harlow visited Chile on Wednesday."}
{"id":"r5","published":"2024-03-15","text":"Antonio Costa visited Kenya on Thursday."}
`)
	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	p := &Pipeline{Store: st, Extractor: ex, Resolver: res, Workers: 2}
	sum, err := p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, 5, sum.New)

	michael := graph.EntityID(graph.Person, "Michael Harlow")
	subjects := map[string]string{}
	for _, f := range countFacts(t, st) {
		subjects[f.Predicate+" "+f.Object] = f.Subject
	}
	require.Equal(t, michael, subjects["met person/kaja-kallas"])
	require.Equal(t, michael, subjects["visited country/kenya"], "Mike Harlow is Michael Harlow")
	require.Equal(t, michael, subjects["criticized country/russia"], "Harlow is Michael Harlow")
	require.Equal(t, graph.EntityID(graph.Person, "Donald Harlow"), subjects["visited country/chile"])

	e, err := st.Entity(ctx, michael)
	require.NoError(t, err)
	require.Equal(t, "Michael Harlow", e.Name)
	require.Contains(t, e.Aliases, "Mike Harlow")
	_, err = st.Entity(ctx, graph.EntityID(graph.Person, "Mike Harlow"))
	require.ErrorIs(t, err, store.ErrNotFound)
}
