package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// DefaultAddr is where Serve listens unless told otherwise: loopback only.
const DefaultAddr = "127.0.0.1:8080"

// Defaults of Options.
const (
	DefaultTimeout    = 30 * time.Second
	DefaultMaxBody    = 1 << 20
	DefaultMaxResults = 10000
	DefaultMaxQuery   = 4096
	// ShutdownGrace is how long Serve waits for requests in flight after
	// its context ends.
	ShutdownGrace = 30 * time.Second
)

// Options configure a Server; zero fields take the defaults above.
type Options struct {
	// Timeout bounds each request: its context is cancelled then and the
	// answer is 504.
	Timeout time.Duration
	// MaxBody caps request bodies, in bytes (413 above it).
	MaxBody int64
	// MaxResults caps the items of a list answer (facts, holders,
	// timeline, entities, neighbours, Gizmo results); a capped answer has
	// the header X-Geokg-Truncated: true.
	MaxResults int
	// MaxQuery caps the length of the URL query, in bytes (414 above it;
	// a question is short).
	MaxQuery int
	// Sources and StatePath are the configured sources and their state
	// file, for /api/v1/sources; StatePath "" means no state recorded.
	Sources   []schedule.Source
	StatePath string
	// State, when set, returns the source state to show instead of the
	// one in StatePath: a scheduler running in the process whose state is
	// kept in memory only.
	State func() *schedule.State
	// Now returns the current time (the date of "today" for questions and
	// relative dates); nil is time.Now.
	Now func() time.Time
	// Logger receives the server's log records; nil discards them.
	Logger *slog.Logger
	// Ingest, when set, stores the articles of POST /api/v1/ingest; nil
	// refuses every ingest (403).
	Ingest IngestFunc
	// Tokens are the bearer tokens an ingest request must carry one of;
	// with none, every ingest is refused (403).
	Tokens []string
	// MaxIngest caps the body of an ingest request, in bytes (413 above).
	MaxIngest int64
}

// Server answers the HTTP API from a store.
type Server struct {
	opts    Options
	opener  Opener
	log     *slog.Logger
	metrics *Metrics
	handler http.Handler
	// namesCache holds the store's name index between requests (names.go).
	namesCache namesCache
}

// New returns a server reading the store through opener.
func New(opener Opener, opts Options) *Server {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxResults <= 0 {
		opts.MaxResults = DefaultMaxResults
	}
	if opts.MaxIngest <= 0 {
		opts.MaxIngest = DefaultMaxIngest
	}
	if opts.MaxQuery <= 0 {
		opts.MaxQuery = DefaultMaxQuery
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, opener: opener, log: log.With("component", "server")}
	s.metrics = newMetrics(s.storeStats)
	s.handler = s.routes()
	return s
}

// Metrics returns the server's metrics, for the scheduler to count its
// ingest rounds on.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Handler returns the server's HTTP handler: every route of Routes,
// /healthz and /metrics, behind the security headers.
func (s *Server) Handler() http.Handler { return s.handler }

// routes builds the router from the route table.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range Routes() {
		mux.Handle(rt.Method+" "+rt.Path, s.endpoint(rt))
	}
	mux.Handle("GET /healthz", s.instrument("healthz", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})))
	mux.Handle("GET /metrics", s.instrument("metrics", s.metrics.handler()))
	mux.Handle("GET /{$}", s.instrument("console", consolePage()))
	mux.Handle("GET "+UI, s.instrument("console", consoleFiles()))
	methods := map[string][]string{}
	for _, rt := range Routes() {
		methods[rt.Path] = append(methods[rt.Path], rt.Method)
	}
	mux.Handle("/", s.instrument("not_found", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if allow := methods[r.URL.Path]; len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.writeError(w, http.StatusMethodNotAllowed, fmt.Errorf("%s takes %s, not %s", r.URL.Path, strings.Join(allow, ", "), r.Method), nil)
			return
		}
		s.fail(w, r, fmt.Errorf("%w: %s %s", ErrNotFound, r.Method, r.URL.Path))
	})))
	return secure(mux)
}

// endpoint wraps the handler of rt: the query-size cap, the body cap, the
// request timeout, the parameter checks, the store and the error answer.
func (s *Server) endpoint(rt Route) http.Handler {
	return s.instrument(rt.Name, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.RawQuery) > s.opts.MaxQuery {
			s.writeError(w, http.StatusRequestURITooLong, fmt.Errorf("query string over %d bytes", s.opts.MaxQuery), nil)
			return
		}
		if !rt.bigBody {
			r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		p, err := rt.check(r.URL.Query(), graph.DateFromTime(s.opts.Now()))
		if err == nil {
			err = rt.handle(s, w, r, p)
		}
		if err != nil {
			s.fail(w, r, err)
		}
	}))
}

// withStore runs fn with a store from the opener.
func (s *Server) withStore(ctx context.Context, fn func(Store) error) error {
	st, release, err := s.opener.Open(ctx)
	if err != nil {
		return err
	}
	defer release()
	return fn(st)
}

// storeStats counts what the store holds, for the metrics' gauges.
func (s *Server) storeStats(ctx context.Context) (c store.Stats, err error) {
	err = s.withStore(ctx, func(st Store) error {
		c, err = st.Stats(ctx)
		return err
	})
	return c, err
}

// fail writes err as a JSON error with its status (statusOf), unless the
// answer has begun (a streamed export), when it can only stop.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if sw, ok := w.(*statusWriter); ok && sw.wrote {
		s.log.Warn("request failed after the answer began", "path", r.URL.Path, "err", err)
		return
	}
	w.Header().Del("Content-Disposition")
	status := statusOf(err)
	if status == http.StatusGatewayTimeout && !errors.Is(err, queries.ErrGizmoTimeout) {
		err = fmt.Errorf("the query ran past the server's time limit of %s", s.opts.Timeout)
	}
	switch {
	case status == http.StatusServiceUnavailable || status == http.StatusGatewayTimeout:
		s.log.Warn("request failed", "path", r.URL.Path, "status", status, "err", err)
	case status >= 500:
		s.log.Error("request failed", "path", r.URL.Path, "status", status, "err", err)
	}
	s.writeError(w, status, err, nil)
}

// writeError writes {"error": message} with status.
func (s *Server) writeError(w http.ResponseWriter, status int, err error, suggestions []string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(errorJSON{Error: err.Error(), Suggestions: suggestions})
}

// Serve answers on ln until ctx ends, then stops taking connections and
// waits up to ShutdownGrace for the requests in flight to finish.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.opts.Timeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "grace", ShutdownGrace)
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}
