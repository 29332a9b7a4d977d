package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// extractByID extracts text published on pub and returns the result
// with the names of its entities by id.
func extractByID(e *Extractor, text string, pub graph.Date) (Result, map[string]string) {
	res := e.Extract(Input{Text: text, Published: pub})
	names := make(map[string]string, len(res.Entities))
	for _, en := range res.Entities {
		names[en.ID] = en.Name
	}
	return res, names
}

// allFacts returns every fact of text published on pub as "subject
// predicate object" followed by its date (events) or start/end (states).
func allFacts(t *testing.T, e *Extractor, text string, pub graph.Date) []string {
	t.Helper()
	res, names := extractByID(e, text, pub)
	var got []string
	for _, f := range res.Facts {
		s := names[f.Subject] + " " + f.Predicate + " " + names[f.Object]
		if graph.IsEvent(f.Predicate) {
			s += " " + f.Date.String()
		} else if !f.Start.IsZero() || !f.End.IsZero() {
			s += " " + f.Start.String() + ".." + f.End.String()
		}
		got = append(got, s)
	}
	return got
}

// factCase is a text with the facts it must give and those it must not.
type factCase struct {
	text      string
	want, not []string
}

// checkFacts extracts each case's text, published on pub, and checks the
// facts it gives (see allFacts).
func checkFacts(t *testing.T, pub graph.Date, cases []factCase) {
	t.Helper()
	e, err := New()
	require.NoError(t, err)
	for _, c := range cases {
		got := allFacts(t, e, c.text, pub)
		for _, w := range c.want {
			assert.Contains(t, got, w, c.text)
		}
		for _, n := range c.not {
			assert.NotContains(t, got, n, c.text)
		}
	}
}

// TestCountryTitleIsItsHolder: "the U.S. Secretary of State", "the
// Chinese foreign minister" with no name after is the one person the
// article gave that country's office, not the country; one of another
// country is no holder of it.
func TestCountryTitleIsItsHolder(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Secretary of State Laura Benning met Wang Yi on Monday. The U.S. Secretary of State flew to Tokyo on Tuesday.",
			[]string{"Laura Benning visited Japan 2025-03-04"}, []string{"United States visited Japan 2025-03-04"}},
		{"Secretary of State Omar Haddad spoke with Kaja Kallas on Monday. The US Secretary of State will travel to Ottawa on Thursday.",
			[]string{"Omar Haddad pledged Canada 2025-03-13"}, []string{"United States pledged Canada 2025-03-13"}},
		{"Chinese Foreign Minister Wang Yi met Penny Wong on Monday. The Chinese foreign minister travelled to Paris on Tuesday.",
			[]string{"Wang Yi visited France 2025-03-04"}, []string{"China visited France 2025-03-04"}},
		// The article's foreign minister is Australia's: the Chinese one
		// is no one it named.
		{"Australian Foreign Minister Penny Wong met Ahmed Attaf on Monday. The Chinese foreign minister travelled to Paris on Tuesday.",
			nil, []string{"Penny Wong visited France 2025-03-04"}},
	})
}

// TestFlewToSeatTown: flying or travelling to a seat that is a town
// ("Brussels") is a visit, to the body the sentence names of those seated
// there, else to the one the seat stands for, never a pledge.
func TestFlewToSeatTown(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	cases := []struct {
		text string
		want []string
	}{
		{"Czech Prime Minister Petr Fiala flew to Brussels on Thursday.", []string{"Petr Fiala visited European Union 2025-03-06"}},
		{"Danish Prime Minister Mette Frederiksen flew on to Brussels on Wednesday.", []string{"Mette Frederiksen visited European Union 2025-03-05"}},
		{"Finnish President Alexander Stubb travelled to Brussels on Monday for talks with NATO allies.",
			[]string{"Alexander Stubb visited NATO 2025-03-03"}},
		{"Irish Prime Minister Simon Harris flew to Brussels on Tuesday for an emergency summit of European Union leaders.",
			[]string{"Simon Harris visited European Union 2025-03-04"}},
	}
	for _, c := range cases {
		got := datedEvents(t, e, c.text, pub)
		assert.ElementsMatch(t, c.want, got, c.text)
	}
}

// TestTakingOverAPost: taking over a body's top job or post is taking
// office (the top job, the helm: its head from that day), never a seizure
// of the body; seizing things stays coded.
func TestTakingOverAPost(t *testing.T) {
	pub := graph.DayOf(2024, 10, 4)
	checkFacts(t, pub, []factCase{
		{"Former Danish prime minister Anders Holm took over NATO's top job on Tuesday.",
			[]string{"Anders Holm leads NATO 2024-10-01.."}, []string{"Anders Holm coerced NATO 2024-10-01"}},
		{"Estonian diplomat Liis Tamm took over the EU's foreign policy post on Sunday.",
			nil, []string{"Liis Tamm coerced European Union 2024-09-29"}},
		{"Ngozi Okonjo-Iweala took over the helm of the World Trade Organization in March 2021.",
			[]string{"Ngozi Okonjo-Iweala leads World Trade Organization 2021-03.."}, nil},
		{"Chile took over the council's rotating presidency on Monday.",
			nil, []string{"Chile coerced United Nations Security Council 2024-09-30"}},
	})
}

// TestThreatToBlockAMeasure: a threat to block or veto a measure is not
// aimed at the one the measure would hit; a measure's author named is
// who it is aimed at; a threat made to a country stays one.
func TestThreatToBlockAMeasure(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Hungary threatened on Tuesday to veto the new package of sanctions on Russia.", nil},
		{"Slovakia threatened to block the latest sanctions package against Moscow.", nil},
		{"Austria threatened to veto the EU's sanctions on Iran.", []string{"Austria threatened European Union"}},
		{"Bulgaria threatened to veto North Macedonia's accession talks.", []string{"Bulgaria threatened North Macedonia"}},
		{"Poland threatened Belarus with new sanctions.", []string{"Poland threatened Belarus"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestLeadershipClauseWithoutCountry: "the presidency, which X has held
// since 2017" with no country in the sentence is the country the article
// says X leads as President, or nothing; never another office the
// sentence gave X.
func TestLeadershipClauseWithoutCountry(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2024, 3, 20)
	cases := []struct {
		text      string
		want, not []string
	}{
		{"Ghanaian President Kwame Asante met Togolese Foreign Minister Robert Dussey on Tuesday. " +
			"The presidency, which Asante has held since 2017, is contested in December.",
			[]string{"Kwame Asante leads Ghana 2017.."}, nil},
		{"Ghanaian President Kwame Asante is seeking a third term. " +
			"Asante, a former finance minister, won praise for the presidency, which he has held since 2017.",
			[]string{"Kwame Asante leads Ghana 2017.."}, []string{"Kwame Asante holds_position Finance Minister of Ghana 2017.."}},
		// No country the article gives him: nothing.
		{"Kwame Asante met French President Emmanuel Macron on Tuesday. " +
			"The premiership, which Asante has held since 2019, is contested in December.",
			nil, []string{"Kwame Asante leads France 2019.."}},
	}
	for _, c := range cases {
		got := allFacts(t, e, c.text, pub)
		for _, w := range c.want {
			assert.Contains(t, got, w, c.text)
		}
		for _, n := range c.not {
			assert.NotContains(t, got, n, c.text)
		}
		for _, g := range got {
			assert.NotContains(t, g, " 2019..", c.text) // no term from a clause whose country is unknown
		}
	}
}
