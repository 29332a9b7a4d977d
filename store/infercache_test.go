package store

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// randomHistory returns n articles about a few offices and their holders:
// terms with and without starts, "former" holders, successions, stated
// ends and targets, in random combinations.
func randomHistory(rng *rand.Rand, n int) []graph.Batch {
	var people []graph.Entity
	for i := range 9 {
		people = append(people, graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("Holder %c", 'A'+i)), Name: fmt.Sprintf("Holder %c", 'A'+i), Type: graph.Person})
	}
	places := []graph.Entity{japan, nato}
	roles := []string{"Prime Minister", "Secretary General", "Deputy Secretary General"}
	targets := []graph.Entity{pct2, pct5}
	day := func() string {
		t := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(3000))
		switch rng.Intn(4) {
		case 0:
			return ""
		case 1:
			return t.Format("2006-01")
		}
		return t.Format("2006-01-02")
	}
	var out []graph.Batch
	for a := range n {
		pub := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(3000)).Format("2006-01-02")
		var facts []graph.Fact
		for range 1 + rng.Intn(3) {
			p, o := people[rng.Intn(len(people))], places[rng.Intn(len(places))]
			role := roles[rng.Intn(len(roles))]
			switch rng.Intn(5) {
			case 0:
				facts = append(facts, event(p, graph.Succeeded, people[rng.Intn(len(people))], day()))
			case 1:
				facts = append(facts, state(nato, graph.HasTarget, targets[rng.Intn(2)], "", day(), "", false))
			case 2:
				facts = append(facts, state(p, graph.Leads, o, role, day(), day(), rng.Intn(2) == 0))
			default:
				facts = append(facts, state(p, graph.Leads, o, role, day(), "", rng.Intn(4) == 0))
			}
		}
		var keep []graph.Fact
		for _, f := range facts {
			if f.Subject != f.Object {
				keep = append(keep, f)
			}
		}
		if len(keep) == 0 {
			continue
		}
		b := timeBatch(fmt.Sprintf("r%03d", a), pub, keep...)
		b.Entities = append(b.Entities, people...)
		out = append(out, b)
	}
	return out
}

