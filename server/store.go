package server

import (
	"context"
	"sync"

	"github.com/cayleygraph/cayley/graph"

	geograph "github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// Store is what the server reads: the queries' store (names, entities,
// facts), the entity scan of exports and name search, the counts of
// /stats and the quad store of raw Gizmo queries. *store.Store is one.
type Store interface {
	Resolve(ctx context.Context, name string) ([]geograph.Entity, error)
	Entity(ctx context.Context, id string) (geograph.Entity, error)
	Entities(ctx context.Context, fn func(geograph.Entity) error) error
	Facts(ctx context.Context, f store.FactFilter, fn func(geograph.Fact) error) error
	Stats(ctx context.Context) (store.Stats, error)
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
// the lock, then fails with store.ErrLocked: 503).
func PerRequest(open func(ctx context.Context) (ClosingStore, error)) Opener {
	return perRequest(open)
}

type perRequest func(ctx context.Context) (ClosingStore, error)

func (o perRequest) Open(ctx context.Context) (Store, func(), error) {
	s, err := o(ctx)
	if err != nil {
		return nil, nil, err
	}
	return s, func() { _ = s.Close() }, nil
}

func (o perRequest) Close() error { return nil }

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
// a store other processes may write one at a time (bbolt), Held (opened
// now, read-only) for the others. open opens the store read-only.
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
		return PerRequest(open), nil
	}
	s, err := open(ctx)
	if err != nil {
		return nil, err
	}
	return Held(s), nil
}
