package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or punctuation mark with its byte offsets in the text it
// was cut from. Text has typographic apostrophes replaced by "'".
type token struct {
	text       string
	start, end int
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "st": true, "lt": true, "col": true, "maj": true, "capt": true, "prof": true,
	"jr": true, "sr": true, "inc": true, "corp": true, "co": true, "ltd": true, "no": true,
	"vs": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "adm": true,
	"sgt": true, "pres": true, "amb": true, "rev": true, "ft": true, "mt": true, "est": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize cuts s into tokens. Abbreviations ("U.S.", "Gen.", "J.") keep
// their period; the possessive "'s" is a token of its own.
func tokenize(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if isApos(r) && i+w < len(s) && (s[i+w] == 's' || s[i+w] == 'S') && !nextIsWord(s, i+w+1) {
			toks = append(toks, token{"'s", i, i + w + 1})
			i += w + 1
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{string(r), i, i + w})
			i += w
			continue
		}
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r2) {
				j += w2
				continue
			}
			if (r2 == '-' || r2 == '.' || isApos(r2)) && nextIsWord(s, j+w2) {
				if isApos(r2) && j+w2 < len(s) && (s[j+w2] == 's' || s[j+w2] == 'S') && !nextIsWord(s, j+w2+1) {
					break // possessive
				}
				j += w2
				continue
			}
			break
		}
		word := s[i:j]
		if j < len(s) && s[j] == '.' && isAbbrev(word) {
			j++
		}
		toks = append(toks, token{normApos(s[i:j]), i, j})
		i = j
	}
	return toks
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func nextIsWord(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func normApos(s string) string { return strings.ReplaceAll(s, "’", "'") }

func isAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return true // U.S, U.N, J.D
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

// sentence is one sentence of the article: its exact text and offset.
type sentence struct {
	text  string
	start int
}

var (
	datelineRe = regexp.MustCompile(`^[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+)*\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s+`)
	bulletRe   = regexp.MustCompile(`^(?:[-•*–·]|\d+[.)])\s+`)
	labelRe    = regexp.MustCompile(`^[A-Z][\w'’\-]*(?: [\w'’\-]+){0,4}:\s+`)
)

// splitSentences cuts text into sentences, dropping datelines, bullet
// markers, short "Label:" prefixes, keyword tag runs and headings: a
// sentence with the shape of a heading is dropped, and a heading glued
// before a sentence (a paragraph joined from a heading line and the lines
// after it) is cut off (headings.go). A sentence without a final mark
// ("..., officials said", "... (AP)") is read like any other.
func splitSentences(text string) []sentence {
	var out []sentence
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		lineStart := off
		off += len(line)
		body := strings.TrimRight(line, "\r\n")
		trimmed := strings.TrimLeft(body, " \t")
		base := lineStart + len(body) - len(trimmed)
		if strings.Count(trimmed, "/ ") >= 3 { // scraped keyword tags: "A/ B/ C/ text"
			k := strings.LastIndex(trimmed, "/ ") + 2
			base += k
			trimmed = trimmed[k:]
		}
		for _, re := range []*regexp.Regexp{bulletRe, datelineRe, labelRe} {
			if m := re.FindStringIndex(trimmed); m != nil {
				base += m[1]
				trimmed = trimmed[m[1]:]
			}
		}
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed == "" {
			continue
		}
		for _, st := range splitLine(trimmed, base) {
			if isHeading(st.text) {
				continue
			}
			if k := headingBefore(st.text); k > 0 {
				st.text, st.start = st.text[k:], st.start+k
			}
			out = append(out, st)
		}
	}
	return out
}

// splitLine splits one line at sentence-final marks followed by a capital,
// a digit or an opening quote.
func splitLine(s string, base int) []sentence {
	var out []sentence
	toks := tokenize(s)
	from := 0
	for i, t := range toks {
		if t.text != "." && t.text != "!" && t.text != "?" {
			continue
		}
		end := t.end
		j := i + 1
		for j < len(toks) && isCloseQuote(toks[j].text) {
			end = toks[j].end
			j++
		}
		if j < len(toks) {
			r, _ := utf8.DecodeRuneInString(toks[j].text)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpenQuote(toks[j].text) {
				continue
			}
		}
		if txt := strings.TrimSpace(s[from:end]); txt != "" {
			out = append(out, sentence{txt, base + from + strings.Index(s[from:end], txt)})
		}
		if j < len(toks) {
			from = toks[j].start
		} else {
			from = len(s)
		}
	}
	if txt := strings.TrimSpace(s[from:]); txt != "" {
		out = append(out, sentence{txt, base + from + strings.Index(s[from:], txt)})
	}
	return out
}

func isCloseQuote(s string) bool { return s == "\"" || s == "”" || s == "’" || s == ")" }
func isOpenQuote(s string) bool  { return s == "\"" || s == "“" || s == "‘" || s == "(" }
