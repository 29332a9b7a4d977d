package extract

import (
	"regexp"
	"strings"
	"testing"
)

// TestPhraseReAgrees checks notNarrative, a phraseRe, against the regular
// expression it replaced, on every golden sentence (whole, and cut at
// every few bytes so that words sit at the ends), in upper case, and on
// texts made to sit on word boundaries, apostrophes and case folding.
func TestPhraseReAgrees(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	was := regexp.MustCompile(`(?i)\b(?:has|have|had|having|is|are|am|will|would|could|should|can|may|might|must|shall|going to|plans?|planned|expected|intends?|wants?|if|unless|later|earlier|previously|ago|last|next|before|since|already|once|repeatedly|often|frequently|again|recently|long|years?|months?|weeks?|decades?|tomorrow|yesterday|ever|never|not|n't|until|then|afterwards|subsequently|eventually|finally)\b|'s been|'ve|'d\b`)
	sents, _ := goldenTexts(t, e)
	var texts []string
	for _, s := range sents {
		texts = append(texts, s, strings.ToUpper(s))
		for k := 0; k < len(s); k += 5 {
			texts = append(texts, s[k:], s[:k])
		}
	}
	texts = append(texts, "", "has", "HAS", "hasn", "_has", "has_", "1has", "has1", "the hash", "yearly", "Years",
		"ago.", "(Ago)", "going to", "Going To", "going  to", "goingto", "going tox", "going to_", "going",
		"do n't", "don't", "n'tx", "N'T", "we'd", "We'D!", "we'dx", "it's been", "It'S BEEN", "they've", "THEY'VE",
		"ſince", "xſince", "\u212Aong ago", "long", "Long", "caf\u00e9 is", "\xffis\xff", "plan", "plans", "plansx",
		"intendeds", "decades", "Met Lind on Friday.", strings.Repeat("a", 40)+" is")
	found := 0
	for _, s := range texts {
		got, want := notNarrative.MatchString(s), was.MatchString(s)
		if got != want {
			t.Errorf("notNarrative.MatchString(%q) = %v, the expression says %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found == 0 || found == len(texts) {
		t.Errorf("%d of %d texts match: the cases do not tell the two apart", found, len(texts))
	}
}

// TestHasAnchorWord checks hasAnchorWord against the expression of its
// words on every golden sentence.
func TestHasAnchorWord(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	was := regexp.MustCompile(`sworn|inaugurated|installed|office|oath|power|credentials`)
	sents, _ := goldenTexts(t, e)
	sents = append(sents, "", "Oath", "powerful", "sworn")
	for _, s := range sents {
		if got, want := hasAnchorWord(s), was.MatchString(s); got != want {
			t.Errorf("hasAnchorWord(%q) = %v, the expression says %v", s, got, want)
		}
	}
}
