package queries

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// ErrNotUnderstood is wrapped by the ParseError of a question Ask cannot read.
var ErrNotUnderstood = errors.New("question not understood")

// ErrInvalidDate is returned, wrapped with the date as written, for a
// question that names a day no calendar has ("31 February 2024").
var ErrInvalidDate = errors.New("invalid date")

// ParseError says that a question matched none of the forms Ask reads,
// and suggests the closest ones.
type ParseError struct {
	Question string
	// Suggestions are example questions of the closest forms.
	Suggestions []string
}

// Error names the question and the suggested forms.
func (e *ParseError) Error() string {
	return fmt.Sprintf("cannot read %q as a question; closest forms: %s", e.Question, strings.Join(e.Suggestions, " | "))
}

// Unwrap returns ErrNotUnderstood.
func (e *ParseError) Unwrap() error { return ErrNotUnderstood }

// TimeSpec is the time a question is about, as written.
type TimeSpec struct {
	// At is a single day ("on 1 June 2024", "2024-06-01").
	At graph.Date
	// From and To bound a period ("in June 2024" sets both to 2024-06;
	// "between March and May 2025"; "since 2023" sets From only).
	From, To graph.Date
	// Now is true for "now", "today", "currently".
	Now bool
	// Written is the time phrase as written, "" when none.
	Written string
}

// IsZero reports whether the question named no time.
func (t TimeSpec) IsZero() bool {
	return t.At.IsZero() && t.From.IsZero() && t.To.IsZero() && !t.Now
}

// String describes the time for an interpretation.
func (t TimeSpec) String() string {
	switch {
	case !t.At.IsZero():
		return "at " + t.At.String()
	case !t.From.IsZero() && t.From == t.To:
		return "during " + t.From.String()
	case !t.From.IsZero() && !t.To.IsZero():
		return "between " + t.From.String() + " and " + t.To.String()
	case !t.From.IsZero():
		return "since " + t.From.String()
	case !t.To.IsZero():
		return "until " + t.To.String()
	}
	return ""
}

// Parsed is a question read into its form and slots. Names are as written.
type Parsed struct {
	Form Form
	// Subject is the person, organization or first entity asked about.
	Subject string
	// Object is the organization or country (holders, members, target),
	// the position (position holders) or the second entity (path).
	Object string
	// Role is the role or position asked about ("Secretary General").
	Role string
	// Predicate is the event predicate of an interaction question.
	Predicate string
	// Passive is true for "who met X": X is the fact's object.
	Passive bool
	// Most asks for the entities met most often first.
	Most bool
	// Past is true for a holders question in the simple past ("who was",
	// "who led"): with no date it asks for the former holders.
	Past bool
	// Time is the time the question names.
	Time TimeSpec
}

// ParseQuestion reads an English question into its form, names and time,
// resolving date phrases against today ("last month", "now"). It returns
// a *ParseError with the closest forms when the question matches none.
func ParseQuestion(question string, today graph.Date) (Parsed, error) {
	q := strings.Join(strings.Fields(question), " ")
	q = strings.TrimRight(q, "?.! ")
	body, ts := splitTime(q, today)
	if ts.IsZero() {
		if bad, why := impossibleDate(body); bad != "" {
			return Parsed{}, fmt.Errorf("%w %q in %q: %s", ErrInvalidDate, bad, question, why)
		}
	}
	for _, r := range rules() {
		if !mayMatch(body, r.lead) {
			continue
		}
		if m := r.re().FindStringSubmatch(body); m != nil {
			p := r.parse(m)
			p.Time = ts
			p.Subject, p.Object, p.Role = cleanName(p.Subject), cleanName(p.Object), cleanName(p.Role)
			if p.Form == FormHolders && generic[strings.ToLower(p.Role)] {
				p.Role = ""
			}
			p.Past = (p.Form == FormHolders || p.Form == FormPositionHolders) && pastRE().MatchString(body)
			return p, nil
		}
	}
	return Parsed{}, &ParseError{Question: question, Suggestions: suggest(q, 3)}
}

