package extract

import (
	"strings"
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
	benchExtract(b, e, ins, size)
}

// BenchmarkExtractLong extracts news-length articles: the golden articles
// joined, in order, into articles of at least 4 KB (the last one keeps
// what is left), each dated by its first part. It reports MB/s,
// articles/s and the time per 4 KB of text.
func BenchmarkExtractLong(b *testing.B) {
	e, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var ins []Input
	var cur []string
	var in Input
	size, n := 0, 0
	flush := func() {
		if len(cur) == 0 {
			return
		}
		in.Text = strings.Join(cur, "\n\n")
		ins = append(ins, in)
		size += len(in.Text)
		cur, n = nil, 0
	}
	for _, g := range readGolden(b) {
		if len(cur) == 0 {
			in = Input{Published: g.published}
		}
		cur = append(cur, g.Text)
		if n += len(g.Text); n >= 4096 {
			flush()
		}
	}
	flush()
	benchExtract(b, e, ins, size)
}

// benchExtract extracts ins (size bytes of text) once per iteration.
func benchExtract(b *testing.B, e *Extractor, ins []Input, size int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, cpuOK := processCPU()
	for i := 0; i < b.N; i++ {
		for _, in := range ins {
			e.Extract(in)
		}
	}
	cpu1, _ := processCPU()
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(len(ins)*b.N)/secs, "articles/s")
	b.ReportMetric(secs/float64(size*b.N)*4096*1e3, "ms/4KB")
	// The same per CPU second of the process (the collector's threads
	// included): what one core does, read even on a loaded machine,
	// where wall time says more about the others' work than this one's.
	if cpu := (cpu1 - cpu0).Seconds(); cpuOK && cpu > 0 {
		b.ReportMetric(float64(size*b.N)/cpu/1e6, "cpu-MB/s")
		b.ReportMetric(cpu/float64(size*b.N)*4096*1e3, "cpu-ms/4KB")
	}
}
