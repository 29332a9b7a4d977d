package timex

import (
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
)

// FuzzResolve: no panic for any phrase and reference date (FuzzFind fixes
// the reference); a phrase resolved has a date, and the expressions Find
// returns against that reference lie in order in the text.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Scholz met Macron on Friday, 3 May 2023, and again last month.",
		"since early 2014 until the summer of 2016",
		"two years ago, next year, in the 1990s, on 31/02/2024",
		"between 9 and 12 March 10000",
	} {
		f.Add(s, 2024, 6, 15)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		ref := graph.Date{}
		if y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 28 {
			ref = graph.DayOf(y, time.Month(m), d)
		}
		end := 0
		for _, e := range Find(text, ref) {
			if e.Start < end || e.End < e.Start || e.End > len(text) {
				t.Fatalf("span %d..%d after %d in %d bytes", e.Start, e.End, end, len(text))
			}
			if text[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q is not text[%d:%d] %q", e.Text, e.Start, e.End, text[e.Start:e.End])
			}
			end = e.End
			_ = e.Value.String()
		}
		if d, ok := Resolve(text, ref); ok && d.IsZero() {
			t.Fatalf("%q resolved against %v to no date", text, ref)
		}
	})
}
