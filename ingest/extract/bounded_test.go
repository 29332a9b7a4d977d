package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewKeepsRulesBounded checks that making Extractors does not grow
// what the package keeps: the prefilter's maps of every compiled rule's
// strings hold as many rules after the fifth New as after the first (a
// long-running `geokg serve` makes one for each ingest request), and the
// Extractors share one compiled lexicon.
func TestNewKeepsRulesBounded(t *testing.T) {
	first, err := New()
	require.NoError(t, err)
	lits, sets := len(literals), len(literalSets)
	require.Greater(t, lits, len(staticRules), "the lexicon's rules are among them")
	for range 4 {
		e, err := New()
		require.NoError(t, err)
		assert.True(t, first.lex == e.lex, "one compiled lexicon")
	}
	assert.Equal(t, lits, len(literals), "rules recorded for the prefilter")
	assert.Equal(t, sets, len(literalSets), "rules' string sets recorded for the prefilter")
}
