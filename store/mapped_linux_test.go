//go:build linux

package store

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// faultAround is what may be resident in a mapping right after a release:
// taking its address touches its first page (Go's nil check), and the
// kernel maps the cached pages around a fault with it (fault_around_bytes,
// 64 KiB by default).
const faultAround = 64 << 10

// mappedResident returns the bytes of db's file mapping resident in this
// process (the Rss of its block in /proc/self/smaps).
func mappedResident(t *testing.T, db *bolt.DB) int64 {
	t.Helper()
	m, err := boltMapping(db)
	require.NoError(t, err)
	f, err := os.Open("/proc/self/smaps")
	require.NoError(t, err)
	defer f.Close()
	head := fmt.Sprintf("%x-%x ", m.start, m.end)
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, head):
			in = true
		case in && strings.HasPrefix(line, "Rss:"):
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, "Rss:")), " kB"), 10, 64)
			require.NoError(t, err)
			return kb << 10
		}
	}
	require.NoError(t, sc.Err())
	t.Fatalf("no mapping %s in /proc/self/smaps", head)
	return 0
}

// TestReleaseMapped checks that releaseMapped takes the file's pages out of
// the process's resident memory, and that readers, one of them reading
// while the pages go, still read what is stored.
func TestReleaseMapped(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "x.bolt"), 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	value := func(i int) []byte { return bytes.Repeat([]byte{byte(i)}, 1000) }
	const n = 4000 // ~4 MB of values
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for i := range n {
			if err := b.Put(fmt.Appendf(nil, "k%05d", i), value(i)); err != nil {
				return err
			}
		}
		return nil
	}))
	readAll := func() error {
		return db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			for i := range n {
				if v := b.Get(fmt.Appendf(nil, "k%05d", i)); !bytes.Equal(v, value(i)) {
					return fmt.Errorf("key %d reads %d bytes, not its value", i, len(v))
				}
			}
			return nil
		})
	}
	require.NoError(t, readAll())
	assert.Greater(t, mappedResident(t, db), int64(2<<20), "reading the values maps their pages in")

	// A reader inside one transaction while the pages are released.
	started, released := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	var readErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		readErr = db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			first := b.Get([]byte("k00000"))
			close(started)
			<-released
			for i := range n {
				if v := b.Get(fmt.Appendf(nil, "k%05d", i)); !bytes.Equal(v, value(i)) {
					return fmt.Errorf("key %d reads %d bytes after the release", i, len(v))
				}
			}
			if !bytes.Equal(first, value(0)) { // a slice taken before the release
				return fmt.Errorf("a value read before the release changed")
			}
			return nil
		})
	}()
	<-started
	require.NoError(t, releaseMapped(db))
	assert.LessOrEqual(t, mappedResident(t, db), int64(faultAround), "released")
	close(released)
	wg.Wait()
	require.NoError(t, readErr)
	require.NoError(t, readAll())
}

