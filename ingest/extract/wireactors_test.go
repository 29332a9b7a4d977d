package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWireActorForms checks actor forms of wire copy: a day after the
// subject's name ("Chad Tuesday accused …") is a date, not more of the
// name; a country's name before a sector noun is that part of the country
// ("Congo rebels", "the Mozambique government"), unless the noun is a
// verb ("Russia forces Ukraine to …"); a creed between a country's
// adjective and its sector noun keeps the sector ("Somali nationalist
// militias"); the ethnic adjectives "Serb" and "Croat" name their
// countries.
func TestWireActorForms(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Chad Tuesday accused Sudan of arming rebels.", []string{"Chad accused Sudan"}},
		{"Peru Wednesday criticized Chile over the fishing dispute.", []string{"Peru criticized Chile"}},
		{"Congo rebels attacked Rwandan positions on Monday.", []string{"Democratic Republic of the Congo/REB attacked Rwanda"}},
		{"The Mozambique government on Thursday criticized Zimbabwe.", []string{"Mozambique/GOV criticized Zimbabwe"}},
		{"Russia forces Ukraine to retreat.", []string{"Russia coerced Ukraine"}},
		{"Somali nationalist militias attacked Kenyan border posts on Sunday.", []string{"Somalia/REB attacked Kenya"}},
		{"Serb forces shelled Croatian villages on Monday.", []string{"Serbia/MIL fought Croatia"}},
		{"Croat police detained two Bosnian journalists on Friday.", []string{"Croatia/COP coerced Bosnia and Herzegovina/MED"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, sectoredEvents(t, e, c.text), c.text)
	}
}
