package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestPlaceCountryBeforeSecession checks that every country countries.tsv
// says seceded names a gazetteer country it seceded from, and that its
// places belong to that country only before the day it was formed.
func TestPlaceCountryBeforeSecession(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range g.entities {
		if e.formedFrom == "" {
			continue
		}
		n++
		from := g.entities[e.formedFrom]
		if from == nil || from.typ != graph.Country {
			t.Errorf("%s: formed from %q, no country of the gazetteer", e.name, e.formedFrom)
			continue
		}
		prev := e.formed.Time().AddDate(0, 0, -1)
		before := graph.DayOf(prev.Year(), prev.Month(), prev.Day())
		if got := g.placeCountry(e, before); got != from {
			t.Errorf("%s on %s: %s, want %s", e.name, before, got.name, from.name)
		}
		for _, d := range []graph.Date{e.formed, {}} {
			if got := g.placeCountry(e, d); got != e {
				t.Errorf("%s on %q: %s, want itself", e.name, d, got.name)
			}
		}
	}
	if n == 0 {
		t.Fatal("no country of countries.tsv was formed by secession")
	}
}
