package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// boltTestPage is a page of a bbolt file as the tests damage it.
type boltTestPage struct {
	id  uint64
	off int // of the page in the file
}

// boltFixture writes, with bbolt, a file holding a bucket "big" of 600
// keys (a branch page over leaf pages), a value of 10,000 bytes and a
// bucket "nested" of 300 keys, a bucket "small" of three keys
// and a bucket "zz" of one (both inline, in the root bucket's page), and
// returns its bytes, its page size and the root bucket's page.
func boltFixture(t *testing.T) (data []byte, pageSize int, root boltTestPage) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "f.bolt")
	db, err := bolt.Open(file, 0o600, nil)
	require.NoError(t, err)
	require.NoError(t, db.Update(func(tx *bolt.Tx) error {
		big, err := tx.CreateBucket([]byte("big"))
		if err != nil {
			return err
		}
		for i := range 600 {
			if err := big.Put(fmt.Appendf(nil, "key%04d", i), bytes.Repeat([]byte{'v'}, 40)); err != nil {
				return err
			}
		}
		// A value over three pages (a page with overflow) and a
		// bucket of its own pages inside big.
		if err := big.Put([]byte("large"), bytes.Repeat([]byte{'L'}, 10000)); err != nil {
			return err
		}
		sub, err := big.CreateBucket([]byte("nested"))
		if err != nil {
			return err
		}
		for i := range 300 {
			if err := sub.Put(fmt.Appendf(nil, "n%04d", i), bytes.Repeat([]byte{'n'}, 40)); err != nil {
				return err
			}
		}
		small, err := tx.CreateBucket([]byte("small"))
		if err != nil {
			return err
		}
		for _, k := range []string{"a", "b", "c"} {
			if err := small.Put([]byte(k), []byte("value of "+k)); err != nil {
				return err
			}
		}
		zz, err := tx.CreateBucket([]byte("zz"))
		if err != nil {
			return err
		}
		return zz.Put([]byte("only"), []byte("one"))
	}))
	pageSize = db.Info().PageSize
	require.NoError(t, db.Close())
	data, err = os.ReadFile(file)
	require.NoError(t, err)
	m0, _ := readMeta(bytes.NewReader(data), 0)
	m1, _ := readMeta(bytes.NewReader(data), int64(pageSize))
	m := m0
	if m1.txid > m0.txid {
		m = m1
	}
	root = boltTestPage{id: m.root, off: int(m.root) * pageSize}
	require.Equal(t, uint16(boltLeafPage), binary.NativeEndian.Uint16(data[root.off+8:]), "the root bucket is one leaf page")
	return data, pageSize, root
}

// leafElem returns the offset in data of element i of the leaf page at
// off, and that element's key and value offsets.
func leafElem(data []byte, off, i int) (elem, key, value int) {
	elem = off + boltPageHeader + i*boltElemSize
	pos := int(binary.NativeEndian.Uint32(data[elem+4:]))
	ksize := int(binary.NativeEndian.Uint32(data[elem+8:]))
	return elem, elem + pos, elem + pos + ksize
}

// bucketElem finds the root bucket's element named name.
func bucketElem(t *testing.T, data []byte, root boltTestPage, name string) (i, elem, key, value int) {
	t.Helper()
	n := int(binary.NativeEndian.Uint16(data[root.off+10:]))
	for i := range n {
		elem, key, value := leafElem(data, root.off, i)
		if string(data[key:value]) == name {
			return i, elem, key, value
		}
	}
	t.Fatalf("no bucket %q in the root page", name)
	return
}

// withDeadline runs fn, failing the test when it has not returned within
// 20 s (bbolt walking round in circles: the goroutine is left spinning,
// the test binary ends with the failure).
func withDeadline(t *testing.T, what string, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- fn()
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: still running after 20 s: bbolt walks the damaged pages in circles", what)
		return nil
	}
}

// walkAll reads every key of every top-level bucket of the bbolt file
// in dir as a store reads it (checkedBucket, then a cursor); a panic (damage bbolt
// or checkedBucket found) is returned as an error.
func walkAll(dir string) error {
	db, err := bolt.Open(filepath.Join(dir, BoltFile), 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		names, err := topBucketNames(tx)
		if err != nil {
			return err
		}
		for _, name := range names {
			b := checkedBucket(tx, name)
			if b == nil {
				continue
			}
			c := b.Cursor()
			for k, _ := c.First(); k != nil; k, _ = c.Next() {
			}
			b.Cursor().Seek([]byte("key0300"))
		}
		return nil
	})
}

