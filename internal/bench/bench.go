package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/internal/simcheck"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// RawChunk is how many quads the raw bulk load writes per transaction.
const RawChunk = 10000

// maxSamples bounds the distinct questions asked per form; the N runs of
// a form cycle through them.
const maxSamples = 40

// truthLimits bound the answers of each form checked against the
// simulated truth.
var truthLimits = simcheck.Limits{Holders: 60, FactsAt: 60, Timeline: 300}

// ErrNotEmpty is returned when a store the bench would fill already holds
// articles or facts.
var ErrNotEmpty = errors.New("store is not empty")

// Options say what to run.
type Options struct {
	// Sizes are the corpus sizes, in articles.
	Sizes []int
	// Seed seeds the simulated world.
	Seed uint64
	// EventsPerArticle is how many events each article of the world
	// reports (simworld.Options.EventsPerArticle; 0 or 1: its lead only).
	EventsPerArticle int
	// Queries is how many times each form is asked in-process.
	Queries int
	// ProcessRuns is how many times each form is asked as a whole geokg
	// process; 0 skips them.
	ProcessRuns int
	// StoreFor returns the dsn of the fresh store to use for role
	// ("ingest" or "raw") at size n.
	StoreFor func(role string, n int) string
	// NewPipeline returns the ingest pipeline `geokg ingest` would build,
	// writing into st.
	NewPipeline func(st *store.Store) (*ingest.Pipeline, error)
	// Exe is the geokg executable for whole-process timings; "" skips
	// them.
	Exe string
	// Today is the date of "now" for ask questions; queries never read
	// the clock.
	Today time.Time
	// TempDir holds the generated corpora.
	TempDir string
}

// Result is the measurement of one corpus size.
type Result struct {
	Articles    int     `json:"articles"`
	Facts       int     `json:"facts"`
	Quads       int     `json:"quads"`
	WallSeconds float64 `json:"wall_s"`
	ArticlesPS  float64 `json:"articles_per_s"`
	FactsPS     float64 `json:"facts_per_s"`
	QuadsPS     float64 `json:"quads_per_s"`
	// PeakRSS is the ingest's peak resident memory in bytes (0: unknown);
	// PeakSinceStart marks a peak that could not be reset before it.
	PeakRSS        int64 `json:"peak_rss_bytes"`
	PeakSinceStart bool  `json:"peak_since_start,omitempty"`
	// PeakAnon and PeakFile are the largest resident anonymous memory
	// (Go's heap and runtime) and resident file pages (the executable, a
	// bbolt store's mapped file) sampled during the ingest (0: unknown);
	// each peaks at its own moment, so they may add up to more than
	// PeakRSS.
	PeakAnon int64 `json:"peak_anon_bytes"`
	PeakFile int64 `json:"peak_file_bytes"`
	// StoreBytes is the store's size on disk (0: not a directory store).
	StoreBytes   int64   `json:"store_bytes"`
	BytesPerFact float64 `json:"bytes_per_fact"`
	// InUseBytes is what the store's pages in use hold (bbolt only: the
	// file less its free pages and the room it grew by), and
	// CompactedBytes the file's size after `geokg compact` (0: not
	// measured).
	InUseBytes       int64   `json:"in_use_bytes,omitempty"`
	InUsePerFact     float64 `json:"in_use_bytes_per_fact,omitempty"`
	CompactedBytes   int64   `json:"compacted_bytes,omitempty"`
	CompactedPerFact float64 `json:"compacted_bytes_per_fact,omitempty"`
	// RawQuadsPS is the rate of the raw bulk load of the same quads (0:
	// not run); RawRatio is QuadsPS / RawQuadsPS.
	RawQuadsPS float64 `json:"raw_quads_per_s"`
	RawRatio   float64 `json:"raw_ratio"`
	// HoldersChecked answers of holders --at were compared with the
	// simulated truth; HoldersAgree of them named the one true holder.
	// FactsAt and Timeline count the same for facts --at and timeline
	// answers (internal/simcheck says what each check asks).
	HoldersChecked  int `json:"holders_checked"`
	HoldersAgree    int `json:"holders_agree"`
	FactsAtChecked  int `json:"facts_at_checked"`
	FactsAtAgree    int `json:"facts_at_agree"`
	TimelineChecked int `json:"timeline_checked"`
	TimelineAgree   int `json:"timeline_agree"`
	// InProcess and Process are each form's latencies, by form name.
	InProcess map[string]Latency `json:"in_process"`
	Process   map[string]Latency `json:"process"`
}

// Report is the result of a bench run.
type Report struct {
	Backend string `json:"backend"`
	Seed    uint64 `json:"seed"`
	// EventsPerArticle is the world's events per article (1: the
	// default world).
	EventsPerArticle int      `json:"events_per_article"`
	Forms            []string `json:"forms"`
	Sizes            []Result `json:"sizes"`
}

