package extract

import (
	"regexp"
	"strings"
)

// A case-insensitive alternation of whole words run by the regexp package
// is tried at every byte of the text, each word after the other; the
// sentence-level tests of narrative.go ("has", "will", "later", … anywhere
// in the sentence) cost more than most rules of the template. phraseRe
// answers the same question in one pass over the words of the text, with
// a map lookup per word.

// phraseRe matches, in any ASCII case, the texts that hold one of its
// words or phrases as whole words (the regexp `(?i)\b(?:has|going to)\b`),
// one of its strings anywhere (`'ve`), or one of its endings before a
// word boundary (`'d\b`). It is immutable once compiled.
type phraseRe struct {
	// re is the same pattern as a regular expression: it answers for the
	// texts that hold the long s (U+017F) or the Kelvin sign (U+212A),
	// which case folding maps to "s" and "k".
	re *regexp.Regexp
	// first maps the first word of each phrase (its leading run of word
	// bytes) to the rest of each phrase that starts with it, "" for a
	// phrase of one word.
	first    map[string][]string
	anywhere []string // lower case
	endings  []string // lower case
	longest  int      // the longest first word
}

// phraseCompile builds a phraseRe from its whole words or phrases (each
// starts and ends with a word byte, [0-9A-Za-z_]), its strings matched
// anywhere and its endings matched before a word boundary, all in lower
// case ASCII. Like the package's rules, it is filled in by prepare.
func phraseCompile(words, anywhere, endings []string) *phraseRe {
	p := new(phraseRe)
	deferFill(func() { *p = *fillPhrases(words, anywhere, endings) })
	return p
}

// fillPhrases is phraseCompile's work.
func fillPhrases(words, anywhere, endings []string) *phraseRe {
	p := &phraseRe{first: map[string][]string{}, anywhere: anywhere, endings: endings}
	var alts []string
	if len(words) > 0 {
		quoted := make([]string, len(words))
		for i, w := range words {
			quoted[i] = regexp.QuoteMeta(w)
		}
		alts = append(alts, `\b(?:`+strings.Join(quoted, "|")+`)\b`)
	}
	for _, s := range anywhere {
		alts = append(alts, regexp.QuoteMeta(s))
	}
	for _, s := range endings {
		alts = append(alts, regexp.QuoteMeta(s)+`\b`)
	}
	p.re = regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
	for _, w := range words {
		if w == "" || !isWordByte(w[0]) || !isWordByte(w[len(w)-1]) || strings.ToLower(w) != w {
			panic("extract: phrase " + w + " must be lower case and start and end with a word character")
		}
		n := 0
		for n < len(w) && isWordByte(w[n]) {
			n++
		}
		p.first[w[:n]] = append(p.first[w[:n]], w[n:])
		p.longest = max(p.longest, n)
	}
	return p
}

// MatchString reports whether s holds one of p's words, phrases, strings
// or endings, as the regular expression of them would.
func (p *phraseRe) MatchString(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212A") {
		return p.re.MatchString(s)
	}
	for _, a := range p.anywhere {
		if containsFold(s, a) {
			return true
		}
	}
	for _, e := range p.endings {
		for i := 0; i+len(e) <= len(s); i++ {
			if asciiEqualFold(s[i:i+len(e)], e) && (i+len(e) == len(s) || !isWordByte(s[i+len(e)])) {
				return true
			}
		}
	}
	var buf [32]byte
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j-i <= p.longest && j-i <= len(buf) {
			low := buf[:j-i]
			for k := range low {
				c := s[i+k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				low[k] = c
			}
			for _, rest := range p.first[string(low)] {
				end := j + len(rest)
				if end <= len(s) && asciiEqualFold(s[j:end], rest) && (end == len(s) || !isWordByte(s[end])) {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// isWordByte reports whether c is an ASCII word character, as \w and \b
// of the regexp package read it.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
