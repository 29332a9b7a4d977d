package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/timex"
)

// predicateList names the predicates of the predicate table that keep
// holds, comma-separated, in the table's order.
func predicateList(keep func(graph.Predicate) bool) string {
	var names []string
	for _, p := range graph.PredicateTable() {
		if keep(p) {
			names = append(names, p.Name)
		}
	}
	return strings.Join(names, ", ")
}

func newQueryCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "query",
		Short: "Ask the graph structured questions over time",
		Long:  "Query runs structured, time-aware questions against the store.",
		Example: `  geokg query facts --object NATO --predicate leads --at 2024-12-15
  geokg query facts --subject Trump --predicate met --from 2025-02-01 --to 2025-02-28 --json`,
	}
	cmd.PersistentFlags().BoolVar(&a.allSources, "all-sources", false,
		"read every source of each answer (JSON lists them all); by default a fact is read with its first sources and the counts of all, whatever its number of sources")
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
predicates (` + predicateList(func(p graph.Predicate) bool { return p.Symmetric }) + `) match either side.

--at DATE keeps the facts whose valid time contains that day: an unknown bound
is open, an end date is exclusive, and a term nobody states the end of ends
where its successor's began (a new holder of a single-holder role, an explicit
"succeeded", a new target). A bound known only to a month or year counts from
its first day: a term starting 2024-10 is not in force at 2024-09-15, and is at
2024-10-15 but marked uncertain ("?" in the table, "uncertain": true in JSON).
--from/--to keep facts overlapping the range (events dated inside it).

--as-known DATE answers with what geokg had ingested by the end of that day:
only sources recorded by then count, and bounds are derived from them alone.
It combines with --at and --from/--to. Dates are YYYY, YYYY-MM or YYYY-MM-DD,
or written out as in the console ("June 2024", "1 October 2024").`,
		Example: `  geokg query facts --object Japan --predicate leads --at 2025-03-01
  geokg query facts --subject "Donald Trump" --predicate met --from 2024-11-01 --to 2024-12-31
  geokg query facts --subject Rutte --json
  geokg query facts --object NATO --predicate leads --at 2024-12-15 --as-known 2025-01-01`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fq := queries.FactsQuery{Subject: q.subject, Predicate: q.predicate, Object: q.object}
			if err := parseDateFlags(dateFlag{"--at", q.at, &fq.At}, dateFlag{"--from", q.from, &fq.From},
				dateFlag{"--to", q.to, &fq.To}, dateFlag{"--as-known", q.asKnown, &fq.AsKnown}); err != nil {
				return err
			}
			if !fq.At.IsZero() && (!fq.From.IsZero() || !fq.To.IsZero()) {
				return errors.New("--at cannot be combined with --from/--to")
			}
			call := remoteCall{"/facts", url.Values{}}
			for _, p := range [][2]string{{"subject", q.subject}, {"predicate", q.predicate}, {"object", q.object},
				{"at", q.at}, {"from", q.from}, {"to", q.to}, {"as_known", q.asKnown}} {
				setParam(call.params, p[0], p[1])
			}
			a.setAllSources(call)
			return printQuery(cmd.Context(), a, q.json, func(e *queries.Engine) ([]queries.Answer, error) {
				return e.Facts(cmd.Context(), fq)
			}, call, writeJSONFacts, render.WriteQueryFacts)
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

// parseDateFlag reads the value v of date flag name as the console reads
// its dates (timex.ParseOption: "2024-06", "June 2024", "1 October 2024");
// "" is no date. A date relative to today ("yesterday", "last month") is
// read against the system date, the console's default "today".
func parseDateFlag(name, v string) (graph.Date, error) {
	today, _ := todayFlag("")
	return timex.ParseOption(name, v, today)
}

// dateFlag is a date flag: its name, its value as given and where its
// date goes.
type dateFlag struct {
	name, value string
	into        *graph.Date
}

// parseDateFlags parses the dates of flags (see parseDateFlag), stopping at
// the first bad one.
func parseDateFlags(flags ...dateFlag) error {
	for _, f := range flags {
		d, err := parseDateFlag(f.name, f.value)
		if err != nil {
			return err
		}
		*f.into = d
	}
	return nil
}

// writeJSONFacts writes answers as a JSON array in the export schema
// (render.FactRecords).
func writeJSONFacts(w io.Writer, answers []queries.Answer) error {
	return render.WriteJSON(w, render.FactRecords(answers))
}

// printQuery runs q (see readQuery) and writes its answer with writeJSON
// when asJSON is set, else with writeTable. When a server holds the
// store, call goes to it instead and its answer is printed.
func printQuery[T any](ctx context.Context, a *app, asJSON bool, q func(*queries.Engine) ([]T, error),
	call remoteCall, writeJSON, writeTable func(io.Writer, []T) error) error {
	out, err := readQuery(ctx, a, q)
	if c := a.serverFor(ctx, err); c != nil {
		return a.viaServer(ctx, c, call, asJSON, func() error {
			if asJSON {
				return writeJSON(a.stdout, nil)
			}
			return writeTable(a.stdout, nil)
		})
	}
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(a.stdout, out)
	}
	return writeTable(a.stdout, out)
}

// readQuery opens the store for reading and runs q against a query engine;
// a name that matches no entity is a warning and an empty answer, not a
// failure.
func readQuery[T any](ctx context.Context, a *app, q func(*queries.Engine) ([]T, error)) ([]T, error) {
	var out []T
	err := withEngine(ctx, a, func(_ context.Context, e *queries.Engine) (err error) {
		out, err = q(e)
		return err
	})
	if errors.Is(err, queries.ErrUnknownEntity) {
		fmt.Fprintln(a.stderr, "warning:", err)
		return nil, nil
	}
	return out, err
}

// withEngine opens the store for reading, runs fn with a query engine on
// it, and closes the store.
func withEngine(ctx context.Context, a *app, fn func(context.Context, *queries.Engine) error) error {
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(ctx, queries.NewWithOptions(st, queries.Options{Evidence: !a.allSources}))
}
