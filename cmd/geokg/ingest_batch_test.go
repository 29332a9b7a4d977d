package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

// TestIngestBatchKilled kills a real `geokg ingest --batch` with SIGKILL
// in the middle of a bulk load: the store opens undamaged, and a plain
// ingest of the same input then leaves exactly what one clean ingest
// does — nothing lost, nothing doubled.
func TestIngestBatchKilled(t *testing.T) {
	dir, _, ids := scheduleFixture(t, 300, 0)
	db := filepath.Join(dir, "db")
	wire := filepath.Join(dir, "wire.jsonl")
	cmd := exec.Command(geokgBin(t), "--db", db, "ingest", "--batch", "16", wire)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() }) // a no-op once it ended
	// Kill it once its store exists and the first batches are written.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if fi, err := os.Stat(filepath.Join(db, store.BoltFile)); err == nil && fi.Size() > 0 {
			break
		}
		require.True(t, time.Now().Before(deadline), "no store written")
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	require.NoError(t, cmd.Process.Kill())
	_ = cmd.Wait()
	require.False(t, cmd.ProcessState.Success(), "killed before the end: %s", out.String())

	out.Reset()
	rerun := exec.Command(geokgBin(t), "--db", db, "ingest", "--batch", "16", wire)
	rerun.Stdout, rerun.Stderr = &out, &out
	require.NoError(t, rerun.Run(), out.String())
	assert.Contains(t, out.String(), "errors 0")
	assert.Equal(t, cleanStats(t, dir, ids), storeStats(t, db, ids), "nothing lost, nothing doubled")
}
