package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// TestUncertain checks which kept facts a time filter marks uncertain, and
// that they are the answers `query facts` marks so.
func TestUncertain(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	ctx := context.Background()
	keyOf := map[string]string{}
	for k, id := range ids {
		keyOf[id] = k
	}
	day := graph.DayOf
	tests := []struct {
		name   string
		filter Filter
		want   []string // the keys of the uncertain facts
	}{
		{"no time filter", Filter{}, nil},
		{"no time filter, other conditions", Filter{Predicate: graph.Leads, MinConfidence: 0.5}, nil},
		// Rutte's term starts "2024-10": in force on 15 October, maybe not yet.
		{"snapshot in a start's month", Filter{At: day(2024, time.October, 15)}, []string{"rutte-nato"}},
		{"snapshot after it", Filter{At: day(2024, time.December, 1)}, nil},
		// O'Neil criticized Rutte in "2024-11": maybe not on the 20th.
		{"snapshot in an event's month", Filter{At: day(2024, time.November, 20)}, []string{"oneil-rutte"}},
		{"range inside an event's month", Filter{From: day(2024, time.November, 15), To: day(2024, time.November, 30)}, []string{"oneil-rutte"}},
		{"range holding the month", Filter{From: day(2024, time.November, 1), To: day(2024, time.November, 30)}, nil},
		{"range from inside the month", Filter{From: day(2024, time.November, 15)}, []string{"oneil-rutte"}},
		// The range ends before Rutte's start is known to have come.
		{"range ending in a start's month", Filter{From: day(2024, time.September, 1), To: day(2024, time.October, 10)}, []string{"rutte-nato"}},
		{"range up to a start's month", Filter{To: day(2024, time.October, 10)}, []string{"rutte-nato"}},
		{"range holding the start's month", Filter{From: day(2024, time.September, 1), To: day(2024, time.October, 31)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sel, err := NewSelection(s, tt.filter)
			require.NoError(t, err)
			var got []string
			kept := map[string]bool{}
			require.NoError(t, sel.Facts(ctx, func(it Item) error {
				kept[it.Fact.ID] = true
				require.Equal(t, it.Uncertain, it.Record().Uncertain)
				if it.Uncertain {
					got = append(got, keyOf[it.Fact.ID])
				}
				return nil
			}))
			sort.Strings(got)
			require.Equal(t, tt.want, got)
			if tt.filter.At.IsZero() && tt.filter.From.IsZero() && tt.filter.To.IsZero() {
				return
			}
			// The same mark as the query command's, for the facts both keep.
			answers, err := queries.New(s).Facts(ctx, queries.FactsQuery{
				At: tt.filter.At, From: tt.filter.From, To: tt.filter.To})
			require.NoError(t, err)
			both := 0
			for _, a := range answers {
				if kept[a.Fact.ID] {
					both++
					require.Equal(t, a.Uncertain, tt.filter.Uncertain(a.Fact), keyOf[a.Fact.ID])
				}
			}
			require.NotZero(t, both)
		})
	}
}

