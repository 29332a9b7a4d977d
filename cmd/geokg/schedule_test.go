package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/store"
)

// scheduleFixture writes n JSONL articles and a folder of m Markdown ones,
// with a config naming both as sources, and returns the config path.
func scheduleFixture(t *testing.T, n, m int) (dir, cfg string, ids []string) {
	t.Helper()
	dir = t.TempDir()
	var b strings.Builder
	for i := range n {
		id := fmt.Sprintf("wire-%03d", i)
		ids = append(ids, id)
		fmt.Fprintf(&b, `{"id":%q,"published":"2024-%02d-%02d","text":"Mark Rutte met Donald Trump in Palm Beach. Talks number %d covered NATO and Ukraine."}`+"\n",
			id, 1+i%12, 1+i%28, i)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "wire.jsonl"), []byte(b.String()), 0o644))
	in := filepath.Join(dir, "in")
	require.NoError(t, os.MkdirAll(in, 0o755))
	for i := range m {
		id := fmt.Sprintf("note-%02d", i)
		ids = append(ids, id)
		body := fmt.Sprintf("---\nid: %s\npublished: 2025-03-%02d\n---\nMark Carney met Keir Starmer in London, visit %d.\n", id, 1+i, i)
		require.NoError(t, os.WriteFile(filepath.Join(in, id+".md"), []byte(body), 0o644))
	}
	cfg = filepath.Join(dir, "geokg.yaml")
	yaml := fmt.Sprintf(`db: %s
sources:
  - name: wire
    kind: jsonl
    path: %s
    every: 1h
  - name: inbox
    kind: dir
    path: %s
    every: 1h
`, filepath.Join(dir, "db"), filepath.Join(dir, "wire.jsonl"), in)
	require.NoError(t, os.WriteFile(cfg, []byte(yaml), 0o644))
	return dir, cfg, ids
}

// geokgBin is the geokg command testscript.Main put on PATH.
func geokgBin(t *testing.T) string {
	t.Helper()
	bin, err := exec.LookPath("geokg")
	require.NoError(t, err, "testscript.Main puts geokg on PATH")
	return bin
}

// startSchedule starts `geokg ARGS` with JSON logs and the per-article
// delay, and returns it with a channel receiving a value per stored article.
func startSchedule(t *testing.T, delay string, args ...string) (*exec.Cmd, <-chan struct{}, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(geokgBin(t), append([]string{"--log-level", "info", "--log-format", "json"}, args...)...)
	cmd.Env = append(os.Environ(), testDelayEnv+"="+delay)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() }) // a no-op once it ended
	stored := make(chan struct{}, 1000)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if strings.Contains(sc.Text(), `"msg":"article stored"`) {
				stored <- struct{}{}
			}
		}
	}()
	return cmd, stored, &stdout
}

// waitStored waits for n stored articles.
func waitStored(t *testing.T, stored <-chan struct{}, n int) {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for range n {
		select {
		case <-stored:
		case <-deadline:
			t.Fatalf("fewer than %d articles stored in time", n)
		}
	}
}

// storeStats opens the store read-only and checks that every id is there.
func storeStats(t *testing.T, db string, ids []string) store.Stats {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, db, store.Options{ReadOnly: true})
	require.NoError(t, err)
	defer s.Close()
	for _, id := range ids {
		a, _, err := s.LookupArticle(ctx, id, "")
		require.NoError(t, err)
		require.NotNil(t, a, "article %s stored", id)
	}
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	return st
}

// cleanStats ingests the fixture in one plain `geokg ingest` run.
func cleanStats(t *testing.T, dir string, ids []string) store.Stats {
	t.Helper()
	db := filepath.Join(t.TempDir(), "clean")
	var out bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", filepath.Join(dir, "wire.jsonl"), filepath.Join(dir, "in")},
		nil, &out, &out), out.String())
	return storeStats(t, db, ids)
}