// Run measures every size of opts in turn.
func Run(ctx context.Context, opts Options) (Report, error) {
	rep := Report{Seed: opts.Seed, EventsPerArticle: max(opts.EventsPerArticle, 1), Forms: Forms()}
	for _, n := range opts.Sizes {
		r, backend, err := runSize(ctx, opts, n)
		if err != nil {
			return rep, fmt.Errorf("bench %d articles: %w", n, err)
		}
		rep.Backend = backend
		rep.Sizes = append(rep.Sizes, r)
	}
	return rep, nil
}

// openEmpty opens the store dsn and checks it holds nothing.
func openEmpty(ctx context.Context, dsn string) (*store.Store, error) {
	st, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		return nil, err
	}
	s, err := st.Stats(ctx)
	if err == nil && (s.Articles > 0 || s.Facts > 0) {
		err = fmt.Errorf("%s: %w (give an empty store)", store.Redact(dsn), ErrNotEmpty)
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// runSize measures one corpus size.
func runSize(ctx context.Context, opts Options, n int) (Result, string, error) {
	r := Result{Articles: n}
	w := simworld.New(opts.Seed, simworld.Options{Articles: n, EventsPerArticle: opts.EventsPerArticle})
	corpus, err := writeCorpus(w, filepath.Join(opts.TempDir, fmt.Sprintf("sim-%d.jsonl", n)))
	if err != nil {
		return r, "", err
	}
	defer os.Remove(corpus)
	dsn := opts.StoreFor("ingest", n)
	backend, err := store.BackendFor(dsn)
	if err != nil {
		return r, "", err
	}
	st, err := openEmpty(ctx, dsn)
	if err != nil {
		return r, "", err
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	p, err := opts.NewPipeline(st)
	if err != nil {
		return r, "", err
	}

	// Ingest, as `geokg ingest` does.
	reset := resetPeakRSS()
	stopSampling := sampleRSS()
	start := time.Now()
	sum, err := p.Run(ctx, []string{corpus}, nil, ingest.ReadOptions{})
	wall := time.Since(start)
	peaks := stopSampling()
	r.PeakRSS, r.PeakSinceStart = peakRSS(), !reset
	r.PeakAnon, r.PeakFile = peaks.Anon, peaks.File
	if err != nil {
		return r, "", err
	}
	if sum.Errors > 0 {
		return r, "", fmt.Errorf("ingest: %d items failed (%s)", sum.Errors, sum)
	}
	quadsFile := filepath.Join(opts.TempDir, fmt.Sprintf("quads-%d.pq", n))
	nquads, err := spillQuads(ctx, st, quadsFile)
	defer os.Remove(quadsFile)
	if err != nil {
		return r, "", err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return r, "", err
	}
	r.Facts, r.Quads, r.WallSeconds = stats.Facts, nquads, wall.Seconds()
	r.ArticlesPS = float64(sum.Read) / wall.Seconds()
	r.FactsPS = float64(sum.FactsAdded) / wall.Seconds()
	r.QuadsPS = float64(nquads) / wall.Seconds()

	// Queries in-process, and holders against the truth.
	tr := w.Truth()
	eng := queries.NewWithOptions(st, queries.Options{Evidence: true}) // as geokg query and ask read
	names, err := queries.LoadNames(ctx, st)
	if err != nil {
		return r, "", err
	}
	samples := pickSamples(ctx, eng, tr)
	e := env{eng: eng, names: names, today: day(opts.Today)}
	r.InProcess = map[string]Latency{}
	for _, f := range forms {
		var ds []time.Duration
		for i := 0; i < opts.Queries && len(samples) > 0; i++ {
			s := samples[i%len(samples)]
			t0 := time.Now()
			if err := f.run(ctx, e, s); err != nil && !errors.Is(err, queries.ErrUnknownEntity) && !errors.Is(err, queries.ErrAmbiguous) {
				return r, "", fmt.Errorf("%s %v: %w", f.Name, s, err)
			}
			ds = append(ds, time.Since(t0))
		}
		r.InProcess[f.Name] = latency(ds)
	}
	truth, err := simcheck.Check(ctx, eng, tr, truthLimits)
	if err != nil {
		return r, "", fmt.Errorf("checking answers against the truth: %w", err)
	}
	r.HoldersChecked, r.HoldersAgree = truth.Holders.Checked, truth.Holders.Agree
	r.FactsAtChecked, r.FactsAtAgree = truth.FactsAt.Checked, truth.FactsAt.Agree
	r.TimelineChecked, r.TimelineAgree = truth.Timeline.Checked, truth.Timeline.Agree

	if err := st.Close(); err != nil {
		return r, "", err
	}
	st = nil
	if backend.Dir {
		if r.StoreBytes, err = dirBytes(dsn); err != nil {
			return r, "", err
		}
		r.BytesPerFact = float64(r.StoreBytes) / float64(max(r.Facts, 1))
	}
	if backend.Name == "bbolt" {
		u, err := store.BoltUsageOf(dsn)
		if err != nil {
			return r, "", err
		}
		r.InUseBytes, r.InUsePerFact = u.InUse, float64(u.InUse)/float64(max(r.Facts, 1))
	}

	// Queries as whole processes, on the closed store.
	r.Process = map[string]Latency{}
	if opts.Exe != "" && backend.Persistent() && opts.ProcessRuns > 0 {
		for _, f := range forms {
			var ds []time.Duration
			for i := 0; i < opts.ProcessRuns && len(samples) > 0; i++ {
				d, err := runProcess(ctx, opts.Exe, dsn, f.args(samples[i%len(samples)]))
				if err != nil {
					return r, "", fmt.Errorf("%s as a process: %w", f.Name, err)
				}
				ds = append(ds, d)
			}
			r.Process[f.Name] = latency(ds)
		}
	}

	// What compacting the store leaves (after the process timings, which
	// run on the store as ingest left it).
	if backend.Name == "bbolt" {
		cs, err := store.Compact(ctx, dsn, nil)
		if err != nil {
			return r, "", err
		}
		r.CompactedBytes, r.CompactedPerFact = cs.After.File, float64(cs.After.File)/float64(max(r.Facts, 1))
	}

	// The same quads, raw, into a fresh store of the same backend.
	if backend.Sharing != store.Shared {
		rate, err := rawLoad(ctx, opts.StoreFor("raw", n), quadsFile)
		if err != nil {
			return r, "", fmt.Errorf("raw load: %w", err)
		}
		r.RawQuadsPS = rate
		if rate > 0 {
			r.RawRatio = r.QuadsPS / rate
		}
	}
	return r, backend.Name, nil
}

// writeCorpus writes w's articles as JSONL to path.
func writeCorpus(w *simworld.World, path string) (string, error) {
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	bw := bufio.NewWriter(f)
	err = errors.Join(w.WriteArticles(bw), bw.Flush(), f.Close())
	return path, err
}

// pickSamples returns up to maxSamples terms of country and organization
// leaders that the store knows, each with the middle of its term and
// another known person.
func pickSamples(ctx context.Context, eng *queries.Engine, tr *simworld.Truth) []sample {
	var out []sample
	for _, t := range tr.Terms {
		if t.Post() || len(out) >= maxSamples {
			continue
		}
		if _, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: t.Person}); err != nil {
			continue // a term no article named
		}
		out = append(out, sample{Person: t.Person, Of: t.Of, At: simcheck.Middle(t)})
	}
	for i := range out {
		out[i].Other = out[(i+len(out)/2+1)%len(out)].Person
	}
	return out
}

