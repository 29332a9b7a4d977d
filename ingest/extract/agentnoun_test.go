package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestAgentWordModifyingAnObject: an agent word ("military", "police")
// before a verb's bare form that is a noun there ("aid", "support",
// "training") is no actor when the phrase is an object — after a verb or
// a word of quantity — so the dateline's or the scene's country is not
// made its target (before, "pledged military aid" in a story datelined
// Ankara was a pledge to Turkey's military). As a subject, before a verb
// of a headline's present tense, it still acts.
func TestAgentWordModifyingAnObject(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 5, 20) // a Wednesday
	cases := []struct {
		text      string
		want, not []string
	}{
		{"ANKARA, May 19 (Newswire) - Turkey on Tuesday accused Greece of violating its airspace.\n\n" +
			"China's Defence Minister Dong Jun met his Cambodian counterpart Tea Seiha in Beijing on Thursday and pledged military aid.",
			[]string{"Dong Jun met Tea Seiha 2026-05-14"}, []string{"Turkey"}},
		{"OTTAWA, May 19 (Newswire) - Canada on Tuesday criticized Iran over the detention of a journalist.\n\n" +
			"Norway's Prime Minister Ingrid Dahl visited Kyiv on Monday and promised further police training.",
			[]string{"Ingrid Dahl visited Ukraine 2026-05-18"}, []string{"Canada"}},
		{"NAIROBI, May 19 (Newswire) - Kenya's President William Ruto met Somali President Hassan Sheikh Mohamud on Tuesday and offered more army support.",
			[]string{"William Ruto met Hassan Sheikh Mohamud 2026-05-19"}, []string{"Kenya"}},
	}
	for _, c := range cases {
		got := allFacts(t, e, c.text, pub)
		for _, w := range c.want {
			assert.Contains(t, got, w, c.text)
		}
		for _, f := range got {
			if strings.Contains(f, "pledged") {
				for _, n := range c.not {
					assert.NotContains(t, f, n, c.text)
				}
			}
		}
	}
}

// TestIncludingObject: an object named by the members it includes ("a
// deal with its official creditors, including China") is read as those
// members. Before, the first sentence was coded by the CAMEO verb alone
// ("reached": an intent to cooperate, `pledged`) and the others gave
// nothing.
func TestIncludingObject(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 7, 4) // a Saturday
	cases := []struct {
		text string
		want []string
	}{
		{"In 2023 Zambia reached a debt restructuring deal with its official creditors, including China.",
			[]string{"Zambia agreed_with China 2023"}},
		{"Kenya on Tuesday signed trade agreements with several Gulf states, including Qatar and Oman.",
			[]string{"Kenya signed_agreement Qatar 2026-06-30", "Kenya signed_agreement Oman 2026-06-30"}},
		{"Venezuela cut diplomatic ties with seven Latin American governments, including Argentina, on Wednesday.",
			[]string{"Venezuela sanctioned Argentina 2026-07-01"}},
	}
	for _, c := range cases {
		got := allFacts(t, e, c.text, pub)
		for _, w := range c.want {
			assert.Contains(t, got, w, c.text)
		}
		for _, f := range got {
			assert.NotContains(t, f, "pledged", c.text)
		}
	}
}

// TestCountryLeaderIsItsHead: "the Mexican leader", "Turkey's leader"
// with no name after is the one person the article said leads that
// country (before, the country's government: "Mexico spoke_with Trump");
// with none, or two, named, or "a Mexican leader", it stays the
// government or no one.
func TestCountryLeaderIsItsHead(t *testing.T) {
	pub := graph.DayOf(2026, 7, 4) // a Saturday
	checkFacts(t, pub, []factCase{
		{"Mexican President Claudia Sheinbaum met Canadian Prime Minister Mark Carney on Monday. On Tuesday the Mexican leader spoke by phone with President Donald Trump.",
			[]string{"Claudia Sheinbaum spoke_with Donald Trump 2026-06-30"}, []string{"Mexico spoke_with Donald Trump 2026-06-30"}},
		{"President Hakainde Hichilema of Zambia met Chinese President Xi Jinping in Beijing on Tuesday. On Wednesday the Zambian leader visited Kenya.",
			[]string{"Hakainde Hichilema visited Kenya 2026-07-01"}, []string{"Zambia visited Kenya 2026-07-01"}},
		{"Turkish President Recep Tayyip Erdogan hosted Prime Minister Kyriakos Mitsotakis of Greece on Monday. Turkey's leader criticized Israel on Tuesday.",
			[]string{"Recep Tayyip Erdoğan criticized Israel 2026-06-30"}, nil},
		// No leader of Mexico named: the government, as before.
		{"The Mexican leader spoke by phone with President Donald Trump on Tuesday.",
			[]string{"Mexico spoke_with Donald Trump 2026-06-30"}, nil},
		// Two heads named: which one is not said.
		{"Italian President Sergio Mattarella and Italian Prime Minister Giorgia Meloni met on Monday. The Italian leader criticized Russia on Tuesday.",
			nil, []string{"Sergio Mattarella criticized Russia 2026-06-30", "Giorgia Meloni criticized Russia 2026-06-30"}},
		// Someone, not the head.
		{"Mexican President Claudia Sheinbaum met Mark Carney on Monday. A Mexican opposition leader criticized the United States on Tuesday.",
			nil, []string{"Claudia Sheinbaum criticized United States 2026-06-30"}},
	})
}

