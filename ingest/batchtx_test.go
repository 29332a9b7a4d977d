package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/store"
)

// boltTxID returns the id of the last transaction committed to the bbolt
// store in directory dir (bbolt counts its commits), the store closed.
func boltTxID(t *testing.T, dir string) int {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, store.BoltFile), 0o644, &bolt.Options{ReadOnly: true})
	require.NoError(t, err)
	defer db.Close()
	var id int
	require.NoError(t, db.View(func(tx *bolt.Tx) error {
		id = tx.ID()
		return nil
	}))
	return id
}

// ingestBatched runs the real extractor and resolver over the articles of
// path into a new bbolt store in dir, batch articles per group commit,
// every write recorded at the same instant; it returns the summary and
// the store's N-Quads export, its lines sorted.
func ingestBatched(t *testing.T, path, dir string, batch int) (Summary, []string) {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	st, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	defer st.Close()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	p := &Pipeline{Store: st, Extractor: ex, Resolver: res, Batch: batch, Now: func() time.Time { return at }}
	sum, err := p.Run(ctx, []string{path}, nil, ReadOptions{})
	require.NoError(t, err)
	return sum, append(nquadsOf(t, st), indexesOf(t, st)...)
}

// indexesOf returns what st's timeline and name indexes hold, as lines:
// each entity's timeline (its facts in the index's order) and the
// entities a prefix search of each entity's first letter lists.
func indexesOf(t *testing.T, st *store.Store) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	letters := map[string]bool{}
	require.NoError(t, st.Entities(ctx, func(e graph.Entity) error {
		facts, ok, err := st.TimelinePage(ctx, []string{e.ID}, 0, 0, false)
		if err != nil || !ok {
			return fmt.Errorf("timeline of %s: ok %v: %w", e.ID, ok, err)
		}
		ids := make([]string, len(facts))
		for i, f := range facts {
			ids[i] = f.ID
		}
		lines = append(lines, "timeline "+e.ID+": "+strings.Join(ids, " "))
		letters[strings.ToLower(e.Name[:1])] = true
		return nil
	}))
	for l := range letters {
		ids, ok, err := st.EntitiesByName(ctx, l, 0)
		require.NoError(t, err)
		require.True(t, ok, "sorted name rows")
		lines = append(lines, "names "+l+": "+strings.Join(ids, " "))
	}
	sort.Strings(lines)
	return lines
}

// goldenCorpus writes the extractor's golden articles as one JSONL file
// and returns its path.
func goldenCorpus(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob("extract/testdata/golden/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	var b strings.Builder
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		var g struct {
			Published string `json:"published"`
			Text      string `json:"text"`
		}
		require.NoError(t, json.Unmarshal(raw, &g), f)
		line, err := json.Marshal(map[string]string{"id": strings.TrimSuffix(filepath.Base(f), ".json"), "published": g.Published, "text": g.Text})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
	}
	return writeFile(t, dir, "golden.jsonl", b.String())
}

// simCorpus writes n articles of the simulated world (seed 1), each
// reporting events events, and returns the file's path.
func simCorpus(t *testing.T, dir string, n, events int) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("sim-%d-%d.jsonl", n, events))
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, simworld.New(1, simworld.Options{Articles: n, EventsPerArticle: events}).WriteArticles(f))
	require.NoError(t, f.Close())
	return path
}

// TestBatchSharesTransaction: with Batch, the articles between two syncs
// are committed in one bbolt transaction (a few commits for the run),
// where each article was its own commit before; and the store they leave
// is the one the same articles written one by one leave, to the byte of
// its N-Quads export, on the golden articles and on the simulated world
// (default and dense), where later articles restate, end and resolve
// against earlier ones of their batch.
func TestBatchSharesTransaction(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the golden articles and a simulated world twice")
	}
	dir := t.TempDir()
	corpora := []struct {
		name string
		path string
	}{
		{"golden", goldenCorpus(t, dir)},
		{"sim", simCorpus(t, dir, 100, 1)},
		{"sim-dense", simCorpus(t, dir, 25, 10)},
	}
	for _, c := range corpora {
		t.Run(c.name, func(t *testing.T) {
			oneDir, batchDir := filepath.Join(t.TempDir(), "one"), filepath.Join(t.TempDir(), "batch")
			oneSum, one := ingestBatched(t, c.path, oneDir, 1)
			batchSum, batched := ingestBatched(t, c.path, batchDir, 1000)
			require.Zero(t, oneSum.Errors)
			assert.Equal(t, oneSum, batchSum)
			require.Greater(t, len(one), 100)
			assert.Equal(t, strings.Join(one, "\n"), strings.Join(batched, "\n"), "the stores differ")

			articles := oneSum.New
			oneCommits, batchCommits := boltTxID(t, oneDir), boltTxID(t, batchDir)
			assert.GreaterOrEqual(t, oneCommits, articles, "one by one: a commit per article")
			// Besides the store's creation (a few commits), the batch
			// commits when its pages in memory pass the store's bound:
			// well under one commit per article.
			assert.Less(t, batchCommits, 5+articles/5, "batched: %d commits for %d articles", batchCommits, articles)
		})
	}
}

