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
	"hon": true, // "Hon. Amina Okafor" (Honourable)
	"ma":  true, // "Ma. Theresa Lazaro" (María, in Philippine names)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize cuts s into tokens. Abbreviations ("U.S.", "Gen.", "J.") keep
// their period; the possessive "'s" is a token of its own.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	for i := 0; ; {
		t, next, ok := nextToken(s, i)
		if !ok {
			return toks
		}
		toks = append(toks, t)
		i = next
	}
}

// nextToken returns the first token of s at or after byte i and the byte
// after it, or false when there is none: tokenize's tokens one at a time.
func nextToken(s string, i int) (token, int, bool) {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += w
			continue
		}
		if isApos(r) && i+w < len(s) && (s[i+w] == 's' || s[i+w] == 'S') && !nextIsWord(s, i+w+1) {
			return token{"'s", i, i + w + 1}, i + w + 1, true
		}
		if !isWordRune(r) {
			text := s[i : i+w]
			if r == utf8.RuneError && w == 1 {
				text = string(r) // an invalid byte reads as U+FFFD
			}
			return token{text, i, i + w}, i + w, true
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
		return token{normApos(s[i:j]), i, j}, j, true
	}
	return token{}, i, false
}

// lazyTokens cuts the tokens of s only as far as they are asked for: a
// test of how a sentence opens need not cut all of it.
type lazyTokens struct {
	s    string
	next int
	done bool
	toks []token
}

// has reports whether s has a token k (counted from 0), cutting up to it.
func (lt *lazyTokens) has(k int) bool {
	for len(lt.toks) <= k && !lt.done {
		t, next, ok := nextToken(lt.s, lt.next)
		if !ok {
			lt.done = true
			break
		}
		lt.toks = append(lt.toks, t)
		lt.next = next
	}
	return k < len(lt.toks)
}

// at returns token k, which has(k) must have reported.
func (lt *lazyTokens) at(k int) token { return lt.toks[k] }

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
	// clock marks an item of a live page or a brief stamped with the
	// time of day ("09:15 GMT - …"): it tells what happened on the day
	// of publication.
	clock bool
	// label is the "Label:" its line opened with ("• Japan: Prime
	// Minister …" in a newsletter digest), or ""; a dateline in capitals
	// ("ISLAMABAD:") is no label.
	label string
	// section is the name in capitals a line opened with before a dash
	// ("MALAWI - President …" in a regional roundup, as a dateline is
	// written), or "": when it names a country by its own name, not by a
	// town, it labels the line as label does (placeLabelled).
	section string
	// para is the index of the line (paragraph) the sentence is on.
	para int
}

var (
	datelineRe = lazyRegexp(`^[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+)*\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s+`)
	bulletRe   = lazyRegexp(`^(?:[-•*–·]|\d+[.)])\s+`)
	// datedDatelineRe is a dateline with its date, "MANILA, June 12
	// (Newswire) - ", opening a later paragraph of a wire roundup (the
	// first line's is read with its sentence, see units.go).
	datedDatelineRe = lazyRegexp(`^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,? \d{4})?\s*(?:\([^)]{1,40}\))?\s*(?:—|–|--|-)\s+`)
	labelRe         = lazyRegexp(`^[A-Z][\w'’\-]*(?: [\w'’\-]+){0,4}:\s+`)
	// clockRe is the time of day that stamps an item of a live page:
	// "09:15 GMT - ", "10.40 am: ", "1440 GMT — ".
	clockRe = lazyRegexp(`^(?:[01]?\d|2[0-3])[:.]?[0-5]\d(?:\s*(?:[ap]\.?m\.?|GMT|UTC|BST|CET|CEST|EST|EDT|ET|IST|local time))?\s*(?:—|–|--|-|:|\|)\s+`)
)

// leadPlaceRe reads the place of a dateline or of a "PLACE:" label, in
// capitals ("ABUJA —", "NEW DELHI:", "BUENOS AIRES (Wire) -").
var leadPlaceRe = lazyRegexp(`^[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*`)

