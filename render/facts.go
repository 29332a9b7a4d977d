package render

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
// print through it. Sources are written with SourceRef. The zero value
// numbers no rows and writes times with When under "WHEN" and sources
// under "SOURCE".
type FactTable struct {
	// Numbered adds a first column "#" numbering the rows (the numbers
	// :why takes).
	Numbered bool
	// When writes a fact's valid time; nil means When.
	When func(graph.Fact) string
	// MarkUncertain appends " ?" to the time of an uncertain answer.
	MarkUncertain bool
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
	when, header := t.When, t.SourceHeader
	if when == nil {
		when = When
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
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", a.Subject.Name, a.Fact.Predicate, a.Object.Name, a.Fact.Role, tm, SourceRef(a.Fact))
	}
	return tw.Flush()
}

// WriteFacts writes facts as the console's numbered table.
func WriteFacts(w io.Writer, as []queries.Answer) error {
	return FactTable{Numbered: true}.Write(w, as)
}

// WriteQueryFacts writes answers as the geokg query commands' table of
// facts (query facts, query timeline): no row numbers, periods (Period),
// "?" after the time of an uncertain answer, sources under "SOURCES".
func WriteQueryFacts(w io.Writer, as []queries.Answer) error {
	return FactTable{When: Period, MarkUncertain: true, SourceHeader: "SOURCES"}.Write(w, as)
}

// WriteHolders writes the terms of holders as a table: person, role,
// start ("?" when it rests on a bound known only to a month or year;
// "after D" when unknown but bounded below, graph.Fact.StartAfter), end
// ("*" when inferred from a successor, "(ended)" when known to be over
// without a date) and sources; "no holders found" when there are none.
func WriteHolders(w io.Writer, hs []queries.Holder) error {
	if len(hs) == 0 {
		_, err := fmt.Fprintln(w, "no holders found")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PERSON\tROLE\tFROM\tTO\tSOURCES")
	for _, h := range hs {
		f := h.Facts[0].Fact
		from, to := h.Start.String(), h.End.String()
		if from == "" && !f.StartAfter.IsZero() {
			from = "after " + f.StartAfter.String()
		}
		if h.Uncertain {
			from += " ?"
		}
		switch {
		case to != "" && f.EndInferredFrom != "":
			to += " *"
		case to == "" && h.Ended:
			to = "(ended)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", h.Person.Name, h.Role, from, to, SourceRef(f))
	}
	return tw.Flush()
}

// WriteAnswerLine writes one short answer line, as geokg quickstart
// prints them: an indented name, the fact's time (Period) and its sources.
func WriteAnswerLine(w io.Writer, name string, f graph.Fact) error {
	_, err := fmt.Fprintf(w, "  %-24s %-22s %s\n", name, Period(f), SourceRef(f))
	return err
}

// FactRecords converts answers to fact queries to the export schema, as
// the geokg query commands print them: each with its combined confidence
// (export.Record.CombinedConfidence) and, when the answer rests on a bound
// known only to a month or year, marked uncertain.
func FactRecords(as []queries.Answer) []export.Record {
	return records(as, true)
}

// WriteTimelineNote writes, when r is a part of its timeline only, a
// one-line note saying which facts of how many it shows and how to see
// the others; nothing when r is the whole timeline or empty.
func WriteTimelineNote(w io.Writer, r queries.TimelineResult) error {
	if len(r.Answers) == 0 || len(r.Answers) >= r.Total {
		return nil
	}
	which := ""
	if r.First+len(r.Answers) == r.Total {
		which = fmt.Sprintf(" (the latest %d)", len(r.Answers))
	}
	_, err := fmt.Fprintf(w, "note: the timeline has %d facts; shown: %d to %d%s; --offset N --limit M prints facts N+1 to N+M, --limit 0 all\n",
		r.Total, r.First+1, r.First+len(r.Answers), which)
	return err
}
