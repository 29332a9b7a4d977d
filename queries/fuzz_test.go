package queries

import (
	"errors"
	"testing"

	"github.com/geokg/geokg/graph"
)

// FuzzParseQuestion: no panic; a question is understood (with a form) or
// refused with ErrNotUnderstood or ErrInvalidDate.
func FuzzParseQuestion(f *testing.F) {
	for _, q := range []string{
		"Who led NATO on 15 December 2024?",
		"When did Donald Trump meet Mark Rutte?",
		"Who did Macron meet last month?",
		"Who was prime minister of Japan on 31 February 2024?",
		"How is Rutte connected to Zelensky?",
		"",
	} {
		f.Add(q)
	}
	today := graph.DayOf(2025, 3, 1)
	f.Fuzz(func(t *testing.T, q string) {
		p, err := ParseQuestion(q, today)
		if err != nil {
			if !errors.Is(err, ErrNotUnderstood) && !errors.Is(err, ErrInvalidDate) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		if p.Form == "" {
			t.Fatalf("understood without a form: %+v", p)
		}
	})
}
