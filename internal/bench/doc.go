// Package bench measures geokg end to end on simulated worlds: it is the
// work behind `geokg bench`.
//
// For each corpus size it generates a simworld corpus (seeded, so runs are
// comparable), ingests it into a fresh store through the same ingest
// pipeline `geokg ingest` builds (the caller passes it, with its --batch
// and --workers settings), and reports wall time, articles/s, facts/s and
// quads/s (the quads are counted in the store afterwards), peak RSS, and
// store bytes on disk per fact; on bbolt also the bytes of the file's
// pages in use and, after the query timings, the size of the file
// store.Compact leaves. It then loads the same quads raw into a
// fresh store of the same backend, in chunks of RawChunk quads per
// transaction with no extraction, resolution or inference, and reports
// the ratio of geokg's quad rate to that raw rate. Then it times each
// query form (the Forms table) in-process and as a whole `geokg` process,
// and checks holders answers against the simulated truth.
//
// Peak RSS is the kernel's high-water mark of the process (VmHWM in
// /proc/self/status), reset before each size's ingest by writing 5 to
// /proc/self/clear_refs, so it covers that ingest only, plus the memory
// the bench itself holds at that moment (the generated corpus, mostly
// garbage by then; a GC runs before the reset). Where /proc is missing
// the figure is absent; where the reset is refused it is the peak since
// the process started, and Result.PeakSinceStart says so. The kernel keeps
// no high-water mark of RSS's two parts, so a goroutine samples RssAnon
// (Go's heap and runtime) and RssFile (the executable and a bbolt store's
// mapped file) every 20 ms during the ingest and reports the largest of
// each; the two may peak at different moments.
//
// Caveats: the figures are the machine's at the time of the run, and the
// ratio of two rates measured in one run is more stable than either rate.
// Store bytes are only known for backends whose store is a directory
// (bbolt). Whole-process timings need a store other processes can open
// (not "memory"), and a shared backend (PostgreSQL) must be given an
// empty database, used for one size and no raw load, since the bench
// cannot create databases.
package bench
