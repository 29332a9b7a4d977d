package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
)

// exportOptions are the flags of `geokg export`.
type exportOptions struct {
	format, out, at, from, to string
	entities                  bool
	filter                    export.Filter
}

func newExportCmd(a *app) *cobra.Command {
	var o exportOptions
	var formats strings.Builder
	for _, f := range export.Formats() {
		fmt.Fprintf(&formats, "  %-8s %s\n", f.Name, f.Summary)
	}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph's facts to a file for analysis",
		Long: `Export writes the facts of the graph, with their names, dates (ISO, at the
precision known: 2024, 2024-10 or 2024-10-01), role, location, confidence and
sources, in a format analysis tools open directly.

Formats:
` + formats.String() + `
-o FILE writes one file (--entities: the entity table instead of the facts);
-o DIR (an existing directory, or a path ending in /) writes the main file
(facts.csv, facts.parquet, graph.gexf, ...) and, for csv, jsonl and parquet,
entities.EXT beside it. Without -o the output goes to standard output. Files
are written whole or not at all.

Filters, the same for every format:
  --at DATE              a snapshot: the facts true on that day
  --from/--to DATE       facts whose time overlaps the range (events inside it)
  --predicate P          one predicate
  --entity NAME          the neighbourhood of an entity (a name or an alias)
  --hops N               how many steps out from --entity (1 by default)
  --min-confidence X     facts at least this confident`,
		Example: `  geokg export --format jsonl -o facts.jsonl
  geokg export --format csv -o out/                  # out/facts.csv and out/entities.csv
  geokg export --format parquet -o out/ --from 2024-01-01
  geokg export --format gexf --entity NATO --hops 2 -o nato.gexf
  geokg export --format events --predicate met | head
  geokg export --format nquads -o graph.nq && geokg --db copy.db import graph.nq`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runExport(cmd.Context(), &o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "jsonl", "output format: "+strings.Join(export.Names(), ", "))
	f.StringVarP(&o.out, "output", "o", "", "output file or directory (default standard output)")
	f.BoolVar(&o.entities, "entities", false, "write the entity table instead of the facts (csv, jsonl, parquet)")
	f.StringVar(&o.at, "at", "", "only facts true on this date (a snapshot)")
	f.StringVar(&o.from, "from", "", "only facts overlapping the range from this date")
	f.StringVar(&o.to, "to", "", "only facts overlapping the range up to this date (inclusive)")
	f.StringVar(&o.filter.Predicate, "predicate", "", "only this predicate: "+strings.Join(graph.Predicates, ", "))
	f.StringVar(&o.filter.Entity, "entity", "", "only the neighbourhood of this entity (name or alias)")
	f.IntVar(&o.filter.Hops, "hops", 0, "radius of the --entity neighbourhood (default 1)")
	f.Float64Var(&o.filter.MinConfidence, "min-confidence", 0, "only facts at least this confident (0..1)")
	return cmd
}

func (a *app) runExport(ctx context.Context, o *exportOptions) error {
	format, err := export.Lookup(o.format)
	if err != nil {
		return fmt.Errorf("--format %q: %w; supported formats: %s", o.format, export.ErrUnknownFormat,
			strings.Join(export.Names(), ", "))
	}
	if o.filter.At, err = parseDateFlag("--at", o.at); err != nil {
		return err
	}
	if o.filter.From, err = parseDateFlag("--from", o.from); err != nil {
		return err
	}
	if o.filter.To, err = parseDateFlag("--to", o.to); err != nil {
		return err
	}
	jobs, err := export.Plan(format, o.out, o.entities)
	if errors.Is(err, export.ErrNoEntityTable) {
		return fmt.Errorf("--entities: %w (csv, jsonl and parquet have one)", err)
	}
	if err != nil {
		return err
	}
	if len(jobs) == 1 && jobs[0].Path == "" && format.Binary && isTerminal(a.stdout) {
		return fmt.Errorf("%s is a binary format: write it to a file with -o", format.Name)
	}
	st, err := a.openStore(ctx, true)
	if c := a.serverFor(ctx, err); c != nil {
		return a.exportViaServer(ctx, c, o, jobs)
	}
	if err != nil {
		return err
	}
	defer st.Close()
	sel, err := export.NewSelection(st, o.filter)
	if err != nil {
		return err
	}
	sel.Version, sel.Build = buildInfo()
	for _, j := range jobs {
		done := a.exportProgress(ctx, sel, j.What)
		n, err := j.Run(ctx, a.stdout, sel)
		done()
		if err != nil {
			return err
		}
		if j.Path != "" {
			fmt.Fprintf(a.stderr, "exported %d %s to %s\n", n, j.What, j.Path)
			a.log.Info("exported", "format", format.Name, j.What, n, "file", j.Path)
		}
	}
	return nil
}

// exportProgress shows a counter of rows written on a terminal and returns
// the function that ends it.
func (a *app) exportProgress(ctx context.Context, sel *export.Selection, what string) func() {
	if !isTerminal(a.stderr) {
		sel.Progress = nil
		return func() {}
	}
	p := mpb.NewWithContext(ctx, mpb.WithOutput(a.stderr), mpb.WithRefreshRate(150*time.Millisecond))
	bar := p.New(0, mpb.SpinnerStyle(),
		mpb.PrependDecorators(decor.Name("exporting ")),
		mpb.AppendDecorators(decor.CurrentNoUnit("%d "+what), decor.Name(" "), decor.AverageSpeed(0, "%.0f/s")))
	sel.Progress = func() { bar.Increment() }
	return func() {
		sel.Progress = nil
		bar.SetTotal(-1, true)
		p.Wait()
	}
}
