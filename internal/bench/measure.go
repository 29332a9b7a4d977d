package bench

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"
)

// resetPeakRSS asks the kernel to restart the process's RSS high-water
// mark from its current RSS, after returning what it can to the system,
// and reports whether it could.
func resetPeakRSS() bool {
	runtime.GC()
	debug.FreeOSMemory()
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakRSS returns the process's RSS high-water mark in bytes (VmHWM), or
// 0 where the kernel does not say.
func peakRSS() int64 {
	return procStatus()["VmHWM"]
}

// procStatus returns the memory figures of /proc/self/status in bytes,
// by name (VmHWM, VmRSS, RssAnon, RssFile, …); none where the kernel does
// not say.
func procStatus() map[string]int64 {
	out := map[string]int64{}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		rest, kB := strings.CutSuffix(strings.TrimSpace(rest), " kB")
		if !ok || !kB {
			continue
		}
		if n, err := strconv.ParseInt(rest, 10, 64); err == nil {
			out[name] = n << 10
		}
	}
	return out
}

// rssSampleEvery is how often sampleRSS reads the resident set's parts.
const rssSampleEvery = 20 * time.Millisecond

// rssPeaks are the largest resident anonymous memory (the Go heap, stacks,
// the runtime's own) and resident file pages (the executable, and a bbolt
// store's mapped file) that sampleRSS saw.
type rssPeaks struct {
	Anon, File int64
}

// sampleRSS starts reading RssAnon and RssFile every rssSampleEvery (the
// kernel keeps a high-water mark of their sum only) and returns the
// function that stops it and returns the peaks seen, a last sample
// included.
func sampleRSS() (stop func() rssPeaks) {
	var p rssPeaks
	sample := func() {
		st := procStatus()
		p.Anon, p.File = max(p.Anon, st["RssAnon"]), max(p.File, st["RssFile"])
	}
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(rssSampleEvery)
		defer t.Stop()
		for {
			sample()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() rssPeaks {
		close(done)
		<-finished
		sample()
		return p
	}
}

// dirBytes returns the bytes of the regular files under dir.
func dirBytes(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			fi, err := d.Info()
			if err != nil {
				return err
			}
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

// Latency is the p50 and p95 of a set of timings, in milliseconds, and
// how many timings there were; N 0 means the form was not run.
type Latency struct {
	N   int     `json:"n"`
	P50 float64 `json:"p50_ms"`
	P95 float64 `json:"p95_ms"`
}

// latency summarises ds (reordering it): the nearest-rank p50 and p95.
func latency(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	rank := func(q float64) float64 {
		i := int(q*float64(len(ds))+0.999999) - 1
		i = min(max(i, 0), len(ds)-1)
		return float64(ds[i].Microseconds()) / 1000
	}
	return Latency{N: len(ds), P50: rank(0.50), P95: rank(0.95)}
}
