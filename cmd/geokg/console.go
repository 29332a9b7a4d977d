package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/queries"
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
			st, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer st.Close()
			names, err := queries.LoadNames(ctx, st)
			if err != nil {
				return err
			}
			c := &console.Console{Engine: queries.New(st), Names: names, Today: today, Out: a.stdout, GizmoMaxMemory: a.cfg.Gizmo.MaxMemory}
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
