// Package queries answers typed questions over the graph in time: facts as
// of a date or between dates, holders of a role, an entity's timeline, with
// names resolved through aliases. The time rules are graph.Window's: valid
// time is precision-aware (a bound known to a month makes an answer inside
// that month uncertain) and every time query can be asked "as known" on a
// date: only the sources recorded by then count, and the inferred ends of
// their groups are inferred again over what was known (known.go). It returns structs and never prints; the CLI
// and console render them. Ask reads English questions and answers them
// with these queries: who held what through Holders, what happened with X
// through Timeline. The question forms it reads are a table (ask_forms.go):
// each form's patterns, answer kind, help line and examples, and the
// method that answers it; the verbs of interaction questions come from the
// predicate table of graph.
//
// Time is always passed in: a query takes the dates it is about and never
// reads the clock.
package queries
