package schedule

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

func TestStateRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.json")
	s, err := LoadState(path)
	require.NoError(t, err, "a missing file is an empty state")
	st := s.Source("a")
	st.MarkSeen("x")
	st.Items, st.LastError = 3, "boom"
	st.LastRun = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	st.Files = map[string]*FileState{"f.jsonl": {Offset: 10, Line: 2}}
	require.NoError(t, s.Save(path))
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")

	back, err := LoadState(path)
	require.NoError(t, err)
	got := back.Sources["a"]
	assert.True(t, got.HasSeen("x"))
	assert.False(t, got.HasSeen("y"))
	assert.Equal(t, 3, got.Items)
	assert.Equal(t, st.LastRun, got.LastRun.UTC())
	assert.Equal(t, int64(10), got.Files["f.jsonl"].Offset)

	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o644))
	_, err = LoadState(path)
	assert.ErrorContains(t, err, path)
}

func TestSeenIsBounded(t *testing.T) {
	var st SourceState
	for i := range MaxSeen + 10 {
		st.MarkSeen(fmt.Sprint(i))
	}
	assert.Len(t, st.Seen, MaxSeen)
	assert.False(t, st.HasSeen("0"), "the oldest are forgotten")
	assert.True(t, st.HasSeen(fmt.Sprint(MaxSeen+9)))
}

func TestLockState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	unlock, err := LockState(path)
	require.NoError(t, err)
	_, err = LockState(path)
	require.ErrorIs(t, err, store.ErrLocked, "a second scheduler on the same state is refused")
	unlock()
	unlock2, err := LockState(path)
	require.NoError(t, err)
	unlock2()
}

func TestBackoff(t *testing.T) {
	b := Backoff{Base: time.Second, Max: 10 * time.Second}
	for n, want := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 4: 8 * time.Second, 5: 10 * time.Second, 50: 10 * time.Second} {
		for range 20 {
			d := b.Delay(n)
			assert.InDelta(t, float64(want), float64(d), float64(want)/5+1, "failures %d", n)
		}
	}
}

func TestCheck(t *testing.T) {
	ok := []Source{
		{Name: "a", Kind: KindRSS, URL: "http://127.0.0.1/x", Every: time.Minute, FollowLinks: true},
		{Name: "b", Kind: KindDir, Path: "d", Cron: "*/5 * * * *"},
		{Name: "c", Kind: KindHTML, URL: "http://127.0.0.1/p", Cron: "@daily"},
	}
	require.NoError(t, CheckAll(ok, true))
	now := time.Date(2025, 1, 1, 10, 2, 0, 0, time.Local)
	assert.Equal(t, now.Add(time.Minute), ok[0].Next(now))
	assert.Equal(t, time.Date(2025, 1, 1, 10, 5, 0, 0, time.Local), ok[1].Next(now))

	for name, s := range map[string]Source{
		"no name":      {Kind: KindRSS, URL: "u", Every: time.Minute},
		"bad kind":     {Name: "x", Kind: "ftp", URL: "u", Every: time.Minute},
		"url and path": {Name: "x", Kind: KindRSS, URL: "u", Path: "p", Every: time.Minute},
		"dir url":      {Name: "x", Kind: KindDir, URL: "u", Every: time.Minute},
		"no schedule":  {Name: "x", Kind: KindRSS, URL: "u"},
		"both":         {Name: "x", Kind: KindRSS, URL: "u", Every: time.Minute, Cron: "@daily"},
		"bad cron":     {Name: "x", Kind: KindRSS, URL: "u", Cron: "every day"},
		"follow jsonl": {Name: "x", Kind: KindJSONL, Path: "p", Every: time.Minute, FollowLinks: true},
	} {
		assert.ErrorIs(t, s.Check(true), ErrConfig, name)
	}
	assert.NoError(t, (&Source{Name: "x", Kind: KindRSS, URL: "u"}).Check(false), "--once needs no schedule")
	dup := []Source{{Name: "a", Kind: KindDir, Path: "p"}, {Name: "a", Kind: KindDir, Path: "q"}}
	assert.ErrorContains(t, CheckAll(dup, false), "used twice")
}
