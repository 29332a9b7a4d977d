package extract

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInflect checks the verb forms generated for the lexicon.
func TestInflect(t *testing.T) {
	cases := []struct{ spec, third, past, part, ing string }{
		{"urge", "urges", "urged", "urged", "urging"},
		{"attack", "attacks", "attacked", "attacked", "attacking"},
		{"deny", "denies", "denied", "denied", "denying"},
		{"ban", "bans", "banned", "banned", "banning"},
		{"slap", "slaps", "slapped", "slapped", "slapping"},
		{"veto", "vetoes", "vetoed", "vetoed", "vetoing"},
		{"press", "presses", "pressed", "pressed", "pressing"},
		{"pledge", "pledges", "pledged", "pledged", "pledging"},
		{"obey", "obeys", "obeyed", "obeyed", "obeying"},
		{"fix", "fixes", "fixed", "fixed", "fixing"},
		{"hold/held/held", "holds", "held", "held", "holding"},
		{"expel/expelled/expelled", "expels", "expelled", "expelled", "expelling"},
		{"tie", "ties", "tied", "tied", "tying"},
	}
	for _, c := range cases {
		v, err := inflect(c.spec)
		require.NoError(t, err, c.spec)
		assert.Equal(t, []string{c.third, c.past, c.part, c.ing}, []string{v.third, v.past, v.part, v.ing}, c.spec)
	}
	for _, bad := range []string{"", "hold/held", "a (b)"} {
		_, err := inflect(bad)
		assert.Error(t, err, bad)
	}
}

// TestLexiconErrors checks that a malformed line is refused with its line
// number.
func TestLexiconErrors(t *testing.T) {
	for _, line := range []string{
		"likes\t+like O",               // not a predicate
		"leads\t+lead O",               // a state
		"attacked\t+attack",            // no object
		"attacked\tO S",                // no verb
		"attacked\t+attack O O",        // two objects
		"attacked\tO be +attack",       // passive without its subject
		"fought\tSS +clash with O",     // a pair takes no object
		"attacked only one column",     // no tab
		"attacked\t+attack/attacked O", // two forms
		"attacked\t+attack O:(posts",   // unclosed head nouns
		"coerced\t+impose",             // a verb alone names no side only for a domestic predicate
		"protested\t+go on_strike",     // a phrase naming no side reads words, (a|b) and ...
		"protested\t+go be strike",     // and no passive
		"visited:host\t+host O",        // only met takes a mode
		"met:phone\t+ring O",           // and only host
	} {
		fsys := fstest.MapFS{"v.tsv": {Data: []byte("# comment\n\n" + line + "\n")}}
		_, err := loadLexicon(fsys, "v.tsv")
		if assert.Error(t, err, line) {
			assert.Contains(t, err.Error(), "line 3", line)
		}
	}
}

// TestLexiconReads checks phrasings read through the lexicon: its frames
// (active, passive, possessive, pair, free words, alternatives), the
// modal frames of its verbs, and the trigger-word index.
func TestLexiconReads(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string // "subject pred object"
	}{
		{"Russia shelled Ukraine on Friday.", []string{"Russia fought Ukraine"}},
		{"Ukraine was attacked by Russia on Friday.", []string{"Russia fought Ukraine"}},
		{"The United States slapped fresh export curbs on China and lifted sanctions on Venezuela.", []string{"United States conceded Venezuela"}},
		{"France urged Iran to free the detained citizens.", []string{"France demanded Iran"}},
		{"Japan summoned China's ambassador over the drone flights.", []string{"Japan criticized China"}},
		{"Armenia and Azerbaijan clashed overnight.", []string{"Armenia fought Azerbaijan"}},
		{"Poland is sending medical supplies to Ukraine.", []string{"Poland aided Ukraine"}},
		{"Poland has given emergency loans to Ukraine.", []string{"Poland aided Ukraine"}},
		{"Germany pledged to supply tanks to Ukraine.", []string{"Germany pledged Ukraine"}},
		{"Hungary refused to support Ukraine.", []string{"Hungary rejected Ukraine"}},
		{"Russia threatened to invade Moldova.", []string{"Russia threatened Moldova"}},
		{"Russia plans to invade Moldova.", []string{"Russia threatened Moldova"}}, // a plan to use force is PLOVER's THREATEN
		{"Russia did not attack Moldova.", nil},
		{"Ecuador suspended talks with Peru on Monday.", []string{"Ecuador sanctioned Peru"}},
		{"Chile mounted a fresh offensive against Bolivia.", []string{"Chile fought Bolivia"}},
		{"Norway and Chile upgraded their diplomatic ties.", []string{"Norway supported Chile", "Chile supported Norway"}},
		{"Serbia and Kosovo traded barbs over the closure.", []string{"Serbia criticized Kosovo", "Kosovo criticized Serbia"}},
		{"Chile exchanged insults with Peru.", []string{"Chile criticized Peru"}},
		{"Kenya expelled the monitors of Uganda.", []string{"Kenya sanctioned Uganda"}},
		{"Poland claimed that Russia attacked Lithuania.", []string{"Poland accused Russia"}},
		// O:(…) reads the noun inside a folded object: expelling a
		// country's diplomats is a sanction, its refugees coercion.
		{"Switzerland on Tuesday expelled two Russian diplomats for spying.", []string{"Switzerland sanctioned Russia"}},
		{"Poland expelled Belarus's ambassador on Monday.", []string{"Poland sanctioned Belarus"}},
		{"Mali expelled the ambassador of France on Friday.", []string{"Mali sanctioned France"}},
		{"Kenya expelled Somali refugees on Monday.", []string{"Kenya coerced Somalia"}},
		// An act under way is the act; a plan is not.
		{"Japan continued to send arms to the Philippines last year.", []string{"Japan aided Philippines"}},
		{"Russia began to withdraw troops from Georgia on Monday.", []string{"Russia withdrew_from Georgia"}},
		{"Chile plans to send aid to Peru.", []string{"Chile pledged Peru"}},
		// The recipient as subject: the giver after "from" acts.
		{"Moldova received fresh military aid from Romania on Monday.", []string{"Romania aided Moldova"}},
		{"Armenia received assurances of support from France on Tuesday.", []string{"France supported Armenia"}},
		{"Bolivia won backing from Brazil for its bid to join the bloc.", []string{"Brazil supported Bolivia"}},
		{"Peru faced sharp criticism from Chile over the border fence.", []string{"Chile criticized Peru"}},
		{"Peru faces calls from Chile to reopen the border.", []string{"Chile demanded Peru"}},
		{"Moldova received guarantees from Romania before the vote.", []string{"Romania pledged Moldova"}},
		{"Germany received aid workers from Sweden.", nil},
		// The general coder reads the same nouns in its objects.
		{"Finland said on Monday it had expelled three Russian diplomats.", []string{"Finland sanctioned Russia"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
	lx, err := defaultLexicon()
	require.NoError(t, err)
	assert.Empty(t, lx.candidates("<C0> met <C1> in <L2> ."), "no trigger word")
	assert.NotEmpty(t, lx.candidates("<C0> shelled <C1> ."))
}
