package feed

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
)

const rssDoc = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>World</title>
<item><guid>w-2</guid><title>Rutte in Palm Beach</title><link>/news/2</link>
<pubDate>Fri, 29 Nov 2024 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Mark Rutte met Donald Trump in Palm Beach.&lt;/p&gt;&lt;p&gt;They spoke about &lt;b&gt;NATO&lt;/b&gt;.&lt;/p&gt;</description></item>
<item><title>No guid</title><link>https://example.org/news/1</link>
<description>Plain text &amp; entities.</description></item>
</channel></rss>`

const atomDoc = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:feed</id><updated>2025-02-14T10:00:00Z</updated>
<entry><id>urn:uuid:1</id><title>Carney</title><link href="https://example.org/a/1"/>
<updated>2025-03-14T10:00:00Z</updated><content type="html">&lt;p&gt;Mark Carney was sworn in.&lt;/p&gt;</content></entry>
</feed>`

const pageDoc = `<!doctype html><html><head><title>Rutte page</title>
<meta property="article:published_time" content="2024-11-29"></head>
<body><nav>Home | World</nav><article><h1>Rutte in Palm Beach</h1>
<p>NATO Secretary General Mark Rutte met Donald Trump in Palm Beach on Friday, officials said.</p>
<p>The meeting covered a range of global security issues facing the alliance.</p></article>
<footer>Copyright</footer></body></html>`

func TestParse(t *testing.T) {
	f, err := Parse([]byte(rssDoc))
	require.NoError(t, err)
	assert.Equal(t, "rss", f.Type)
	require.Len(t, f.Items, 2)
	it := f.Items[0]
	assert.Equal(t, "w-2", it.ID)
	assert.Equal(t, "/news/2", it.Link)
	assert.Equal(t, "Mark Rutte met Donald Trump in Palm Beach.\nThey spoke about NATO.", it.Text)
	assert.Equal(t, "2024-11-29", it.Article("x").Published.String())
	assert.Equal(t, "https://example.org/news/1", f.Items[1].ID, "link stands in for a missing guid")
	assert.Equal(t, "Plain text & entities.", f.Items[1].Text)

	f, err = Parse([]byte(atomDoc))
	require.NoError(t, err)
	assert.Equal(t, "atom", f.Type)
	require.Len(t, f.Items, 1)
	assert.Equal(t, "urn:uuid:1", f.Items[0].ID)
	assert.Equal(t, "Mark Carney was sworn in.", f.Items[0].Text)
	assert.Equal(t, graph.DayOf(2025, 3, 14), f.Items[0].Article("x").Published)

	for name, doc := range map[string]string{
		"malformed XML": `<rss version="2.0"><channel><item><title>x</title>`,
		"empty":         "  ",
		"HTML":          pageDoc,
		"JSON feed":     `{"version":"https://jsonfeed.org/version/1","items":[]}`,
	} {
		_, err := Parse([]byte(doc))
		assert.ErrorIs(t, err, ErrBadFeed, name)
	}
}

func TestTextOf(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"a  b":                              "a b",
		"<p>One</p><p>Two <i>three</i></p>": "One\nTwo three",
		"x<br>y<script>bad()</script>":      "x\ny",
		"<ul><li>a</li><li>b</li></ul>tail": "a\nb\ntail",
		"Fish &amp; chips &lt;3":            "Fish & chips <3",
	} {
		assert.Equal(t, want, TextOf(in), in)
	}
}

// server serves the test documents; /slow waits for the client to give up.
func server(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var hits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.rss", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Fri, 29 Nov 2024 18:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(rssDoc))
	})
	mux.HandleFunc("/page.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(pageDoc))
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n"))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	})
	srv := httptest.NewServer(mux) // 127.0.0.1
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestGet(t *testing.T) {
	srv, hits := server(t)
	ctx := context.Background()
	f := &Fetcher{Timeout: 200 * time.Millisecond, MaxBytes: 1024}

	resp, err := f.Get(ctx, srv.URL+"/feed.rss", Validators{}, FeedAccept)
	require.NoError(t, err)
	assert.False(t, resp.NotModified)
	assert.Equal(t, Validators{ETag: `"v1"`, LastModified: "Fri, 29 Nov 2024 18:00:00 GMT"}, resp.Validators)
	assert.Contains(t, string(resp.Body), "<rss")

	again, err := f.Get(ctx, srv.URL+"/feed.rss", resp.Validators, FeedAccept)
	require.NoError(t, err)
	assert.True(t, again.NotModified, "the ETag is sent back and the server answers 304")
	assert.Empty(t, again.Body)
	assert.Equal(t, resp.Validators, again.Validators)
	assert.EqualValues(t, 2, hits.Load())

	_, err = f.Get(ctx, srv.URL+"/broken", Validators{}, "")
	assert.ErrorIs(t, err, ErrStatus)
	assert.ErrorContains(t, err, "500")

	start := time.Now()
	_, err = f.Get(ctx, srv.URL+"/slow", Validators{}, "")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 3*time.Second, "the timeout cuts a slow response")

	_, err = f.Get(ctx, srv.URL+"/big", Validators{}, "")
	assert.ErrorIs(t, err, ErrTooLarge)

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	_, err = f.Get(cancelled, srv.URL+"/feed.rss", Validators{}, "")
	assert.True(t, errors.Is(err, context.Canceled), "%v", err)
}

func TestPage(t *testing.T) {
	srv, _ := server(t)
	ctx := context.Background()
	f := &Fetcher{Timeout: time.Second}
	a, warns, err := f.Page(ctx, srv.URL+"/page.html", "w-2", ingest.ReadOptions{})
	require.NoError(t, err)
	assert.Empty(t, warns)
	assert.Equal(t, "w-2", a.ID)
	assert.Equal(t, "Rutte page", a.Title)
	assert.Equal(t, srv.URL+"/page.html", a.URL, "the page's URL when it names none")
	assert.Equal(t, "2024-11-29", a.Published.String())
	assert.Contains(t, a.Text, "Mark Rutte met Donald Trump")
	assert.NotContains(t, a.Text, "Copyright")
	assert.NotContains(t, a.Text, "Home | World")

	_, _, err = f.Page(ctx, srv.URL+"/image.png", "x", ingest.ReadOptions{})
	assert.ErrorIs(t, err, ErrNotHTML)
	_, _, err = f.Page(ctx, srv.URL+"/broken", "x", ingest.ReadOptions{})
	assert.ErrorIs(t, err, ErrStatus)
}
