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

// unpacked returns the quads of the layout before packing (encode.go)
// that stand for packed quad q of a source or article node.
func unpacked(t *testing.T, q quad.Quad) []quad.Quad {
	t.Helper()
	p, err := unpack(q.Object)
	require.NoError(t, err)
	n := q.Subject
	mk := func(pred quad.IRI, v quad.Value) quad.Quad { return quad.Make(n, pred, v, nil) }
	date := func(s string) quad.Value {
		d, err := graph.ParseDate(s)
		require.NoError(t, err)
		return dateValue(d)
	}
	instant := func(s string) quad.Value {
		x, err := parsePackedTime(s)
		require.NoError(t, err)
		return timeValue(x)
	}
	var out []quad.Quad
	kind, id, _ := ParseIRI(n)
	if kind == KindArticle {
		out = append(out, mk(pID, quad.String(id)), mk(pRecordedAt, instant(p.RecordedAt)))
		for _, f := range []struct {
			pred quad.IRI
			val  string
		}{{pURL, p.URL}, {pTitle, p.Title}} {
			if f.val != "" {
				out = append(out, mk(f.pred, quad.String(f.val)))
			}
		}
		if p.Published != "" {
			out = append(out, mk(pPublished, date(p.Published)))
		}
		return out
	}
	out = append(out, mk(pSentence, quad.String(p.Sentence)), mk(pRecordedAt, instant(p.RecordedAt)),
		mk(pConfidence, quad.Float(p.Confidence)))
	for _, f := range []struct {
		pred quad.IRI
		val  string
	}{{pStart, p.Start}, {pEnd, p.End}, {pDate, p.Date}} {
		if f.val != "" {
			out = append(out, mk(f.pred, date(f.val)))
		}
	}
	if p.Ended {
		out = append(out, mk(pEnded, quad.Bool(true)))
	}
	if p.Location != "" {
		out = append(out, mk(pLocation, quad.String(p.Location)))
	}
	if p.WithdrawnAt != "" {
		out = append(out, mk(pWithdrawnAt, instant(p.WithdrawnAt)))
	}
	if p.Subject != "" {
		out = append(out, mk(pStatedSubject, EntityIRI(p.Subject)))
	}
	for _, s := range p.TimeSentences {
		out = append(out, mk(pTimeSentence, quad.String(s)))
	}
	return out
}

// legacyCopy returns c, a new empty store, holding what s holds with
// every source and article node in the layout before packing, loaded raw.
func legacyCopy(t *testing.T, s, c *Store) *Store {
	t.Helper()
	var qs []quad.Quad
	require.NoError(t, s.DumpQuads(context.Background(), func(q quad.Quad) error {
		if q.Predicate == pPacked {
			qs = append(qs, unpacked(t, q)...)
		} else {
			qs = append(qs, q)
		}
		return nil
	}))
	_, err := c.LoadQuads(context.Background(), quad.NewReader(qs))
	require.NoError(t, err)
	return c
}

// countPred counts the quads of s with predicate pred.
func countPred(t *testing.T, s *Store, pred quad.IRI) int {
	t.Helper()
	n := 0
	require.NoError(t, s.DumpQuads(context.Background(), func(q quad.Quad) error {
		if q.Predicate == pred {
			n++
		}
		return nil
	}))
	return n
}

// requireSameStores checks that stores a and b read the same: every fact
// with its sources (recording times included), each article, each
// fact's page of sources, and a clean check.
func requireSameStores(t *testing.T, a, b *Store, articles []string, step string) {
	t.Helper()
	ctx := context.Background()
	fa, fb := allFacts(t, a, FactFilter{Withdrawn: true}), allFacts(t, b, FactFilter{Withdrawn: true})
	require.Equal(t, len(fa), len(fb), step)
	for i := range fa {
		for _, f := range []*graph.Fact{&fa[i], &fb[i]} {
			f.RecordedAt = f.RecordedAt.UTC()
			for j := range f.Sources {
				f.Sources[j].RecordedAt = f.Sources[j].RecordedAt.UTC()
				f.Sources[j].WithdrawnAt = f.Sources[j].WithdrawnAt.UTC()
			}
		}
		require.Equal(t, fa[i], fb[i], "%s: fact %s", step, fa[i].ID)
		ta, pa, errA := a.FactSources(ctx, fa[i].ID, 0, 3)
		tb, pb, errB := b.FactSources(ctx, fa[i].ID, 0, 3)
		require.Equal(t, errA == nil, errB == nil, step)
		require.Equal(t, ta, tb, step)
		for _, p := range [][]graph.Source{pa, pb} {
			for j := range p {
				p[j].RecordedAt = p[j].RecordedAt.UTC()
			}
		}
		require.Equal(t, pa, pb, "%s: sources of %s", step, fa[i].ID)
	}
	for _, id := range articles {
		xa, seenA, err := a.LookupArticle(ctx, id, "hash-"+id)
		require.NoError(t, err)
		xb, seenB, err := b.LookupArticle(ctx, id, "hash-"+id)
		require.NoError(t, err)
		require.Equal(t, xa, xb, "%s: article %s", step, id)
		require.Equal(t, seenA, seenB, step)
	}
	for _, s := range []*Store{a, b} {
		requireOneLayout(t, s)
		rep, err := s.Check(ctx, false)
		require.NoError(t, err)
		require.Empty(t, rep.Problems, step)
	}
}

