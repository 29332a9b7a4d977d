// Package console is geokg's interactive prompt: English questions,
// structured query commands (:facts, :path, :timeline, :neighbors,
// :entities), Gizmo lines (starting with "g."), the date later questions
// use (:at), the evidence of an answer (:why N) and raw JSON output
// (:json). Console holds the state and runs one line at a time against a
// Backend: Local answers from a query engine in this process, and the
// server package's Remote through a running geokg server, printing the
// same (the CLI picks one per line). Run wraps
// it in a line editor (github.com/peterh/liner) with persistent history
// and completion of commands and entity names.
//
// Caveats: Ctrl-C while a line runs cancels that line's context only;
// Ctrl-C at the prompt clears the line; Ctrl-D leaves. Without a
// terminal, Run reads plain lines from standard input. Every answer is
// printed through package render, as the geokg CLI prints it.
package console