// Damage to the pages of a bbolt file that sends bbolt round in circles
// (a cursor that never returns) is found by CheckPages before bbolt
// walks them, and a store reading the file gets a panic it recovers
// (checkedBucket) instead of a hang. The damages are those found by
// flipping bytes of stores (TestDamagedStoreCLI) and the kin of them.
func TestBoltTreeCircles(t *testing.T) {
	data, pageSize, root := boltFixture(t)
	dir := filepath.Join(t.TempDir(), "db")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	write := func(d []byte) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, BoltFile), d, 0o600))
	}
	write(data)
	require.NoError(t, withDeadline(t, "CheckPages on the clean file", func() error { return CheckPages(dir) }))
	require.NoError(t, withDeadline(t, "walk of the clean file", func() error { return walkAll(dir) }))

	_, _, _, bigValue := bucketElem(t, data, root, "big")
	bigRoot := binary.NativeEndian.Uint64(data[bigValue:])
	bigOff := int(bigRoot) * pageSize
	require.Equal(t, uint16(boltBranchPage), binary.NativeEndian.Uint16(data[bigOff+8:]), "big has a branch page")
	branchChild := func(i int) int { return bigOff + boltPageHeader + i*boltElemSize + 8 }

	cases := []struct {
		name     string
		damage   func(d []byte)
		want     string // in CheckPages' error
		inlineRd bool   // a read through checkedBucket panics with errInlineBucket
	}{
		{
			// Found by TestDamagedStoreCLI: a byte of the key size of a
			// root bucket's element flipped, so that its key runs into
			// the page's free space and its value, an inline bucket, is
			// zero bytes: a page with flags 0 that bbolt reads as a
			// branch page whose first child is page 0, itself.
			name: "key size of the last bucket grown into the free space",
			damage: func(d []byte) {
				i, elem, key, _ := bucketElem(t, d, root, "zz")
				require.Equal(t, int(binary.NativeEndian.Uint16(d[root.off+10:]))-1, i, "zz is the last element")
				_, _, vs := leafElem(d, root.off, i)
				end := vs + int(binary.NativeEndian.Uint32(d[elem+12:]))
				require.True(t, end+200 < root.off+pageSize, "free space after the last element")
				// The key now ends 64 bytes into the free space, and its
				// value (as long as before) lies there: zero bytes.
				binary.NativeEndian.PutUint32(d[elem+8:], uint32(end+64-key))
			},
			want:     "inline bucket whose page has flags 0x0",
			inlineRd: true,
		},
		{
			name: "inline bucket's page header zeroed",
			damage: func(d []byte) {
				_, _, _, v := bucketElem(t, d, root, "small")
				clear(d[v+boltBucketHeader : v+boltBucketHeader+boltPageHeader])
			},
			want:     `bucket "small": damaged page: inline bucket whose page has flags 0x0`,
			inlineRd: true,
		},
		{
			// A branch page whose first child is page 0: Seek recurses
			// into it for ever (a stack overflow, which kills the
			// process), First loops.
			name: "inline bucket's page read as a branch page leading to page 0",
			damage: func(d []byte) {
				_, _, _, v := bucketElem(t, d, root, "zz")
				p := v + boltBucketHeader
				binary.NativeEndian.PutUint16(d[p+8:], boltBranchPage)
				binary.NativeEndian.PutUint64(d[p+boltPageHeader+8:], 0)
			},
			want:     `bucket "zz": damaged page: inline bucket whose page has flags 0x1`,
			inlineRd: true,
		},
		{
			name:   "branch page whose first child is itself",
			damage: func(d []byte) { binary.NativeEndian.PutUint64(d[branchChild(0):], bigRoot) },
			want:   fmt.Sprintf(`bucket "big": damaged page: page %d is reached twice`, bigRoot),
		},
		{
			name: "branch page whose child is the root bucket's page",
			damage: func(d []byte) {
				binary.NativeEndian.PutUint64(d[branchChild(2):], root.id)
			},
			want: fmt.Sprintf(`damaged page: page %d is reached twice`, root.id),
		},
		{
			name: "bucket whose root is its parent's page",
			damage: func(d []byte) {
				_, _, _, v := bucketElem(t, d, root, "big")
				binary.NativeEndian.PutUint64(d[v:], root.id)
			},
			want: fmt.Sprintf(`bucket "big": damaged page: page %d is reached twice`, root.id),
		},
		{
			name:   "branch page whose child is a meta page",
			damage: func(d []byte) { binary.NativeEndian.PutUint64(d[branchChild(1):], 1) },
			want:   `bucket "big": damaged page: page 1 is out of range`,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := bytes.Clone(data)
			c.damage(d)
			write(d)
			err := withDeadline(t, "CheckPages", func() error { return CheckPages(dir) })
			require.ErrorIs(t, err, ErrDamaged)
			require.ErrorContains(t, err, c.want)
			require.ErrorContains(t, err, filepath.Join(dir, BoltFile))
			if c.inlineRd {
				err := withDeadline(t, "read", func() error { return walkAll(dir) })
				require.ErrorContains(t, err, errInlineBucket.Error())
			}
		})
	}
}

