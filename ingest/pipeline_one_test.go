package ingest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

func TestIngestArticle(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	var reported []*ReadError
	p := &Pipeline{Store: st, Extractor: ex, Resolver: res, OnError: func(e *ReadError) { reported = append(reported, e) }}
	a := Article{ID: "a1", Published: graph.DayOf(2024, 11, 29), Origin: "feed#a1",
		Text: "Mark Rutte met Donald Trump in Palm Beach on Friday."}

	sum, err := p.IngestArticle(ctx, a)
	require.NoError(t, err)
	assert.Equal(t, Summary{Read: 1, New: 1, FactsAdded: sum.FactsAdded, Entities: sum.Entities}, sum)
	assert.Positive(t, sum.FactsAdded)

	for name, b := range map[string]Article{"same": a, "same content, other id": {ID: "copy", Text: a.Text + "  ", Published: a.Published}} {
		sum, err = p.IngestArticle(ctx, b)
		require.NoError(t, err)
		assert.Equal(t, Summary{Read: 1, Unchanged: 1}, sum, name)
	}
	changed := a
	changed.Text += " They discussed Ukraine."
	sum, err = p.IngestArticle(ctx, changed)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Updated)

	undated := Article{ID: "u", Text: "Keir Starmer met Mark Carney.", Origin: "x"}
	sum, err = p.IngestArticle(ctx, undated)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Warnings)
	require.Len(t, reported, 1)
	assert.ErrorIs(t, reported[0], ErrNoDate)

	var total Summary
	total.Add(sum)
	total.Add(Summary{Read: 1, Errors: 2})
	assert.Equal(t, 2, total.Read)
	assert.Equal(t, 2, total.Errors)

	require.NoError(t, st.Close())
	sum, err = p.IngestArticle(ctx, Article{ID: "late", Text: "text", Origin: "late", Published: a.Published})
	assert.ErrorIs(t, err, store.ErrClosed)
	assert.Equal(t, 1, sum.Errors)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = p.IngestArticle(cancelled, a)
	assert.ErrorIs(t, err, context.Canceled)
}
