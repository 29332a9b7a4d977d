package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// sectored returns the facts extracted from text as "subject[sector]
// predicate object", and the names of its entities.
func sectored(t *testing.T, e *Extractor, text string, pub graph.Date) (facts, names []string) {
	t.Helper()
	res, byID := extractByID(e, text, pub)
	for _, en := range res.Entities {
		names = append(names, string(en.Type)+" "+en.Name)
	}
	for _, f := range res.Facts {
		facts = append(facts, byID[f.Subject]+"["+f.SubjectSector+"] "+f.Predicate+" "+byID[f.Object])
	}
	return facts, names
}

// TestLeaderGovernments: "the Bush administration", "the Assad regime":
// the surname of a head of state or government the gazetteer knows,
// before a noun naming a government, is that country's government, not a
// person (and not a new person "Bush" where two heads share the name).
func TestLeaderGovernments(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, fact, person string }{
		{"The Bush administration imposed sanctions on Sudan in 2004.", "United States[GOV] sanctioned Sudan", "Bush"},
		{"The Obama administration criticized Egypt on Tuesday.", "United States[GOV] criticized Egypt", "Barack Obama"},
		{"The Biden administration criticized Iran on Tuesday.", "United States[GOV] criticized Iran", "Joe Biden"},
		{"Lebanon criticized the Assad regime on Tuesday.", "Lebanon[] criticized Syria", "Bashar al-Assad"},
		{"The Sharif government accused India of shelling villages on Tuesday.", "Pakistan[GOV] accused India", "Sharif"},
	} {
		facts, names := sectored(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
		assert.NotContains(t, names, "person "+c.person, c.text)
	}
	// A surname the gazetteer does not know stays a person; so does a
	// known person who heads no government.
	facts, _ := sectored(t, e, "The Kovacevic administration demanded that Russia withdraw its troops.", pub)
	assert.Contains(t, facts, "Kovacevic[] demanded Russia")
}

// TestRegionAdjectives: the adjective of a region ("Basque", "Catalan",
// "Flemish") before "government" is the region's, not a person.
func TestRegionAdjectives(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, word string }{
		{"The Basque government criticized Madrid on Tuesday.", "Basque"},
		{"The Catalan government met French officials in Perpignan on Tuesday.", "Catalan"},
		{"The Flemish government criticized the Netherlands on Tuesday.", "Flemish"},
		{"The Scottish government welcomed Norway's offer on Tuesday.", "Scottish"},
	} {
		facts, names := sectored(t, e, c.text, pub)
		assert.NotContains(t, names, "person "+c.word, c.text)
		for _, f := range facts {
			assert.NotContains(t, f, c.word, c.text)
		}
	}
}

// TestOneCountryTitles: a title only one country uses names that
// country's office, with no country named in the text.
func TestOneCountryTitles(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	facts, _ := extracted(t, e, "Taoiseach Mary Byrne met German Chancellor Friedrich Merz in Berlin on Tuesday.", pub)
	assert.Contains(t, facts, "Mary Byrne leads Ireland")
	assert.Contains(t, facts, "Mary Byrne met Friedrich Merz")
	facts, _ = extracted(t, e, "Tanaiste Sean Kelly visited Poland on Wednesday.", pub)
	assert.Contains(t, facts, "Sean Kelly holds_position Deputy Prime Minister of Ireland")
}

// TestSuccessorIsNoTarget: the one a successor is sought for is no
// target of the act ("will vote to choose a successor to President X").
func TestSuccessorIsNoTarget(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, text := range []string{
		"Senegal will vote in March to choose a successor to President Macky Sall.",
		"Parliament will vote next week on a successor to Prime Minister Ousmane Sonko.",
		"Gabon voted in August to choose a replacement for President Ali Bongo.",
	} {
		facts, _ := extracted(t, e, text, pub)
		for _, f := range facts {
			assert.NotContains(t, f, "pledged", text)
		}
	}
	// The one voted for is still the target.
	facts, _ := extracted(t, e, "Kenya will vote to support Uganda at the summit.", pub)
	assert.Contains(t, facts, "Kenya pledged Uganda")
}
