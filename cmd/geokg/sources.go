package main

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/ingest/schedule"
)

// sourceRow is one line of `geokg sources`.
type sourceRow struct {
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	Where       string    `json:"where"`
	Schedule    string    `json:"schedule"`
	Configured  bool      `json:"configured"`
	LastRun     time.Time `json:"last_run,omitzero"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	NextRun     time.Time `json:"next_run,omitzero"`
	Runs        int       `json:"runs"`
	Items       int       `json:"items_seen"`
	Stored      int       `json:"stored"`
	Errors      int       `json:"errors"`
	Failures    int       `json:"consecutive_failures"`
	LastError   string    `json:"last_error,omitempty"`
}

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
			rows, err := a.sourceRows()
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			return writeSourceTable(a.stdout, rows, time.Now())
		},
	}
	cmd.Flags().Bool("json", false, "print JSON instead of a table")
	return cmd
}

// sourceRows joins the configured sources with their recorded state.
func (a *app) sourceRows() ([]sourceRow, error) {
	state := &schedule.State{}
	if path := a.statePath(); path != "" {
		var err error
		if state, err = schedule.LoadState(path); err != nil {
			return nil, err
		}
	}
	rows := []sourceRow{}
	listed := map[string]bool{}
	fill := func(r *sourceRow, st *schedule.SourceState) {
		if st == nil {
			return
		}
		r.LastRun, r.LastSuccess, r.NextRun = st.LastRun, st.LastSuccess, st.NextRun
		r.Runs, r.Items, r.Stored, r.Errors, r.Failures, r.LastError = st.Runs, st.Items, st.Stored, st.Errors, st.Failures, st.LastError
	}
	for _, s := range a.cfg.Sources {
		r := sourceRow{Name: s.Name, Kind: s.Kind, Where: s.URL, Configured: true}
		if r.Where == "" {
			r.Where = s.Path
		}
		switch {
		case s.Cron != "":
			r.Schedule = "cron " + s.Cron
		case s.Every > 0:
			r.Schedule = "every " + s.Every.String()
		}
		fill(&r, state.Sources[s.Name])
		listed[s.Name] = true
		rows = append(rows, r)
	}
	for _, name := range state.Names() {
		if !listed[name] {
			r := sourceRow{Name: name}
			fill(&r, state.Sources[name])
			rows = append(rows, r)
		}
	}
	return rows, nil
}

// writeSourceTable prints rows as an aligned table; now dates the "in 5m"
// of the next run.
func writeSourceTable(w io.Writer, rows []sourceRow, now time.Time) error {
	if len(rows) == 0 {
		_, err := fmt.Fprintln(w, "no sources configured (see the sources: list in data/geokg.example.yaml)")
		return err
	}
	when := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.Local().Format(time.DateTime)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tKIND\tSCHEDULE\tLAST RUN\tLAST SUCCESS\tNEXT RUN\tITEMS\tSTORED\tERRORS\tLAST ERROR")
	for _, r := range rows {
		kind, sched := r.Kind, r.Schedule
		if !r.Configured {
			kind, sched = "-", "(not configured)"
		}
		if sched == "" {
			sched = "-"
		}
		next := "-"
		if !r.NextRun.IsZero() {
			next = when(r.NextRun)
			if d := r.NextRun.Sub(now); d > 0 {
				next += " (in " + d.Round(time.Second).String() + ")"
			}
		}
		lastErr := r.LastError
		if lastErr == "" {
			lastErr = "-"
		}
		if len(lastErr) > 100 {
			lastErr = lastErr[:97] + "..."
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", r.Name, kind, sched, when(r.LastRun),
			when(r.LastSuccess), next, r.Items, r.Stored, r.Errors, lastErr)
	}
	return tw.Flush()
}
