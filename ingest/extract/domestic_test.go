package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCoderDomestic checks the convention for events told with no one
// acted on (graph.Predicate.Domestic and the lexicon's phrases naming no
// side): the actor's own country is the target — its government when a
// part of the country that is not the state acts, its people when the
// state or a person acts — and an actor of no known country states
// nothing.
func TestCoderDomestic(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		// Strikes and rallies at home: against the government.
		{"Uruguayan dockworkers went on strike on Thursday.", []string{"Uruguay/LAB protested Uruguay/GOV"}},
		{"Hundreds of Moroccan students staged a sit-in outside the ministry in Rabat.", []string{"Morocco/EDU protested Morocco/GOV"}},
		// Someone named is still the target.
		{"Tunisian farmers rallied against Algeria's export ban on Monday.", []string{"Tunisia/AGR protested Algeria"}},
		// Surrender, ceasefire, demobilization: RETREAT at home.
		{"Dozens of Malian rebels surrendered on Friday.", []string{"Mali/REB withdrew_from Mali/GOV"}},
		{"Some 500 Sudanese militiamen have been demobilized since the accord.", []string{"Sudan/REB withdrew_from Sudan/GOV"}},
		// A report verb that states the act: "declared a ceasefire".
		{"Yemeni rebels declared a truce on Monday.", []string{"Yemen/REB withdrew_from Yemen/GOV"}},
		// A leader resigning leaves office: RETREAT on the country's people.
		{"Austrian Chancellor Lena Gruber resigned on Tuesday.", []string{"Lena Gruber withdrew_from Austria/CVL"}},
		// The state acting at home acts on its people.
		{"The Zambian government lifted the curfew on Wednesday.", []string{"Zambia/GOV conceded Zambia/CVL"}},
		{"Ghana eased the nightly curfew in Accra on Wednesday.", []string{"Ghana/GOV conceded Ghana/CVL"}},
		{"Algerian troops were put on high alert on Sunday.", []string{"Algeria/MIL mobilized Algeria/CVL"}},
		{"The Nepalese government declared a state of emergency on Tuesday.", []string{"Nepal/GOV coerced Nepal/CVL"}},
		// A country acting on a part of itself acts through its government.
		{"Bolivia is investigating Bolivian police officers over the deaths.", []string{"Bolivia/GOV investigated Bolivia/COP"}},
		// An act of no one named whose predicate needs a target, or an
		// actor of no known country, states nothing.
		{"Critics said that Sweden conceded too much.", nil},
		{"Kurdish fighters declared a ceasefire on Monday.", nil},
		{"The court declared the law unconstitutional on Monday.", nil},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, sectoredEvents(t, e, c.text), c.text)
	}
}
