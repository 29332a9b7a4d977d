package queries

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// ErrNotUnderstood is wrapped by the ParseError of a question Ask cannot read.
var ErrNotUnderstood = errors.New("question not understood")

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

// Form is the kind of a question.
type Form string

// The question forms Ask reads.
const (
	// FormHolders: who leads / led / was the ROLE of ORG-or-COUNTRY.
	FormHolders Form = "holders"
	// FormPositionHolders: who held / was POSITION.
	FormPositionHolders Form = "position_holders"
	// FormPositions: what positions has PERSON held.
	FormPositions Form = "positions"
	// FormBecame: when did PERSON become ROLE-or-POSITION.
	FormBecame Form = "became"
	// FormStopped: when did PERSON stop being ROLE-or-POSITION.
	FormStopped Form = "stopped"
	// FormInteractions: who did X meet / sanction / …; who met X.
	FormInteractions Form = "interactions"
	// FormMembers: which countries were members of ORG.
	FormMembers Form = "members"
	// FormTarget: what is ORG's target.
	FormTarget Form = "target"
	// FormTimeline: what happened with X.
	FormTimeline Form = "timeline"
	// FormPath: what links X and Y / how is X connected to Y.
	FormPath Form = "path"
)

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
	// Time is the time the question names.
	Time TimeSpec
}

// formRule reads one question form.
type formRule struct {
	re    *regexp.Regexp
	build func(m []string) Parsed
}

func rx(s string) *regexp.Regexp { return regexp.MustCompile(`(?i)^` + s + `$`) }

// verbs maps the verbs of interaction questions (active and passive) to
// predicates.
var verbs = []struct{ active, passive, pred string }{
	{`meet(?:\s+with)?`, `met(?:\s+with)?`, graph.Met},
	{`(?:speak|talk)\s+(?:with|to)`, `(?:spoke|talked)\s+(?:with|to)`, graph.SpokeWith},
	{`sanction`, `sanctioned`, graph.Sanctioned},
	{`threaten`, `threatened`, graph.Threatened},
	{`critici[sz]e`, `critici[sz]ed`, graph.Criticized},
	{`accuse`, `accused`, graph.Accused},
	{`visit`, `visited`, graph.Visited},
	{`sign\s+(?:an?\s+)?(?:agreements?|deals?|treaty|treaties)\s+with`, `signed\s+(?:an?\s+)?(?:agreements?|deals?|treaty|treaties)\s+with`, graph.SignedAgreement},
	{`nominate`, `nominated`, graph.NominatedAs},
	{`succeed`, `succeeded`, graph.Succeeded},
}

// rules are tried in order; the first match wins.
var rules = buildRules()