// hugeExtractor is a wordExtractor that gives an article whose text holds
// "HUGE" an entity whose id is longer than a bbolt key may be, so that
// its write fails in the store's transaction, after Cayley wrote part of
// it.
type hugeExtractor struct{ wordExtractor }

func (h *hugeExtractor) Extract(in extract.Input) extract.Result {
	r := h.wordExtractor.Extract(in)
	if strings.Contains(in.Text, "HUGE") {
		id := "person/" + strings.Repeat("x", 40000)
		r.Entities = append(r.Entities, graph.Entity{ID: id, Name: "Huge Name", Type: graph.Person})
		r.Facts = append(r.Facts, graph.Fact{Subject: id, Predicate: graph.Met, Object: r.Entities[0].ID, Date: in.Published,
			Confidence: 0.9, Sources: []graph.Source{{Sentence: "Huge met someone."}}})
	}
	return r
}

// TestBatchBadArticle: an article whose write fails costs only itself,
// with or without group commit: under it the batch's transaction is
// rolled back and the other articles are written again one by one and
// counted; the bad one is named, and the store is the one the good
// articles alone make, to the byte of its N-Quads export. (A failed write
// used to leave Cayley's cache of value ids holding the ids the
// rolled-back transaction gave its new values — here the entity Gamma,
// which later articles name — so later writes linked their quads to ids
// no value has, and the failed article could read as stored.)
func TestBatchBadArticle(t *testing.T) {
	for _, batch := range []int{1, 100} {
		t.Run(fmt.Sprintf("batch=%d", batch), func(t *testing.T) {
			dir := t.TempDir()
			checkBadArticles(t, batch, 30, [2]int{7, 19}, "HUGE", &hugeExtractor{}, func(name string) *store.Store {
				st, err := store.Open(context.Background(), filepath.Join(dir, name), store.Options{})
				require.NoError(t, err)
				return st
			})
		})
	}
}

// checkBadArticles ingests n articles with batch articles a batch, those
// at bad (in order) holding marker, which makes ex give them a write
// that fails, into a store open makes, and the good articles alone into
// another: the bad articles are named by their lines and not stored, the
// others are counted and stored, and both stores export the same
// N-Quads.
func checkBadArticles(t *testing.T, batch, n int, bad [2]int, marker string, ex Extractor, open func(name string) *store.Store) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	isBad := func(i int) bool { return i == bad[0] || i == bad[1] }
	var all, good strings.Builder
	for i := range n {
		text := fmt.Sprintf("Alpha%d met Beta%d.", i%3, i)
		if i > bad[0] {
			text += fmt.Sprintf(" Alpha%d met Gamma.", i%3)
		}
		if isBad(i) {
			text = "Alpha0 met Gamma. " + marker + "."
		}
		line := fmt.Sprintf(`{"id":"b%02d","published":"2024-05-%02d","text":%q}`+"\n", i, i%28+1, text)
		all.WriteString(line)
		if !isBad(i) {
			good.WriteString(line)
		}
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	run := func(name, body string) (Summary, []string, *store.Store) {
		path := writeFile(t, dir, name+".jsonl", body)
		st := open(name)
		t.Cleanup(func() { st.Close() })
		var named []string
		p := &Pipeline{Store: st, Extractor: ex, Workers: 2, Batch: batch,
			Now: func() time.Time { return at }, OnError: func(e *ReadError) { named = append(named, e.Origin) }}
		sum, err := p.Run(ctx, []string{path}, nil, ReadOptions{})
		require.NoError(t, err)
		return sum, named, st
	}
	goodSum, goodBad, goodSt := run("good", good.String())
	require.Empty(t, goodBad)
	sum, named, st := run("all", all.String())
	assert.Equal(t, n, sum.Read)
	assert.Equal(t, n-2, sum.New)
	assert.Equal(t, 2, sum.Errors)
	assert.Equal(t, goodSum.FactsAdded, sum.FactsAdded)
	require.Len(t, named, 2)
	assert.True(t, strings.HasSuffix(named[0], fmt.Sprintf(":%d", bad[0]+1)) && strings.HasSuffix(named[1], fmt.Sprintf(":%d", bad[1]+1)),
		"the bad articles are named: %v", named)
	for i := range n {
		a, _, err := st.LookupArticle(ctx, fmt.Sprintf("b%02d", i), "")
		require.NoError(t, err)
		assert.Equal(t, !isBad(i), a != nil, "article b%02d stored", i)
	}
	assert.Equal(t, strings.Join(nquadsOf(t, goodSt), "\n"), strings.Join(nquadsOf(t, st), "\n"))
}
