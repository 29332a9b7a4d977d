package ingest

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/store"
)

// A date out of graph.Date's range — a relative date counted past 9999,
// or an article's own publication date from a feed that gives year 0 — is
// a warning and is not stored; the article is, and the store reads back.
func TestIngestDropsOutOfRangeDates(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	ex, err := extract.New()
	require.NoError(t, err)
	var reported []*ReadError
	p := &Pipeline{Store: st, Extractor: ex, OnError: func(e *ReadError) { reported = append(reported, e) }}

	for _, a := range []Article{
		{ID: "late", Published: graph.DayOf(9999, 12, 31), Origin: "late",
			Text: "Prime Minister Keir Starmer met President Emmanuel Macron in Oslo on 2 January."},
		{ID: "early", Published: graph.DayOf(1, 3, 1), Origin: "early",
			Text: "Two years ago Prime Minister Keir Starmer visited Norway."},
		{ID: "zero", Published: graph.DayOf(0, 6, 1), Origin: "zero",
			Text: "Keir Starmer met Mark Carney next year."}, // not year 1: nothing counts from a bad date
	} {
		reported = nil
		sum, err := p.IngestArticle(ctx, a)
		require.NoError(t, err, a.ID)
		assert.Equal(t, 1, sum.New, a.ID)
		require.NotEmpty(t, reported, a.ID)
		assert.ErrorIs(t, reported[0], graph.ErrDateRange, a.ID)
		for _, e := range reported {
			assert.True(t, e.Warning, a.ID)
			if !errors.Is(e, graph.ErrDateRange) {
				assert.ErrorIs(t, e, ErrNoDate, a.ID)
			}
		}
	}
	n, carney := 0, false
	require.NoError(t, st.Facts(ctx, store.FactFilter{}, func(f graph.Fact) error {
		n++
		for _, d := range []graph.Date{f.Start, f.End, f.Date} {
			assert.True(t, d.Valid(), f.ID)
		}
		if f.Object == graph.EntityID(graph.Person, "Mark Carney") {
			carney = true
			assert.True(t, f.Date.IsZero(), "dated from year 0: %v", f.Date)
		}
		return nil
	}))
	assert.Positive(t, n)
	assert.True(t, carney, "the article dated year 0 is stored")
	a, _, err := st.LookupArticle(ctx, "zero", "")
	require.NoError(t, err)
	require.NotNil(t, a)
	assert.True(t, a.Published.IsZero())
}
