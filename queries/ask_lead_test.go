package queries

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLeadWords: what a pattern's matches begin with, read from its text.
func TestLeadWords(t *testing.T) {
	for _, c := range []struct {
		re   string
		want [][]string
	}{
		{`who\s+(?P<x>.+)`, [][]string{{"who"}}},
		{`(?:who|which\s+person)\s+(?:led|heads)\s+(?P<x>.+)`, [][]string{{"who", "led"}, {"who", "heads"}, {"which", "person", "led"}, {"which", "person", "heads"}}},
		{`(?:who|which\s+\w+)\s+(?:met)\s+(?P<x>.+)`, [][]string{{"who", "met"}, {"which"}}},
		{`(?:who|whom)\s+(?:did|has\s+held)\s+x`, [][]string{{"who", "did", "x"}, {"who", "has", "held", "x"}, {"whom", "did", "x"}, {"whom", "has", "held", "x"}}},
		{`whom?\s+did`, [][]string{{"who"}}},                            // an optional letter ends the word
		{`(?:nominees?|picks?)\s+x`, [][]string{{"nominee"}, {"pick"}}}, // so does one in a group
		{`visit(?:ed)?\s+x`, [][]string{{"visit"}}},
		{`(?:who|what)+\s+x`, [][]string{{"who"}, {"what"}}}, // a repeated group ends the sequence
		{`who\s+(?:is|was)?\s+x`, [][]string{{"who"}}},       // an optional group ends it
		{`who\s+(?:is|(?P<x>.+))\s+x`, [][]string{{"who"}}},  // an alternative that is not a word ends it
		{`(?:show\s+(?:me\s+)?)?(?:the\s+)?timeline`, nil},   // an optional group first: no condition
		{`(?:who|\w+)\s+x`, nil},
		{`(?P<x>.+)\s+met`, nil},
		{`\bwho\s+x`, nil},
		{`who\s+x|what\s+y`, nil}, // "^" anchors the first alternative only
		{`(?:a|b)|c`, nil},
		{`(?:[)|]|who)\s+x`, nil}, // a class holding ")" and "|" is one alternative
		{`(?:who|wh\)o)\s+x`, [][]string{{"who", "x"}, {"wh"}}},
	} {
		assert.Equal(t, c.want, leadWords(c.re), c.re)
	}
}

// TestMayMatch: the words in turn, spaces between, case folded as an
// expression folds it.
func TestMayMatch(t *testing.T) {
	lead := [][]string{{"who", "led"}, {"whom", "did"}, {"which"}}
	for q, want := range map[string]bool{
		"who led France":  true,
		"WHO LED France":  true,
		"who  led France": true,
		"who\tled France": true,
		"whoLed France":   false,
		"who ledger":      true, // the last word is a prefix
		"whom did X meet": true,
		"who did X meet":  false,
		"whichever":       true,
		"what did X do":   false,
		"who":             false,
		"":                false,
	} {
		assert.Equal(t, want, mayMatch(q, lead), q)
	}
	assert.True(t, mayMatch("anything", nil), "no condition")
	// "K" (U+212A KELVIN SIGN) folds with "k", "ſ" (U+017F) with "s".
	assert.True(t, mayMatch("\u212Anown", [][]string{{"known"}}))
	assert.True(t, mayMatch("\u017Fhow", [][]string{{"show"}}))
	assert.False(t, mayMatch("\u212Anown", [][]string{{"snown"}}))
}

// TestLeadWordsSound: every text a rule of the form table matches begins
// as its lead words say, so that skipping a question that does not
// changes no answer. Texts are drawn at random from each pattern (its
// parsed expression), in mixed case, with the Unicode letters that fold
// with ASCII ones, and with the form table's examples.
func TestLeadWordsSound(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	filtered := 0
	for _, r := range rules() {
		if r.lead != nil {
			filtered++
		}
		re, err := syntax.Parse(r.re().String(), syntax.Perl)
		require.NoError(t, err)
		for range 300 {
			q := sample(rng, re)
			if !r.re().MatchString(q) {
				continue // a draw the sampler got wrong (\b, $): not a match
			}
			require.True(t, mayMatch(q, r.lead), "%q matches %s but does not begin as %v", q, r.pat.Re, r.lead)
		}
	}
	assert.Greater(t, filtered, len(rules())*9/10, "most rules have lead words")
	for _, f := range Forms() {
		for _, ex := range f.Examples {
			body, _ := splitTime(strings.TrimRight(strings.Join(strings.Fields(ex), " "), "?.! "), askToday)
			for _, r := range rules() {
				if r.re().MatchString(body) {
					assert.True(t, mayMatch(body, r.lead), "%q matches %s", body, r.pat.Re)
				}
			}
		}
	}
}

// sample draws a text that re may match (anchors and word boundaries are
// left out; a draw may then not match).
func sample(rng *rand.Rand, re *syntax.Regexp) string {
	var b strings.Builder
	var draw func(re *syntax.Regexp)
	repeat := func(re *syntax.Regexp, lo, hi int) {
		if hi < 0 {
			hi = lo + 3
		}
		for range lo + rng.IntN(hi-lo+1) {
			draw(re.Sub[0])
		}
	}
	draw = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				if re.Flags&syntax.FoldCase != 0 {
					r = foldedVariant(rng, r)
				}
				b.WriteRune(r)
			}
		case syntax.OpCharClass:
			n := len(re.Rune) / 2
			i := rng.IntN(n)
			lo, hi := re.Rune[2*i], re.Rune[2*i+1]
			if hi-lo > 200 {
				hi = lo + 200
			}
			b.WriteRune(lo + rune(rng.IntN(int(hi-lo)+1)))
		case syntax.OpAnyCharNotNL, syntax.OpAnyChar:
			b.WriteByte("abcxyz "[rng.IntN(7)])
		case syntax.OpCapture:
			draw(re.Sub[0])
		case syntax.OpStar:
			repeat(re, 0, 3)
		case syntax.OpPlus:
			repeat(re, 1, 3)
		case syntax.OpQuest:
			repeat(re, 0, 1)
		case syntax.OpRepeat:
			repeat(re, re.Min, re.Max)
		case syntax.OpConcat:
			for _, s := range re.Sub {
				draw(s)
			}
		case syntax.OpAlternate:
			draw(re.Sub[rng.IntN(len(re.Sub))])
		}
	}
	draw(re)
	return b.String()
}

// foldedVariant returns r or, at random, another rune of its case-folding
// orbit ("k", "K", the Kelvin sign).
func foldedVariant(rng *rand.Rand, r rune) rune {
	orbit := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		orbit = append(orbit, f)
	}
	return orbit[rng.IntN(len(orbit))]
}
