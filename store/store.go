package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	bolt "go.etcd.io/bbolt"

	"github.com/geokg/geokg/graph"
)

// BoltFile is the name of the bbolt database inside a store directory; it
// is the file Cayley's own "bbolt" backend uses, so `cayley` tools can open
// a geokg store directory too.
const BoltFile = "indexes.bolt"

// lockTimeout is how long Open waits for another process's lock on a bbolt
// store before it gives up with ErrLocked.
const lockTimeout = 500 * time.Millisecond

// kvOptions are the Cayley options of the bbolt backend. The bloom filters
// are off: they cost ~80 MB per open and a scan of the whole quad log, which
// a command-line tool that opens the store for every run cannot afford;
// existence checks then read the index instead.
var kvOptions = cayleygraph.Options{kv.OptNoBloom: true}

// Options tune Open.
type Options struct {
	// ReadOnly opens the store for reading; Write then fails with
	// ErrReadOnly. Several read-only openers may share a bbolt store.
	ReadOnly bool
	// Logger receives the store's log records; nil discards them.
	Logger *slog.Logger
	// ResidentCeiling bounds the resident memory, in bytes, of a process
	// that writes a bbolt store: past it the store releases its file's
	// pages from the process (see Store.afterWriteLocked). 0 means the
	// default, DefaultResidentCeiling; a negative value sets no bound
	// (the pages are left to the system, as for a reader's ceiling).
	// A bulk load on a machine with memory to spare runs faster with a
	// higher one: each page released and read again is a fault.
	ResidentCeiling int64
}

// Store keeps geokg's entities, facts, sources and articles in a Cayley
// quad store (see encode.go for the encoding). It is safe for concurrent
// use: reads share a lock, writes are serialised.
type Store struct {
	mu       sync.RWMutex
	qs       cayleygraph.QuadStore
	dsn      string
	readOnly bool
	closed   bool
	log      *slog.Logger
	// cache keeps what tenure inference read across writes; nil for a
	// store other processes may write unless they tell it when they do
	// (PostgreSQL: see pgStore; CockroachDB: nil).
	cache *inferCache
	// pg is the store of a PostgreSQL database, else nil: its writes take
	// its write lock (lockShared).
	pg *pgStore
	// bolt is the bbolt database of a bbolt store, else nil; group
	// tracks its group commit (see SetGroupCommit).
	bolt  *bolt.DB
	group groupState
	// kv is the key-value layer over bolt (nil with it), which writes the
	// name index's rows in the transaction of the quads they come from;
	// mem is the in-memory backend's name index, else nil (names.go).
	kv  *boltKV
	mem *memNames
	// resident bounds the pages of the bbolt file counted in the
	// process's resident memory (see afterWriteLocked).
	resident residentState
	// rawMu guards rawReaders, the cancel functions of the running
	// ReadQuads calls, which Close cancels before it waits for them.
	rawMu      sync.Mutex
	rawReaders map[*int]context.CancelCauseFunc
	closing    bool
	// rowsRead counts the timeline index's rows the timeline reads have
	// read (RowsRead).
	rowsRead atomic.Int64
}

// closeWait is how long Close waits for cancelled readers to stop before
// it gives up with ErrBusy, leaving the backend for the process exit to
// release.
const closeWait = 10 * time.Second

