package main

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/store"
)

// addExchangeCmds registers the commands of this file on parent.
func addExchangeCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newImportCmd(a))
}

func newImportCmd(a *app) *cobra.Command {
	var merge bool
	cmd := &cobra.Command{
		Use:   "import FILE.nq...",
		Short: "Load an N-Quads export into the store",
		Long: `Import loads files written by 'geokg export --format nquads' into the store
(--db), quad for quad: exporting the new store gives the same file back. It
moves a graph between stores and backends (bolt, memory, PostgreSQL when
supported). FILE may be gzip-compressed (.gz) or "-" for standard input.

Every file is read and checked before anything is stored (each line a
quad, each value in its type: dates in years 1-9999, doubles, booleans,
instants), then loaded in one transaction: a bad line is an error naming
its file and line, and nothing is stored, so a corrected file can be
imported again as it is.

The store must be empty unless --merge is given: merging adds the file's
quads to what is stored, and a fact stored in both with different
qualifiers then carries both values.`,
		Example: `  geokg --db old.db export --format nquads -o graph.nq
  geokg --db new.db import graph.nq
  geokg --db old.db export --format nquads | geokg --db new.db import -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runImport(cmd.Context(), args, merge)
		},
	}
	cmd.Flags().BoolVar(&merge, "merge", false, "add to a store that already holds a graph")
	return cmd
}

func (a *app) runImport(ctx context.Context, files []string, merge bool) error {
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	if !merge {
		have, err := st.Stats(ctx)
		if err != nil {
			return err
		}
		if have.Facts+have.Entities+have.Articles > 0 {
			return fmt.Errorf("import: store %s already holds %d facts and %d entities; use --merge to add to it",
				store.Redact(a.cfg.DB), have.Facts, have.Entities)
		}
	}
	var all []quad.Quad
	for _, name := range files {
		qs, err := a.readImportFile(ctx, name)
		if err != nil {
			return fmt.Errorf("import %s: %w (nothing stored)", name, err)
		}
		all = append(all, qs...)
	}
	total, err := st.LoadQuads(ctx, quad.NewReader(all))
	if err != nil {
		return fmt.Errorf("import: %w", err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "imported %d quads; the store holds %d facts, %d entities, %d sources, %d articles\n",
		total, stats.Facts, stats.Entities, stats.Sources, stats.Articles)
	return nil
}

// readImportFile reads and checks every quad of one N-Quads file (plain,
// .gz or "-"); an error names the line.
func (a *app) readImportFile(ctx context.Context, name string) ([]quad.Quad, error) {
	var r io.Reader = a.stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, err
		}
		defer zr.Close()
		r = zr
	}
	rr := export.ReadNQuads(r)
	tick := func() {}
	if isTerminal(a.stderr) {
		p := mpb.NewWithContext(ctx, mpb.WithOutput(a.stderr), mpb.WithRefreshRate(150*time.Millisecond))
		bar := p.New(0, mpb.SpinnerStyle(),
			mpb.PrependDecorators(decor.Name("reading ")),
			mpb.AppendDecorators(decor.CurrentNoUnit("%d quads"), decor.Name(" "), decor.AverageSpeed(0, "%.0f/s")))
		tick = bar.Increment
		defer func() {
			bar.SetTotal(-1, true)
			p.Wait()
		}()
	}
	var qs []quad.Quad
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		q, err := rr.ReadQuad()
		if errors.Is(err, io.EOF) {
			return qs, nil
		}
		if err != nil {
			return nil, err // names the line
		}
		if err := store.CheckQuad(q); err != nil {
			return nil, fmt.Errorf("line %d: %w", rr.Line(), err)
		}
		qs = append(qs, q)
		tick()
	}
}
