package store

import (
	"context"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// oddIDs are fact ids without the compact form, around the compact ones
// in string order: upper case, too short, too long, other characters.
var oddIDs = []string{
	"fact/00-imported", "fact/ABCDEF0123456789ABCDEF01", "fact/abc", "fact/",
	"fact/ffffffffffffffffffffffffff", "fact/00000000000000000000000g", "fact/zz imported",
	"fact/800000000000000000000000x", "imported/1",
}

func TestCompactID(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := append([]string{"fact/000000000000000000000000", "fact/ffffffffffffffffffffffff"}, oddIDs...)
	for range 200 {
		var b [12]byte
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		ids = append(ids, "fact/"+hex.EncodeToString(b[:]))
	}
	for _, id := range ids {
		c, ok := parseCompact(id)
		if !ok {
			require.Contains(t, oddIDs, id)
			continue
		}
		require.Equal(t, id, c.String(), "the compact form spells the id back")
	}
	for _, a := range ids {
		for _, b := range ids {
			require.Equal(t, strings.Compare(a, b), newPageID(a).compare(newPageID(b)), "%s vs %s", a, b)
		}
	}
}

func TestIDPage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ids := append([]string{""}, oddIDs...)
	for range 300 {
		var b [12]byte
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		ids = append(ids, "fact/"+hex.EncodeToString(b[:]))
	}
	want := slices.Clone(ids)
	slices.Sort(want)
	for _, c := range []struct{ limit, pages int }{
		{1, 1000}, {2, 1000}, {3, 1000}, {7, 1000}, {64, 1000}, {len(ids) - 1, 1000}, {len(ids), 1000}, {1000, 1000},
		{1, 8}, {7, 8}, {1, 2}, {3, 3},
	} {
		p := newIDPage(c.limit, c.pages)
		var got []string
		scans := 0
		for {
			scans++
			// Every scan offers the set in another order, with repeats.
			for _, i := range rng.Perm(len(ids)) {
				p.add(ids[i])
				if i%5 == 0 {
					p.add(ids[i])
				}
			}
			require.NoError(t, p.ids(func(id string) error { got = append(got, id); return nil }))
			require.LessOrEqual(t, len(p.compact)+len(p.other), p.limit)
			if !p.next() {
				break
			}
		}
		require.Equal(t, want, got, "%+v", c)
		if pages := (len(want) + c.limit - 1) / c.limit; pages <= c.pages {
			require.Equal(t, pages, scans, "%+v: one scan per page", c)
		} else {
			require.LessOrEqual(t, scans, c.pages, "%+v: pages grow rather than scans", c)
		}
	}
}

// TestFactsPaged checks that Facts and Entities give the same answers,
// in id order, whatever their page size, on every backend, with ids in
// ComputeID's form and others (imported).
func TestFactsPaged(t *testing.T) {
	t.Run("Memory", func(t *testing.T) { testFactsPaged(t, openMemory(t)) })
	t.Run("Bbolt", func(t *testing.T) { testFactsPaged(t, openBoltDir(t, filepath.Join(t.TempDir(), "db"))) })
	t.Run("Postgres", func(t *testing.T) { testFactsPaged(t, openPostgres(t)) })
}

