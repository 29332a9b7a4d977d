package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// openMemory opens a fresh in-memory store closed at the end of the test.
func openMemory(t testing.TB) *Store {
	s, err := Open(context.Background(), MemoryDSN, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// openBoltDir opens (creating) the bbolt store in dir, closed at the end of the test.
func openBoltDir(t testing.TB, dir string) *Store {
	s, err := Open(context.Background(), dir, Options{})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestStoreMemory(t *testing.T) {
	testStore(t, func(t *testing.T) *Store { return openMemory(t) })
}

func TestStoreBbolt(t *testing.T) {
	testStore(t, func(t *testing.T) *Store { return openBoltDir(t, filepath.Join(t.TempDir(), "db")) })
}

func TestOpenDSN(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"mysql://u:secret@h/db", "sqlite://h/db", ""} {
		_, err := Open(ctx, dsn, Options{})
		assert.ErrorIs(t, err, ErrUnknownBackend, dsn)
		if err != nil {
			assert.NotContains(t, err.Error(), "secret")
		}
	}
	file := filepath.Join(t.TempDir(), "plain")
	require.NoError(t, os.WriteFile(file, []byte("x"), 0o600))
	_, err := Open(ctx, file, Options{})
	assert.ErrorContains(t, err, file)

	_, err = Open(ctx, filepath.Join(t.TempDir(), "missing"), Options{ReadOnly: true})
	assert.ErrorIs(t, err, ErrNotFound, "read-only does not create")
}

func TestBboltReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "nested", "db")
	s, err := Open(ctx, dir, Options{})
	require.NoError(t, err)
	a := art("d01", 5)
	f := fact(a, trump, graph.Met, rutte, "Trump met Rutte.")
	f.Date = graph.MonthOf(2024, time.October)
	_, err = s.Write(ctx, batch(a, f), t0)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	s, err = Open(ctx, dir, Options{ReadOnly: true})
	require.NoError(t, err)
	got, err := s.Fact(ctx, idOf(f))
	require.NoError(t, err)
	assert.Equal(t, "2024-10", got.Date.String())
	assert.True(t, t0.Equal(got.RecordedAt))
	require.Len(t, got.Sources, 1)
	assert.Equal(t, a.URL, got.Sources[0].URL)
	es, err := s.Resolve(ctx, "rutte")
	require.NoError(t, err)
	require.Len(t, es, 1)
	_, err = s.Write(ctx, batch(art("d02", 6)), t0)
	assert.ErrorIs(t, err, ErrReadOnly)

	// Several readers may share the store.
	s2, err := Open(ctx, dir, Options{ReadOnly: true})
	require.NoError(t, err)
	require.NoError(t, s2.Close())
	require.NoError(t, s.Close())

	s = openBoltDir(t, dir)
	st, err := s.Write(ctx, batch(a, f), t0)
	require.NoError(t, err)
	assert.Equal(t, graph.WriteStats{}, st, "idempotent across reopen")
}

func TestBboltLocked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := openBoltDir(t, dir)
	for _, ro := range []bool{false, true} {
		start := time.Now()
		s2, err := Open(ctx, dir, Options{ReadOnly: ro})
		if err == nil {
			s2.Close()
		}
		require.ErrorIs(t, err, ErrLocked, "read-only=%v", ro)
		assert.Contains(t, err.Error(), "open store "+dir+": store is locked by another geokg process")
		assert.Less(t, time.Since(start), 1500*time.Millisecond, "must not hang")
	}
	require.NoError(t, s.Close())
	s2, err := Open(ctx, dir, Options{})
	require.NoError(t, err, "free again after Close")
	require.NoError(t, s2.Close())
}

func TestBboltCorrupt(t *testing.T) {
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(i*7 + i/13)
	}
	for name, data := range map[string][]byte{"garbage": garbage, "short": []byte("not a database")} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, BoltFile)
			require.NoError(t, os.WriteFile(file, data, 0o600))
			s, err := Open(context.Background(), dir, Options{})
			if err == nil {
				s.Close()
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), file)
			assert.False(t, errors.Is(err, ErrLocked))
		})
	}
}

func TestConcurrentReadWrite(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				a := art(fmt.Sprintf("w%d-%d", w, i), i+1)
				f := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Sentence %d.", i))
				f.Date = graph.DayOf(2024, time.October, i+1)
				if _, err := s.Write(ctx, batch(a, f, fact(a, rutte, graph.Leads, nato, "Rutte leads.")), t0); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 10; i++ {
				if _, err := s.Resolve(ctx, "Trump"); err != nil {
					errs <- err
					return
				}
				err := s.Facts(ctx, FactFilter{Subjects: []string{trump.ID}}, func(graph.Fact) error { return nil })
				if err != nil {
					errs <- err
					return
				}
				if _, err := s.Stats(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, Stats{Articles: 40, Entities: 5, Facts: 11, Sources: 80}, st)
}

func BenchmarkWriteBbolt(b *testing.B) {
	ctx := context.Background()
	s := openBoltDir(b, b.TempDir())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := art(fmt.Sprintf("b%d", i), i%28+1)
		facts := []graph.Fact{
			fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte %d.", i)),
			fact(a, costa, graph.Met, rutte, fmt.Sprintf("Costa met Rutte %d.", i)),
			fact(a, rutte, graph.Leads, nato, "Rutte leads NATO."),
			fact(a, trump, graph.Leads, usa, "Trump leads the US."),
			fact(a, trump, graph.Criticized, nato, fmt.Sprintf("Trump criticized NATO %d.", i)),
		}
		for j := range facts {
			if graph.IsEvent(facts[j].Predicate) {
				facts[j].Date = graph.DayOf(2020+i/336, time.Month(i/28%12+1), i%28+1)
			}
		}
		if _, err := s.Write(ctx, batch(a, facts...), t0); err != nil {
			b.Fatal(err)
		}
	}
}
