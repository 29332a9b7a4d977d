package store

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// testTimeSentences checks that the sentences a source's dates came from
// are stored with the source and read back, that restating the source adds
// only the new ones, and that they never make a second source.
func testTimeSentences(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	s := open(t)
	a := art("d01", 3)
	const (
		main   = "Two days later Rutte visited Kyiv."
		monday = "Rutte met Trump in Palm Beach on Monday."
		week   = "The week began with a call to Costa."
	)
	visit := fact(a, rutte, graph.Met, trump, main)
	visit.Date = graph.DayOf(2024, time.October, 3)
	visit.Sources[0].TimeSentences = []string{monday}
	lead := fact(a, rutte, graph.Leads, nato, "Rutte is NATO's secretary general.")
	lead.Role = "Secretary General"

	_, err := s.Write(ctx, batch(a, visit, lead), t0)
	require.NoError(t, err)
	got, err := s.Fact(ctx, idOf(visit))
	require.NoError(t, err)
	require.Len(t, got.Sources, 1)
	assert.Equal(t, main, got.Sources[0].Sentence, "the main sentence stays the evidence sentence")
	assert.Equal(t, []string{monday}, got.Sources[0].TimeSentences)
	got, err = s.Fact(ctx, idOf(lead))
	require.NoError(t, err)
	assert.Empty(t, got.Sources[0].TimeSentences, "a sentence that states its own dates has none")

	// The same statement again: nothing changes.
	st, err := s.Write(ctx, batch(a, visit), t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, graph.WriteStats{}, st)

	// Restated with one more time sentence: one source, both sentences.
	again := visit
	again.Sources = []graph.Source{{Article: a.ID, Sentence: main, TimeSentences: []string{week, monday}}}
	st, err = s.Write(ctx, batch(a, again), t0.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, graph.WriteStats{FactsMerged: 1}, st)
	got, err = s.Fact(ctx, idOf(visit))
	require.NoError(t, err)
	require.Len(t, got.Sources, 1)
	assert.Equal(t, []string{monday, week}, got.Sources[0].TimeSentences)
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, stats.Sources)

	// Listing facts reads them too.
	for _, f := range allFacts(t, s, FactFilter{}) {
		if f.ID == idOf(visit) {
			assert.Equal(t, []string{monday, week}, f.Sources[0].TimeSentences)
		}
	}
}
