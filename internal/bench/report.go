package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteJSON writes rep as indented JSON.
func (rep Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// WriteTable writes rep as two Markdown tables: ingest and storage per
// size, then each query form's latencies per size. A figure that was not
// measured is "—".
func (rep Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	row := func(cells ...string) { fmt.Fprintln(tw, "| "+strings.Join(cells, "\t| ")+"\t|") }
	rule := func(n int) {
		cells := make([]string, n)
		for i := range cells {
			cells[i] = "---"
		}
		row(cells...)
	}
	fmt.Fprintf(w, "geokg bench: %s store, seed %d", rep.Backend, rep.Seed)
	if rep.EventsPerArticle > 1 {
		fmt.Fprintf(w, ", %d events per article", rep.EventsPerArticle)
	}
	fmt.Fprint(w, "\n\n")
	row("articles", "facts", "quads", "wall", "articles/s", "facts/s", "quads/s", "peak RSS", "peak anon", "peak file", "store B/fact", "in use B/fact", "compacted B/fact", "raw quads/s", "geokg/raw", "holders agree", "facts --at agree", "timeline agree")
	rule(18)
	for _, r := range rep.Sizes {
		peak := mb(r.PeakRSS)
		if r.PeakSinceStart && r.PeakRSS > 0 {
			peak += " (since start)"
		}
		row(fmt.Sprint(r.Articles), fmt.Sprint(r.Facts), fmt.Sprint(r.Quads), fmt.Sprintf("%.1f s", r.WallSeconds),
			rate(r.ArticlesPS), rate(r.FactsPS), rate(r.QuadsPS), peak, mb(r.PeakAnon), mb(r.PeakFile), orDash(r.BytesPerFact, "%.0f"),
			orDash(r.InUsePerFact, "%.0f"), orDash(r.CompactedPerFact, "%.0f"), rate(r.RawQuadsPS), orDash(r.RawRatio, "%.2f"), fmt.Sprintf("%d/%d", r.HoldersAgree, r.HoldersChecked),
			fmt.Sprintf("%d/%d", r.FactsAtAgree, r.FactsAtChecked), fmt.Sprintf("%d/%d", r.TimelineAgree, r.TimelineChecked))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	head := []string{"query"}
	for _, r := range rep.Sizes {
		head = append(head, fmt.Sprintf("%d in-process p50/p95 ms", r.Articles), fmt.Sprintf("%d process p50/p95 ms", r.Articles))
	}
	row(head...)
	rule(len(head))
	for _, f := range rep.Forms {
		cells := []string{f}
		for _, r := range rep.Sizes {
			cells = append(cells, lat(r.InProcess[f]), lat(r.Process[f]))
		}
		row(cells...)
	}
	return tw.Flush()
}

// mb renders bytes as megabytes, or "—" for 0.
func mb(b int64) string {
	if b <= 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/(1<<20))
}

// rate renders a per-second rate, or "—" for 0.
func rate(v float64) string { return orDash(v, "%.0f") }

// orDash renders v with format, or "—" for 0.
func orDash(v float64, format string) string {
	if v == 0 {
		return "—"
	}
	return fmt.Sprintf(format, v)
}

// lat renders a latency as "p50 / p95", or "—" when not measured.
func lat(l Latency) string {
	if l.N == 0 {
		return "—"
	}
	return fmt.Sprintf("%.1f / %.1f", l.P50, l.P95)
}
