package timex

import (
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// newsText is a few paragraphs of invented wire copy, repeated to a few KB.
var newsText = strings.Repeat(`KYIV, Feb. 4 (Wire) - Ukraine's foreign minister met his Polish
counterpart on Monday, days after a summit in Brussels last Thursday that ended
without a deal. The two men last spoke in December, and Kyiv has pressed for
more air defence since early 2024, when 2,000 troops were moved to the border.
The parliament voted 251-12 on January 20, 2025 to extend martial law until
May 2025. "We may march together," the minister said. Talks are expected to
resume next month, and an election could be held in the autumn of 2026 or by
2027 at the latest. Three weeks ago the central bank cut rates, after inflation
hit 12 percent last year; from 2019 to 2021 it held them at 6 percent.
`, 6)

func BenchmarkFind(b *testing.B) {
	ref := graph.DayOf(2025, 2, 4)
	b.SetBytes(int64(len(newsText)))
	b.ReportAllocs()
	for b.Loop() {
		Find(newsText, ref)
	}
}

// FuzzFind checks that expressions are in order, do not overlap and that
// Text is the span it claims.
func FuzzFind(f *testing.F) {
	f.Add("On Friday, Jan. 31, 2025, since 2014 and 1957-58.")
	f.Add("in May 2,000 troops 2025-01-20 last week mid-2014")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, e := range Find(text, graph.DayOf(2025, 2, 4)) {
			if e.Start < last || e.End <= e.Start || e.End > len(text) || text[e.Start:e.End] != e.Text {
				t.Fatalf("bad span %+v in %q", e, text)
			}
			last = e.End
		}
		Resolve(text, graph.Date{})
	})
}
