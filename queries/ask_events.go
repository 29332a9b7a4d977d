package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// verbPhrase writes a predicate as answers write it between its two sides
// (the predicate table's Phrase): "spoke with", "leads".
func verbPhrase(p string) string {
	if r, ok := graph.PredicateInfo(p); ok {
		return r.Phrase
	}
	return p
}

// interactions answers "who did X meet / sanction …" and "who met X".
func (a *asker) interactions(ctx context.Context) error {
	x, err := a.resolve(ctx, a.p.Subject)
	if err != nil {
		return err
	}
	ids := x.IDs()
	all, err := a.e.askedFacts(ctx, ids, a.p.Predicate, a.p.Passive)
	if err != nil {
		return err
	}
	var facts []graph.Fact
	for _, f := range all {
		if inTimeSpec(f, a.p.Time) {
			facts = append(facts, f)
		}
	}
	byTime(facts)
	answers, err := a.e.answers(ctx, facts)
	if err != nil {
		return err
	}
	self := idSet(ids)
	a.res.Answers = groupAnswers(answers, func(an Answer) (string, string) {
		o := otherSide(an, self)
		return o.ID, o.Name
	})
	what := "whom " + x.Label() + " " + verbPhrase(a.p.Predicate)
	if a.p.Passive && !graph.IsSymmetric(a.p.Predicate) {
		what = "who " + verbPhrase(a.p.Predicate) + " " + x.Label()
	}
	order := ""
	if a.p.Most {
		order = "(most often first)"
		sort.SliceStable(a.res.Answers, func(i, j int) bool { return a.res.Answers[i].Count > a.res.Answers[j].Count })
	}
	a.interpret(what, a.p.Time.String(), order)
	return nil
}

// describeFact writes a fact as a short sentence ("Mark Rutte leads NATO as
// Secretary General").
func describeFact(an Answer) string {
	s := an.Subject.Name + " " + verbPhrase(an.Fact.Predicate) + " " + an.Object.Name
	if an.Fact.Role != "" {
		s += " as " + an.Fact.Role
	}
	return s
}

// timeline answers "what happened with X".
func (a *asker) timeline(ctx context.Context) error {
	x, err := a.resolve(ctx, a.p.Subject)
	if err != nil {
		return err
	}
	t := a.p.Time
	if !t.At.IsZero() && !t.Now {
		t.From, t.To, t.At = t.At, t.At, graph.Date{}
	}
	tq := TimelineQuery{At: t.At, From: t.From, To: t.To, Offset: a.q.TimelineOffset, Limit: a.q.TimelineLimit}
	switch {
	case a.q.TimelineAll:
		tq.Limit = 0
	case tq.Offset == 0 && tq.Limit == 0:
		tq.Limit, tq.Latest = DefaultTimelineLimit, true
	}
	tl, err := a.e.timeline(ctx, x.IDs(), tq)
	if err != nil {
		return err
	}
	a.interpret("timeline of "+x.Label(), t.String())
	if n := len(tl.Answers); n > 0 && n < tl.Total {
		latest := ""
		if tl.First+n == tl.Total {
			latest = fmt.Sprintf(" (the latest %d)", n)
		}
		a.res.Notes = append(a.res.Notes, fmt.Sprintf("the timeline has %d facts; shown: %d to %d%s; :timeline %s --offset N --limit M shows facts N+1 to N+M, --limit 0 all (so does geokg query timeline)",
			tl.Total, tl.First+1, tl.First+n, latest, quoteName(x.Entities[0].Name)))
	}
	a.res.Answers = groupAnswers(tl.Answers, func(an Answer) (string, string) { return an.Fact.ID, describeFact(an) })
	return nil
}

// path answers "what links X and Y" / "how is X connected to Y".
func (a *asker) path(ctx context.Context) error {
	at := a.p.Time.At
	if at.IsZero() {
		at = a.q.At
	}
	pr, err := a.e.Path(ctx, PathQuery{From: a.p.Subject, To: a.p.Object, At: at, MaxHops: a.q.MaxHops, Names: a.q.Names})
	for _, r := range []Resolved{pr.From, pr.To} {
		if r.Corrected {
			a.res.Notes = append(a.res.Notes, fmt.Sprintf("read %q as %s", r.Name, r.Label()))
		}
	}
	if err != nil {
		return err
	}
	hops := a.q.MaxHops
	if hops <= 0 {
		hops = DefaultMaxHops
	}
	when := ""
	if !at.IsZero() {
		when = "using facts in force at " + at.String()
	}
	a.interpret(fmt.Sprintf("shortest paths from %s to %s (at most %d hops)", pr.From.Label(), pr.To.Label(), hops), when)
	for _, p := range pr.Paths {
		a.res.Answers = append(a.res.Answers, pathAnswer(p))
	}
	return nil
}

// pathAnswer turns a path into an answer named by its chain.
func pathAnswer(p Path) AskAnswer {
	var b strings.Builder
	ans := AskAnswer{Confidence: 1, Count: len(p.Steps)}
	for i, st := range p.Steps {
		if i == 0 {
			b.WriteString(st.From.Name)
		}
		label := verbPhrase(st.Fact.Predicate)
		if st.From.ID != st.Subject.ID {
			label = "←" + label
		}
		if d := briefWhen(st.Fact); d != "" {
			label += " " + d
		}
		fmt.Fprintf(&b, " –[%s]→ %s", label, st.To.Name)
		ans.Facts = append(ans.Facts, st.Answer)
		if st.Fact.Confidence < ans.Confidence {
			ans.Confidence = st.Fact.Confidence
		}
	}
	ans.Name = b.String()
	return ans
}

