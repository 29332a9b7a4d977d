package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is ingest.memory_limit's default: with the store's
// bounded caches an ingest's live heap stays near 100 MB at any corpus
// size, and the limit keeps the garbage collector's headroom from
// doubling it. The store releases its file's pages when the process's
// resident memory (this heap, the executable and the file's pages) nears
// its 280 MiB ceiling (store/resident.go), so the limit leaves the file
// ~100 MiB; 144 MiB cost ×1.5 the CPU of a dense ingest (the collector
// running all the time), 176 MiB about 5 % more than 192 MiB.
const defaultMemoryLimit = 176 << 20

// applyMemoryLimit sets the Go runtime's soft memory limit to limit bytes
// for a bulk ingest and returns the function that puts the previous limit
// back. It does nothing when limit is 0 or less, or when GOMEMLIMIT is
// set (the user's choice). The limit is soft: a live heap above it makes
// the collector run often (at most about half the CPU), never fail.
func applyMemoryLimit(limit int64) (restore func()) {
	if limit <= 0 || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