// runProcess runs exe --db dsn args as its own process and returns its
// wall time.
func runProcess(ctx context.Context, exe, dsn string, args []string) (time.Duration, error) {
	cmd := exec.CommandContext(ctx, exe, append([]string{"--db", dsn}, args...)...)
	cmd.Args[0] = "geokg" // test binaries pick their command by it
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return d, fmt.Errorf("geokg %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return d, nil
}

// spillQuads writes every quad of st to path (binary pquads, which keep
// each value's type) and returns how many it wrote: the raw load reads
// them back a transaction at a time, so that the bench's memory does not
// grow with the store (a million facts are some 15 million quads).
func spillQuads(ctx context.Context, st *store.Store, path string) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	pw := pquads.NewWriter(bw, nil)
	n := 0
	err = st.DumpQuads(ctx, func(q quad.Quad) error {
		n++
		return pw.WriteQuad(q)
	})
	return n, errors.Join(err, pw.Close(), bw.Flush(), f.Close())
}

// rawLoad writes the quads spilled to path into the fresh store dsn,
// RawChunk per transaction, and returns the quads per second. Only the
// writes are timed: each chunk is read from the file before its
// transaction starts. It runs without the
// Go memory limit an ingest sets (geokg ingest's ingest.memory_limit),
// as a plain Cayley load would: a transaction of RawChunk quads is held
// in memory whole, and under the ingest's limit the collector would run
// without pause and measure the limit, not the backend.
func rawLoad(ctx context.Context, dsn, path string) (float64, error) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	pr := pquads.NewReader(bufio.NewReaderSize(f, 1<<20), 0)
	st, err := openEmpty(ctx, dsn)
	if err != nil {
		return 0, err
	}
	var (
		spent time.Duration
		total int
		chunk = make([]quad.Quad, 0, RawChunk)
	)
	for {
		chunk = chunk[:0]
		for len(chunk) < RawChunk {
			q, err := pr.ReadQuad()
			if err == io.EOF {
				break
			}
			if err != nil {
				st.Close()
				return 0, fmt.Errorf("%s: %w", path, err)
			}
			chunk = append(chunk, q)
		}
		if len(chunk) == 0 {
			break
		}
		start := time.Now()
		if _, err := st.LoadQuads(ctx, quad.NewReader(chunk)); err != nil {
			st.Close()
			return 0, err
		}
		spent += time.Since(start)
		total += len(chunk)
	}
	start := time.Now()
	if err := st.Close(); err != nil { // a bbolt store syncs on close
		return 0, err
	}
	spent += time.Since(start)
	return float64(total) / spent.Seconds(), nil
}
