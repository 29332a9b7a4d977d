package timex

import (
	"time"

	"github.com/geokg/geokg/graph"
)

// parser holds the tokens of one text and the reference date.
type parser struct {
	text string
	toks []token
	ref  graph.Date
	// phrase is set by Resolve: the text is a single date, so a bare year
	// ("2014") and an ISO month ("2024-06") are accepted.
	phrase bool
	// lastEnd is the token index just after the last expression found.
	lastEnd int
}

// cue is what stands before a date: whether the words support a bare year
// or month (ctx), the preposition, and whether a modifier was read.
type cue struct {
	ctx  bool
	prep string
	mod  bool
}

// hit is a date read from tokens, ending before token index end.
type hit struct {
	end int
	val graph.Date
	rel bool
	// year is set when the date is a bare year, which may open a range
	// such as "2009-10".
	year bool
	// day is set when the expression names a day, which a part of the day
	// may follow ("Friday morning").
	day bool
}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

// isWord reports whether token i is one of the given lower-case words.
func (p *parser) isWord(i int, words ...string) bool {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return false
	}
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

// isPunct reports whether token i is one of the given marks.
func (p *parser) isPunct(i int, marks ...string) bool {
	t := p.tok(i)
	if t == nil || t.kind != tPunct {
		return false
	}
	for _, m := range marks {
		if t.low == m {
			return true
		}
	}
	return false
}

// touches reports whether token i starts right where token i-1 ends.
func (p *parser) touches(i int) bool {
	return i > 0 && i < len(p.toks) && p.toks[i-1].end == p.toks[i].start
}

// relDate resolves a relative date from ref when ref is precise enough to
// give precision need; otherwise it returns the zero Date.
func (p *parser) relDate(need graph.Precision, f func(t time.Time) graph.Date) graph.Date {
	t, ok := refTime(p.ref, need)
	if !ok {
		return graph.Date{}
	}
	return f(t)
}

// at reads the expression starting at token i: an optional preposition, an
// optional modifier ("early", "the end of"), the date, and an optional second
// date closing a range. It returns the token index after the expression,
// or i when there is none.
func (p *parser) at(i int) (int, []Expr) {
	j, prep, ctx := i, "", p.contextBefore(i)
	if t := p.tok(j); t != nil && t.kind == tWord {
		if _, ok := preps[t.low]; ok {
			if n := p.tok(j + 1); t.low == "in" && n != nil && deicticOpeners[n.low] {
				// "was sworn in last month", "stepped in earlier this
				// year": English writes no "in" before these, so the
				// "in" is the verb's particle, not the date's.
				return i, nil
			}
			prep, j, ctx = t.low, j+1, true
		}
	}
	mod := false
	if k := p.modifier(j); k > j {
		j, ctx, mod = k, true, true
		if t := p.tok(j); prep == "" && t != nil && (t.low == "on" || t.low == "in") {
			prep, j = t.low, j+1
		}
	}
	h, ok := p.core(j, cue{ctx: ctx, prep: prep, mod: mod})
	if !ok {
		return i, nil
	}
	kind := preps[prep]
	first := p.expr(i, h, kind, prep)
	if k, h2, ok := p.rangeEnd(h, prep); ok {
		first.Kind = Since
		second := p.expr(k+1, h2, Until, "")
		if t := p.toks[k]; t.kind == tWord {
			second.Start, second.Prep = t.start, t.low
			second.Text = p.text[second.Start:second.End]
		}
		return h2.end, []Expr{first, second}
	}
	return h.end, []Expr{first}
}

// deicticOpeners open a date relative to the article's own time that
// takes no "in" before it ("last month", "earlier this year", "this
// week", "next year").
var deicticOpeners = map[string]bool{"last": true, "next": true, "this": true, "earlier": true, "later": true}

// expr builds the Expr for a hit that started at token i.
func (p *parser) expr(i int, h hit, kind Kind, prep string) Expr {
	s, e := p.toks[i].start, p.toks[h.end-1].end
	return Expr{Start: s, End: e, Text: p.text[s:e], Value: h.val, Kind: kind, Relative: h.rel, Prep: prep}
}

// contextBefore reports whether the words before token i make a bare year or
// month likely: "of 2009", "the end of", or a date list ("in June and July").
func (p *parser) contextBefore(i int) bool {
	if p.phrase && i == 0 {
		return true
	}
	if p.isWord(i-1, "of") {
		return true
	}
	if i-1 == p.lastEnd && (p.isWord(i-1, "and", "or", "to") || p.isPunct(i-1, ",", "-", "–", "—", "/")) && p.lastEnd > 0 {
		return true
	}
	return false
}

// modifier skips a modifier such as "early", "mid-", "the end of" at token i.
func (p *parser) modifier(i int) int {
	for _, m := range modifiers {
		k := i
		for _, w := range m {
			if !p.isWord(k, w) {
				k = -1
				break
			}
			k++
		}
		if k < 0 {
			continue
		}
		if m[0] == "mid" && p.isPunct(k, "-") && p.touches(k) {
			k++
		}
		return k
	}
	return i
}

// rangeEnd reads the second half of a range after h: "from 2010 to 2014",
// "between May and July", "2009-2010", "1957-58".
func (p *parser) rangeEnd(h hit, prep string) (int, hit, bool) {
	k := h.end
	dash := p.isPunct(k, "-", "–", "—")
	switch {
	case prep == "from" && (dash || p.isWord(k, "to", "until", "till", "through")):
	case prep == "between" && (dash || p.isWord(k, "and")):
	case h.year && dash:
	default:
		return 0, hit{}, false
	}
	if h.year && dash && p.touches(k+1) {
		t := p.tok(k + 1)
		if t == nil || t.kind != tNum || t.ord || p.touchesWordOrDigit(k+2) {
			return 0, hit{}, false
		}
		y := t.num
		switch t.digits {
		case 2:
			y += h.val.Year / 100 * 100
		case 4:
		default:
			return 0, hit{}, false
		}
		if y <= h.val.Year || y > h.val.Year+100 {
			return 0, hit{}, false
		}
		return k, hit{end: k + 2, val: graph.YearOf(y), year: true}, true
	}
	h2, ok := p.core(k+1, cue{ctx: true, prep: "to"})
	if !ok || (h.year && !h2.year) {
		return 0, hit{}, false
	}
	return k, h2, true
}

// touchesWordOrDigit reports whether token i is a word or number glued to
// the token before it ("1990s", "2014.5").
func (p *parser) touchesWordOrDigit(i int) bool {
	t := p.tok(i)
	if t == nil || !p.touches(i) {
		return false
	}
	if t.kind != tPunct {
		return true
	}
	if t.low == "%" {
		return true
	}
	if (t.low == "." || t.low == "," || t.low == ":" || t.low == "/") && p.touches(i+1) {
		if n := p.tok(i + 1); n != nil && n.kind == tNum {
			return true
		}
	}
	return false
}

// core reads the date itself at token i, trying every form and keeping the
// longest.
func (p *parser) core(i int, c cue) (hit, bool) {
	best, found := hit{}, false
	try := func(h hit, ok bool) {
		if ok && (!found || h.end > best.end) {
			best, found = h, true
		}
	}
	try(p.iso(i))
	try(p.monthDate(i, c.ctx))
	try(p.weekdayDate(i))
	try(p.relWord(i))
	try(p.qualified(i))
	try(p.ago(i))
	try(p.year(i, c))
	try(p.season(i))
	if found && best.day {
		if p.isWord(best.end, "morning", "afternoon", "evening", "night", "overnight") {
			best.end++
		}
	}
	return best, found
}
