package store

import "errors"

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
	// among them), 0 before the first write.
	budget, base int64
	// off is set when releasing failed once (no /proc, another system),
	// which stops it.
	off bool
}

// afterWriteLocked checks, after a committed write of a bbolt store, the
// process's resident file pages and, when they have grown by more than
// the budget since the last release, releases the store file's pages
// from the process's resident memory: a long ingest then holds at most
// the budget of the file, whatever the store's size. The caller holds the
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
