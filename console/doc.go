// Package console is geokg's interactive prompt: English questions,
// structured query commands (:facts, :path, :timeline, :neighbors,
// :entities), Gizmo lines (starting with "g."), the date later questions
// use (:at), the evidence of an answer (:why N) and raw JSON output
// (:json). Console holds the state and runs one line at a time; Run wraps
// it in a line editor (github.com/peterh/liner) with persistent history
// and completion of commands and entity names.
//
// Caveats: Ctrl-C while a line runs cancels that line's context only;
// Ctrl-C at the prompt clears the line; Ctrl-D leaves. Without a
// terminal, Run reads plain lines from standard input. The rendering
// helpers (WriteAsk, NewAskJSON, FactTable, FactRecords, …) are shared
// with the geokg CLI.
package console
