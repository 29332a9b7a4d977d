package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// chromiumPath finds a Chromium binary already on the machine:
// $GEOKG_CHROMIUM, else chromium, chromium-browser or google-chrome on the
// PATH. The test never downloads a browser.
func chromiumPath() string {
	if p := os.Getenv("GEOKG_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// sampleStore ingests the quickstart's sample articles into a memory store.
func sampleStore(t *testing.T) *store.Store {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	require.NoError(t, os.CopyFS(dir, data.Samples))
	st, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	ex, err := extract.New()
	require.NoError(t, err)
	res, err := resolve.New()
	require.NoError(t, err)
	p := &ingest.Pipeline{Store: st, Extractor: ex, Resolver: res, Workers: 1}
	sum, err := p.Run(ctx, []string{filepath.Join(dir, "samples")}, strings.NewReader(""), ingest.ReadOptions{})
	require.NoError(t, err)
	require.NotZero(t, sum.FactsAdded, "the samples gave no facts")
	return st
}

// browserRestated is how many articles restateRutte adds in the browser
// test: more than an answer's evidence lists.
const browserRestated = 9

// restatedSentence is the sentence of restatement i of restateRutte.
func restatedSentence(i int) string {
	return fmt.Sprintf("NATO Secretary General Mark Rutte addressed the alliance's ministers (briefing %d).", i)
}

// restateRutte writes n articles, a day apart in December 2024 and
// recorded after the samples, that restate the samples' term of Mark
// Rutte as NATO's secretary general.
func restateRutte(t *testing.T, st *store.Store, n int) {
	t.Helper()
	ctx := context.Background()
	var term graph.Fact
	err := st.Facts(ctx, store.FactFilter{Objects: []string{graph.EntityID(graph.Organization, "NATO")}, Predicate: graph.Leads}, func(f graph.Fact) error {
		if f.Subject == graph.EntityID(graph.Person, "Mark Rutte") {
			term = f
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, term.ID, "the samples state Rutte's term")
	for i := range n {
		art := fmt.Sprintf("briefing-%02d", i)
		pub := graph.DayOf(2024, 12, 2+i)
		f := graph.Fact{Subject: term.Subject, Predicate: term.Predicate, Object: term.Object, Role: term.Role, Confidence: 0.8,
			Sources: []graph.Source{{Article: art, Published: pub, Sentence: restatedSentence(i)}}}
		f.ComputeID()
		require.Equal(t, term.ID, f.ID)
		b := graph.Batch{Article: graph.Article{ID: art, Title: "Briefing " + art, Published: pub, Hash: "h-" + art}, Facts: []graph.Fact{f}}
		_, err := st.Write(ctx, b, time.Now().Add(time.Duration(i+1)*time.Hour))
		require.NoError(t, err)
	}
}

// TestConsoleInChromium drives the web console in a real headless
// Chromium on the quickstart samples: a question and its evidence, entity
// completion, the timeline's bars, the graph's nodes and its date slider,
// a path. Screenshots go to $GEOKG_SCREENSHOTS, else a temporary folder.
func TestConsoleInChromium(t *testing.T) {
	bin := chromiumPath()
	if bin == "" {
		t.Skip("no chromium binary found (install Debian's chromium, or set GEOKG_CHROMIUM): the browser test needs a real browser and never downloads one")
	}
	if testing.Short() {
		t.Skip("the browser test is slow; skipped with -short")
	}
	st := sampleStore(t)
	restateRutte(t, st, browserRestated)
	opener := Held(st)
	t.Cleanup(func() { opener.Close() })
	srv := New(opener, Options{Now: func() time.Time { return testNow }})
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)

	shots := os.Getenv("GEOKG_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(shots, 0o755))

	actx, cancel := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1366, 860),
	)...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	var mu sync.Mutex
	var exceptions []string
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			exceptions = append(exceptions, (&chromedp.ExceptionError{ExceptionDetails: e.ExceptionDetails}).Error())
			mu.Unlock()
		}
	}))

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		require.NoError(t, chromedp.Do(ctx, steps...), what)
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		require.NoError(t, err, expr)
		return s
	}
	wait := func(what, expr string) {
		t.Helper()
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second)))
		if err != nil {
			if b, serr := chromedp.Run(ctx, chromedp.CaptureScreenshot()); serr == nil {
				_ = os.WriteFile(filepath.Join(shots, "failed.png"), b, 0o644)
			}
		}
		require.NoError(t, err, "waiting for %s (%s); status line: %q", what, expr, eval(`document.getElementById("status").textContent`))
	}
	clear := func(sel string) {
		t.Helper()
		eval(fmt.Sprintf(`(document.querySelector(%q).value = "")`, sel))
	}
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(shots, name+".png"), b, 0o644))
	}

	// A question typed and submitted with Enter; the answer and its evidence.
	do("open the console", chromedp.Navigate(ts.URL), chromedp.WaitVisible("#q"))
	do("ask", chromedp.SendKeys("#q", "who led NATO in December 2024"+kb.Enter))
	wait("an answer", `document.querySelectorAll("#answers tbody button.name").length > 0`)
	require.Equal(t, "Mark Rutte", eval(`document.querySelector("#answers tbody button.name").textContent`))
	require.Contains(t, eval(`document.querySelector("#answers tbody tr").textContent`), "2024-10-01")
	do("choose the answer", chromedp.Click("#answers tbody button.name"))
	wait("its evidence", `document.querySelectorAll("#evidence blockquote").length > 0`)
	evidence := eval(`document.getElementById("evidence").textContent`)
	require.Contains(t, evidence, "Mark Rutte took office as NATO secretary general")
	require.Contains(t, evidence, "Rutte takes the helm at NATO and heads to Kyiv")
	require.Contains(t, evidence, "2024-10-03")
	require.Equal(t, "https://example.org/samples/nato-rutte", eval(`Array.from(document.querySelectorAll("#evidence a")).map(a => a.href).find(h => h.includes("nato-rutte")) || ""`))
	require.Contains(t, eval(`localStorage.getItem("geokg.history") || ""`), "who led NATO in December 2024")
	shot("ask")
	// The answer lists the term's evidence; the other sources are paged
	// from /evidence on request, each once.
	require.NotContains(t, evidence, restatedSentence(browserRestated-2), "a restatement beyond the evidence is not listed")
	wait("more sources", `document.querySelector("#evidence .more-sources") !== null`)
	do("show more sources", chromedp.Click("#evidence .more-sources"))
	wait("every source", `document.querySelector("#evidence .more-sources") === null`)
	evidence = eval(`document.getElementById("evidence").textContent`)
	for i := range browserRestated {
		require.Equal(t, 1, strings.Count(evidence, restatedSentence(i)), "restatement %d listed once", i)
	}
	require.Equal(t, 1, strings.Count(evidence, "Mark Rutte took office as NATO secretary general"))
	shot("ask-sources")

	// Completion of an entity name while typing; arrow and Enter take it.
	clear("#q")
	do("type a partial name", chromedp.SendKeys("#q", "what positions has Mark Ru"))
	wait("a suggestion", `!document.getElementById("q-list").hidden && document.getElementById("q-list").textContent.includes("Mark Rutte")`)
	do("take it", chromedp.SendKeys("#q", kb.ArrowDown+kb.Enter))
	wait("the completed name", `document.getElementById("q").value === "what positions has Mark Rutte"`)

	// The timeline draws terms as bars and events as points.
	do("timeline tab", chromedp.Click("#tab-timeline"))
	clear("#tl-entity")
	do("timeline", chromedp.SendKeys("#tl-entity", "Mark Rutte"+kb.Enter))
	wait("timeline bars", `document.getElementById("status").textContent.includes("about Mark Rutte") && document.querySelectorAll("#timeline .vis-item.vis-range").length > 0 && document.querySelectorAll("#timeline .vis-item.vis-point").length > 0`)
	require.Contains(t, eval(`document.getElementById("timeline").textContent`), "leads NATO")
	shot("timeline")

	// The graph draws the neighbourhood; the slider replays it by date.
	do("graph tab", chromedp.Click("#tab-graph"))
	clear("#g-entity")
	do("graph", chromedp.SendKeys("#g-entity", "NATO"+kb.Enter))
	wait("graph nodes", `document.getElementById("graph").dataset.entity === "NATO" && Number(document.getElementById("graph").dataset.nodes) > 2 && document.querySelectorAll("#graph canvas").length > 0`)
	allNodes := eval(`document.getElementById("graph").dataset.nodes + "/" + document.getElementById("graph").dataset.edges`)
	require.Contains(t, eval(`document.getElementById("graph-nodes").textContent`), "Mark Rutte")
	shot("graph")
	do("move the slider to its first date", chromedp.Focus("#g-slider"), chromedp.SendKeys("#g-slider", kb.Home))
	first := eval(`document.getElementById("g-date").textContent`)
	require.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, first)
	wait("the graph as of "+first, fmt.Sprintf(`document.getElementById("graph").dataset.at === %q`, first))
	thenNodes := eval(`document.getElementById("graph").dataset.nodes + "/" + document.getElementById("graph").dataset.edges`)
	require.NotEqual(t, allNodes, thenNodes, "the graph as of %s is the graph of all time", first)
	require.Contains(t, eval(`document.getElementById("selection").textContent`), "as of "+first)
	shot("graph-slider")

	// Choosing a node recentres the graph on it.
	do("recentre", chromedp.Click(`#graph-nodes button`))
	wait("a new centre", `document.getElementById("g-entity").value !== "NATO"`)

	// A path between two entities.
	do("path", chromedp.Click("#tab-path"), chromedp.SendKeys("#p-a", "Mark Rutte"), chromedp.SendKeys("#p-b", "Sweden"+kb.Enter))
	wait("a path", `document.querySelectorAll("#paths li .step").length > 0`)
	require.Contains(t, eval(`document.getElementById("paths").textContent`), "NATO")
	shot("path")

	// A raw Gizmo query, and the stats panel.
	do("gizmo", chromedp.Click("#tab-gizmo"), chromedp.Click("#gizmo-form button[type=submit]"))
	wait("Gizmo results", `document.getElementById("gizmo-out").textContent.includes("geokg:entity/")`)
	do("stats", chromedp.Click("#tab-stats"))
	wait("the counts", `document.getElementById("stats").textContent.includes("facts")`)

	// Every export format can be downloaded.
	require.Equal(t, strings.Join(export.Names(), ","), eval(`Array.from(document.querySelectorAll("#export-format option")).map(o => o.value).join(",")`))

	mu.Lock()
	defer mu.Unlock()
	require.Empty(t, exceptions, "the page threw")
}
