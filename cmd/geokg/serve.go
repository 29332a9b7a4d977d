package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/server"
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
}

func newServeCmd(a *app) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web console and the JSON API over HTTP",
		Long: `Serve answers the web console at / (questions, evidence, timeline,
graph, paths, Gizmo, downloads; built into the binary, works offline) and
the versioned JSON API (/api/v1/...: ask, facts, holders,
timeline, path, neighbors, entities, gizmo, stats, sources, export), its
OpenAPI document (/api/v1/openapi.json), /healthz and Prometheus metrics
(/metrics) from the store, read-only. Parameters are named as the CLI's
flags ("as-known" is as_known); errors are {"error": "..."} with the status.

It binds 127.0.0.1 unless --addr says otherwise, caps request bodies and
list answers, cancels a query that runs past --timeout (504), sends no CORS
headers and sets security headers. A bbolt store is opened read-only for
each request, so "geokg ingest" can write between requests (a request made
while it writes answers 503); other backends are opened once. SIGINT or
SIGTERM stops taking requests and finishes those in flight.`,
		Example: `  geokg serve
  geokg serve --addr 127.0.0.1:9000 --timeout 10s
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
	return cmd
}

// runServe opens the store as its backend wants (server.OpenerFor) and
// serves until ctx ends.
func (a *app) runServe(ctx context.Context, o *serveOptions) error {
	opener, err := server.OpenerFor(ctx, a.cfg.DB, func(ctx context.Context) (server.ClosingStore, error) {
		return a.openStore(ctx, true)
	})
	if err != nil {
		return err
	}
	defer opener.Close()
	srv := server.New(opener, server.Options{
		Timeout: o.timeout, MaxBody: o.maxBody, MaxResults: o.maxResults,
		Sources: a.cfg.Sources, StatePath: a.statePath(), Logger: a.log,
	})
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(a.stderr, "serving http://%s/api/v1/ and the web console at http://%s/ (Ctrl-C stops)\n", ln.Addr(), ln.Addr())
	a.log.Info("serving", "addr", ln.Addr().String())
	return srv.Serve(ctx, ln)
}
