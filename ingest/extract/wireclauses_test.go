package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPressureFrom checks pressure told as a noun: "under pressure from
// X to …" is X's demand of the one under it, never a demand of X by that
// one, and "from X to act" does not make X the one asked.
func TestPressureFrom(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"The Serbian government came under strong pressure from Germany to arrest the suspects.", []string{"Germany demanded Serbia"}},
		{"Pakistan remains under mounting pressure from Washington to act against militants.", []string{"United States demanded Pakistan"}},
		{"Ghana came under pressure from Britain to cut spending on Monday.", []string{"United Kingdom demanded Ghana"}},
		// "is under pressure" names no verb the lexicon reads: nothing,
		// and above all not the one under pressure asking the other.
		{"Peru is under pressure from Chile to reopen the border.", nil},
		{"President Lula is under pressure from Argentina to help Bolivia.", nil},
		// A verb's base form after a preposition is a noun.
		{"Despite protest from Beijing, Japan sent two ships to the islands.", nil},
		// Still read: the one asked after the asking verb.
		{"Kenya urged Uganda to hold talks with Somalia.", []string{"Kenya demanded Uganda"}},
		{"Kenya was urged by Britain to hold talks with Somalia.", []string{"United Kingdom demanded Kenya"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestReducedRelative checks a participle that tells which people a
// passive main verb acts on ("the soldiers captured last month were freed
// by …"): it is no act of its own, and the passive is read.
func TestReducedRelative(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"The Turkish soldiers captured last month were freed by Syrian rebels.", []string{"Syria conceded Turkey"}},
		{"The Japanese hostages seized in March were released on Sunday by Iraq.", []string{"Iraq conceded Japan"}},
		{"The Chilean fishermen detained near the border were released by Peru.", []string{"Peru conceded Chile"}},
		// A participle with an object is the main verb.
		{"Russia captured two Ukrainian towns that were defended by Ukraine.", []string{"Russia fought Ukraine"}},
		{"Sudan detained the Chadian envoy, who was later freed.", []string{"Sudan coerced Chad"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestCondolencesAtHome checks a leader's or a state's sympathy for a
// tragedy at home: a statement (CAMEO 018) on the country's people, where
// an act of a leader on his own country is otherwise no event.
func TestCondolencesAtHome(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"President Barack Obama expressed sorrow for the shootings in South Carolina.", []string{"Barack Obama commented_on United States"}},
		{"Narendra Modi expressed grief over the floods in Assam.", []string{"Narendra Modi commented_on India"}},
		{"India voiced grief over the floods in Assam.", []string{"India commented_on India"}},
		{"Emmanuel Macron expressed sorrow for the attack in Bavaria.", []string{"Emmanuel Macron commented_on Germany"}},
		{"Angela Merkel offered condolences to the families of the victims in Hamburg.", []string{"Angela Merkel commented_on Germany"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestPassiveDate checks the date of a passive act: the one of its verb
// and agent, not one of the clause that tells who was acted on.
func TestPassiveDate(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7) // a Friday
	cases := []struct {
		text string
		want []string
	}{
		{"The Chilean fishermen detained last month were released by Peru on Tuesday.", []string{"Peru conceded Chile 2025-03-04"}},
		{"The Japanese hostages seized in January were freed by Iraq on Wednesday.", []string{"Iraq conceded Japan 2025-03-05"}},
		{"Two French journalists were released by Iran on Monday.", []string{"Iran conceded France 2025-03-03"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, datedEvents(t, e, c.text, pub), c.text)
	}
}

// TestPartOfPlace checks force used on a part of a town or region ("shelled
// government-held districts of Aleppo"): the place's country is its target,
// as "in Aleppo" is, and the scene of a bare agent ("insurgents").
func TestPartOfPlace(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Russian troops bombarded residential areas of Kharkiv on Monday.", []string{"Russia fought Ukraine"}},
		{"Iraqi insurgents shelled government-held districts of Mosul overnight.", []string{"Iraq fought Iraq"}},
		{"Insurgents shelled the outskirts of Homs on Monday.", []string{"Syria fought Syria"}},
		{"Militants shelled several neighbourhoods of Karachi.", []string{"Pakistan fought Pakistan"}},
		// "of" after no part of a place is no scene.
		{"Russian troops bombarded the mayor of Kharkiv.", nil},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestCountryLeader checks a country's unnamed leader ("Turkey's leader",
// "the US leader"): its government, as its president is; a business,
// rebel or opposition leader is that part of the country.
func TestCountryLeader(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Turkey's leader criticized Sweden on Monday.", []string{"Turkey/GOV criticized Sweden"}},
		{"The US leader criticized China on Monday.", []string{"United States/GOV criticized China"}},
		{"The Iranian leader threatened Israel on Monday.", []string{"Iran/GOV threatened Israel"}},
		{"A Turkish business leader criticized Greece on Monday.", []string{"Turkey/BUS criticized Greece"}},
		{"Iraq's rebel leader threatened Turkey on Monday.", []string{"Iraq/REB threatened Turkey"}},
		{"Syria's opposition leader criticized Russia on Monday.", []string{"Syria/OPP criticized Russia"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, sectoredEvents(t, e, c.text), c.text)
	}
}

// TestSanctionVerb checks "sanction" as a verb, whatever its subject ("the
// Biden administration", "the Albanese government": the country's
// government), aimed at a person,
// country or organization; an act or a body's mission approved is not a
// sanction, and a sanction announced for later is a threat of one.
func TestSanctionVerb(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"The Biden administration sanctioned Iran on Tuesday.", []string{"United States sanctioned Iran"}},
		{"The Albanese government has sanctioned Myanmar and Belarus.", []string{"Australia sanctioned Myanmar", "Australia sanctioned Belarus"}},
		{"The European Union is sanctioning Eritrea's generals.", []string{"European Union sanctioned Eritrea"}},
		{"The Security Council sanctioned the peacekeeping mission on Tuesday.", nil},
		{"Canada's government will sanction Nicaragua.", []string{"Canada threatened Nicaragua"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}
