package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/feed"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

// testDelayEnv names a test hook: a duration slept after each article by
// `geokg schedule`, so that tests can interrupt a run half-way.
const testDelayEnv = "GEOKG_TEST_ARTICLE_DELAY"

// addScheduleCmds registers the commands of this file on parent.
func addScheduleCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newScheduleCmd(a), newSourcesCmd(a))
}

func newScheduleCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Pull new articles from the configured sources, on their schedules",
		Long: `Schedule runs the ingest job: it pulls new articles from the sources listed
under "sources:" in the config file (RSS/Atom feeds, JSONL files, folders,
HTML pages), each on its own schedule (every: 15m, or cron: "*/15 * * * *"),
and stores their facts.

What each source already gave is remembered in a state file (by default
sources.state.json in the store directory): HTTP validators for conditional
requests, the ids of the feed items taken, JSONL offsets, folder files. A
rerun adds nothing already stored, and a restart resumes where it stopped.

A failing source (timeout, HTTP error, malformed feed) is logged and retried
with a growing backoff while the others go on. SIGINT or SIGTERM finish the
article in hand, save the state and exit. Between rounds the store is closed,
so other geokg commands can read it.

With --once every source is run once and geokg exits (for cron or systemd
timers); the exit status is 1 when a source failed. Each source's run ends
with a summary line; --log-level info logs every stored article.`,
		Example: `  geokg schedule --config geokg.yaml                  # run until stopped
  geokg schedule --once --log-format json             # one pass, JSON logs
  geokg schedule --once --source wire --source inbox  # only these sources
  geokg sources                                       # what each source did`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			once, _ := cmd.Flags().GetBool("once")
			only, _ := cmd.Flags().GetStringSlice("source")
			return a.runSchedule(cmd.Context(), once, only)
		},
	}
	cmd.Flags().Bool("once", false, "run every source once and exit")
	cmd.Flags().StringSlice("source", nil, "run only the named source (repeatable)")
	return cmd
}

// statePath returns the source state file, or "" to keep it in memory
// (schedule.StatePath).
func (a *app) statePath() string { return schedule.StatePath(a.cfg.Schedule.State, a.cfg.DB) }

// newRunner builds the runner of the checked sources, as `geokg schedule`
// and `geokg serve --schedule` run them: it takes the state file's lock
// and prepares the extractor, the resolver, the fetcher and the store
// opener (the store is opened for writing per round). held is the store to
// write into when the backend does not outlive the process ("memory"); nil
// opens one. The caller sets OnResult, and calls release (which unlocks the
// state file and closes what newRunner opened) once the runner is done.
func (a *app) newRunner(ctx context.Context, sources []schedule.Source, held *store.Store, log *slog.Logger) (_ *schedule.Runner, release func(), err error) {
	var undo []func()
	undoAll := func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	defer func() {
		if err != nil {
			undoAll()
		}
	}()
	policy := feed.HostPolicy{Allow: a.cfg.Schedule.AllowHosts, Deny: a.cfg.Schedule.DenyHosts,
		DenyPrivate: a.cfg.Schedule.DenyPrivate}
	if err := policy.Check(); err != nil {
		return nil, nil, fmt.Errorf("schedule.allow_hosts/deny_hosts: %w", err)
	}
	var delay time.Duration
	if v := a.getenv(testDelayEnv); v != "" {
		if delay, err = time.ParseDuration(v); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", testDelayEnv, err)
		}
	}
	published, err := publishedDate("ingest.published", a.cfg.Ingest.Published)
	if err != nil {
		return nil, nil, err
	}
	backend, err := store.BackendFor(a.cfg.DB)
	if err != nil {
		return nil, nil, err
	}
	path := a.statePath()
	if path == "" && backend.Persistent() {
		log.Warn("schedule.state is not set for this store: source state is kept in memory only, and a restart reads every source again (the store skips what it holds)")
	}
	if path != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, nil, err
		}
		unlock, err := schedule.LockState(path)
		if err != nil {
			return nil, nil, err
		}
		undo = append(undo, unlock)
	}
	ex, err := extract.New()
	if err != nil {
		return nil, nil, err
	}
	res, err := resolve.New()
	if err != nil {
		return nil, nil, err
	}
	open := func(ctx context.Context) (schedule.Store, error) { return a.openStore(ctx, false) }
	if !backend.Persistent() {
		// The store would be gone when closed between rounds.
		if held == nil {
			if held, err = a.openStore(ctx, false); err != nil {
				return nil, nil, err
			}
			undo = append(undo, func() { _ = held.Close() })
		}
		open = func(context.Context) (schedule.Store, error) { return nopCloseStore{held}, nil }
	}
	return &schedule.Runner{
		Sources:   sources,
		Open:      open,
		Extractor: ex,
		Resolver:  res,
		Fetcher: &feed.Fetcher{Timeout: a.cfg.Schedule.HTTPTimeout, MaxBytes: a.cfg.Ingest.MaxBytes,
			UserAgent: a.cfg.Schedule.UserAgent, Client: feed.NewClient(policy)},
		StatePath:    path,
		Logger:       log,
		Backoff:      schedule.Backoff{Base: a.cfg.Schedule.Backoff, Max: a.cfg.Schedule.MaxBackoff},
		Timeout:      a.cfg.Schedule.Timeout,
		ReadOptions:  ingest.ReadOptions{Published: published, MaxBytes: a.cfg.Ingest.MaxBytes},
		MaxText:      a.cfg.Ingest.MaxText,
		ArticleDelay: delay,
	}, undoAll, nil
}

// nopCloseStore keeps the "memory" store open across rounds.
type nopCloseStore struct{ *store.Store }

func (nopCloseStore) Close() error { return nil }

func (a *app) runSchedule(ctx context.Context, once bool, only []string) error {
	sources, err := schedule.Select(a.cfg.Sources, only)
	if errors.Is(err, schedule.ErrNoSuchSource) {
		return fmt.Errorf("--source %w", err)
	}
	if err != nil {
		return err
	}
	if err := schedule.CheckAll(sources, !once); err != nil {
		return err
	}
	log := a.log.With("component", "schedule")
	r, release, err := a.newRunner(ctx, sources, nil, log)
	if err != nil {
		return err
	}
	defer release()
	r.OnResult = func(res schedule.Result) { fmt.Fprintln(a.stdout, render.ResultLine(res)) }
	if !once {
		log.Info("schedule started", "sources", len(sources), "state", r.StatePath)
		return r.Run(ctx)
	}
	results, err := r.Once(ctx)
	if errors.Is(err, context.Canceled) {
		fmt.Fprintln(a.stdout, "interrupted; the state is saved and the next run resumes")
		return nil
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(a.stdout, render.RunLine(results))
	total, failed := schedule.Totals(results)
	log.Info("run done", "sources", len(results), "failed", failed, "new", total.New, "unchanged", total.Unchanged, "errors", total.Errors)
	if failed > 0 {
		return errSilent{fmt.Errorf("%d of %d sources failed", failed, len(results))}
	}
	return nil
}
