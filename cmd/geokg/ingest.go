package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
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
the run goes on, and the exit status is 1 when anything failed; a full disk
stops the run at the first failed write. Ctrl-C finishes the articles in
hand and exits 0, the summary saying the run was interrupted. Without a
terminal a progress line goes to stderr every --progress-every. An article
without a date is ingested with a warning and its relative dates ("on
Friday") are left unresolved.

--batch N loads in bulk: on bbolt up to N articles are written in one
transaction and flushed to disk at once (sooner when no article is
waiting). An article is counted stored only after its flush, so killing
the process loses nothing reported; a power failure during a batch may
damage the store, so use it for loads you can repeat. An article whose
write fails costs only itself: the others of its batch are written again
one by one. On PostgreSQL the articles between two flushes share one
transaction too, holding the database's write lock (other geokg processes
writing it wait) for at most ~250 ms or 500 articles; a killed geokg loses
nothing it reported.`,
		Example: `  geokg ingest articles.jsonl
  geokg ingest --db /var/lib/geokg news/ extra.md
  curl -s https://example.org/feed.jsonl | geokg ingest -
  geokg ingest --published 2025-02-14 notes.md
  geokg ingest --batch 200 archive.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runIngest(cmd, args)
		},
	}
	cmd.Flags().String("published", "", "publication date for text/HTML articles that carry none: 2024-11-30, 30 November 2024, Nov 30 2024")
	cmd.Flags().Int("workers", 0, "concurrent extractions (0 = one per CPU)")
	cmd.Flags().Int64("max-bytes", defaultConfig().Ingest.MaxBytes, "largest file or JSONL line accepted, in bytes")
	cmd.Flags().Int("batch", defaultConfig().Ingest.Batch, "articles per transaction and flush to disk for bulk loads (bbolt and PostgreSQL; 1 = each on its own)")
	cmd.Flags().Int("max-text", defaultConfig().Ingest.MaxText, "largest article text read, in bytes; the rest is cut with a warning (negative: no cap)")
	cmd.Flags().Duration("progress-every", defaultConfig().Ingest.ProgressEvery, "without a terminal, print a progress line to stderr this often (0: never)")
	cmd.Flags().Int64("max-resident", defaultConfig().Ingest.MaxResident, "bbolt: the process's resident memory, in bytes, past which the store's file pages are released (0: no bound; raise it for bulk loads on a machine with memory to spare)")
	return cmd
}

func (a *app) runIngest(cmd *cobra.Command, args []string) error {
	ctx := cmd.Context()
	if _, err := publishedDate("--published", a.cfg.Ingest.Published); err != nil {
		return err // before the store is created
	}
	st, err := a.openStore(ctx, false)
	if c := a.serverFor(ctx, err); c != nil {
		return a.ingestViaServer(ctx, c, args)
	}
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
	p, err := a.newPipeline(st)
	if err != nil {
		return err
	}
	defer applyMemoryLimit(a.cfg.Ingest.MemoryLimit)()
	// Each bad item is reported once: as a JSON log record when the logs
	// are JSON (for machines), else as a plain line.
	// stderr is shared by the problem lines and the progress lines.
	stderr := &lockedWriter{w: a.stderr}
	if a.cfg.LogFormat == "json" {
		p.Logger = a.log.With("component", "ingest")
	} else {
		p.OnError = func(e *ingest.ReadError) { fmt.Fprintln(stderr, render.ItemProblem(e)) }
	}
	var progress *mpb.Progress
	stopLines := func() {}
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
	} else if every := a.cfg.Ingest.ProgressEvery; every > 0 && a.cfg.LogFormat != "json" {
		stopLines = progressLines(stderr, p, every)
	}
	sum, err := p.Run(ctx, args, a.stdin, ingest.ReadOptions{Published: published, MaxBytes: a.cfg.Ingest.MaxBytes})
	stopLines() // no progress line after the summary (stdout and stderr may be one file)
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

// newPipeline returns the ingest pipeline of the configured settings,
// writing into st.
func (a *app) newPipeline(st *store.Store) (*ingest.Pipeline, error) {
	ex, err := extract.New()
	if err != nil {
		return nil, err
	}
	res, err := resolve.New()
	if err != nil {
		return nil, err
	}
	return &ingest.Pipeline{
		Store:     st,
		Extractor: ex,
		Resolver:  res,
		Workers:   a.cfg.Ingest.Workers,
		Batch:     a.cfg.Ingest.Batch,
		MaxText:   a.cfg.Ingest.MaxText,
	}, nil
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

// lockedWriter serialises the writes of several goroutines to w.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

// Write writes p to the underlying writer under the lock.
func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// progressLines prints a line to w every interval while p runs, for runs
// without a terminal (logs, CI), and returns the function that stops it.
// The line says how many articles were handled so far and how long the
// run has taken.
func progressLines(w io.Writer, p *ingest.Pipeline, every time.Duration) (stop func()) {
	var mu sync.Mutex
	var last ingest.Summary
	p.OnArticle = func(s ingest.Summary) {
		mu.Lock()
		last = s
		mu.Unlock()
	}
	start := time.Now()
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case now := <-t.C:
				mu.Lock()
				s := last
				mu.Unlock()
				fmt.Fprintf(w, "ingesting: %d articles read, %d new, %d errors (%s)\n",
					s.Read, s.New, s.Errors, now.Sub(start).Round(time.Second))
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}
