package extract

import (
	"testing"
)

// BenchmarkExtract extracts every golden article once per iteration and
// reports articles per second and MB of text per second (extraction
// alone, no store, one goroutine).
func BenchmarkExtract(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var ins []Input
	size := 0
	for _, g := range readGolden(b) {
		ins = append(ins, Input{Text: g.Text, Published: g.published})
		size += len(g.Text)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			e.Extract(in)
		}
	}
	b.ReportMetric(float64(len(ins)*b.N)/b.Elapsed().Seconds(), "articles/s")
}
