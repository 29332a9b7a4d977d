package queries

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// benchHub returns a bbolt store holding one person, returned, with
// GEOKG_BENCH_HUB facts (10,000 unless set): meetings with 500 others on
// days of ten years, a few undated.
func benchHub(b *testing.B) (*store.Store, graph.Entity) {
	n := 10_000
	if v := os.Getenv("GEOKG_BENCH_HUB"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("GEOKG_BENCH_HUB=%q: want a positive number", v)
		}
	}
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "db"), store.Options{})
	require.NoError(b, err)
	b.Cleanup(func() { s.Close() })
	rng := rand.New(rand.NewPCG(14, 2))
	hub := ent(graph.Person, "Hanna Brekke", "Brekke")
	ents := []graph.Entity{hub}
	for i := range 500 {
		ents = append(ents, ent(graph.Person, fmt.Sprintf("Envoy %03d", i)))
	}
	const per = 500
	for a := 0; a*per < n; a++ {
		id := fmt.Sprintf("hub-%04d", a)
		pub := graph.DayOf(2016+a%10, time.Month(1+a%12), 1+a%28)
		bt := graph.Batch{Article: graph.Article{ID: id, Published: pub, Hash: id}}
		if a == 0 {
			bt.Entities = ents
		}
		for j := 0; j < per && a*per+j < n; j++ {
			f := graph.Fact{Subject: hub.ID, Predicate: graph.Met, Object: ents[1+rng.IntN(500)].ID, Confidence: 0.8,
				Sources: []graph.Source{{Article: id, Published: pub, Sentence: fmt.Sprintf("Sentence %d of %s.", j, id)}}}
			if j%50 != 0 {
				f.Date = graph.DayOf(2016+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28))
			}
			f.ComputeID()
			bt.Facts = append(bt.Facts, f)
		}
		_, err := s.Write(ctx, bt, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
		require.NoError(b, err)
	}
	return s, hub
}

// BenchmarkTimelineHub measures a hub's timeline on bbolt: one person
// with GEOKG_BENCH_HUB facts (10,000 unless set) — meetings with 500
// others on days of ten years, a few undated — asked whole (every fact
// read, as every timeline was before the timeline index) and by pages of
// 20 (the first, one in the middle, the last), each asked 20 times;
// it reports p50 and p95 in milliseconds.
func BenchmarkTimelineHub(b *testing.B) {
	s, hub := benchHub(b)
	ctx := context.Background()
	e := NewWithOptions(s, Options{Evidence: true})
	whole, err := e.Timeline(ctx, TimelineQuery{Entity: hub.Name})
	require.NoError(b, err)
	b.Logf("the hub has %d facts", len(whole))
	forms := []struct {
		name string
		q    TimelineQuery
	}{
		{"whole", TimelineQuery{Entity: hub.Name}},
		{"page-first", TimelineQuery{Entity: hub.Name, Limit: 20}},
		{"page-middle", TimelineQuery{Entity: hub.Name, Offset: len(whole) / 2, Limit: 20}},
		{"page-last", TimelineQuery{Entity: hub.Name, Offset: len(whole) - 20, Limit: 20}},
	}
	b.ResetTimer()
	for range b.N {
		for _, f := range forms {
			reportLatencies(b, f.name, func() error { _, err := e.Timeline(ctx, f.q); return err })
		}
	}
}

// BenchmarkNeighborsHub measures the neighbours of a hub (benchHub) on
// bbolt, each form asked 20 times: all their facts (what --json prints,
// and what the table read before the adjacency index) and what the table
// prints (NeighborsQuery.Summary: read from the adjacency index); it
// reports p50 and p95 in milliseconds.
func BenchmarkNeighborsHub(b *testing.B) {
	s, hub := benchHub(b)
	ctx := context.Background()
	e := NewWithOptions(s, Options{Evidence: true})
	forms := []struct {
		name string
		q    NeighborsQuery
	}{
		{"all-facts", NeighborsQuery{Entity: hub.Name}},
		{"table", NeighborsQuery{Entity: hub.Name, Summary: true}},
	}
	b.ResetTimer()
	for range b.N {
		for _, f := range forms {
			reportLatencies(b, f.name, func() error { _, err := e.Neighbors(ctx, f.q); return err })
		}
	}
}

// reportLatencies runs ask 20 times and reports its p50 and p95 in
// milliseconds as name-p50-ms and name-p95-ms.
func reportLatencies(b *testing.B, name string, ask func() error) {
	b.Helper()
	var ds []time.Duration
	for range 20 {
		start := time.Now()
		if err := ask(); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	ms := func(q float64) float64 { return float64(ds[int(q*float64(len(ds)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.5), name+"-p50-ms")
	b.ReportMetric(ms(0.95), name+"-p95-ms")
}
