package extract

import (
	"regexp"
	"regexp/syntax"
)

// A rule's placeholders hold digits ("<O3> <P4>"), which the derivation of
// prefilter.go cannot write as strings: `<O\d+> <P` yields only "<O" and
// " <P", which nearly every template holds. Read with every run of digits
// as one "0", the template is "<O0> <P0>", and `\d+` is the string "0":
// the rule then needs "<O0> <P" (or "chief <P", …), which most templates
// lack. litscan.go reads templates so. Every match of a rule still holds
// its strings: a run of digits in the match lies within a run of the
// template, which is one "0" as well.

// digitSets maps each rule compiled by compile to the sets of strings its
// matches need one of, with runs of digits read as one "0"
// (requiredDigitSets).
var digitSets = map[*regexp.Regexp][][]string{}

// requiredDigitSets returns the sets of strings every match of pattern
// holds one of, in a text whose runs of digits are each one "0".
func requiredDigitSets(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	re = digitRuns(re)
	sets := neededAll(re, nil)
	if n := needed(re); score(n) >= minNeed {
		sets = append(sets, n)
	}
	var out [][]string
	for _, set := range sets {
		var c []string
		for _, s := range set {
			c = append(c, collapseDigits(s))
		}
		if score(c) >= minNeed {
			out = append(out, c)
		}
	}
	return out
}

// digitRuns rewrites in re every run of one or more digits (`\d`, `\d+`,
// `[0-9]{2,4}`) as the literal "0"; it changes re.
func digitRuns(re *syntax.Regexp) *syntax.Regexp {
	switch {
	case isDigitClass(re),
		(re.Op == syntax.OpPlus || re.Op == syntax.OpRepeat && re.Min >= 1) && isDigitClass(re.Sub[0]):
		return &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{'0'}, Flags: re.Flags &^ syntax.FoldCase}
	}
	for i, s := range re.Sub {
		re.Sub[i] = digitRuns(s)
	}
	return re
}

// isDigitClass reports whether re is the class of the ASCII digits.
func isDigitClass(re *syntax.Regexp) bool {
	return re.Op == syntax.OpCharClass && len(re.Rune) == 2 && re.Rune[0] == '0' && re.Rune[1] == '9'
}

// collapseDigits returns s with every run of digits written "0".
func collapseDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			if i > 0 && isDigit(s[i-1]) {
				continue
			}
			b = append(b, '0')
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
