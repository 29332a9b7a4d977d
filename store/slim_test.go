package store

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// unslimmed returns the quads of the layout before fact qualifiers moved
// into the evidence record (encode.go) that stand for quad q: a slim
// record becomes a record without the mark and one quad per qualifier,
// and a source node's article link gets back the node's class quad.
func unslimmed(t *testing.T, q quad.Quad) []quad.Quad {
	t.Helper()
	if kind, _, _ := ParseIRI(q.Subject); kind == KindSource && q.Predicate == pArticle {
		return []quad.Quad{quad.Make(q.Subject, rdfType, classSource, nil), q}
	}
	if q.Predicate != pRecord || !isSlim(stringOf(q.Object)) {
		return []quad.Quad{q}
	}
	r, err := parseRecord(stringOf(q.Object))
	require.NoError(t, err)
	r.Slim = 0
	rec, err := marshalRecord(r)
	require.NoError(t, err)
	require.False(t, isSlim(rec))
	_, id, _ := ParseIRI(q.Subject)
	return append(qualifierQuads(r.qualifiers(id)), quad.Make(q.Subject, pRecord, quad.String(rec), nil))
}

// unslimCopy returns c, a new empty store, holding what s holds with every
// fact node and source node in the layout before fact qualifiers moved
// into the evidence record, loaded raw.
func unslimCopy(t *testing.T, s, c *Store) *Store {
	t.Helper()
	var qs []quad.Quad
	require.NoError(t, s.DumpQuads(context.Background(), func(q quad.Quad) error {
		qs = append(qs, unslimmed(t, q)...)
		return nil
	}))
	_, err := c.LoadQuads(context.Background(), quad.NewReader(qs))
	require.NoError(t, err)
	return c
}

// TestFactNodeQuads checks the quads of a fact node written now: its
// class, sides, predicate, evidence record (marked slim, holding every
// other qualifier) and source links, none of the qualifier quads of the
// layout before, whatever the fact states — a role, a place, sectors,
// dates, an end, an end inferred from its successor — and that it reads
// back with all of them.
func TestFactNodeQuads(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	a := art("q01", 3)
	lead := fact(a, rutte, graph.Leads, nato, "Rutte, who took office in October 2024, leads NATO from Brussels.")
	lead.Role, lead.Location, lead.Start = "Secretary General", "Brussels", graph.MonthOf(2024, time.October)
	met := fact(a, trump, graph.Met, rutte, "Trump met Rutte in Palm Beach on 29 November 2024.")
	met.Date, met.Location, met.SubjectSector = graph.DayOf(2024, time.November, 29), "Palm Beach", "government"
	_, err := s.Write(ctx, batch(a, lead, met), t0)
	require.NoError(t, err)
	b := art("q02", 9)
	next := fact(b, trump, graph.Leads, nato, "Trump took over NATO in March 2026.")
	next.Role, next.Start = "Secretary General", graph.MonthOf(2026, time.March)
	_, err = s.Write(ctx, batch(b, next), t0.Add(time.Hour))
	require.NoError(t, err)

	got, err := s.Fact(ctx, idOf(lead))
	require.NoError(t, err)
	require.NotEmpty(t, got.EndInferredFrom, "the successor ends the term")
	assert.Equal(t, "Secretary General", got.Role)
	assert.Equal(t, "Brussels", got.Location)
	assert.Equal(t, graph.MonthOf(2024, time.October), got.Start)
	assert.True(t, t0.Equal(got.RecordedAt))
	m, err := s.Fact(ctx, idOf(met))
	require.NoError(t, err)
	assert.Equal(t, graph.DayOf(2024, time.November, 29), m.Date)
	assert.Equal(t, "government", m.SubjectSector)
	assert.Positive(t, m.Confidence)

	perFact := map[quad.Value]map[quad.IRI]int{}
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		if kind, _, _ := ParseIRI(q.Subject); kind == KindFact {
			if perFact[q.Subject] == nil {
				perFact[q.Subject] = map[quad.IRI]int{}
			}
			perFact[q.Subject][q.Predicate.(quad.IRI)]++
			if q.Predicate == pRecord {
				assert.True(t, strings.HasPrefix(stringOf(q.Object), `{"q":1,`), "record of %v", q.Subject)
			}
		}
		if kind, _, _ := ParseIRI(q.Subject); kind == KindSource {
			assert.NotEqual(t, rdfType, q.Predicate, "a source node has no class")
		}
		return nil
	}))
	require.Len(t, perFact, 3)
	for n, preds := range perFact {
		assert.Equal(t, map[quad.IRI]int{rdfType: 1, pSubject: 1, pPredicate: 1, pObject: 1, pRecord: 1, pSource: 1}, preds, "quads of %v", n)
	}
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, [3]int{2, 3, 3}, [3]int{st.Articles, st.Facts, st.Sources}, "articles, facts, sources")
}

