package store

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestRestateCandidatesReadsDoNotGrow: a dated event of a pair reads the
// pair's events that an undated statement might restate instead, those
// dated within the restatement window before it and the undated ones; a
// pair that met every month for years must cost a new meeting no more
// reads than a pair that met a few times (reading every fact of the
// pair grew with its history).
func TestRestateCandidatesReadsDoNotGrow(t *testing.T) {
	ctx := context.Background()
	meeting := func(i int) graph.Batch {
		day := time.Date(2000, time.January, 5, 0, 0, 0, 0, time.UTC).AddDate(0, i, 0)
		a := art(fmt.Sprintf("m%d", i), 1)
		a.Published = graph.DateFromTime(day.AddDate(0, 0, 1))
		f := fact(a, trump, graph.Met, rutte, "Trump met Rutte on Tuesday.")
		f.Date = graph.DateFromTime(day)
		return batch(a, f)
	}
	reads := func(k int) int {
		dsn := filepath.Join(t.TempDir(), "db")
		s, err := Open(ctx, dsn, Options{})
		require.NoError(t, err)
		require.NoError(t, s.SetGroupCommit(true))
		for i := range k {
			_, err := s.Write(ctx, meeting(i), t0.Add(time.Duration(i)*time.Second))
			require.NoError(t, err)
		}
		require.NoError(t, s.Close())
		s, err = Open(ctx, dsn, Options{}) // an empty write cache
		require.NoError(t, err)
		defer s.Close()
		s.kv.touched = func() {}
		s.kv.touches = 0
		_, err = s.Write(ctx, meeting(k), t0.Add(time.Duration(k)*time.Second))
		require.NoError(t, err)
		n := s.kv.touches
		got := allFacts(t, s, FactFilter{Predicate: graph.Met})
		require.Len(t, got, k+1)
		return n
	}
	few, many := reads(5), reads(200)
	assert.Less(t, many, few+40, "reads of a new meeting: %d after 5 meetings of the pair, %d after 200", few, many)
}

// TestRestateCandidatesAsRelated writes random histories of a pair's
// events — dated at day, month and year precision, undated, symmetric and
// not, published in any order, some articles updated — once reading the
// restatement candidates from the timeline index and once from every
// fact of the pair (related), on memory and on bbolt under group commit
// (a batch's earlier articles read through its transaction), and a bbolt
// store reindexed half way: the facts must be the same.
func TestRestateCandidatesAsRelated(t *testing.T) {
	ctx := context.Background()
	histories := func(seed int64) []graph.Batch {
		rng := rand.New(rand.NewSource(seed))
		ents := []graph.Entity{trump, rutte, costa}
		base := time.Date(2024, time.March, 1, 0, 0, 0, 0, time.UTC)
		var bs []graph.Batch
		for i := range 60 {
			day := base.AddDate(0, 0, rng.Intn(120))
			a := art(fmt.Sprintf("h%d", i%50), 1) // the last ten update earlier articles
			a.Hash = fmt.Sprint("hash-", i)
			a.Published = graph.DateFromTime(day.AddDate(0, 0, rng.Intn(10)))
			sub, obj := ents[rng.Intn(3)], ents[rng.Intn(3)]
			if sub.ID == obj.ID {
				obj = nato
			}
			pred := []string{graph.Met, graph.Criticized}[rng.Intn(2)]
			f := fact(a, sub, pred, obj, fmt.Sprintf("%s and %s, sentence %d.", sub.Name, obj.Name, rng.Intn(3)))
			switch rng.Intn(5) {
			case 0, 1:
				f.Date = graph.DateFromTime(day)
			case 2:
				f.Date = graph.MonthOf(day.Year(), day.Month())
			case 3:
				f.Date = graph.YearOf(day.Year())
			}
			bs = append(bs, batch(a, f))
		}
		return bs
	}
	run := func(t *testing.T, s *Store, bs []graph.Batch, byRows, reindex bool) map[string]graph.Fact {
		restateByRows = byRows
		defer func() { restateByRows = true }()
		for i, b := range bs {
			if reindex && i == len(bs)/2 {
				_, err := s.Reindex(ctx)
				require.NoError(t, err)
			}
			_, err := s.Write(ctx, b, t0.Add(time.Duration(i)*time.Hour))
			require.NoError(t, err)
		}
		require.NoError(t, s.Sync(ctx))
		return snapshot(t, s)
	}
	for seed := int64(1); seed <= 6; seed++ {
		bs := histories(seed)
		want := run(t, openMemory(t), bs, false, false)
		assert.Equal(t, want, run(t, openMemory(t), bs, true, false), "seed %d: memory", seed)
		group := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
		require.NoError(t, group.SetGroupCommit(true))
		assert.Equal(t, want, run(t, group, bs, true, false), "seed %d: bbolt, group commit", seed)
		assert.Equal(t, want, run(t, openBoltDir(t, filepath.Join(t.TempDir(), "db")), bs, true, true), "seed %d: bbolt, reindexed", seed)
	}
}