// TestUncertainFormats checks the uncertain field or column in every
// format that writes facts with their qualifiers.
func TestUncertainFormats(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	at := Filter{At: graph.DayOf(2024, time.October, 15)}
	unsure, sure := ids["rutte-nato"], ids["putin-ru"]

	out, n := run(t, s, "jsonl", at, false)
	require.NotZero(t, n)
	lines := map[string]map[string]any{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m))
		lines[m["id"].(string)] = m
	}
	require.Equal(t, true, lines[unsure]["uncertain"])
	require.Equal(t, false, lines[sure]["uncertain"], "written when false")
	out, _ = run(t, s, "jsonl", Filter{}, false)
	require.NotContains(t, string(out), `"uncertain":true`, "no time filter, no time question")
	for line := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		require.Contains(t, line, `"uncertain":false`, "every line says it")
	}

	out, _ = run(t, s, "csv", at, false)
	byID := map[string]map[string]string{}
	for _, r := range readCSV(t, out) {
		byID[r["id"]] = r
	}
	require.Equal(t, "true", byID[unsure]["uncertain"])
	require.Equal(t, "false", byID[sure]["uncertain"])

	out, _ = run(t, s, "parquet", at, false)
	_, rows := readParquet[struct {
		ID        string `parquet:"id"`
		Uncertain bool   `parquet:"uncertain"`
	}](t, out)
	pq := map[string]bool{}
	for _, r := range rows {
		pq[r.ID] = r.Uncertain
	}
	require.Equal(t, map[string]bool{unsure: true, sure: false}, map[string]bool{unsure: pq[unsure], sure: pq[sure]})
	require.Contains(t, pq, sure)

	out, _ = run(t, s, "graphml", at, false)
	var doc gmlDoc
	require.NoError(t, xml.Unmarshal(out, &doc))
	edges := map[string]gmlElem{}
	for _, e := range doc.Graph.Edges {
		edges[e.ID] = e
	}
	require.Equal(t, "true", edges[unsure].data("e_uncertain"))
	require.Equal(t, "false", edges[sure].data("e_uncertain"))

	out, _ = run(t, s, "gexf", at, false)
	var gx gexfDoc
	require.NoError(t, xml.Unmarshal(out, &gx))
	gexf := map[string]string{}
	for _, e := range gx.Graph.Edges {
		for _, v := range e.Values {
			if v.For == "uncertain" {
				gexf[e.ID] = v.Value
			}
		}
	}
	require.Equal(t, "true", gexf[unsure])
	require.Equal(t, "false", gexf[sure])

	out, _ = run(t, s, "events", Filter{From: graph.DayOf(2024, time.November, 15)}, false)
	ev := map[string]string{}
	for _, r := range readCSV(t, out) {
		ev[r["event_id"]] = r["uncertain"]
	}
	require.Equal(t, "true", ev[ids["oneil-rutte"]])
}

// TestCombinedConfidence checks combined_confidence beside confidence: the
// fact stated by two articles is more certain than either statement, a
// fact stated once keeps its confidence.
func TestCombinedConfidence(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	twice, once := ids["putin-xi"], ids["rutte-nato"]
	f, err := s.Fact(context.Background(), twice)
	require.NoError(t, err)
	require.Len(t, f.Sources, 2)
	want := graph.CombinedConfidence(f)
	require.Equal(t, 0.93, want, "0.85 stated by two articles")

	out, _ := run(t, s, "jsonl", Filter{}, false)
	recs := map[string]Record{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var r Record
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		recs[r.ID] = r
	}
	require.Equal(t, 0.85, recs[twice].Confidence, "confidence keeps its meaning")
	require.Equal(t, want, recs[twice].CombinedConfidence)
	require.Equal(t, 0.9, recs[once].Confidence)
	require.Equal(t, 0.9, recs[once].CombinedConfidence)

	out, _ = run(t, s, "csv", Filter{}, false)
	for _, r := range readCSV(t, out) {
		if r["id"] == twice {
			require.Equal(t, "0.85", r["confidence"])
			require.Equal(t, strconv.FormatFloat(want, 'g', -1, 64), r["combined_confidence"])
		}
	}

	out, _ = run(t, s, "parquet", Filter{}, false)
	_, rows := readParquet[struct {
		ID       string  `parquet:"id"`
		Combined float64 `parquet:"combined_confidence"`
	}](t, out)
	found := false
	for _, r := range rows {
		if r.ID == twice {
			found = true
			require.Equal(t, want, r.Combined)
		}
	}
	require.True(t, found)

	out, _ = run(t, s, "graphml", Filter{}, false)
	var doc gmlDoc
	require.NoError(t, xml.Unmarshal(out, &doc))
	typed := false
	for _, k := range doc.Keys {
		if k.Name == "combined_confidence" {
			typed = k.Type == "double"
		}
	}
	require.True(t, typed, "a double attribute")
	for _, e := range doc.Graph.Edges {
		if e.ID == twice {
			require.Equal(t, "0.93", e.data("e_combined_confidence"))
		}
	}
}

// TestEntityCacheBounded checks that the entity cache forgets entities
// beyond entityCacheSize and reads a forgotten one again.
func TestEntityCacheBounded(t *testing.T) {
	src := genSource{n: 50 * (entityCacheSize + 1000)}
	c := newEntityCache(src)
	ctx := context.Background()
	for i := range src.entities() {
		e, err := c.get(ctx, src.entity(i).ID)
		require.NoError(t, err)
		require.Equal(t, src.entity(i), e)
		require.LessOrEqual(t, len(c.seen), entityCacheSize)
	}
	e, err := c.get(ctx, src.entity(0).ID)
	require.NoError(t, err)
	require.Equal(t, src.entity(0), e)
}
