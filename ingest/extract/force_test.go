package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestForceBoundary checks the FIGHT/ASSAULT line of force.tsv on wire
// sentences: conventional arms and territory are fought whoever uses
// them, one-sided violence attacked whoever commits it, and an attack,
// bombing or killing is fought by a state's forces and attacked by
// rebels, militants or an armed group; a blockade is a state's coercion
// and anyone else's protest.
func TestForceBoundary(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		// A state's forces: FIGHT.
		{"Israel attacked Hamas on Sunday.", []string{"Israel fought Hamas"}},
		{"Pakistani jets bombed Afghanistan's Khost province on Monday.", []string{"Pakistan fought Afghanistan"}},
		{"Russian forces bombed Ukrainian positions near Bakhmut on Tuesday.", []string{"Russia fought Ukraine"}},
		{"Ethiopian troops killed 20 Eritrean soldiers in a border battle on Friday.", []string{"Ethiopia fought Eritrea"}},
		// Conventional arms whoever uses them: FIGHT.
		{"Sudanese rebels shelled the Chadian border town of Adre on Monday.", []string{"Sudan fought Chad"}},
		{"Hezbollah fired rockets at Israel on Wednesday.", []string{"Hezbollah fought Israel"}},
		// An armed group's attack, bombing or killing: ASSAULT.
		{"Rebels in Mali bombed a Nigerien army convoy on Monday.", []string{"Mali attacked Niger"}},
		{"Islamist militants in Somalia killed four Kenyan soldiers on Monday.", []string{"Somalia attacked Kenya"}},
		{"Hamas attacked Israel on Saturday.", []string{"Hamas attacked Israel"}},
		{"Taliban militants killed three Pakistani soldiers on Thursday.", []string{"Taliban attacked Pakistan"}},
		// A creed between the country and the noun keeps the sector.
		{"Irish nationalist guerrillas bombed a British army barracks on Thursday.", []string{"Ireland attacked United Kingdom"}},
		// One-sided violence whoever commits it: ASSAULT.
		{"Gunmen in Nigeria kidnapped two Chinese engineers on Friday.", []string{"Nigeria attacked China"}},
		{"Maoist rebels bombed an Indian army convoy on Monday.", nil},
		{"Mexican police beat Guatemalan migrants at the border on Tuesday.", nil},
		{"Colombian guerrillas kidnapped two Venezuelan engineers on Friday.", []string{"Colombia attacked Venezuela"}},
		{"Syrian security forces tortured Lebanese detainees, a report said.", []string{"Syria attacked Lebanon"}},
		// Blocking: a state's coercion, anyone else's protest.
		{"Malian troops blockaded rebel towns near the border with Niger on Tuesday.", []string{"Mali coerced Niger"}},
		{"Bolivian miners blocked the border crossing with Peru on Tuesday.", []string{"Bolivia protested Peru"}},
		{"French farmers blocked the bridge to Germany on Friday.", []string{"France protested Germany"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestRepression checks force.tsv's crowd and mutual lines: force a
// state's forces use on protesters is COERCE (coerced) whatever the verb,
// a clash told from the crowd's side is the same, and anyone else's force
// on a crowd, or a crowd's own one-sided force, keeps the verb's choice.
func TestRepression(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Bolivian police fired on demonstrators in La Paz on Monday.", []string{"Bolivia coerced Bolivia"}},
		{"Ecuadorian soldiers opened fire on protesters in Quito on Monday.", []string{"Ecuador coerced Ecuador"}},
		{"Chilean police clashed with rioters in Santiago on Monday.", []string{"Chile coerced Chile"}},
		{"Rioters clashed with Chilean police in Santiago on Monday.", []string{"Chile coerced Chile"}},
		{"Paraguayan police fired rubber bullets at demonstrators in Asunción on Monday.", []string{"Paraguay coerced Paraguay"}},
		// Not a state's forces, or not a crowd: the verb's own choice.
		{"Hamas gunmen opened fire on Israeli protesters on Monday.", []string{"Hamas attacked Israel"}},
		{"Peruvian troops clashed with Ecuadorian troops on Monday.", []string{"Peru fought Ecuador"}},
		{"Georgian protesters fired rockets at the Georgian government on Monday.", []string{"Georgia fought Georgia"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestLightVerbCombat checks combat told with a light verb: its sense is
// in the noun after it ("engaged X in a firefight" is FIGHT, "engaged X in
// talks" no combat), and fire received or a weapon fired names its user
// after "from" or "by".
func TestLightVerbCombat(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Peruvian troops engaged Ecuadorian troops in a firefight on Monday.", []string{"Peru fought Ecuador"}},
		{"Peruvian and Ecuadorian troops engaged in a gun battle on Monday.", []string{"Peru fought Ecuador"}},
		{"Brazil engaged Argentina in talks on Monday.", nil},
		{"The United States engaged in talks with Iran on Monday.", nil},
		{"Chad came under fire from Sudanese forces on Monday.", []string{"Sudan fought Chad"}},
		{"Chad came under pressure from Sudan on Monday.", []string{"Sudan demanded Chad"}}, // as "faced pressure from": no combat, a demand
		{"Rockets fired by Hezbollah hit Israel on Monday.", []string{"Hezbollah fought Israel"}},
		{"Peruvian troops traded fire with Ecuadorian troops on Monday.", []string{"Peru fought Ecuador"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}
