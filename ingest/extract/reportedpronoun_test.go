package extract

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReportedPronoun checks that the pronoun of a reported clause stands
// for its reporter for the phrasing rules, and only for an actor opening
// the clause of the verb of saying.
func TestReportedPronoun(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		{"Ecuador announced that it would sever relations with Mexico.", []string{"Ecuador threatened Mexico"}},
		{"NATO said on Thursday it would tighten its blockade of Libya.", []string{"NATO threatened Libya"}},
		{"Kenya and Uganda said in a joint statement that they would reduce aid to Burundi.",
			[]string{"Kenya threatened Burundi", "Uganda threatened Burundi"}},
		{"Lithuania said that it had severed relations with Belarus.", []string{"Lithuania sanctioned Belarus"}},
		// Iran does not report; "it" is no list of two; a negated act is none.
		{"Officials in Iran said it would sever relations with Canada.", nil},
		{"Argentina said it would not reduce aid to Bolivia.", nil},
		// an acronym repeating the name is no aside
		{"The North Atlantic Treaty Organization (NATO) condemned Russia on Friday.", []string{"NATO criticized Russia"}},
	}
	for _, c := range cases {
		require.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}
