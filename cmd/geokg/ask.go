package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/server"
	"github.com/geokg/geokg/timex"
)

// addAskCmds registers the commands of this file on parent.
func addAskCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newAskCmd(a), newConsoleCmd(a))
}

// formsPlaceholder stands in ask's help for the list of question forms
// until the help is shown (see fillHelpOnShow).
const formsPlaceholder = "(the question forms)\n"

// askFormsHelp lists the question forms of the form table, one a line,
// wrapped at 79 columns.
func askFormsHelp() string {
	var b strings.Builder
	for _, f := range queries.Forms() {
		line := " "
		for _, w := range strings.Fields(f.Help) {
			if len(line)+1+len(w) > 79 {
				b.WriteString(line + "\n")
				line = "   "
			}
			line += " " + w
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// todayFlag reads --today, defaulting to the system date.
func todayFlag(v string) (graph.Date, error) {
	if v == "" {
		return graph.DateFromTime(time.Now()), nil
	}
	d, err := timex.ParseOption("--today", v, graph.Date{})
	if err != nil || d.Precision != graph.DayPrecision {
		return graph.Date{}, fmt.Errorf("--today %q: want a day such as 2026-01-15 or 15 January 2026", v)
	}
	return d, nil
}

func newAskCmd(a *app) *cobra.Command {
	var o struct {
		json    bool
		today   string
		maxHops int
	}
	cmd := &cobra.Command{
		Use:   "ask QUESTION",
		Short: "Ask the graph a question in English",
		Long: `Ask answers an English question from the graph, says how it read the
question ("interpreted as: ...") and gives each answer with its dates,
confidence and sources.

Questions it reads (dates as analysts write them: "on 1 June 2024", "in June
2024", "2024-06-01", "in 2023", "between March and May 2025", "last month",
"now"; no date means today for who-holds-what questions — the former
holders, latest first, when asked in the past tense: "who was the prime
minister of the Netherlands?" — and all time for events; a day no calendar
has, "31 February 2024", is an error):
` + formsPlaceholder + `
Names go through aliases and tolerate small misspellings ("Zelenskiy",
"Stoltenburg"); a misspelling close to several names asks "did you mean".
A question it cannot read gets the closest forms as suggestions.

--json prints {"question", "interpretation", "answers": [{"name", "start",
"end", "date", "confidence", "facts": [...]}]}, facts in the export schema.`,
		Example: `  geokg ask "who led NATO in June 2024?"
  geokg ask "who was the prime minister of Japan on 1 March 2025?"
  geokg ask "whom did Trump meet between February and March 2025?" --json
  geokg ask "how is Waltz connected to Rutte?"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			today, err := todayFlag(o.today)
			if err != nil {
				return err
			}
			q := strings.Join(args, " ")
			err = withEngine(cmd.Context(), a, func(ctx context.Context, e *queries.Engine) error {
				res, err := e.Ask(ctx, queries.AskQuery{Question: q, Today: today, MaxHops: o.maxHops})
				var pe *queries.ParseError
				if errors.As(err, &pe) {
					fmt.Fprintf(a.stderr, "cannot read %q as a question. Closest forms:\n", q)
					for _, s := range pe.Suggestions {
						fmt.Fprintf(a.stderr, "  geokg ask %q\n", s)
					}
					return errSilent{err}
				}
				if err != nil {
					return err
				}
				if o.json {
					return render.WriteJSON(a.stdout, render.NewAskJSON(res))
				}
				return render.WriteAsk(a.stdout, res)
			})
			if c := a.serverFor(cmd.Context(), err); c != nil {
				call := remoteCall{"/ask", url.Values{"q": {q}, "today": {today.String()}, "max_hops": {fmt.Sprint(o.maxHops)}}}
				err = a.viaServer(cmd.Context(), c, call, o.json, nil)
				var ae *server.APIError
				if errors.As(err, &ae) && len(ae.Suggestions) > 0 {
					fmt.Fprintf(a.stderr, "cannot read %q as a question. Closest forms:\n", q)
					for _, s := range ae.Suggestions {
						fmt.Fprintf(a.stderr, "  geokg ask %q\n", s)
					}
					return errSilent{err}
				}
			}
			return err
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print the answer as JSON (facts in the export schema)")
	cmd.Flags().StringVar(&o.today, "today", "", `the date of "now" and of questions without a date, YYYY-MM-DD (default: the system date)`)
	cmd.Flags().IntVar(&o.maxHops, "max-hops", queries.DefaultMaxHops, "longest path for \"how is X connected to Y\"")
	fillHelpOnShow(cmd, formsPlaceholder, askFormsHelp)
	return cmd
}
