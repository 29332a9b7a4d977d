package store

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

func TestCheckQuad(t *testing.T) {
	n := FactIRI("fact/x")
	typed := func(s, typ string) quad.Value {
		return quad.TypedString{Value: quad.String(s), Type: quad.IRI("http://www.w3.org/2001/XMLSchema#" + typ)}
	}
	for _, c := range []struct {
		q   quad.Quad
		err error
	}{
		{quad.Make(n, pDate, dateValue(graph.DayOf(2024, 1, 2)), nil), nil},
		{quad.Make(n, pStart, dateValue(graph.YearOf(9999)), nil), nil},
		{quad.Make(n, pConfidence, quad.Float(0.9), nil), nil},
		{quad.Make(n, pEnded, quad.Bool(true), nil), nil},
		{quad.Make(n, pRecordedAt, timeValue(t0), nil), nil},
		{quad.Make(n, pRole, quad.String("Prime Minister"), nil), nil},
		{quad.Make(n, pDate, typed("10000-01-02", "date"), nil), ErrBadValue},
		{quad.Make(n, pEnd, typed("0000", "gYear"), nil), ErrBadValue},
		{quad.Make(n, pPublished, quad.String("next week"), nil), ErrBadValue},
		{quad.Make(n, pConfidence, typed("very high", "double"), nil), ErrBadValue},
		{quad.Make(n, pConfidence, quad.String("0.9"), nil), ErrBadValue},
		{quad.Make(n, pEnded, typed("perhaps", "boolean"), nil), ErrBadValue},
		{quad.Make(n, pWithdrawnAt, quad.String("yesterday"), nil), ErrBadValue},
		{quad.Make(n, pRole, typed("x", "integer"), nil), ErrBadValue},
		{quad.Quad{Subject: n, Predicate: pRole}, graph.ErrInvalid},
		{quad.Make(n, pPacked, packSource(graph.Source{Sentence: "Rutte met Trump.", RecordedAt: t0,
			Claim: graph.Claim{Confidence: 0.8, Date: graph.DayOf(2024, 11, 29)}}), nil), nil},
		{quad.Make(n, pPacked, packArticle(graph.Article{Title: "T", Published: graph.MonthOf(2024, 11)}, t0), nil), nil},
		{quad.Make(n, pPacked, quad.String(`{"v":1,"d":"10000-01-02"}`), nil), ErrBadValue},
		{quad.Make(n, pPacked, quad.String(`{"v":1,"r":"yesterday"}`), nil), ErrBadValue},
		{quad.Make(n, pPacked, quad.String(`{"v":2,"s":"from a later geokg"}`), nil), ErrBadValue},
		{quad.Make(n, pPacked, quad.String(`{"v":1,"s":`), nil), ErrBadValue},
		{quad.Make(n, pPacked, quad.Float(1), nil), ErrBadValue},
	} {
		err := CheckQuad(c.q)
		if c.err == nil {
			assert.NoError(t, err, "%v", c.q)
		} else {
			assert.ErrorIs(t, err, c.err, "%v", c.q)
		}
	}
}

// A bad value written past geokg's checks (an older version, a hand edit)
// is skipped with a warning when read; Check reports it and --repair
// removes it.
func TestStoredBadValue(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	s, err := Open(ctx, filepath.Join(t.TempDir(), "db"), Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	require.NoError(t, err)
	defer s.Close()
	a := art("a1", 5)
	met := fact(a, rutte, graph.Met, trump, "Rutte met Trump.")
	_, err = s.Write(ctx, batch(a, met), t0)
	require.NoError(t, err)

	// The node as an older geokg wrote it: its qualifiers as quads (see
	// encode.go), one of them a date out of range.
	var old []cayleygraph.Delta
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		us := unslimmed(t, q)
		if !slices.Contains(us, q) {
			old = append(old, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
		}
		for _, u := range us {
			if u != q {
				old = append(old, cayleygraph.Delta{Quad: u, Action: cayleygraph.Add})
			}
		}
		return nil
	}))
	require.NoError(t, s.QuadStore().ApplyDeltas(keepValues(old), cayleygraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}))
	bad := quad.Make(FactIRI(idOf(met)), pDate, quad.TypedString{Value: "10000-01-02", Type: xsdDate}, nil)
	require.NoError(t, s.QuadStore().ApplyDeltas([]cayleygraph.Delta{{Quad: bad, Action: cayleygraph.Add}}, cayleygraph.IgnoreOpts{}))

	facts := allFacts(t, s, FactFilter{})
	require.Len(t, facts, 1, "the store reads")
	assert.True(t, facts[0].Date.IsZero())
	assert.Contains(t, logs.String(), "bad stored value skipped")
	_, err = s.Fact(ctx, idOf(met))
	require.NoError(t, err)

	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	require.Len(t, rep.Problems, 1)
	assert.Equal(t, bad, rep.Problems[0].Quad)
	assert.Zero(t, rep.Removed)
	assert.Positive(t, rep.Quads)

	rep, err = s.Check(ctx, true)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Removed)
	rep, err = s.Check(ctx, false)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	assert.Len(t, allFacts(t, s, FactFilter{}), 1)
}

