package store

// Compacting a bbolt store. bbolt never gives pages back to the file
// system: pages freed by updates are reused, the file grows by doubling
// (up to 1 GB at a time), and the pages Cayley's appends split are left
// half full. Compact copies every bucket, key and value into a fresh file
// with full pages, cuts it to the pages in use, then swaps it in for the
// store's file by a rename.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// compactTxBytes is how many bytes of keys and values Compact copies in
// one transaction of the new file.
const compactTxBytes = 32 << 20

// BoltUsage is how much of a bbolt store's file holds data.
type BoltUsage struct {
	// File is the size of the file on disk.
	File int64 `json:"file_bytes"`
	// InUse is the bytes of the pages in use: the file up to its high
	// water mark less its free pages. The rest is room bbolt grew the
	// file by, not yet used.
	InUse int64 `json:"in_use_bytes"`
}

// BoltUsageOf returns the usage of the bbolt store in directory dir,
// opening it read-only: ErrLocked when a writer holds it, an error
// wrapping ErrNotFound when there is no store file.
func BoltUsageOf(dir string) (BoltUsage, error) {
	file := filepath.Join(dir, BoltFile)
	wrap := func(err error) error { return fmt.Errorf("store usage %s: %w", dir, err) }
	fi, err := os.Stat(file)
	if errors.Is(err, os.ErrNotExist) {
		return BoltUsage{}, wrap(fmt.Errorf("no store here: %w", ErrNotFound))
	} else if err != nil {
		return BoltUsage{}, wrap(err)
	}
	if err := checkBoltFile(file, true); err != nil {
		return BoltUsage{}, wrap(err)
	}
	db, err := bolt.Open(file, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true, PreLoadFreelist: true})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return BoltUsage{}, wrap(ErrLocked)
	case err != nil:
		return BoltUsage{}, wrap(fmt.Errorf("%w: %s: %w", ErrDamaged, file, err))
	}
	defer db.Close()
	return BoltUsage{File: fi.Size(), InUse: inUse(db)}, nil
}

// inUse returns the bytes of db's pages in use.
func inUse(db *bolt.DB) int64 {
	var size int64
	_ = db.View(func(tx *bolt.Tx) error { size = tx.Size(); return nil })
	st := db.Stats()
	return size - int64(st.FreePageN+st.PendingPageN)*int64(db.Info().PageSize)
}

// CompactStats says what Compact did.
type CompactStats struct {
	// Before and After are the store's usage before and after.
	Before, After BoltUsage
	// Keys is how many keys were copied.
	Keys int
}

// Compact rewrites the bbolt store in directory dir into a fresh file
// with full pages and no free ones, and swaps it in for the store's file
// (a rename, atomic: a crash leaves the old file or the new one whole,
// and at most a stale "indexes.bolt.compact" that the next Compact
// removes). It holds the store's lock throughout, so it refuses a store
// another process has open (ErrLocked), and checks the file's pages first
// (ErrDamaged: a damaged store is never rewritten). progress, when not
// nil, is called as keys are copied with the count so far and the total.
// After the swap it keeps the old file locked for the time another geokg
// waits for a lock, so that one that opened the old file just before
// gives up rather than writing to it. Stopped by ctx before the swap, it
// leaves the store as it was.
func Compact(ctx context.Context, dir string, progress func(done, total int)) (st CompactStats, err error) {
	wrap := func(err error) error { return fmt.Errorf("compact %s: %w", dir, err) }
	file := filepath.Join(dir, BoltFile)
	if _, err := os.Stat(file); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			err = fmt.Errorf("no store here: %w", ErrNotFound)
		}
		return st, wrap(err)
	}
	if err := CheckPages(dir); err != nil {
		return st, wrap(err)
	}
	fi, err := os.Stat(file)
	if err != nil {
		return st, wrap(err)
	}
	src, err := bolt.Open(file, fi.Mode().Perm(), &bolt.Options{Timeout: lockTimeout, PreLoadFreelist: true})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return st, wrap(ErrLocked)
	case err != nil:
		return st, wrap(fmt.Errorf("%w: %s: %w", ErrDamaged, file, err))
	}
	locked := time.Time{}
	defer func() {
		if !locked.IsZero() {
			// Whoever opened the old file before the rename waits for
			// its lock at most lockTimeout (bbolt retries every 50 ms):
			// let them time out rather than get it.
			time.Sleep(time.Until(locked.Add(lockTimeout + 100*time.Millisecond)))
		}
		if cerr := src.Close(); cerr != nil && err == nil {
			err = wrap(cerr)
		}
	}()
	st.Before = BoltUsage{File: fi.Size(), InUse: inUse(src)}
	tmp := file + ".compact"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return st, wrap(err)
	}
	keep := false
	defer func() {
		if !keep {
			os.Remove(tmp)
		}
	}()
	dst, err := bolt.Open(tmp, fi.Mode().Perm(), &bolt.Options{NoSync: true})
	if err != nil {
		return st, wrap(err)
	}
	if st.Keys, err = copyBolt(ctx, src, dst, progress); err == nil {
		err = dst.Sync() // NoSync left the commits unsynced
	}
	err = errors.Join(err, dst.Close())
	if err == nil {
		err = trimBolt(tmp)
	}
	if err == nil {
		err = checkBoltFile(tmp, true)
	}
	if err != nil {
		return st, wrap(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		return st, wrap(err)
	}
	keep, locked = true, time.Now()
	if d, err := os.Open(dir); err == nil { // make the rename durable
		err = d.Sync()
		d.Close()
		if err != nil {
			return st, wrap(err)
		}
	}
	after, err := os.Stat(file)
	if err != nil {
		return st, wrap(err)
	}
	st.After = BoltUsage{File: after.Size()}
	if db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout, PreLoadFreelist: true}); err == nil {
		st.After.InUse = inUse(db)
		db.Close()
	}
	return st, nil
}

