package server

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// slowStore is a store whose fact reads wait for their context to end,
// counting the reads that were cancelled.
type slowStore struct {
	*store.Store
	cancelled atomic.Int32
	started   chan struct{}
}

func (s *slowStore) Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error {
	select {
	case s.started <- struct{}{}:
	default:
	}
	<-ctx.Done()
	s.cancelled.Add(1)
	return ctx.Err()
}

func TestTimeoutCancelsQuery(t *testing.T) {
	slow := &slowStore{Store: memStore(t), started: make(chan struct{}, 1)}
	srv := New(Held(slow), Options{Timeout: 200 * time.Millisecond})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	start := time.Now()
	resp, body := do(t, ts, "GET", query(API+"/facts", "subject", "Vale"), "")
	assert.Equal(t, http.StatusGatewayTimeout, resp.StatusCode, body)
	assert.Contains(t, body, "time limit of 200ms")
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.EqualValues(t, 1, slow.cancelled.Load(), "the query's context was cancelled")
}

func TestGizmoLoopHitsTimeout(t *testing.T) {
	_, ts := newTestServer(t, Options{Timeout: 2 * time.Second})
	for _, c := range []struct{ name, timeout, want string }{
		{"its own limit", "300ms", "gizmo query timed out after 300ms"},
		// capped at the request timeout: whichever of the two 2 s limits
		// fires first names itself
		{"the server's limit", "", `gizmo query timed out after 2s|the server's time limit of 2s`},
	} {
		t.Run(c.name, func(t *testing.T) {
			target := API + "/gizmo"
			if c.timeout != "" {
				target = query(target, "timeout", c.timeout)
			}
			start := time.Now()
			resp, body := do(t, ts, "POST", target, `var i = 0; while (true) { i++ }`)
			assert.Equal(t, http.StatusGatewayTimeout, resp.StatusCode, body)
			assert.Regexp(t, c.want, body)
			assert.Less(t, time.Since(start), 10*time.Second)
		})
	}
}

// TestGracefulShutdown checks that ending Serve's context lets the request
// in flight finish with its answer, and refuses new connections.
func TestGracefulShutdown(t *testing.T) {
	slow := &slowStore{Store: memStore(t), started: make(chan struct{}, 1)}
	srv := New(Held(slow), Options{Timeout: 500 * time.Millisecond})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()

	got := make(chan int, 1)
	go func() {
		resp, err := http.Get(url + API + "/facts?subject=Vale")
		if err != nil {
			got <- -1
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-slow.started // the request is in flight
	cancel()
	assert.Equal(t, http.StatusGatewayTimeout, <-got, "the request in flight got its answer")
	require.NoError(t, <-served)
	_, err = http.Get(url + "/healthz")
	assert.Error(t, err, "no longer listening")
}

// TestPerRequestBolt checks the bbolt design: the server opens the store
// read-only for each request only, so a writer can open it between
// requests, and a request made while the writer holds it answers 503.
func TestPerRequestBolt(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	w, err := store.Open(ctx, dir, store.Options{})
	require.NoError(t, err)
	fill(t, w)
	require.NoError(t, w.Close())

	opener, err := OpenerFor(ctx, dir, func(ctx context.Context) (ClosingStore, error) {
		return store.Open(ctx, dir, store.Options{ReadOnly: true})
	})
	require.NoError(t, err)
	defer opener.Close()
	ts := httptest.NewServer(New(opener, Options{}).Handler())
	defer ts.Close()

	resp, body := do(t, ts, "GET", API+"/stats", "")
	require.Equal(t, 200, resp.StatusCode, body)
	assert.Contains(t, body, `"facts": 4`)

	// Between requests the store is free: a writer opens it.
	w, err = store.Open(ctx, dir, store.Options{})
	require.NoError(t, err, "the server must not hold the bbolt store between requests")
	resp, body = do(t, ts, "GET", query(API+"/facts", "subject", "Vale"), "")
	assert.Equal(t, http.StatusServiceUnavailable, resp.StatusCode, body)
	assert.Contains(t, body, "locked")
	require.NoError(t, w.Close())

	resp, body = do(t, ts, "GET", query(API+"/facts", "subject", "Vale"), "")
	require.Equal(t, 200, resp.StatusCode, body)
	assert.True(t, strings.Contains(body, "Rufus Firefly"))

	_, err = OpenerFor(ctx, t.TempDir(), func(ctx context.Context) (ClosingStore, error) {
		return store.Open(ctx, dir+"/missing", store.Options{ReadOnly: true})
	})
	assert.ErrorIs(t, err, store.ErrNotFound, "a missing store fails at start")
}