// TestNavalForces: a country's coast guard, navy or warships are its
// armed forces (MIL) acting: "China's coast guard fired water cannon at a
// Philippine supply vessel" (before: nothing, "coast guard" was no part
// of a country).
func TestNavalForces(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 10, 14) // a Wednesday
	for text, want := range map[string]string{
		"China's coast guard fired water cannon at a Philippine supply vessel near a shoal on Monday.": "China fought Philippines 2026-10-12",
		"Russia's navy seized a Ukrainian ship in the Kerch Strait on Monday.":                         "Russia coerced Ukraine 2026-10-12",
	} {
		assert.Contains(t, allFacts(t, e, text, pub), want, text)
	}
}

// TestAlliesAndBackedMeasures: "NATO allies agreed/pledged" is NATO
// acting (before, "allies" was read as the verb "ally" and the clause's
// verb lost); backing sanctions on a country is no support of it (before,
// "EU members backed new sanctions on Russia" was the EU supporting
// Russia).
func TestAlliesAndBackedMeasures(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 11, 20) // a Friday
	got := allFacts(t, e, "NATO allies pledged on Thursday to send more air defence systems to Ukraine.", pub)
	assert.Contains(t, got, "NATO pledged Ukraine 2026-11-19")
	for _, text := range []string{"EU members backed new sanctions on Russia on Monday.", "Germany supported tougher sanctions against Iran on Monday."} {
		for _, f := range allFacts(t, e, text, pub) {
			assert.NotContains(t, f, "supported", text)
		}
	}
	assert.Contains(t, allFacts(t, e, "France backed Ukraine on Monday.", pub), "France supported Ukraine 2026-11-16")
	assert.Contains(t, allFacts(t, e, "Russia forces Ukraine to retreat.", pub), "Russia coerced Ukraine ")
}

// TestDatelineIsNotTheScene: a regional wire's dateline gives no country
// to the people acted on in a sentence that places the act elsewhere
// (before, "NAIROBI … - The RSF shelled the city of El Fasher, killing
// 20 civilians" was force on Kenya); with no place named, the dateline's
// country still stands for the scene.
func TestDatelineIsNotTheScene(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 6, 12) // a Friday
	got := allFacts(t, e, "NAIROBI, June 12 (Newswire) - The Rapid Support Forces shelled the city of El Fasher on Wednesday, killing at least 20 civilians, local activists said.", pub)
	assert.Contains(t, got, "Rapid Support Forces fought Sudan 2026-06-10")
	assert.NotContains(t, got, "Rapid Support Forces fought Kenya 2026-06-10")
	assert.Contains(t, allFacts(t, e, "NAIROBI, June 12 (Newswire) - Police fired tear gas at protesters on Wednesday.", pub), "Kenya coerced Kenya 2026-06-10")
}

// TestDayOfAnUnattributedAct: "condemned Tuesday's attack on the Israeli
// embassy" names no attacker, as "condemned the attack on …" does not:
// the embassy's country is the victim, not the one condemned (before,
// France accused Israel); an author named after the day is still read.
func TestDayOfAnUnattributedAct(t *testing.T) {
	checkFacts(t, graph.DayOf(2026, 11, 20), []factCase{
		{"France condemned Tuesday's attack on the Israeli embassy.", nil, []string{"France accused Israel ", "France criticized Israel "}},
		{"Spain condemned Sunday's attack on the Turkish consulate.", nil, []string{"Spain accused Turkey ", "Spain criticized Turkey "}},
		{"France condemned Monday's Russian strike on Kyiv.", []string{"France criticized Russia "}, nil},
	})
}
