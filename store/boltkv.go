package store

// The key-value layer Cayley's kv quad store runs on over a bbolt file.
// It is hidalgo's bbolt layer (the same hierarchical keys: every part but
// the last names a bucket) with one difference: it sets how full bbolt
// fills the pages it splits, per bucket. bbolt splits a page at half its
// size by default, which leaves every page of a bucket written in key
// order half empty for good; Cayley's log is keyed by increasing ids, so
// its pages are filled whole (see logFill).

import (
	"bytes"
	"context"
	"errors"

	"github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// How full bbolt fills the pages it splits in Cayley's buckets (bbolt's
// default is 0.5). The log is keyed by ids handed out in increasing
// order: a write appends to its last page, and a page split there is
// written to again only where a quad is marked deleted (a record two
// bytes longer) or a value removed, so its pages are filled whole. The
// (subject, predicate) index is keyed by the ids of the quads' subjects,
// mostly nodes a write has just made, so it is nearly in order too; its
// values, lists of quad ids, grow when a node gets one more quad of a
// predicate, so its pages keep a tenth free for that. The other buckets
// are keyed by hashes or by objects, in no order, and keep the default (a
// higher fill of the (object, predicate, subject) index leaves as many
// pages a tenth full as it fills: measured, no fewer pages in use).
// On the simulated corpus (3,000 articles) this takes the pages in use
// from 13.0 to 10.5 KB per fact.
const (
	logFill       = 1.0
	subjIndexFill = 0.9
)

// fillOf returns the fill percent of the bucket named by path (bucket
// names from the root), and false to keep bbolt's default.
func fillOf(path [][]byte) (float64, bool) {
	if len(path) != 1 {
		return 0, false
	}
	switch string(path[0]) {
	case "log":
		return logFill, true
	case "sp":
		return subjIndexFill, true
	}
	return 0, false
}

// boltKV is a kv.KV over a bbolt database.
type boltKV struct {
	db *bolt.DB
	// onCommit, when set, runs in each read-write transaction just before
	// it commits (the name index's rows of a write, see applyDeltas); an
	// error rolls the transaction back. The Store sets it under its write
	// lock, around the one ApplyDeltas that opens the transaction.
	onCommit func(*bolt.Tx) error
	// batch, when set, is the open read-write transaction that a batch of
	// writes shares (see Store.SetGroupCommit): Tx hands it out for reads
	// and writes alike, and their Commit and Close leave it open, so each
	// read sees the batch's earlier writes. broken is set when a write in
	// it ended without its Commit (an error or a panic part way): the
	// transaction then holds part of that write and must be rolled back.
	// Both are set and read under the Store's write lock.
	batch  *bolt.Tx
	broken bool
	// touched, when set, runs after every touchEvery-th read (a Get, a
	// Scan or a step of its iterator) made in a transaction that holds the store's write lock: the
	// batch's, or a write's own (read-write, or read-only while writing). The Store sets it to bound the file's
	// pages those reads map while one write is still running (see
	// Store.duringWriteLocked), which without it are bounded only after
	// the write, by the pages the whole write mapped. touches counts those
	// reads. Both are used under the Store's write lock.
	touched func()
	touches int
	// writing is set while a Write holds the Store's write lock: the
	// read-only transactions opened then are the write's own reads (its
	// lookups, before Cayley's read-write transaction), which no other
	// reader runs beside, and touched counts them too.
	writing bool
}

// touchEvery is how many reads of a write pass between two runs of
// boltKV.touched: one of a dense article's reads maps a few pages, so the
// reads between two runs map a few megabytes at most, and a run (one read
// of /proc/self/statm, a few microseconds) costs about a hundredth of
// them.
const touchEvery = 256

// touch counts a read of a transaction that holds the write lock and runs
// touched every touchEvery reads.
func (d *boltKV) touch() {
	if d.touched == nil {
		return
	}
	if d.touches++; d.touches%touchEvery == 0 {
		d.touched()
	}
}

var _ kv.KV = (*boltKV)(nil)

// Close closes the database.
func (d *boltKV) Close() error { return d.db.Close() }

// Tx begins a transaction, read-write when rw.
func (d *boltKV) Tx(_ context.Context, rw bool) (kv.Tx, error) {
	if d.batch != nil {
		t := &boltKVTx{tx: d.batch, batch: d, locked: d}
		if rw {
			t.onCommit, t.writing = d.onCommit, true
		}
		return t, nil
	}
	tx, err := d.db.Begin(rw)
	if err != nil {
		return nil, err
	}
	t := &boltKVTx{tx: tx}
	if rw {
		t.onCommit = d.onCommit
	}
	if rw || d.writing {
		t.locked = d
	}
	return t, nil
}

// View runs fn in a read-only transaction.
func (d *boltKV) View(ctx context.Context, fn func(tx kv.Tx) error) error { return kv.View(ctx, d, fn) }

// Update runs fn in a read-write transaction and commits it when fn
// returns nil.
func (d *boltKV) Update(ctx context.Context, fn func(tx kv.Tx) error) error {
	return kv.Update(ctx, d, fn)
}

// beginBatch opens the transaction the writes of a batch share.
func (d *boltKV) beginBatch() error {
	tx, err := d.db.Begin(true)
	if err != nil {
		return err
	}
	d.batch, d.broken = tx, false
	return nil
}

// errBatchBroken is endBatch's error for a batch a write broke.
var errBatchBroken = errors.New("a write did not complete in the batch's transaction")

// endBatch commits the batch's transaction (with bbolt's fsyncs), or
// rolls it back when commit is false or a write broke it (errBatchBroken).
// A failed commit rolls it back too. Either way no batch is open after.
func (d *boltKV) endBatch(commit bool) error {
	tx, broken := d.batch, d.broken
	d.batch, d.broken = nil, false
	if tx == nil {
		return nil
	}
	if !commit || broken {
		_ = tx.Rollback()
		if broken {
			return errBatchBroken
		}
		return nil
	}
	return tx.Commit()
}

// batchSize returns how many nodes (pages read to be changed) the open
// batch's transaction holds in memory, 0 without one.
func (d *boltKV) batchSize() int {
	if d.batch == nil {
		return 0
	}
	st := d.batch.Stats()
	return int(st.GetNodeCount())
}

// boltKVTx is a transaction of a boltKV. A transaction of a batch (batch
// set) is the batch's, shared: its Commit and Close leave it open, and
// writing is set from its start until its Commit. locked is the boltKV
// of a transaction opened under the Store's write lock (the batch's, a
// read-write one, or a read-only one a Write opened: boltKV.writing),
// whose reads it counts (see boltKV.touch); nil for another read-only
// transaction outside a batch, which may run beside a write.
type boltKVTx struct {
	tx       *bolt.Tx
	onCommit func(*bolt.Tx) error
	batch    *boltKV
	locked   *boltKV
	writing  bool
	// top holds the top-level buckets the transaction has opened, by
	// name: Cayley's keys are a top-level bucket and a key in it, and
	// bbolt finds a bucket by a seek in its parent on every call (a
	// read-only transaction caches none, and CreateBucketIfNotExists
	// seeks before it looks in its cache).
	top map[string]*bolt.Bucket
}

// root returns the root bucket of the transaction.
func (t *boltKVTx) root() *bolt.Bucket { return t.tx.Cursor().Bucket() }

// bucket returns the bucket that holds key k and k's last part; with
// create, it creates the buckets on the way. The bucket is nil when one
// on the way does not exist. A top-level bucket is opened once per
// transaction (t.top): a bucket stays valid for the transaction's life,
// and none is deleted through a boltKVTx.
func (t *boltKVTx) bucket(k kv.Key, create bool) (*bolt.Bucket, []byte, error) {
	if len(k) == 2 {
		if b := t.top[string(k[0])]; b != nil {
			return b, k[1], nil
		}
	}
	b, last, err := t.openBucket(k, create)
	if len(k) == 2 && b != nil && err == nil {
		if t.top == nil {
			t.top = map[string]*bolt.Bucket{}
		}
		t.top[string(k[0])] = b
	}
	return b, last, err
}

// openBucket is bucket without the transaction's cache of top-level
// buckets.
func (t *boltKVTx) openBucket(k kv.Key, create bool) (*bolt.Bucket, []byte, error) {
	b := t.root()
	for i := 0; i < len(k)-1; i++ {
		if !create {
			if b = checkedBucket(b, k[i]); b == nil {
				return nil, nil, nil
			}
			continue
		}
		var err error
		if b, err = b.CreateBucketIfNotExists(k[i]); err != nil {
			return nil, nil, err
		}
		mustWalk(b, k[i])
	}
	if t.tx.Writable() {
		// A write transaction keeps one Bucket per bucket, whose fill
		// applies to every page of it the commit splits, whichever call
		// opened it.
		if fill, ok := fillOf(k[:len(k)-1]); ok {
			b.FillPercent = fill
		}
	}
	return b, k[len(k)-1], nil
}

// Get returns the value of key, or kv.ErrNotFound.
func (t *boltKVTx) Get(_ context.Context, key kv.Key) (kv.Value, error) {
	if len(key) == 0 {
		return nil, kv.ErrNotFound
	}
	if t.locked != nil {
		t.locked.touch()
	}
	b, k, _ := t.bucket(key, false)
	if b == nil {
		return nil, kv.ErrNotFound
	}
	v := b.Get(k)
	if v == nil {
		return nil, kv.ErrNotFound
	}
	return v, nil
}

// GetBatch returns the values of keys, nil for a key that does not exist.
func (t *boltKVTx) GetBatch(ctx context.Context, keys []kv.Key) ([]kv.Value, error) {
	vals := make([]kv.Value, len(keys))
	for i, k := range keys {
		if v, err := t.Get(ctx, k); err == nil {
			vals[i] = v
		}
	}
	return vals, nil
}

// Put writes v under k, creating the buckets k names; a key whose last
// part and value are empty only creates the buckets (kv.CreateBucket).
func (t *boltKVTx) Put(_ context.Context, k kv.Key, v kv.Value) error {
	if len(k) == 0 {
		return kv.ErrNotFound
	}
	b, last, err := t.bucket(k, true)
	if errors.Is(err, bolt.ErrTxNotWritable) {
		return kv.ErrReadOnly
	} else if err != nil {
		return err
	}
	if len(last) == 0 && len(v) == 0 {
		return nil
	}
	err = b.Put(last, v)
	if errors.Is(err, bolt.ErrTxNotWritable) {
		return kv.ErrReadOnly
	}
	return err
}

// Del removes key k; a key that does not exist is no error.
func (t *boltKVTx) Del(_ context.Context, k kv.Key) error {
	if len(k) == 0 {
		return nil
	}
	b, last, _ := t.bucket(k, false)
	if b == nil {
		return nil
	}
	err := b.Delete(last)
	if errors.Is(err, bolt.ErrTxNotWritable) {
		return kv.ErrReadOnly
	}
	return err
}

// Commit commits the transaction, after its onCommit.
// In a batch it only runs onCommit, leaving the batch's transaction open.
func (t *boltKVTx) Commit(context.Context) error {
	if t.onCommit != nil {
		if err := t.onCommit(t.tx); err != nil {
			if t.batch == nil {
				_ = t.tx.Rollback()
			}
			return err // in a batch, Close marks it broken
		}
	}
	if t.batch != nil {
		t.writing = false
		return nil
	}
	return t.tx.Commit()
}

// Close rolls the transaction back; after a commit it does nothing. In a
// batch it leaves the batch's transaction open, marking it broken when
// the transaction wrote without committing.
func (t *boltKVTx) Close() error {
	if t.batch != nil {
		if t.writing {
			t.batch.broken = true
			t.writing = false
		}
		return nil
	}
	if err := t.tx.Rollback(); err != nil && !errors.Is(err, bolt.ErrTxClosed) {
		return err
	}
	return nil
}

// Scan iterates over the keys of the transaction in order.
func (t *boltKVTx) Scan(_ context.Context, opts ...kv.IteratorOption) kv.Iterator {
	if t.locked != nil {
		t.locked.touch()
	}
	it := &boltKVIter{tx: t}
	it.Reset()
	return kv.ApplyIteratorOptions(it, opts)
}

// boltKVIter walks the keys of a transaction depth first, in key order,
// those with its prefix only: every part of the prefix but the last names
// a bucket, the last is a prefix of the name at its depth.
type boltKVIter struct {
	tx     *boltKVTx
	pref   kv.Key
	stack  []iterFrame
	k, v   []byte
	closed bool
}

// iterFrame is one bucket on the path of a boltKVIter.
type iterFrame struct {
	name []byte
	b    *bolt.Bucket
	c    *bolt.Cursor
}

var _ kv.PrefixIterator = (*boltKVIter)(nil)

// Reset goes back to before the first key.
func (it *boltKVIter) Reset() {
	it.k, it.v = nil, nil
	it.stack = it.stack[:0]
	if !it.closed {
		it.stack = append(it.stack, iterFrame{b: it.tx.root()})
	}
}

// WithPrefix restricts the iterator to the keys with prefix pref.
func (it *boltKVIter) WithPrefix(pref kv.Key) kv.Iterator {
	it.pref = pref.Clone()
	it.Reset()
	return it
}

// matches says whether name, at depth d of a key, fits the prefix.
func (it *boltKVIter) matches(d int, name []byte) bool {
	switch {
	case d < len(it.pref)-1:
		return bytes.Equal(name, it.pref[d])
	case d == len(it.pref)-1:
		return bytes.HasPrefix(name, it.pref[d])
	}
	return true
}

// Next moves to the next key; false at the end.
func (it *boltKVIter) Next(context.Context) bool {
	for len(it.stack) > 0 {
		d := len(it.stack) - 1
		f := &it.stack[d]
		var k, v []byte
		if f.c == nil {
			f.c = f.b.Cursor()
			if d < len(it.pref) {
				k, v = f.c.Seek(it.pref[d])
			} else {
				k, v = f.c.First()
			}
		} else {
			k, v = f.c.Next()
		}
		if it.tx.locked != nil {
			it.tx.locked.touch()
		}
		if k == nil || !it.matches(d, k) {
			it.stack = it.stack[:d]
			continue
		}
		if v == nil {
			if nb := checkedBucket(f.b, k); nb != nil {
				it.stack = append(it.stack, iterFrame{name: k, b: nb})
				continue
			}
		}
		if d < len(it.pref)-1 {
			continue // a key shorter than the prefix
		}
		it.k, it.v = k, v
		return true
	}
	it.k, it.v = nil, nil
	return false
}

// Key returns the current key.
func (it *boltKVIter) Key() kv.Key {
	if it.k == nil {
		return nil
	}
	k := make(kv.Key, 0, len(it.stack))
	for _, f := range it.stack[1:] {
		k = append(k, f.name)
	}
	return append(k, it.k)
}

// Val returns the current value.
func (it *boltKVIter) Val() kv.Value { return it.v }

// Err returns nil: reading a bbolt page fails by a panic, not an error.
func (it *boltKVIter) Err() error { return nil }

// Close ends the iterator.
func (it *boltKVIter) Close() error {
	it.closed = true
	it.stack, it.k, it.v = nil, nil, nil
	return nil
}
