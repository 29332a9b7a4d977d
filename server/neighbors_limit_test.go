package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// TestNeighborsLimit checks that /neighbors lists the CLI's default
// number of neighbours of an entity with more, saying it cut them, and
// all of them with limit=0.
func TestNeighborsLimit(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	host := ent(graph.Person, "Ilse Marren")
	ents := []graph.Entity{host}
	b := graph.Batch{Article: graph.Article{ID: "n1", Published: day("2025-03-01"), Hash: "n1"}}
	guests := queries.DefaultNeighborsLimit + 7
	for i := range guests {
		g := ent(graph.Person, fmt.Sprintf("Guest %02d", i))
		ents = append(ents, g)
		f := graph.Fact{Subject: host.ID, Predicate: graph.Met, Object: g.ID, Date: day("2025-02-27"), Confidence: 0.8,
			Sources: []graph.Source{{Article: "n1", Published: day("2025-03-01"), Sentence: fmt.Sprintf("Marren met guest %d.", i)}}}
		f.ComputeID()
		b.Facts = append(b.Facts, f)
	}
	b.Entities = ents
	_, err = s.Write(ctx, b, testNow)
	require.NoError(t, err)
	opener := Held(s)
	t.Cleanup(func() { opener.Close() })
	ts := httptest.NewServer(New(opener, Options{Now: func() time.Time { return testNow }}).Handler()) // the default result cap is above every count here
	t.Cleanup(ts.Close)
	for _, c := range []struct {
		limit     string
		want      int
		truncated string
	}{{"", queries.DefaultNeighborsLimit, "true"}, {"0", guests, ""}, {"3", 3, "true"}, {fmt.Sprint(guests), guests, ""}} {
		kv := []string{"entity", "Ilse Marren"}
		if c.limit != "" {
			kv = append(kv, "limit", c.limit)
		}
		resp, body := do(t, ts, "GET", query(API+"/neighbors", kv...), "")
		require.Equal(t, 200, resp.StatusCode, body)
		var got struct {
			Neighbors []json.RawMessage `json:"neighbors"`
		}
		require.NoError(t, json.Unmarshal([]byte(body), &got))
		require.Equal(t, c.want, len(got.Neighbors), "limit %q", c.limit)
		require.Equal(t, c.truncated, resp.Header.Get(truncatedHeader), "limit %q", c.limit)
	}
}
