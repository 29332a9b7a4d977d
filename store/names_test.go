package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// longName is a name longer than the name index keeps (maxNameKey).
var longName = strings.Repeat("Joint Standing Committee on Regional Water Allocation ", 5) + "Oversight"

// namesFixture are the entities testNamePrefix writes, beyond batch's.
var namesFixture = []graph.Entity{
	{ID: graph.EntityID(graph.Organization, longName), Name: longName, Type: graph.Organization},
	{ID: graph.EntityID(graph.Person, "Ruth Antwi"), Name: "Ruth Antwi", Type: graph.Person, Aliases: []string{"R. Antwi"}},
}

// bruteByPrefix returns the ids, sorted, of the entities of s a prefix
// search finds, testing every name of every entity.
func bruteByPrefix(t *testing.T, s *Store, prefix string) []string {
	t.Helper()
	var ids []string
	require.NoError(t, s.Entities(context.Background(), func(e graph.Entity) error {
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if NameFinds(n, prefix) {
				ids = append(ids, e.ID)
				break
			}
		}
		return nil
	}))
	slices.Sort(ids)
	return ids
}

// bruteByName returns the first limit (0: all) of ids, ordered by their
// entities' names, then ids.
func bruteByName(t *testing.T, s *Store, ids []string, limit int) []string {
	t.Helper()
	names := map[string]string{}
	for _, id := range ids {
		e, err := s.Entity(context.Background(), id)
		require.NoError(t, err)
		names[id] = e.Name
	}
	out := slices.Clone(ids)
	slices.SortFunc(out, func(a, b string) int {
		if names[a] != names[b] {
			return strings.Compare(names[a], names[b])
		}
		return strings.Compare(a, b)
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// testNamePrefix checks the name index of a fresh store against every
// entity's names, after writes that add entities and aliases and after
// Reindex.
func testNamePrefix(t *testing.T, s *Store) {
	ctx := context.Background()
	a := art("n01", 4)
	b := batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO."))
	b.Entities = append(b.Entities, namesFixture...)
	// More entities of one prefix than a search reads at a time
	// (sortedChunk), named out of id order, with aliases of the prefix.
	for i := range 150 {
		name := fmt.Sprintf("Kara Envoy %03d", (i*37)%150)
		b.Entities = append(b.Entities, graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("envoy %d", i)), Name: name, Type: graph.Person,
			Aliases: []string{fmt.Sprintf("Kaspar %03d", i)}})
	}
	_, err := s.Write(ctx, b, t0)
	require.NoError(t, err)
	// A later article gives Rutte an alias, and a country its code.
	a2 := art("n02", 5)
	more := rutte
	more.Aliases = []string{"Secretary-General Rutte"}
	coded := usa
	coded.Code = "USA"
	b2 := graph.Batch{Article: a2, Entities: []graph.Entity{more, nato, coded}, Facts: []graph.Fact{fact(a2, more, graph.Leads, nato, "Secretary-General Rutte leads NATO.")}}
	_, err = s.Write(ctx, b2, t0)
	require.NoError(t, err)

	antwi := namesFixture[1].ID
	cases := []struct {
		prefix string
		want   []string // nil: only checked against every entity's names
	}{
		{"rut", []string{rutte.ID, antwi}},       // a word of "Mark Rutte", the first of "Ruth Antwi"
		{"mark rut", []string{rutte.ID}},         // words, the last as a prefix
		{"ANTO", []string{costa.ID}},             // folded: "António" is "antonio"
		{"antó", []string{costa.ID}},             // as written
		{"ant", []string{costa.ID, antwi}},       // both ways
		{"secretary-gen", []string{rutte.ID}},    // the alias the second article added
		{"secretarygeneral", []string{rutte.ID}}, // its folded form
		{"the all", []string{nato.ID}},           // an alias's words
		{"states", []string{usa.ID}},             // a last word (its code the later article's)
		{"u.s", []string{usa.ID}},                // folded "us"
		{"mark rutte the", []string{}},           // more words than the name has
		{"zzz", []string{}},                      // nothing
		{"  ", []string{}},                       // no prefix at all
		{strings.ToLower(longName), nil},         // longer than the index keeps
		{longName[:maxNameKey+5] + "X", nil},     // the same start, then another word
		{"water allocation oversight", nil},      // a word far into a long name
		{"t", nil},
		{"r", nil},
		{"ka", nil},           // the prefix of 150 names and aliases
		{"kara envoy 1", nil}, // longer than the sorted rows' prefixes
		{"kaspar 04", nil},    // aliases only
		{"envoy 14", nil},     // a word
	}
	check := func(t *testing.T) {
		for _, c := range cases {
			ids, ok, err := s.EntitiesByPrefix(ctx, c.prefix)
			require.NoError(t, err, c.prefix)
			require.True(t, ok, "the store keeps a name index")
			var found []string
			for _, id := range ids {
				e, err := s.Entity(ctx, id)
				require.NoError(t, err)
				if slices.ContainsFunc(append([]string{e.Name}, e.Aliases...), func(n string) bool { return NameFinds(n, c.prefix) }) {
					found = append(found, id)
				}
			}
			brute := bruteByPrefix(t, s, c.prefix)
			for _, limit := range []int{0, 1, 2, 70} {
				byName, ok, err := s.EntitiesByName(ctx, c.prefix, limit)
				require.NoError(t, err, c.prefix)
				require.True(t, ok, "the name index has sorted rows")
				assert.Equal(t, bruteByName(t, s, brute, limit), byName, "prefix %q limit %d: the first by name", c.prefix, limit)
				named, ok, err := s.EntitiesNamed(ctx, c.prefix, limit)
				require.NoError(t, err, c.prefix)
				require.True(t, ok, "the name index has cards")
				var read []graph.Entity
				for _, id := range byName {
					e, err := s.Entity(ctx, id)
					require.NoError(t, err)
					read = append(read, e)
				}
				assert.Equal(t, read, named, "prefix %q limit %d: the cards are the entities", c.prefix, limit)
			}
			assert.Equal(t, brute, found, "prefix %q: the index finds what every entity's names do", c.prefix)
			if c.want != nil {
				want := slices.Sorted(slices.Values(c.want))
				if len(want) == 0 {
					want = nil
				}
				assert.Equal(t, want, found, "prefix %q", c.prefix)
			}
		}
	}
	t.Run("Written", check)
	n, err := s.Reindex(ctx)
	require.NoError(t, err)
	assert.Equal(t, 157, n.Entities, "entities indexed")
	t.Run("Reindexed", check)
}

// TestNameIndexLegacy checks that a bbolt store written before the name
// index says it has none, and has one after Reindex.
func TestNameIndexLegacy(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s := openBoltDir(t, dir)
	a := art("l01", 3)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(namesBucket)) }))

	_, ok, err := s.EntitiesByPrefix(ctx, "rut")
	require.NoError(t, err)
	assert.False(t, ok, "no index: the caller reads every entity")
	_, ok, err = s.EntitiesByName(ctx, "rut", 1)
	require.NoError(t, err)
	assert.False(t, ok, "no sorted rows")
	// A write to a store without the index adds nothing, and fails nothing.
	a2 := art("l02", 4)
	_, err = s.Write(ctx, batch(a2, fact(a2, trump, graph.Met, rutte, "Trump met Rutte.")), t0)
	require.NoError(t, err)

	n, err := s.Reindex(ctx)
	require.NoError(t, err)
	assert.Equal(t, 5, n.Entities)
	ids, ok, err := s.EntitiesByPrefix(ctx, "rut")
	require.NoError(t, err)
	assert.True(t, ok)
	assert.Equal(t, []string{rutte.ID}, ids)
	ids, ok, err = s.EntitiesByName(ctx, "t", 0)
	require.NoError(t, err)
	assert.True(t, ok, "reindexed: sorted rows")
	assert.Equal(t, []string{trump.ID, nato.ID}, ids, "Donald Trump, then North Atlantic Treaty Organization (\"the Alliance\")")

	named, ok, err := s.EntitiesNamed(ctx, "t", 0)
	require.NoError(t, err)
	assert.True(t, ok, "reindexed: cards")
	assert.Equal(t, []graph.Entity{trump, nato}, named)
}

