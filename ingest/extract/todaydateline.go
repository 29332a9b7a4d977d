package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// A readout or an agency's report opens with its place and day ("ABU
// DHABI, 10th February, 2025 (WAM) --", "Addis Ababa, 18 June 2025:",
// "Riyadh, May 11, 2025, SPA --") and then says "today": the day of the
// dateline, which a paper published the next morning is not.

// datedLeadRe is the place and date opening a text, up to the dash or
// colon that ends them, the agency's name in brackets or after a comma
// allowed before it.
var datedLeadRe = lazyRegexp(`^\s*[A-Z][\p{L}.'\-]*(?: [A-Z][\p{L}.'\-]*){0,3}, ([^\n:—–]{4,40}?)(?:,? (?:\([^)\n]{1,40}\)|[A-Z]{2,8}))?\s*(?:--|—|–|-|:)\s`)

// todayWords are the relative expressions of the dateline's own day.
var todayWords = map[string]bool{"today": true, "tonight": true, "earlier today": true, "later today": true,
	"this morning": true, "this afternoon": true, "this evening": true}

// datelineDay returns the day an opening dateline states (see
// datedLeadRe), when it is the day of publication or up to three days
// before it; else the zero date.
func datelineDay(text string, pub graph.Date) graph.Date {
	m := datedLeadRe.FindStringSubmatchIndex(text)
	if m == nil || pub.Precision != graph.DayPrecision {
		return graph.Date{}
	}
	date := text[m[2]:m[3]]
	es := timex.Find(date, pub)
	if len(es) != 1 || es[0].Value.Precision != graph.DayPrecision || strings.TrimSpace(date[es[0].End:]) != "" {
		return graph.Date{}
	}
	v := es[0].Value
	if days := pub.Time().Sub(v.Time()).Hours() / 24; days < 0 || days > 3 {
		return graph.Date{}
	}
	return v
}

// todayOfDateline gives the expressions of the day itself ("today",
// "this morning") the dateline's day (doc.datelineDay), when the article
// has one.
func (d *doc) todayOfDateline(exprs []timex.Expr) {
	if d.datelineDay.IsZero() {
		return
	}
	for k := range exprs {
		if e := &exprs[k]; e.Relative && todayWords[strings.ToLower(strings.TrimSpace(e.Text))] {
			e.Value = d.datelineDay
		}
	}
}
