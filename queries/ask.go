package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// AskQuery is an English question and the dates it is read against.
type AskQuery struct {
	Question string
	// Today is the date of "now", and of state questions that name no
	// date. Queries never read the clock: the caller passes it.
	Today graph.Date
	// At, when set, replaces Today for questions that name no date (the
	// console's :at).
	At graph.Date
	// Names, when set, serves misspelling-tolerant name lookup without
	// reading every entity of the store.
	Names *Names
	// MaxHops bounds path questions; 0 means DefaultMaxHops.
	MaxHops int
	// TimelineOffset and TimelineLimit page an answer that is a timeline
	// ("what happened with X", the console's :timeline) as
	// TimelineQuery's Offset and Limit do; with neither set, the answer
	// is the latest DefaultTimelineLimit facts, as `geokg query timeline`
	// prints by default, and a note says how many there are.
	// TimelineAll answers with every fact.
	TimelineOffset, TimelineLimit int
	TimelineAll                   bool
}

// AskResult is the answer to a question.
type AskResult struct {
	Question string
	// Interpretation says how the question was read, with the entities
	// and dates it resolved to ("holders of Secretary General of NATO at
	// 2024-06-01").
	Interpretation string
	Parsed         Parsed
	// Notes report corrections ("read \"Zelenskiy\" as Volodymyr Zelensky").
	Notes   []string
	Answers []AskAnswer
}

// AskAnswer is one answer: an entity (or, for timelines and paths, a
// description) with the dates that matter and the facts behind it.
type AskAnswer struct {
	Name       string
	Start, End graph.Date
	Date       graph.Date
	Ended      bool
	// Count is how many facts support the answer (interactions).
	Count      int
	Confidence float64
	Facts      []Answer
}

// Ask reads an English question (see ParseQuestion for the forms) and
// answers it from the store. A question it cannot read returns a
// *ParseError with the closest forms; a name it cannot read returns an
// error wrapping ErrUnknownEntity or ErrAmbiguous.
func (e *Engine) Ask(ctx context.Context, q AskQuery) (AskResult, error) {
	res := AskResult{Question: q.Question}
	p, err := ParseQuestion(q.Question, q.Today)
	if err != nil {
		return res, err
	}
	res.Parsed = p
	a := &asker{e: e, q: q, p: p, res: &res}
	if f, ok := FormInfo(p.Form); ok {
		err = f.answer(a, ctx)
	} else {
		err = fmt.Errorf("form %q: %w", p.Form, ErrNotUnderstood)
	}
	return res, err
}

// asker answers one parsed question.
type asker struct {
	e   *Engine
	q   AskQuery
	p   Parsed
	res *AskResult
}

// resolve reads a name and notes a misspelling correction.
func (a *asker) resolve(ctx context.Context, name string, types ...graph.EntityType) (Resolved, error) {
	r, err := a.e.ResolveName(ctx, a.q.Names, name, types...)
	if err == nil && r.Corrected {
		a.res.Notes = append(a.res.Notes, fmt.Sprintf("read %q as %s", name, r.Label()))
	}
	return r, err
}

// stateTime is the time of a state question: as written, else the
// console's date, else today.
func (a *asker) stateTime() TimeSpec {
	t := a.p.Time
	if t.At.IsZero() && t.From.IsZero() && t.To.IsZero() {
		t.At = a.q.Today
		if !a.q.At.IsZero() && !t.Now {
			t.At = a.q.At
		}
	}
	return t
}

// interpret sets the interpretation from parts, dropping empty ones.
func (a *asker) interpret(parts ...string) {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	a.res.Interpretation = strings.Join(keep, " ")
}

// factsQuery turns a time into the time fields of a FactsQuery.
func factsQuery(t TimeSpec, q FactsQuery) FactsQuery {
	q.At, q.From, q.To = t.At, t.From, t.To
	return q
}

// inTimeSpec reports whether f falls in the time t (no time: always; see
// graph.Window).
func inTimeSpec(f graph.Fact, t TimeSpec) bool {
	return graph.Window{At: t.At, From: t.From, To: t.To}.Holds(f)
}

// otherSide returns the side of an answer that is not one of ids.
func otherSide(an Answer, ids map[string]bool) graph.Entity {
	if ids[an.Subject.ID] && !ids[an.Object.ID] {
		return an.Object
	}
	if ids[an.Object.ID] && !ids[an.Subject.ID] {
		return an.Subject
	}
	return an.Object
}

// groupAnswers gathers answers by key, keeping first-seen order, and fills each
// group's dates, count and confidence from its facts.
func groupAnswers(answers []Answer, key func(Answer) (id, name string)) []AskAnswer {
	idx := map[string]int{}
	open := map[int]bool{}
	var out []AskAnswer
	for _, an := range answers {
		id, name := key(an)
		i, ok := idx[id]
		if !ok {
			i = len(out)
			idx[id] = i
			out = append(out, AskAnswer{Name: name})
		}
		g := &out[i]
		g.Facts = append(g.Facts, an)
		g.Count++
		f := an.Fact
		if an.Fact.Confidence > g.Confidence {
			g.Confidence = an.Fact.Confidence
		}
		if graph.IsEvent(f.Predicate) {
			if g.Date.IsZero() || f.Date.Before(g.Date) {
				g.Date = f.Date
			}
			continue
		}
		if !f.Start.IsZero() && (g.Start.IsZero() || f.Start.Before(g.Start) ||
			f.Start.Time().Equal(g.Start.Time()) && f.Start.MorePrecise(g.Start)) {
			g.Start = f.Start
		}
		if f.End.IsZero() && !an.Fact.Ended {
			open[i] = true
		} else if !f.End.IsZero() && (g.End.IsZero() || g.End.Before(f.End)) {
			g.End = f.End
		}
	}
	for i := range out {
		if graph.IsEvent(out[i].Facts[0].Fact.Predicate) {
			continue
		}
		if open[i] {
			out[i].End = graph.Date{}
		}
		out[i].Ended = !open[i]
	}
	return out
}

// sortByStart orders state answers by start date, unknown starts first.
func sortByStart(as []AskAnswer) {
	sort.SliceStable(as, func(i, j int) bool { return as[i].Start.Time().Before(as[j].Start.Time()) })
}

// roleMatches reports whether a fact's role fits the asked role: either
// is empty, or one folded form contains the other ("prime minister" fits
// "Prime Minister of Japan").
func roleMatches(asked, role string) bool {
	if asked == "" {
		return true
	}
	a, r := store.AliasKey(asked), store.AliasKey(role)
	if r == "" {
		return false
	}
	return strings.Contains(r, a) || strings.Contains(a, r)
}

// titleCase capitalises the words of a role as written by the asker
// ("secretary general" → "Secretary General"), leaving small words.
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on":
			if i > 0 {
				ws[i] = strings.ToLower(w)
				continue
			}
		}
		if w == strings.ToLower(w) {
			ws[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(ws, " ")
}