// TestNameCardsLegacy checks that a bbolt store whose name index was
// written before cards (sorted rows, no cards) says it has none, so that
// a listing reads the entities, and has them after Reindex.
func TestNameCardsLegacy(t *testing.T) {
	ctx := context.Background()
	s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
	a := art("c01", 3)
	_, err := s.Write(ctx, batch(a, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
	require.NoError(t, err)
	// What the code before cards wrote: no marker, no card rows.
	require.NoError(t, s.bolt.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(namesBucket))
		var del [][]byte
		require.NoError(t, b.ForEach(func(k, _ []byte) error {
			if k[0] == keyCard || strings.HasPrefix(string(k), cardsMarker) {
				del = append(del, slices.Clone(k))
			}
			return nil
		}))
		require.NotEmpty(t, del, "the store has cards")
		for _, k := range del {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	}))
	_, ok, err := s.EntitiesNamed(ctx, "rut", 0)
	require.NoError(t, err)
	assert.False(t, ok, "no cards: the caller reads the entities")
	ids, ok, err := s.EntitiesByName(ctx, "rut", 0)
	require.NoError(t, err)
	assert.True(t, ok, "the sorted rows are still read")
	assert.Equal(t, []string{rutte.ID}, ids)

	_, err = s.Reindex(ctx)
	require.NoError(t, err)
	named, ok, err := s.EntitiesNamed(ctx, "rut", 0)
	require.NoError(t, err)
	assert.True(t, ok, "reindexed: cards")
	assert.Equal(t, []graph.Entity{rutte}, named)
}

// TestNameFinds pins the prefix rule the index and Names.Prefix share.
func TestNameFinds(t *testing.T) {
	for _, c := range []struct {
		text, prefix string
		want         bool
	}{
		{"Mark Rutte", "rut", true},
		{"Mark Rutte", "mark rut", true},
		{"Mark Rutte", "markru", true},
		{"Mark Rutte", "ark", false},
		{"Mark Rutte", "mark  rutte", true},
		{"Mark Rutte", "mar rutte", false},
		{"António Costa", "antonio c", true}, // folded, spaces dropped
		{"António Costa", "antonio x", false},
		{"António Costa", "antonioc", true},
		{"Mark Rutte", "", false},
		{"Mark Rutte", "...", false},
	} {
		assert.Equal(t, c.want, NameFinds(c.text, c.prefix), "%q finds %q", c.prefix, c.text)
	}
}
