package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/queries"
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
while another process writes waits for it (Ctrl-C gives up).

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
			c := &console.Console{Today: today, Out: a.stdout, GizmoMaxMemory: a.cfg.Gizmo.MaxMemory}
			b, err := store.BackendFor(a.cfg.DB)
			if err != nil {
				return err
			}
			if b.Sharing == store.SingleWriter {
				// Hold the store only while a line runs, so that ingest
				// and schedule can write it between questions.
				ls := &lineStore{a: a, out: a.stdout}
				if c.Names, err = ls.names(ctx); err != nil {
					return err
				}
				c.Open = ls.open
				c.Refresh = func() *queries.Names { return ls.refresh(ctx) }
			} else {
				st, err := a.openStore(ctx, true)
				if err != nil {
					return err
				}
				defer st.Close()
				if c.Names, err = queries.LoadNames(ctx, st); err != nil {
					return err
				}
				c.Engine = queries.New(st)
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
// store file changed since they were loaded.
type lineStore struct {
	a   *app
	out io.Writer
	// stamp is the store file's size and modification time when the names
	// were last loaded.
	stamp string
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
// it, until ctx is cancelled.
func (l *lineStore) openWait(ctx context.Context) (*store.Store, error) {
	told := false
	for {
		st, err := l.a.openStore(ctx, true)
		if !errors.Is(err, store.ErrLocked) {
			return st, err
		}
		if !told {
			if c := l.a.serverFor(ctx, err); c != nil {
				fmt.Fprintf(l.out, "waiting for the store: the geokg server at %s is writing it; its web console at %s/ answers meanwhile (Ctrl-C to give up)\n", c.Base, c.Base)
			} else {
				fmt.Fprintln(l.out, "waiting for the store: another geokg process is writing it (Ctrl-C to give up)")
			}
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
		return nil // a writer has it: the next line or Tab tries again
	}
	defer st.Close()
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
	return queries.New(st), names, release, nil
}
