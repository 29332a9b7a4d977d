package bench

import (
	"testing"
	"time"
)

func TestLatency(t *testing.T) {
	ms := func(xs ...int) []time.Duration {
		var out []time.Duration
		for _, x := range xs {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	seq := func(n int) []int {
		var out []int
		for i := n; i >= 1; i-- {
			out = append(out, i)
		}
		return out
	}
	for _, c := range []struct {
		name string
		in   []time.Duration
		want Latency
	}{
		{"none", nil, Latency{}},
		{"one", ms(7), Latency{N: 1, P50: 7, P95: 7}},
		{"two", ms(9, 1), Latency{N: 2, P50: 1, P95: 9}},
		{"twenty unordered", ms(seq(20)...), Latency{N: 20, P50: 10, P95: 19}},
		{"hundred", ms(seq(100)...), Latency{N: 100, P50: 50, P95: 95}},
	} {
		if got := latency(c.in); got != c.want {
			t.Errorf("%s: latency = %+v, want %+v", c.name, got, c.want)
		}
	}
}

func TestFormsComplete(t *testing.T) {
	s := sample{Person: "Anna Verinberg", Of: "Nigeria", Other: "Karl Pelski", At: time.Date(2020, 5, 17, 0, 0, 0, 0, time.UTC)}
	seen := map[string]bool{}
	for _, f := range forms {
		if f.Name == "" || f.run == nil || f.args == nil {
			t.Errorf("form %q: incomplete row", f.Name)
			continue
		}
		if seen[f.Name] {
			t.Errorf("form %q twice", f.Name)
		}
		seen[f.Name] = true
		if args := f.args(s); len(args) < 2 {
			t.Errorf("form %q: args %q", f.Name, args)
		}
	}
	for _, name := range []string{"facts --at", "holders", "timeline", "neighbors", "path", "ask", "entities"} {
		if !seen[name] {
			t.Errorf("no form %q", name)
		}
	}
}

func TestSampleRSS(t *testing.T) {
	if _, ok := procStatus()["RssAnon"]; !ok {
		t.Skip("no RssAnon in /proc/self/status")
	}
	stop := sampleRSS()
	buf := make([]byte, 64<<20)
	for i := range buf { // touch every page
		buf[i] = byte(i)
	}
	p := stop()
	if p.Anon < int64(len(buf)) {
		t.Errorf("peak anon %d MB, want at least the %d MB just touched", p.Anon>>20, len(buf)>>20)
	}
	if p.File <= 0 {
		t.Errorf("peak file %d: the executable's pages are resident", p.File)
	}
	if buf[len(buf)-1] != byte(len(buf)-1) {
		t.Fatal("buffer lost")
	}
}
