package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/render"
)

func newSourcesCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "List the configured sources with their last run, items seen and last error",
		Long: `Sources lists the sources of the config file with what ` + "`geokg schedule`" + ` recorded
for each: the last run, the last successful run, the next run due, the items
seen (stored, or found already stored), the articles stored, the bad items
and failed runs, and the last error. Sources that are in the state file but
no longer configured are listed too, marked "(not configured)". It reads only
the state file, so it works while the schedule runs.`,
		Example: `  geokg sources
  geokg sources --json | jq '.[] | select(.last_error != null)'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			asJSON, _ := cmd.Flags().GetBool("json")
			state := &schedule.State{}
			if path := a.statePath(); path != "" {
				var err error
				if state, err = schedule.LoadState(path); err != nil {
					return err
				}
			}
			rows := schedule.Status(a.cfg.Sources, state)
			if asJSON {
				return render.WriteJSON(a.stdout, rows)
			}
			return render.WriteSources(a.stdout, rows, time.Now())
		},
	}
	cmd.Flags().Bool("json", false, "print JSON instead of a table")
	return cmd
}
