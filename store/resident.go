package store

import (
	"errors"
	"sync/atomic"
)

// readCheckEvery is how many reads of a bbolt store pass between two
// checks of the process's resident file pages (see afterRead): a check
// reads /proc/self/statm, a few microseconds, where a read of one fact is
// a few hundred, and the reads between two checks touch a few megabytes
// at most.
const readCheckEvery = 64

// errNoResident says that the system does not tell a process's resident
// file pages (it is not Linux); the store then leaves them to it.
var errNoResident = errors.New("resident file pages unknown on this system")

// residentBudget is how many bytes of file pages a bbolt store lets a
// writing process add to its resident memory before it releases its
// file's pages (see releaseMapped). Cayley's indexes are keyed by hashes,
// so each write touches pages all over the file (~0.5 MB an article):
// without a release a long ingest holds every page it ever read, up to the
// whole file. Releasing after every write would bound them tighter but
// cost each write the faults of the pages it reads again (×1.6 the CPU of
// an ingest, measured); a release per budget costs only the few pages
// every write reads (the trees' upper levels) once per budget.
const residentBudget = 48 << 20

// residentState is what a bbolt store keeps to bound the resident pages
// of its file mapping.
type residentState struct {
	// budget is residentBudget (tests lower it); base the process's
	// resident file pages right after the last release (its executable's
	// among them), or when the store was opened, 0 when unknown then.
	budget, base int64
	// off is set when releasing failed once (no /proc, another system),
	// which stops it.
	off bool
	// reads counts the reads since the store opened (see afterRead).
	reads atomic.Int64
	// releases counts the releases of the file's pages since the store
	// opened.
	releases int
}

// afterRead bounds the resident file pages of a process that reads a
// bbolt store, as afterWriteLocked does for one that writes it: every
// readCheckEvery-th read it takes the write lock, so that no write remaps
// the file, and releases the file's pages when they have grown past the
// budget since the last release. It only tries the lock: when a write or
// another read holds it, the check waits for a later read, so a read
// never waits for it. A query, the console or the server reading a large part of a
// large store (a hub's timeline, a path, the entities' names) then holds
// at most the budget of its file, not every page it ever read.
func (s *Store) afterRead() {
	if s.bolt == nil || s.resident.reads.Add(1)%readCheckEvery != 0 {
		return
	}
	if !s.mu.TryLock() {
		s.resident.reads.Add(-1) // check on the next read instead
		return
	}
	defer s.mu.Unlock()
	if !s.closed {
		s.afterWriteLocked()
	}
}

// afterWriteLocked checks, after a committed write of a bbolt store and
// every touchEvery reads made during one (boltKV.touched), the process's
// resident file pages and, when they have grown by more than the budget
// since the last release, releases the store file's pages from the
// process's resident memory: a long ingest then holds at most the budget
// of the file (and the pages a few hundred reads map), whatever the
// store's size and however much one write reads. The caller holds the
// write lock.
func (s *Store) afterWriteLocked() {
	if s.bolt == nil || s.resident.off {
		return
	}
	n, err := fileResident()
	if err == nil && s.resident.base == 0 {
		s.resident.base = n
	}
	if err == nil && n-s.resident.base <= s.resident.budget {
		return
	}
	if err == nil {
		err = releaseMapped(s.bolt)
		s.resident.releases++
	}
	if err == nil {
		s.resident.base, err = fileResident()
	}
	if err != nil {
		s.resident.off = true
		if errors.Is(err, errNoResident) {
			return
		}
		s.log.Warn("cannot release the store file's pages from memory; the process's resident memory grows with the store", "err", err)
	}
}

// overResidentLocked reports whether the process's resident file pages
// have grown past the budget since the last release. Write then commits
// an open batch before afterWriteLocked releases them: its commit reads
// the pages of the nodes it rewrites (bbolt frees each node's old page by
// its header), and after a release each such read maps its page again
// with the cached pages around it (64 KB), so that a batch committed
// after a release mapped most of a grown store's file back in at once.
func (s *Store) overResidentLocked() bool {
	if s.bolt == nil || s.resident.off {
		return false
	}
	n, err := fileResident()
	return err == nil && s.resident.base != 0 && n-s.resident.base > s.resident.budget
}

// duringWriteLocked is boltKV.touched: it bounds the file's pages a
// write's reads map while it runs (afterWriteLocked), outside a batch
// only. In a batch it leaves them to the write's end, where Write commits
// the batch first (see overResidentLocked).
func (s *Store) duringWriteLocked() {
	if !s.inBatchLocked() {
		s.afterWriteLocked()
	}
}
