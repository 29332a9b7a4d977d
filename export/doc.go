// Package export writes the graph's facts in formats analysts open
// directly. Every format is built from the same Record, so a fact reads the
// same in JSONL, in `geokg query facts --json` and in the other writers.
package export
