package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

func newIngestCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read articles and store their facts",
		Long: `Ingest reads news articles and stores the facts they state.

PATH may be a file, a directory (read recursively; hidden files and unknown
extensions are skipped) or "-" for standard input. Formats:
  .jsonl/.ndjson  one article per line: id, title, published|date|publishedAt,
                  url, text|body|content
  .txt/.md        optional YAML front matter (title, published, url, id);
                  --published gives a date to files without one
  .html/.htm      title and date from the page's meta tags, main text only

Re-ingesting an article that is already stored (same id and content, or same
content) adds nothing; changed text or a new publication date (--published)
updates it: what the old version stated and the new one does not is
withdrawn (still answered with --as-known dates before the update). A bad line or file is reported with its name and line,
the run goes on, and the exit status is 1 when anything failed. An article
without a date is ingested with a warning and its relative dates ("on
Friday") are left unresolved.`,
		Example: `  geokg ingest articles.jsonl
  geokg ingest --db /var/lib/geokg news/ extra.md
  curl -s https://example.org/feed.jsonl | geokg ingest -
  geokg ingest --published 2025-02-14 notes.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runIngest(cmd, args)
		},
	}
	cmd.Flags().String("published", "", "publication date for text/HTML articles that carry none: 2024-11-30, 30 November 2024, Nov 30 2024")
	cmd.Flags().Int("workers", 0, "concurrent extractions (0 = one per CPU)")
	cmd.Flags().Int64("max-bytes", defaultConfig().Ingest.MaxBytes, "largest file or JSONL line accepted, in bytes")
	return cmd
}

func (a *app) runIngest(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	if _, err := publishedDate("--published", a.cfg.Ingest.Published); err != nil {
		return err // before the store is created
	}
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	defer st.Close()
	return a.ingestInto(ctx, st, args)
}

// ingestInto ingests the articles at args into the open store st, printing
// each bad item once and the summary line.
func (a *app) ingestInto(ctx context.Context, st *store.Store, args []string) error {
	published, err := publishedDate("--published", a.cfg.Ingest.Published)
	if err != nil {
		return err
	}
	ex, err := extract.New()
	if err != nil {
		return err
	}
	res, err := resolve.New()
	if err != nil {
		return err
	}
	p := &ingest.Pipeline{
		Store:     st,
		Extractor: ex,
		Resolver:  res,
		Workers:   a.cfg.Ingest.Workers,
	}
	// Each bad item is reported once: as a JSON log record when the logs
	// are JSON (for machines), else as a plain line.
	if a.cfg.LogFormat == "json" {
		p.Logger = a.log.With("component", "ingest")
	} else {
		p.OnError = func(e *ingest.ReadError) { fmt.Fprintln(a.stderr, render.ItemProblem(e)) }
	}
	var progress *mpb.Progress
	if isTerminal(a.stderr) {
		progress = mpb.NewWithContext(ctx, mpb.WithOutput(a.stderr), mpb.WithRefreshRate(150*time.Millisecond))
		bar := progress.New(0, mpb.SpinnerStyle(),
			mpb.PrependDecorators(decor.Name("ingesting ")),
			mpb.AppendDecorators(decor.CurrentNoUnit("%d articles"), decor.Name(" "), decor.AverageSpeed(0, "%.0f/s")))
		p.OnArticle = func(ingest.Summary) { bar.Increment() }
		defer func() {
			bar.SetTotal(-1, true)
			progress.Wait()
		}()
	}
	sum, err := p.Run(ctx, args, a.stdin, ingest.ReadOptions{Published: published, MaxBytes: a.cfg.Ingest.MaxBytes})
	if progress != nil {
		p.OnArticle = nil
	}
	fmt.Fprintln(a.stdout, sum.String())
	if err != nil && !(sum.Interrupted && errors.Is(err, context.Canceled)) {
		return err
	}
	if sum.Errors > 0 {
		return errSilent{fmt.Errorf("%d items failed", sum.Errors)}
	}
	return nil
}

// publishedDate reads the publication date v given by option name
// (--published, or ingest.published in the config) as the other date flags
// read theirs; "" is no date. A value that is not one whole date is an error
// naming the value and the forms accepted.
func publishedDate(name, v string) (graph.Date, error) {
	d, err := parseDateFlag(name, v)
	if err != nil {
		return graph.Date{}, fmt.Errorf("%w (want a date such as 2024-11-30, 30 November 2024, Nov 30 2024 or 2024-11)", err)
	}
	return d, nil
}
