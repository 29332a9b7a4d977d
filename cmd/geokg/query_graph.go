package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
)

// addGraphQueryCmds registers the commands of this file on parent.
func addGraphQueryCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newQueryPathCmd(a), newQueryNeighborsCmd(a), newQueryEntitiesCmd(a), newQueryGizmoCmd(a))
}

func newQueryPathCmd(a *app) *cobra.Command {
	var o struct {
		at, asKnown string
		maxHops     int
		limit       int
		json        bool
	}
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Shortest chains of facts linking two entities",
		Long: `Path finds the shortest chains of facts between two entities, walking facts
in either direction, up to --max-hops facts long. Each step shows the fact's
date or period and its first source. --at uses only facts in force on that
day (events: dated that day); --as-known DATE uses only what had been
ingested by the end of that day, each fact as then known.`,
		Example: `  geokg query path Waltz Rutte
  geokg query path "Narendra Modi" NATO --max-hops 3 --json
  geokg query path Finland Sweden --at 2024-06-01
  geokg query path Waltz Rutte --as-known 2025-01-01`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			var at, asKnown graph.Date
			if err := parseDateFlags(dateFlag{"--at", o.at, &at}, dateFlag{"--as-known", o.asKnown, &asKnown}); err != nil {
				return err
			}
			err := withEngine(cmd.Context(), a, func(ctx context.Context, e *queries.Engine) error {
				r, err := e.Path(ctx, queries.PathQuery{From: args[0], To: args[1], At: at, AsKnown: asKnown, MaxHops: o.maxHops, Limit: o.limit})
				if err != nil {
					return err
				}
				if o.json {
					return render.WriteJSON(a.stdout, render.NewPathJSON(r))
				}
				return render.WritePaths(a.stdout, r)
			})
			call := remoteCall{"/path", url.Values{"a": {args[0]}, "b": {args[1]},
				"max_hops": {strconv.Itoa(o.maxHops)}, "limit": {strconv.Itoa(o.limit)}}}
			setParam(call.params, "at", o.at)
			setParam(call.params, "as_known", o.asKnown)
			a.setAllSources(call)
			return a.orViaServer(cmd.Context(), err, call, "", o.json)
		},
	}
	cmd.Flags().StringVar(&o.at, "at", "", "use only facts in force on this date")
	cmd.Flags().StringVar(&o.asKnown, "as-known", "", "use only what had been ingested by this date")
	cmd.Flags().IntVar(&o.maxHops, "max-hops", queries.DefaultMaxHops, "longest path, in facts")
	cmd.Flags().IntVar(&o.limit, "limit", queries.DefaultMaxPaths, "most paths shown")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (facts in the export schema)")
	return cmd
}

func newQueryNeighborsCmd(a *app) *cobra.Command {
	var o struct {
		at, asKnown, predicate string
		limit                  int
		json                   bool
	}
	cmd := &cobra.Command{
		Use:     "neighbors ENTITY",
		Aliases: []string{"neighbours"},
		Short:   "Entities that share a fact with an entity",
		Long: `Neighbors lists the entities that share a fact with ENTITY (on either side),
most-linked first, with the predicates linking them, the latest fact's date
and its source: the 50 most linked (--limit), with a note on stderr when
there are more, so that the table of an entity with thousands of facts
reads their counts from the store's adjacency index and the latest facts
of the neighbours it shows. --at uses only facts in force on that day;
--as-known DATE uses only what had been ingested by the end of that day.`,
		Example: `  geokg query neighbors Trump --predicate met
  geokg query neighbors NATO --at 2024-06-01 --json
  geokg query neighbors Rutte --as-known 2024-12-01`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var at, asKnown graph.Date
			if err := parseDateFlags(dateFlag{"--at", o.at, &at}, dateFlag{"--as-known", o.asKnown, &asKnown}); err != nil {
				return err
			}
			entity := strings.Join(args, " ")
			err := withEngine(cmd.Context(), a, func(ctx context.Context, e *queries.Engine) error {
				r, err := e.Neighbors(ctx, queries.NeighborsQuery{Entity: entity, At: at, AsKnown: asKnown, Predicate: o.predicate, Summary: !o.json, Limit: o.limit})
				if err != nil {
					return err
				}
				if o.json {
					err = render.WriteJSON(a.stdout, render.NewNeighborsJSON(r))
				} else {
					err = render.WriteNeighbors(a.stdout, r)
				}
				if err != nil {
					return err
				}
				return render.WriteNeighborsNote(a.stderr, r)
			})
			call := remoteCall{"/neighbors", url.Values{"entity": {entity}}}
			setParam(call.params, "at", o.at)
			setParam(call.params, "as_known", o.asKnown)
			setParam(call.params, "predicate", o.predicate)
			a.setAllSources(call)
			return a.orViaServer(cmd.Context(), err, call, "", o.json)
		},
	}
	cmd.Flags().StringVar(&o.at, "at", "", "use only facts in force on this date")
	cmd.Flags().StringVar(&o.asKnown, "as-known", "", "use only what had been ingested by this date")
	cmd.Flags().StringVar(&o.predicate, "predicate", "", "use only facts with this predicate: "+strings.Join(graph.Predicates, ", "))
	cmd.Flags().IntVar(&o.limit, "limit", queries.DefaultNeighborsLimit, "list at most this many neighbours, the most linked (0: all)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print JSON (facts in the export schema)")
	return cmd
}

