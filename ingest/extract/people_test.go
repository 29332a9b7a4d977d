package extract

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestPeopleGazetteer: persons of people.tsv are known by their full name
// and by the surnames listed as their aliases ("Obama" → Barack Obama),
// never by an unlisted surname ("Brown" is not Gordon Brown), and the list
// is no source of leads or national_of facts.
func TestPeopleGazetteer(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		name, text string
		persons    []string
	}{
		{"listed surname", "Obama criticized Russia over the annexation on Tuesday.",
			[]string{"Barack Obama"}},
		{"full names", "Gordon Brown met Nicolas Sarkozy in London on Friday.",
			[]string{"Gordon Brown", "Nicolas Sarkozy"}},
		{"unlisted surname stays as written", "Merkel met Mr. Brown in Berlin on Monday.",
			[]string{"Angela Merkel", "Brown"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := e.Extract(Input{Text: c.text, Published: graph.DayOf(2014, 3, 4)})
			var got []string
			for _, en := range res.Entities {
				if en.Type == graph.Person {
					got = append(got, en.Name)
				}
			}
			require.ElementsMatch(t, c.persons, got)
			require.Empty(t, personStates(t, e, c.text), "the gazetteer is no source of facts")
		})
	}
}
