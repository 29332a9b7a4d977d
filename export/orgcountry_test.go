package export

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TestEventsMovementCountry: an armed or political movement the gazetteer
// lists with a country stands for it on its event rows, by its canonical
// name or an alias ("Al-Shabab"), with its sector where the fact gives none ("PKK" is
// Turkey REB, Hamas Palestine with no sector); a sector the text gave
// stays; an intergovernmental body and an unknown group stay blank.
func TestEventsMovementCountry(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	tur, isr := coded(ent(graph.Country, "Turkey"), "TUR"), coded(ent(graph.Country, "Israel"), "ISR")
	pkk, hamas := ent(graph.Organization, "PKK"), ent(graph.Organization, "Hamas")
	shabaab, nato := ent(graph.Organization, "Al-Shabab"), ent(graph.Organization, "NATO")
	unknown := ent(graph.Organization, "Northern Hills Brigade")
	day := graph.DayOf(2024, time.May, 2)
	b := graph.Batch{Article: graph.Article{ID: "a1", Published: day},
		Entities: []graph.Entity{tur, isr, pkk, hamas, shabaab, nato, unknown}}
	writeStated(t, s, b, []graph.Fact{
		{Subject: pkk.ID, Predicate: graph.Threatened, Object: tur.ID, Date: day, ObjectSector: "GOV"},
		{Subject: hamas.ID, Predicate: graph.Criticized, Object: isr.ID, Date: day, SubjectSector: "MIL"},
		{Subject: nato.ID, Predicate: graph.Criticized, Object: shabaab.ID, Date: day},
		{Subject: unknown.ID, Predicate: graph.Met, Object: isr.ID, Date: day},
	})

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n)
	got := map[string]string{}
	for _, r := range readCSV(t, out) {
		got[r["source_actor"]] = r["source_country"] + " " + r["source_country_code"] + " " + r["source_sector"]
		got[r["target_actor"]+" (target)"] = r["target_country"] + " " + r["target_country_code"] + " " + r["target_sector"]
	}
	require.Equal(t, map[string]string{
		"PKK": "Turkey TUR REB", "Turkey (target)": "Turkey TUR GOV",
		"Hamas": "Palestine PSE MIL", "Israel (target)": "Israel ISR ",
		"NATO": "  ", "Al-Shabab (target)": "Somalia SOM REB",
		"Northern Hills Brigade": "  ",
	}, got)
}

// TestEventsMovementLeaderCountry: a person who leads no country but a
// movement the gazetteer lists with one stands for that country ("Houthi
// leader Abdul-Malik al-Houthi" is Yemen's, stored or not); one who leads
// a country stands for it, and the leader of an unlisted group for none.
func TestEventsMovementLeaderCountry(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, store.MemoryDSN, store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	isr, usa := coded(ent(graph.Country, "Israel"), "ISR"), coded(ent(graph.Country, "United States"), "USA")
	houthis, pkk := ent(graph.Organization, "Houthis"), ent(graph.Organization, "PKK")
	unknown := ent(graph.Organization, "Northern Hills Brigade")
	houthi, ocalan := ent(graph.Person, "Abdul-Malik al-Houthi"), ent(graph.Person, "Abdullah Ocalan")
	chief, pres := ent(graph.Person, "Amir Haddad"), ent(graph.Person, "Joe Biden")
	day := graph.DayOf(2024, time.May, 2)
	b := graph.Batch{Article: graph.Article{ID: "a1", Published: day},
		Entities: []graph.Entity{isr, usa, houthis, pkk, unknown, houthi, ocalan, chief, pres}}
	writeStated(t, s, b, []graph.Fact{
		{Subject: houthi.ID, Predicate: graph.Leads, Object: houthis.ID, Role: "leader"},
		{Subject: ocalan.ID, Predicate: graph.Leads, Object: pkk.ID, Role: "leader"},
		{Subject: chief.ID, Predicate: graph.Leads, Object: unknown.ID, Role: "leader"},
		{Subject: pres.ID, Predicate: graph.Leads, Object: usa.ID, Role: "President"},
		{Subject: houthi.ID, Predicate: graph.Threatened, Object: isr.ID, Date: day},
		{Subject: ocalan.ID, Predicate: graph.Criticized, Object: isr.ID, Date: day},
		{Subject: chief.ID, Predicate: graph.Criticized, Object: usa.ID, Date: day},
		{Subject: pres.ID, Predicate: graph.Criticized, Object: isr.ID, Date: day},
	})

	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n)
	got := map[string]string{}
	for _, r := range readCSV(t, out) {
		got[r["source_actor"]] = r["source_country"] + " " + r["source_country_code"]
	}
	require.Equal(t, map[string]string{
		"Abdul-Malik al-Houthi": "Yemen YEM", "Abdullah Ocalan": "Turkey TUR",
		"Amir Haddad": " ", "Joe Biden": "United States USA",
	}, got)
}
