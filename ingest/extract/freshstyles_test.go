package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestFirstBecame: "first" between the subject and the verb is an
// adverb like "again" ("he first became prime minister of X in 2012").
func TestFirstBecame(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	facts, _ := extracted(t, e, "Ibrahim Sankara first became prime minister of Burkina Faso in March 2012.", graph.DayOf(2025, 3, 7))
	assert.Contains(t, facts, "Ibrahim Sankara leads Burkina Faso")
}

// TestSpeakerOfTheLowerHouse: a country's parliament electing someone
// "speaker of the lower house" names that country's speaker.
func TestSpeakerOfTheLowerHouse(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	facts, _ := extracted(t, e, "Mongolia's parliament elected Batbold Enkhjin as speaker of the lower house on Friday.", graph.DayOf(2025, 3, 7))
	assert.Contains(t, facts, "Batbold Enkhjin holds_position Speaker of Parliament of Mongolia")
}

// TestCapitalizedGenericReference: "the Authority" of an ECOWAS text is
// the bloc (a generic reference written with a capital, read only so
// written), never a person "Authority"; "the authority" stays a noun.
func TestCapitalizedGenericReference(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	facts, names := extracted(t, e, "ECOWAS leaders met in Accra on Monday. The Authority condemned Mali on Monday.", pub)
	assert.Contains(t, facts, "Economic Community of West African States criticized Mali")
	assert.NotContains(t, names, "person Authority")
	facts, _ = extracted(t, e, "ECOWAS leaders met in Accra on Monday. They said the authority condemned Mali on Monday.", pub)
	assert.NotContains(t, facts, "Economic Community of West African States criticized Mali")
}

// TestOrganizationTitleIsNoCountrys: a title only organizations' heads
// hold ("Chairman") given to a country's president names no office of
// that country.
func TestOrganizationTitleIsNoCountrys(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	res := e.Extract(Input{Text: "The Council appointed President Adama Barrow of Gambia as Chairman of the Forum for a two-year term.", Published: graph.DayOf(2025, 3, 7)})
	for _, f := range res.Facts {
		assert.NotEqual(t, "Chairperson", f.Role)
	}
}

// TestAbstainedIsNoEvent: abstaining on a vote yields to no one ("Russia
// abstained on a resolution on Syria" is no concession to Syria).
func TestAbstainedIsNoEvent(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	for _, text := range []string{
		"India abstained on a resolution condemning Myanmar on Friday.",
		"France and Japan abstained in the vote on sanctions against Mali.",
	} {
		facts, _ := extracted(t, e, text, graph.DayOf(2025, 3, 7))
		assert.Empty(t, facts, text)
	}
}

// TestOrganizationWordEndsAName: a surname spelled as an organization's
// one-word name ("Wagner") ends the name it closes.
func TestOrganizationWordEndsAName(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	facts, names := extracted(t, e, "German Defence Minister Anna Luise Wagner visited Lithuania on Friday.", graph.DayOf(2025, 3, 7))
	assert.Contains(t, names, "person Anna Luise Wagner")
	assert.Contains(t, facts, "Anna Luise Wagner visited Lithuania")
}

// TestSpeakerWithPartyNamed: "elected X of the Y party as president of the
// Chamber of Deputies" names the country's speaker, the party between.
func TestSpeakerWithPartyNamed(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	facts, _ := extracted(t, e, "Chilean lawmakers elected Camila Rojas of the Broad Front as president of the Chamber of Deputies on Monday.", graph.DayOf(2025, 3, 7))
	assert.Contains(t, facts, "Camila Rojas holds_position Speaker of Parliament of Chile")
}
