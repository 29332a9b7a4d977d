package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/server"
	"github.com/geokg/geokg/store"
)

func newConsoleCmd(a *app) *cobra.Command {
	var o struct {
		history, today string
		noHistory      bool
	}
	cmd := &cobra.Command{
		Use:   "console",
		Short: "Ask questions at an interactive prompt",
		Long: `Console opens an interactive prompt over the store (read-only) with line
editing, persistent history and tab completion of commands and entity names.
A bbolt store is opened for each question and let go between questions, so
ingest and schedule can write it while the console is open; a question asked
while another process writes waits for it (Ctrl-C gives up). When that
process is a running "geokg serve" (its address file geokg.serve.json is in
the store directory and it answers), the line goes through the server's API
instead, without waiting, and prints the same answer; :why, :json, :at and
Tab completion of entity names work the same through it. Later lines go to
that server first until it cannot be reached or answers that another
process holds the store.

Type an English question (see 'geokg ask --help'), a Gizmo query (a line
starting with g.), or a command:
  :at DATE          the date later questions use (":at now" resets it)
  :facts ...        --subject S --predicate P --object O --at D --from D --to D
  :path A B         shortest chains of facts (quote names with spaces)
  :timeline X       what happened with X
  :neighbors X      entities sharing a fact with X
  :entities PREFIX  entity search
  :why N            the evidence sentences of answer N
  :json             toggle raw JSON output
  :help, :quit

Ctrl-C cancels a running query (not the console); Ctrl-D leaves. The history
is kept in the user's cache directory unless --history names another file.`,
		Example: `  geokg console
  geokg console --db /var/lib/geokg --history ~/.geokg_history`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			today, err := todayFlag(o.today)
			if err != nil {
				return err
			}
			// Ctrl-C cancels one line, not the console: the console takes the
			// signals and runs on a context that they do not cancel.
			sigs := make(chan os.Signal, 1)
			signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
			defer signal.Stop(sigs)
			ctx := context.WithoutCancel(cmd.Context())
			c := &console.Console{Today: today, Out: a.stdout}
			local := &console.Local{GizmoMaxMemory: a.cfg.Gizmo.MaxMemory}
			b, err := store.BackendFor(a.cfg.DB)
			if err != nil {
				return err
			}
			if b.Sharing == store.SingleWriter {
				// Hold the store only while a line runs, so that ingest
				// and schedule can write it between questions; while a
				// server holds it, go through the server.
				ls := &lineStore{a: a, out: a.stdout}
				names, err := ls.names(ctx)
				if r := viaServer(err); r != nil {
					fmt.Fprintf(a.stderr, "the store is held by the geokg server at %s: the console goes through it while it does\n", r.Client.Base)
				} else if err != nil {
					return err
				}
				local.Names, local.Open = names, ls.open
				local.Refresh = func() *queries.Names { return ls.refresh(ctx) }
				c.Backend = &routed{local: local, ls: ls}
			} else {
				st, err := a.openStore(ctx, true)
				if err != nil {
					return err
				}
				defer st.Close()
				if local.Names, err = queries.LoadNames(ctx, st); err != nil {
					return err
				}
				local.Engine = queries.NewAnswering(st)
				c.Backend = local
			}
			hist := o.history
			if hist == "" && !o.noHistory {
				hist = console.DefaultHistoryPath()
			}
			if o.noHistory {
				hist = ""
			}
			return console.Run(ctx, c, console.RunOptions{HistoryPath: hist, Interrupts: sigs})
		},
	}
	cmd.Flags().StringVar(&o.history, "history", "", "history file (default: geokg/console_history in the user's cache directory)")
	cmd.Flags().BoolVar(&o.noHistory, "no-history", false, "keep no history file")
	cmd.Flags().StringVar(&o.today, "today", "", `the date of "now", YYYY-MM-DD (default: the system date)`)
	return cmd
}

// lockRetry is how often a console line retries a store that a writer holds.
const lockRetry = 250 * time.Millisecond

// lineStore opens a single-writer (bbolt) store read-only for one console
// line at a time, and reloads the entity names for completion only when the
// store file changed since they were loaded. When a running server holds
// the store, it says so with an *errViaServer instead of waiting.
type lineStore struct {
	a   *app
	out io.Writer
	// stamp is the store file's size and modification time when the names
	// were last loaded.
	stamp string
	// server is the server that held the store at the last attempt to
	// open it, nil when the store opened (or no server answers).
	server *server.Client
}

// errViaServer says that a running server holds the store: the line goes
// through it.
type errViaServer struct{ c *server.Client }

func (e *errViaServer) Error() string {
	return "the store is held by the geokg server at " + e.c.Base
}

// viaServer returns the remote backend when err is an *errViaServer.
func viaServer(err error) *server.Remote {
	var vs *errViaServer
	if errors.As(err, &vs) {
		return &server.Remote{Client: vs.c}
	}
	return nil
}

// fileStamp returns the size and modification time of the store file.
func (l *lineStore) fileStamp() string {
	fi, err := os.Stat(filepath.Join(l.a.cfg.DB, store.BoltFile))
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%d/%d", fi.Size(), fi.ModTime().UnixNano())
}

// openWait opens the store read-only, waiting while another process writes
// it, until ctx is cancelled; when a running server holds it, it returns
// an *errViaServer at once.
func (l *lineStore) openWait(ctx context.Context) (*store.Store, error) {
	told := false
	for {
		st, err := l.a.openStore(ctx, true)
		if !errors.Is(err, store.ErrLocked) {
			if err == nil {
				l.server = nil
			}
			return st, err
		}
		if c := l.a.serverFor(ctx, err); c != nil {
			l.server = c
			return nil, &errViaServer{c}
		}
		if !told {
			fmt.Fprintln(l.out, "waiting for the store: another geokg process is writing it (Ctrl-C to give up)")
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockRetry):
		}
	}
}

