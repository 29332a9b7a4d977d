package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// datedEvents returns the events extracted from text published on pub, as
// "subject predicate object date".
func datedEvents(t *testing.T, e *Extractor, text string, pub graph.Date) []string {
	t.Helper()
	res, names := extractByID(e, text, pub)
	var got []string
	for _, f := range res.Facts {
		if graph.IsEvent(f.Predicate) {
			got = append(got, names[f.Subject]+" "+f.Predicate+" "+names[f.Object]+" "+f.Date.String())
		}
	}
	return got
}

// TestPlansAreNotActs checks the one rule for plans: an act told as a plan
// ("is scheduled to", "are due to", "is set to", "is to", "plans to", "is
// expected to", "will"), or dated after the article and not told as done,
// is stored as its intent (pledged, agreed_with for two sides planning
// together, threatened for a hostile act), dated on the planned day; a
// past plan the sentence says did not go ahead states nothing; an act told
// as done keeps its act, plan or no plan.
func TestPlansAreNotActs(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7) // a Friday
	cases := []struct {
		text string
		want []string
	}{
		// Frames of a plan, on a weekday ahead, a week, a month, a date.
		{"Chilean President Ana Rojas is scheduled to visit Peru on Tuesday.", []string{"Ana Rojas pledged Peru 2025-03-11"}},
		{"Chilean President Ana Rojas is to visit Bolivia next week.", []string{"Ana Rojas pledged Bolivia 2025-03"}},
		{"Chilean President Ana Rojas is expected to travel to Brazil later this month.", []string{"Ana Rojas pledged Brazil 2025-03"}},
		{"Chilean President Ana Rojas plans to visit Argentina on March 25.", []string{"Ana Rojas pledged Argentina 2025-03-25"}},
		{"Peruvian President Luis Soto is slated to host Chilean President Ana Rojas on March 28.",
			[]string{"Luis Soto agreed_with Ana Rojas 2025-03-28"}},
		// Two sides planning together agree; a hostile act announced
		// is a threat.
		{"Argentina and Uruguay are set to sign a fisheries accord on March 14.", []string{"Argentina agreed_with Uruguay 2025-03-14"}},
		{"Chilean President Ana Rojas and Peruvian President Luis Soto are due to hold talks in Arica on Monday.",
			[]string{"Ana Rojas agreed_with Luis Soto 2025-03-10"}},
		{"Venezuela will impose sanctions on Guyana on March 20.", []string{"Venezuela threatened Guyana 2025-03-20"}},
		// Dated after the article in the present tense: the plan. A
		// meeting planned is the two sides' joint plan however it is
		// worded; an offer to host is one side's.
		{"Chilean President Ana Rojas meets Peruvian President Luis Soto in Lima on March 19.",
			[]string{"Ana Rojas agreed_with Luis Soto 2025-03-19"}},
		{"Chilean President Ana Rojas will meet Peruvian President Luis Soto on Monday.",
			[]string{"Ana Rojas agreed_with Luis Soto 2025-03-10"}},
		{"Ecuador will hold talks with Colombia on March 21.", []string{"Ecuador agreed_with Colombia 2025-03-21"}},
		{"Ecuador and Colombia will hold talks on March 21.", []string{"Ecuador agreed_with Colombia 2025-03-21"}},
		{"Ecuador is ready to host talks with Colombia on March 21.", []string{"Ecuador pledged Colombia 2025-03-21"}},
		// Past reports that mention a plan keep the act, or state
		// nothing when the plan was dropped.
		{"Chilean President Ana Rojas met Peruvian President Luis Soto on Tuesday as scheduled.",
			[]string{"Ana Rojas met Luis Soto 2025-03-04"}},
		{"Chilean President Ana Rojas was scheduled to meet Peruvian President Luis Soto on Monday, but the meeting was postponed.", nil},
		{"Chilean President Ana Rojas was due to visit Peru on Monday but the trip was called off.", nil},
		{"Chilean President Ana Rojas was due to visit Peru on Monday but visited Peru on Wednesday.",
			[]string{"Ana Rojas visited Peru 2025-03-05"}},
		// Told as done, an act keeps its act even when its month without
		// a year reads ahead of the article: the tense is what the
		// writer said.
		{"Chilean President Ana Rojas visited Peru in April.", []string{"Ana Rojas visited Peru 2024-04"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, datedEvents(t, e, c.text, pub), c.text)
	}
}
