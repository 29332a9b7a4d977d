package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/store"
)

// app is the state shared by the subcommands of one invocation.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	cfg            Config
	log            *slog.Logger
	// allSources is query's --all-sources: read every source of each
	// answer, not only its evidence.
	allSources bool
}

// errSilent marks an error already reported to the user; run exits non-zero
// without printing it again.
type errSilent struct{ err error }

func (e errSilent) Error() string { return e.err.Error() }
func (e errSilent) Unwrap() error { return e.err }

func isSilent(err error) bool {
	var s errSilent
	return errors.As(err, &s)
}

// exitCode maps an error to the process exit status: 0 for none, else 1.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	return 1
}

func newRootCmd(a *app) *cobra.Command {
	if a.getenv == nil {
		a.getenv = os.Getenv
	}
	root := &cobra.Command{
		Use:   "geokg",
		Short: "Build a geopolitical knowledge graph from news and query it over time",
		Long: `geokg reads news articles (JSONL, text/Markdown, HTML, directories, stdin),
extracts dated, sourced facts such as "Rutte leads NATO (Secretary General,
from 2024-10)" or "Trump met Rutte (2024-11-29, Palm Beach)", stores them in a
Cayley graph (an embedded bbolt store by default) and answers questions about
them over time.

Settings come from flags, GEOKG_* environment variables (GEOKG_DB,
GEOKG_LOG_LEVEL, GEOKG_INGEST_WORKERS, ...) and a YAML config file, in that
order; see data/geokg.example.yaml for every key and its default.`,
		Example: `  geokg quickstart                      # ingest the bundled samples and ask a few questions
  geokg ingest articles.jsonl news/      # ingest files and folders into ./geokg.db
  geokg query facts --object NATO --predicate leads --at 2024-12-15
  geokg export --format jsonl -o facts.jsonl`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(cmd, a.getenv)
			if err != nil {
				return err
			}
			a.cfg = cfg
			a.log, err = newLogger(cfg, a.stderr)
			return err
		},
	}
	root.Version = versionLine()
	root.SetVersionTemplate("{{.Version}}\n")
	pf := root.PersistentFlags()
	pf.String("db", defaultConfig().DB, dbHelp())
	pf.String("config", "", "YAML config file (env GEOKG_CONFIG; default ./geokg.yaml when present)")
	pf.String("log-level", defaultConfig().LogLevel, "log level: debug, info, warn or error (env GEOKG_LOG_LEVEL)")
	pf.String("log-format", defaultConfig().LogFormat, "log format: text or json (env GEOKG_LOG_FORMAT)")
	root.AddCommand(newIngestCmd(a), newExportCmd(a), newQueryCmd(a), newQuickstartCmd(a))
	// Each area registers its own commands in its own file.
	addExchangeCmds(root, a)    // import.go
	addAskCmds(root, a)         // ask.go, console.go
	addScheduleCmds(root, a)    // schedule.go, sources.go
	addServeCmds(root, a)       // serve.go
	addMaintenanceCmds(root, a) // check.go, delete.go
	addBenchCmd(root, a)        // bench.go
	return root
}

// dbHelp is the help of --db, listing every backend of the store's table
// with its example dsns.
func dbHelp() string {
	var parts []string
	for _, b := range store.Backends() {
		parts = append(parts, fmt.Sprintf("%s (%s)", b.Name, strings.Join(b.Examples, ", ")))
	}
	return "store (env GEOKG_DB): " + strings.Join(parts, "; ")
}

// openStore opens the configured store; a writer's resident memory is
// bounded by ingest.max_resident (0: no bound).
func (a *app) openStore(ctx context.Context, readOnly bool) (*store.Store, error) {
	ceiling := a.cfg.Ingest.MaxResident
	if ceiling == 0 {
		ceiling = -1
	}
	return store.Open(ctx, a.cfg.DB, store.Options{ReadOnly: readOnly, Logger: a.log.With("component", "store"), ResidentCeiling: ceiling})
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
