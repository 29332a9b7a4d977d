package queries

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question is tried against the form table's patterns in order, and
// compiling all of them (~145, case-insensitive) cost ~20 ms of a
// one-question process. Most patterns begin with words, or groups of
// alternative words, separated by spaces ("(?:who|whom|what)\s+(?:did|
// has)\s+…"), one sequence of which every question they match begins
// with: a question that begins with none is not tried against the
// pattern, which is then compiled only if a question reaches it.
// Patterns that begin otherwise are always tried.

// leadWords returns the ways a text that re matches, anchored at the
// text's start, may begin, compared without case: sequences of words,
// every word of a sequence but its last followed by spaces ("\s+") in
// the text, its last word perhaps by more (a prefix of the text). They
// are read from re's leading letters and non-capturing groups of
// alternatives, each alternative read the same way ("(?:who|which\s+
// person)\s+(?:led|heads)" begins "who led", "who heads" or "which
// person"); a sequence goes on past a word only when the pattern's word
// is whole (followed by "\s+"). It returns nil (no condition) when re
// begins otherwise, when a leading group may be empty or has an
// alternative that begins with something other than a letter, or when re
// has an alternation at its top level (then "^" anchors its first
// alternative only).
func leadWords(re string) [][]string {
	if len(splitTop(re)) != 1 {
		return nil
	}
	seqs, _ := leadSeqs(re)
	return seqs
}

// maxLeads bounds the sequences leadSeqs builds for one pattern: past
// it, they are not extended further.
const maxLeads = 256

// leadSeqs returns the sequences of leadWords for re (an alternative of a
// group, or a whole pattern), and whether re is all words and "\s+"
// (each sequence then is a whole match of re); nil when re does not begin
// with a letter or a group of alternatives that all do.
func leadSeqs(re string) (seqs [][]string, whole bool) {
	seqs = [][]string{nil}
	live := []bool{true} // whether seqs[i] may be extended
	for pos := 0; ; {
		var branches [][]string
		var branchWhole []bool
		next := pos
		if strings.HasPrefix(re[pos:], "(?:") {
			end := closing(re, pos)
			if end < 0 || (end+1 < len(re) && optional(re[end+1])) {
				return finish(seqs), false
			}
			for _, alt := range splitTop(re[pos+3 : end]) {
				as, aw := leadSeqs(alt)
				if as == nil {
					return finish(seqs), false
				}
				for _, a := range as {
					branches = append(branches, a)
					branchWhole = append(branchWhole, aw)
				}
			}
			next = end + 1
		} else {
			w := leadLetters(re[pos:])
			if w == "" {
				return finish(seqs), false
			}
			next = pos + len(w)
			branches = [][]string{{w}}
			branchWhole = []bool{next == len(re) || strings.HasPrefix(re[next:], `\s+`)}
		}
		var out [][]string
		var outLive []bool
		for i, sq := range seqs {
			if !live[i] {
				out, outLive = append(out, sq), append(outLive, false)
				continue
			}
			for j, b := range branches {
				out = append(out, append(slices.Clip(sq), b...))
				outLive = append(outLive, branchWhole[j])
			}
		}
		seqs, live = out, outLive
		switch {
		case next == len(re):
			return seqs, !slices.Contains(live, false)
		case !strings.HasPrefix(re[next:], `\s+`) || len(seqs) > maxLeads:
			return seqs, false
		}
		pos = next + len(`\s+`)
	}
}

// finish returns seqs, or nil when they hold no word yet.
func finish(seqs [][]string) [][]string {
	if len(seqs) == 1 && len(seqs[0]) == 0 {
		return nil
	}
	return seqs
}

// leadLetters returns the ASCII letters s begins with that every match of
// s must begin with: up to the first character that is not a letter,
// leaving out a letter a quantifier makes optional or repeatable ("s?",
// "s*", "s{0,1}").
func leadLetters(s string) string {
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		if i+1 < len(s) && optional(s[i+1]) {
			break
		}
		i++
	}
	return s[:i]
}

// optional reports whether quantifier c may make what it follows empty
// (or, for "{", repeat it a number of times leadLetters does not read).
func optional(c byte) bool { return c == '?' || c == '*' || c == '{' }

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// splitTop splits re at the alternation bars of its top level (outside
// groups, character classes and escapes).
func splitTop(re string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(re); i++ {
		switch re[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(re, i)
		case '(':
			depth++
		case ')':
			depth--
		case '|':
			if depth == 0 {
				parts = append(parts, re[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, re[start:])
}

// closing returns the index of the parenthesis closing the group opened at
// re[open], or -1.
func closing(re string, open int) int {
	depth := 0
	for i := open; i < len(re); i++ {
		switch re[i] {
		case '\\':
			i++
		case '[':
			i = classEnd(re, i)
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// classEnd returns the index of the bracket closing the character class
// opened at re[open] (a "]" first in the class, or after "^", is a member).
func classEnd(re string, open int) int {
	i := open + 1
	if i < len(re) && re[i] == '^' {
		i++
	}
	if i < len(re) && re[i] == ']' {
		i++
	}
	for ; i < len(re); i++ {
		switch re[i] {
		case '\\':
			i++
		case ']':
			return i
		}
	}
	return len(re)
}

// mayMatch reports whether q begins as one of lead's sequences says (see
// leadWords): its words in turn, spaces after each but the last, each
// word compared as a case-insensitive expression compares it (each rune
// against the runes Unicode folds it with: "K" and the Kelvin sign match
// "k"); true when lead is nil.
func mayMatch(q string, lead [][]string) bool {
	if lead == nil {
		return true
	}
	for _, sq := range lead {
		if beginsWith(q, sq) {
			return true
		}
	}
	return false
}

// beginsWith reports whether q begins with the words of sq, spaces after
// each but the last.
func beginsWith(q string, sq []string) bool {
	for i, w := range sq {
		n, ok := foldPrefix(q, w)
		if !ok {
			return false
		}
		if i == len(sq)-1 {
			return true
		}
		q = q[n:]
		rest := strings.TrimLeft(q, spaceChars)
		if len(rest) == len(q) {
			return false
		}
		q = rest
	}
	return true
}

// spaceChars are the characters "\s" matches.
const spaceChars = "\t\n\f\r "

// foldPrefix reports whether s begins with prefix under simple case
// folding, and the length in bytes of that beginning of s.
func foldPrefix(s, prefix string) (int, bool) {
	n := 0
	for _, p := range prefix {
		if n >= len(s) {
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[n:])
		if !foldEqual(r, p) {
			return 0, false
		}
		n += size
	}
	return n, true
}

// foldEqual reports whether a and b are the same rune under simple case
// folding.
func foldEqual(a, b rune) bool {
	if a == b {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
