package server

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/console"
	"github.com/geokg/geokg/queries"
)

// consoleLines are console lines over the fixture, covering every command
// that asks the store, :why after each kind of numbered answer, JSON
// output, and lines that fail (an unknown name, an unknown predicate, an
// unreadable question, an answer number out of range, a Gizmo error).
var consoleLines = []string{
	"who leads the Atlantic Alliance?",
	":why 1",
	":why 2",
	"whom did Vale meet?",
	":why 1",
	":facts --subject Vale",
	":why 2",
	":facts --object Freedonia --from 2024 --to 2025",
	":why 1",
	":facts --predicate likes",
	`:path "Tomas Brook" Firefly`,
	":why 1",
	`:path Brook Firefly --max-hops 1`,
	":at 2024-06-01",
	"who leads the Atlantic Alliance?",
	":facts --subject Brook",
	":at now",
	":timeline Firefly",
	":neighbors Vale",
	":why 1",
	":neighbors Vale --predicate met",
	":neighbors Nobody Known",
	":entities fire",
	":entities Fyrefly",
	`g.V("<geokg:entity/person/anna-vale>").Out("<geokg:rel/met>").All()`,
	"g.V((",
	"sing me a song",
	":json",
	"who leads the Atlantic Alliance?",
	":why 1",
	":facts --subject Vale",
	`:path Brook Firefly`,
	":neighbors Vale",
	":entities fire",
	`g.V("<geokg:entity/person/anna-vale>").Out("<geokg:rel/met>").All()`,
	":why 9",
}

// TestRemoteConsoleMatchesLocal runs the same console lines on the store
// (console.Local) and through the server (Remote): every line prints the
// same, and Tab completes the same.
func TestRemoteConsoleMatchesLocal(t *testing.T) {
	ctx := context.Background()
	// Both on the fixture with a fact stated by more sources than
	// answers list (restatedStore): :why says how many more.
	served, _ := restatedStore(t)
	opener := Held(served)
	t.Cleanup(func() { opener.Close() })
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler())
	t.Cleanup(ts.Close)
	st, _ := restatedStore(t)
	names, err := queries.LoadNames(ctx, st)
	require.NoError(t, err)
	var localOut, remoteOut, all bytes.Buffer
	local := &console.Console{Backend: &console.Local{Engine: queries.NewAnswering(st), Names: names}, Today: day("2026-01-15"), Out: &localOut}
	remote := &console.Console{Backend: &Remote{Client: &Client{Base: ts.URL}}, Today: day("2026-01-15"), Out: &remoteOut}
	for _, line := range consoleLines {
		localOut.Reset()
		remoteOut.Reset()
		require.NoError(t, local.Exec(ctx, line), line)
		require.NoError(t, remote.Exec(ctx, line), line)
		require.NotEmpty(t, localOut.String(), line)
		assert.Equal(t, localOut.String(), remoteOut.String(), "%s: the same through the server", line)
		all.WriteString(remoteOut.String())
	}
	assert.Contains(t, all.String(), " more sources (query --all-sources", ":why of the restated fact")
	for _, line := range []string{"who leads the Atl", "whom did Va", `:path "Tomas B`, "who leads the al", "who is Nob", ":ne"} {
		assert.Equal(t, local.Complete(line), remote.Complete(line), "Tab after %q", line)
	}
	assert.Equal(t, []string{"whom did Vale"}, remote.Complete("whom did Va"))
}

// TestWhyParameter: why=N answers the evidence of answer N as text, says
// the answer count in a header, and refuses 0 and numbers past the count.
func TestWhyParameter(t *testing.T) {
	_, ts := newTestServer(t, Options{})
	resp, body := do(t, ts, "GET", query(API+"/facts", "subject", "Vale", "why", "1"), "")
	require.Equal(t, 200, resp.StatusCode, body)
	assert.Equal(t, "2", resp.Header.Get(AnswersHeader))
	assert.Contains(t, body, `  - "`)
	for _, n := range []string{"0", "3"} {
		resp, body = do(t, ts, "GET", query(API+"/facts", "subject", "Vale", "why", n), "")
		assert.Equal(t, 400, resp.StatusCode, "why=%s: %s", n, body)
	}
}
