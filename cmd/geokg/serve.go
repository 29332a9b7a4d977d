package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/server"
	"github.com/geokg/geokg/store"
)

// addServeCmds registers the commands of this file on parent.
func addServeCmds(parent *cobra.Command, a *app) {
	parent.AddCommand(newServeCmd(a))
}

// serveOptions are the flags of `geokg serve`.
type serveOptions struct {
	addr       string
	timeout    time.Duration
	maxBody    int64
	maxResults int
	maxIngest  int64
	schedule   bool
}

func newServeCmd(a *app) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web console and the JSON API over HTTP",
		Long: `Serve answers the web console at / (questions, evidence, timeline,
graph, paths, Gizmo, downloads; built into the binary, works offline) and
the versioned JSON API (/api/v1/...: ask, facts, holders, timeline, path,
neighbors, entities, gizmo, stats, sources, export, ingest), its
OpenAPI document (/api/v1/openapi.json), /healthz and Prometheus metrics
(/metrics) from the store, read-only but for token-protected ingest. Parameters are named as the CLI's
flags ("as-known" is as_known); errors are {"error": "..."} with the status.

It binds 127.0.0.1 unless --addr says otherwise, caps request bodies and
list answers, cancels a query that runs past --timeout (504), sends no CORS
headers and sets security headers. A bbolt store is opened read-only for
each request, so "geokg ingest" can write between requests (a request made
while it writes answers 503); other backends are opened once. SIGINT or
SIGTERM stops taking requests and finishes those in flight.

With --schedule the server also runs the configured sources on their
schedules, as "geokg schedule" does, in the same process: the server owns
the scheduling. Each round opens the store for writing and closes it after;
meanwhile the requests (and HTTP ingests) use the store the round holds. Rounds are counted in /metrics (geokg_ingest_rounds_total,
geokg_ingest_errors_total per source) and shown by /api/v1/sources. SIGINT
or SIGTERM also stop the scheduler once the article in hand is stored.

While the server runs on a bbolt store it keeps an address file,
geokg.serve.json, in the store directory (owner-only: it holds the
server's address, its pid and a random per-run token; removed on a clean
shutdown). When the CLI's ingest, query (facts, holders, timeline, path,
neighbors, entities, gizmo), ask, export or console find the store locked
(a round of --schedule or an HTTP ingest is writing), they read that file
and send the same request to the server, printing what they would have
printed (the console decides line by line); a file whose process is gone or
whose address does not answer /healthz is stale and ignored. Meanwhile
the server answers from the store it is writing.

POST /api/v1/ingest stores articles (JSONL, a JSON article or the text of
one; at most --max-ingest bytes) for a client with a token: the per-run
token of the address file (so only users who can read the store directory)
or --token (serve.token, GEOKG_SERVE_TOKEN) for remote clients. Without
one it answers 403.`,
		Example: `  geokg serve
  geokg serve --addr 127.0.0.1:9000 --timeout 10s
  geokg serve --config geokg.yaml --schedule
  curl 'http://127.0.0.1:8080/api/v1/ask?q=who+leads+NATO'
  curl 'http://127.0.0.1:8080/api/v1/facts?object=NATO&predicate=leads&at=2024-12-15'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runServe(cmd.Context(), &o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.addr, "addr", server.DefaultAddr, "address to listen on (host:port)")
	f.DurationVar(&o.timeout, "timeout", server.DefaultTimeout, "time limit of each request")
	f.Int64Var(&o.maxBody, "max-body", server.DefaultMaxBody, "largest request body, in bytes")
	f.IntVar(&o.maxResults, "max-results", server.DefaultMaxResults, "most items in a list answer")
	f.Int64Var(&o.maxIngest, "max-ingest", server.DefaultMaxIngest, "largest ingest request body, in bytes")
	f.BoolVar(&o.schedule, "schedule", false, "also run the configured sources on their schedules")
	f.String("token", "", "token that lets HTTP clients ingest (env GEOKG_SERVE_TOKEN; config serve.token)")
	return cmd
}

// runServe opens the store as its backend wants (server.OpenerFor) and
// serves until ctx ends; with o.schedule it runs the scheduled sources
// meanwhile, and on the way out stops them (the article in hand is
// stored) and finishes the requests in flight before closing the store.
func (a *app) runServe(ctx context.Context, o *serveOptions) error {
	open := func(ctx context.Context) (server.ClosingStore, error) { return a.openStore(ctx, true) }
	var (
		runner  *schedule.Runner
		live    *liveState
		metrics *server.Metrics
		srv     *server.Server
		held    *store.Store
		writer  *sharedWriter
	)
	backend, err := store.BackendFor(a.cfg.DB)
	if err != nil {
		return err
	}
	if backend.Persistent() {
		writer = &sharedWriter{open: func(ctx context.Context) (*store.Store, error) { return a.openStore(ctx, false) },
			lend: func(st *store.Store) func() { return srv.Lend(st) }}
	}
	if !backend.Persistent() {
		// One store for the server's reads and every write (the
		// scheduler's, HTTP ingests): a second "memory" store would be
		// another, empty one.
		if held, err = a.openStore(ctx, false); err != nil {
			return err
		}
		defer held.Close()
		open = func(context.Context) (server.ClosingStore, error) { return nopCloseStore{held}, nil }
	}
	if o.schedule {
		sources, err := schedule.Select(a.cfg.Sources, nil)
		if err != nil {
			return fmt.Errorf("serve --schedule: %w", err)
		}
		if err := schedule.CheckAll(sources, true); err != nil {
			return err
		}
		if backend.Persistent() {
			// Create the store when missing, as `geokg schedule` does,
			// so a first start serves an empty store that fills.
			s, err := a.openStore(ctx, false)
			if err != nil {
				return err
			}
			if err := s.Close(); err != nil {
				return err
			}
		}
		if !loopbackAddr(o.addr) && !a.cfg.Schedule.DenyPrivate {
			// Exposed beyond this machine: a feed must not lead the
			// server to other hosts of its network.
			a.cfg.Schedule.DenyPrivate = true
			a.log.Info("schedule.deny_private on: the server listens beyond loopback", "addr", o.addr)
		}
		r, release, err := a.newRunner(ctx, sources, held, a.log.With("component", "schedule"))
		if err != nil {
			return err
		}
		defer release()
		if r.StatePath == "" {
			live = &liveState{}
		}
		r.OnResult = func(res schedule.Result) {
			if res.Err != nil && ctx.Err() != nil && errors.Is(res.Err, ctx.Err()) {
				return // interrupted by the shutdown: not a round
			}
			metrics.IngestRound(res.Source, res.Err)
			live.record(r.State)
			fmt.Fprintln(a.stdout, render.ResultLine(res))
		}
		if writer != nil {
			// A round writes through the shared writer, so the requests
			// read its store and HTTP ingests write into it meanwhile.
			r.Open = func(ctx context.Context) (schedule.Store, error) { return writer.acquire(ctx) }
		}
		runner = r
	}
	opener, err := server.OpenerFor(ctx, a.cfg.DB, open)
	if err != nil {
		return err
	}
	defer opener.Close()
	runToken, err := server.NewToken()
	if err != nil {
		return err
	}
	opts := server.Options{
		Timeout: o.timeout, MaxBody: o.maxBody, MaxResults: o.maxResults, MaxIngest: o.maxIngest,
		Sources: a.cfg.Sources, StatePath: a.statePath(), Logger: a.log,
		Tokens: []string{runToken, a.cfg.Serve.Token},
		Ingest: a.serveIngest(writer, held),
	}
	if live != nil {
		opts.State = live.snapshot
	}
	srv = server.New(opener, opts)
	metrics = srv.Metrics()
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if backend.Dir {
		remove, err := server.WriteAddress(a.cfg.DB, server.Address{Addr: server.DialAddr(ln.Addr()), PID: os.Getpid(), Token: runToken})
		if err != nil {
			ln.Close()
			return err
		}
		defer remove()
	}
	fmt.Fprintf(a.stderr, "serving http://%s/api/v1/ and the web console at http://%s/ (Ctrl-C stops)\n", ln.Addr(), ln.Addr())
	a.log.Info("serving", "addr", ln.Addr().String(), "schedule", o.schedule)
	if runner == nil {
		return srv.Serve(ctx, ln)
	}
	// The runner and the server stop together: on ctx's end, or when
	// either fails.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ran := make(chan error, 1)
	go func() {
		err := runner.Run(ctx)
		if err != nil {
			cancel()
		}
		ran <- err
	}()
	err = srv.Serve(ctx, ln)
	cancel()
	return errors.Join(<-ran, err)
}

// sharedWriter holds a persistent store open for writing while anyone in
// the server writes it — a round of the scheduler, HTTP ingests — and
// shares it among them: a bbolt store takes one writer at a time, and
// each of them opening it for itself would fail on the others' lock.
// While held, the store is lent to the server's requests (their own
// read-only opens would wait for the lock too).
type sharedWriter struct {
	open func(ctx context.Context) (*store.Store, error)
	lend func(st *store.Store) (end func())

	mu      sync.Mutex
	st      *store.Store
	refs    int
	endLend func()
}

// acquire returns the store open for writing, opening it (and lending it
// to the requests) when nobody holds it; closing the returned store
// releases it, and the last release closes it.
func (w *sharedWriter) acquire(ctx context.Context) (sharedStore, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.st == nil {
		st, err := w.open(ctx)
		if err != nil {
			return sharedStore{}, err
		}
		w.st, w.endLend = st, w.lend(st)
	}
	w.refs++
	return sharedStore{Store: w.st, release: sync.OnceValue(w.release)}, nil
}

// release drops one hold; the last takes the store back from the
// requests (waiting for those reading it) and closes it.
func (w *sharedWriter) release() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.refs--; w.refs > 0 {
		return nil
	}
	w.endLend()
	err := w.st.Close()
	w.st, w.endLend = nil, nil
	return err
}

// sharedStore is one hold of the shared writer's store.
type sharedStore struct {
	*store.Store
	release func() error
}

// Close releases the hold (the store closes with the last one).
func (s sharedStore) Close() error { return s.release() }

// maxProblems caps the problem lines an HTTP ingest answers with.
const maxProblems = 1000

// serveIngest returns the server's ingest: the articles of a request go
// through the pipeline of `geokg ingest` into held, or else into the
// shared writer's store.
func (a *app) serveIngest(writer *sharedWriter, held *store.Store) server.IngestFunc {
	return func(ctx context.Context, body io.Reader) (server.IngestResult, error) {
		var res server.IngestResult
		published, err := publishedDate("ingest.published", a.cfg.Ingest.Published)
		if err != nil {
			return res, err
		}
		st := held
		if st == nil {
			hold, err := writer.acquire(ctx)
			if err != nil {
				return res, err
			}
			defer hold.Close()
			st = hold.Store
		}
		p, err := a.newPipeline(st)
		if err != nil {
			return res, err
		}
		var mu sync.Mutex
		p.OnError = func(e *ingest.ReadError) {
			mu.Lock()
			defer mu.Unlock()
			if len(res.Problems) < maxProblems {
				res.Problems = append(res.Problems, render.ItemProblem(e))
			}
		}
		p.Logger = a.log.With("component", "ingest")
		sum, err := p.Run(ctx, []string{"-"}, body, ingest.ReadOptions{Published: published, MaxBytes: a.cfg.Ingest.MaxBytes})
		res.Summary, res.Line = sum, sum.String()
		return res, err
	}
}

// liveState is the copy of an in-process runner's source state that
// /api/v1/sources shows when the state is kept in memory only (no state
// file to read).
type liveState struct {
	mu    sync.Mutex
	state *schedule.State
}

// record copies the counters of st; it is called by the runner's
// goroutine, the only one that changes st. A nil liveState does nothing.
func (l *liveState) record(st *schedule.State) {
	if l == nil || st == nil {
		return
	}
	c := &schedule.State{Version: st.Version, Sources: make(map[string]*schedule.SourceState, len(st.Sources))}
	for name, s := range st.Sources {
		v := *s
		v.Seen, v.Files = nil, nil
		c.Sources[name] = &v
	}
	l.mu.Lock()
	l.state = c
	l.mu.Unlock()
}

// snapshot returns the last state recorded (not to be changed).
func (l *liveState) snapshot() *schedule.State {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.state == nil {
		return &schedule.State{}
	}
	return l.state
}

// loopbackAddr reports whether addr (host:port) listens on a loopback
// address only: "localhost", 127.0.0.0/8 or ::1. An empty host (all
// interfaces) is not.
func loopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