// TestScheduleKilledResumes kills a real `geokg schedule` with SIGKILL in
// the middle of a run; the rerun with --once must end with every article
// stored exactly once: the same articles, facts and sources as one clean
// ingest of the same input.
func TestScheduleKilledResumes(t *testing.T) {
	dir, cfg, ids := scheduleFixture(t, 30, 5)
	cmd, stored, _ := startSchedule(t, "20ms", "--config", cfg, "schedule")
	waitStored(t, stored, 8)
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()

	st, err := schedule.LoadState(filepath.Join(dir, "db", schedule.StateFile))
	require.NoError(t, err)
	if fs := st.Sources["wire"].Files[filepath.Join(dir, "wire.jsonl")]; fs != nil {
		require.Less(t, fs.Line, 30, "killed before the end")
	}

	var out, errOut bytes.Buffer
	rerun := exec.Command(geokgBin(t), "--config", cfg, "schedule", "--once")
	rerun.Stdout, rerun.Stderr = &out, &errOut
	require.NoError(t, rerun.Run(), "%s\n%s", out.String(), errOut.String())
	assert.Contains(t, out.String(), "sources 2, failed 0")

	got := storeStats(t, filepath.Join(dir, "db"), ids)
	assert.Equal(t, len(ids), got.Articles)
	assert.Equal(t, cleanStats(t, dir, ids), got, "nothing lost, nothing doubled")

	// A further run adds nothing.
	out.Reset()
	again := exec.Command(geokgBin(t), "--config", cfg, "schedule", "--once")
	again.Stdout = &out
	require.NoError(t, again.Run())
	assert.Contains(t, out.String(), "articles read 0, new 0")
}

// TestScheduleTwoWriters runs a second writer while `geokg schedule --once`
// holds the store: it is refused at once with a clear error, and the
// first finishes its run.
func TestScheduleTwoWriters(t *testing.T) {
	dir, cfg, ids := scheduleFixture(t, 15, 0)
	cmd, stored, stdout := startSchedule(t, "60ms", "--config", cfg, "schedule", "--once")
	waitStored(t, stored, 1)

	var out bytes.Buffer
	start := time.Now()
	err := run(context.Background(), []string{"--db", filepath.Join(dir, "db"), "ingest", filepath.Join(dir, "wire.jsonl")}, nil, &out, &out)
	require.ErrorIs(t, err, store.ErrLocked)
	assert.Contains(t, out.String(), "store is locked by another geokg process")
	assert.Less(t, time.Since(start), 5*time.Second, "no hang")

	out.Reset()
	err = run(context.Background(), []string{"--config", cfg, "schedule", "--once"}, nil, &out, &out)
	require.ErrorIs(t, err, store.ErrLocked, "a second scheduler is refused too")

	require.NoError(t, cmd.Wait(), stdout.String())
	assert.Contains(t, stdout.String(), "sources 2, failed 0")
	assert.Equal(t, 15, storeStats(t, filepath.Join(dir, "db"), ids).Articles)
}

// TestScheduleInterrupted cancels a run (as SIGINT/SIGTERM do through
// main's context): the article in hand is finished, the state saved with
// exactly what is stored, and the next run stores the rest.
func TestScheduleInterrupted(t *testing.T) {
	dir, cfg, ids := scheduleFixture(t, 30, 0)
	t.Setenv(testDelayEnv, "30ms")
	ctx, cancel := context.WithCancel(context.Background())
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--config", cfg, "--log-level", "debug", "schedule"}, nil, &out, &out)
	}()
	// Cancel once an article is stored (the store logs each write at debug
	// level): a loaded machine may take long to start.
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), "batch written") && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(100 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, out.String())
	case <-time.After(20 * time.Second):
		t.Fatal("schedule did not stop")
	}
	st, err := schedule.LoadState(filepath.Join(dir, "db", schedule.StateFile))
	require.NoError(t, err)
	fs := st.Sources["wire"].Files[filepath.Join(dir, "wire.jsonl")]
	require.NotNil(t, fs)
	require.Less(t, fs.Line, 30, "interrupted half-way")
	stored := storeStats(t, filepath.Join(dir, "db"), ids[:fs.Line])
	assert.Equal(t, fs.Line, stored.Articles, "the state records exactly what is stored")

	t.Setenv(testDelayEnv, "")
	var again bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"--config", cfg, "schedule", "--once"}, nil, &again, &again), again.String())
	assert.Contains(t, again.String(), fmt.Sprintf("new %d, updated 0, unchanged 0", 30-fs.Line))
	assert.Equal(t, 30, storeStats(t, filepath.Join(dir, "db"), ids).Articles)
}

// syncBuffer is a bytes.Buffer safe for concurrent use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
