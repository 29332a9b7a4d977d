package schedule

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/feed"
	"github.com/geokg/geokg/store"
)

// keepOpen lets one in-memory store live across the runner's rounds.
type keepOpen struct{ *store.Store }

func (keepOpen) Close() error { return nil }

var testExtractor = sync1(func() *extract.Extractor {
	ex, err := extract.New()
	if err != nil {
		panic(err)
	}
	return ex
})

func sync1[T any](f func() T) func() T {
	var v T
	var done atomic.Bool
	return func() T {
		if !done.Load() {
			v = f()
			done.Store(true)
		}
		return v
	}
}

// newRunner returns a runner over a fresh in-memory store, with its state
// in dir (or in memory when dir is "").
func newRunner(t *testing.T, st *store.Store, dir string, sources ...Source) *Runner {
	t.Helper()
	require.NoError(t, CheckAll(sources, false))
	r := &Runner{
		Sources:   sources,
		Open:      func(context.Context) (Store, error) { return keepOpen{st}, nil },
		Extractor: testExtractor(),
		Fetcher:   &feed.Fetcher{Timeout: 300 * time.Millisecond},
		Backoff:   Backoff{Base: time.Minute, Max: time.Hour},
	}
	if dir != "" {
		r.StatePath = filepath.Join(dir, "state.json")
	}
	return r
}

func memStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func rssWith(items ...string) string {
	return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>` + strings.Join(items, "") + `</channel></rss>`
}

func rssItem(id, link, text string) string {
	return fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>%s</link><pubDate>Fri, 29 Nov 2024 18:00:00 GMT</pubDate><description>%s</description></item>`, id, id, link, text)
}

const pageHTML = `<!doctype html><html><head><title>%s</title></head><body><article>
<p>%s</p><p>The talks covered the war in Ukraine and the alliance's defence spending.</p></article></body></html>`

