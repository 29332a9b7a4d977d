// Package render owns every text and JSON rendering of geokg's answers:
// the tables of facts, holders, timelines, paths, neighbours and entity
// searches, the answers to English questions with their evidence, Gizmo
// results, the JSON forms of all of these (facts in the export schema,
// export.Record), and the status of scheduled sources. The CLI
// (cmd/geokg) and the interactive prompt (console) print through it, so a
// fact reads the same wherever it is shown.
//
// A fact's sources are referred to in one format everywhere (SourceRef):
// the first source's article id, its publication date in parentheses, and
// "+N" for the N further sources, as in "a1 (2024-10-01) +1".
//
// Caveats: tables are aligned with text/tabwriter for a fixed-width
// terminal; the package writes to the io.Writer it is given and reads no
// clock (the sources table takes "now" as an argument).
package render