// A store whose Cayley metadata bucket (inline, read when the store
// opens) has its page header damaged: opening it, to read or to write,
// is ErrDamaged naming the file, not a hang; check says which bucket.
func TestStoreInlineBucketDamaged(t *testing.T) {
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
	// The "meta" bucket: its key, its bucket header (root page 0:
	// inline, sequence 0), then its page's header (id 0, leaf flags).
	pattern := append([]byte("meta"), make([]byte, boltBucketHeader+8)...)
	pattern = append(pattern, boltLeafPage, 0)
	// Every copy (those of pages freed since are never read).
	n := 0
	for at := bytes.Index(data, pattern); at >= 0; at = bytes.Index(data, pattern) {
		data[at+len(pattern)-2] = 0
		n++
	}
	require.Positive(t, n, "the inline bucket meta")
	require.NoError(t, os.WriteFile(file, data, 0o644))

	for _, ro := range []bool{true, false} {
		err := withDeadline(t, fmt.Sprintf("Open read-only %v", ro), func() error {
			s, err := Open(ctx, dir, Options{ReadOnly: ro})
			if err == nil {
				err = s.Entities(ctx, func(graph.Entity) error { return nil })
				s.Close()
			}
			return err
		})
		require.ErrorIs(t, err, ErrDamaged, "read-only %v", ro)
		require.ErrorContains(t, err, file)
		require.ErrorContains(t, err, `bucket "meta": `+errInlineBucket.Error())
		require.ErrorContains(t, err, "run geokg check")
	}
	err = withDeadline(t, "CheckPages", func() error { return CheckPages(dir) })
	require.ErrorIs(t, err, ErrDamaged)
	require.ErrorContains(t, err, `bucket "meta": damaged page: inline bucket whose page has flags 0x0`)
	_, err = StoreBytesOf(dir)
	require.ErrorIs(t, err, ErrDamaged)
}

// BenchmarkCheckedBucket measures what checking an inline bucket costs
// when a read opens it (checkedBucket) against opening it unchecked.
func BenchmarkCheckedBucket(b *testing.B) {
	file := filepath.Join(b.TempDir(), "f.bolt")
	db, err := bolt.Open(file, 0o600, nil)
	require.NoError(b, err)
	defer db.Close()
	require.NoError(b, db.Update(func(tx *bolt.Tx) error {
		small, err := tx.CreateBucket([]byte("small"))
		if err != nil {
			return err
		}
		for _, k := range []string{"a", "b", "c"} {
			if err := small.Put([]byte(k), []byte("value of "+k)); err != nil {
				return err
			}
		}
		return nil
	}))
	name := []byte("small")
	for _, c := range []struct {
		name string
		open func(tx *bolt.Tx) *bolt.Bucket
	}{
		{"unchecked", func(tx *bolt.Tx) *bolt.Bucket { return tx.Bucket(name) }},
		{"checked", func(tx *bolt.Tx) *bolt.Bucket { return checkedBucket(tx, name) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			require.NoError(b, db.View(func(tx *bolt.Tx) error {
				for range b.N {
					if c.open(tx).Get([]byte("b")) == nil {
						return fmt.Errorf("no key b")
					}
				}
				return nil
			}))
		})
	}
}
