package render

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/geokg/geokg/queries"
)

// WriteAsk writes an answered question as an aligned, numbered table
// after the line saying how it was read.
func WriteAsk(w io.Writer, r queries.AskResult) error {
	fmt.Fprintf(w, "interpreted as: %s\n", r.Interpretation)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	if len(r.Answers) == 0 {
		_, err := fmt.Fprintln(w, "no answer in the graph")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if r.Parsed.Form == queries.FormPath {
		for i, a := range r.Answers {
			fmt.Fprintf(tw, "%d\t%s\n", i+1, a.Name)
			for _, f := range a.Facts {
				fmt.Fprintf(tw, "\t  %s %s %s\t%s\t%s\n", f.Subject.Name, f.Fact.Predicate, f.Object.Name, When(f.Fact), SourceRef(f.Fact))
			}
		}
		return tw.Flush()
	}
	fmt.Fprintln(tw, "#\tANSWER\tFROM\tUNTIL\tDATE\tFACTS\tCONF\tSOURCE")
	for i, a := range r.Answers {
		until := a.End.String()
		if until == "" && a.Ended {
			until = "(ended)"
		}
		for _, f := range a.Facts {
			if f.Fact.EndBy && f.Fact.End == a.End && until != "" {
				until = "by " + until // over by then, ended at some time before
				break
			}
		}
		src := ""
		if len(a.Facts) > 0 {
			src = SourceRef(a.Facts[0].Fact)
		}
		from := a.Start.String()
		if from == "" && len(a.Facts) > 0 && !a.Facts[0].Fact.StartAfter.IsZero() {
			from = "after " + a.Facts[0].Fact.StartAfter.String() // began then or later
		}
		for _, f := range a.Facts {
			if f.Uncertain {
				from += " ?" // in force at the question's date only possibly
				break
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%.2f\t%s\n", i+1, a.Name, from, until, a.Date, len(a.Facts), a.Confidence, src)
	}
	return tw.Flush()
}

// WriteEvidence writes the facts behind an answer with every source's
// sentence, each followed by the other sentences of its article that gave
// it its dates ("dated by"). A fact read with its evidence only (see
// graph.Fact.NumSources) lists its evidence sources and says how many
// more state it and where to read them.
func WriteEvidence(w io.Writer, a queries.AskAnswer) error {
	for _, f := range a.Facts {
		fmt.Fprintf(w, "%s %s %s", f.Subject.Name, f.Fact.Predicate, f.Object.Name)
		if f.Fact.Role != "" {
			fmt.Fprintf(w, " (%s)", f.Fact.Role)
		}
		if t := When(f.Fact); t != "" {
			fmt.Fprintf(w, " [%s]", t)
		}
		fmt.Fprintf(w, " confidence %.2f\n", f.Fact.Confidence)
		for _, s := range f.Fact.Sources {
			ref := s.Article
			if !s.Published.IsZero() {
				ref += ", " + s.Published.String()
			}
			if s.Title != "" {
				ref += ", " + s.Title
			}
			if _, err := fmt.Fprintf(w, "  - %q (%s)\n", s.Sentence, ref); err != nil {
				return err
			}
			for _, ts := range s.TimeSentences {
				if _, err := fmt.Fprintf(w, "    dated by %q\n", ts); err != nil {
					return err
				}
			}
		}
		if more := f.Fact.NumSources() - len(f.Fact.Sources); more > 0 {
			if _, err := fmt.Fprintf(w, "  … %d more %s (query --all-sources, or /api/v1/evidence?fact=%s)\n", more, sourcesWord(more), f.Fact.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// sourcesWord is "source" or "sources", as n calls for.
func sourcesWord(n int) string {
	if n == 1 {
		return "source"
	}
	return "sources"
}
