package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/feed"
)

// DefaultTimeout bounds one source's run when Runner.Timeout is 0.
const DefaultTimeout = 10 * time.Minute

// saveEvery is the least time between two saves of the state in the middle
// of a source's run; it is always saved at the end of one.
const saveEvery = 250 * time.Millisecond

// Store is what the runner needs of the graph store.
type Store interface {
	ingest.Store
	Close() error
}

// Result is what one run of one source did.
type Result struct {
	// Source is the source's name.
	Source string
	// Start is when the run started; Duration how long it took.
	Start    time.Time
	Duration time.Duration
	// Summary counts the articles (Errors counts the bad items).
	Summary ingest.Summary
	// NotModified is true when the server answered 304 Not Modified.
	NotModified bool
	// Err is why the run failed (nil when it ran; bad items do not fail
	// it); it is ctx's error when the run was interrupted.
	Err error
	// Retry is when a failed source is tried again.
	Retry time.Time
}

// Runner pulls articles from its sources into the store, remembering in
// its state what it took. A Runner is used by one goroutine.
type Runner struct {
	// Sources are the sources, checked with CheckAll.
	Sources []Source
	// Open opens the store for one round of runs; the runner closes it.
	Open func(ctx context.Context) (Store, error)
	// Extractor turns articles into facts.
	Extractor ingest.Extractor
	// Resolver maps each article's people onto the stored ones
	// (ingest.Pipeline.Resolver); nil leaves them as extracted.
	Resolver ingest.Resolver
	// Fetcher makes the HTTP requests; nil means a zero Fetcher.
	Fetcher *feed.Fetcher
	// StatePath is the state file; empty keeps the state in memory only.
	StatePath string
	// State is the state in use; nil means the one in StatePath, loaded
	// on first use.
	State *State
	// Logger receives the runner's records; nil discards them.
	Logger *slog.Logger
	// Now gives the time; nil means time.Now.
	Now func() time.Time
	// Backoff spaces the retries of failing sources.
	Backoff Backoff
	// Timeout bounds each source's run; 0 means DefaultTimeout.
	Timeout time.Duration
	// ReadOptions are passed to the article readers.
	ReadOptions ingest.ReadOptions
	// MaxText caps each article's text (ingest.Pipeline.MaxText): 0
	// means ingest.DefaultMaxText, negative no cap.
	MaxText int
	// ArticleDelay is slept after each article (a test hook that makes
	// runs slow enough to interrupt); 0 means none.
	ArticleDelay time.Duration
	// OnResult, when set, is called after each source's run.
	OnResult func(Result)

	lastSave time.Time
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) log() *slog.Logger {
	if r.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Logger
}

// load reads the state when it is not loaded yet. A corrupt state file is
// moved aside with a warning naming where it went, and the run starts
// afresh rather than failing every source.
func (r *Runner) load() error {
	if r.State != nil {
		return nil
	}
	if r.StatePath == "" {
		r.State = &State{Version: stateVersion, Sources: map[string]*SourceState{}}
		return nil
	}
	s, err := LoadState(r.StatePath)
	if errors.Is(err, ErrCorruptState) {
		aside, merr := MoveAside(r.StatePath, r.now())
		if merr != nil {
			return errors.Join(err, merr)
		}
		r.log().Warn("state file unreadable: moved aside, starting with a fresh state (every source runs as new)",
			"err", err, "moved_to", aside)
		s, err = &State{Version: stateVersion, Sources: map[string]*SourceState{}}, nil
	}
	if err != nil {
		return err
	}
	r.State = s
	return nil
}

// save writes the state file (when there is one).
func (r *Runner) save() error {
	r.lastSave = r.now()
	if r.StatePath == "" {
		return nil
	}
	return r.State.Save(r.StatePath)
}

// maybeSave saves the state when the last save is older than saveEvery.
func (r *Runner) maybeSave() {
	if r.now().Sub(r.lastSave) < saveEvery {
		return
	}
	if err := r.save(); err != nil {
		r.log().Error("save state", "err", err)
	}
}

