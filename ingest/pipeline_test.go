package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/store"
)

// wordExtractor is a stand-in extractor: every sentence "A met B." yields
// A met B, dated with the publication date. It counts its calls.
type wordExtractor struct{ calls atomic.Int64 }

func (w *wordExtractor) Extract(in extract.Input) extract.Result {
	w.calls.Add(1)
	var r extract.Result
	seen := map[string]bool{}
	for _, s := range strings.Split(in.Text, ".") {
		parts := strings.Fields(strings.TrimSpace(s))
		if len(parts) != 3 || parts[1] != "met" {
			continue
		}
		a := graph.Entity{ID: graph.EntityID(graph.Person, parts[0]), Name: parts[0], Type: graph.Person}
		b := graph.Entity{ID: graph.EntityID(graph.Person, parts[2]), Name: parts[2], Type: graph.Person}
		for _, e := range []graph.Entity{a, b} {
			if !seen[e.ID] {
				seen[e.ID] = true
				r.Entities = append(r.Entities, e)
			}
		}
		r.Facts = append(r.Facts, graph.Fact{Subject: a.ID, Predicate: graph.Met, Object: b.ID, Date: in.Published,
			Confidence: 0.9, Sources: []graph.Source{{Sentence: strings.TrimSpace(s) + "."}}})
	}
	return r
}

func writeFile(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
	require.NoError(t, os.WriteFile(p, []byte(body), 0o644))
	return p
}

func countFacts(t *testing.T, s *store.Store) []graph.Fact {
	t.Helper()
	var out []graph.Fact
	require.NoError(t, s.Facts(context.Background(), store.FactFilter{}, func(f graph.Fact) error {
		out = append(out, f)
		return nil
	}))
	return out
}

