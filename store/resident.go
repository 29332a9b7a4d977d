package store

// releaseEvery is how many committed writes a bbolt store lets pass
// between two releases of its file's pages from the process's resident
// memory (see releaseMapped). A write faults in the pages of the B+trees
// it reads, a few hundred KB; between releases they add up to what
// releaseEvery writes touched, and the release costs the next writes the
// faults of the pages they need again (minor faults from the page cache).
const releaseEvery = 64

// residentState is what a bbolt store keeps to bound the resident pages
// of its file mapping: the writes since the last release, and whether
// releasing failed once (no /proc, another kernel), which stops it.
type residentState struct {
	writes int
	off    bool
}

// afterWriteLocked counts a committed write of a bbolt store and, every
// releaseEvery writes, releases the file's pages from the process's
// resident memory, so that a long ingest holds at most what the last
// releaseEvery writes read of the file, whatever the store's size, rather
// than every page it ever read (bbolt's pages would otherwise count in
// the resident set up to the whole file). The caller holds the write
// lock.
func (s *Store) afterWriteLocked() {
	if s.bolt == nil || s.resident.off {
		return
	}
	if s.resident.writes++; s.resident.writes < releaseEvery {
		return
	}
	s.resident.writes = 0
	if err := releaseMapped(s.bolt); err != nil {
		s.resident.off = true
		s.log.Warn("cannot release the store file's pages from memory; the process's resident memory grows with the store", "err", err)
	}
}
