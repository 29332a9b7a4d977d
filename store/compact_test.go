package store

import (
	"bytes"
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestCompact checks that a compacted bbolt store holds less, reads the
// same, checks clean, and takes later writes as the store it replaced
// would (Cayley's id sequences survive), with progress reported up to
// the total.
func TestCompact(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(3))
	bs := randomHistory(rng, 40)
	// Updates of some articles: removed and rewritten quads leave free pages.
	for _, b := range bs[:10] {
		u := b
		u.Article.Hash += "-v2"
		u.Facts = b.Facts[:len(b.Facts)/2]
		bs = append(bs, u)
	}
	later := bs[len(bs)-5:]
	bs = bs[:len(bs)-5]

	s := openBoltDir(t, dir)
	ingest(t, s, bs)
	want := snapshot(t, s)
	require.NoError(t, s.Close())
	// A stale copy of a compaction that stopped is replaced.
	require.NoError(t, os.WriteFile(filepath.Join(dir, BoltFile+".compact"), []byte("stale"), 0o600))

	var calls, lastDone, lastTotal int
	st, err := Compact(ctx, dir, func(done, total int) {
		calls++
		assert.GreaterOrEqual(t, done, lastDone)
		lastDone, lastTotal = done, total
	})
	require.NoError(t, err)
	assert.Positive(t, calls)
	assert.Equal(t, st.Keys, lastDone)
	assert.Equal(t, lastTotal, lastDone, "the last call reports all keys copied")
	assert.Less(t, st.After.InUse, st.Before.InUse)
	assert.LessOrEqual(t, st.After.File, st.Before.File)
	u, err := BoltUsageOf(dir)
	require.NoError(t, err)
	assert.Equal(t, st.After, u)
	_, err = os.Stat(filepath.Join(dir, BoltFile+".compact"))
	assert.ErrorIs(t, err, os.ErrNotExist)

	s = openBoltDir(t, dir)
	assert.Equal(t, want, snapshot(t, s))
	rep, err := s.Check(ctx, false)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	for i, b := range later {
		_, err := s.Write(ctx, b, t0.Add(time.Duration(len(bs)+i)*time.Hour))
		require.NoError(t, err)
	}
	got := snapshot(t, s)
	require.NoError(t, s.Close())
	ref := openMemory(t)
	ingest(t, ref, append(append([]graph.Batch(nil), bs...), later...))
	assert.Equal(t, snapshot(t, ref), got)
}

// TestCompactRefuses checks that Compact leaves the store file as it is
// when there is none, when another process holds it, and when stopped.
func TestCompactRefuses(t *testing.T) {
	ctx := context.Background()
	_, err := Compact(ctx, t.TempDir(), nil)
	assert.ErrorIs(t, err, ErrNotFound)

	dir := t.TempDir()
	s := openBoltDir(t, dir)
	_, err = s.Write(ctx, batch(art("c1", 3), fact(art("c1", 3), trump, graph.Met, rutte, "Trump met Rutte.")), t0)
	require.NoError(t, err)
	file := filepath.Join(dir, BoltFile)
	_, err = Compact(ctx, dir, nil)
	assert.ErrorIs(t, err, ErrLocked, "the store is open")
	_, err = BoltUsageOf(dir)
	assert.ErrorIs(t, err, ErrLocked)
	require.NoError(t, s.Close())

	before, err := os.ReadFile(file)
	require.NoError(t, err)
	stopped, cancel := context.WithCancel(ctx)
	cancel()
	_, err = Compact(stopped, dir, nil)
	assert.ErrorIs(t, err, context.Canceled)
	after, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(before, after), "a stopped compaction leaves the file")
	_, err = os.Stat(file + ".compact")
	assert.ErrorIs(t, err, os.ErrNotExist)
}
