package server

import (
	"context"
	"path/filepath"
	"sync"

	"github.com/cayleygraph/cayley/graph"

	geograph "github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// Store is what the server reads: the queries' store (names, entities,
// facts), the entity scan of exports and name search, the counts of
// /stats, a page of a fact's sources (/evidence) and the quad store of raw Gizmo queries. *store.Store is one.
type Store interface {
	Resolve(ctx context.Context, name string) ([]geograph.Entity, error)
	Entity(ctx context.Context, id string) (geograph.Entity, error)
	Entities(ctx context.Context, fn func(geograph.Entity) error) error
	Facts(ctx context.Context, f store.FactFilter, fn func(geograph.Fact) error) error
	Stats(ctx context.Context) (store.Stats, error)
	FactSources(ctx context.Context, id string, offset, limit int) (total int, page []geograph.Source, err error)
	QuadStore() graph.QuadStore
}

// Opener gives each request a store to read and takes it back when the
// request is done.
type Opener interface {
	// Open returns a store for one request and the function that releases
	// it; release is called exactly once, after the response is written.
	Open(ctx context.Context) (s Store, release func(), err error)
	// Close releases what the opener holds; later Opens fail.
	Close() error
}

// ClosingStore is a Store that is closed when done with.
type ClosingStore interface {
	Store
	Close() error
}

// PerRequest returns an Opener that opens the store with open for every
// request and closes it after. It suits a bbolt store: a read-only open is
// cheap (no bloom filters, see store.Open), and holding it open only while a
// request runs leaves the file unlocked between requests, so `geokg ingest`
// can write while the server runs (a request made during a write waits for
// the lock, then fails with store.ErrLocked: 503). While the server's own
// process writes the store (Lend), requests read that store instead.
func PerRequest(open func(ctx context.Context) (ClosingStore, error)) Opener {
	return &perRequest{open: open}
}

type perRequest struct {
	open func(ctx context.Context) (ClosingStore, error)
	// file is the store's bbolt file, whose stamp says when it changed;
	// "" when not known (PerRequest).
	file string
	mu   sync.Mutex
	lent Store
	// users counts the requests reading lent.
	users sync.WaitGroup
}

func (o *perRequest) Open(ctx context.Context) (Store, func(), error) {
	o.mu.Lock()
	if st := o.lent; st != nil {
		o.users.Add(1)
		o.mu.Unlock()
		return st, sync.OnceFunc(o.users.Done), nil
	}
	o.mu.Unlock()
	s, err := o.open(ctx)
	if err != nil {
		return nil, nil, err
	}
	return s, func() { _ = s.Close() }, nil
}

func (o *perRequest) Close() error { return nil }

// Stamp returns the stamp of the store's file (fileStamp), "" when the
// opener does not know the file.
func (o *perRequest) Stamp() string {
	if o.file == "" {
		return ""
	}
	return fileStamp(o.file)
}

// lend makes requests read st until end is called; end waits for them.
func (o *perRequest) lend(st Store) (end func()) {
	o.mu.Lock()
	o.lent = st
	o.mu.Unlock()
	return sync.OnceFunc(func() {
		o.mu.Lock()
		if o.lent == st {
			o.lent = nil
		}
		o.mu.Unlock()
		o.users.Wait()
	})
}

// lender is an Opener that can hand requests a store the process opened
// for writing.
type lender interface {
	lend(st Store) (end func())
}

// Lend hands the requests st, a store this process has opened for writing
// (an ingest round holding a bbolt store's lock, which the server's own
// read-only opens would wait for), until end is called; end waits for the
// requests reading st to finish, so st may be closed after it. With an
// opener that holds its store anyway, Lend does nothing.
func (s *Server) Lend(st Store) (end func()) {
	if l, ok := s.opener.(lender); ok {
		return l.lend(st)
	}
	return func() {}
}

// Held returns an Opener that hands every request the store s, opened once,
// and closes it on Close. It suits a memory store (which lives in the
// process) and PostgreSQL (which serialises other writers itself).
func Held(s ClosingStore) Opener { return &held{s: s} }

type held struct {
	once sync.Once
	s    ClosingStore
}

func (h *held) Open(context.Context) (Store, func(), error) { return h.s, func() {}, nil }

func (h *held) Close() error {
	err := store.ErrClosed
	h.once.Do(func() { err = h.s.Close() })
	return err
}

// OpenerFor returns the Opener fitting the backend of dsn: PerRequest for
// a store other processes may write one at a time (bbolt), which also
// stamps the store's file so that what the server keeps between requests
// (the name index of /entities) is read again after a write; Held
// (opened now, read-only) for the others. open opens the store read-only.
func OpenerFor(ctx context.Context, dsn string, open func(ctx context.Context) (ClosingStore, error)) (Opener, error) {
	b, err := store.BackendFor(dsn)
	if err != nil {
		return nil, err
	}
	if b.Sharing == store.SingleWriter {
		// Open once now so a missing or damaged store fails at start.
		s, err := open(ctx)
		if err != nil {
			return nil, err
		}
		if err := s.Close(); err != nil {
			return nil, err
		}
		return &perRequest{open: open, file: filepath.Join(dsn, store.BoltFile)}, nil
	}
	s, err := open(ctx)
	if err != nil {
		return nil, err
	}
	return Held(s), nil
}
