package ingest

import (
	"context"
	"strings"
	"testing"
	"time"

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

// TestIngestCorrection re-ingests corrected versions of one article: a
// changed verb withdraws the old claim, and a publication date given
// later dates the article's events; what was known before each update
// stays known as of then.
func TestIngestCorrection(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	day := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	now := day
	p := &Pipeline{Store: st, Extractor: ex, Resolver: res, Now: func() time.Time { return now }}
	preds := func(w graph.Window) map[string]int {
		t.Helper()
		out := map[string]int{}
		require.NoError(t, st.Facts(ctx, store.FactFilter{Withdrawn: !w.AsKnown.IsZero()}, func(f graph.Fact) error {
			if k, ok := w.Known(f); ok && (k.Predicate == graph.Met || k.Predicate == graph.SpokeWith) {
				out[k.Predicate+" "+k.Date.String()]++
			}
			return nil
		}))
		return out
	}
	v1 := Article{ID: "upd-1", Origin: "upd-1.md",
		Text: "Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh on Tuesday."}
	sum, err := p.IngestArticle(ctx, v1)
	require.NoError(t, err)
	require.Equal(t, 1, sum.New)
	assert.Equal(t, map[string]int{"met ": 1}, preds(graph.Window{}))

	now = day.AddDate(0, 0, 2)
	v2 := v1
	v2.Text = strings.Replace(v1.Text, " met ", " spoke with ", 1)
	sum, err = p.IngestArticle(ctx, v2)
	require.NoError(t, err)
	require.Equal(t, 1, sum.Updated)
	assert.Equal(t, map[string]int{"spoke_with ": 1}, preds(graph.Window{}), "the corrected claim only")
	assert.Equal(t, map[string]int{"met ": 1}, preds(graph.Window{AsKnown: graph.DateFromTime(day)}), "as known before the correction")
	assert.Equal(t, map[string]int{"spoke_with ": 1}, preds(graph.Window{AsKnown: graph.DateFromTime(now)}))

	now = day.AddDate(0, 0, 4)
	sum, err = p.IngestArticle(ctx, v2)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Unchanged, "the same version again")
	dated := v2
	dated.Published = graph.DayOf(2025, 2, 19)
	sum, err = p.IngestArticle(ctx, dated)
	require.NoError(t, err)
	require.Equal(t, 1, sum.Updated, "a publication date given later is an update")
	assert.Equal(t, map[string]int{"spoke_with 2025-02-18": 1}, preds(graph.Window{}), "dated, the undated claim withdrawn")
	assert.Equal(t, map[string]int{"spoke_with ": 1}, preds(graph.Window{AsKnown: graph.DateFromTime(day.AddDate(0, 0, 3))}))
	undated := dated
	undated.Published = graph.Date{}
	sum, err = p.IngestArticle(ctx, undated)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Unchanged, "leaving the date out again keeps it")
}
