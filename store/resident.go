package store

import (
	"errors"
	"math"
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

// residentCeiling bounds the whole resident memory of a process that
// writes a bbolt store (its Go heap and the rest of its anonymous memory,
// its executable's pages and its file's): a write after which the
// resident memory, plus what the largest recent write added to the file's
// pages, would pass it releases the file's pages (see afterWriteLocked).
// Under it a writer keeps as much of its file resident as fits, where a
// fixed budget released it at 48 MB whatever room was left: each page
// released and read again is a fault, and on a grown store, whose writes
// read pages all over the file, the faults were half of an ingest's CPU.
// The target for an ingest is 300 MB at any size; the ceiling
// leaves room below it for the heap's growth between two checks.
const residentCeiling = 280 << 20

// DefaultResidentCeiling is the bound on a writing process's resident
// memory that Options.ResidentCeiling 0 stands for, in bytes.
const DefaultResidentCeiling = residentCeiling

// residentFloor is how many bytes of file pages a writer adds at least
// between two releases, whatever its resident memory: a process whose
// heap alone nears the ceiling then releases its file's pages every 16 MB
// it maps, not at every check (each release reads the file's page table
// entries, ~1 ms for a 264 MB file).
const residentFloor = 16 << 20

// keptBudget bounds the bytes of its file's most read blocks a writing
// process keeps resident across a release (see chunkHeat); they count in
// the ceiling like any other page.
const keptBudget = 32 << 20

// residentState is what a bbolt store keeps to bound the resident pages
// of its file mapping.
type residentState struct {
	// budget is residentBudget (tests lower it): the bytes of file pages
	// the process may add since the last release; base the process's
	// resident file pages right after the last release (its executable's
	// among them), or when the store was opened, 0 when unknown then.
	budget, base int64
	// ceiling, for a writing process, is residentCeiling (0: none), and
	// its budget unbounded; last is the resident file pages at the last
	// check, step how much they grew between two checks, and anon the
	// anonymous memory at the checks (the Go heap rises and falls between
	// collections), both maxima that decay by an eighth a check.
	ceiling, last, step, anon int64
	// keep is how many bytes of the file's most read blocks a release
	// keeps resident (keptBudget for a writer, 0 for a reader), heat what
	// chooses them.
	keep int64
	heat chunkHeat
	// off is set when releasing failed once (no /proc, another system),
	// which stops it.
	off bool
	// reads counts the reads since the store opened (see afterRead).
	reads atomic.Int64
	// releases counts the releases of the file's pages since the store
	// opened; inBatch those made while a batch's transaction was open,
	// and open is set by such a release until the batch's commit, which
	// Write then makes at the end of the write (see duringWriteLocked).
	releases, inBatch int
	open              bool
}

// forWriting sets r to bound a writing process's resident memory by
// ceiling (0: residentCeiling; negative: no bound, the pages left to the
// system) rather than its file's pages by the budget, and to keep the
// most read blocks across a release.
func (r *residentState) forWriting(ceiling int64) {
	switch {
	case ceiling == 0:
		ceiling = residentCeiling
	case ceiling < 0:
		r.budget, r.ceiling, r.keep = math.MaxInt64, 0, 0
		return
	}
	r.budget, r.ceiling, r.keep = math.MaxInt64, ceiling, keptBudget
}

// over reports whether the process's resident memory, file and anon
// bytes now, calls for a release: its file's pages have grown past the
// budget since the last release, or, once they have grown by the floor,
// the whole (its anonymous part the larger of now and the recent
// largest), plus the larger of the growth since the last check and the
// recent largest one, passes the ceiling.
func (r *residentState) over(file, anon int64) bool {
	if file-r.base > r.budget {
		return true
	}
	if r.ceiling == 0 || file-r.base < residentFloor {
		return false
	}
	step := max(r.step, file-r.last)
	return file+max(anon, r.anon)+step > r.ceiling
}

// observe records a check that found file and anon bytes resident.
func (r *residentState) observe(file, anon int64) {
	r.step = decayingMax(r.step, max(file-r.last, 0))
	r.anon = decayingMax(r.anon, anon)
	r.last = file
}

// decayingMax returns v when it is above the maximum m, else m less an
// eighth of the difference.
func decayingMax(m, v int64) int64 {
	if v >= m {
		return v
	}
	return m - (m-v)/8
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
// resident memory and, when it calls for it (residentState.over: past the
// budget of file pages for a reader, near the ceiling for a writer),
// releases the store file's pages from the process's resident memory,
// but for the blocks a writer reads the most (chunkHeat): a long ingest
// then holds what fits under the ceiling of the file, whatever the
// store's size and however much one write reads. The caller holds the
// write lock.
func (s *Store) afterWriteLocked() {
	if s.bolt == nil || s.resident.off {
		return
	}
	r := &s.resident
	file, anon, err := residentNow()
	if err == nil && r.base == 0 {
		r.base, r.last = file, file
	}
	if err == nil && !r.over(file, anon) {
		r.observe(file, anon)
		return
	}
	if err == nil {
		r.anon = decayingMax(r.anon, anon)
		if r.keep > 0 {
			err = releaseMappedKeeping(s.bolt, func(present []uint64) []uint64 {
				return r.heat.plan(present, int(r.keep/chunkSize))
			})
		} else {
			err = releaseMapped(s.bolt)
		}
		r.releases++
		if s.inBatchLocked() {
			r.inBatch++
			r.open = true
		}
	}
	if err == nil {
		r.base, err = fileResident()
		r.last = r.base
	}
	if err != nil {
		r.off = true
		if errors.Is(err, errNoResident) {
			return
		}
		s.log.Warn("cannot release the store file's pages from memory; the process's resident memory grows with the store", "err", err)
	}
}

// overResidentLocked reports whether the process's resident memory calls
// for a release (residentState.over), or whether one was made while the
// open batch ran (residentState.open). Write then commits an open batch
// before afterWriteLocked releases the pages: its commit reads the pages
// of the nodes it rewrites (bbolt frees each node's old page by its
// header), and after a release each such read maps its page again with
// the cached pages around it (64 KB), so that a batch committed long
// after a release mapped most of a grown store's file back in at once.
func (s *Store) overResidentLocked() bool {
	if s.bolt == nil || s.resident.off {
		return false
	}
	if s.resident.open {
		return true
	}
	file, anon, err := residentNow()
	return err == nil && s.resident.base != 0 && s.resident.over(file, anon)
}

// duringWriteLocked is boltKV.touched: it bounds the file's pages a
// write's reads map while it runs (afterWriteLocked), in a batch too.
// The check at a write's end (see Write) commits the batch before it
// releases, but one write alone may read more than the room under the
// ceiling (a dense article in a grown store read ~70 MB of the file
// between two checks, taking a bulk load 45 MB past its ceiling): a
// release during a batch's write then comes at once, and that write's
// end commits the batch (residentState.open), so that the commit's reads
// of its nodes' pages map them again while little else is resident.
func (s *Store) duringWriteLocked() {
	s.afterWriteLocked()
}
