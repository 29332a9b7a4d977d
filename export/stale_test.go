package export

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The temporary files an export killed mid-way left beside its target are
// removed by the next export of that target; others are left alone.
func TestWriteFileRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "facts.jsonl")
	// A process that has ended: its pid is free.
	cmd := exec.Command("true")
	require.NoError(t, cmd.Run())
	dead := cmd.Process.Pid
	stale := filepath.Join(dir, ".facts.jsonl.geokg-"+strconv.Itoa(dead)+"-123.tmp")
	old := filepath.Join(dir, ".facts.jsonl.geokg-1-456.tmp") // pid 1 lives, but the file is old
	live := filepath.Join(dir, ".facts.jsonl.geokg-1-789.tmp")
	other := filepath.Join(dir, ".entities.jsonl.geokg-"+strconv.Itoa(dead)+"-1.tmp")
	for _, p := range []string{stale, old, live, other} {
		require.NoError(t, os.WriteFile(p, []byte("partial"), 0o644))
	}
	long := time.Now().Add(-2 * staleTemp)
	require.NoError(t, os.Chtimes(old, long, long))

	_, err := WriteFile(context.Background(), path, func(w io.Writer) (int, error) {
		_, err := io.WriteString(w, "{}\n")
		return 1, err
	})
	require.NoError(t, err)
	names, _ := filepath.Glob(filepath.Join(dir, ".*"))
	require.ElementsMatch(t, []string{live, other}, names)
}