func buildRules() []formRule {
	const the = `(?:the\s+)?`
	const poss = `(?:'s|’s|')`
	var rs []formRule
	add := func(re string, build func(m []string) Parsed) {
		rs = append(rs, formRule{rx(re), build})
	}
	// when did PERSON become / stop being ROLE
	add(`when\s+did\s+(.+?)\s+(become|take\s+office\s+as|start\s+as|begin\s+as|get\s+(?:appointed|elected|named)\s+(?:as\s+)?)\s+`+the+`(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormBecame, Subject: m[1], Role: m[3]} })
	add(`when\s+(?:was|were)\s+(.+?)\s+(?:appointed|named|elected|sworn\s+in|made)(?:\s+as)?\s+`+the+`(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormBecame, Subject: m[1], Role: m[2]} })
	add(`when\s+did\s+(.+?)\s+(?:stop\s+being|cease\s+to\s+be|leave\s+office\s+as|step\s+down\s+as|resign\s+as|leave(?:\s+the\s+post\s+of)?|quit\s+as)\s+`+the+`(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormStopped, Subject: m[1], Role: m[2]} })
	// what positions has PERSON held
	add(`(?:what|which)\s+(?:positions|posts|offices|roles|jobs|titles)\s+(?:has|have|had|did|does|do)\s+(.+?)\s+(?:held|hold|had|have|occupied|occupy)`,
		func(m []string) Parsed { return Parsed{Form: FormPositions, Subject: m[1]} })
	// who did X meet [most]; whom did X sanction
	for _, v := range verbs {
		pred := v.pred
		add(`(?:who|whom)\s+(?:did|has|have|does|do)\s+(.+?)\s+`+v.active+`(\s+(?:the\s+)?most(?:\s+often)?)?`,
			func(m []string) Parsed {
				return Parsed{Form: FormInteractions, Subject: m[1], Predicate: pred, Most: m[2] != ""}
			})
		add(`(?:who|which\s+\w+)\s+`+v.passive+`\s+(.+?)(\s+(?:the\s+)?most(?:\s+often)?)?`,
			func(m []string) Parsed {
				return Parsed{Form: FormInteractions, Subject: m[1], Predicate: pred, Passive: true, Most: m[2] != ""}
			})
	}
	add(`(?:which|what)\s+(?:countries|places|cities)\s+(?:did|has|have)\s+(.+?)\s+visit(?:ed)?`,
		func(m []string) Parsed {
			return Parsed{Form: FormInteractions, Subject: m[1], Predicate: graph.Visited}
		})
	// which countries were members of ORG
	members := func(m []string) Parsed { return Parsed{Form: FormMembers, Object: m[1]} }
	add(`(?:which|what)\s+(?:countries|states|nations|members|countries\s+and\s+territories)\s+(?:were|are|was|is)\s+(?:members?\s+of|in|part\s+of|belonging\s+to)\s+`+the+`(.+)`, members)
	add(`(?:which|what)\s+(?:countries|states|nations)\s+(?:belong(?:ed|s)?\s+to|(?:have\s+)?joined)\s+`+the+`(.+)`, members)
	add(`(?:who|what)\s+(?:are|were|was|is)\s+(?:the\s+)?members\s+of\s+`+the+`(.+)`, members)
	add(`(?:who|what)\s+(?:are|were)\s+`+the+`(.+?)`+poss+`\s+members`, members)
	// what is ORG's TARGET
	target := func(m []string) Parsed { return Parsed{Form: FormTarget, Subject: m[1]} }
	add(`what\s+(?:is|was|are|were)\s+`+the+`(.+?)`+poss+`\s+(?:[\w-]+\s+)*?(?:target|goal|objective)s?`, target)
	add(`what\s+(?:is|was|are|were)\s+the\s+(?:[\w-]+\s+)*?(?:target|goal|objective)s?\s+of\s+`+the+`(.+)`, target)
	// what happened with X
	timeline := func(m []string) Parsed { return Parsed{Form: FormTimeline, Subject: m[1]} }
	add(`what\s+happened\s+(?:with|to|involving|regarding|around|about)\s+(.+)`, timeline)
	add(`(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:timeline|history)\s+(?:of|for)\s+(.+)`, timeline)
	add(`what\s+(?:has|did)\s+(.+?)\s+(?:do|done)`, timeline)
	// what links X and Y / how is X connected to Y
	path := func(m []string) Parsed { return Parsed{Form: FormPath, Subject: m[1], Object: m[2]} }
	add(`what\s+(?:links|connects|link|connect|ties)\s+(.+?)\s+(?:and|to|with)\s+(.+)`, path)
	add(`how\s+(?:is|are|was|were)\s+(.+?)\s+(?:connected|linked|related|tied)\s+(?:to|with)\s+(.+)`, path)
	add(`how\s+(?:is|are|was|were)\s+(.+?)\s+and\s+(.+?)\s+(?:connected|linked|related|tied)`, path)
	add(`what\s+is\s+the\s+(?:connection|link|relationship|path)\s+(?:between|from)\s+(.+?)\s+(?:and|to)\s+(.+)`, path)
	// who leads ORG; who was the ROLE of ORG; who was ORG's ROLE
	leads := func(m []string) Parsed { return Parsed{Form: FormHolders, Object: m[1]} }
	add(`(?:who|which\s+person)\s+(?:leads|led|is\s+leading|was\s+leading|heads|headed|runs|ran|governs|governed|rules|ruled|(?:is|was)\s+in\s+charge\s+of|(?:is|was)\s+at\s+the\s+helm\s+of)\s+`+the+`(.+)`, leads)
	add(`who\s+(?:is|was|were|are)\s+`+the+`(?:leader|head|chief)\s+of\s+`+the+`(.+)`, leads)
	add(`who\s+(?:is|was|were|are|served\s+as|serves\s+as)\s+`+the+`(.+?)\s+of\s+`+the+`(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormHolders, Role: m[1], Object: m[2]} })
	add(`who\s+(?:is|was|were|are)\s+`+the+`(.+?)`+poss+`\s+(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormHolders, Object: m[1], Role: m[2]} })
	// who held POSITION
	add(`who\s+(?:held|holds|has\s+held|had|was|is|were|served\s+as|serves\s+as|has\s+been)\s+`+the+`(?:(?:position|post|office|role|job)\s+of\s+)?`+the+`(.+)`,
		func(m []string) Parsed { return Parsed{Form: FormPositionHolders, Object: m[1]} })
	return rs
}

// ParseQuestion reads an English question into its form, names and time,
// resolving date phrases against today ("last month", "now"). It returns
// a *ParseError with the closest forms when the question matches none.
func ParseQuestion(question string, today graph.Date) (Parsed, error) {
	q := strings.Join(strings.Fields(question), " ")
	q = strings.TrimRight(q, "?.! ")
	body, ts := splitTime(q, today)
	for _, r := range rules {
		if m := r.re.FindStringSubmatch(body); m != nil {
			p := r.build(m)
			p.Time = ts
			p.Subject, p.Object, p.Role = cleanName(p.Subject), cleanName(p.Object), cleanName(p.Role)
			if p.Form == FormHolders && generic[strings.ToLower(p.Role)] {
				p.Role = ""
			}
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

var (
	nowRE   = regexp.MustCompile(`(?i)(?:^|\s)(?:right\s+now|now|today|currently|at\s+present|at\s+the\s+moment|presently)(?:\s|$)`)
	prepRE  = regexp.MustCompile(`(?i)(?:^|\s)(between|from|on|in|at|as\s+of|during|since|until|till|through|throughout)\s+`)
	isoRE   = regexp.MustCompile(`(?:^|\s)(\d{4}-\d{2}(?:-\d{2})?)$`)
	yearRE  = regexp.MustCompile(`\b\d{4}\b`)
	rangeRE = regexp.MustCompile(`(?i)^(.+?)\s+(?:and|to|until|till|through|-|–)\s+(.+)$`)
)

// splitTime removes the time phrase that ends the question (and words
// such as "now") and returns the rest with the time read.
func splitTime(q string, today graph.Date) (string, TimeSpec) {
	var ts TimeSpec
	if loc := nowRE.FindStringIndex(q); loc != nil {
		ts.Now, ts.At, ts.Written = true, today, strings.TrimSpace(q[loc[0]:loc[1]])
		q = strings.TrimSpace(q[:loc[0]] + " " + q[loc[1]:])
	}
	for _, m := range prepRE.FindAllStringSubmatchIndex(q, -1) {
		prep := strings.ToLower(strings.Join(strings.Fields(q[m[2]:m[3]]), " "))
		rest := q[m[1]:]
		t, ok := readTime(prep, rest, today)
		if !ok {
			continue
		}
		t.Written = strings.TrimSpace(q[m[0]:])
		return strings.TrimSpace(q[:m[0]]), t
	}
	if m := isoRE.FindStringSubmatchIndex(q); m != nil {
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
		m := rangeRE.FindStringSubmatch(rest)
		if m == nil {
			return t, false
		}
		to, ok := timex.Resolve(m[2], today)
		if !ok {
			return t, false
		}
		a := m[1]
		if !yearRE.MatchString(a) && !relative(a) {
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

// examples are one question of each form, offered when a question cannot
// be read.
var examples = []string{
	"who led NATO on 1 June 2024?",
	"who was the prime minister of Japan in March 2025?",
	"who held National Security Adviser in 2025?",
	"what positions has Jens Stoltenberg held?",
	"when did Mark Rutte become Secretary General?",
	"when did Jens Stoltenberg stop being Secretary General?",
	"who did Donald Trump meet between March and May 2025?",
	"whom did Donald Trump meet most?",
	"who did the European Union sanction in 2025?",
	"which countries were members of NATO on 2024-06-01?",
	"what is NATO's spending target?",
	"what happened with Finland in 2023?",
	"how is Michael Waltz connected to Mark Rutte?",
	"what links Narendra Modi and NATO?",
}

// suggest returns the n example questions sharing the most words with q.
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
