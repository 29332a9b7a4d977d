package export

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TestEventsRowPerArticle: the events table has one row per event and live
// source article, as ICEWS and POLECAT have one per story. The rows share
// the event's id and its combined figures; each has its article's
// sentence, url and publication date and what that article itself claimed
// (an article stating the event twice claims the better of its two
// statements; one that gave no date, a blank claim_date). An article whose
// update withdrew the event has no row.
func TestEventsRowPerArticle(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ua, pl := coded(ent(graph.Country, "Ukraine"), "UKR"), coded(ent(graph.Country, "Poland"), "POL")
	day := graph.DayOf(2025, time.March, 4)
	met := graph.Fact{Subject: ua.ID, Predicate: graph.Met, Object: pl.ID}
	write := func(id, hash string, pub graph.Date, at time.Time, facts ...graph.Fact) {
		b := graph.Batch{Article: graph.Article{ID: id, URL: "https://example.org/" + id, Published: pub, Hash: hash},
			Entities: []graph.Entity{ua, pl}, Facts: facts}
		_, err := s.Write(ctx, b, at)
		require.NoError(t, err)
	}
	stated := func(date graph.Date, conf float64, article string, sentences ...string) graph.Fact {
		f := met
		f.Date, f.Confidence = date, conf
		for _, sn := range sentences {
			f.Sources = append(f.Sources, graph.Source{Article: article, Sentence: sn,
				Claim: graph.Claim{Date: date, Confidence: conf}})
		}
		return f
	}
	lead := stated(day, 0.9, "w1", "Ukrainian and Polish officials met in Rzeszow on Tuesday.")
	lead.Sources = append(lead.Sources, stated(day, 0.5, "w1", "The Ukrainian delegation met its Polish hosts for three hours.").Sources...)
	write("w1", "h1", graph.DayOf(2025, time.March, 5), testNow, lead)
	write("w2", "h2", graph.DayOf(2025, time.March, 6), testNow.Add(time.Hour),
		stated(graph.Date{}, 0.6, "w2", "Officials of Ukraine and Poland met this week."))
	write("w3", "h3", graph.DayOf(2025, time.March, 6), testNow.Add(2*time.Hour),
		stated(day, 0.7, "w3", "Ukraine met Poland on 4 March."))
	write("w3", "h3b", graph.DayOf(2025, time.March, 6), testNow.Add(3*time.Hour)) // the update states nothing

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 2, n, "one row per live source article")
	recs := readCSV(t, out)
	require.Len(t, recs, 2)
	pick := func(r map[string]string, cols ...string) []string {
		var out []string
		for _, c := range cols {
			out = append(out, r[c])
		}
		return out
	}
	cols := []string{"event_id", "event_date", "confidence", "combined_confidence", "source_count",
		"article", "url", "published", "sentence", "claim_date", "claim_confidence"}
	require.Equal(t, []string{recs[0]["event_id"], "2025-03-04", "0.9", "0.95", "3",
		"w1", "https://example.org/w1", "2025-03-05", "Ukrainian and Polish officials met in Rzeszow on Tuesday.", "2025-03-04", "0.9"},
		pick(recs[0], cols...))
	require.Equal(t, []string{recs[0]["event_id"], "2025-03-04", "0.9", "0.95", "3",
		"w2", "https://example.org/w2", "2025-03-06", "Officials of Ukraine and Poland met this week.", "", "0.6"},
		pick(recs[1], cols...))

	pq, n := run(t, s, "events-parquet", Filter{}, false)
	require.Equal(t, 2, n)
	_, rows := readParquet[eventRow](t, pq)
	require.Equal(t, []string{"w1", "w2"}, []string{rows[0].Article, rows[1].Article})
	require.Equal(t, []float64{0.9, 0.6}, []float64{rows[0].ClaimConfidence, rows[1].ClaimConfidence})
}
