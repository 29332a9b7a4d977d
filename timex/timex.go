package timex

import (
	"fmt"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
)

// Kind says how a time expression relates to what the sentence states.
type Kind int

// The kinds of time expression.
const (
	// Point is a day, month or year at which something happened
	// ("on Friday", "in October 2024", "on 4 February 2025").
	Point Kind = iota
	// Since marks the start of a state ("since 2014").
	Since
	// Until marks the end of a state ("until March 2025").
	Until
)

// String names the kind ("point", "since", "until").
func (k Kind) String() string {
	switch k {
	case Since:
		return "since"
	case Until:
		return "until"
	}
	return "point"
}

// Expr is one time expression found in a text.
type Expr struct {
	// Start and End are byte offsets of the expression in the text. The
	// span covers the preposition that introduces the date, when there is
	// one (see Prep), and its modifiers: "since early 2014", "on Friday
	// morning", "in the summer of 2014".
	Start, End int
	// Text is the expression as written.
	Text string
	// Value is the resolved date at its precision; zero when it could not
	// be resolved (a relative expression and no reference date).
	Value graph.Date
	// Kind says whether the date is a point, a start or an end.
	Kind Kind
	// Relative is true when the value depends on the reference date.
	Relative bool
	// OutOfRange is true when the expression resolved to a date outside
	// the years a graph.Date can hold ("next year" in an article dated
	// 9999): Value is then zero, the date dropped, and the caller warns.
	OutOfRange bool
	// Prep is the lower-case preposition at the start of Text ("in", "on",
	// "since", "until", "before", "after", "by", …), or "" when none.
	Prep string
}

// Find returns the time expressions in text, in order, resolving relative
// ones ("on Friday", "last month") against ref, usually the publication date.
// Matching is case-insensitive, on word boundaries, leftmost and longest;
// expressions do not overlap. See the package documentation for the forms
// read and the rules that resolve them.
func Find(text string, ref graph.Date) []Expr {
	buf := tokenBufs.Get().(*[]token)
	p := &parser{text: text, toks: tokenizeInto((*buf)[:0], text), ref: ref}
	out := p.all()
	clear(p.toks) // the tokens' words hold the text
	*buf = p.toks[:0]
	tokenBufs.Put(buf)
	return out
}

// tokenBufs holds token slices for Find: the expressions it returns keep
// none of them.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// all reads every expression of the parser's text.
func (p *parser) all() []Expr {
	var out []Expr
	for i := 0; i < len(p.toks); {
		if t := &p.toks[i]; t.kind == tPunct || t.kind == tWord && !starters[t.low] {
			i++
			continue
		}
		end, exprs := p.at(i)
		if end <= i {
			i++
			continue
		}
		for k := range exprs {
			if !exprs[k].Value.Valid() {
				exprs[k].Value, exprs[k].OutOfRange = graph.Date{}, true
			}
		}
		out = append(out, exprs...)
		p.lastEnd, i = end, end
	}
	return out
}

// ParseOption reads the date value v of the option or command name —
// a CLI flag such as --at, a console command such as :at — as analysts
// write it: ISO ("2024", "2024-06", "2024-06-01", RFC 3339), written
// ("1 October 2024", "June 2024") or relative to today ("last month"; see
// Resolve). An empty value is the unknown date. A value that is not one
// whole date, such as "31 February 2024", is an error naming the option and
// the value that wraps ErrNotDate.
func ParseOption(name, v string, today graph.Date) (graph.Date, error) {
	if strings.TrimSpace(v) == "" {
		return graph.Date{}, nil
	}
	if d, ok := Resolve(v, today); ok {
		return d, nil
	}
	return graph.Date{}, fmt.Errorf("%s %q: %w", name, v, ErrNotDate)
}

// Resolve reads a single date phrase, such as a command-line argument, and
// resolves it against ref: "2024", "2024-06", "2024-06-01", "1 June 2024",
// "June 2024", "since June 2024", "last month", "yesterday". It reports false
// when the phrase is not one whole date, or when it is relative and ref is
// not precise enough to resolve it, or when the date falls outside the
// years a graph.Date can hold.
func Resolve(phrase string, ref graph.Date) (graph.Date, bool) {
	phrase = strings.TrimSpace(phrase)
	p := &parser{text: phrase, toks: tokenize(phrase), ref: ref, phrase: true}
	n := len(p.toks)
	if n > 0 && p.isPunct(n-1, ".") {
		n--
	}
	if n > 0 {
		if end, exprs := p.at(0); end == n && len(exprs) == 1 && !exprs[0].Value.IsZero() && exprs[0].Value.Valid() {
			return exprs[0].Value, true
		}
	}
	if d, err := graph.ParseDate(phrase); err == nil && !d.IsZero() {
		return d, true
	}
	return graph.Date{}, false
}
