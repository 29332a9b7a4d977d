package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/internal/bench"
	"github.com/geokg/geokg/store"
)

// benchOptions are the flags of geokg bench.
type benchOptions struct {
	articles    string
	seed        uint64
	events      int
	queries     int
	processRuns int
	json        bool
}

func newBenchCmd(a *app) *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure ingest and queries on simulated corpora",
		Long: `Bench generates a simulated world's news corpus for each --articles size
(seeded: the same seed gives the same articles; --events-per-article sets how
many events each reports, so how many facts it adds), ingests it into a fresh store
as 'geokg ingest' does (--batch and --workers apply), and prints one table:
articles/s, facts/s and quads/s of the ingest, its peak RSS (the process's
VmHWM, reset before each ingest), store bytes per fact (on bbolt: the file,
its pages in use, and the file 'geokg compact' leaves), the rate of a
raw bulk load of the same quads into a fresh store of the same backend and
geokg's share of it, how many holders answers agree with the simulated truth,
and the p50/p95 latency of each query form asked --queries times in-process
and --process-runs times as a whole geokg process.

Without --db the stores are bbolt directories in a temporary directory,
removed afterwards; the configured store (GEOKG_DB, config file) is never
used. --db DIR keeps them in DIR (ingest-N and raw-N, which must be empty),
--db memory uses in-memory stores (no whole-process timings), and a
PostgreSQL dsn must name an empty database, used for one size, without the
raw load.`,
		Example: `  geokg bench
  geokg bench --articles 1000,5000 --batch 200
  geokg bench --articles 1000,10000 --events-per-article 10
  geokg bench --db memory --articles 200 --queries 50 --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runBench(cmd, o)
		},
	}
	cmd.Flags().StringVar(&o.articles, "articles", "1000,10000", "corpus sizes, in articles, comma-separated")
	cmd.Flags().Uint64Var(&o.seed, "seed", 1, "the simulated world's seed")
	cmd.Flags().IntVar(&o.events, "events-per-article", 1, "events each simulated article reports: its lead and a round-up of the week's others (10 gives ~10 facts an article, as news holds)")
	cmd.Flags().IntVar(&o.queries, "queries", 100, "times each query form is asked in-process, per size")
	cmd.Flags().IntVar(&o.processRuns, "process-runs", 5, "times each query form is run as a whole geokg process, per size (0: none)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the report as JSON")
	cmd.Flags().Int("workers", 0, "concurrent extractions (0 = one per CPU)")
	cmd.Flags().Int("batch", defaultConfig().Ingest.Batch, "articles per flush to disk, as ingest --batch")
	return cmd
}

// addBenchCmd registers geokg bench.
func addBenchCmd(parent *cobra.Command, a *app) {
	parent.AddCommand(newBenchCmd(a))
}

// parseSizes reads --articles: positive numbers separated by commas.
func parseSizes(v string) ([]int, error) {
	var out []int
	for _, s := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("--articles %q: want positive numbers separated by commas, such as 1000,10000", v)
		}
		out = append(out, n)
	}
	return out, nil
}

func (a *app) runBench(cmd *cobra.Command, o benchOptions) error {
	sizes, err := parseSizes(o.articles)
	if err != nil {
		return err
	}
	if o.queries < 0 || o.processRuns < 0 {
		return fmt.Errorf("--queries and --process-runs must not be negative")
	}
	if o.events < 1 {
		return fmt.Errorf("--events-per-article %d: want 1 or more", o.events)
	}
	tmp, err := os.MkdirTemp("", "geokg-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dsn := tmp
	if cmd.Flags().Changed("db") {
		dsn = a.cfg.DB
	}
	b, err := store.BackendFor(dsn)
	if err != nil {
		return err
	}
	defer applyMemoryLimit(a.cfg.Ingest.MemoryLimit)()
	exe, err := os.Executable()
	if err != nil {
		exe = "" // no whole-process timings
	}
	rep, err := bench.Run(cmd.Context(), bench.Options{
		Sizes:            sizes,
		Seed:             o.seed,
		EventsPerArticle: o.events,
		Queries:          o.queries,
		ProcessRuns:      o.processRuns,
		StoreFor: func(role string, n int) string {
			if b.Dir {
				return filepath.Join(dsn, fmt.Sprintf("%s-%d", role, n))
			}
			return dsn
		},
		NewPipeline: a.newPipeline,
		Exe:         exe,
		Today:       time.Now(),
		TempDir:     tmp,
	})
	if err != nil {
		return err
	}
	if o.json {
		return rep.WriteJSON(a.stdout)
	}
	return rep.WriteTable(a.stdout)
}
