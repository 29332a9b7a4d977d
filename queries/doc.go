// Package queries answers typed questions over the graph in time: facts as
// of a date or between dates, with names resolved through aliases. It
// returns structs and never prints; the CLI and console render them.
//
// Time is always passed in: a query takes the dates it is about and never
// reads the clock.
package queries
