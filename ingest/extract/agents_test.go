package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// sectoredEvents returns the events of text as "subject/SECTOR predicate
// object/SECTOR" (no slash for a side with no sector).
func sectoredEvents(t *testing.T, e *Extractor, text string) []string {
	t.Helper()
	res := e.Extract(Input{Text: text, Published: graph.DayOf(2025, 6, 11)})
	names := map[string]string{}
	for _, en := range res.Entities {
		names[en.ID] = en.Name
	}
	side := func(id, sec string) string {
		if sec == "" {
			return names[id]
		}
		return names[id] + "/" + sec
	}
	var got []string
	for _, f := range res.Facts {
		if graph.IsEvent(f.Predicate) {
			got = append(got, side(f.Subject, f.SubjectSector)+" "+f.Predicate+" "+side(f.Object, f.ObjectSector))
		}
	}
	return got
}

// TestCoderAgents checks the general coder's reading of bare agent nouns
// ("police", "protesters", "the government"): the country of their
// context with the agent's CAMEO code, or nothing when the context does
// not say whose they are.
func TestCoderAgents(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		// A country named right after the noun, or as the scene.
		// A clash of protesters with the police is the police's repression.
		{"Protesters in Caracas clashed with police on Saturday.", []string{"Venezuela/COP coerced Venezuela/CVL"}},
		{"Riot police fired tear gas at demonstrators in Montevideo on Monday.", []string{"Uruguay/COP coerced Uruguay/CVL"}},
		// People acted on by a part of the one country the sentence names.
		{"Chilean police arrested protesters on Monday.", []string{"Chile/COP coerced Chile/CVL"}},
		// Police are not the country of the people they act on.
		{"Police arrested two Bolivian journalists on Monday.", nil},
		// Armed forces act abroad: civilians they kill are not theirs.
		{"Paraguayan troops shelled villages, killing civilians.", nil},
		// A possessive or an actor owns the noun; a noun before another
		// is its modifier.
		{"Ecuador said its troops had attacked Peru.", []string{"Ecuador/MIL fought Peru"}},
		{"The opposition newspaper criticized Chile.", nil},
		// The previous sentence's scene, in a sentence naming no country;
		// police firing on protesters is repression (COERCE), one fact
		// with the detention that follows.
		{"Peruvian police fired on protesters in Cusco. Police later detained 40 students.",
			[]string{"Peru/COP coerced Peru/CVL"}},
		// A dateline's country is the government's, and the scene's when
		// the sentence names none; a government's act on its own country
		// is on its people.
		{"QUITO, June 10 (Wire) - The government imposed a curfew in the capital on Tuesday. Police detained 40 students on Wednesday.",
			[]string{"Ecuador/GOV coerced Ecuador/CVL", "Ecuador/COP coerced Ecuador/EDU"}},
		{"The Bolivian government imposed a curfew in Bolivia on Tuesday.", []string{"Bolivia/GOV coerced Bolivia/CVL"}},
		// What a country owns is its government's.
		{"Workers in Lima protested Peru's new labour law on Friday.", []string{"Peru/LAB protested Peru/GOV"}},
		// A protest's purpose names its target.
		{"Thousands of Chileans began a hunger strike on Monday to protest against Peru's decision to close the border.",
			[]string{"Chile/CVL protested Peru"}},
		{"Bolivian farmers staged a rally on Tuesday to protest Argentina's export ban.", []string{"Bolivia/AGR protested Argentina"}},
		// An ethnic group is the country it lives in, never its
		// adjective's: with no scene it is no actor.
		{"About 300 ethnic Hungarians marched in Slovakia on Sunday.", []string{"Slovakia/CVL protested Slovakia/GOV"}},
		{"Georgian police shot two ethnic Armenians in Georgia on Friday.", []string{"Georgia/COP fought Georgia/CVL"}},
		{"Ethnic Russian separatists in Moldova clashed with Moldovan police.", []string{"Moldova/REB fought Moldova/COP"}},
		{"Ethnic Uzbeks rallied on Monday.", nil},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, sectoredEvents(t, e, c.text), c.text)
	}
}
