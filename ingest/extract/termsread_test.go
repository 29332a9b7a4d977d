package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestSwornPastClause: a swearing-in told past a relative clause on its
// subject ("X, who seized power in 2023, was sworn in as …"), or of a
// holder the sentence gives a country by another title ("Gabon's
// military leader X was sworn in as president"), starts the term that
// day; the clause's own date starts nothing.
func TestSwornPastClause(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Amara Kone, who seized power in a coup in August 2023, was sworn in as president of Mali on Thursday.",
			[]string{"Amara Kone leads Mali 2025-03-06.."}, []string{"Amara Kone leads Mali 2023-08..", "Amara Kone coerced Mali 2025-03-06"}},
		{"Tomas Rivel, who led the transitional council for two years, was sworn in as president of Haiti on Thursday.",
			[]string{"Tomas Rivel leads Haiti 2025-03-06.."}, []string{"Tomas Rivel visited Haiti 2025-03-06"}},
		{"Chad held a presidential vote in May. Idris Mahamat, who took power after his father's death in 2021, was sworn in as president on Thursday.",
			[]string{"Idris Mahamat leads Chad 2025-03-06.."}, nil},
		{"Niger's military leader Oumar Tiani was sworn in as president on Thursday.",
			[]string{"Oumar Tiani leads Niger 2025-03-06.."}, nil},
		{"Army chief Kofi Mensah of Ghana was sworn in as president on Wednesday.",
			[]string{"Kofi Mensah leads Ghana 2025-03-05.."}, nil},
		// A dateline of the capital names the country (countries.tsv).
		{"LIBREVILLE (Reuters) - Jean Mba, who led the transition after the 2023 coup, was sworn in as president on Thursday.",
			[]string{"Jean Mba leads Gabon 2025-03-06.."}, nil},
		// Two countries in the sentence: whose president is not said.
		{"Niger's military leader Oumar Tiani, who visited Mali last week, was sworn in as president on Thursday.",
			nil, []string{"Oumar Tiani leads Niger 2025-03-06..", "Oumar Tiani leads Mali 2025-03-06.."}},
		// Still to come: no term.
		{"Niger's military leader Oumar Tiani will be sworn in as president on Thursday.",
			nil, []string{"Oumar Tiani leads Niger 2025-03-13.."}},
	})
}

// TestDesignateTitle: "Prime Minister-designate X" (of a country, the
// country's, or its adjective) is X nominated as that office, never
// leading the country, and the country after the name is no actor.
func TestDesignateTitle(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	not := []string{"Iraq met Hamid Jabbar 2025-03-04", "Karim Saadi leads Iraq"}
	checkFacts(t, pub, []factCase{
		{"Prime Minister-designate Karim Saadi of Iraq met President Hamid Jabbar on Tuesday.",
			[]string{"Karim Saadi nominated_as Prime Minister of Iraq ", "Karim Saadi met Hamid Jabbar 2025-03-04"}, not},
		{"Iraq's prime minister-designate, Karim Saadi, met President Hamid Jabbar on Tuesday.",
			[]string{"Karim Saadi nominated_as Prime Minister of Iraq ", "Karim Saadi met Hamid Jabbar 2025-03-04"}, not},
		{"Karim Saadi, Iraq's prime minister-designate, held talks with President Hamid Jabbar on Tuesday.",
			[]string{"Karim Saadi nominated_as Prime Minister of Iraq "}, not},
		{"Iraqi Prime Minister-designate Karim Saadi met President Hamid Jabbar on Tuesday.",
			[]string{"Karim Saadi nominated_as Prime Minister of Iraq ", "Karim Saadi met Hamid Jabbar 2025-03-04"}, not},
		{"Foreign Minister-designate Lina Dahl of Norway met Kaja Kallas in Brussels on Tuesday.",
			[]string{"Lina Dahl nominated_as Foreign Minister of Norway ", "Lina Dahl met Kaja Kallas 2025-03-04"},
			[]string{"Norway met Kaja Kallas 2025-03-04"}},
		// A former designate was nominated once, at a time not told.
		{"Former Prime Minister-designate Karim Saadi met President Hamid Jabbar on Tuesday.",
			nil, []string{"Karim Saadi nominated_as Prime Minister ", "Karim Saadi leads Iraq"}},
	})
}

// endedFacts returns the leads and holds_position facts of text as
// "subject predicate object", followed by " ended" for a term told over.
func endedFacts(t *testing.T, e *Extractor, text string, pub graph.Date) []string {
	t.Helper()
	res, names := extractByID(e, text, pub)
	var got []string
	for _, f := range res.Facts {
		if f.Predicate != graph.Leads && f.Predicate != graph.HoldsPosition {
			continue
		}
		s := names[f.Subject] + " " + f.Predicate + " " + names[f.Object]
		if f.Ended || !f.End.IsZero() {
			s += " ended"
		}
		got = append(got, s)
	}
	return got
}

// TestOustedTitle: "ousted", "deposed", "toppled" and "overthrown" before
// a title tell a term that is over, as "former" does, in every form of
// the title.
func TestOustedTitle(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, text := range []string{
		"Ousted President Rafael Mendez of Bolivia met his lawyers on Friday.",
		"Deposed Bolivian President Rafael Mendez met his lawyers on Friday.",
		"Bolivia's ousted president, Rafael Mendez, met his lawyers on Friday.",
		"Rafael Mendez, Bolivia's deposed president, met his lawyers on Friday.",
		"Rafael Mendez, the toppled president of Bolivia, met his lawyers on Friday.",
		"Overthrown President Rafael Mendez of Bolivia spoke with Lula da Silva on Friday.",
		"Prosecutors charged ousted President Rafael Mendez of Bolivia with corruption on Friday.",
	} {
		got := endedFacts(t, e, text, pub)
		require.NotEmpty(t, got, text)
		assert.NotContains(t, got, "Rafael Mendez leads Bolivia", text)
		for _, g := range got {
			assert.Contains(t, g, " ended", text)
		}
	}
}

// TestRegionalGovernment: a region's government or legislature ("the
// regional government of Catalonia", "provincial authorities", "the
// state legislature"), which event data codes as its country's
// government, never acts on that country itself; the country's own
// government acts as before.
func TestRegionalGovernment(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"The regional government of Andalusia criticized Spain on Monday over water transfers.",
			nil, []string{"Spain criticized Spain 2025-03-03"}},
		{"The government of Bavaria criticized Germany on Monday.",
			nil, []string{"Germany criticized Germany 2025-03-03"}},
		{"Provincial authorities in Quebec accused Canada of neglect on Monday.",
			nil, []string{"Canada accused Canada 2025-03-03"}},
		{"ROME (Reuters) - The regional government criticized the central government on Monday.",
			nil, []string{"Italy criticized Italy 2025-03-03"}},
		{"The government of Spain criticized Morocco on Monday.",
			[]string{"Spain criticized Morocco 2025-03-03"}, nil},
		{"MADRID (Reuters) - The government criticized Morocco on Monday.",
			[]string{"Spain criticized Morocco 2025-03-03"}, nil},
	})
}