// leadDateline returns the place of the dateline or "PLACE:" label that
// splitSentences drops from the start of text ("ABUJA" of "ABUJA —
// President …", "ISLAMABAD" of "ISLAMABAD: Prime Minister …"), or "".
func leadDateline(text string) string {
	line := strings.TrimLeft(text, " \t\r\n")
	if k := strings.IndexByte(line, '\n'); k >= 0 {
		line = line[:k]
	}
	for _, re := range []*regexp.Regexp{datelineRe, labelRe} {
		if m := re.FindString(line); m != "" {
			if p := leadPlaceRe.FindString(m); len(p) > 1 && strings.ToUpper(p) == p {
				return p
			}
		}
	}
	return ""
}

// splitSentences cuts text into sentences, dropping datelines, bullet
// markers, short "Label:" prefixes, keyword tag runs and headings: a
// sentence with the shape of a heading is dropped, and a heading glued
// before a sentence (a paragraph joined from a heading line and the lines
// after it) is cut off (headings.go). A sentence without a final mark
// ("..., officials said", "... (AP)") is read like any other.
func splitSentences(text string) []sentence {
	var out []sentence
	off := 0
	for para, line := range strings.SplitAfter(text, "\n") {
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
		clock, label, section := false, "", ""
		if m := datedDatelineRe.FindStringIndex(trimmed); m != nil && len(out) > 0 {
			// A later paragraph's dateline: the place is its section, the
			// date no event's.
			if p := leadPlaceRe.FindString(trimmed[:m[1]]); len(p) > 1 {
				section = p
			}
			base += m[1]
			trimmed = trimmed[m[1]:]
		}
		for _, re := range []*regexp.Regexp{bulletRe, clockRe, datelineRe, labelRe} {
			if m := re.FindStringIndex(trimmed); m != nil {
				if l := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(trimmed[:m[1]]), ":")); re == labelRe && strings.ToUpper(l) != l {
					label = l // "Japan:", not a dateline's "ISLAMABAD:"
				}
				if re == datelineRe {
					if p := leadPlaceRe.FindString(trimmed[:m[1]]); len(p) > 1 && strings.ToUpper(p) == p {
						section = p
					}
				}
				base += m[1]
				trimmed = trimmed[m[1]:]
				clock = clock || re == clockRe
			}
		}
		trimmed = strings.TrimRight(trimmed, " \t")
		if trimmed == "" {
			continue
		}
		for _, st := range splitLine(trimmed, base) {
			st.clock, st.label, st.section, st.para = clock, label, section, para
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
// It reads the line's tokens one at a time, as tokenize would cut them
// (the slice of them all was most of what splitting allocated).
func splitLine(s string, base int) []sentence {
	var out []sentence
	from := 0
	for i := 0; ; {
		t, next, ok := nextToken(s, i)
		if !ok {
			break
		}
		i = next
		if t.text != "." && t.text != "!" && t.text != "?" {
			continue
		}
		end := t.end
		after, more, ok := nextToken(s, next)
		for ok && isCloseQuote(after.text) {
			end = after.end
			after, more, ok = nextToken(s, more)
		}
		if ok {
			r, _ := utf8.DecodeRuneInString(after.text)
			if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isOpenQuote(after.text) {
				continue
			}
		}
		if txt := strings.TrimSpace(s[from:end]); txt != "" {
			out = append(out, sentence{text: txt, start: base + from + strings.Index(s[from:end], txt)})
		}
		if ok {
			from = after.start
		} else {
			from = len(s)
		}
	}
	if txt := strings.TrimSpace(s[from:]); txt != "" {
		out = append(out, sentence{text: txt, start: base + from + strings.Index(s[from:], txt)})
	}
	return out
}

func isCloseQuote(s string) bool { return s == "\"" || s == "”" || s == "’" || s == ")" }
func isOpenQuote(s string) bool  { return s == "\"" || s == "“" || s == "‘" || s == "(" }
