package store

// Checks of a bbolt file that bbolt itself does not make before using it:
// a file cut short (a full disk, a copy that stopped) makes bbolt read
// memory past the end of its mapping, a fault that no recover catches, so
// the file's size is checked against what its meta page says before
// bbolt opens it; and a walk over every bucket and key, in the caller's
// goroutine, so that a damaged page is a recovered panic and not a crash
// of the goroutine bbolt's own check runs in.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"runtime/debug"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
)

// bbolt's file format (version 2): a page starts with a 16-byte header;
// the meta pages 0 and 1 hold, after it, the fields read by readMeta.
const (
	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	boltPageHeader = 16
	boltMetaSize   = 64 // up to and including the checksum
	boltNoFreelist = ^uint64(0)
)

// boltMeta is what checkBoltFile needs of a meta page.
type boltMeta struct {
	pageSize uint32
	root     uint64 // the root bucket's page
	freelist uint64 // the freelist's page, or boltNoFreelist
	pgid     uint64 // the high water mark: pages below it are in use
	txid     uint64
}

// readMeta reads the meta page at off of f; ok is false when it is not a
// valid one (magic, version or checksum wrong, or the file too short).
func readMeta(f io.ReaderAt, off int64) (m boltMeta, ok bool) {
	buf := make([]byte, boltPageHeader+boltMetaSize)
	if _, err := f.ReadAt(buf, off); err != nil {
		return m, false
	}
	b := buf[boltPageHeader:]
	u32 := func(i int) uint32 { return binary.NativeEndian.Uint32(b[i:]) }
	u64 := func(i int) uint64 { return binary.NativeEndian.Uint64(b[i:]) }
	h := fnv.New64a()
	h.Write(b[:56])
	if u32(0) != boltMagic || u32(4) != boltVersion || h.Sum64() != u64(56) {
		return m, false
	}
	return boltMeta{pageSize: u32(8), root: u64(16), freelist: u64(32), pgid: u64(40), txid: u64(48)}, true
}

// checkBoltFile checks the bbolt file at path before it is opened: its
// meta pages (at least one valid) and, for the one bbolt would use (the
// valid one of the later transaction), that the file holds every page up
// to the high water mark and that the root and freelist pages lie below
// it. A problem is an error wrapping ErrDamaged naming the file. An empty
// file is fine unless readOnly (a writer starts it afresh); a missing one
// is left to the caller.
func checkBoltFile(path string, readOnly bool) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = checkBoltMeta(f, path, readOnly)
	return err
}

// checkBoltMeta is checkBoltFile on the open file f (named path): it
// returns the meta page bbolt would use, or one whose pgid is 0 for an
// empty file that is fine.
func checkBoltMeta(f *os.File, path string, readOnly bool) (boltMeta, error) {
	fi, err := f.Stat()
	if err != nil {
		return boltMeta{}, err
	}
	size := fi.Size()
	damaged := func(format string, args ...any) (boltMeta, error) {
		return boltMeta{}, fmt.Errorf("%w: %s: %s", ErrDamaged, path, fmt.Sprintf(format, args...))
	}
	if size == 0 {
		if readOnly {
			return damaged("empty file")
		}
		return boltMeta{}, nil
	}
	m0, ok0 := readMeta(f, 0)
	pageSize := int64(os.Getpagesize())
	if ok0 {
		pageSize = int64(m0.pageSize)
	}
	m1, ok1 := readMeta(f, pageSize)
	var m boltMeta
	switch {
	case !ok0 && !ok1:
		return damaged("no valid meta page (not a bbolt file, or its first pages are overwritten)")
	case ok0 && (!ok1 || m0.txid >= m1.txid):
		m = m0
	default:
		m = m1
	}
	if m.pageSize < 512 || m.pageSize&(m.pageSize-1) != 0 {
		return damaged("page size %d", m.pageSize)
	}
	if need := int64(m.pgid) * int64(m.pageSize); m.pgid > uint64(size) || need > size {
		return damaged("truncated: the file is %d bytes, its pages reach %d", size, need)
	}
	if m.root >= m.pgid || (m.freelist != boltNoFreelist && m.freelist >= m.pgid) {
		return damaged("meta page points past the last page (root %d, freelist %d, %d pages)", m.root, m.freelist, m.pgid)
	}
	return m, nil
}

// walkBolt reads every bucket, key and value of db in the caller's
// goroutine (bbolt's own Tx.Check runs in a goroutine of its own, where a
// damaged page crashes the process), checking that the keys of each
// bucket are in order. It returns what it found wrong, one error per
// bucket that could not be read whole: a panic or memory fault of bbolt
// (recovered), a key out of order, or more keys than the file's pages
// can hold (damaged pages that point back at each other). The rest of
// that bucket is not read.
func walkBolt(db *bolt.DB) []error {
	var problems []error
	var budget int64 // keys left before the walk must have looped
	var walk func(b *bolt.Bucket, path string) error
	walk = func(b *bolt.Bucket, path string) error {
		h := fnv.New64a()
		var prev []byte
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if budget--; budget < 0 {
				return fmt.Errorf("bucket %s: more keys than its pages can hold: damaged pages point back at each other", path)
			}
			h.Write(k) // reads every byte: a damaged size faults here
			h.Write(v)
			if prev != nil && bytes.Compare(prev, k) >= 0 {
				return fmt.Errorf("bucket %s: key %s out of order after %s", path, short(k), short(prev))
			}
			prev = k
			if v == nil {
				if sub := checkedBucket(b, k); sub != nil {
					if err := walk(sub, fmt.Sprintf("%s/%s", path, short(k))); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	err := db.View(func(tx *bolt.Tx) error {
		budget = tx.Size() / 16 // the smallest element of a page is 16 bytes
		names, err := topBucketNames(tx)
		if err != nil {
			return err
		}
		for _, name := range names {
			func() {
				defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
				defer func() {
					if r := recover(); r != nil {
						problems = append(problems, fmt.Errorf("bucket %q: %v", name, r))
					}
				}()
				if err := walk(checkedBucket(tx, name), short(name)); err != nil {
					problems = append(problems, err)
				}
			}()
		}
		return nil
	})
	if err != nil {
		problems = append(problems, err)
	}
	return problems
}

// short writes a key for a message: quoted when it is short text, else
// its first 16 bytes in hex.
func short(k []byte) string {
	if len(k) <= 32 && utf8.Valid(k) && bytes.IndexFunc(k, func(r rune) bool { return r < ' ' }) < 0 {
		return fmt.Sprintf("%q", k)
	}
	if len(k) > 16 {
		return fmt.Sprintf("%x… (%d bytes)", k[:16], len(k))
	}
	return fmt.Sprintf("%x", k)
}

// topBucketNames lists the names of a bbolt transaction's top-level
// buckets, copied, so that a caller may open each (checked) after the
// listing's cursor is gone.
func topBucketNames(tx *bolt.Tx) ([][]byte, error) {
	var names [][]byte
	err := tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, bytes.Clone(name))
		return nil
	})
	return names, err
}
