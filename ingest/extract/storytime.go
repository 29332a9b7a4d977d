package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// The times of a story told over years (profiles, obituaries, analyses):
// which date written elsewhere in the sentence or the article dates an
// act, and which does not (see also pastyear.go for months and years
// put in the story's year).

// sinceOfAnother reports whether u, a "since" after the act c or in a
// relative clause within it, starts a state told of a name, in an
// apposition or a relative clause: "met Lenderking, the US envoy since
// 2021,", "was succeeded by X, a senator who has been spokeswoman since
// 2021", "X, a diplomat who has been envoy since 2022, met Y" date no
// act.
// ("Has fought Hezbollah since October" dates the fighting.)
func sinceOfAnother(c *cand, u *unit, text string) bool {
	if u.expr.Prep != "since" || u.start < c.span[0] || c.span[1] > len(text) {
		return false
	}
	if u.start < c.span[1] {
		// "X, a diplomat who has been envoy since 2022, met Y": inside
		// the statement, in a relative clause opened before it.
		return relWordRe.MatchString(text[c.span[0]:u.start])
	}
	between := text[c.span[1]:u.start]
	return strings.Contains(between, ",") || relWordRe.MatchString(between)
}

// offsetAfter reports whether an offset of months or years ("two months
// later", "a year after") stands between u and the end of the act c:
// "X, who had taken office in January, flew to Dushanbe two months later
// and met Y" tells the meeting at another time than u's.
func offsetAfter(c *cand, u *unit, text string) bool {
	return u.end < c.span[1] && c.span[1] <= len(text) && monthsLaterRe.MatchString(text[u.end:c.span[1]])
}

// monthsLaterRe is an offset of months or years from a time told before.
var monthsLaterRe = foldCompile(`(?i)\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|several|a few|\d{1,2}) (?:months?|years?) (?:later|afterwards|after|on)\b`)

// relWordRe opens a relative clause.
var relWordRe = lazyRegexp(`\b(?:who|whom|whose|which|that)\b`)

// thatSeasonRe is a season of the year the story is in: "that autumn",
// "that same summer", "in the spring of that year" (not winter, which
// spans two years).
var thatSeasonRe = foldCompile(`(?i)\b(?:that (?:same )?(?:spring|summer|autumn|fall)|(?:spring|summer|autumn|fall) of that year)\b`)

// seasonYear returns the year of a sentence's "that autumn" (thatSeasonRe):
// the last year written before it in the sentence ("tried to impeach him
// in 2005; that autumn the motion was withdrawn"), else the last year the
// article wrote before the sentence (storyYear); ok is false without
// either.
func (d *doc) seasonYear(units []*unit, text string) (graph.Date, bool) {
	loc := thatSeasonRe.FindStringIndex(text)
	if loc == nil {
		return graph.Date{}, false
	}
	y := d.storyYear
	for _, u := range units {
		if u.kind == kDate && u.expr != nil && u.end <= loc[0] && !u.expr.Value.IsZero() && namedYear.MatchString(u.expr.Text) {
			y = u.expr.Value.Year
		}
	}
	if y == 0 {
		return graph.Date{}, false
	}
	return graph.YearOf(y), true
}

// framingDate reports whether date u, before the statement at span with
// the words between in between, frames it across a clause boundary: a
// month or year opening the sentence before a clause of another subject
// joined by "and" ("In January 2024 the parties clashed over pensions,
// and Popa accused Marinescu of …"; a day does not: "On Wednesday, Japan
// sent aid to Myanmar, and Australia …" in a digest may be two days), or
// a date the statement's "when" clause follows ("Relations soured in
// 2024, when Vidmar criticized …"), or a date opening the sentence before
// an aside ("Earlier this year, before her departure was announced,
// Halvorsen visited Tehran"). A statement in another tense or time ("and
// X has since …", "and X later …") is not framed.
func framingDate(text string, u *unit, between string, span [2]int) bool {
	if span[1] > len(text) || shiftedClauseRe.MatchString(text[span[0]:span[1]]) {
		return false
	}
	if openingAside(text, u, between) {
		return true // "Earlier this year, before her departure was announced, Halvorsen visited Tehran"
	}
	if sayRe.MatchString(between) {
		return false
	}
	b := strings.TrimSpace(between)
	if b == ", when" || b == "when" {
		return true
	}
	head, ok := strings.CutSuffix(b, ", and")
	return ok && u.expr.Value.Precision < graph.DayPrecision && strings.TrimSpace(text[:u.start]) == "" &&
		!strings.Contains(head, ";") && !blockRe.MatchString(head)
}

// openingAside reports whether date u opens the sentence and between,
// the words from it to a statement, is an aside (asideRe).
func openingAside(text string, u *unit, between string) bool {
	return strings.TrimSpace(text[:u.start]) == "" && asideRe.MatchString(between)
}

// asideRe is a subordinate clause put between a date opening the
// sentence and its main clause: ", before her departure was announced,",
// ", after weeks of protests,".
var asideRe = lazyRegexp(`^ *, *(?:before|after|when|while|as|following|amid|despite)\b[^,;:"]*, *$`)

// shiftedClauseRe marks a statement told in another tense or at another
// time than a date framing its sentence.
var shiftedClauseRe = lazyRegexp(`(?i)\b(?:has|have|had|will|would|since|later|then|now|afterwards|subsequently|eventually|earlier|previously|plans?|is|are)\b`)
