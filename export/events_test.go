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

// TestEventsOrganizationNamedAsWritten: an organization is the actor of
// an event row under the name the row's sentence writes it by, among its
// own name and aliases (the longest, as whole words, without a leading
// "the"), so the row reads as its story; its id stays the same in every
// row, and countries, persons and an organization the sentence names by
// no known name keep their own names.
func TestEventsOrganizationNamedAsWritten(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	un := ent(graph.Organization, "UN Security Council", "Security Council", "U.N. Security Council", "UNSC")
	fr := coded(ent(graph.Country, "France", "French Republic"), "FRA")
	day := graph.DayOf(1999, time.June, 2)
	for i, sn := range []string{
		"France urged the U.N. Security Council on Wednesday to act.",
		"On Wednesday France pressed the Security Council for a vote.",
		"France asked the council to vote.",
		"The French Republic urged the UNSCOM team to leave.",
	} {
		id := "a" + string(rune('1'+i))
		f := graph.Fact{Subject: fr.ID, Predicate: graph.Demanded, Object: un.ID, Date: day, Confidence: 0.6,
			Sources: []graph.Source{{Article: id, Sentence: sn, Claim: graph.Claim{Date: day, Confidence: 0.6}}}}
		b := graph.Batch{Article: graph.Article{ID: id, Published: day, Hash: id}, Entities: []graph.Entity{un, fr}, Facts: []graph.Fact{f}}
		_, err := s.Write(ctx, b, testNow.Add(time.Duration(i)*time.Hour))
		require.NoError(t, err)
	}
	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n)
	var got [][3]string
	for _, r := range readCSV(t, out) {
		got = append(got, [3]string{r["source_actor"], r["target_actor"], r["target_actor_id"]})
	}
	require.Equal(t, [][3]string{
		{"France", "U.N. Security Council", un.ID},
		{"France", "Security Council", un.ID},
		{"France", "UN Security Council", un.ID},
		{"France", "UN Security Council", un.ID},
	}, got)
}