// generic are role words that mean any leader.
var generic = map[string]bool{"leader": true, "head": true, "chief": true, "boss": true}

// cleanName trims spaces, quotes and a leading "the" from a slot.
func cleanName(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"'“”‘’`)
	if l := strings.ToLower(s); strings.HasPrefix(l, "the ") {
		s = s[4:]
	}
	return strings.TrimSpace(s)
}

// pastRE reads a holders question asked in the simple past.
var pastRE = compileOnUse(`(?i)^(?:who|which\s+\w+)\s+(?:was|were|led|headed|ran|governed|ruled|held|had|served)\s`)

// Date shapes impossibleDate checks: "31 February 2024", "February 31,
// 2024", "2024-02-31".
var (
	dayMonthRE = compileOnUse(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthNames + `)\b(?:,?\s+(\d{4}))?`)
	monthDayRE = compileOnUse(`(?i)\b(` + monthNames + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`)
	isoDayRE   = compileOnUse(`\b(\d{4})-(\d{2})-(\d{2})\b`)
)

// monthNames are the month names and their abbreviations, for the
// patterns of impossibleDate.
const monthNames = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// impossibleDate finds, in a question whose time phrase could not be
// read, a date that names no real day, and says why; "" when none.
func impossibleDate(q string) (written, why string) {
	check := func(y, mo, d int) string {
		if mo < 1 || mo > 12 {
			return fmt.Sprintf("there is no month %d", mo)
		}
		days := 29 // February of an unknown year may have 29
		if y > 0 || mo != 2 {
			days = time.Date(max(y, 1), time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		}
		if d < 1 || d > days {
			if y > 0 {
				return fmt.Sprintf("%s %d has %d days", time.Month(mo), y, days)
			}
			return fmt.Sprintf("%s has at most %d days", time.Month(mo), days)
		}
		return ""
	}
	month := func(s string) int {
		l := strings.ToLower(s)
		for m := time.January; m <= time.December; m++ {
			if strings.HasPrefix(strings.ToLower(m.String()), l[:3]) {
				return int(m)
			}
		}
		return 0
	}
	atoi := func(s string) int {
		n, _ := strconv.Atoi(s)
		return n
	}
	for _, m := range isoDayRE().FindAllStringSubmatch(q, -1) {
		if why := check(atoi(m[1]), atoi(m[2]), atoi(m[3])); why != "" {
			return m[0], why
		}
	}
	for _, m := range dayMonthRE().FindAllStringSubmatch(q, -1) {
		if why := check(atoi(m[3]), month(m[2]), atoi(m[1])); why != "" {
			return m[0], why
		}
	}
	for _, m := range monthDayRE().FindAllStringSubmatch(q, -1) {
		if why := check(atoi(m[3]), month(m[1]), atoi(m[2])); why != "" {
			return m[0], why
		}
	}
	return "", ""
}

var (
	nowRE   = compileOnUse(`(?i)(?:^|\s)(?:right\s+now|now|today|currently|at\s+present|at\s+the\s+moment|presently)(?:\s|$)`)
	prepRE  = compileOnUse(`(?i)(?:^|\s)(between|from|on|in|at|as\s+of|during|since|until|till|through|throughout)\s+`)
	isoRE   = compileOnUse(`(?:^|\s)(\d{4}-\d{2}(?:-\d{2})?)$`)
	yearRE  = compileOnUse(`\b\d{4}\b`)
	rangeRE = compileOnUse(`(?i)^(.+?)\s+(?:and|to|until|till|through|-|–)\s+(.+)$`)
)

// splitTime removes the time phrase that ends the question (and words
// such as "now") and returns the rest with the time read.
func splitTime(q string, today graph.Date) (string, TimeSpec) {
	var ts TimeSpec
	if loc := nowRE().FindStringIndex(q); loc != nil {
		ts.Now, ts.At, ts.Written = true, today, strings.TrimSpace(q[loc[0]:loc[1]])
		q = strings.TrimSpace(q[:loc[0]] + " " + q[loc[1]:])
	}
	for _, m := range prepRE().FindAllStringSubmatchIndex(q, -1) {
		prep := strings.ToLower(strings.Join(strings.Fields(q[m[2]:m[3]]), " "))
		rest := q[m[1]:]
		t, ok := readTime(prep, rest, today)
		if !ok {
			continue
		}
		t.Written = strings.TrimSpace(q[m[0]:])
		return strings.TrimSpace(q[:m[0]]), t
	}
	if m := isoRE().FindStringSubmatchIndex(q); m != nil {
		if d, err := graph.ParseDate(q[m[2]:m[3]]); err == nil {
			t := TimeSpec{Written: q[m[2]:m[3]]}
			setPoint(&t, d)
			return strings.TrimSpace(q[:m[0]]), t
		}
	}
	// A relative phrase without a preposition: "last month", "two years ago".
	words := strings.Fields(q)
	for n := min(4, len(words)-1); n >= 1; n-- {
		phrase := strings.Join(words[len(words)-n:], " ")
		if !relative(phrase) {
			continue
		}
		if d, ok := timex.Resolve(phrase, today); ok {
			t := TimeSpec{Written: phrase}
			setPoint(&t, d)
			return strings.Join(words[:len(words)-n], " "), t
		}
	}
	return q, ts
}

// readTime reads the date phrase rest introduced by prep.
func readTime(prep, rest string, today graph.Date) (TimeSpec, bool) {
	var t TimeSpec
	switch prep {
	case "between", "from":
		m := rangeRE().FindStringSubmatch(rest)
		if m == nil {
			return t, false
		}
		to, ok := timex.Resolve(m[2], today)
		if !ok {
			return t, false
		}
		a := m[1]
		if !yearRE().MatchString(a) && !relative(a) {
			a += fmt.Sprintf(" %04d", to.Year)
		}
		from, ok := timex.Resolve(a, today)
		if !ok {
			return t, false
		}
		t.From, t.To = from, to
		return t, true
	}
	d, ok := timex.Resolve(rest, today)
	if !ok {
		return t, false
	}
	switch prep {
	case "since":
		t.From = d
	case "until", "till":
		t.To = d
	case "through", "throughout", "during":
		t.From, t.To = d, d
	default:
		setPoint(&t, d)
	}
	return t, true
}

// relative reports whether a phrase is relative to today ("last month").
func relative(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"last", "this", "next", "ago", "yesterday", "today"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// setPoint sets a day as At and a month or year as a period.
func setPoint(t *TimeSpec, d graph.Date) {
	if d.Precision == graph.DayPrecision {
		t.At = d
		return
	}
	t.From, t.To = d, d
}

// suggest returns the n example questions of the form table sharing the
// most words with q.
func suggest(q string, n int) []string {
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(q)) {
		words[strings.Trim(w, "?,.'")] = true
	}
	type scored struct {
		ex    string
		score float64
		i     int
	}
	var ss []scored
	var examples []string
	for _, f := range formTable() {
		examples = append(examples, f.Examples...)
	}
	for i, ex := range examples {
		exw := strings.Fields(strings.ToLower(ex))
		score := 0.0
		for j, w := range exw {
			if words[strings.Trim(w, "?,.'")] {
				score++
				if j == 0 {
					score += 0.5
				}
			}
		}
		ss = append(ss, scored{ex, score / float64(len(exw)+len(words)), i})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].score > ss[j].score })
	out := make([]string, 0, n)
	for _, s := range ss[:n] {
		out = append(out, s.ex)
	}
	return out
}

// compileOnUse returns a function that compiles pattern on its first call
// and returns the same expression after: the package's expressions are
// compiled by the first question that needs them, not when the program
// loads (every geokg process links queries; most ask nothing).
func compileOnUse(pattern string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(pattern) })
}
