package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

// restatedSources is how many sources the restated fixture fact has: its
// first statement and the restatements of restatedStore.
const restatedSources = 13

// restatedStore returns the filled store where twelve more articles, one
// a week from June 2024, restate that Rufus Firefly is Prime Minister of
// Freedonia: a fact with more sources than its evidence keeps.
func restatedStore(t testing.TB) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	st := memStore(t)
	firefly, freedonia := ent(graph.Person, "Rufus Firefly", "Firefly"), ent(graph.Country, "Freedonia")
	var id string
	for i := range restatedSources - 1 {
		art := fmt.Sprintf("w%02d", i)
		pub := graph.DateFromTime(time.Date(2024, 6, 3, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*i))
		f := graph.Fact{Subject: firefly.ID, Predicate: graph.Leads, Object: freedonia.ID, Role: "Prime Minister", Confidence: 0.8,
			Sources: []graph.Source{{Article: art, Published: pub, Sentence: fmt.Sprintf("Prime Minister Rufus Firefly spoke in week %d.", i)}}}
		f.ComputeID()
		id = f.ID
		b := graph.Batch{Article: graph.Article{ID: art, Title: "Week " + art, Published: pub, Hash: "h-" + art},
			Entities: []graph.Entity{firefly, freedonia}, Facts: []graph.Fact{f}}
		_, err := st.Write(ctx, b, testNow.Add(time.Duration(i+1)*time.Minute))
		require.NoError(t, err)
	}
	return st, id
}

// readLog is a server Store that records every read of whole facts
// with all their sources: a fact filter without Evidence, or a fact read
// by id with Fact.
type readLog struct {
	*store.Store
	whole []string
}

// Facts records a filter that reads every source and passes it on.
func (l *readLog) Facts(ctx context.Context, ff store.FactFilter, fn func(graph.Fact) error) error {
	if !ff.Evidence {
		l.whole = append(l.whole, fmt.Sprintf("facts %+v", ff))
	}
	return l.Store.Facts(ctx, ff, fn)
}

// Fact records the read and passes it on.
func (l *readLog) Fact(ctx context.Context, id string) (graph.Fact, error) {
	l.whole = append(l.whole, "fact "+id)
	return l.Store.Fact(ctx, id)
}

// TestAnswersReadEvidence checks that every query route answers from the
// facts' evidence, as the CLI does on a free store: no route reads a
// fact with all its sources (but for all_sources, the CLI's
// --all-sources); a fact with more sources than its evidence lists its
// evidence sources and source_count in JSON, and "… N more sources" in
// its evidence text; and each answer is byte for byte what the CLI's
// engine (queries.NewAnswering) renders.
func TestAnswersReadEvidence(t *testing.T) {
	ctx := context.Background()
	st, id := restatedStore(t)
	log := &readLog{Store: st}
	opener := Held(log)
	t.Cleanup(func() { opener.Close() })
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler())
	t.Cleanup(ts.Close)
	cli := queries.NewAnswering(st)
	today := graph.DateFromTime(testNow)

	cases := []struct {
		name, target string
		want         func(w *bytes.Buffer) error
	}{
		{"ask", query(API+"/ask", "q", "who leads Freedonia?"), func(w *bytes.Buffer) error {
			res, err := cli.Ask(ctx, queries.AskQuery{Question: "who leads Freedonia?", Today: today})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.NewAskJSON(res))
		}},
		{"ask events", query(API+"/ask", "q", "whom did Vale meet?"), func(w *bytes.Buffer) error {
			res, err := cli.Ask(ctx, queries.AskQuery{Question: "whom did Vale meet?", Today: today})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.NewAskJSON(res))
		}},
		{"facts", query(API+"/facts", "object", "Freedonia", "predicate", "leads", "at", "2024-09-01"), func(w *bytes.Buffer) error {
			as, err := cli.Facts(ctx, queries.FactsQuery{Object: "Freedonia", Predicate: graph.Leads, At: day("2024-09-01")})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.FactRecords(as))
		}},
		{"holders", query(API+"/holders", "org", "Freedonia"), func(w *bytes.Buffer) error {
			hs, err := cli.Holders(ctx, queries.HoldersQuery{Org: "Freedonia"})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.NewHoldersJSON(hs))
		}},
		{"timeline", query(API+"/timeline", "entity", "Firefly"), func(w *bytes.Buffer) error {
			as, err := cli.Timeline(ctx, queries.TimelineQuery{Entity: "Firefly"})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.FactRecords(as))
		}},
		{"path at", query(API+"/path", "a", "Vale", "b", "Freedonia", "at", "2024-10-02"), func(w *bytes.Buffer) error {
			res, err := cli.Path(ctx, queries.PathQuery{From: "Vale", To: "Freedonia", At: day("2024-10-02")})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.NewPathJSON(res))
		}},
		{"neighbors", query(API+"/neighbors", "entity", "Freedonia"), func(w *bytes.Buffer) error {
			res, err := cli.Neighbors(ctx, queries.NeighborsQuery{Entity: "Freedonia"})
			if err != nil {
				return err
			}
			return render.WriteJSON(w, render.NewNeighborsJSON(res))
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			log.whole = nil
			resp, body := do(t, ts, "GET", c.target, "")
			require.Equal(t, 200, resp.StatusCode, body)
			assert.Empty(t, log.whole, "reads of whole facts")
			var want bytes.Buffer
			require.NoError(t, c.want(&want))
			assert.Equal(t, want.String(), body, "what the CLI prints")
			if strings.Contains(c.target, "Freedonia") || strings.Contains(c.target, "Firefly") {
				assert.Contains(t, body, fmt.Sprintf(`"source_count": %d`, restatedSources), "the restated fact says how many sources it has")
			}
		})
	}

	// The restated fact: its evidence sources and count, or all sources.
	records := func(body string) export.Record {
		var rs []export.Record
		require.NoError(t, json.Unmarshal([]byte(body), &rs), body)
		require.Len(t, rs, 1)
		require.Equal(t, id, rs[0].ID)
		return rs[0]
	}
	target := query(API+"/facts", "object", "Freedonia", "predicate", "leads")
	_, body := do(t, ts, "GET", target, "")
	r := records(body)
	assert.Equal(t, restatedSources, r.SourceCount)
	assert.Less(t, len(r.Sources), restatedSources)
	assert.Equal(t, "s2", r.Sources[0].Article)
	log.whole = nil
	_, body = do(t, ts, "GET", target+"&all_sources=true", "")
	r = records(body)
	assert.Zero(t, r.SourceCount, "all sources listed: no count")
	assert.Len(t, r.Sources, restatedSources)
	assert.NotEmpty(t, log.whole, "all_sources reads every source")
	resp, body := do(t, ts, "GET", target+"&all_sources=maybe", "")
	assert.Equal(t, 400, resp.StatusCode, body)

	// The evidence of an answer says how many more sources state it.
	_, body = do(t, ts, "GET", query(API+"/ask", "q", "who leads Freedonia?", "why", "1"), "")
	more := restatedSources - len(records(mustGet(t, ts, target)).Sources)
	assert.Contains(t, body, fmt.Sprintf("  … %d more sources (query --all-sources, or /api/v1/evidence?fact=%s)\n", more, id))
}

// mustGet returns the body of a GET of target that must answer 200.
func mustGet(t *testing.T, ts *httptest.Server, target string) string {
	t.Helper()
	resp, body := do(t, ts, "GET", target, "")
	require.Equal(t, 200, resp.StatusCode, body)
	return body
}
