package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// A panic of the backend during a read (bbolt on a damaged page) is an
// error wrapping ErrDamaged that names the store and says what to run.
func TestReadPanicIsDamaged(t *testing.T) {
	s, err := Open(context.Background(), MemoryDSN, Options{})
	require.NoError(t, err)
	defer s.Close()
	err = s.read(context.Background(), func(reader) error { panic("page 12 already freed") })
	require.ErrorIs(t, err, ErrDamaged)
	require.Contains(t, err.Error(), "page 12 already freed")
	require.Contains(t, err.Error(), "run geokg check")
	// The lock was released: the store still answers.
	_, err = s.Stats(context.Background())
	require.NoError(t, err)
}

// A record that does not decode is damage, whichever decoder says so:
// protobuf, an entry cut short, Cayley's index entry whose varints
// overflow, or an index list of quad ids (decodeIDs) cut short or
// overflowing; other errors are left as they are.
func TestUndecodableIsDamaged(t *testing.T) {
	s, err := Open(context.Background(), MemoryDSN, Options{})
	require.NoError(t, err)
	defer s.Close()
	for _, cause := range []error{io.ErrUnexpectedEOF, errors.New("varint: overflow")} {
		err := s.undecodable(fmt.Errorf("fact f1: source: %w", cause))
		require.ErrorIs(t, err, ErrDamaged, "%v", cause)
		require.Contains(t, err.Error(), "run geokg check")
	}
	// An index list of quad ids cut short or overflowing.
	for _, list := range [][]byte{{0x05, 0x80}, bytes.Repeat([]byte{0xFF}, 11)} {
		_, err := decodeIDs(list)
		require.Error(t, err, "%x", list)
		err = s.undecodable(fmt.Errorf("facts: %w", err))
		require.ErrorIs(t, err, ErrDamaged, "%x", list)
		require.Contains(t, err.Error(), "run geokg check")
	}
	other := errors.New("context canceled")
	require.Equal(t, other, s.undecodable(other))
}

// A bbolt file with its pages overwritten opens or reads with ErrDamaged
// (or another error), never a panic.
func TestDamagedBoltFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	require.NoError(t, err)
	_, err = s.Write(ctx, graph.Batch{Article: graph.Article{ID: "a1", Hash: "h1"}}, time.Now())
	require.NoError(t, err)
	require.NoError(t, s.Close())

	file := filepath.Join(dir, BoltFile)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	for i := 2 * 4096; i < len(data); i += 7 {
		data[i] ^= 0xA5
	}
	require.NoError(t, os.WriteFile(file, data, 0o644))
	s, err = Open(ctx, dir, Options{ReadOnly: true})
	if err == nil {
		err = s.Entities(ctx, func(graph.Entity) error { return nil })
		s.Close()
	}
	require.ErrorIs(t, err, ErrDamaged)
	require.Contains(t, err.Error(), "run geokg check")
}

// A bbolt file cut short is refused before bbolt maps it (which would
// read past the end of its mapping, a fault no recover catches): Open,
// read-only or not, and CheckPages return ErrDamaged saying so.
func TestTruncatedBoltFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{})
	require.NoError(t, err)
	for i := range 40 {
		_, err = s.Write(ctx, graph.Batch{Article: graph.Article{ID: fmt.Sprintf("a%d", i), Hash: fmt.Sprintf("h%d", i)}}, time.Now())
		require.NoError(t, err)
	}
	require.NoError(t, s.Close())
	file := filepath.Join(dir, BoltFile)
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	for _, size := range []int{4096, 8192, 3 * 4096, len(data) / 2} {
		require.NoError(t, os.WriteFile(file, data[:size], 0o644))
		for _, ro := range []bool{true, false} {
			_, err := Open(ctx, dir, Options{ReadOnly: ro})
			require.ErrorIs(t, err, ErrDamaged, "size %d", size)
			require.ErrorContains(t, err, "truncated: the file is "+strconv.Itoa(size)+" bytes")
			require.ErrorContains(t, err, "run geokg check")
		}
		require.ErrorIs(t, CheckPages(dir), ErrDamaged)
	}
	// An empty file is a fresh store for a writer, damaged for a reader.
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err = Open(ctx, dir, Options{ReadOnly: true})
	require.ErrorIs(t, err, ErrDamaged)
	s, err = Open(ctx, dir, Options{})
	require.NoError(t, err)
	require.NoError(t, s.Close())
}

// A bbolt file created by a run killed before its first commit (no
// Cayley metadata yet) reads as an empty store; a writer initialises it.
func TestUninitializedBoltFileReadsEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	db, err := bolt.Open(filepath.Join(dir, BoltFile), 0o644, nil)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{ReadOnly: true})
	require.NoError(t, err)
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	require.Zero(t, st.Facts+st.Entities+st.Articles)
	require.NoError(t, s.Close())
	s, err = Open(ctx, dir, Options{})
	require.NoError(t, err)
	_, err = s.Write(ctx, graph.Batch{Article: graph.Article{ID: "a1", Hash: "h1"}}, time.Now())
	require.NoError(t, err)
	require.NoError(t, s.Close())
}
