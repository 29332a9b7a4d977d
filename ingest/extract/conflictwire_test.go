package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestFrontLineDays: a front-line report's "overnight", "over the past
// day" and "in the last 24 hours" date its strikes and clashes on the day
// reported, and a named night ("overnight Sunday") on that night.
func TestFrontLineDays(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Russian troops attacked Ukrainian positions near Pokrovsk 38 times over the past day, the general staff said.",
			[]string{"Russia fought Ukraine 2025-03-07"}, nil},
		{"Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, the regional governor said.",
			[]string{"Ukraine fought Russia 2025-03-07"}, nil},
		{"Israeli warplanes bombed Hezbollah positions in southern Lebanon in the last 24 hours, the army said in a statement.",
			[]string{"Israel fought Hezbollah 2025-03-07"}, nil},
		{"Indian and Pakistani troops exchanged fire across the Line of Control overnight Wednesday, officials said.",
			[]string{"India fought Pakistan 2025-03-05"}, []string{"India fought Pakistan 2025-03-07"}},
	})
}
