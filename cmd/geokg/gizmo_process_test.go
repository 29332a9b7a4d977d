package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// hangingGizmo is a traversal whose paths multiply at every step: on the
// quickstart store it runs for far longer than any test waits.
const hangingGizmo = `g.V().Out().In().Out().In().Out().In().ForEach(function(x){})`

// processStore builds the geokg binary and a quickstart store in a fresh
// directory, returning both paths.
func processStore(t *testing.T) (bin, db string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to build the binary")
	}
	dir := t.TempDir()
	bin, db = filepath.Join(dir, "geokg"), filepath.Join(dir, "db")
	out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	out, err = exec.Command(bin, "--db", db, "quickstart").CombinedOutput()
	require.NoError(t, err, "%s", out)
	return bin, db
}

// waitExit waits up to d for cmd to end, killing it and failing the test
// when it does not; it returns the process's stderr.
func waitExit(t *testing.T, cmd *exec.Cmd, stderr fmt.Stringer, d time.Duration) string {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		require.Error(t, err, "the query cannot have finished")
		return stderr.String()
	case <-time.After(d):
		cmd.Process.Kill()
		<-done
		t.Fatalf("geokg still running %s later; stderr: %s", d, stderr)
		return ""
	}
}

// requireWritable checks that the store at db opens for writing.
func requireWritable(t *testing.T, bin, db string) {
	t.Helper()
	article := filepath.Join(t.TempDir(), "a.jsonl")
	require.NoError(t, os.WriteFile(article, []byte(`{"id":"after","published":"2025-03-01","text":"Mark Rutte met Keir Starmer in London on Friday."}`+"\n"), 0o644))
	out, err := exec.Command(bin, "--db", db, "ingest", article).CombinedOutput()
	require.NoError(t, err, "%s", out)
}

func TestGizmoTimeoutEndsProcess(t *testing.T) {
	bin, db := processStore(t)
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "--db", db, "query", "gizmo", "--timeout", "2s", "--limit", "1000000000", hangingGizmo)
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	msg := waitExit(t, cmd, &stderr, 10*time.Second)
	require.Contains(t, msg, "timed out after 2s")
	requireWritable(t, bin, db)
}

func TestGizmoInterruptEndsProcess(t *testing.T) {
	bin, db := processStore(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		var stderr syncBuffer
		cmd := exec.Command(bin, "--db", db, "--log-level", "debug", "query", "gizmo", "--timeout", "5m", "--limit", "1000000000", hangingGizmo)
		cmd.Stderr = &stderr
		require.NoError(t, cmd.Start())
		// Signal it once the store is open (its signal handling is set up
		// by then), well inside the traversal: a loaded machine may take
		// seconds to get there.
		deadline := time.Now().Add(30 * time.Second)
		for !strings.Contains(stderr.String(), "store opened") && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond)
		start := time.Now()
		require.NoError(t, cmd.Process.Signal(sig))
		msg := waitExit(t, cmd, &stderr, 10*time.Second)
		require.Less(t, time.Since(start), 10*time.Second)
		require.True(t, strings.Contains(msg, "signal received") || strings.Contains(msg, "canceled"), "%s: stderr %q", sig, msg)
		requireWritable(t, bin, db)
	}
}
