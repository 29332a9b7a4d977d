package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
)

// sample is one question's subject: a term of the simulated world that
// the store knows, a day inside it, and another known person (for path).
type sample struct {
	Person, Of, Other string
	At                time.Time
}

// env is what an in-process query needs.
type env struct {
	eng   *queries.Engine
	names *queries.Names
	today graph.Date
}

// Form is one row of the table of query forms the bench times: how to ask
// it in-process and the `geokg` arguments that ask it as a whole process.
type Form struct {
	// Name names the form in the report.
	Name string
	// run asks the form in-process.
	run func(ctx context.Context, e env, s sample) error
	// args are the geokg arguments (after --db) that ask it.
	args func(s sample) []string
}

// day is t as a graph date.
func day(t time.Time) graph.Date { return graph.DayOf(t.Year(), t.Month(), t.Day()) }

// question is the ask form's question about s.
func question(s sample) string {
	return fmt.Sprintf("who led %s on %s?", s.Of, s.At.Format("2 January 2006"))
}

// prefix is the entities form's search prefix for s: the start of the
// person's name.
func prefix(s sample) string {
	r := []rune(s.Person)
	return string(r[:min(4, len(r))])
}

// forms is the table of query forms, in report order.
var forms = []Form{
	{
		Name: "facts --at",
		run: func(ctx context.Context, e env, s sample) error {
			_, err := e.eng.Facts(ctx, queries.FactsQuery{Object: s.Of, Predicate: "leads", At: day(s.At)})
			return err
		},
		args: func(s sample) []string {
			return []string{"query", "facts", "--object", s.Of, "--predicate", "leads", "--at", s.At.Format(time.DateOnly)}
		},
	},
	{
		Name: "holders",
		run: func(ctx context.Context, e env, s sample) error {
			_, err := e.eng.Holders(ctx, queries.HoldersQuery{Org: s.Of, At: day(s.At)})
			return err
		},
		args: func(s sample) []string { return []string{"query", "holders", s.Of, "--at", s.At.Format(time.DateOnly)} },
	},
	{
		Name: "timeline",
		run: func(ctx context.Context, e env, s sample) error {
			// What geokg query timeline prints by default: the latest page.
			_, err := e.eng.Timeline(ctx, queries.TimelineQuery{Entity: s.Person, Limit: queries.DefaultTimelineLimit, Latest: true})
			return err
		},
		args: func(s sample) []string { return []string{"query", "timeline", s.Person} },
	},
	{
		Name: "neighbors",
		run: func(ctx context.Context, e env, s sample) error {
			// What geokg query neighbors prints: the table.
			_, err := e.eng.Neighbors(ctx, queries.NeighborsQuery{Entity: s.Person, Names: e.names, Summary: true, Limit: queries.DefaultNeighborsLimit})
			return err
		},
		args: func(s sample) []string { return []string{"query", "neighbors", s.Person} },
	},
	{
		Name: "path",
		run: func(ctx context.Context, e env, s sample) error {
			_, err := e.eng.Path(ctx, queries.PathQuery{From: s.Person, To: s.Other, Names: e.names})
			return err
		},
		args: func(s sample) []string { return []string{"query", "path", s.Person, s.Other} },
	},
	{
		Name: "ask",
		run: func(ctx context.Context, e env, s sample) error {
			_, err := e.eng.Ask(ctx, queries.AskQuery{Question: question(s), Today: e.today, Names: e.names})
			return err
		},
		args: func(s sample) []string { return []string{"ask", question(s)} },
	},
	{
		Name: "entities",
		run: func(ctx context.Context, e env, s sample) error {
			_, err := e.eng.SearchEntities(ctx, e.names, prefix(s), 50)
			return err
		},
		args: func(s sample) []string { return []string{"query", "entities", prefix(s)} },
	},
}

// Forms returns the names of the query forms the bench times, in report
// order.
func Forms() []string {
	var out []string
	for _, f := range forms {
		out = append(out, f.Name)
	}
	return out
}
