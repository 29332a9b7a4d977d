package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// indexOnly is a store that answers prefix searches from its name index
// and cannot list its entities: a search that read them all would fail.
type indexOnly struct {
	s *store.Store
}

func (x indexOnly) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	return x.s.Resolve(ctx, name)
}

func (x indexOnly) Entity(ctx context.Context, id string) (graph.Entity, error) {
	return x.s.Entity(ctx, id)
}

func (x indexOnly) Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error {
	return x.s.Facts(ctx, f, fn)
}

func (x indexOnly) EntitiesByPrefix(ctx context.Context, prefix string) ([]string, bool, error) {
	return x.s.EntitiesByPrefix(ctx, prefix)
}

// TestSearchEntitiesIndexed checks that a search with no names loaded
// reads the store's name index, not every entity, and answers what the
// names loaded answer, in the same order, with the same matched names.
func TestSearchEntitiesIndexed(t *testing.T) {
	ctx := context.Background()
	s := askStore(t)
	// Two entities of one name (ordered by id), diacritics, and a name
	// found both by its folded form and by a word.
	more := []graph.Entity{
		{ID: graph.EntityID(graph.Person, "John Smith"), Name: "John Smith", Type: graph.Person, Aliases: []string{"Smith"}},
		{ID: graph.EntityID(graph.Organization, "John Smith"), Name: "John Smith", Type: graph.Organization},
		{ID: graph.EntityID(graph.Person, "Jöran Persson"), Name: "Jöran Persson", Type: graph.Person, Aliases: []string{"Persson"}},
		{ID: graph.EntityID(graph.Person, "Anna Jo Berg"), Name: "Anna Jo Berg", Type: graph.Person, Aliases: []string{"Jo Berg", "A. J. Berg"}},
	}
	a := graph.Article{ID: "names-extra", Published: graph.DayOf(2025, time.March, 1), Hash: "names-extra"}
	_, err := s.Write(ctx, graph.Batch{Article: a, Entities: more}, time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)

	// A later article gives Jöran Persson an alias.
	later := graph.Article{ID: "names-later", Published: graph.DayOf(2025, time.March, 2), Hash: "names-later"}
	_, err = s.Write(ctx, graph.Batch{Article: later, Entities: []graph.Entity{{ID: more[2].ID, Name: more[2].Name, Type: graph.Person, Aliases: []string{"Göran Persson"}}}},
		time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)

	names, err := LoadNames(ctx, s)
	require.NoError(t, err)
	indexed := New(indexOnly{s})
	sorted := &sortedOnly{indexOnly: indexOnly{s}}
	byName := New(sorted)
	carded := &cardsOnly{sortedOnly: sortedOnly{indexOnly: indexOnly{s}}}
	byCard := New(carded)
	loaded := New(s)
	for _, prefix := range []string{"jo", "Jo", "JOR", "jör", "john s", "smith", "jo berg", "ajb", "rut", "m", "trump", "n", "ishi", "gör", "goran p", "a", "p"} {
		for _, limit := range []int{0, 1, 2} {
			want, err := loaded.SearchEntities(ctx, names, prefix, limit)
			require.NoError(t, err)
			require.NotEmpty(t, want, "prefix %q finds something", prefix)
			got, err := indexed.SearchEntities(ctx, nil, prefix, limit)
			require.NoError(t, err, "prefix %q: the index answers without listing every entity", prefix)
			require.Equal(t, want, got, "prefix %q limit %d", prefix, limit)
			sorted.reads = 0
			got, err = byName.SearchEntities(ctx, nil, prefix, limit)
			require.NoError(t, err, "prefix %q: the index answers without listing every entity", prefix)
			require.Equal(t, want, got, "prefix %q limit %d, by name", prefix, limit)
			if limit > 0 {
				require.LessOrEqual(t, sorted.reads, limit, "prefix %q: reads the entities it lists", prefix)
			}
			carded.reads = 0
			got, err = byCard.SearchEntities(ctx, nil, prefix, limit)
			require.NoError(t, err, "prefix %q: the index answers without listing every entity", prefix)
			require.Equal(t, want, got, "prefix %q limit %d, from the cards", prefix, limit)
			require.Zero(t, carded.reads, "prefix %q: the cards hold what the listing prints: no entity read", prefix)
		}
	}
}

// sortedOnly is an indexOnly store whose name index lists entities by
// name; it counts the entities read.
type sortedOnly struct {
	indexOnly
	reads int
}

func (x *sortedOnly) Entity(ctx context.Context, id string) (graph.Entity, error) {
	x.reads++
	return x.s.Entity(ctx, id)
}

func (x *sortedOnly) EntitiesByName(ctx context.Context, prefix string, limit int) ([]string, bool, error) {
	return x.s.EntitiesByName(ctx, prefix, limit)
}

// cardsOnly is a sortedOnly store whose name index keeps each entity's
// card (store.Store.EntitiesNamed).
type cardsOnly struct {
	sortedOnly
}

func (x *cardsOnly) EntitiesNamed(ctx context.Context, prefix string, limit int) ([]graph.Entity, bool, error) {
	return x.s.EntitiesNamed(ctx, prefix, limit)
}