// TestWritesReleaseMapped checks that a bbolt store's writes bound its
// file's resident pages: a write after which they have grown past the
// budget releases them, with or without group commit, and what was
// written reads back; under a budget they are not released.
func TestWritesReleaseMapped(t *testing.T) {
	for _, c := range []struct {
		group  bool
		budget int64
	}{{false, 1}, {true, 1}, {true, 1 << 40}} {
		t.Run(fmt.Sprintf("group=%v,budget=%d", c.group, c.budget), func(t *testing.T) {
			ctx := context.Background()
			s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
			require.NoError(t, s.SetGroupCommit(c.group))
			s.resident.budget, s.resident.keep = c.budget, 0 // a whole release (see TestReleaseKeepsRead)
			const n = 40
			for i := range n {
				a := art(fmt.Sprintf("r%d", i), i%28+1)
				f := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte, meeting %d.", i))
				f.Date = graph.DayOf(2024, time.October, i%28+1)
				_, err := s.Write(ctx, batch(a, f, fact(a, rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
				require.NoError(t, err)
				if c.budget == 1 {
					require.LessOrEqual(t, mappedResident(t, s.bolt), int64(faultAround), "write %d released the mapping's pages", i)
				}
			}
			require.NoError(t, s.Sync(ctx))
			st, err := s.Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, n, st.Articles)
			assert.Equal(t, 28+1, st.Facts)
			if c.budget > 1 {
				// (Under group commit the writes map the file's pages
				// only once their batch is committed.)
				assert.Greater(t, mappedResident(t, s.bolt), int64(faultAround), "under the budget the pages stay")
			}
		})
	}
}

// TestReadsReleaseMapped checks that a process reading a bbolt store (a
// query, the console, the server) bounds its file's resident pages as a
// writer does: past the budget, the readCheckEvery-th read releases them;
// under it they stay; and the reads still answer.
func TestReadsReleaseMapped(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	w := openBoltDir(t, dir)
	for i := range 40 {
		a := art(fmt.Sprintf("r%d", i), i%28+1)
		f := fact(a, trump, graph.Met, rutte, fmt.Sprintf("Trump met Rutte, meeting %d.", i))
		f.Date = graph.DayOf(2024, time.October, i%28+1)
		_, err := w.Write(ctx, batch(a, f), t0)
		require.NoError(t, err)
	}
	var id string
	require.NoError(t, w.Facts(ctx, FactFilter{Subjects: []string{trump.ID}}, func(f graph.Fact) error { id = f.ID; return nil }))
	require.NoError(t, w.Close())
	for _, c := range []struct {
		budget  int64
		release bool
	}{{1, true}, {1 << 40, false}} {
		t.Run(fmt.Sprintf("budget=%d", c.budget), func(t *testing.T) {
			s, err := Open(ctx, dir, Options{ReadOnly: true})
			require.NoError(t, err)
			defer s.Close()
			s.resident.budget = c.budget
			s.resident.reads.Store(0)
			for i := range readCheckEvery {
				// A read of quads (an entity is read off its card in the
				// name index, a few keys of one page).
				_, err := s.Fact(ctx, id)
				require.NoError(t, err, "read %d", i)
				if i == readCheckEvery-2 {
					require.Greater(t, mappedResident(t, s.bolt), int64(faultAround), "reading maps pages in")
				}
			}
			if c.release {
				assert.LessOrEqual(t, mappedResident(t, s.bolt), int64(faultAround), "the %dth read released the mapping's pages", readCheckEvery)
			} else {
				assert.Greater(t, mappedResident(t, s.bolt), int64(faultAround), "under the budget the pages stay")
			}
			n := 0
			require.NoError(t, s.Facts(ctx, FactFilter{Subjects: []string{trump.ID}}, func(graph.Fact) error { n++; return nil }))
			assert.Equal(t, 28, n)
		})
	}
}

func TestFileResident(t *testing.T) {
	n, err := fileResident()
	require.NoError(t, err)
	assert.Greater(t, n, int64(0), "the executable's pages are resident")
}

// TestWriteReleasesMappedWhileWriting checks that a bbolt store bounds its
// file's resident pages during one large write, not only after it, in a
// batch as well: past the budget, the write's own reads release them
// every touchEvery reads; in a batch, the write that released them
// commits the batch at its end and then releases them again. What was
// written reads back.
func TestWriteReleasesMappedWhileWriting(t *testing.T) {
	for _, group := range []bool{false, true} {
		t.Run(fmt.Sprintf("group=%v", group), func(t *testing.T) {
			ctx := context.Background()
			s := openBoltDir(t, filepath.Join(t.TempDir(), "db"))
			require.NoError(t, s.SetGroupCommit(group))
			// Articles naming many countries, each meeting the next: the
			// second restates the first's facts, so its write reads each
			// entity's and each pair's rows from the file, thousands of
			// reads in all.
			const n = 60
			summit := func(a graph.Article) graph.Batch {
				b := graph.Batch{Article: a}
				for i := range n {
					c := graph.Entity{ID: graph.EntityID(graph.Country, fmt.Sprintf("Land %03d", i)), Name: fmt.Sprintf("Land %03d", i), Type: graph.Country}
					b.Entities = append(b.Entities, c)
					if i > 0 {
						f := fact(a, b.Entities[i-1], graph.Met, c, fmt.Sprintf("Land %03d met Land %03d at the summit in %s.", i-1, i, a.ID))
						f.Date = graph.DayOf(2024, time.October, 2)
						b.Facts = append(b.Facts, f)
					}
				}
				return b
			}
			_, err := s.Write(ctx, summit(art("summit", 3)), t0)
			require.NoError(t, err)
			require.NoError(t, s.Sync(ctx))
			if group {
				// Open a batch with a small write, so that the large one
				// joins it.
				_, err = s.Write(ctx, batch(art("aside", 5), fact(art("aside", 5), rutte, graph.Leads, nato, "Rutte leads NATO.")), t0)
				require.NoError(t, err)
				require.True(t, s.inBatchLocked())
			}
			s.resident.budget, s.resident.keep = 1, 0
			before := s.resident.releases
			_, err = s.Write(ctx, summit(art("report", 4)), t0)
			require.NoError(t, err)
			assert.Greater(t, s.resident.releases-before, 2, "the write released the pages while it ran, not only after it")
			if group {
				// In a batch too: one write may read more than the room
				// left under the ceiling. The write that released them
				// commits the batch at its end (its commit maps the
				// released pages of its nodes again), then releases them.
				assert.Greater(t, s.resident.inBatch, 2, "released while the batch was open")
				assert.False(t, s.inBatchLocked(), "the write that released the pages committed the batch")
				assert.False(t, s.resident.open)
				assert.LessOrEqual(t, mappedResident(t, s.bolt), int64(faultAround), "released after the commit")
			}
			require.NoError(t, s.Sync(ctx))
			n2 := 0
			require.NoError(t, s.Facts(ctx, FactFilter{Predicate: graph.Met}, func(graph.Fact) error { n2++; return nil }))
			assert.Equal(t, n-1, n2)
		})
	}
}

// TestReleaseKeepsRead checks that releaseMappedKeeping releases every
// block of the file's mapping but those it is told to keep, which stay
// resident (mapped back in at once), and that residentChunks sees which
// blocks are resident; what is stored still reads back.
func TestReleaseKeepsRead(t *testing.T) {
	db, err := bolt.Open(filepath.Join(t.TempDir(), "x.bolt"), 0o600, nil)
	require.NoError(t, err)
	defer db.Close()
	value := func(i int) []byte { return bytes.Repeat([]byte{byte(i)}, 1000) }
	const n = 4000 // ~4 MB of values, ~60 blocks
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucket([]byte("b"))
		if err != nil {
			return err
		}
		for i := range n {
			if err := b.Put(fmt.Appendf(nil, "k%05d", i), value(i)); err != nil {
				return err
			}
		}
		return nil
	}))
	readAll := func() error {
		return db.View(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			for i := range n {
				if v := b.Get(fmt.Appendf(nil, "k%05d", i)); !bytes.Equal(v, value(i)) {
					return fmt.Errorf("key %d reads %d bytes, not its value", i, len(v))
				}
			}
			return nil
		})
	}
	require.NoError(t, readAll())
	m, err := boltMapping(db)
	require.NoError(t, err)
	fi, err := os.Stat(db.Path())
	require.NoError(t, err)
	present, err := residentChunks(m, fi.Size())
	require.NoError(t, err)
	on := setBits(present)
	require.Greater(t, len(on), 40, "reading every value maps most blocks in")

	keep := []int{on[3], on[10], on[11]}
	require.NoError(t, releaseMappedKeeping(db, func(p []uint64) []uint64 {
		assert.Equal(t, present, p, "the blocks resident before the release")
		k := make([]uint64, len(p))
		for _, i := range keep {
			k[i/64] |= 1 << (i % 64)
		}
		return k
	}))
	after, err := residentChunks(m, fi.Size())
	require.NoError(t, err)
	assert.Equal(t, keep, setBits(after), "only the kept blocks are resident")
	assert.LessOrEqual(t, mappedResident(t, db), int64(len(keep))*chunkSize+faultAround)
	require.NoError(t, readAll())
}
