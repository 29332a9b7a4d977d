package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/store"
)

// servedAddr matches the line where serve says where it listens.
var servedAddr = regexp.MustCompile(`serving (http://\S+)/api/v1/`)

// inboxConfig writes a config whose one source is the folder in, read
// every interval, with the store at db, and returns its path.
func inboxConfig(t *testing.T, dir, db, in, every string) string {
	t.Helper()
	require.NoError(t, os.MkdirAll(in, 0o755))
	cfg := filepath.Join(dir, "geokg.yaml")
	yaml := fmt.Sprintf("db: %s\nsources:\n  - name: inbox\n    kind: dir\n    path: %s\n    every: %s\n", db, in, every)
	require.NoError(t, os.WriteFile(cfg, []byte(yaml), 0o644))
	return cfg
}

// dropArticle writes a Markdown article into the folder in.
func dropArticle(t *testing.T, in, id, published, text string) {
	t.Helper()
	body := fmt.Sprintf("---\nid: %s\npublished: %s\n---\n%s\n", id, published, text)
	tmp := filepath.Join(in, "."+id+".tmp")
	require.NoError(t, os.WriteFile(tmp, []byte(body), 0o644))
	require.NoError(t, os.Rename(tmp, filepath.Join(in, id+".md")))
}

// httpGet returns the status and body of GET url; a transport error is
// status 0.
func httpGet(u string) (int, string) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// eventually polls GET base+path until ok accepts the answer, and returns
// the body; a 503 (the store is being written) is tried again.
func eventually(t *testing.T, base, path string, ok func(code int, body string) bool) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	var code int
	var body string
	for time.Now().Before(deadline) {
		if code, body = httpGet(base + path); ok(code, body) {
			return body
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("GET %s never gave the expected answer; last %d: %s", path, code, body)
	return ""
}

// factAbout waits for a fact of subject with object to be served.
func factAbout(t *testing.T, base, subject, object string) {
	t.Helper()
	eventually(t, base, "/api/v1/facts?subject="+url.QueryEscape(subject), func(code int, body string) bool {
		return code == http.StatusOK && strings.Contains(body, object)
	})
}

// ingestRounds reads geokg_ingest_rounds_total of source from /metrics;
// -1 when it is not there.
func ingestRounds(t *testing.T, base, source string) int {
	t.Helper()
	_, body := httpGet(base + "/metrics")
	m := regexp.MustCompile(`(?m)^geokg_ingest_rounds_total\{source="` + source + `"\} (\d+)$`).FindStringSubmatch(body)
	if m == nil {
		return -1
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

// TestServeSchedule runs `geokg serve --schedule` in-process on a folder
// source read every 300ms, on a bbolt store and on a memory one: articles
// dropped into the folder while it serves come out of /api/v1/facts, each
// round is counted in /metrics and shown by /api/v1/sources, and the end
// of the context (what SIGTERM does through main) stops it cleanly.
func TestServeSchedule(t *testing.T) {
	for _, backend := range []string{"bbolt", "memory"} {
		t.Run(backend, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "db")
			if backend == "memory" {
				db = store.MemoryDSN
			}
			in := filepath.Join(dir, "in")
			cfg := inboxConfig(t, dir, db, in, "300ms")
			dropArticle(t, in, "scholz-macron", "2025-02-03", "Olaf Scholz met Emmanuel Macron in Berlin on Monday.")

			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			base, done, stdout, stderr := startServe(t, ctx, cfg)

			factAbout(t, base, "Olaf Scholz", "Emmanuel Macron")
			// A file dropped later is taken by a later round.
			dropArticle(t, in, "starmer-tusk", "2025-02-04", "Keir Starmer met Donald Tusk in Warsaw on Tuesday.")
			factAbout(t, base, "Keir Starmer", "Donald Tusk")

			// The server answers from the store a round writes, so the
			// fact can be served before its round has ended and counted.
			eventually(t, base, "/metrics", func(int, string) bool { return ingestRounds(t, base, "inbox") >= 2 })
			rounds := ingestRounds(t, base, "inbox")
			assert.GreaterOrEqual(t, rounds, 2, "geokg_ingest_rounds_total counts every round")
			_, metrics := httpGet(base + "/metrics")
			assert.NotContains(t, metrics, `geokg_ingest_errors_total{source="inbox"}`, "no round failed")

			var rows []schedule.SourceStatus
			eventually(t, base, "/api/v1/sources", func(code int, body string) bool {
				return code == http.StatusOK && json.Unmarshal([]byte(body), &rows) == nil && len(rows) == 1 && rows[0].Stored == 2
			})
			assert.Equal(t, "inbox", rows[0].Name)
			assert.GreaterOrEqual(t, rows[0].Runs, 2)
			assert.Empty(t, rows[0].LastError)
			assert.Contains(t, stdout.String(), "inbox:", "each round's result line")

			cancel()
			select {
			case err := <-done:
				require.NoError(t, err, stderr.String())
			case <-time.After(30 * time.Second):
				t.Fatal("serve --schedule did not stop")
			}
		})
	}
}

// TestServeScheduleSIGTERM stops a real `geokg serve --schedule` with
// SIGTERM in the middle of a round (each article takes 150ms): it exits 0
// having stored the article in hand, with the state file recording exactly
// the articles in the store, and the store closed (writable again).
func TestServeScheduleSIGTERM(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	in := filepath.Join(dir, "in")
	cfg := inboxConfig(t, dir, db, in, "1h")
	for i := range 20 {
		dropArticle(t, in, fmt.Sprintf("visit-%02d", i), fmt.Sprintf("2025-01-%02d", 1+i),
			fmt.Sprintf("Olaf Scholz met Emmanuel Macron in Berlin, talks number %d.", i))
	}
	cmd := exec.Command(geokgBin(t), "--log-level", "info", "--log-format", "json", "--config", cfg,
		"serve", "--schedule", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), testDelayEnv+"=150ms")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, stored := make(chan string, 1), make(chan struct{}, 100)
	var log syncBuffer
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			fmt.Fprintln(&log, sc.Text())
			if m := servedAddr.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
			if strings.Contains(sc.Text(), `"msg":"article stored"`) {
				stored <- struct{}{}
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not say where it listens")
	}
	waitStored(t, stored, 3)
	code, _ := httpGet(base + "/healthz")
	require.Equal(t, http.StatusOK, code)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.NoError(t, err, "serve --schedule exits 0 on SIGTERM: %s", log.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve --schedule did not stop on SIGTERM")
	}
	assert.Contains(t, log.String(), `"msg":"stopping"`, "the runner stopped")
	assert.Contains(t, log.String(), `"msg":"shutting down"`, "the server stopped")

	st, err := schedule.LoadState(filepath.Join(db, schedule.StateFile))
	require.NoError(t, err)
	taken := len(st.Sources["inbox"].Files)
	require.Less(t, taken, 20, "stopped before the end")
	got := storeStats(t, db, nil) // opens for reading: the lock is released
	assert.Equal(t, taken, got.Articles, "the state records exactly what is stored")
	requireWritable(t, geokgBin(t), db)
}

func TestLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:9000": true, "127.3.2.1:1": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.5:80": false, "example.org:80": false, "bad": false,
	} {
		if got := loopbackAddr(addr); got != want {
			t.Errorf("loopbackAddr(%q) = %v, want %v", addr, got, want)
		}
	}
}

// startServe runs `geokg --config cfg serve --schedule` on a free port
// until ctx ends, and returns its base URL once it says where it listens,
// with the channel its result arrives on and its output.
func startServe(t *testing.T, ctx context.Context, cfg string) (string, <-chan error, *syncBuffer, *syncBuffer) {
	t.Helper()
	stdout, stderr := &syncBuffer{}, &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--config", cfg, "serve", "--schedule", "--addr", "127.0.0.1:0"}, nil, stdout, stderr)
	}()
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(20 * time.Millisecond) {
		if m := servedAddr.FindStringSubmatch(stderr.String()); m != nil {
			base = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended at start: %v\n%s", err, stderr.String())
		default:
		}
		require.True(t, time.Now().Before(deadline), "serve did not say where it listens: %s", stderr.String())
	}
	return base, done, stdout, stderr
}
