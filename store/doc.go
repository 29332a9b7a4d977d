// Package store keeps geokg's graph (package graph's entities, facts,
// sources and articles) in Cayley; it is the only package that imports
// Cayley.
//
// A fact is stored twice over: as the direct triple (subject, predicate,
// object) so that plain Cayley traversals work, and as a fact node that
// carries the qualifiers (role, location, valid time with precision,
// confidence, when it was recorded) and links to one source node per
// article that stated it. Each source node keeps its article's claim (the
// bounds, confidence and location it stated) — packed, with the rest of
// what source and article nodes hold but nobody looks up, into one
// literal per node (packed.go); the fact node's qualifiers
// are derived from the set of claims (graph.Derive), and the ends of open
// terms are inferred from their successors (graph.InferEnds) in the same
// transaction. The fact node also keeps its evidence — one record of its
// qualifiers, source count and the few sources answers need, whole
// (evidence.go) — so that a fact stated by thousands of articles is read
// at the cost of one stated once, without reading source or article
// nodes (FactFilter.Evidence); and the record keeps the aggregate of the
// claims (graph.Aggregate, aggregate.go), so that it is restated at that
// cost too, without its sources being read or cached.
//
// The store owns the quad encoding and its decoding, id paging, reads,
// writes with merging and tenure inference (and the cache that keeps what
// writes read), and N-Quads dumps and loads of the raw graph. A write
// reads what its article's facts name: an event's earlier reports between
// the same two entities by one index lookup of the pair (scanDirect), a
// group of terms by the triples of its predicate at its anchor, never
// every fact of a hub entity that thousands of facts name. IRIs of the
// encoding are built and taken apart only here (ParseIRI, MakeIRI).
//
// Every value is checked on its way in (Write refuses a date that is not
// graph.Date.Valid; LoadQuads checks each quad with CheckQuad and loads
// all or nothing) and tolerated on its way out: a stored date that does
// not decode is logged and read as unknown rather than failing the read.
// Check lists (and repairs) such values, CheckPages a bbolt file's damaged
// pages, read before bbolt walks them (boltpages.go: bbolt trusts its
// pages and can loop for ever on damaged ones; every inline bucket a read
// opens is checked too); DeleteArticle removes an article and what only it stated;
// Compact rewrites a bbolt file without its free space.
//
// The backends are a table (backend.go): one row per backend with the dsns
// it matches, how it opens, whether it has a directory on disk and who may
// share it. Callers that need to know ask BackendFor(dsn), never the dsn
// itself. The bbolt backend is the default; the in-memory backend is meant
// for tests and is not safe for concurrent use, so the Store serialises
// access to it. On PostgreSQL Cayley's SQL store is wrapped (postgres.go, pgread.go,
// pgwrite.go, pgcache.go): the processes writing one database take turns
// under an advisory lock, a change counter bumped by every write tells each
// whether its write cache and its read cache (the per-node reads an ingest
// repeats) are still valid, and a write's quads go in a few batched
// statements. Under group commit a batch of writes is one transaction
// (pgbatch.go), which holds the advisory lock until Sync or its bound and
// which every read of the process goes through meanwhile.
//
// Memory stays flat as a store grows: the write cache's parts are each
// bounded (inferBounds), and on Linux a bbolt store releases its file's
// pages from the process's resident memory (madvise MADV_DONTNEED on
// bbolt's read-only shared mapping; the pages stay in the kernel's cache
// and fault back in when read, readers running meanwhile included): a
// reading process when its file pages have grown by residentBudget since
// the last time, a writing one when its whole resident memory would pass
// residentCeiling, keeping the blocks of the file it reads at every
// release (chunkHeat). Elsewhere the pages are left to the operating
// system.
package store
