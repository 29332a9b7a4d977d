package export

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TestEventsCodesAndSectors: the events table gives each side's ISO
// 3166-1 alpha-3 code (a person's through the country they lead) and the
// sector the text named ("Russian forces" is Russia, MIL); a person
// stands for the country they lead, or whose office they hold; a symmetric
// event stated both ways round keeps each sector with its country.
func TestEventsCodesAndSectors(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	country := func(name, code string) graph.Entity { return coded(ent(graph.Country, name), code) }
	ru, ua, pl := country("Russia", "RUS"), country("Ukraine", "UKR"), country("Poland", "POL")
	zel := ent(graph.Person, "Olena Marchuk")
	fm := ent(graph.Person, "Ivan Koval")
	fmPost := ent(graph.Position, "Foreign Minister of Ukraine")
	day := graph.DayOf(2025, time.March, 4)
	write := func(id string, pub graph.Date, facts ...graph.Fact) {
		b := graph.Batch{Article: graph.Article{ID: id, Published: pub}, Entities: []graph.Entity{ru, ua, pl, zel, fm, fmPost}}
		for _, f := range facts {
			f.Confidence = 0.8
			f.Sources = []graph.Source{{Article: id, Sentence: id + ": " + f.Predicate}}
			b.Facts = append(b.Facts, f)
		}
		_, err := s.Write(ctx, b, testNow)
		require.NoError(t, err)
	}
	write("a2", graph.DayOf(2025, time.March, 5),
		graph.Fact{Subject: ru.ID, Predicate: graph.Threatened, Object: zel.ID, Date: day, SubjectSector: "MIL"},
		graph.Fact{Subject: zel.ID, Predicate: graph.Leads, Object: ua.ID, Role: "President", Start: graph.YearOf(2024)},
		graph.Fact{Subject: ua.ID, Predicate: graph.Met, Object: pl.ID, Date: day, SubjectSector: "GOV"},
		graph.Fact{Subject: fm.ID, Predicate: graph.HoldsPosition, Object: fmPost.ID, Start: graph.YearOf(2023)},
		graph.Fact{Subject: fm.ID, Predicate: graph.Criticized, Object: ru.ID, Date: day})
	// An earlier article states the meeting the other way round: the
	// fact turns to its orientation, and Poland's sector joins Ukraine's.
	write("a1", graph.DayOf(2025, time.March, 4),
		graph.Fact{Subject: pl.ID, Predicate: graph.Met, Object: ua.ID, Date: day, SubjectSector: "LEG"})

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n, "the meeting stated by two articles has two rows")
	recs := readCSV(t, out)
	byPred := map[string]map[string]string{}
	for _, r := range recs {
		byPred[r["predicate"]] = r
	}
	th := byPred["threatened"]
	require.Equal(t, []string{"RUS", "UKR", "MIL", ""},
		[]string{th["source_country_code"], th["target_country_code"], th["source_sector"], th["target_sector"]})
	met := byPred["met"]
	require.Equal(t, []string{"Poland", "POL", "LEG", "Ukraine", "UKR", "GOV"},
		[]string{met["source_actor"], met["source_country_code"], met["source_sector"],
			met["target_actor"], met["target_country_code"], met["target_sector"]})

	// A foreign minister stands for the country whose office they hold.
	cr := byPred["criticized"]
	require.Equal(t, []string{"Ukraine", "UKR", "RUS"}, []string{cr["source_country"], cr["source_country_code"], cr["target_country_code"]})

	pq, _ := run(t, s, "events-parquet", Filter{}, false)
	_, rows := readParquet[eventRow](t, pq)
	require.Len(t, rows, 4)
	for _, r := range rows {
		if r.Predicate == "threatened" {
			require.Equal(t, "RUS", r.SourceCountryCode)
			require.Equal(t, "MIL", r.SourceSector)
		}
	}
}

// TestEventsOfficeOfAnUnnamedCountry: "his Egyptian counterpart Badr
// Abdelatty" gives him Egypt's office though no article named Egypt
// itself (no country entity stored): he still stands for Egypt, by the
// gazetteer's code.
func TestEventsOfficeOfAnUnnamedCountry(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ru := coded(ent(graph.Country, "Russia"), "RUS")
	lav, abd := ent(graph.Person, "Sergei Lavrov"), ent(graph.Person, "Badr Abdelatty")
	post := ent(graph.Position, "Foreign Minister of Egypt")
	day := graph.DayOf(2026, time.November, 18)
	b := graph.Batch{Article: graph.Article{ID: "tass", Published: day}, Entities: []graph.Entity{ru, lav, abd, post}}
	for _, f := range []graph.Fact{
		{Subject: lav.ID, Predicate: graph.Leads, Object: ru.ID, Role: "President", Start: graph.YearOf(2020)},
		{Subject: abd.ID, Predicate: graph.HoldsPosition, Object: post.ID},
		{Subject: lav.ID, Predicate: graph.Met, Object: abd.ID, Date: day},
	} {
		f.Confidence = 0.8
		f.Sources = []graph.Source{{Article: "tass", Sentence: "tass: " + f.Predicate}}
		b.Facts = append(b.Facts, f)
	}
	_, err = s.Write(ctx, b, testNow)
	require.NoError(t, err)
	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 1, n)
	r := readCSV(t, out)[0]
	require.Equal(t, []string{"RUS", "Egypt", "EGY"}, []string{r["source_country_code"], r["target_country"], r["target_country_code"]})
}
