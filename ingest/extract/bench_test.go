package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/geokg/geokg/graph"
)

// BenchmarkExtract extracts every golden article once per iteration and
// reports articles per second and MB of text per second (extraction
// alone, no store, one goroutine).
func BenchmarkExtract(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/golden/*.json")
	var ins []Input
	size := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		var gc goldenCase
		if err := json.Unmarshal(raw, &gc); err != nil {
			b.Fatal(err)
		}
		pub, _ := graph.ParseDate(gc.Published)
		ins = append(ins, Input{Text: gc.Text, Published: pub})
		size += len(gc.Text)
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
