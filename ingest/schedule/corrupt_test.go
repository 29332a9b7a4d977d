package schedule

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An empty or corrupt state file is moved aside with a warning naming it,
// and the sources run from a fresh state instead of failing.
func TestCorruptStateMovedAside(t *testing.T) {
	for name, content := range map[string]string{"empty": "", "corrupt": `{"version":1,"sources":{"wire":`} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "wire.jsonl")
			require.NoError(t, os.WriteFile(file, []byte(`{"id":"w1","text":"Scholz met Macron in Paris on 3 May 2023."}`+"\n"), 0o644))
			src := Source{Name: "wire", Kind: KindJSONL, Path: file}
			r := newRunner(t, memStore(t), dir, src)
			require.NoError(t, os.WriteFile(r.StatePath, []byte(content), 0o644))
			var logs bytes.Buffer
			r.Logger = slog.New(slog.NewTextHandler(&logs, nil))
			r.Now = func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }

			res, err := r.Once(context.Background())
			require.NoError(t, err)
			require.NoError(t, res[0].Err)
			assert.Equal(t, 1, res[0].Summary.New)
			aside := r.StatePath + ".corrupt-20260301T120000Z"
			data, err := os.ReadFile(aside)
			require.NoError(t, err, "the bad file is kept aside")
			assert.Equal(t, content, string(data))
			assert.Contains(t, logs.String(), "moved aside")
			assert.Contains(t, logs.String(), aside)
			state, err := LoadState(r.StatePath)
			require.NoError(t, err, "a fresh state was saved")
			assert.Equal(t, 1, state.Sources["wire"].Items)
		})
	}
	_, err := LoadState(filepath.Join(t.TempDir(), "missing.json"))
	require.NoError(t, err)
}
