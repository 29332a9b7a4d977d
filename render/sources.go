package render

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/geokg/geokg/ingest/schedule"
)

// WriteSources writes the status of scheduled sources (geokg sources) as a
// table: times in local time ("never" when none), the next run with how
// long until it from now, and the last error cut to 100 characters.
// Sources no longer configured read "(not configured)".
func WriteSources(w io.Writer, rows []schedule.SourceStatus, now time.Time) error {
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

// ResultLine renders one source's run (geokg schedule) in one line: its
// summary, "not modified", the failure with the time of the retry, or
// how far an interrupted run got.
func ResultLine(res schedule.Result) string {
	switch {
	case errors.Is(res.Err, context.Canceled):
		return fmt.Sprintf("source %s: interrupted after %d articles", res.Source, res.Summary.Read)
	case res.Err != nil:
		return fmt.Sprintf("source %s: failed: %v (retry at %s)", res.Source, res.Err, res.Retry.Format(time.DateTime))
	case res.NotModified:
		return fmt.Sprintf("source %s: not modified", res.Source)
	}
	return fmt.Sprintf("source %s: %s", res.Source, res.Summary)
}

// RunLine renders the line that ends a run over all sources (geokg
// schedule --once): how many ran, how many failed, and their summed
// summary (schedule.Totals).
func RunLine(results []schedule.Result) string {
	total, failed := schedule.Totals(results)
	return fmt.Sprintf("sources %d, failed %d; %s", len(results), failed, total)
}
