package store

// chunkSize is the unit the kernel maps a file's pages in on a read fault
// (fault_around_bytes, 64 KiB by default: the aligned block around the
// faulting page, of those pages the page cache holds), and so the unit in
// which the store tracks which parts of its file a process has read.
const chunkSize = 64 << 10

// chunkHeat remembers, per chunkSize block of a bbolt store's file, how
// the writing process has read it over the last releases of the file's
// pages (see Store.afterWriteLocked), to keep the blocks every write reads
// (the upper levels of Cayley's index trees, the pages the last commits
// wrote) resident across a release instead of faulting them in again.
//
// A block's presence in the process's page tables is all the system tells
// (the present bit of /proc/self/pagemap, no accessed bit): a block found
// resident at a release was read since the one before, unless that
// release kept it. So a block found resident at keepAfter releases in a
// row, none of which kept it, is kept for the next keepFor releases, and
// then released once, to learn again whether it is still read.
type chunkHeat struct {
	// seen counts, per block, the releases in a row that found it
	// resident without having kept it; lease the releases it stays kept
	// for, 0 when it is not kept.
	seen, lease []uint8
}

// How a block earns a place across releases and how long it keeps it.
// Measured on the dense world's writes into a grown store (~900 blocks
// resident at each release, one release an article), ~30 % of the blocks
// resident at a release had been at the two before as well.
const (
	keepAfter = 2
	keepFor   = 4
)

// plan takes the blocks resident now (one bit per block) and returns
// those to keep resident through this release, at most maxKeep of them:
// blocks already kept whose lease runs on first, then those seen the most
// releases in a row. It updates the heat for the release.
func (h *chunkHeat) plan(present []uint64, maxKeep int) []uint64 {
	n := len(present) * 64
	if len(h.seen) < n {
		h.seen = append(h.seen, make([]uint8, n-len(h.seen))...)
		h.lease = append(h.lease, make([]uint8, n-len(h.lease))...)
	}
	keep := make([]uint64, len(present))
	var byCount [256][]int
	kept := 0
	for i := range h.seen {
		in := i < n && present[i/64]&(1<<(i%64)) != 0
		switch {
		case h.lease[i] > 1 && in:
			h.lease[i]--
			keep[i/64] |= 1 << (i % 64)
			kept++
			continue
		case h.lease[i] > 0:
			// Its lease is over (or the block left the page tables
			// anyway): released, and seen once, so that one read before
			// the next release earns it a lease again.
			h.lease[i], h.seen[i] = 0, keepAfter-1
			continue
		case !in:
			h.seen[i] = 0
			continue
		}
		if h.seen[i] < 255 {
			h.seen[i]++
		}
		if h.seen[i] >= keepAfter {
			byCount[h.seen[i]] = append(byCount[h.seen[i]], i)
		}
	}
	for c := 255; c >= keepAfter && kept < maxKeep; c-- {
		for _, i := range byCount[c] {
			if kept >= maxKeep {
				break
			}
			h.lease[i] = keepFor
			keep[i/64] |= 1 << (i % 64)
			kept++
		}
	}
	return keep
}
