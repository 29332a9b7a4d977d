package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// extracted returns the events and tenures extracted from text published
// on pub, as "subject predicate object", and the names of its entities.
func extracted(t *testing.T, e *Extractor, text string, pub graph.Date) (facts, names []string) {
	t.Helper()
	res, byID := extractByID(e, text, pub)
	for _, en := range res.Entities {
		names = append(names, string(en.Type)+" "+en.Name)
	}
	for _, f := range res.Facts {
		facts = append(facts, byID[f.Subject]+" "+f.Predicate+" "+byID[f.Object])
	}
	return facts, names
}

// TestNameParticles: lower-case particles inside a name, one or a run of
// them, are part of it when a capitalized word follows ("de la", "van
// der", "de los", "ter").
func TestNameParticles(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, name, fact string }{
		{"Mexican Foreign Minister Juan Ramon de la Fuente met Chilean President Gabriel Boric on Tuesday.",
			"Juan Ramon de la Fuente", "Juan Ramon de la Fuente met Gabriel Boric"},
		{"Dutch Foreign Minister Jan van der Berg met Belgian Prime Minister Bart De Wever on Tuesday.",
			"Jan van der Berg", "Jan van der Berg met Bart De Wever"},
		{"Peruvian Foreign Minister Carlos de los Rios criticized Venezuela on Tuesday.",
			"Carlos de los Rios", "Carlos de los Rios criticized Venezuela"},
		{"Dutch Defence Minister Pieter ter Horst visited Poland on Tuesday.",
			"Pieter ter Horst", "Pieter ter Horst visited Poland"},
		{"Spanish Prime Minister Pedro Sanchez met Ana de la Vega on Tuesday.",
			"Ana de la Vega", "Pedro Sánchez met Ana de la Vega"},
	} {
		facts, names := extracted(t, e, c.text, pub)
		assert.Contains(t, names, "person "+c.name, c.text)
		assert.Contains(t, facts, c.fact, c.text)
	}
}

// TestPeopleBeforeLeaderNouns: a lone name of a people or a movement
// between "the" and its leaders ("the Kurdish leader", "the
// Basque authorities") names no one; a surname before "administration"
// stays the person whose government it is.
func TestPeopleBeforeLeaderNouns(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, text := range []string{
		"The Kurdish leader met Iraqi Prime Minister Mohammed Shia al-Sudani on Tuesday.",
		"The Basque authorities criticized Spain on Tuesday.",
		"The Catalan leader visited Belgium on Tuesday.",
		"The Tuareg leadership criticized Mali on Tuesday.",
	} {
		_, names := extracted(t, e, text, pub)
		for _, n := range names {
			for _, w := range []string{"Kurdish", "Basque", "Catalan", "Tuareg"} {
				assert.NotEqual(t, "person "+w, n, text)
			}
		}
	}
	facts, _ := extracted(t, e, "The Kovacevic administration demanded that Russia withdraw its troops.", pub)
	assert.Contains(t, facts, "Kovacevic demanded Russia")
	// A known person before such a noun stays who he is.
	facts, _ = extracted(t, e, "The Kurdish leader Masoud Barzani met Turkish President Recep Tayyip Erdogan on Tuesday.", pub)
	assert.Contains(t, facts, "Masoud Barzani met Recep Tayyip Erdoğan")
}

// TestHeadOfGovernmentTitles: the Irish titles of the head of government
// and of the deputy are read as the offices they are.
func TestHeadOfGovernmentTitles(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	facts, names := extracted(t, e, "Irish Taoiseach Simon Harris visited France on Tuesday.", pub)
	assert.Contains(t, facts, "Simon Harris leads Ireland")
	assert.Contains(t, facts, "Simon Harris visited France")
	facts, names = extracted(t, e, "Taoiseach Micheal Martin met German Chancellor Friedrich Merz on Tuesday.", pub)
	assert.Contains(t, facts, "Micheal Martin met Friedrich Merz")
	assert.NotContains(t, names, "person Taoiseach Micheal Martin")
	facts, _ = extracted(t, e, "Tanaiste Helen McEntee met Belgian Prime Minister Bart De Wever on Tuesday.", pub)
	assert.Contains(t, facts, "Helen McEntee holds_position Deputy Prime Minister of Ireland")
}

// TestPossessedRelationNames: "X's neighbour Y", "X's ally Y" names Y; X
// only tells which.
func TestPossessedRelationNames(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, want, not string }{
		{"Nigerian President Bola Tinubu visited Ghana's neighbour Togo on Tuesday.", "Bola Tinubu visited Togo", "Ghana"},
		{"Ukraine criticized Russia's ally Belarus on Tuesday.", "Ukraine criticized Belarus", "Russia"},
		{"Chile's neighbour Argentina imposed sanctions on Venezuela on Tuesday.", "Argentina sanctioned Venezuela", "Chile"},
	} {
		facts, _ := extracted(t, e, c.text, pub)
		assert.Contains(t, facts, c.want, c.text)
		for _, f := range facts {
			assert.NotContains(t, f, c.not, c.text)
		}
	}
}

// TestKnownPlacesAreNoPersons: a city of places.tsv before a noun
// ("Geneva officials", "Zurich bankers") is never a person.
func TestKnownPlacesAreNoPersons(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, place string }{
		{"Iranian Foreign Minister Abbas Araghchi met Geneva officials on Tuesday.", "Geneva"},
		{"Indian Prime Minister Narendra Modi met Zurich bankers on Tuesday.", "Zurich"},
		{"Armenia criticized Azerbaijan on Tuesday, Geneva diplomats said.", "Geneva"},
	} {
		facts, names := extracted(t, e, c.text, pub)
		assert.NotContains(t, names, "person "+c.place, c.text)
		for _, f := range facts {
			assert.NotContains(t, f, c.place, c.text)
		}
	}
}

// TestParticleSurnames: a surname that begins with particles, alone later
// and capitalized at the sentence start ("De la Vega", "Van der Berg"),
// is the person named in full before.
func TestParticleSurnames(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	facts, _ := extracted(t, e, "Peruvian Foreign Minister Ana de la Vega arrived in Quito on Monday. "+
		"De la Vega criticized Venezuela on Tuesday.", pub)
	assert.Contains(t, facts, "Ana de la Vega criticized Venezuela")
	facts, _ = extracted(t, e, "Dutch Foreign Minister Jan van der Berg arrived in Warsaw on Monday. "+
		"Van der Berg met Polish President Andrzej Duda on Tuesday.", pub)
	assert.Contains(t, facts, "Jan van der Berg met Andrzej Duda")
}
