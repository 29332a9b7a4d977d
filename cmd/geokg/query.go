package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

func newQueryCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Ask the graph structured questions over time",
		Long:  "Query runs structured, time-aware questions against the store.",
		Example: `  geokg query facts --object NATO --predicate leads --at 2024-12-15
  geokg query facts --subject Trump --predicate met --from 2025-02-01 --to 2025-02-28 --json`,
	}
	cmd.AddCommand(newQueryFactsCmd(a))
	addTimeQueryCmds(cmd, a)  // query_time.go: holders, timeline
	addGraphQueryCmds(cmd, a) // query_graph.go: path, neighbors, entities, gizmo
	return cmd
}

func newQueryFactsCmd(a *app) *cobra.Command {
	var q struct {
		subject, predicate, object, at, from, to, asKnown string
		json                                              bool
	}
	cmd := &cobra.Command{
		Use:   "facts",
		Short: "List facts by subject, predicate, object and time",
		Long: `Facts lists the facts that match, with their dates and sources.

Names are resolved through aliases ("NATO", "U.S.", "Trump"); symmetric
predicates (met, spoke_with, signed_agreement) match either side.

--at DATE keeps the facts whose valid time contains that day: an unknown bound
is open, an end date is exclusive, and a term nobody states the end of ends
where its successor's began (a new holder of a single-holder role, an explicit
"succeeded", a new target). A bound known only to a month or year counts from
its first day: a term starting 2024-10 is not in force at 2024-09-15, and is at
2024-10-15 but marked uncertain ("?" in the table, "uncertain": true in JSON).
--from/--to keep facts overlapping the range (events dated inside it).

--as-known DATE answers with what geokg had ingested by the end of that day:
only sources recorded by then count, and bounds are derived from them alone.
It combines with --at and --from/--to. Dates are YYYY, YYYY-MM or YYYY-MM-DD.`,
		Example: `  geokg query facts --object Japan --predicate leads --at 2025-03-01
  geokg query facts --subject "Donald Trump" --predicate met --from 2024-11-01 --to 2024-12-31
  geokg query facts --subject Rutte --json
  geokg query facts --object NATO --predicate leads --at 2024-12-15 --as-known 2025-01-01`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fq := queries.FactsQuery{Subject: q.subject, Predicate: q.predicate, Object: q.object}
			var err error
			if fq.At, err = parseDateFlag("--at", q.at); err != nil {
				return err
			}
			if fq.From, err = parseDateFlag("--from", q.from); err != nil {
				return err
			}
			if fq.To, err = parseDateFlag("--to", q.to); err != nil {
				return err
			}
			if fq.AsKnown, err = parseDateFlag("--as-known", q.asKnown); err != nil {
				return err
			}
			if !fq.At.IsZero() && (!fq.From.IsZero() || !fq.To.IsZero()) {
				return errors.New("--at cannot be combined with --from/--to")
			}
			answers, err := readQuery(cmd.Context(), a, func(e *queries.Engine) ([]queries.Answer, error) {
				return e.Facts(cmd.Context(), fq)
			})
			if err != nil {
				return err
			}
			if q.json {
				return writeJSONFacts(a.stdout, answers)
			}
			return writeFactTable(a.stdout, answers)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.subject, "subject", "", "subject name or alias")
	f.StringVar(&q.predicate, "predicate", "", "predicate: "+strings.Join(graph.Predicates, ", "))
	f.StringVar(&q.object, "object", "", "object name or alias")
	f.StringVar(&q.at, "at", "", "facts in force on this date")
	f.StringVar(&q.from, "from", "", "facts overlapping the range from this date")
	f.StringVar(&q.to, "to", "", "facts overlapping the range up to this date (inclusive)")
	f.StringVar(&q.asKnown, "as-known", "", "answer with only what had been ingested by this date")
	f.BoolVar(&q.json, "json", false, "print a JSON array in the export schema")
	return cmd
}

func parseDateFlag(name, v string) (graph.Date, error) {
	d, err := graph.ParseDate(v)
	if err != nil {
		return d, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

func writeJSONFacts(w io.Writer, answers []queries.Answer) error {
	recs := make([]export.Record, 0, len(answers))
	for _, an := range answers {
		rec := export.NewRecord(an.Fact, an.Subject, an.Object)
		rec.Uncertain = an.Uncertain
		recs = append(recs, rec)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(recs)
}

func writeFactTable(w io.Writer, answers []queries.Answer) error {
	if len(answers) == 0 {
		_, err := fmt.Fprintln(w, "no facts match")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUBJECT\tPREDICATE\tOBJECT\tROLE\tWHEN\tSOURCES")
	for _, an := range answers {
		f := an.Fact
		w := when(f)
		if an.Uncertain {
			w += " ?"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", an.Subject.Name, f.Predicate, an.Object.Name, f.Role, w, sourceRef(f))
	}
	return tw.Flush()
}

// when renders a fact's valid time for a table.
func when(f graph.Fact) string {
	if graph.IsEvent(f.Predicate) {
		return f.Date.String()
	}
	s, e := f.Start.String(), f.End.String()
	switch {
	case s == "" && e == "" && f.Ended:
		return "(ended)"
	case s == "" && e == "":
		return ""
	case e == "" && f.Ended:
		return s + " – (ended)"
	}
	return s + " – " + e
}

// readQuery opens the store for reading and runs q against a query engine;
// a name that matches no entity is a warning and an empty answer, not a
// failure.
func readQuery[T any](ctx context.Context, a *app, q func(*queries.Engine) ([]T, error)) ([]T, error) {
	store, err := a.openStore(ctx, true)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	out, err := q(queries.New(store))
	if errors.Is(err, queries.ErrUnknownEntity) {
		fmt.Fprintln(a.stderr, "warning:", err)
		return nil, nil
	}
	return out, err
}
