package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestPairPhrase checks which phrases name the two sides of the last
// meeting and which name someone else.
func TestPairPhrase(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
	}{
		{"the two leaders agreed", 3},
		{"both sides agreed", 2},
		{"the two heads of state signed", 5},
		{"the two prime ministers signed", 4},
		{"the duo spoke", 2},
		{"the ministers signed", 2},
		{"the leaders of the G7 met", 0},
		{"the ministers of finance met", 0},
		{"the two countries agreed", 3},
		{"the countries agreed", 0},
		{"the summit ended", 0},
		{"the two signed", 2},
		{"the two also agreed", 2},
		{"the two hundred delegates", 0},
		{"the two detained were freed", 0},
		{"the two remain", 0},
		{"the prime ministers held talks", 3},
		{"the foreign ministers of the G7 met", 0},
		{"the senior leaders agreed", 3},
	} {
		var toks []token
		for _, w := range strings.Fields(c.text) {
			toks = append(toks, token{text: w})
		}
		n, _ := pairPhrase(toks, 0)
		assert.Equal(t, c.n, n, c.text)
	}
}
