package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func TestJSONLSchema(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	defer s.Close()
	rutte := graph.Entity{ID: graph.EntityID(graph.Person, "Mark Rutte"), Name: "Mark Rutte", Type: graph.Person, Aliases: []string{"Rutte"}}
	nato := graph.Entity{ID: graph.EntityID(graph.Organization, "NATO"), Name: "NATO", Type: graph.Organization}
	nl := graph.Entity{ID: graph.EntityID(graph.Country, "Netherlands"), Name: "Netherlands", Type: graph.Country}
	pub := graph.DayOf(2024, time.October, 3)
	f1 := graph.Fact{Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General",
		Start: graph.MonthOf(2024, time.October), Confidence: 0.85,
		Sources: []graph.Source{{Article: "n1", Sentence: `Rutte took over as NATO's "secretary general" in October.`}}}
	f2 := graph.Fact{Subject: rutte.ID, Predicate: graph.Leads, Object: nl.ID, Role: "Prime Minister", Ended: true, Confidence: 0.65,
		Sources: []graph.Source{{Article: "n1", Sentence: "Rutte, the former Dutch prime minister, spoke."}}}
	f1.ComputeID()
	f2.ComputeID()
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	_, err = s.Write(ctx, graph.Batch{Article: graph.Article{ID: "n1", URL: "https://example.org/n1", Title: "T", Published: pub, Hash: "h"},
		Entities: []graph.Entity{rutte, nato, nl}, Facts: []graph.Fact{f1, f2}}, now)
	require.NoError(t, err)

	var buf bytes.Buffer
	n, err := JSONL(ctx, s, &buf)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	var recs []map[string]any
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "every line is one JSON object")
		recs = append(recs, m)
	}
	require.Len(t, recs, 2)
	byObj := map[string]map[string]any{}
	for _, r := range recs {
		byObj[r["object"].(string)] = r
	}
	lead := byObj["NATO"]
	require.Equal(t, "Mark Rutte", lead["subject"])
	require.Equal(t, "leads", lead["predicate"])
	require.Equal(t, "Secretary General", lead["role"])
	require.Equal(t, "2024-10", lead["start"])
	require.Equal(t, "month", lead["start_precision"])
	require.NotContains(t, lead, "end")
	require.Equal(t, false, lead["ended"])
	require.InDelta(t, 0.85, lead["confidence"], 1e-9)
	require.Equal(t, "2026-11-01T12:00:00Z", lead["recorded_at"])
	src := lead["sources"].([]any)[0].(map[string]any)
	require.Equal(t, "n1", src["article"])
	require.Equal(t, "2024-10-03", src["published"])
	require.Equal(t, "https://example.org/n1", src["url"])
	require.Equal(t, `Rutte took over as NATO's "secretary general" in October.`, src["sentence"])

	former := byObj["Netherlands"]
	require.Equal(t, true, former["ended"])
	require.NotContains(t, former, "start")
}

// A source's time sentences are exported beside its sentence, which stays
// the sentence that states the fact.
func TestJSONLTimeSentences(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, _ := run(t, s, "jsonl", Filter{}, false)
	srcs := map[string][]any{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m))
		srcs[m["id"].(string)] = m["sources"].([]any)
	}
	nl := srcs[ids["rutte-nl"]][0].(map[string]any)
	require.Equal(t, "Rutte, prime minister from 2010 until July 2024, left office.", nl["sentence"])
	require.Equal(t, []any{"He became prime minister on 14 October 2010.", `His cabinet "fell"; he left on 2 July 2024.`}, nl["time_sentences"])
	met := srcs[ids["putin-xi"]]
	require.NotContains(t, met[0].(map[string]any), "time_sentences", "omitted when the sentence states its dates")
	require.Equal(t, []any{"Putin arrived in Beijing on 16 May 2024."}, met[1].(map[string]any)["time_sentences"])
}