func testFactsPaged(t *testing.T, s *Store) {
	ctx := context.Background()
	a := art("p01", 5)
	var facts []graph.Fact
	for i := range 24 {
		who := []graph.Entity{trump, costa, usa}[i%3]
		f := fact(a, who, graph.Met, rutte, fmt.Sprintf("They met, %d.", i))
		f.Date = graph.DayOf(2024, time.January, 1+i)
		facts = append(facts, f)
	}
	lead := fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")
	lead.Role = "Secretary General"
	facts = append(facts, lead)
	_, err := s.Write(ctx, batch(a, facts...), t0)
	require.NoError(t, err)

	// Facts imported under ids of other forms: copies of the first fact's node.
	src := FactIRI(idOf(facts[0]))
	var node []quad.Quad
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if q.Subject == src && q.Label == nil {
			node = append(node, q)
		}
		return nil
	}))
	require.NotEmpty(t, node)
	var copies []quad.Quad
	for _, id := range oddIDs {
		if !strings.HasPrefix(id, "fact/") || id == "fact/" {
			continue
		}
		for _, q := range node {
			q.Subject = FactIRI(id)
			copies = append(copies, q)
		}
	}
	_, err = s.LoadQuads(ctx, quad.NewReader(copies))
	require.NoError(t, err)

	ids := func(limit, pages int, ff FactFilter) ([]string, []graph.Fact) {
		var out []string
		var fs []graph.Fact
		require.NoError(t, s.facts(ctx, ff, limit, pages, func(f graph.Fact) error {
			out = append(out, f.ID)
			fs = append(fs, f)
			return nil
		}))
		return out, fs
	}
	all, _ := ids(1<<20, 2, FactFilter{})
	require.True(t, slices.IsSorted(all), "fact id order")
	require.Len(t, all, len(facts)+len(oddIDs)-2)
	for _, id := range oddIDs[:3] {
		require.Contains(t, all, id)
	}
	for _, ff := range []FactFilter{
		{}, {Predicate: graph.Met}, {Predicate: graph.Leads}, {Subjects: []string{trump.ID, costa.ID}},
		{Subjects: []string{rutte.ID}, EitherSide: true}, {Objects: []string{rutte.ID}, Predicate: graph.Met},
	} {
		wantIDs, want := ids(1<<20, 2, ff)
		require.NotEmpty(t, want, "%+v", ff)
		require.True(t, slices.IsSorted(wantIDs), "%+v", ff)
		require.Equal(t, len(wantIDs), len(slices.Compact(slices.Clone(wantIDs))), "%+v: no repeats", ff)
		for _, limit := range []int{0, 1, 2, 5} {
			for _, pages := range []int{2, 4, 1000} {
				_, got := ids(limit, pages, ff)
				require.Equal(t, want, got, "%+v, pages of %d, %d at most", ff, limit, pages)
			}
		}
	}

	// fn may call the store, and stopping works between pages.
	n := 0
	require.NoError(t, s.facts(ctx, FactFilter{}, 2, 1000, func(f graph.Fact) error {
		g, err := s.Fact(ctx, f.ID)
		require.NoError(t, err)
		require.Equal(t, f, g)
		n++
		return nil
	}))
	require.Equal(t, len(all), n)
	stop := fmt.Errorf("stop")
	n = 0
	err = s.facts(ctx, FactFilter{}, 2, 1000, func(graph.Fact) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	require.ErrorIs(t, err, stop)
	require.Equal(t, 3, n)

	// A fact written meanwhile comes once or not at all, in order.
	var seen []string
	added := false
	require.NoError(t, s.facts(ctx, FactFilter{}, 3, 1000, func(f graph.Fact) error {
		seen = append(seen, f.ID)
		if !added {
			added = true
			b := art("p02", 6)
			extra := fact(b, costa, graph.Criticized, nato, "Costa criticized NATO.")
			_, err := s.Write(ctx, batch(b, extra), t0)
			return err
		}
		return nil
	}))
	require.True(t, slices.IsSorted(seen))
	require.Equal(t, len(seen), len(slices.Compact(slices.Clone(seen))))

	var ents []graph.Entity
	require.NoError(t, s.Entities(ctx, func(e graph.Entity) error { ents = append(ents, e); return nil }))
	require.Len(t, ents, 5)
	for _, limit := range []int{1, 2} {
		var got []graph.Entity
		require.NoError(t, s.entities(ctx, limit, 1000, func(e graph.Entity) error { got = append(got, e); return nil }))
		require.Equal(t, ents, got, "pages of %d", limit)
	}
}

func TestEvictQuarter(t *testing.T) {
	m := map[string]int{}
	for i := range 100 {
		m[fmt.Sprint(i)] = i
	}
	evictQuarter(m)
	require.Len(t, m, 75)
	for k, v := range m {
		require.Equal(t, fmt.Sprint(v), k)
	}
}