// requireOneLayout checks that no node of s has packed properties and
// also a property of the layout before packing.
func requireOneLayout(t *testing.T, s *Store) {
	t.Helper()
	packedNodes, oldNodes := map[quad.Value]bool{}, map[quad.Value]bool{}
	require.NoError(t, s.DumpQuads(context.Background(), func(q quad.Quad) error {
		switch q.Predicate {
		case pPacked:
			packedNodes[q.Subject] = true
		case pSentence, pID, pRecordedAt, pConfidence, pWithdrawnAt, pTimeSentence, pURL, pTitle, pPublished, pStatedSubject:
			if kind, _, _ := ParseIRI(q.Subject); kind != KindFact {
				oldNodes[q.Subject] = true
			}
		}
		return nil
	}))
	for n := range packedNodes {
		require.False(t, oldNodes[n], "node %v has both layouts", n)
	}
}

// TestLegacyLayoutAgrees checks that a store written before source and
// article nodes were packed reads, checks, updates and deletes as the
// same store written packed: a history is written packed, copied raw
// into the old layout, and both then take the same later articles (new
// facts, restatements, updates that withdraw and revive sources,
// undated restatements moving to their dated events) and deletions, on
// every backend.
func TestLegacyLayoutAgrees(t *testing.T) {
	for name, open := range layoutBackends() {
		t.Run(name, func(t *testing.T) { testLegacyLayout(t, open) })
	}
}

// layoutBackends opens an empty store of each backend by its name, for
// the tests that compare a store in an earlier layout with one written now.
func layoutBackends() map[string]func(t *testing.T) *Store {
	return map[string]func(t *testing.T) *Store{
		"memory":   func(t *testing.T) *Store { return openMemory(t) },
		"bbolt":    func(t *testing.T) *Store { return openBoltDir(t, t.TempDir()) },
		"postgres": openPostgres,
	}
}

// testLegacyLayout is TestLegacyLayoutAgrees on the stores open returns.
func testLegacyLayout(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(5))
	// Time sentences, stated later with another one.
	visit := timeBatch("ts1", "2024-11-20", event(rutte, graph.Visited, usa, "2024-11-18"))
	visit.Facts[0].Sources[0].TimeSentences = []string{"Rutte flew out on Monday."}
	seq := append(historyBatches(), visit)
	seq = append(seq, randomHistory(rng, 16)...)
	for v, b := range append([]graph.Batch(nil), seq...) {
		if rng.Intn(3) != 0 {
			continue
		}
		u := b
		u.Article.Hash = fmt.Sprintf("%s-v%d", b.Article.Hash, v)
		u.Article.Title = "Updated " + b.Article.ID
		u.Facts = nil
		for _, f := range b.Facts {
			if rng.Intn(2) == 0 {
				u.Facts = append(u.Facts, f)
			}
		}
		seq = append(seq, u)
	}
	again := timeBatch("ts1", "2024-11-20", event(rutte, graph.Visited, usa, "2024-11-18"))
	again.Article.Hash = "hash-ts1-v2"
	again.Facts[0].Sources[0].TimeSentences = []string{"Rutte flew out on Monday.", "He landed the same day."}
	seq = append(seq, again)
	// Earlier articles stated again, withdrawn sources revived.
	seq = append(seq, seq[:8]...)
	var ids []string
	seen := map[string]bool{}
	for _, b := range seq {
		if !seen[b.Article.ID] {
			seen[b.Article.ID] = true
			ids = append(ids, b.Article.ID)
		}
	}

	k := len(seq) * 3 / 4 // the old layout holds withdrawn sources too
	packedStore := open(t)
	ingest(t, packedStore, seq[:k])
	legacy := legacyCopy(t, packedStore, open(t))
	require.Zero(t, countPred(t, legacy, pPacked))
	requireSameStores(t, packedStore, legacy, ids, "as copied")

	for i, b := range seq[k:] {
		now := t0.Add(time.Duration(k+i) * time.Hour)
		sa, err := packedStore.Write(ctx, b, now)
		require.NoError(t, err)
		sb, err := legacy.Write(ctx, b, now)
		require.NoError(t, err)
		require.Equal(t, sa, sb, "write %d (%s)", k+i, b.Article.ID)
	}
	requireSameStores(t, packedStore, legacy, ids, "after writes")
	assert.NotZero(t, countPred(t, legacy, pSentence), "nodes no write touched keep the old layout")
	assert.NotZero(t, countPred(t, legacy, pPacked), "nodes a write changed are packed")

	for i, id := range ids {
		if i%4 != 0 {
			continue
		}
		now := t0.Add(time.Duration(len(seq)+i) * time.Hour)
		da, err := packedStore.DeleteArticle(ctx, id, now)
		require.NoError(t, err)
		db, err := legacy.DeleteArticle(ctx, id, now)
		require.NoError(t, err)
		require.Equal(t, da, db, "delete %s", id)
	}
	requireSameStores(t, packedStore, legacy, ids, "after deletions")
	sa, err := packedStore.Stats(ctx)
	require.NoError(t, err)
	sb, err := legacy.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, sa, sb, "nothing of the deleted articles is left")
}
