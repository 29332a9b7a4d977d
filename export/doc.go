// Package export writes the graph's facts in formats analysts open
// directly: JSONL, CSV, Parquet, N-Quads, GraphML, GEXF and an ICEWS-like
// event table. Every format is built from the same Record, so a fact reads
// the same in JSONL, in `geokg query facts --json` and in the other
// writers; the tabular formats take their columns from Record by
// reflection, so a field added there appears in all of them.
//
// Formats live in a small registry (Register, Lookup; a duplicate name
// panics). Each writes a Selection: the facts of a store that pass a
// Filter (snapshot, range, predicate, neighbourhood, confidence), applied
// the same way for every format. Facts stream from the store one at a
// time (store.Store.Facts pages through the fact ids with bounded
// memory); a Selection keeps only the entities it has named, at most
// entityCacheSize of them. A time filter (At, From/To) marks the facts it
// keeps only through a date known to a month or year Uncertain, as the
// query commands do; combined_confidence beside confidence is the fact's
// confidence given all its sources (graph.CombinedConfidence).
//
// Files: Plan lays out what an export to a file or a directory writes
// (the main table as Format.FileName, the entity table as entities.EXT
// beside it), and WriteFile writes each whole or not at all (a temporary
// file beside it, renamed over it once complete).
//
// Caveats: Parquet buffers one row group (parquetRowGroup rows); GraphML
// and GEXF list their nodes first, so a filtered graph reads the selection
// twice; N-Quads of the whole graph are the store's raw quads, of a
// selection the quads reachable from its facts.
package export
