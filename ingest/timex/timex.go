package timex

import "github.com/geokg/geokg/graph"

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

// Expr is one time expression found in a text.
type Expr struct {
	// Start and End are byte offsets of the expression in the text.
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
}

// Find returns the time expressions in text, in order, resolving relative
// ones ("on Friday", "last month") against ref, usually the publication date.
// TODO(timex helper): implementation in progress.
func Find(text string, ref graph.Date) []Expr { return nil }