// TestSlimLayoutAgrees checks that a store written before fact
// qualifiers moved into the evidence record (and source nodes lost
// their class) reads, checks, counts, updates and deletes as the same
// store written now: a history is written now, copied raw into the
// layout before, and both then take the same later articles (new facts,
// restatements, updates that withdraw and revive sources, ends inferred
// from successors) and deletions, on every backend.
func TestSlimLayoutAgrees(t *testing.T) {
	for name, open := range layoutBackends() {
		t.Run(name, func(t *testing.T) { testSlimLayout(t, open) })
	}
}

// testSlimLayout is TestSlimLayoutAgrees on the stores open returns.
func testSlimLayout(t *testing.T, open func(t *testing.T) *Store) {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(11))
	seq := append(historyBatches(), randomHistory(rng, 20)...)
	for v, b := range append([]graph.Batch(nil), seq...) {
		if rng.Intn(3) != 0 {
			continue
		}
		u := b
		u.Article.Hash = fmt.Sprintf("%s-v%d", b.Article.Hash, v)
		u.Article.Title = "Revised " + b.Article.ID
		u.Facts = nil
		for _, f := range b.Facts {
			if rng.Intn(2) == 0 {
				u.Facts = append(u.Facts, f)
			}
		}
		seq = append(seq, u)
	}
	seq = append(seq, seq[:6]...)
	var ids []string
	seen := map[string]bool{}
	for _, b := range seq {
		if !seen[b.Article.ID] {
			seen[b.Article.ID] = true
			ids = append(ids, b.Article.ID)
		}
	}

	k := len(seq) * 2 / 3
	slim := open(t)
	ingest(t, slim, seq[:k])
	old := unslimCopy(t, slim, open(t))
	require.NotZero(t, countPred(t, old, pConfidence))
	require.Zero(t, countPred(t, slim, pConfidence))
	requireSameStores(t, slim, old, ids, "as copied")
	requireSameStats(t, slim, old, "as copied")

	for i, b := range seq[k:] {
		now := t0.Add(time.Duration(k+i) * time.Hour)
		sa, err := slim.Write(ctx, b, now)
		require.NoError(t, err)
		sb, err := old.Write(ctx, b, now)
		require.NoError(t, err)
		require.Equal(t, sa, sb, "write %d (%s)", k+i, b.Article.ID)
	}
	requireSameStores(t, slim, old, ids, "after writes")
	requireSameStats(t, slim, old, "after writes")
	assert.NotZero(t, countPred(t, old, pConfidence), "fact nodes of the layout before keep their qualifier quads")
	assert.Zero(t, countPred(t, slim, pConfidence))

	for i, id := range ids {
		if i%3 != 0 {
			continue
		}
		now := t0.Add(time.Duration(len(seq)+i) * time.Hour)
		da, err := slim.DeleteArticle(ctx, id, now)
		require.NoError(t, err)
		db, err := old.DeleteArticle(ctx, id, now)
		require.NoError(t, err)
		require.Equal(t, da, db, "delete %s", id)
	}
	requireSameAfterDeletions(t, slim, old)
	requireSameStats(t, slim, old, "after deletions")
	for _, s := range []*Store{slim, old} {
		rep, err := s.Check(ctx, false)
		require.NoError(t, err)
		assert.Zero(t, rep.NoEvidence)
	}
}

// requireSameStats checks that stores a and b count the same articles,
// entities, facts and sources.
func requireSameStats(t *testing.T, a, b *Store, step string) {
	t.Helper()
	sa, err := a.Stats(context.Background())
	require.NoError(t, err)
	sb, err := b.Stats(context.Background())
	require.NoError(t, err)
	require.Equal(t, sa, sb, step)
	require.Positive(t, sa.Sources, step)
}

// requireSameAfterDeletions checks that store slim (written now) and old
// (of the layout before) hold the same facts after deletions, but for
// the one intended difference: deleting a fact removed, on a node of the
// layout before, every quad naming it, so a fact no live source states
// (which no inference recomputes) lost the link to the deleted fact its
// end was inferred from; a slim node keeps it in its record.
func requireSameAfterDeletions(t *testing.T, slim, old *Store) {
	t.Helper()
	ctx := context.Background()
	fa, fb := allFacts(t, slim, FactFilter{Withdrawn: true}), allFacts(t, old, FactFilter{Withdrawn: true})
	require.Equal(t, len(fa), len(fb))
	for i := range fa {
		a, b := fa[i], fb[i]
		if a.EndInferredFrom != "" && b.EndInferredFrom == "" && len(graph.LiveSources(a.Sources)) == 0 {
			_, err := slim.Fact(ctx, a.EndInferredFrom)
			require.ErrorIs(t, err, ErrNotFound, "fact %s: only a deleted fact's link differs", a.ID)
			a.EndInferredFrom = ""
		}
		for _, f := range []*graph.Fact{&a, &b} {
			f.RecordedAt = f.RecordedAt.UTC()
			for j := range f.Sources {
				f.Sources[j].RecordedAt = f.Sources[j].RecordedAt.UTC()
				f.Sources[j].WithdrawnAt = f.Sources[j].WithdrawnAt.UTC()
			}
		}
		require.Equal(t, a, b, "after deletions: fact %s", a.ID)
	}
}
