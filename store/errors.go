package store

import "errors"

// Errors returned by this package; callers test them with errors.Is.
var (
	// ErrLocked is returned when another process holds the store open.
	ErrLocked = errors.New("store is locked by another geokg process")
	// ErrUnknownBackend is returned for a --db value no backend handles.
	ErrUnknownBackend = errors.New("unknown store backend")
	// ErrNotFound is returned when an entity or fact does not exist.
	ErrNotFound = errors.New("not found")
	// ErrClosed is returned by a Store that has been closed.
	ErrClosed = errors.New("store is closed")
	// ErrReadOnly is returned by Write on a store opened read-only.
	ErrReadOnly = errors.New("store is read-only")
	// ErrBadValue is returned for a quad whose value is not in the type
	// its predicate is written in (a date out of range, "very high" as a
	// confidence); see CheckQuad.
	ErrBadValue = errors.New("bad value")
	// ErrDamaged is returned for a store file whose pages are damaged:
	// bbolt panics on those, and the store turns the panic into this error.
	// `geokg check` reports and repairs what it can.
	ErrDamaged = errors.New("damaged store")
	// ErrBusy is returned by Close when a reader did not stop in time; the
	// backend is then left for the process exit to release.
	ErrBusy = errors.New("a reader did not stop; store left open")
	// ErrNoNameIndex is returned by Reindex on a backend that keeps no
	// name index (CockroachDB).
	ErrNoNameIndex = errors.New("this backend keeps no name index")
	// ErrBatchLost is returned by Write or Sync under group commit when
	// the batch's transaction was rolled back: the writes since the last
	// Sync are not stored (see SetGroupCommit).
	ErrBatchLost = errors.New("the batch since the last sync was rolled back")
)
