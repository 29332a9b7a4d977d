package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSpeechActs checks the reading of PLOVER's speech-act and intention
// events (AGREE, DEMAND, REJECT, THREATEN, DISAPPROVE, CONSULT) in the
// shapes wire copy gives them: a commitment to an act, a demand carried by
// a statement, a threat bound to a condition, a report opened by a
// leading phrase, the one told to act behind a title, a country's
// government named with a word between, a people living in a country as a
// minority.
func TestSpeechActs(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		// A commitment is to the act after it and to its target, past
		// the words between ("in principle", a date).
		{"Japan agreed on Monday to provide emergency loans to Sri Lanka.", []string{"Japan pledged Sri Lanka"}},
		{"Canada agreed in principle on Thursday to fund a new water plant for Haiti.", []string{"Canada pledged Haiti"}},
		{"Norway promised to cooperate with Iceland.", []string{"Norway pledged Iceland"}},
		{"Sweden pledged to send engineers to Ukraine.", []string{"Sweden pledged Ukraine"}},
		// An intent covers the verbs of its purpose: what is offered "to
		// help" is not yet given.
		{"Portugal is willing to send engineers to help rebuild Mozambique.", []string{"Portugal pledged Mozambique"}},
		// The sides of an agreement named by their adjectives ("the
		// Turkish and Greek sides of") agree with each other.
		{"The Turkish and Greek sides of the island agreed to exchange prisoners.", []string{"Turkey agreed_with Greece"}},
		// A threat is made to the one its condition names.
		{"Peru threatened to recall its ambassador unless Bolivia withdraws the remarks.", []string{"Peru threatened Bolivia"}},
		{"Chad vowed to retaliate if Sudan attacked.", []string{"Chad threatened Sudan"}},
		// "Y must / should …" said, insisted or restated by X is X's
		// demand of Y, whatever the act.
		{"Kenya insisted that Somalia must drop its claim to the disputed waters.", []string{"Kenya demanded Somalia"}},
		{"Kenya stressed on Tuesday that Somalia must drop its claim to the disputed waters.", []string{"Kenya demanded Somalia"}},
		{"Austria reiterated on Friday that Serbia should scrap the new border fees.", []string{"Austria demanded Serbia"}},
		// A report verb followed by its own clause closes nothing: the
		// leading phrase does not make the sentence a closing report.
		{"In a letter sent to the African Union on Monday, Ghana said it would allow the return of Nigerian observers.",
			[]string{"Ghana pledged Nigeria"}},
		// A pronoun resolved to the person quoted is the subject of what
		// he is quoted as saying.
		{"King Abdullah of Jordan was quoted today as saying he would be ready to host a meeting between an Iraqi trade delegation and Syrian officials.",
			[]string{"Abdullah pledged Iraq"}},
		// The one ordered to act, behind "former" and a title.
		{"Cameroon ordered former president Paul Biya to appear before the tribunal.", []string{"Cameroon demanded Paul Biya"}},
		// A people named with the country it lives in as a minority is
		// that country's.
		{"Ethnic Hungarians in southern Slovakia are demanding a United Nations presence.", []string{"Slovakia demanded United Nations"}},
		// A country's government with a word between ("interim").
		{"Niger's interim government condemned Benin.", []string{"Niger criticized Benin"}},
		{"Egypt's interim government said it is prepared to impose a curfew in Libya.", []string{"Egypt threatened Libya"}},
		// A hostile act announced is a threat.
		{"Secretary-General Antonio Guterres said he will withdraw observers from Yemen.", []string{"António Guterres threatened Yemen"}},
		{"President Assimi Goita announced that he will extend the curfew in Mali.", []string{"Assimi Goita threatened Mali"}},
		// Negotiations renewed and mediation between two sides are
		// CONSULT.
		{"Azerbaijan and Armenia renewed negotiations on Monday over the border.", []string{"Azerbaijan met Armenia"}},
		{"Qatar's emir undertook a mediation mission between Ethiopia and Eritrea.", []string{"Qatar met Ethiopia", "Qatar met Eritrea"}},
		// A complaint to a third party is about the other; a lawsuit and
		// a call for sanctions against another disapprove of it.
		{"Chile complained to the United Nations on Tuesday over Argentina's fishing raids.", []string{"Chile criticized Argentina"}},
		{"Ecuador is suing Colombia over the aerial spraying of herbicides.", []string{"Ecuador criticized Colombia"}},
		{"Ireland called for sanctions against Israel on Sunday.", []string{"Ireland criticized Israel"}},
		// An offer rejected is named by who made it.
		{"Norway rejected a fresh offer from Russia for joint patrols.", []string{"Norway rejected Russia"}},
		// Going back on a commitment made to another rejects it.
		{"Belgium reneged on its commitment to Rwanda to return the artefacts.", []string{"Belgium rejected Rwanda"}},
		// Talks that fail reach no agreement, and a failing state rejects
		// no one.
		{"Greece, Turkey and Cyprus failed to reach agreement on Monday.", nil},
		{"Croatian authorities are failing to protect Serbian returnees, the group said.", nil},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}
