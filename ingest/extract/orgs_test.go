package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGazetteerMovementsAndAgencies checks that the armed and political
// movements, agencies and non-governmental organizations of the gazetteer
// are organizations under their names and acronyms, as actors and as
// targets of events.
func TestGazetteerMovementsAndAgencies(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Turkish jets struck PKK positions in northern Iraq on Monday.", []string{"Turkey fought Kurdistan Workers' Party"}},
		{"The Kurdistan Workers' Party demanded that Ankara free its jailed leader.", []string{"Kurdistan Workers' Party demanded Turkey"}},
		{"Kenyan troops clashed with al-Shabaab in Lamu county on Tuesday.", []string{"Kenya fought al-Shabaab"}},
		{"Human Rights Watch accused Ethiopia of blocking aid on Thursday.", []string{"Human Rights Watch accused Ethiopia"}},
		{"Saudi Arabia held talks with the Houthis in Muscat on Wednesday.", []string{"Saudi Arabia met Houthis"}},
		{"Gambia filed a case against Myanmar at the ICJ on Monday.", []string{"Gambia criticized Myanmar"}},
		{"Doctors Without Borders accused Sudan of blocking convoys on Friday.", []string{"Doctors Without Borders accused Sudan"}},
		{"The World Food Programme delivered aid to Haiti on Sunday.", []string{"World Food Programme aided Haiti"}},
		{"Ukraine accused the ICRC of inaction on Monday.", []string{"Ukraine accused International Committee of the Red Cross"}},
		// A lower-case particle before the capital: "al-Qaeda", not "the commission".
		{"Yemeni forces clashed with al-Qaeda in Abyan on Monday.", []string{"Yemen fought al-Qaeda"}},
		// Islamic State's West African province and Myanmar's ethnic armed
		// organizations, under their names and acronyms.
		{"ISWAP fighters attacked a Nigerian army base in Borno state on Monday.", []string{"Islamic State West Africa Province attacked Nigeria"}},
		{"Myanmar's military launched air strikes on TNLA positions in northern Shan state on Monday.", []string{"Myanmar fought Ta'ang National Liberation Army"}},
		{"The Karen National Union accused Myanmar's military of bombing villages on Tuesday.", []string{"Karen National Union accused Myanmar"}},
		{"Chinese officials met MNDAA leaders in Kunming on Friday.", []string{"China met Myanmar National Democratic Alliance Army"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}