// Write refuses a batch holding a date that cannot be read back.
func TestWriteRefusesBadDates(t *testing.T) {
	s := openMemory(t)
	a := art("a1", 5)
	met := fact(a, rutte, graph.Met, trump, "Rutte met Trump.")
	met.Date = graph.DayOf(10000, 1, 2)
	_, err := s.Write(context.Background(), batch(a, met), t0)
	assert.ErrorIs(t, err, graph.ErrDateRange)
	assert.Empty(t, allFacts(t, s, FactFilter{}))
}

// LoadQuads stores nothing when any quad is bad, however late.
func TestLoadQuadsAtomic(t *testing.T) {
	ctx := context.Background()
	src := openMemory(t)
	a := art("a1", 5)
	_, err := src.Write(ctx, batch(a, fact(a, rutte, graph.Met, trump, "Rutte met Trump.")), t0)
	require.NoError(t, err)
	var qs []quad.Quad
	require.NoError(t, src.DumpQuads(ctx, func(q quad.Quad) error { qs = append(qs, q); return nil }))

	dst := openMemory(t)
	bad := append([]quad.Quad(nil), qs...)
	for i := range 3 * 4096 { // more than any one batch of a loader that commits as it goes
		bad = append(bad, quad.Make(EntityIRI(rutte.ID), pAlias, quad.String(fmt.Sprintf("Rutte %d", i)), nil))
	}
	bad = append(bad, quad.Make(ArticleIRI("a2"), pConfidence, quad.String("very high"), nil))
	_, err = dst.LoadQuads(ctx, quad.NewReader(bad))
	assert.ErrorIs(t, err, ErrBadValue)
	stored := 0
	require.NoError(t, dst.DumpQuads(ctx, func(quad.Quad) error { stored++; return nil }))
	assert.Zero(t, stored, "nothing stored")

	n, err := dst.LoadQuads(ctx, quad.NewReader(qs))
	require.NoError(t, err)
	assert.Equal(t, len(qs), n)
	assert.Len(t, allFacts(t, dst, FactFilter{}), 1)
}

func TestDeleteArticle(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	a1, a2 := art("a1", 5), art("a2", 6)
	shared1 := fact(a1, rutte, graph.Met, trump, "Rutte met Trump.")
	shared1.Date = graph.DayOf(2024, 10, 4)
	shared2 := fact(a2, rutte, graph.Met, trump, "Trump and Rutte met.")
	shared2.Date = graph.DayOf(2024, 10, 4)
	shared2.Location = "Palm Beach"
	only1 := fact(a1, rutte, graph.Visited, usa, "Rutte visited the U.S.")
	_, err := s.Write(ctx, batch(a1, shared1, only1), t0)
	require.NoError(t, err)
	_, err = s.Write(ctx, batch(a2, shared2), t0.Add(time.Hour))
	require.NoError(t, err)
	_, err = s.Write(ctx, batch(a1, shared1, only1), t0.Add(2*time.Hour)) // a restatement changes nothing
	require.NoError(t, err)

	ds, err := s.DeleteArticle(ctx, "a1", t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, DeleteStats{Sources: 2, Facts: 1, FactsChanged: ds.FactsChanged}, ds)
	facts := allFacts(t, s, FactFilter{})
	require.Len(t, facts, 1)
	assert.Equal(t, graph.Met, facts[0].Predicate)
	require.Len(t, facts[0].Sources, 1)
	assert.Equal(t, "a2", facts[0].Sources[0].Article)
	assert.Equal(t, "Palm Beach", facts[0].Location)
	byID, seen, err := s.LookupArticle(ctx, "a1", a1.Hash)
	require.NoError(t, err)
	assert.Nil(t, byID)
	assert.False(t, seen)
	require.NoError(t, s.DumpQuads(ctx, func(q quad.Quad) error {
		assert.NotContains(t, q.String(), "article/a1", "no trace of a1")
		return nil
	}))
	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)

	_, err = s.DeleteArticle(ctx, "a1", t0)
	assert.ErrorIs(t, err, ErrNotFound)
}

// A file that is not a bbolt store is ErrDamaged, never a panic.
func TestCheckPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	s := openBoltDir(t, dir)
	_, err := s.Write(context.Background(), batch(art("a1", 5), fact(art("a1", 5), rutte, graph.Met, trump, "Rutte met Trump.")), t0)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	assert.NoError(t, CheckPages(dir))
	assert.NoError(t, CheckPages(t.TempDir()), "no store there")

	bad := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bad, BoltFile), bytes.Repeat([]byte("not bbolt "), 1000), 0o600))
	assert.ErrorIs(t, CheckPages(bad), ErrDamaged)
}
