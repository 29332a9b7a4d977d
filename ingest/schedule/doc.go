// Package schedule runs geokg's ingest unattended: a list of Sources (RSS
// and Atom feeds, JSONL files, folders, single HTML pages), each pulled on
// its own schedule (a fixed interval or a cron spec), with what was already
// taken remembered in a State so that a rerun adds nothing twice.
//
// What is remembered per source: the feed's or page's HTTP validators
// (ETag / Last-Modified), the ids of the items already stored, and for
// JSONL files the byte offset reached with the file's identity (device,
// inode, size, modification time), so that only appended complete lines
// are read; folders remember each file's size and modification time.
//
// Crash safety: an article is written to the store (committed, fsynced)
// before the state marking it taken, and the state file is replaced
// atomically (temporary file, fsync, rename, fsync of the directory). A
// crash between the two re-reads the article on the next run, and the
// store's idempotence (same id and content, or same content, adds nothing)
// makes that harmless: nothing reported as stored is lost, nothing is
// stored twice.
//
// Failures: each source fails on its own, with its error logged and kept in
// its state; a failed source is retried after an exponential backoff while
// the others go on. An item that cannot be read (a linked page that fails
// or is not HTML, a bad JSONL line) is counted and logged; a feed with such
// items is fetched again in full next time (its validators are kept only
// when every item was taken), so that the failed items are retried.
//
// Caveats: sources run one after another, not in parallel; a feed item is
// known by its id, so an item edited under the same id is not read again;
// a folder file that changes is read again whole (the store skips the
// articles it already holds), except JSONL files, read from their offset.
package schedule
