package schedule

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/store"
)

func TestStatePath(t *testing.T) {
	cases := []struct {
		configured, db, want string
	}{
		{"", "./geokg.db", filepath.Join("geokg.db", StateFile)},
		{"/var/lib/geokg/state.json", "./geokg.db", "/var/lib/geokg/state.json"},
		{"", store.MemoryDSN, ""},
		{"s.json", store.MemoryDSN, "s.json"},
		{"", "postgres://u@h/db", ""},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, StatePath(c.configured, c.db), "StatePath(%q, %q)", c.configured, c.db)
	}
}

func TestSelect(t *testing.T) {
	srcs := []Source{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	got, err := Select(srcs, nil)
	require.NoError(t, err)
	assert.Equal(t, srcs, got)

	got, err = Select(srcs, []string{"c", "a"})
	require.NoError(t, err)
	assert.Equal(t, []Source{{Name: "a"}, {Name: "c"}}, got, "configured order kept")

	_, err = Select(srcs, []string{"a", "nope"})
	require.ErrorIs(t, err, ErrNoSuchSource)
	assert.Equal(t, "nope: "+ErrNoSuchSource.Error(), err.Error())

	_, err = Select(nil, nil)
	require.ErrorIs(t, err, ErrNoSources)
}

func TestStatus(t *testing.T) {
	run := time.Date(2025, 3, 1, 10, 0, 0, 0, time.UTC)
	srcs := []Source{
		{Name: "wire", Kind: "JSONL", URL: "https://example.org/wire.jsonl", Every: 15 * time.Minute},
		{Name: "inbox", Kind: "dir", Path: "in", Cron: "@daily"},
		{Name: "once", Kind: "dir", Path: "once"},
	}
	state := &State{}
	w := state.Source("wire")
	w.LastRun, w.LastSuccess, w.NextRun = run, run.Add(time.Minute), run.Add(15*time.Minute)
	w.Runs, w.Items, w.Stored, w.Errors = 2, 5, 4, 1
	g := state.Source("gone")
	g.Failures, g.LastError = 3, "no such file"

	got := Status(srcs, state)
	require.Len(t, got, 4)
	assert.Equal(t, SourceStatus{Name: "wire", Kind: "JSONL", Where: "https://example.org/wire.jsonl", Schedule: "every 15m0s",
		Configured: true, LastRun: run, LastSuccess: run.Add(time.Minute), NextRun: run.Add(15 * time.Minute),
		Runs: 2, Items: 5, Stored: 4, Errors: 1}, got[0])
	assert.Equal(t, SourceStatus{Name: "inbox", Kind: "dir", Where: "in", Schedule: "cron @daily", Configured: true}, got[1],
		"a configured source never run has no counters")
	assert.Equal(t, "", got[2].Schedule, "no schedule")
	assert.Equal(t, SourceStatus{Name: "gone", Failures: 3, LastError: "no such file"}, got[3],
		"a source only in the state comes last, not configured")

	assert.Len(t, Status(srcs, nil), 3, "a nil state is empty")
	b, err := json.Marshal(Status(nil, nil))
	require.NoError(t, err)
	assert.Equal(t, "[]", string(b))
}

func TestTotals(t *testing.T) {
	total, failed := Totals([]Result{
		{Source: "a", Summary: ingest.Summary{Read: 2, New: 2}},
		{Source: "b", Err: errors.New("boom"), Summary: ingest.Summary{Errors: 1}},
		{Source: "c", Summary: ingest.Summary{Read: 1, Unchanged: 1}},
	})
	assert.Equal(t, 1, failed)
	assert.Equal(t, ingest.Summary{Read: 3, New: 2, Unchanged: 1, Errors: 1}, total)
}

func TestCheckLowersKind(t *testing.T) {
	s := Source{Name: "feed", Kind: "RSS", URL: "https://example.org/feed"}
	require.NoError(t, s.Check(false))
	assert.Equal(t, KindRSS, s.Kind)
}
