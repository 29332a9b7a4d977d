package ingest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// syncLog is a store that records, in order, its writes ("w"), group
// commit switches ("on", "off") and syncs ("sync"), writing through to a
// real store.
type syncLog struct {
	*store.Store
	mu  sync.Mutex
	log []string
}

func (s *syncLog) add(e string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, e)
}

func (s *syncLog) Write(ctx context.Context, b graph.Batch, now time.Time) (graph.WriteStats, error) {
	s.add("w")
	return s.Store.Write(ctx, b, now)
}

func (s *syncLog) SetGroupCommit(on bool) error {
	s.add(map[bool]string{true: "on", false: "off"}[on])
	return s.Store.SetGroupCommit(on)
}

func (s *syncLog) Sync(ctx context.Context) error {
	s.add("sync")
	return s.Store.Sync(ctx)
}

// TestPipelineGroupCommit: with Batch, up to Batch articles are written
// between two syncs, and an article is counted (OnArticle, the summary)
// only after the sync that follows its write.
func TestPipelineGroupCommit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var b strings.Builder
	for i := range 10 {
		fmt.Fprintf(&b, `{"id":"g%02d","published":"2024-05-%02d","text":"Alpha met Beta%d."}`+"\n", i, i+1, i)
	}
	writeFile(t, dir, "g.jsonl", b.String())
	st, err := store.Open(ctx, dir+"/db", store.Options{})
	require.NoError(t, err)
	defer st.Close()
	rec := &syncLog{Store: st}
	p := &Pipeline{Store: rec, Extractor: &wordExtractor{}, Workers: 2, Batch: 4}
	p.OnArticle = func(s Summary) {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		// Every write so far has been synced.
		last := strings.Join(rec.log, " ")
		assert.False(t, strings.HasSuffix(last, "w"), "reported before its sync: %s", last)
		rec.log = append(rec.log, fmt.Sprintf("r%d", s.New))
	}
	sum, err := p.Run(ctx, []string{dir + "/g.jsonl"}, nil, ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, 10, sum.New)
	require.NotEmpty(t, rec.log)
	assert.Equal(t, "on", rec.log[0])
	assert.Equal(t, "off", rec.log[len(rec.log)-1])
	writes, syncs, run := 0, 0, 0
	for _, e := range rec.log {
		switch e {
		case "w":
			writes++
			run++
			assert.LessOrEqual(t, run, 4, "at most Batch writes per sync: %v", rec.log)
		case "sync":
			syncs++
			run = 0
		}
	}
	assert.Equal(t, 10, writes)
	assert.GreaterOrEqual(t, syncs, 3)
	assert.Less(t, syncs, 10, "writes share syncs: %v", rec.log)
}