// Once runs every source once, in order, with the store opened once. It
// returns each source's result, and an error when the state is unreadable
// or ctx was cancelled; a failing source does not stop the others. A store
// that cannot be opened fails every source: each failure is recorded in
// the state (shown by `geokg sources`) and returned as its result.
func (r *Runner) Once(ctx context.Context) ([]Result, error) {
	if err := r.load(); err != nil {
		return nil, err
	}
	start := r.now()
	st, err := r.Open(ctx)
	if err != nil {
		all := make([]int, len(r.Sources))
		for i := range all {
			all[i] = i
		}
		return r.openFailed(all, start, err), ctx.Err()
	}
	var results []Result
	for i := range r.Sources {
		if ctx.Err() != nil {
			break
		}
		results = append(results, r.runSource(ctx, st, &r.Sources[i]))
	}
	err = st.Close()
	return results, errors.Join(ctx.Err(), err)
}

// Run runs each source when it is due, until ctx is cancelled; it then
// returns nil once the article in hand is stored and the state saved. The
// store is opened for each round of due sources and closed in between, so
// that other geokg commands can use it meanwhile; when it cannot be opened
// the sources due are failed and retried with backoff. A source never run
// is due at once; one that failed is due after its backoff.
func (r *Runner) Run(ctx context.Context) error {
	if err := r.load(); err != nil {
		return err
	}
	log := r.log()
	due := make([]time.Time, len(r.Sources))
	now := r.now()
	for i := range r.Sources {
		src := &r.Sources[i]
		st := r.State.Source(src.Name)
		switch {
		case st.LastRun.IsZero():
			due[i] = now
		case st.Failures > 0 && !st.NextRun.IsZero():
			due[i] = st.NextRun
		default:
			due[i] = src.Next(st.LastRun)
		}
		if !due[i].IsZero() && due[i].Before(now) {
			due[i] = now
		}
		st.NextRun = due[i]
	}
	for {
		next := time.Time{}
		for _, d := range due {
			if !d.IsZero() && (next.IsZero() || d.Before(next)) {
				next = d
			}
		}
		if next.IsZero() {
			log.Info("no source has a schedule; stopping")
			return nil
		}
		wait := time.NewTimer(max(0, next.Sub(r.now())))
		select {
		case <-ctx.Done():
			wait.Stop()
			log.Info("stopping", "reason", context.Cause(ctx))
			return nil
		case <-wait.C:
		}
		r.round(ctx, due)
		if ctx.Err() != nil {
			log.Info("stopping", "reason", context.Cause(ctx))
			return nil
		}
	}
}

// round runs the sources whose due time has come and sets their next one.
func (r *Runner) round(ctx context.Context, due []time.Time) {
	log := r.log()
	start := r.now()
	var ran []int
	for i, d := range due {
		if !d.IsZero() && !d.After(start) {
			ran = append(ran, i)
		}
	}
	var total ingest.Summary
	failed := 0
	st, err := r.Open(ctx)
	if err != nil {
		for k, res := range r.openFailed(ran, start, err) {
			failed++
			due[ran[k]] = res.Retry
		}
	} else {
		for _, i := range ran {
			if ctx.Err() != nil {
				break
			}
			res := r.runSource(ctx, st, &r.Sources[i])
			total.Add(res.Summary)
			if res.Err != nil && ctx.Err() == nil {
				failed++
			}
			due[i] = r.State.Source(r.Sources[i].Name).NextRun
		}
		if err := st.Close(); err != nil {
			log.Error("close store", "err", err)
		}
	}
	now := r.now()
	for i := range due {
		if !due[i].IsZero() && due[i].Before(now) {
			due[i] = now
		}
	}
	log.Info("round done", "sources", len(ran), "failed", failed, "new", total.New, "updated", total.Updated,
		"unchanged", total.Unchanged, "errors", total.Errors, "duration", now.Sub(start).Round(time.Millisecond))
}