// TestInferCacheAgrees checks that the facts a store leaves with its
// inference cache, kept across writes, are those of a store that reads
// everything again on every write, and do not depend on the order the
// articles arrive in.
func TestInferCacheAgrees(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for round := range 4 {
		bs := randomHistory(rng, 60)
		fresh := openMemory(t)
		fresh.cache = nil // every write reads the store again
		ingest(t, fresh, bs)
		want := snapshot(t, fresh)

		cached := openMemory(t)
		require.NotNil(t, cached.cache)
		shuffled := append([]graph.Batch(nil), bs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		ingest(t, cached, shuffled)
		got := snapshot(t, cached)
		require.Equal(t, len(want), len(got), "round %d", round)
		for id, w := range want {
			assert.Equal(t, w, got[id], "round %d fact %s", round, id)
		}
	}
}

// TestInferCacheAgreesWithUpdates checks that the inference cache stays
// coherent when new versions of articles withdraw some of their facts
// (a successor no longer stated ends no term) and state others again.
func TestInferCacheAgreesWithUpdates(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	for round := range 3 {
		bs := randomHistory(rng, 40)
		seq := append([]graph.Batch(nil), bs...)
		for v := range 2 {
			for _, b := range bs {
				if rng.Intn(3) != 0 {
					continue
				}
				u := b
				u.Article.Hash = fmt.Sprintf("%s-v%d", b.Article.Hash, v+2)
				u.Facts = nil
				for _, f := range b.Facts {
					if rng.Intn(2) == 0 {
						u.Facts = append(u.Facts, f)
					}
				}
				seq = append(seq, u)
			}
		}
		fresh := openMemory(t)
		fresh.cache = nil
		ingest(t, fresh, seq)
		want := snapshot(t, fresh)
		cached := openMemory(t)
		ingest(t, cached, seq)
		got := snapshot(t, cached)
		require.Equal(t, len(want), len(got), "round %d", round)
		for id, w := range want {
			assert.Equal(t, w, got[id], "round %d fact %s", round, id)
		}
		// Withdrawn facts are gone from plain reads and end no term: a
		// store built from the final versions alone agrees on every end.
		final := map[string]graph.Batch{}
		var order []string
		for _, b := range seq {
			if _, ok := final[b.Article.ID]; !ok {
				order = append(order, b.Article.ID)
			}
			final[b.Article.ID] = b
		}
		var last []graph.Batch
		for _, id := range order {
			last = append(last, final[id])
		}
		direct := openMemory(t)
		ingest(t, direct, last)
		ends := snapshot(t, direct)
		require.Equal(t, len(ends), len(got), "round %d", round)
		for id, w := range ends {
			assert.Equal(t, w.End, got[id].End, "round %d fact %s end", round, id)
			assert.Equal(t, w.EndInferredFrom, got[id].EndInferredFrom, "round %d fact %s", round, id)
		}
	}
}

// TestInferCacheAfterLoad checks that loading quads drops the cache, so a
// later write sees the loaded facts.
func TestInferCacheAfterLoad(t *testing.T) {
	ctx := context.Background()
	bs := historyBatches()
	src := openMemory(t)
	ingest(t, src, bs[:1]) // Kishida and Stoltenberg, terms open

	dst := openMemory(t)
	// Fills the cache with Japan's and NATO's leaders.
	ingest(t, dst, []graph.Batch{timeBatch("x1", "2025-10-21", state(takaichi, graph.Leads, japan, "Prime Minister", "2025-10-21", "", false),
		state(rutte, graph.Leads, nato, "Secretary General", "2024-10", "", false))})
	var quads []quad.Quad
	require.NoError(t, src.DumpQuads(ctx, func(q quad.Quad) error { quads = append(quads, q); return nil }))
	n, err := dst.LoadQuads(ctx, quad.NewReader(quads))
	require.NoError(t, err)
	require.Equal(t, len(quads), n)
	ingest(t, dst, bs[1:2]) // Ishiba starts
	got := snapshot(t, dst)
	checkEnd := func(f graph.Fact, end string) {
		t.Helper()
		g, ok := got[f.ComputeID()]
		require.True(t, ok)
		assert.Equal(t, end, g.End.String())
	}
	checkEnd(state(kishida, graph.Leads, japan, "Prime Minister", "", "", false), "2024-10-01")
	checkEnd(state(ishiba, graph.Leads, japan, "Prime Minister", "", "", false), "2025-10-21")
}

// TestInferCacheBounded checks that each part of the inference cache stays
// within its bound after every write, and that writes through a cache
// whose parts are dropped again and again leave the facts a store without
// a cache leaves.
func TestInferCacheBounded(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	tiny := inferBounds{items: 6, fullSources: 8, evidenceBytes: 1500, links: 10}
	for round := range 3 {
		bs := randomHistory(rng, 60)
		fresh := openMemory(t)
		fresh.cache = nil
		ingest(t, fresh, bs)
		want := snapshot(t, fresh)

		s := openMemory(t)
		s.cache.bounds = tiny
		dropped := map[string]bool{}
		for i, b := range bs {
			before := *s.cache
			_, err := s.Write(context.Background(), b, t0.Add(time.Duration(i)*time.Hour))
			require.NoError(t, err)
			c := s.cache
			for name, n := range map[string]int{"nodes": len(c.nodes), "links": len(c.links), "pairs": len(c.pairs), "articles": len(c.articles), "entities": len(c.entities)} {
				assert.LessOrEqual(t, n, tiny.items, "round %d write %d: %s", round, i, name)
			}
			assert.LessOrEqual(t, c.fullSources, tiny.fullSources, "round %d write %d", round, i)
			assert.LessOrEqual(t, c.evidenceBytes, tiny.evidenceBytes, "round %d write %d", round, i)
			assert.LessOrEqual(t, c.linkCount, tiny.links, "round %d write %d", round, i)
			sources, size, links := 0, 0, 0
			for _, f := range c.full {
				sources += len(f.Sources)
			}
			for _, e := range c.evidence {
				size += len(e)
			}
			require.Equal(t, sources, c.fullSources, "round %d write %d: sources counted", round, i)
			require.Equal(t, size, c.evidenceBytes, "round %d write %d: evidence bytes counted", round, i)
			for _, ls := range c.links {
				links += len(ls)
			}
			for _, ids := range c.pairs {
				links += len(ids)
			}
			require.Equal(t, links, c.linkCount, "round %d write %d: direct triples counted", round, i)
			if len(before.nodes) > 0 && len(c.nodes) == 0 {
				dropped["nodes"] = true
			}
			if len(before.evidence) > 0 && len(c.evidence) == 0 {
				dropped["evidence"] = true
			}
		}
		assert.True(t, dropped["nodes"] && dropped["evidence"], "round %d: the bounds were reached (%v)", round, dropped)
		got := snapshot(t, s)
		require.Equal(t, len(want), len(got), "round %d", round)
		for id, w := range want {
			assert.Equal(t, w, got[id], "round %d fact %s", round, id)
		}
	}
}

// TestInferCacheDropsPartAlone checks that a part of the cache past its
// bound is dropped without the others: large evidence records go, the
// entities and articles the same writes cached stay.
func TestInferCacheDropsPartAlone(t *testing.T) {
	c := newInferCache()
	big := string(make([]byte, defaultInferBounds.evidenceBytes/3+1))
	for i := range 3 {
		w := newWriter(reader{}, t0, c)
		a := art(fmt.Sprintf("big%d", i), i+1)
		w.article = &a
		w.ents[rutte.ID] = rutte
		w.evidence[fmt.Sprintf("fact%d", i)] = big
		c.commit(w)
		if i < 2 {
			assert.Len(t, c.evidence, i+1, "within the bound after %d records", i+1)
		}
	}
	assert.Empty(t, c.evidence, "past the bound")
	assert.Zero(t, c.evidenceBytes)
	assert.Len(t, c.articles, 3)
	assert.Contains(t, c.entities, rutte.ID)
}
