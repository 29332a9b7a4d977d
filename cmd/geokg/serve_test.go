package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeBolt runs a real `geokg serve` on a bbolt store of the bundled
// samples: it answers the API, lets `geokg ingest` write to the store while
// it runs, and stops cleanly on SIGTERM.
func TestServeBolt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	var out bytes.Buffer
	samples, err := filepath.Abs("../../data/samples")
	require.NoError(t, err)
	require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", samples}, nil, &out, &out), out.String())

	cmd := exec.Command(geokgBin(t), "--db", db, "serve", "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`serving (http://\S+)/api/v1/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-addr:
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not say where it listens")
	}
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, string(b)
	}
	code, page := get("/")
	require.Equal(t, http.StatusOK, code, "the web console")
	require.Contains(t, page, `src="/ui/app.js"`)
	code, body := get("/api/v1/ask?q=" + url.QueryEscape("who led NATO on 1 December 2024?"))
	require.Equal(t, 200, code, body)
	assert.Contains(t, body, `"name": "Mark Rutte"`)

	// The server holds no lock between requests: ingest writes meanwhile.
	out.Reset()
	require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", samples}, nil, &out, &out),
		"ingest while serve runs: %s", out.String())
	code, body = get("/api/v1/stats")
	require.Equal(t, 200, code, body)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		assert.NoError(t, err, "serve exits 0 on SIGTERM")
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
}
