package main

import (
	"errors"
	"io"
	"net/url"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// addTimeQueryCmds registers the commands of this file on parent.
func addTimeQueryCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newQueryHoldersCmd(a), newQueryTimelineCmd(a))
}

func newQueryHoldersCmd(a *app) *cobra.Command {
	var q struct {
		role, at, asKnown string
		json              bool
	}
	cmd := &cobra.Command{
		Use:   "holders ORG",
		Short: "Who led a country or organization, or held an office, and when",
		Long: `Holders lists the terms of the people who led ORG (a country or an
organization, with their role) or held ORG (an office such as "National
Security Adviser"), in time order, with their sources.

A term nobody states the end of ends where its successor's began: a new
holder of a single-holder role (head of state or government, secretary
general, party leader...) or an explicit "X succeeded Y"; the table marks such
an end with "*". --at DATE keeps the terms in force that day ("?" marks an
answer resting on a start known only to a month or year); --role keeps one
role; --as-known DATE answers with what had been ingested by then.`,
		Example: `  geokg query holders Japan
  geokg query holders NATO --role "Secretary General" --at 2024-12-15
  geokg query holders "United States" --at 2025-03-01 --as-known 2025-01-01 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			hq := queries.HoldersQuery{Org: args[0], Role: q.role}
			if err := parseDateFlags(dateFlag{"--at", q.at, &hq.At}, dateFlag{"--as-known", q.asKnown, &hq.AsKnown}); err != nil {
				return err
			}
			call := remoteCall{"/holders", url.Values{"org": {args[0]}}}
			setParam(call.params, "role", q.role)
			setParam(call.params, "at", q.at)
			setParam(call.params, "as_known", q.asKnown)
			a.setAllSources(call)
			return printQuery(cmd.Context(), a, q.json, func(e *queries.Engine) ([]queries.Holder, error) {
				return e.Holders(cmd.Context(), hq)
			}, call, writeJSONHolders, render.WriteHolders)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.role, "role", "", "only terms in this role (or office)")
	f.StringVar(&q.at, "at", "", "only terms in force on this date")
	f.StringVar(&q.asKnown, "as-known", "", "answer with only what had been ingested by this date")
	f.BoolVar(&q.json, "json", false, "print a JSON array of holders, each with its facts in the export schema")
	return cmd
}

func newQueryTimelineCmd(a *app) *cobra.Command {
	var q struct {
		from, to, asKnown string
		offset, limit     int
		json              bool
	}
	cmd := &cobra.Command{
		Use:   "timeline ENTITY",
		Short: "Everything about an entity in time order, with sources",
		Long: `Timeline lists the facts with ENTITY on either side in time order: events
by their date, states by their start (else their end, else when first
reported), with their sources. By default it prints the latest 20 facts
(oldest first) and, when there are more, a note on stderr saying how many;
--offset N --limit M print the facts N+1 to N+M of the timeline instead,
and --limit 0 all of them. Without a window, a page reads only its facts
(the store's timeline index, see 'geokg reindex'), so a page of an entity
with thousands of facts takes milliseconds. --from/--to keep the facts
overlapping the range (events dated inside it); --as-known DATE answers
with what had been ingested by then; a window reads every fact of the
entity and is paged the same way.`,
		Example: `  geokg query timeline Rutte
  geokg query timeline "Donald Trump" --limit 20 --offset 40
  geokg query timeline "Donald Trump" --limit 0 > all.txt
  geokg query timeline "Donald Trump" --from 2025-01-01 --to 2025-03-31 --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if q.offset < 0 || q.limit < 0 {
				return errors.New("--offset and --limit want a whole number of at least 0")
			}
			f := cmd.Flags()
			latest := !f.Changed("offset") && !f.Changed("limit")
			tq := queries.TimelineQuery{Entity: args[0], Offset: q.offset, Limit: q.limit, Latest: latest}
			if err := parseDateFlags(dateFlag{"--from", q.from, &tq.From}, dateFlag{"--to", q.to, &tq.To},
				dateFlag{"--as-known", q.asKnown, &tq.AsKnown}); err != nil {
				return err
			}
			call := remoteCall{"/timeline", url.Values{"entity": {args[0]}}}
			setParam(call.params, "from", q.from)
			setParam(call.params, "to", q.to)
			setParam(call.params, "as_known", q.asKnown)
			if q.offset > 0 {
				call.params.Set("offset", strconv.Itoa(q.offset))
			}
			if q.limit > 0 {
				call.params.Set("limit", strconv.Itoa(q.limit))
			}
			if latest {
				call.params.Set("latest", "true")
			}
			a.setAllSources(call)
			var page queries.TimelineResult
			err := printQuery(cmd.Context(), a, q.json, func(e *queries.Engine) ([]queries.Answer, error) {
				var err error
				page, err = e.TimelinePage(cmd.Context(), tq)
				return page.Answers, err
			}, call, writeJSONFacts, render.WriteQueryFacts)
			if err != nil {
				return err
			}
			return render.WriteTimelineNote(a.stderr, page)
		},
	}
	f := cmd.Flags()
	f.StringVar(&q.from, "from", "", "facts overlapping the range from this date")
	f.StringVar(&q.to, "to", "", "facts overlapping the range up to this date (inclusive)")
	f.StringVar(&q.asKnown, "as-known", "", "answer with only what had been ingested by this date")
	f.IntVar(&q.offset, "offset", 0, "skip this many facts of the timeline (oldest first)")
	f.IntVar(&q.limit, "limit", queries.DefaultTimelineLimit, "print at most this many facts (0: all); without --offset and --limit, the latest ones")
	f.BoolVar(&q.json, "json", false, "print a JSON array in the export schema")
	return cmd
}

// writeJSONHolders writes holders as a JSON array, each with its facts in
// the export schema (render.NewHoldersJSON).
func writeJSONHolders(w io.Writer, hs []queries.Holder) error {
	return render.WriteJSON(w, render.NewHoldersJSON(hs))
}