// Open opens (creating when needed) the store named by dsn, with the
// backend BackendFor chooses: "memory" is a fresh in-memory store;
// "postgres://…", "postgresql://…" and "cockroach://…" name a PostgreSQL or
// CockroachDB database used through Cayley's SQL backend; any other
// "scheme://" dsn, or an empty one, is ErrUnknownBackend; anything else is
// a directory holding a bbolt database, created with its parents when
// missing (unless opts.ReadOnly). Open returns ErrLocked, within about a
// second, when another process holds the directory open for writing.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "graph")
	b, err := BackendFor(dsn)
	if err != nil {
		return nil, err
	}
	qs, bkv, err := b.open(ctx, dsn, opts.ReadOnly)
	if err != nil {
		return nil, err
	}
	s := &Store{qs: qs, dsn: dsn, readOnly: opts.ReadOnly, log: log, kv: bkv, resident: residentState{budget: residentBudget}}
	s.pg, _ = qs.(*pgStore)
	if b.Name == "memory" {
		s.mem = &memNames{}
		s.mem.add([]nameRow{markerRow(), cardsMarkerRow()})
		s.mem.times.apply(timeRows{add: []timeRow{adjMarkerRow(), undMarkerRow(), stMarkerRow()}})
	}
	if bkv != nil {
		s.bolt = bkv.db
		// The pages the budget counts are those the store adds from here
		// on (what opening it mapped, and the executable's, are not).
		s.resident.base, _ = fileResident()
		s.resident.last = s.resident.base
		if !opts.ReadOnly {
			s.resident.forWriting(opts.ResidentCeiling)
		}
		// A write's own reads check them too, so that one large write
		// cannot map far past the budget before the check after it.
		bkv.touched = s.duringWriteLocked
	}
	if (b.Sharing != Shared || s.pg != nil) && !opts.ReadOnly {
		// This process is the only writer, or learns when another wrote.
		s.cache = newInferCache()
	}
	log.Debug("store opened", "dsn", Redact(dsn), "backend", b.Name, "read_only", opts.ReadOnly)
	return s, nil
}

// openBolt opens (or creates) the bbolt store in directory dir.
func openBolt(dir string, readOnly bool) (qs cayleygraph.QuadStore, db *boltKV, err error) {
	wrap := func(err error) error { return fmt.Errorf("open store %s: %w", dir, err) }
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return nil, nil, wrap(fmt.Errorf("%w: not a directory", graph.ErrInvalid))
	}
	file := filepath.Join(dir, BoltFile)
	if readOnly {
		if _, err := os.Stat(file); err != nil {
			return nil, nil, wrap(fmt.Errorf("no store here: %w", ErrNotFound))
		}
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, wrap(err)
	}
	if err := checkBoltFile(file, readOnly); err != nil {
		return nil, nil, wrap(fmt.Errorf("%w; run geokg check", err))
	}
	// bbolt panics on some damaged files, or reads past its mapping;
	// report them like other corruption.
	var bdb *bolt.DB
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if bdb != nil {
				bdb.Close() // and its lock released
			}
			qs, db, err = nil, nil, wrap(damagedError(file, r))
		}
	}()
	bdb, err = bolt.Open(file, 0o644, &bolt.Options{Timeout: lockTimeout, ReadOnly: readOnly})
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return nil, nil, wrap(ErrLocked)
	case err != nil:
		return nil, nil, wrap(fmt.Errorf("%s is damaged or not a geokg store: %w", file, err))
	}
	db = &boltKV{db: bdb}
	if !readOnly {
		err := kv.Init(db, kvOptions)
		if errors.Is(err, cayleygraph.ErrDatabaseExists) && unindexedEmpty(bdb) {
			// A run killed between Cayley's initialisation and the
			// indexes' (two transactions) left a store with nothing in
			// it and no indexes: give it them now, or it would be read
			// as one written before the indexes existed.
			err = nil
		}
		if err == nil {
			// A new store keeps the name and timeline indexes from its
			// first write (one written before them has none until Reindex).
			err = bdb.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucketIfNotExists([]byte(namesBucket))
				if err != nil {
					return err
				}
				mustWalk(b, []byte(namesBucket))
				for _, m := range []nameRow{markerRow(), cardsMarkerRow()} {
					if err := b.Put(m.bytes(), nil); err != nil {
						return err
					}
				}
				t, err := tx.CreateBucketIfNotExists([]byte(timelineBucket))
				if err != nil {
					return err
				}
				mustWalk(t, []byte(timelineBucket))
				for _, m := range []timeRow{adjMarkerRow(), undMarkerRow(), stMarkerRow()} {
					if err := t.Put(m.bytes(), nil); err != nil {
						return err
					}
				}
				_, err = tx.CreateBucketIfNotExists([]byte(timeCountsBucket))
				return err
			})
		}
		if err != nil && !errors.Is(err, cayleygraph.ErrDatabaseExists) {
			db.Close()
			return nil, nil, wrap(fmt.Errorf("initialise %s: %w", file, err))
		}
	}
	qs, err = kv.New(db, kvOptions)
	if readOnly && errors.Is(err, cayleygraph.ErrNotInitialized) {
		// A run stopped (killed) while creating the store, before its
		// first commit: nothing is stored, and the next writer
		// initialises it. Read it as the empty store it is.
		db.Close()
		return memstore.New(), nil, nil
	}
	if err != nil {
		db.Close()
		return nil, nil, wrap(fmt.Errorf("%s is damaged or not a geokg store: %w", file, err))
	}
	return qs, db, nil
}

