package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestWireRoundupDatelines: each paragraph of a roundup opening with its
// own dateline and date ("LIMA, May 8 (Agency) - ") is read without it:
// the dateline's date is no event's, a weekday counts from the paper's
// date; the first paragraph's coordinated verbs keep their subject, and
// the agency's tag is no one a pronoun stands for.
func TestWireRoundupDatelines(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 5, 8) // a Thursday
	text := "QUITO, May 8 (Agencia) - Ecuadorian President Daniel Noboa met Colombian President Gustavo Petro in Ipiales on Tuesday " +
		"and flew on to Peru, where he held talks with Foreign Minister Elmer Schialer.\n\n" +
		"SEOUL, May 8 (Agencia) - South Korea summoned Japan's ambassador on Wednesday over a defence white paper.\n\n" +
		"ROME, May 8 (Agencia) - Italy expelled a Russian diplomat on Monday."
	got := datedEvents(t, e, text, pub)
	for _, w := range []string{
		"Daniel Noboa met Gustavo Petro 2025-05-06",
		"Daniel Noboa visited Peru 2025-05-06",
		"Daniel Noboa met Elmer Schialer 2025-05-06",
		"South Korea criticized Japan 2025-05-07",
		"Italy sanctioned Russia 2025-05-05",
	} {
		assert.Contains(t, got, w)
	}
	for _, g := range got {
		assert.NotContains(t, g, "Agencia")
	}
}

// TestAccusingParticiple: an accusation told as a participle after the
// clause ("…, accusing X of …") is the clause subject's, or, after a
// report ("…, the government said, accusing X of …"), the reporter's.
func TestAccusingParticiple(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Eritrea condemned the agreement on Friday, accusing Sudan of meddling in its affairs.", []string{"Eritrea accused Sudan"}},
		{"Serbian forces shelled Kosovo police posts overnight, the Kosovo government said, accusing Belgrade of planning an attack.",
			[]string{"Serbia fought Kosovo", "Kosovo accused Serbia"}},
		{"Moldovan President Maia Sandu said in May that Moldova had suspended its gas contract, blaming Russia for the price rise.",
			[]string{"Maia Sandu accused Russia"}},
	}
	for _, c := range cases {
		got := codedEvents(t, e, c.text)
		for _, w := range c.want {
			assert.Contains(t, got, w, c.text)
		}
	}
}

// TestAdjectivesAndModifiers: "allied" before a noun is no alliance; a
// year naming a noun ("the 2016 ruling") dates no event of the sentence;
// a relative day with its date apposed ("this evening, 17 April") is that
// date.
func TestAdjectivesAndModifiers(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 4, 18)
	got := datedEvents(t, e, "Malian troops and allied fighters attacked the rebels in Kidal on Sunday.", pub)
	for _, g := range got {
		assert.NotContains(t, g, "cooperated_with", g)
	}
	got = datedEvents(t, e, "Vietnamese Foreign Minister Bui Thanh Son called on China on Thursday to respect the 2016 arbitral award.", pub)
	assert.Contains(t, got, "Bui Thanh Son demanded China 2025-04-17")
	got = datedEvents(t, e, "Prime Minister Mark Carney spoke with President Lee Jae-myung of South Korea this evening, 17 April.", pub)
	assert.Contains(t, got, "Mark Carney spoke_with Lee Jae-myung 2025-04-17")
	got = datedEvents(t, e, "Bolivia criticized Peru over the 2014 maritime ruling.", pub)
	assert.Len(t, got, 1)
	assert.NotContains(t, got, "Bolivia criticized Peru 2014")
}

// TestMobilisationOrdered: a general mobilisation ordered is the actor's
// own country mobilizing; troops sent to a body's mission are not sent
// against the body.
func TestMobilisationOrdered(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	assert.Equal(t, []string{"Armenia mobilized Armenia"}, codedEvents(t, e, "Armenia ordered a general mobilisation on Tuesday."))
	for _, g := range codedEvents(t, e, "Kenya deployed 400 more troops to the African Union mission in Somalia last week.") {
		assert.NotContains(t, g, "African Union", g)
	}
}

// TestSecondVerbWithPronoun: the partner of a second verb sharing the
// subject, told by a pronoun after "with" a few words on ("met X … and
// signed a border security pact with him"), is the one other person the
// sentence named.
func TestSecondVerbWithPronoun(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	got := codedEvents(t, e, "Ghanaian President John Mahama met Ivorian President Alassane Ouattara in Abidjan on Monday and signed a new cocoa marketing accord with him.")
	assert.Contains(t, got, "John Mahama signed_agreement Alassane Ouattara")
	got = codedEvents(t, e, "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday and signed a water sharing agreement with her.")
	assert.Contains(t, got, "Gabriel Boric signed_agreement Dina Boluarte")
}

// TestSecondVerbOnlyCoded: a second verb phrase of one subject, after an
// event the phrasing rules read, is coded too ("accused X of … and
// ordered a general mobilisation"); "and" before a new subject is not
// such a phrase.
func TestSecondVerbOnlyCoded(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	got := codedEvents(t, e, "Azerbaijani President Ilham Aliyev, who has ruled since 2003, accused Armenia of shelling Azerbaijani villages and ordered a general mobilisation on Sunday.")
	assert.Contains(t, got, "Ilham Aliyev accused Armenia")
	assert.Contains(t, got, "Ilham Aliyev mobilized Azerbaijan")
	got = codedEvents(t, e, "Malian troops clashed with Tuareg rebels on Tuesday, and the rebels shelled army positions overnight.")
	assert.NotContains(t, got, "Mali fought Mali")
}