func newQueryEntitiesCmd(a *app) *cobra.Command {
	var o struct {
		limit int
		json  bool
	}
	cmd := &cobra.Command{
		Use:   "entities PREFIX",
		Short: "Search entities by name or alias",
		Long: `Entities lists the entities whose name or alias (or one of its words) starts
with PREFIX, with their types and alias counts. When none does, it lists the
names PREFIX may be a misspelling of ("did you mean").`,
		Example: `  geokg query entities rut
  geokg query entities Stoltenburg --json`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p := strings.Join(args, " ")
			err := withEngine(cmd.Context(), a, func(ctx context.Context, e *queries.Engine) error {
				ms, err := e.SearchEntities(ctx, nil, p, o.limit)
				if err != nil {
					return err
				}
				if o.json {
					return render.WriteJSON(a.stdout, render.NewEntitiesJSON(ms))
				}
				return render.WriteEntities(a.stdout, p, ms)
			})
			call := remoteCall{"/entities", url.Values{"prefix": {p}}}
			if o.limit > 0 {
				call.params.Set("limit", strconv.Itoa(o.limit))
			}
			return a.orViaServer(cmd.Context(), err, call, "", o.json)
		},
	}
	cmd.Flags().IntVar(&o.limit, "limit", 50, "most entities listed (0 = all)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print a JSON array")
	return cmd
}

func newQueryGizmoCmd(a *app) *cobra.Command {
	var o struct {
		timeout time.Duration
		limit   int
		json    bool
	}
	var maxMemory int64
	cmd := &cobra.Command{
		Use:   "gizmo QUERY",
		Short: "Run a raw Cayley Gizmo query against the store",
		Long: `Gizmo runs a query in Cayley's Gizmo language (JavaScript) against the store,
read-only, stopping at --timeout (compilation included), after --limit
results (every ToArray, TagArray, ForEach and All inside the query is capped
at --limit too) and when the process's heap passes --max-memory bytes.
Ctrl-C stops it too; the store is released in every case.

The graph, as Gizmo sees it:
  entities  <geokg:entity/TYPE/SLUG>, e.g. <geokg:entity/person/mark-rutte>,
            <geokg:entity/country/sweden>; properties <geokg:name>,
            <geokg:type> ("person", "country", ...), <geokg:alias>
  facts     <geokg:fact/ID> with <geokg:subject> and <geokg:object> (entities),
            <geokg:predicate> ("met", "leads", ...), <geokg:source> (one per
            article stating it) and <geokg:evidence_record>, a JSON literal:
            "role", "start", "end", "date", "c" confidence, "loc", ...
            (stores written before: <geokg:role>, <geokg:date>, ... quads)
  sources   <geokg:source/ID> with <geokg:article> and <geokg:packed>, a JSON
            literal: "s" sentence, "r" recorded, "c" confidence, "d" date, ...
  articles  <geokg:article/ID> with <geokg:hash> and <geokg:packed>: "ti"
            title, "u" url, "p" published, "r" recorded (stores written
            before geokg packed them: <geokg:sentence>, <geokg:title>, ...)
Every fact is also a direct triple <subject> <geokg:rel/PREDICATE> <object>,
so g.V(X).Out("<geokg:rel/met>") walks from X to whom X met.`,
		Example: `  geokg query gizmo 'g.V("<geokg:entity/person/mark-rutte>").Out("<geokg:rel/met>").All()'
  geokg query gizmo 'g.V().Has("<geokg:type>", "country").Out("<geokg:name>").All()' --limit 20`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			err := withEngine(cmd.Context(), a, func(ctx context.Context, e *queries.Engine) error {
				r, err := e.Gizmo(ctx, queries.GizmoQuery{Query: args[0], Timeout: o.timeout, Limit: o.limit, MaxMemory: a.cfg.Gizmo.MaxMemory})
				if errors.Is(err, queries.ErrGizmoTimeout) {
					return fmt.Errorf("%w (raise --timeout)", err)
				}
				if errors.Is(err, queries.ErrGizmoMemory) {
					return fmt.Errorf("%w (raise --max-memory)", err)
				}
				if err != nil {
					return err
				}
				if o.json {
					return render.WriteJSON(a.stdout, render.NewGizmoJSON(r))
				}
				return render.WriteGizmo(a.stdout, r)
			})
			call := remoteCall{"/gizmo", url.Values{"timeout": {o.timeout.String()}, "limit": {strconv.Itoa(o.limit)}}}
			return a.orViaServer(cmd.Context(), err, call, args[0], o.json)
		},
	}
	cmd.Flags().DurationVar(&o.timeout, "timeout", queries.DefaultGizmoTimeout, "time limit")
	cmd.Flags().IntVar(&o.limit, "limit", queries.DefaultGizmoLimit, "most results, of the query and of each terminal call in it")
	cmd.Flags().Int64Var(&maxMemory, "max-memory", queries.DefaultGizmoMaxMemory, "largest heap of the process while the query runs, in bytes; negative: no bound (config gizmo.max_memory)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print {\"results\": [...], \"truncated\": bool}")
	return cmd
}
