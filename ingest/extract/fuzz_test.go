package extract

import (
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
)

var fuzzExtractor = sync.OnceValues(New)

// FuzzExtract: no panic; every fact has a known predicate, both entities
// among the result's entities, and one source sentence found in the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Prime Minister Olaf Scholz met President Emmanuel Macron in Paris on 3 May 2023.",
		"Finland became the 31st member of NATO on Tuesday. It was welcomed by Jens Stoltenberg.",
		"Mark Rutte succeeded Jens Stoltenberg as Secretary General of NATO in October 2024.",
		"He met her. They met them. ... \"Quoted\" (parenthesised) text – dashes — and … ellipses",
	} {
		f.Add(s, "Title", 2024, 6)
	}
	f.Fuzz(func(t *testing.T, text, title string, y, m int) {
		ex, err := fuzzExtractor()
		if err != nil {
			t.Fatal(err)
		}
		if len(text) > 4096 {
			text = text[:4096]
		}
		var pub graph.Date
		if y >= 1 && y <= 9999 && m >= 1 && m <= 12 {
			pub = graph.DayOf(y, time.Month(m), 15)
		}
		res := ex.Extract(Input{Text: text, Title: title, Published: pub})
		ents := map[string]bool{}
		for _, e := range res.Entities {
			ents[e.ID] = true
		}
		for _, fc := range res.Facts {
			if !graph.IsPredicate(fc.Predicate) {
				t.Fatalf("unknown predicate %q", fc.Predicate)
			}
			if !ents[fc.Subject] || !ents[fc.Object] {
				t.Fatalf("fact %s %s %s names an entity not in the result", fc.Subject, fc.Predicate, fc.Object)
			}
			if len(fc.Sources) != 1 {
				t.Fatalf("fact with %d sources", len(fc.Sources))
			}
		}
	})
}
