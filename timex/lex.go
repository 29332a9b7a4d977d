package timex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// tokKind is the class of a token.
type tokKind int

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// token is one word, number or punctuation mark of the text.
type token struct {
	start, end int    // byte offsets in the text
	low        string // lower-cased text (for numbers: the digits only)
	kind       tokKind
	num        int  // value of a number token
	digits     int  // number of digits of a number token
	ord        bool // number written as an ordinal ("20th")
	upper      bool // word starts with an upper-case letter
}

// tokenize cuts text into words (letters), numbers (digits, with an optional
// ordinal suffix) and single punctuation marks; spaces are dropped, so two
// tokens touch when the end of one is the start of the next.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/4), text)
}

// tokenizeInto is tokenize appending to toks.
func tokenizeInto(toks []token, text string) []token {
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += w
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += w2
			}
			toks = append(toks, token{start: i, end: j, low: strings.ToLower(text[i:j]), kind: tWord, upper: unicode.IsUpper(r)})
			i = j
		case r >= '0' && r <= '9':
			j, n := i, 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if n < 1e8 {
					n = n*10 + int(text[j]-'0')
				}
				j++
			}
			t := token{start: i, end: j, low: text[i:j], kind: tNum, num: n, digits: j - i}
			if j+2 <= len(text) && (j+2 == len(text) || !isLetterAt(text, j+2)) {
				switch strings.ToLower(text[j : j+2]) {
				case "st", "nd", "rd", "th":
					t.ord = true
					t.end = j + 2
				}
			}
			toks = append(toks, t)
			i = t.end
		default:
			toks = append(toks, token{start: i, end: i + w, low: text[i : i+w], kind: tPunct})
			i += w
		}
	}
	return toks
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// monthInfo describes a month name or abbreviation.
type monthInfo struct {
	m time.Month
	// abbr is set for abbreviations ("Jan", "Sept"), which need a day or
	// a year, or a preposition, to count as a month.
	abbr bool
	// ambiguous is set for names that are also common words ("may",
	// "march"), which need the same support.
	ambiguous bool
}

var months = map[string]monthInfo{
	"january": {m: time.January}, "february": {m: time.February},
	"march": {m: time.March, ambiguous: true}, "april": {m: time.April},
	"may": {m: time.May, ambiguous: true}, "june": {m: time.June},
	"july": {m: time.July}, "august": {m: time.August},
	"september": {m: time.September}, "october": {m: time.October},
	"november": {m: time.November}, "december": {m: time.December},
	"jan": {m: time.January, abbr: true}, "feb": {m: time.February, abbr: true},
	"mar": {m: time.March, abbr: true}, "apr": {m: time.April, abbr: true},
	"jun": {m: time.June, abbr: true}, "jul": {m: time.July, abbr: true},
	"aug": {m: time.August, abbr: true}, "sep": {m: time.September, abbr: true},
	"sept": {m: time.September, abbr: true}, "oct": {m: time.October, abbr: true},
	"nov": {m: time.November, abbr: true}, "dec": {m: time.December, abbr: true},
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// numberWords are the counts accepted before a unit in "two weeks ago".
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
	"ninety": 90, "hundred": 100,
}

// preps are the prepositions taken into an expression, with the kind they give.
var preps = map[string]Kind{
	"in": Point, "on": Point, "at": Point, "during": Point, "by": Point,
	"before": Point, "after": Point, "around": Point,
	"since": Since, "from": Since,
	"until": Until, "till": Until, "til": Until, "through": Until, "thru": Until,
	"between": Since,
}

// modifiers are the words before a date that narrow it within its period
// ("early 2023", "the end of last year"); the value keeps the period.
var modifiers = [][]string{
	{"the", "end", "of"}, {"the", "start", "of"}, {"the", "beginning", "of"},
	{"the", "middle", "of"}, {"the", "first", "half", "of"},
	{"the", "second", "half", "of"}, {"end", "of"}, {"start", "of"},
	{"beginning", "of"}, {"middle", "of"}, {"early"}, {"late"}, {"mid"},
	{"earlier"}, {"later"},
}

// partsOfDay may follow a day ("Friday morning", "yesterday evening").
var partsOfDay = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true,
	"overnight": true,
}

// seasons may stand before a year ("spring 2014"); the value is the year.
var seasons = map[string]bool{
	"spring": true, "summer": true, "autumn": true, "fall": true, "winter": true,
}

// wordsAfterYear are the lower-case words that may follow a bare year
// ("in 2014 the army…", "since 2014 when…"); any other lower-case word after
// a four-digit number ("2000 troops", "1500 tanks") means it is a count.
var wordsAfterYear = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "but": true,
	"to": true, "when": true, "after": true, "before": true, "as": true,
	"with": true, "for": true, "at": true, "on": true, "in": true, "of": true,
	"by": true, "was": true, "were": true, "is": true, "are": true, "had": true,
	"has": true, "have": true, "he": true, "she": true, "it": true, "they": true,
	"we": true, "i": true, "its": true, "his": true, "her": true, "their": true,
	"that": true, "which": true, "while": true, "until": true, "till": true,
	"through": true, "alone": true, "where": true, "s": true, "this": true,
	"there": true, "following": true, "amid": true, "during": true,
	"election": true, "elections": true, "invasion": true, "war": true,
	"vote": true, "summit": true, "census": true, "season": true,
	"budget": true, "campaign": true, "report": true, "levels": true,
	"from": true, "under": true, "into": true, "against": true, "so": true,
	"if": true, "because": true, "then": true, "not": true, "only": true,
	"also": true, "already": true, "again": true,
}

// starters are the words an expression can begin with; Find tries no other
// word. Numbers can always begin one.
var starters = func() map[string]bool {
	m := map[string]bool{
		"today": true, "tonight": true, "yesterday": true, "tomorrow": true, "overnight": true,
		"last": true, "this": true, "the": true, "previous": true,
		"next": true, "coming": true, "current": true,
	}
	for w := range preps {
		m[w] = true
	}
	for w := range months {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	for w := range seasons {
		m[w] = true
	}
	for _, mod := range modifiers {
		m[mod[0]] = true
	}
	return m
}()
