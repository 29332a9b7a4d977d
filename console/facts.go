package console

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// FactTable lays out answers to fact queries as a table, one row a fact:
// the console's :facts and the geokg query commands (facts, timeline)
// print through it. The zero value numbers no rows and writes times with
// When and sources with SourceRef under "SOURCE".
type FactTable struct {
	// Numbered adds a first column "#" numbering the rows (the numbers
	// :why takes).
	Numbered bool
	// When writes a fact's valid time; nil means When.
	When func(graph.Fact) string
	// MarkUncertain appends " ?" to the time of an uncertain answer.
	MarkUncertain bool
	// Source writes a fact's sources; nil means SourceRef.
	Source func(graph.Fact) string
	// SourceHeader heads the source column; "" means "SOURCE".
	SourceHeader string
}

// Write writes the answers as an aligned table, or "no facts match" when
// there are none.
func (t FactTable) Write(w io.Writer, as []queries.Answer) error {
	if len(as) == 0 {
		_, err := fmt.Fprintln(w, "no facts match")
		return err
	}
	when, source, header := t.When, t.Source, t.SourceHeader
	if when == nil {
		when = When
	}
	if source == nil {
		source = SourceRef
	}
	if header == "" {
		header = "SOURCE"
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if t.Numbered {
		fmt.Fprint(tw, "#\t")
	}
	fmt.Fprintf(tw, "SUBJECT\tPREDICATE\tOBJECT\tROLE\tWHEN\t%s\n", header)
	for i, a := range as {
		if t.Numbered {
			fmt.Fprintf(tw, "%d\t", i+1)
		}
		tm := when(a.Fact)
		if t.MarkUncertain && a.Uncertain {
			tm += " ?"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Subject.Name, a.Fact.Predicate, a.Object.Name, a.Fact.Role, tm, source(a.Fact))
	}
	return tw.Flush()
}

// WriteFacts writes facts as the console's numbered table.
func WriteFacts(w io.Writer, as []queries.Answer) error {
	return FactTable{Numbered: true}.Write(w, as)
}

// FactRecords converts answers to fact queries to the export schema, as
// the geokg query commands print them: each with its combined confidence
// (export.Record.CombinedConfidence) and, when the answer rests on a bound
// known only to a month or year, marked uncertain.
func FactRecords(as []queries.Answer) []export.Record {
	return records(as, true)
}