// names loads the entity names, as the console starts.
func (l *lineStore) names(ctx context.Context) (*queries.Names, error) {
	st, err := l.openWait(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	l.stamp = l.fileStamp()
	return queries.LoadNames(ctx, st)
}

// refresh is console.Console.Refresh: fresh names when the store file
// changed since they were loaded and no writer holds it now, else nil.
func (l *lineStore) refresh(ctx context.Context) *queries.Names {
	stamp := l.fileStamp()
	if stamp == l.stamp {
		return nil
	}
	st, err := l.a.openStore(ctx, true)
	if err != nil {
		l.server = l.a.serverFor(ctx, err)
		return nil // a writer has it: the next line or Tab tries again
	}
	defer st.Close()
	l.server = nil
	names, err := queries.LoadNames(ctx, st)
	if err != nil {
		return nil
	}
	l.stamp = stamp
	return names
}

// open is console.Console.Open: the store for one line, with fresh names
// when the store file changed since they were loaded.
func (l *lineStore) open(ctx context.Context) (*queries.Engine, *queries.Names, func(), error) {
	st, err := l.openWait(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	release := func() { _ = st.Close() }
	var names *queries.Names
	if stamp := l.fileStamp(); stamp != l.stamp {
		if names, err = queries.LoadNames(ctx, st); err != nil {
			release()
			return nil, nil, nil, err
		}
		l.stamp = stamp
	}
	return queries.NewAnswering(st), names, release, nil
}

// routed is the console's Backend on a single-writer store: each line runs
// on the store (console.Local, which opens it for the line) unless a
// running server holds it, and then through that server (server.Remote),
// printing the same answer. Once a line went through the server, the next
// ones go to it first (trying the lock costs each line the store's lock
// timeout, and the server answers the same whether or not it still holds
// the store), until it cannot be reached or answers that the store is
// locked by another process (503): then the line runs on the store again.
type routed struct {
	local *console.Local
	ls    *lineStore
}

// route runs one line through the server that held the store at the last
// line, if any, else with local, going through the server when local
// finds it holding the store.
func route[T any](ctx context.Context, b *routed, local func() (T, error), remote func(*server.Remote) (T, error)) (T, error) {
	if c := b.ls.server; c != nil {
		v, err := remote(&server.Remote{Client: c})
		if !serverGone(ctx, err) {
			return v, err
		}
		b.ls.server = nil
	}
	v, err := local()
	if r := viaServer(err); r != nil {
		return remote(r)
	}
	return v, err
}

// serverGone reports whether err, from a request to the server, says that
// the server cannot answer for the store: it cannot be reached (the
// request was not cancelled), or another process holds the store (503).
func serverGone(ctx context.Context, err error) bool {
	var ae *server.APIError
	if errors.As(err, &ae) {
		return ae.Status == http.StatusServiceUnavailable
	}
	var ue *url.Error
	return errors.As(err, &ue) && ctx.Err() == nil
}

// Ask answers a question.
func (b *routed) Ask(ctx context.Context, out console.Output, q queries.AskQuery) (console.Answers, error) {
	return route(ctx, b, func() (console.Answers, error) { return b.local.Ask(ctx, out, q) },
		func(r *server.Remote) (console.Answers, error) { return r.Ask(ctx, out, q) })
}

// Facts answers :facts.
func (b *routed) Facts(ctx context.Context, out console.Output, q queries.FactsQuery) (console.Answers, error) {
	return route(ctx, b, func() (console.Answers, error) { return b.local.Facts(ctx, out, q) },
		func(r *server.Remote) (console.Answers, error) { return r.Facts(ctx, out, q) })
}

// Path answers :path.
func (b *routed) Path(ctx context.Context, out console.Output, q queries.PathQuery) (console.Answers, error) {
	return route(ctx, b, func() (console.Answers, error) { return b.local.Path(ctx, out, q) },
		func(r *server.Remote) (console.Answers, error) { return r.Path(ctx, out, q) })
}

// Neighbors answers :neighbors.
func (b *routed) Neighbors(ctx context.Context, out console.Output, q queries.NeighborsQuery) (console.Answers, error) {
	return route(ctx, b, func() (console.Answers, error) { return b.local.Neighbors(ctx, out, q) },
		func(r *server.Remote) (console.Answers, error) { return r.Neighbors(ctx, out, q) })
}

// Entities answers :entities.
func (b *routed) Entities(ctx context.Context, out console.Output, prefix string, limit int) error {
	_, err := route(ctx, b, func() (struct{}, error) { return struct{}{}, b.local.Entities(ctx, out, prefix, limit) },
		func(r *server.Remote) (struct{}, error) { return struct{}{}, r.Entities(ctx, out, prefix, limit) })
	return err
}

// Gizmo runs a Gizmo line.
func (b *routed) Gizmo(ctx context.Context, out console.Output, q queries.GizmoQuery) error {
	_, err := route(ctx, b, func() (struct{}, error) { return struct{}{}, b.local.Gizmo(ctx, out, q) },
		func(r *server.Remote) (struct{}, error) { return struct{}{}, r.Gizmo(ctx, out, q) })
	return err
}

// Complete completes from the server while it answers for the store (see
// routed), else (or when it does not answer) from the local names.
func (b *routed) Complete(ctx context.Context, prefix string, limit int) []string {
	if n := b.ls.refresh(ctx); n != nil { // it notes a server that holds the store
		b.local.Names = n
	}
	if c := b.ls.server; c != nil {
		if out := (&server.Remote{Client: c}).Complete(ctx, prefix, limit); out != nil {
			return out
		}
	}
	return b.local.Complete(ctx, prefix, limit)
}
