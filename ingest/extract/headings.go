package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Headings are recognized by their own shape, not by how the paragraph
// they sit in ends: a run of title-case words without a sentence-final
// mark ("Global Security Talks", "Next Steps", "BREAKING NEWS") is a
// heading; anything with a lower-case word that is not a short function
// word ("Trump met Rutte in Palm Beach on Friday, officials said") is a
// sentence and is read even without a final mark. Text joins a heading
// line to the paragraph after it, so a heading is also cut off the front
// of a sentence: before a word that opens sentences ("Next Steps The two
// leaders agreed ...", headingBefore) or, knowing the gazetteer, before
// the titled person who is the sentence's subject ("Deep Look
// President-elect Donald Trump met ...", doc.headingPrefix).

// titleSmall are the words a title-case heading writes in lower case.
var titleSmall = toSet("a an and the of in on at to for from by with vs vs. as or nor but per via into over after about amid")

// maxHeadingWords is the longest heading recognized, in words.
const maxHeadingWords = 14

// isHeading reports whether s, one sentence of a line, has the shape of a
// heading: no sentence-final mark, at most maxHeadingWords words, none of
// them a lower-case word other than a function word.
func isHeading(s string) bool {
	s = strings.TrimRight(s, " \"”’'")
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?:;", last) || strings.ContainsAny(s, ";") {
		return false
	}
	words := 0
	for _, t := range tokenize(s) {
		if !isWordTok(t.text) {
			continue
		}
		words++
		if words > maxHeadingWords {
			return false
		}
		r, _ := utf8.DecodeRuneInString(t.text)
		if unicode.IsLower(r) && !titleSmall[strings.ToLower(t.text)] {
			return false
		}
	}
	return true
}

// sentenceOpeners are capitalized words that open a sentence and never
// continue a title-case name or heading.
var sentenceOpeners = toSet("The A An He She It They We I In On At After Before During Earlier Later Meanwhile This Last")

// headingBefore returns the length of a title-case heading glued before
// the sentence s and opened by one of sentenceOpeners ("Next Steps The
// two leaders agreed ..."), or 0. The heading is the whole run of
// capitalized words before the opener; the opener is followed by a
// lower-case word.
func headingBefore(s string) int {
	toks := lazyTokens{s: s}
	for i := 0; toks.has(i + 1); i++ {
		t := toks.at(i)
		if !isWordTok(t.text) || !isCap(t.text) {
			return 0
		}
		if i > 0 && sentenceOpeners[t.text] && isWordTok(toks.at(i+1).text) && !isCap(toks.at(i+1).text) {
			return t.start
		}
	}
	return 0
}

// joiners join two subjects; a heading run never crosses them.
var joiners = toSet("and or nor but")

// headingModifiers are capitalized words that belong to the title after
// them, never to a heading before it ("Former British Prime Minister").
var headingModifiers = toSet("Former Then Ex Ex- Outgoing Incoming Acting Late New Deputy Vice Interim Caretaker Current Sitting Newly Senior Top Chief")

// headingPrefix returns the length of a heading glued before a sentence
// whose subject is a titled person ("Global Security Talks Deep Look
// President-elect Donald Trump met Rutte ..." → the heading ends before
// "President-elect"), or 0. The sentence must open with at least four
// capitalized words (function words other than "and" and "or" between
// them allowed) followed by a lower-case word that is not a function word, the last of them a
// person named after an office (itself perhaps after a country or
// organization), and the heading before it at least two words, none of
// them a modifier of the title.
func (d *doc) headingPrefix(s string) int {
	toks := lazyTokens{s: s}
	run, caps := 0, 0 // the capitalized words, with the function words between them
	for k := 0; toks.has(k) && isWordTok(toks.at(k).text); k++ {
		if isCap(toks.at(k).text) {
			run, caps = k+1, caps+1
		} else if !titleSmall[toks.at(k).text] || joiners[toks.at(k).text] {
			break
		}
	}
	if caps < 4 || !toks.has(run) || !isWordTok(toks.at(run).text) || isCap(toks.at(run).text) ||
		titleSmall[toks.at(run).text] {
		return 0 // "Zelensky and German Chancellor Olaf Scholz spoke": one subject
	}
	for _, t := range toks.toks[:run] {
		if headingModifiers[t.text] {
			return 0
		}
	}
	// A scratch document: what the heading holds must not become a name
	// the article's later sentences resolve to.
	scratch := newDoc(d.g, d.pub)
	units := scratch.buildUnits(s, 0)
	n := 0
	for n < len(units) && units[n].end <= toks.at(run-1).end {
		n++
	}
	if n < 3 || units[n-1].kind != kPerson || units[n-2].kind != kOffice {
		return 0
	}
	k := n - 2
	for k > 0 && units[k-1].kind == kOffice {
		k--
	}
	if k > 0 && (units[k-1].demonym || units[k-1].kind == kCountry || units[k-1].kind == kOrg) {
		k--
	}
	if k == 0 {
		return 0
	}
	if head := tokenize(s[:units[k].start]); len(head) < 2 || !isCap(head[len(head)-1].text) {
		return 0
	}
	return units[k].start
}