// openFailed records that the sources at indexes ran could not run
// because the store did not open (err), saves the state and reports each
// result.
func (r *Runner) openFailed(ran []int, start time.Time, err error) []Result {
	results := make([]Result, 0, len(ran))
	for _, i := range ran {
		src := &r.Sources[i]
		st := r.State.Source(src.Name)
		st.LastRun = start
		st.Runs++
		res := r.fail(src, start, fmt.Errorf("open store: %w", err))
		if r.OnResult != nil {
			r.OnResult(res)
		}
		results = append(results, res)
	}
	if err := r.save(); err != nil {
		r.log().Error("save state", "err", err)
	}
	return results
}

// fail records a failed run of src that started at start; the caller
// saves the state and reports the result.
func (r *Runner) fail(src *Source, start time.Time, err error) Result {
	st := r.State.Source(src.Name)
	st.Failures++
	st.Errors++
	st.LastError = err.Error()
	delay := r.Backoff.Delay(st.Failures)
	end := r.now()
	st.NextRun = end.Add(delay)
	res := Result{Source: src.Name, Start: start, Duration: end.Sub(start), Err: err, Retry: st.NextRun}
	// A caller that reports each result (OnResult) shows the failure
	// itself: the log line is then informational, so it prints once.
	level := slog.LevelError
	if r.OnResult != nil {
		level = slog.LevelInfo
	}
	r.log().Log(context.Background(), level, "source failed", "source", src.Name, "err", err, "failures", st.Failures, "retry_in", delay.Round(time.Second))
	return res
}

// runSource runs src once against db and records the outcome.
func (r *Runner) runSource(ctx context.Context, db Store, src *Source) Result {
	log := r.log().With("source", src.Name)
	st := r.State.Source(src.Name)
	start := r.now()
	st.LastRun = start
	st.Runs++
	timeout := r.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	sctx, cancel := context.WithTimeoutCause(ctx, timeout, fmt.Errorf("source run took over %s", timeout))
	defer cancel()
	j := &job{r: r, src: src, st: st, log: log, fetcher: r.Fetcher,
		p: &ingest.Pipeline{Store: db, Extractor: r.Extractor, Resolver: r.Resolver, Logger: log, Now: r.Now, MaxText: r.MaxText}}
	if j.fetcher == nil {
		j.fetcher = &feed.Fetcher{}
	}
	log.Debug("source run", "kind", src.Kind, "where", src.Where())
	err := j.run(sctx)
	if err != nil && sctx.Err() != nil && ctx.Err() == nil {
		err = fmt.Errorf("%w: %w", context.Cause(sctx), err)
	}
	var res Result
	switch {
	case ctx.Err() != nil:
		// Interrupted: not the source's fault; it is due again at once.
		res = Result{Source: src.Name, Start: start, Duration: r.now().Sub(start), Err: ctx.Err()}
		log.Info("source interrupted", "read", j.sum.Read, "new", j.sum.New)
	case err != nil:
		res = r.fail(src, start, err)
	default:
		end := r.now()
		st.Failures = 0
		st.LastSuccess = end
		st.LastError = ""
		if j.lastErr != nil {
			st.LastError = j.lastErr.Error()
		}
		st.NextRun = src.Next(start)
		res = Result{Source: src.Name, Start: start, Duration: end.Sub(start), NotModified: j.notModified}
		log.Info("source run done", "read", j.sum.Read, "new", j.sum.New, "updated", j.sum.Updated,
			"unchanged", j.sum.Unchanged, "facts_added", j.sum.FactsAdded, "errors", j.sum.Errors,
			"not_modified", j.notModified, "duration", res.Duration.Round(time.Millisecond))
	}
	res.Summary = j.sum
	if err := r.save(); err != nil {
		log.Error("save state", "err", err)
		if res.Err == nil {
			res.Err = err
		}
	}
	if r.OnResult != nil {
		r.OnResult(res)
	}
	return res
}