// unindexedEmpty reports whether the bbolt store db has no name index
// and nothing in Cayley's log: initialised by Cayley, then stopped before
// its indexes were created and anything was written.
func unindexedEmpty(db *bolt.DB) bool {
	empty := false
	_ = db.View(func(tx *bolt.Tx) error {
		if checkedBucket(tx, []byte(namesBucket)) != nil {
			return nil
		}
		log := checkedBucket(tx, []byte("log"))
		if log == nil {
			empty = true
			return nil
		}
		k, _ := log.Cursor().First()
		empty = k == nil
		return nil
	})
	return empty
}

// Close closes the store; later calls return ErrClosed. It first cancels
// the running ReadQuads calls (their context's cause is ErrClosed) and
// waits up to closeWait for them and the other readers to end; a reader
// still running then makes Close return ErrBusy without closing the
// backend, rather than wait forever.
func (s *Store) Close() error {
	s.rawMu.Lock()
	s.closing = true
	for _, cancel := range s.rawReaders {
		cancel(ErrClosed)
	}
	s.rawMu.Unlock()
	for deadline := time.Now().Add(closeWait); !s.mu.TryLock(); {
		if time.Now().After(deadline) {
			return fmt.Errorf("close store %s: %w", Redact(s.dsn), ErrBusy)
		}
		time.Sleep(5 * time.Millisecond)
	}
	defer s.mu.Unlock()
	if s.closed {
		return ErrClosed
	}
	s.closed = true
	syncErr := s.syncLocked()
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", Redact(s.dsn), err)
	}
	if syncErr != nil {
		return fmt.Errorf("close store %s: %w", Redact(s.dsn), syncErr)
	}
	return nil
}

// QuadStore returns the underlying Cayley quad store for raw read-only
// queries (Gizmo, paths). It bypasses the Store's lock: do not use it
// concurrently with Write on the "memory" backend, and never write to it.
func (s *Store) QuadStore() cayleygraph.QuadStore { return s.qs }

// ReadQuads runs fn with the underlying Cayley quad store under the
// store's shared lock, for raw read-only queries (Gizmo) that may run long:
// the context fn gets is cancelled, with cause ErrClosed, when Close is
// called, and fn must stop reading when it is. fn must not write to qs
// nor use it after returning.
func (s *Store) ReadQuads(ctx context.Context, fn func(ctx context.Context, qs cayleygraph.QuadStore) error) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	key := new(int)
	s.rawMu.Lock()
	if s.closing {
		s.rawMu.Unlock()
		return ErrClosed
	}
	if s.rawReaders == nil {
		s.rawReaders = map[*int]context.CancelCauseFunc{}
	}
	s.rawReaders[key] = cancel
	s.rawMu.Unlock()
	defer func() {
		s.rawMu.Lock()
		delete(s.rawReaders, key)
		s.rawMu.Unlock()
	}()
	return s.read(ctx, func(reader) error { return fn(ctx, s.qs) })
}

// read runs fn with a reader under the shared lock, or under the write
// lock while a batch's transaction is open (group commit on bbolt: the
// reads then share that transaction, which one goroutine at a time may
// use). A panic of the backend (a damaged page, or a memory fault reading
// one) is returned as ErrDamaged.
func (s *Store) read(ctx context.Context, fn func(r reader) error) (err error) {
	if err := ctx.Err(); err != nil {
		return err
	}
	defer s.afterRead() // after the read lock is released
	s.mu.RLock()
	if s.inBatchLocked() || s.pg.batchOpen() {
		s.mu.RUnlock()
		s.mu.Lock()
		defer s.mu.Unlock()
	} else {
		defer s.mu.RUnlock()
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.damaged(r)
		}
	}()
	if s.closed {
		return ErrClosed
	}
	return s.undecodable(fn(reader{qs: s.qs, log: s.log, kv: s.kv, pg: s.pg.newScope(false)}))
}
