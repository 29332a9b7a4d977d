package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestEvidencePages pages through a fact stated by 31 articles, one of
// them since rewritten without it: every live source comes once, in the
// order answers list a fact's sources, and bad pages and unknown facts
// are refused.
func TestEvidencePages(t *testing.T) {
	ctx := context.Background()
	st := memStore(t)
	osei := ent(graph.Person, "Kwame Osei")
	ruritania := ent(graph.Country, "Ruritania")
	fact := func(article string) graph.Fact {
		f := graph.Fact{Subject: osei.ID, Predicate: graph.Leads, Object: ruritania.ID, Role: "President", Start: day("2023-03-01"), Confidence: 0.9,
			Sources: []graph.Source{{Article: article, Published: day("2024-01-02"), Sentence: "Kwame Osei has been President of Ruritania since March 2023."}}}
		f.ComputeID()
		return f
	}
	// Articles are written in pairs at one time, the later-named first, so
	// the order (recording, then article) is neither writing nor name order.
	for i := range 31 {
		id := fmt.Sprintf("r%02d", 30-i)
		b := graph.Batch{Article: graph.Article{ID: id, Published: day("2024-01-02"), Hash: "h" + id},
			Entities: []graph.Entity{osei, ruritania}, Facts: []graph.Fact{fact(id)}}
		_, err := st.Write(ctx, b, testNow.Add(time.Duration(i/2)*time.Minute))
		require.NoError(t, err)
	}
	// r07 is rewritten without the fact: its source is withdrawn.
	_, err := st.Write(ctx, graph.Batch{Article: graph.Article{ID: "r07", Published: day("2024-01-02"), Hash: "h-r07-2"}}, testNow.Add(time.Hour))
	require.NoError(t, err)
	id := fact("r00").ID
	whole, err := st.Fact(ctx, id)
	require.NoError(t, err)
	var want []string
	for _, s := range whole.Sources {
		want = append(want, s.Article)
	}
	require.Len(t, want, 30)
	require.NotContains(t, want, "r07")
	require.Equal(t, []string{"r29", "r30", "r27", "r28"}, want[:4])

	opener := Held(st)
	t.Cleanup(func() { opener.Close() })
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler())
	t.Cleanup(ts.Close)

	var got []string
	for offset := 0; offset < 35; offset += 7 {
		resp, body := do(t, ts, "GET", query(API+"/evidence", "fact", id, "offset", strconv.Itoa(offset), "limit", "7"), "")
		require.Equal(t, 200, resp.StatusCode, body)
		var page evidenceJSON
		require.NoError(t, json.Unmarshal([]byte(body), &page))
		require.Equal(t, id, page.Fact)
		require.Equal(t, 30, page.SourceCount)
		require.Equal(t, offset, page.Offset)
		require.Len(t, page.Sources, max(0, min(7, 30-offset)))
		for _, s := range page.Sources {
			require.Equal(t, "Kwame Osei has been President of Ruritania since March 2023.", s.Sentence)
			got = append(got, s.Article)
		}
	}
	require.Equal(t, want, got)

	resp, body := do(t, ts, "GET", query(API+"/evidence", "fact", id), "")
	require.Equal(t, 200, resp.StatusCode, body)
	var page evidenceJSON
	require.NoError(t, json.Unmarshal([]byte(body), &page))
	require.Len(t, page.Sources, 20, "default limit")

	for _, bad := range []struct{ offset, limit string }{{"-1", "5"}, {"x", "5"}, {"0", "0"}, {"0", "501"}, {"0", "ten"}} {
		resp, body := do(t, ts, "GET", query(API+"/evidence", "fact", id, "offset", bad.offset, "limit", bad.limit), "")
		require.Equal(t, 400, resp.StatusCode, "offset %s limit %s: %s", bad.offset, bad.limit, body)
	}
	resp, body = do(t, ts, "GET", query(API+"/evidence", "fact", "no-such-fact"), "")
	require.Equal(t, 404, resp.StatusCode, body)
	resp, _ = do(t, ts, "GET", API+"/evidence", "")
	require.Equal(t, 400, resp.StatusCode)
}