func TestPipelineIdempotentAndMerging(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", `{"id":"a1","published":"2024-05-01","text":"Alpha met Beta. Gamma met Delta."}
{"id":"a2","published":"2024-05-01","text":"Alpha met Beta."}
{"id":"a3","published":"2024-05-01","text":"Alpha met Beta. Gamma met Delta."}
`)
	st, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	ex := &wordExtractor{}
	clock := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p := &Pipeline{Store: st, Extractor: ex, Now: func() time.Time { return clock }, Workers: 3}

	sum, err := p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.NoError(t, err)
	// a3 has the same content as a1 under another id: unchanged.
	require.Equal(t, Summary{Read: 3, New: 2, Unchanged: 1, FactsAdded: 2, FactsMerged: 1, Entities: 4}, sum)

	facts := countFacts(t, st)
	require.Len(t, facts, 2)
	for _, f := range facts {
		if f.Subject == graph.EntityID(graph.Person, "Alpha") {
			require.Len(t, f.Sources, 2, "one fact, two sources")
		}
		require.Equal(t, clock, f.RecordedAt.UTC())
	}

	calls := ex.calls.Load()
	sum, err = p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, Summary{Read: 3, Unchanged: 3}, sum)
	require.Equal(t, calls, ex.calls.Load(), "unchanged articles are not extracted again")
	require.Len(t, countFacts(t, st), 2)
}

func TestPipelineBadItemsAndOrder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var lines []string
	for i := range 40 {
		if i == 17 {
			lines = append(lines, `{"id": broken`)
			continue
		}
		lines = append(lines, fmt.Sprintf(`{"id":"n%02d","published":"2024-06-%02d","text":"P%d met Q%d."}`, i, i%28+1, i, i))
	}
	path := writeFile(t, dir, "many.jsonl", strings.Join(lines, "\n")+"\n")
	writeFile(t, dir, "undated.txt", "Rho met Sigma.\n")
	st, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	var errs []string
	var progress []int
	p := &Pipeline{Store: st, Extractor: &wordExtractor{}, Workers: 4,
		OnError:   func(e *ReadError) { errs = append(errs, e.Error()) },
		OnArticle: func(s Summary) { progress = append(progress, s.Read) },
	}
	sum, err := p.Run(ctx, []string{path, filepath.Join(dir, "undated.txt")}, nil, ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, 40, sum.Read)
	require.Equal(t, 40, sum.New)
	require.Equal(t, 1, sum.Errors)
	require.Equal(t, 1, sum.Warnings)
	require.Len(t, errs, 2)
	require.Contains(t, strings.Join(errs, "\n"), "many.jsonl:18")
	require.Contains(t, strings.Join(errs, "\n"), "undated.txt")
	for i, n := range progress {
		require.Equal(t, i+1, n, "progress is reported once per article, in order")
	}
	require.Len(t, countFacts(t, st), 40)
}

func TestPipelineCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", `{"id":"x","published":"2024-01-01","text":"A met B."}`+"\n")
	st, err := store.Open(context.Background(), "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	p := &Pipeline{Store: st, Extractor: &wordExtractor{}}
	_, err = p.Run(ctx, []string{dir}, nil, ReadOptions{})
	require.ErrorIs(t, err, context.Canceled)
}

// fullStore fails every write after the first n with ENOSPC.
type fullStore struct {
	*store.Store
	n      int
	writes int
}

func (s *fullStore) Write(ctx context.Context, b graph.Batch, now time.Time) (graph.WriteStats, error) {
	s.writes++
	if s.writes > s.n {
		return graph.WriteStats{}, fmt.Errorf("write article %s: %w", b.Article.ID, &os.PathError{Op: "write", Path: "indexes.bolt", Err: syscall.ENOSPC})
	}
	return s.Store.Write(ctx, b, now)
}

// A full disk stops the run at the first failed write: no error per
// article after it, what was stored is kept.
func TestPipelineStopsOnDiskFull(t *testing.T) {
	ctx := context.Background()
	var lines []string
	for i := range 30 {
		lines = append(lines, fmt.Sprintf(`{"id":"d%02d","published":"2024-06-01","text":"P%d met Q%d."}`, i, i, i))
	}
	path := writeFile(t, t.TempDir(), "many.jsonl", strings.Join(lines, "\n")+"\n")
	st, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	fs := &fullStore{Store: st, n: 5}
	var errs []string
	p := &Pipeline{Store: fs, Extractor: &wordExtractor{}, Workers: 2,
		OnError: func(e *ReadError) { errs = append(errs, e.Error()) }}
	sum, err := p.Run(ctx, []string{path}, nil, ReadOptions{})
	require.ErrorIs(t, err, ErrDiskFull)
	require.Contains(t, err.Error(), "many.jsonl:6")
	require.Equal(t, 6, fs.writes, "no write after the first failure")
	require.Empty(t, errs, "no per-article errors")
	require.Equal(t, 5, sum.New)
	require.Len(t, countFacts(t, st), 5)
}

// Cancelling a run finishes the articles in hand without reporting them
// as errors; the summary says it was interrupted.
func TestPipelineInterruptedFinishesInHand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var lines []string
	for i := range 200 {
		lines = append(lines, fmt.Sprintf(`{"id":"c%03d","published":"2024-06-01","text":"P%d met Q%d."}`, i, i, i))
	}
	path := writeFile(t, t.TempDir(), "many.jsonl", strings.Join(lines, "\n")+"\n")
	st, err := store.Open(context.Background(), "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	var errs []string
	p := &Pipeline{Store: st, Extractor: &wordExtractor{}, Workers: 4,
		OnError: func(e *ReadError) { errs = append(errs, e.Error()) },
		OnArticle: func(s Summary) {
			if s.Read == 10 {
				cancel()
			}
		}}
	sum, err := p.Run(ctx, []string{path}, nil, ReadOptions{})
	require.ErrorIs(t, err, context.Canceled)
	require.True(t, sum.Interrupted)
	require.Contains(t, sum.String(), "interrupted")
	require.Empty(t, errs, "articles in hand are not input errors")
	require.Zero(t, sum.Errors)
	require.Less(t, sum.Read, 200)
	require.Equal(t, sum.Read, sum.New, "every article counted was stored")
	require.Len(t, countFacts(t, st), sum.New)
}

// Text past the cap is cut at a paragraph end, with a warning saying how
// much was read; the facts of the part read are stored.
func TestPipelineCapsText(t *testing.T) {
	ctx := context.Background()
	text := "Ann met Bob.\\n" + strings.Repeat("Filler words here.\\n", 10) + "Cid met Dan.\\n"
	path := writeFile(t, t.TempDir(), "big.jsonl", `{"id":"big","published":"2024-06-01","text":"`+text+`"}`+"\n")
	st, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	var errs []*ReadError
	p := &Pipeline{Store: st, Extractor: &wordExtractor{}, MaxText: 100,
		OnError: func(e *ReadError) { errs = append(errs, e) }}
	sum, err := p.Run(ctx, []string{path}, nil, ReadOptions{})
	require.NoError(t, err)
	require.Equal(t, 1, sum.New)
	require.Equal(t, 1, sum.Warnings)
	require.Len(t, errs, 1)
	require.ErrorIs(t, errs[0], ErrTextCut)
	require.Contains(t, errs[0].Error(), "big.jsonl:1")
	require.Len(t, countFacts(t, st), 1, "Ann met Bob, not Cid met Dan")
}