// copyBolt copies every bucket (nested ones too, with their sequences),
// key and value of src into the empty dst, filling pages full, a
// transaction per compactTxBytes; it returns how many keys it copied. A
// damaged page of src is reported as ErrDamaged, not a crash.
func copyBolt(ctx context.Context, src, dst *bolt.DB, progress func(done, total int)) (n int, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrDamaged, r)
		}
	}()
	stx, err := src.Begin(false)
	if err != nil {
		return 0, err
	}
	defer stx.Rollback()
	total := 0
	if progress != nil {
		_ = stx.ForEach(func(name []byte, b *bolt.Bucket) error {
			mustWalk(b, name)
			total += b.Stats().KeyN
			return nil
		})
	}
	c := &boltCopier{ctx: ctx, dst: dst, progress: progress, total: total}
	err = stx.ForEach(func(name []byte, b *bolt.Bucket) error {
		mustWalk(b, name)
		return c.bucket([][]byte{name}, b)
	})
	if err == nil {
		err = c.commit()
	} else if c.tx != nil {
		_ = c.tx.Rollback()
	}
	if err == nil && progress != nil {
		progress(c.done, max(total, c.done))
	}
	return c.done, err
}

// boltCopier is the state of copyBolt: the open transaction of the new
// file and what it has copied.
type boltCopier struct {
	ctx         context.Context
	dst         *bolt.DB
	tx          *bolt.Tx
	bytes       int
	done, total int
	progress    func(done, total int)
	// path and cur are the bucket of the new file keys go to now (nil
	// after a commit: found again by its path).
	path [][]byte
	cur  *bolt.Bucket
}

// commit commits the open transaction, if any.
func (c *boltCopier) commit() error {
	if c.tx == nil {
		return nil
	}
	err := c.tx.Commit()
	c.tx, c.cur, c.bytes = nil, nil, 0
	return err
}

// target returns the bucket at path in the new file, in an open
// transaction, creating it (with sequence seq) when create is set.
func (c *boltCopier) target(path [][]byte, create bool, seq uint64) (*bolt.Bucket, error) {
	if c.tx == nil {
		if err := c.ctx.Err(); err != nil {
			return nil, err
		}
		tx, err := c.dst.Begin(true)
		if err != nil {
			return nil, err
		}
		c.tx = tx
	}
	if !create && c.cur != nil && samePath(c.path, path) {
		return c.cur, nil
	}
	var b *bolt.Bucket
	for i, name := range path {
		var next *bolt.Bucket
		last := i == len(path)-1
		switch {
		case create && last && b == nil:
			nb, err := c.tx.CreateBucket(name)
			if err != nil {
				return nil, err
			}
			next = nb
		case create && last:
			nb, err := b.CreateBucket(name)
			if err != nil {
				return nil, err
			}
			next = nb
		case b == nil:
			next = checkedBucket(c.tx, name)
		default:
			next = checkedBucket(b, name)
		}
		if next == nil {
			return nil, fmt.Errorf("bucket %q missing in the new file", name)
		}
		b = next
	}
	b.FillPercent = 1 // keys come in order: fill each page
	if create {
		if err := b.SetSequence(seq); err != nil {
			return nil, err
		}
	}
	c.path, c.cur = path, b
	return b, nil
}

// samePath reports whether bucket paths a and b are equal.
func samePath(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// bucket copies bucket b of the old file, at path, and what it holds.
func (c *boltCopier) bucket(path [][]byte, b *bolt.Bucket) error {
	if _, err := c.target(path, true, b.Sequence()); err != nil {
		return err
	}
	return b.ForEach(func(k, v []byte) error {
		if v == nil { // a nested bucket
			sub := append(append([][]byte(nil), path...), k)
			return c.bucket(sub, checkedBucket(b, k))
		}
		if c.bytes+len(k)+len(v) > compactTxBytes {
			if err := c.commit(); err != nil {
				return err
			}
		}
		t, err := c.target(path, false, 0)
		if err != nil {
			return err
		}
		if err := t.Put(k, v); err != nil {
			return err
		}
		c.bytes += len(k) + len(v)
		c.done++
		if c.progress != nil && c.done%4096 == 0 {
			c.progress(c.done, max(c.total, c.done))
		}
		return nil
	})
}

// trimBolt cuts the closed bbolt file at path to its pages in use (the
// high water mark of both its meta pages): bbolt grows its file by
// doubling, and a fresh copy has no use for the room. The file is synced.
func trimBolt(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	m0, ok0 := readMeta(f, 0)
	if !ok0 {
		return fmt.Errorf("%w: %s: no valid first meta page", ErrDamaged, path)
	}
	end := int64(m0.pgid) * int64(m0.pageSize)
	if m1, ok1 := readMeta(f, int64(m0.pageSize)); ok1 {
		end = max(end, int64(m1.pgid)*int64(m1.pageSize))
	}
	if err := f.Truncate(end); err != nil {
		return err
	}
	return f.Sync()
}
