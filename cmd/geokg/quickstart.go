package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

func newQuickstartCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "quickstart",
		Short: "Ingest the bundled sample articles and answer a few questions",
		Long: `Quickstart ingests the sample articles that ship inside geokg (written for
the project, on real events of 2023-2025) into the store (./geokg.db by
default), then asks the graph a few time-aware questions and prints the
answers. Running it again adds nothing: the articles are already stored.`,
		Example: `  geokg quickstart
  geokg quickstart --db /tmp/demo.db`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			dir, err := os.MkdirTemp("", "geokg-samples-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			if err := os.CopyFS(dir, data.Samples); err != nil {
				return fmt.Errorf("unpack samples: %w", err)
			}
			n := 0
			_ = fs.WalkDir(data.Samples, ".", func(_ string, d fs.DirEntry, _ error) error {
				if d != nil && !d.IsDir() {
					n++
				}
				return nil
			})
			fmt.Fprintf(a.stdout, "Ingesting %d sample articles into %s\n", n, store.Redact(a.cfg.DB))
			// One open store for the ingest and the answers: a "memory"
			// store is gone once closed.
			st, err := a.openStore(ctx, false)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := a.ingestInto(ctx, st, []string{filepath.Join(dir, "samples")}); err != nil {
				return err
			}
			return a.quickAnswers(ctx, queries.NewAnswering(st))
		},
	}
}

// quickQuestion is one question the quickstart asks.
type quickQuestion struct {
	text string
	q    queries.FactsQuery
	side string // which side of the answer to print: "subject", "object" or "other"
}

func (a *app) quickAnswers(ctx context.Context, e *queries.Engine) error {
	day := func(s string) graph.Date { d, _ := graph.ParseDate(s); return d }
	qs := []quickQuestion{
		{"Who led NATO on 2024-09-15?", queries.FactsQuery{Predicate: graph.Leads, Object: "NATO", At: day("2024-09-15")}, "subject"},
		{"Who led NATO on 2024-12-15?", queries.FactsQuery{Predicate: graph.Leads, Object: "NATO", At: day("2024-12-15")}, "subject"},
		{"Who led the United Kingdom on 2024-06-01?", queries.FactsQuery{Predicate: graph.Leads, Object: "United Kingdom", At: day("2024-06-01")}, "subject"},
		{"Who led the United Kingdom on 2024-08-01?", queries.FactsQuery{Predicate: graph.Leads, Object: "United Kingdom", At: day("2024-08-01")}, "subject"},
		{"Which countries were NATO members on 2024-06-01?", queries.FactsQuery{Predicate: graph.MemberOf, Object: "NATO", At: day("2024-06-01")}, "subject"},
		{"Whom did Mark Rutte meet in October 2024?", queries.FactsQuery{Predicate: graph.Met, Subject: "Mark Rutte", From: day("2024-10-01"), To: day("2024-10-31")}, "other"},
		{"Whom did the United States sanction in 2025?", queries.FactsQuery{Predicate: graph.Sanctioned, Subject: "United States", From: day("2025"), To: day("2025-12-31")}, "object"},
	}
	fmt.Fprintln(a.stdout)
	for _, q := range qs {
		answers, err := e.Facts(ctx, q.q)
		if err != nil {
			fmt.Fprintf(a.stdout, "%s\n  (%v)\n", q.text, err)
			continue
		}
		fmt.Fprintln(a.stdout, q.text)
		if len(answers) == 0 {
			fmt.Fprintln(a.stdout, "  (no answer in the graph)")
		}
		for _, an := range answers {
			name := an.Subject.Name
			if q.side == "object" || q.side == "other" && matchesName(an.Subject, q.q.Subject) {
				name = an.Object.Name
			}
			if err := render.WriteAnswerLine(a.stdout, name, an.Fact); err != nil {
				return err
			}
		}
	}
	b, err := store.BackendFor(a.cfg.DB)
	if err != nil || !b.Persistent() {
		fmt.Fprintf(a.stdout, "\nThe %s store is gone when geokg exits; give --db a directory to keep the graph and query it again.\n", store.Redact(a.cfg.DB))
		return nil
	}
	fmt.Fprintf(a.stdout, "\nTry: %s --db %s query facts --subject Rutte\n", selfCommand(), store.Redact(a.cfg.DB))
	if selfCommand() == goRunCommand {
		fmt.Fprintln(a.stdout, "(or build the binary once: go build -o geokg ./cmd/geokg, then ./geokg ...)")
	}
	return nil
}

// goRunCommand is how to run geokg from a source checkout without
// building it.
const goRunCommand = "go run ./cmd/geokg"

// selfCommand returns the command a user types to run this geokg again:
// "go run ./cmd/geokg" when it was started by go run (a binary in Go's
// build cache, gone after it exits), "geokg" when that name on PATH is this
// program, else the path it was started by.
func selfCommand() string {
	self, err := os.Executable()
	if err != nil {
		return "geokg"
	}
	if strings.Contains(filepath.ToSlash(self), "/go-build") {
		return goRunCommand
	}
	if p, err := exec.LookPath("geokg"); err == nil {
		if same(p, self) {
			return "geokg"
		}
	}
	if filepath.Base(os.Args[0]) == os.Args[0] {
		return self
	}
	return os.Args[0]
}

// same reports whether paths a and b name the same file.
func same(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// matchesName reports whether e is the entity the question named.
func matchesName(e graph.Entity, name string) bool {
	if graph.Slug(e.Name) == graph.Slug(name) {
		return true
	}
	for _, al := range e.Aliases {
		if graph.Slug(al) == graph.Slug(name) {
			return true
		}
	}
	return false
}
