package export

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TestNearestLead: a person stands for the country they lead on the day,
// else the one whose term lies nearest (before or after it), else, undated,
// the one they led last; the same actor is never left blank.
func TestNearestLead(t *testing.T) {
	us := graph.Fact{ID: "us-2017", Predicate: graph.Leads, Object: "us", Start: graph.DayOf(2017, time.January, 20), End: graph.DayOf(2021, time.January, 20)}
	us2 := graph.Fact{ID: "us-2025", Predicate: graph.Leads, Object: "us", Start: graph.DayOf(2025, time.January, 20)}
	nl := graph.Fact{ID: "nl", Predicate: graph.Leads, Object: "nl", Start: graph.DayOf(2010, time.October, 14), End: graph.DayOf(2024, time.July, 2)}
	undated := graph.Fact{ID: "undated", Predicate: graph.Leads, Object: "x"}
	for _, c := range []struct {
		name  string
		facts []graph.Fact
		day   graph.Date
		want  string
	}{
		{"in force", []graph.Fact{us, us2}, graph.DayOf(2025, time.March, 1), "us-2025"},
		{"between terms, nearer the next", []graph.Fact{us, us2}, graph.DayOf(2024, time.November, 29), "us-2025"},
		{"between terms, nearer the last", []graph.Fact{us, us2}, graph.DayOf(2021, time.March, 1), "us-2017"},
		{"after the term", []graph.Fact{nl}, graph.DayOf(2024, time.November, 15), "nl"},
		{"before the term", []graph.Fact{nl}, graph.DayOf(2001, time.May, 1), "nl"},
		{"undated event: the latest start", []graph.Fact{us, us2}, graph.Date{}, "us-2025"},
		{"an unbounded term is in force (graph.Window)", []graph.Fact{nl, undated}, graph.DayOf(2030, time.January, 1), "undated"},
		{"only undated", []graph.Fact{undated}, graph.DayOf(2030, time.January, 1), "undated"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, ok := nearestLead(c.facts, c.day)
			require.True(t, ok)
			require.Equal(t, c.want, f.ID)
		})
	}
	_, ok := nearestLead(nil, graph.DayOf(2024, time.January, 1))
	require.False(t, ok, "no leads fact, no country")
}

// TestEventsPersonNationality: a person who leads no country and holds no
// country's office stands for the country they are of (national_of,
// "Palestinian leader Samir Khalil"), with its code on their event rows;
// a leads fact still comes first, and a person of no known country stays
// blank.
func TestEventsPersonNationality(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	country := func(name, code string) graph.Entity { return coded(ent(graph.Country, name), code) }
	pse, isr, rus, ukr := country("Palestine", "PSE"), country("Israel", "ISR"), country("Russia", "RUS"), country("Ukraine", "UKR")
	khalil, levi := ent(graph.Person, "Samir Khalil"), ent(graph.Person, "Dana Levi")
	marchuk, nobody := ent(graph.Person, "Olena Marchuk"), ent(graph.Person, "Jan Novak")
	day := graph.DayOf(2025, time.March, 4)
	b := graph.Batch{Article: graph.Article{ID: "a1", Published: day},
		Entities: []graph.Entity{pse, isr, rus, ukr, khalil, levi, marchuk, nobody}}
	writeStated(t, s, b, []graph.Fact{
		{Subject: khalil.ID, Predicate: graph.NationalOf, Object: pse.ID},
		{Subject: levi.ID, Predicate: graph.NationalOf, Object: isr.ID},
		{Subject: khalil.ID, Predicate: graph.Met, Object: levi.ID, Date: day},
		// Leads comes first: a national_of misread does not override it.
		{Subject: marchuk.ID, Predicate: graph.Leads, Object: ukr.ID, Role: "President", Start: graph.YearOf(2024)},
		{Subject: marchuk.ID, Predicate: graph.NationalOf, Object: rus.ID},
		{Subject: marchuk.ID, Predicate: graph.Criticized, Object: nobody.ID, Date: day},
	})

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 2, n)
	byPred := map[string]map[string]string{}
	for _, r := range readCSV(t, out) {
		byPred[r["predicate"]] = r
	}
	met := byPred["met"]
	require.ElementsMatch(t, []string{"Samir Khalil Palestine PSE", "Dana Levi Israel ISR"},
		[]string{met["source_actor"] + " " + met["source_country"] + " " + met["source_country_code"],
			met["target_actor"] + " " + met["target_country"] + " " + met["target_country_code"]})
	cr := byPred["criticized"]
	require.Equal(t, []string{"Ukraine", "UKR", "", ""},
		[]string{cr["source_country"], cr["source_country_code"], cr["target_country"], cr["target_country_code"]})
}

// TestEventsGazetteerCountry: a person the articles give no country for
// stands for the one the gazetteer lists them with (by full name or a
// listed surname), with its name and code even when the store has no such
// country entity; what the articles say comes first, and a person the
// gazetteer does not list, or lists as the head of an organization, stays
// blank.
func TestEventsGazetteerCountry(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	rus, pol := coded(ent(graph.Country, "Russia"), "RUS"), coded(ent(graph.Country, "Poland"), "POL")
	obama, merkel := ent(graph.Person, "Barack Obama"), ent(graph.Person, "Merkel")
	chirac, nobody := ent(graph.Person, "Jacques Chirac"), ent(graph.Person, "Jan Novak")
	annan := ent(graph.Person, "Kofi Annan") // listed with the United Nations
	day := graph.DayOf(2014, time.March, 4)
	b := graph.Batch{Article: graph.Article{ID: "a1", Published: day},
		Entities: []graph.Entity{rus, pol, obama, merkel, chirac, nobody, annan}}
	writeStated(t, s, b, []graph.Fact{
		{Subject: obama.ID, Predicate: graph.Criticized, Object: rus.ID, Date: day},
		{Subject: merkel.ID, Predicate: graph.Met, Object: nobody.ID, Date: day},
		// The article's word comes first, however odd.
		{Subject: chirac.ID, Predicate: graph.NationalOf, Object: pol.ID},
		{Subject: chirac.ID, Predicate: graph.Accused, Object: rus.ID, Date: day},
		{Subject: annan.ID, Predicate: graph.Met, Object: rus.ID, Date: day},
	})

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n)
	got := map[string]string{}
	for _, r := range readCSV(t, out) {
		got[r["source_actor"]] = r["source_country"] + " " + r["source_country_code"]
		got[r["target_actor"]] = r["target_country"] + " " + r["target_country_code"]
	}
	require.Equal(t, map[string]string{
		"Barack Obama": "United States USA", "Russia": "Russia RUS",
		"Merkel": "Germany DEU", "Jan Novak": " ",
		"Jacques Chirac": "Poland POL", "Kofi Annan": " ",
	}, got)
}

// writeStated writes facts in b, each stated by b's article a1 in a
// sentence of its own with confidence 0.8.
func writeStated(t *testing.T, s *store.Store, b graph.Batch, facts []graph.Fact) {
	t.Helper()
	for _, f := range facts {
		f.Confidence = 0.8
		f.Sources = []graph.Source{{Article: "a1", Sentence: "a1: " + f.Predicate}}
		b.Facts = append(b.Facts, f)
	}
	_, err := s.Write(context.Background(), b, testNow)
	require.NoError(t, err)
}
