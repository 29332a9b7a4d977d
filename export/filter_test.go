package export

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func TestFilters(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	keyOf := map[string]string{}
	for k, id := range ids {
		keyOf[id] = k
	}
	day := graph.DayOf
	tests := []struct {
		name   string
		filter Filter
		want   []string
	}{
		{"everything", Filter{}, []string{"nl-nato", "oneil-rutte", "putin-ru", "putin-xi", "rutte-nato", "rutte-nl", "rutte-oneil", "stolt-nato", "xi-cn"}},
		// Stoltenberg has no end but was followed by Rutte: not in the snapshot.
		{"snapshot", Filter{At: day(2024, time.December, 1)}, []string{"nl-nato", "putin-ru", "rutte-nato", "xi-cn"}},
		{"snapshot before the handover", Filter{At: day(2024, time.May, 1)}, []string{"nl-nato", "putin-ru", "rutte-nl", "stolt-nato", "xi-cn"}},
		{"range", Filter{From: day(2024, time.May, 1), To: day(2024, time.May, 31)},
			[]string{"nl-nato", "putin-ru", "putin-xi", "rutte-nl", "stolt-nato", "xi-cn"}},
		// Stoltenberg's term ends where Rutte's starts.
		{"range from a month", Filter{From: graph.MonthOf(2024, time.November)}, []string{"nl-nato", "oneil-rutte", "putin-ru", "rutte-nato", "xi-cn"}},
		{"range up to a year", Filter{To: graph.YearOf(2023)}, []string{"nl-nato", "putin-ru", "rutte-nl", "rutte-oneil", "stolt-nato", "xi-cn"}},
		{"predicate", Filter{Predicate: graph.Met}, []string{"putin-xi", "rutte-oneil"}},
		{"entity", Filter{Entity: "Rutte"}, []string{"oneil-rutte", "rutte-nato", "rutte-nl", "rutte-oneil"}},
		{"entity two hops", Filter{Entity: "mark rutte", Hops: 2}, []string{"nl-nato", "oneil-rutte", "rutte-nato", "rutte-nl", "rutte-oneil", "stolt-nato"}},
		{"entity in Cyrillic, two hops", Filter{Entity: "Владимир Путин", Hops: 2}, []string{"putin-ru", "putin-xi", "xi-cn"}},
		{"neighbourhood of a snapshot", Filter{Entity: "Rutte", Hops: 3, At: day(2024, time.December, 1)}, []string{"nl-nato", "rutte-nato"}},
		{"min confidence", Filter{MinConfidence: 0.9}, []string{"nl-nato", "putin-ru", "rutte-nato", "xi-cn"}},
		{"all together", Filter{Predicate: graph.Leads, MinConfidence: 0.85, From: graph.YearOf(2024), Entity: "NATO", Hops: 2}, []string{"rutte-nato"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := NewSelection(s, tt.filter)
			require.NoError(t, err)
			var got []string
			require.NoError(t, sel.Facts(context.Background(), func(it Item) error {
				got = append(got, keyOf[it.Fact.ID])
				return nil
			}))
			sort.Strings(got)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestFilterEntities(t *testing.T) {
	s, _ := fixture(t, store.MemoryDSN)
	ctx := context.Background()
	names := func(f Filter) []string {
		sel, err := NewSelection(s, f)
		require.NoError(t, err)
		var out []string
		require.NoError(t, sel.Entities(ctx, func(e graph.Entity) error { out = append(out, e.Name); return nil }))
		return out
	}
	require.Len(t, names(Filter{}), 9)
	require.Equal(t, []string{"Владимир Путин", "習近平"}, names(Filter{Predicate: graph.Met, From: graph.YearOf(2024)}))
}

func TestFilterErrors(t *testing.T) {
	s, _ := fixture(t, store.MemoryDSN)
	d := graph.DayOf(2024, time.January, 1)
	for name, f := range map[string]Filter{
		"at and from":       {At: d, From: d},
		"from after to":     {From: graph.YearOf(2025), To: graph.YearOf(2024)},
		"unknown predicate": {Predicate: "likes"},
		"negative hops":     {Entity: "NATO", Hops: -1},
		"hops alone":        {Hops: 2},
		"confidence":        {MinConfidence: 1.5},
	} {
		_, err := NewSelection(s, f)
		require.ErrorIs(t, err, ErrBadFilter, name)
	}
	sel, err := NewSelection(s, Filter{Entity: "Nobody Atall"})
	require.NoError(t, err)
	err = sel.Facts(context.Background(), func(Item) error { return nil })
	require.ErrorIs(t, err, ErrUnknownEntity)
}