// briefWhen writes a fact's date or period briefly.
func briefWhen(f graph.Fact) string {
	if graph.IsEvent(f.Predicate) {
		return f.Date.String()
	}
	switch {
	case !f.Start.IsZero() && !f.End.IsZero():
		return f.Start.String() + "–" + f.End.String()
	case !f.Start.IsZero():
		return "from " + f.Start.String()
	case !f.End.IsZero():
		return "until " + f.End.String()
	}
	return ""
}

// askedFacts returns the facts that answer a question about predicate
// pred: eventFacts of pred and of the predicates the table asks with it
// (graph.Predicate.AskedWith).
func (e *Engine) askedFacts(ctx context.Context, ids []string, pred string, passive bool) ([]graph.Fact, error) {
	out, err := e.eventFacts(ctx, ids, pred, passive)
	if err != nil {
		return nil, err
	}
	p, _ := graph.PredicateInfo(pred)
	for _, other := range p.AskedWith {
		more, err := e.eventFacts(ctx, ids, other, passive)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	return out, nil
}

// eventFacts returns the facts with predicate pred that have one of ids
// as subject (as object when passive; either side for symmetric
// predicates). With a quad store it finds them through the direct triples
// and decodes only those, not every fact of a busy entity.
func (e *Engine) eventFacts(ctx context.Context, ids []string, pred string, passive bool) ([]graph.Fact, error) {
	sym := graph.IsSymmetric(pred)
	if _, ok := e.store.(quadStorer); !ok {
		ff := store.FactFilter{Subjects: ids, Predicate: pred, EitherSide: sym, Evidence: e.opts.Evidence}
		if passive && !sym {
			ff = store.FactFilter{Objects: ids, Predicate: pred, Evidence: e.opts.Evidence}
		}
		var out []graph.Fact
		err := e.store.Facts(ctx, ff, func(f graph.Fact) error { out = append(out, f); return nil })
		return out, err
	}
	seen := map[string]bool{}
	var out []graph.Fact
	for _, id := range ids {
		edges, err := e.adjacent(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, ed := range edges {
			if ed.pred != pred || seen[ed.fact] || !sym && ed.out == passive {
				continue
			}
			seen[ed.fact] = true
			f, err := e.fact(ctx, ed.fact, graph.Window{})
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// placeEvents returns, as answers in time order, the events of "where /
// when did X VERB [Y]": the facts with the question's predicate that have
// X on the asked side (either side for symmetric predicates), Y on the
// other when named, in the time asked. It returns the description of the
// events for the interpretation.
func (a *asker) placeEvents(ctx context.Context) ([]Answer, string, error) {
	x, err := a.resolve(ctx, a.p.Subject)
	if err != nil {
		return nil, "", err
	}
	var y Resolved
	if a.p.Object != "" {
		if y, err = a.resolve(ctx, a.p.Object); err != nil {
			return nil, "", err
		}
	}
	all, err := a.e.askedFacts(ctx, x.IDs(), a.p.Predicate, false)
	if err != nil {
		return nil, "", err
	}
	self, other := idSet(x.IDs()), idSet(y.IDs())
	var facts []graph.Fact
	for _, f := range all {
		if !inTimeSpec(f, a.p.Time) {
			continue
		}
		if len(other) > 0 && !(self[f.Subject] && other[f.Object] || self[f.Object] && other[f.Subject]) {
			continue
		}
		facts = append(facts, f)
	}
	byTime(facts)
	answers, err := a.e.answers(ctx, facts)
	what := x.Label() + " " + verbPhrase(a.p.Predicate)
	if a.p.Object != "" {
		what += " " + y.Label()
	}
	return answers, what, err
}

// place is where an event took place: its location, or the place visited.
func place(an Answer) string {
	if an.Fact.Location == "" && an.Fact.Predicate == graph.Visited {
		return an.Object.Name
	}
	return an.Fact.Location
}

// where answers "where did X meet Y": one answer per place, with the
// dates of the events there; events whose sources state no place are
// counted in a note.
func (a *asker) where(ctx context.Context) error {
	answers, what, err := a.placeEvents(ctx)
	if err != nil {
		return err
	}
	var placed []Answer
	var unplaced []string
	for _, an := range answers {
		if place(an) == "" {
			unplaced = append(unplaced, an.Fact.Date.String())
			continue
		}
		placed = append(placed, an)
	}
	a.interpret("places where "+what, a.p.Time.String())
	a.res.Answers = groupAnswers(placed, func(an Answer) (string, string) { return store.AliasKey(place(an)), place(an) })
	if len(unplaced) > 0 {
		a.res.Notes = append(a.res.Notes, fmt.Sprintf("%d more with no place stated (%s)", len(unplaced), strings.Join(unplaced, ", ")))
	}
	return nil
}

// when answers "when did X meet Y": one answer per event, in time order,
// named with its place when known.
func (a *asker) when(ctx context.Context) error {
	answers, what, err := a.placeEvents(ctx)
	if err != nil {
		return err
	}
	a.interpret("dates when "+what, a.p.Time.String())
	a.res.Answers = groupAnswers(answers, func(an Answer) (string, string) {
		s := describeFact(an)
		if p := place(an); p != "" && an.Fact.Predicate != graph.Visited {
			s += " in " + p
		}
		return an.Fact.ID, s
	})
	return nil
}

// quoteName returns name as a console command takes it: in double
// quotes when it has a space.
func quoteName(name string) string {
	if strings.ContainsAny(name, " \t") {
		return `"` + name + `"`
	}
	return name
}