// feedServer serves feeds and pages, counting requests and 304s.
type feedServer struct {
	*httptest.Server
	notModified atomic.Int32
	rss         atomic.Value // string
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{}
	fs.rss.Store(rssWith(
		rssItem("r1", "/p/1", "Item one text."),
		rssItem("r2", "/p/2", "Item two text."),
		rssItem("r3", "/p/missing", "Item three text."),
	))
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		body := fs.rss.Load().(string)
		etag := fmt.Sprintf(`"%d"`, len(body))
		if r.Header.Get("If-None-Match") == etag {
			fs.notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Write([]byte(body))
	})
	mux.HandleFunc("/feed.atom", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>a</title><id>urn:f</id><updated>2025-03-14T10:00:00Z</updated>
<entry><id>urn:a1</id><title>Carney</title><link href="/p/9"/><updated>2025-03-14T10:00:00Z</updated><content type="html">&lt;p&gt;Mark Carney became Prime Minister of Canada.&lt;/p&gt;</content></entry></feed>`))
	})
	mux.HandleFunc("/p/", func(w http.ResponseWriter, r *http.Request) {
		n := strings.TrimPrefix(r.URL.Path, "/p/")
		if n == "missing" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, pageHTML, "Page "+n, "Mark Rutte met Donald Trump in Palm Beach, page "+n+".")
	})
	mux.HandleFunc("/broken.rss", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", 500) })
	mux.HandleFunc("/bad.rss", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`<rss><channel><item>`)) })
	mux.HandleFunc("/slow.rss", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	return fs
}

func TestFeedsFailAlone(t *testing.T) {
	srv := newFeedServer(t)
	st := memStore(t)
	dir := t.TempDir()
	sources := []Source{
		{Name: "broken", Kind: KindRSS, URL: srv.URL + "/broken.rss"},
		{Name: "malformed", Kind: KindRSS, URL: srv.URL + "/bad.rss"},
		{Name: "slow", Kind: KindRSS, URL: srv.URL + "/slow.rss"},
		{Name: "world", Kind: KindRSS, URL: srv.URL + "/feed.rss", FollowLinks: true},
		{Name: "agency", Kind: KindAtom, URL: srv.URL + "/feed.atom"},
	}
	r := newRunner(t, st, dir, sources...)
	ctx := context.Background()
	res, err := r.Once(ctx)
	require.NoError(t, err)
	require.Len(t, res, 5)
	assert.ErrorIs(t, res[0].Err, feed.ErrStatus)
	assert.ErrorIs(t, res[1].Err, feed.ErrBadFeed)
	assert.ErrorIs(t, res[2].Err, context.DeadlineExceeded)
	for _, bad := range res[:3] {
		st := r.State.Sources[bad.Source]
		assert.Equal(t, 1, st.Failures, bad.Source)
		assert.NotEmpty(t, st.LastError, bad.Source)
		assert.True(t, st.LastSuccess.IsZero(), bad.Source)
		assert.WithinDuration(t, time.Now().Add(time.Minute), st.NextRun, 20*time.Second, "backoff after the first failure")
	}
	world := res[3]
	require.NoError(t, world.Err)
	assert.Equal(t, 2, world.Summary.New, "two linked pages stored")
	assert.Equal(t, 1, world.Summary.Errors, "the missing page is a bad item")
	a, _, err := st.LookupArticle(ctx, "r1", "")
	require.NoError(t, err)
	require.NotNil(t, a)
	assert.Equal(t, "Page 1", a.Title, "the linked page's text and title are used")
	assert.Equal(t, srv.URL+"/p/1", a.URL)
	require.NoError(t, res[4].Err)
	assert.Equal(t, 1, res[4].Summary.New)
	wst := r.State.Sources["world"]
	assert.Empty(t, wst.Validators.ETag, "validators are kept only when every item was taken")
	assert.Contains(t, wst.LastError, "404")

	// The state survives a restart: a new runner reads it from the file.
	srv.rss.Store(rssWith(
		rssItem("r1", "/p/1", "Item one text."),
		rssItem("r2", "/p/2", "Item two text."),
		rssItem("r4", "/p/4", "Item four text."),
	))
	r2 := newRunner(t, st, dir, sources...)
	res, err = r2.Once(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, res[3].Summary.New, "only the new item")
	assert.Equal(t, 1, res[3].Summary.Read, "seen items are not fetched again")
	assert.Equal(t, 2, r2.State.Sources["broken"].Failures)
	assert.NotEmpty(t, r2.State.Sources["world"].Validators.ETag)

	// Third run: the server answers 304.
	res, err = newRunner(t, st, dir, sources...).Once(ctx)
	require.NoError(t, err)
	assert.True(t, res[3].NotModified)
	assert.Zero(t, res[3].Summary.Read)
	assert.EqualValues(t, 1, srv.notModified.Load())
	stats, err := st.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, 4, stats.Articles, "r1, r2, r4 and the atom entry, each once")
}

func TestJSONLAppend(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "wire.jsonl")
	line := func(i int) string {
		return fmt.Sprintf(`{"id":"w%d","published":"2024-11-%02d","text":"Mark Rutte met Donald Trump in Palm Beach, meeting %d."}`+"\n", i, i, i)
	}
	write := func(s string, flag int) {
		f, err := os.OpenFile(file, flag|os.O_WRONLY|os.O_CREATE, 0o644)
		require.NoError(t, err)
		_, err = f.WriteString(s)
		require.NoError(t, err)
		require.NoError(t, f.Close())
	}
	full := line(3)
	write(line(1)+"not json\n"+line(2)+full[:20], os.O_TRUNC)
	st := memStore(t)
	src := Source{Name: "wire", Kind: KindJSONL, Path: file}
	ctx := context.Background()

	res, err := newRunner(t, st, dir, src).Once(ctx)
	require.NoError(t, err)
	require.NoError(t, res[0].Err)
	assert.Equal(t, 2, res[0].Summary.New)
	assert.Equal(t, 1, res[0].Summary.Errors, "the bad line")

	write(full[20:]+line(4), os.O_APPEND)
	r := newRunner(t, st, dir, src)
	res, err = r.Once(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, res[0].Summary.New, "the completed line and the new one")
	assert.Equal(t, 2, res[0].Summary.Read, "old lines are not read again")
	fs := r.State.Sources["wire"].Files[file]
	require.NotNil(t, fs)
	assert.Equal(t, 5, fs.Line)

	res, err = newRunner(t, st, dir, src).Once(ctx)
	require.NoError(t, err)
	assert.Zero(t, res[0].Summary.Read, "nothing appended, nothing read")

	// A rewritten file is read again from the start; the store skips what it holds.
	write(line(1)+line(5)+line(6)+line(7)+line(8)+line(9), os.O_TRUNC)
	res, err = newRunner(t, st, dir, src).Once(ctx)
	require.NoError(t, err)
	assert.Equal(t, 6, res[0].Summary.Read)
	assert.Equal(t, 5, res[0].Summary.New)
	assert.Equal(t, 1, res[0].Summary.Unchanged)
}

func TestDirSource(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	require.NoError(t, os.MkdirAll(filepath.Join(in, "sub"), 0o755))
	md := func(name, text string) {
		require.NoError(t, os.WriteFile(filepath.Join(in, name), []byte("---\npublished: 2024-11-29\n---\n"+text+"\n"), 0o644))
	}
	md("a.md", "Mark Rutte met Donald Trump in Palm Beach.")
	md("sub/b.md", "Keir Starmer became Prime Minister of the United Kingdom.")
	require.NoError(t, os.WriteFile(filepath.Join(in, "skip.bin"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(in, ".hidden.md"), []byte("hidden"), 0o644))
	st := memStore(t)
	src := Source{Name: "inbox", Kind: KindDir, Path: in}
	ctx := context.Background()
	res, err := newRunner(t, st, dir, src).Once(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, res[0].Summary.New)

	md("c.md", "Mark Carney became Prime Minister of Canada.")
	require.NoError(t, os.Remove(filepath.Join(in, "sub/b.md")))
	r := newRunner(t, st, dir, src)
	res, err = r.Once(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, res[0].Summary.Read, "only the new file")
	assert.Equal(t, 1, res[0].Summary.New)
	assert.Len(t, r.State.Sources["inbox"].Files, 2, "the removed file is forgotten")
}

func TestRunLoopAndShutdown(t *testing.T) {
	srv := newFeedServer(t)
	st := memStore(t)
	dir := t.TempDir()
	src := Source{Name: "world", Kind: KindRSS, URL: srv.URL + "/feed.rss", Every: 50 * time.Millisecond}
	require.NoError(t, src.Check(true))
	r := newRunner(t, st, dir, src)
	r.Sources[0] = src
	ctx, cancel := context.WithCancel(context.Background())
	var runs atomic.Int32
	r.OnResult = func(Result) {
		if runs.Add(1) == 3 {
			cancel()
		}
	}
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	select {
	case err := <-done:
		require.NoError(t, err, "a cancelled Run returns nil")
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not stop")
	}
	assert.GreaterOrEqual(t, runs.Load(), int32(3))
	state, err := LoadState(r.StatePath)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, state.Sources["world"].Runs, 3, "the state is saved")
	assert.Equal(t, 3, state.Sources["world"].Items, "each item once, however many runs")
}

func TestOpenFailureBacksOff(t *testing.T) {
	src := Source{Name: "x", Kind: KindDir, Path: t.TempDir(), Every: time.Hour}
	require.NoError(t, src.Check(true))
	r := newRunner(t, memStore(t), "", src)
	r.Sources[0] = src
	r.Open = func(context.Context) (Store, error) { return nil, fmt.Errorf("open: %w", store.ErrLocked) }
	ctx, cancel := context.WithCancel(context.Background())
	r.OnResult = func(res Result) {
		assert.ErrorIs(t, res.Err, store.ErrLocked)
		cancel()
	}
	require.NoError(t, r.Run(ctx))
	st := r.State.Sources["x"]
	assert.Equal(t, 1, st.Failures)
	assert.Contains(t, st.LastError, "locked by another geokg process")
}

// TestOnceOpenFailureRecorded: a pass that cannot open the store fails
// every source, and each failure is in the saved state.
func TestOnceOpenFailureRecorded(t *testing.T) {
	dir := t.TempDir()
	a := Source{Name: "a", Kind: KindDir, Path: t.TempDir(), Every: time.Hour}
	b := Source{Name: "b", Kind: KindDir, Path: t.TempDir(), Every: time.Hour}
	r := newRunner(t, memStore(t), dir, a, b)
	r.Open = func(context.Context) (Store, error) { return nil, fmt.Errorf("open: %w", store.ErrLocked) }
	var reported []string
	r.OnResult = func(res Result) { reported = append(reported, res.Source) }
	results, err := r.Once(context.Background())
	require.NoError(t, err)
	require.Len(t, results, 2)
	assert.Equal(t, []string{"a", "b"}, reported)
	state, err := LoadState(r.StatePath)
	require.NoError(t, err)
	for _, name := range []string{"a", "b"} {
		st := state.Sources[name]
		require.NotNil(t, st, name)
		assert.ErrorIs(t, results[0].Err, store.ErrLocked)
		assert.Equal(t, 1, st.Failures, name)
		assert.Equal(t, 1, st.Runs, name)
		assert.False(t, st.LastRun.IsZero(), name)
		assert.Contains(t, st.LastError, "open store: open: store is locked", name)
	}
}

// TestFailurePrintedOnce: a failed source is an error in the log unless the
// caller reports each result itself (OnResult), when the log line drops to
// info so that a failure prints once at the default level.
func TestFailurePrintedOnce(t *testing.T) {
	for _, report := range []bool{false, true} {
		var logs bytes.Buffer
		src := Source{Name: "x", Kind: KindDir, Path: t.TempDir(), Every: time.Hour}
		r := newRunner(t, memStore(t), t.TempDir(), src)
		r.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
		r.Open = func(context.Context) (Store, error) { return nil, fmt.Errorf("open: %w", store.ErrLocked) }
		if report {
			r.OnResult = func(Result) {}
		}
		_, err := r.Once(context.Background())
		require.NoError(t, err)
		if report {
			assert.NotContains(t, logs.String(), "source failed", "reported by OnResult, not logged again")
		} else {
			assert.Contains(t, logs.String(), "level=ERROR msg=\"source failed\"")
		}
	}
}
