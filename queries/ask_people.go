package queries

import (
	"context"
	"regexp"
	"sort"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// The nominator or appointer of a term is not a slot of a fact: a
// nomination is stored as "NOMINEE nominated_as OFFICE" and an
// appointment as the start of a term. "Who did X nominate / appoint"
// reads it from the evidence: the answers are the nominations (terms)
// with a source sentence that names X — and, for terms, that also has a
// verb of appointment — X not being the nominee. The interpretation says
// so.

// appointVerbRE finds a verb of nomination or appointment in a sentence.
var appointVerbRE = compileOnUse(`(?i)\b(?:nominat|pick|tap|chose|choos|select|designat|appoint|named|names|install|swore|sworn|put\s+forward|confirm)`)

// namedIn reports whether the sentence names one of the entities, by
// name or alias, as whole words.
func namedIn(sentence string, ents []graph.Entity) bool {
	s := strings.ReplaceAll(sentence, "’", "'")
	for _, en := range ents {
		for _, n := range append([]string{en.Name}, en.Aliases...) {
			if len(n) < 2 {
				continue
			}
			re, err := regexp.Compile(`(?i)(?:^|[^\pL\pN])` + regexp.QuoteMeta(n) + `(?:$|[^\pL\pN])`)
			if err == nil && re.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// byWhom reports whether a fact's sources name one of ents (see above),
// with a verb of appointment when verb is set; the subject being one of
// ents never counts.
func byWhom(f graph.Fact, ents []graph.Entity, verb bool) bool {
	for _, en := range ents {
		if f.Subject == en.ID {
			return false
		}
	}
	for _, s := range f.Sources {
		if namedIn(s.Sentence, ents) && (!verb || appointVerbRE().MatchString(s.Sentence)) {
			return true
		}
	}
	return false
}

// nominator resolves the subject of "who did X nominate", if any.
func (a *asker) nominator(ctx context.Context) (Resolved, string, error) {
	if a.p.Subject == "" {
		return Resolved{}, "", nil
	}
	by, err := a.resolve(ctx, a.p.Subject)
	if err != nil {
		return by, "", err
	}
	return by, "whose sources name " + by.Label(), nil
}

// peopleAnswers groups nominations or terms by person (and office when
// the question named none) and orders them by date.
func (a *asker) peopleAnswers(as []Answer, date func(graph.Fact) graph.Date) []AskAnswer {
	out := groupAnswers(as, func(an Answer) (string, string) {
		if a.p.Role != "" {
			return an.Subject.ID, an.Subject.Name
		}
		office := an.Object.Name // a position: nominated_as, holds_position
		if an.Fact.Predicate == graph.Leads {
			office = roleLabel(an)
		}
		return an.Subject.ID + " " + an.Object.ID, an.Subject.Name + " as " + office
	})
	for i := range out {
		out[i].Date = graph.Date{}
		for _, an := range out[i].Facts {
			if d := date(an.Fact); !d.IsZero() && (out[i].Date.IsZero() || d.Before(out[i].Date)) {
				out[i].Date = d
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Time().Before(out[j].Date.Time()) })
	return out
}

// nominated answers "who was nominated [as OFFICE]" and "who did X
// nominate": the nominated_as events, of the office asked and in the
// time asked (all time when none).
func (a *asker) nominated(ctx context.Context) error {
	by, byText, err := a.nominator(ctx)
	if err != nil {
		return err
	}
	var facts []graph.Fact
	if err := a.e.store.Facts(ctx, store.FactFilter{Predicate: graph.NominatedAs}, func(f graph.Fact) error {
		if inTimeSpec(f, a.p.Time) && (byText == "" || byWhom(f, by.Entities, false)) {
			facts = append(facts, f)
		}
		return nil
	}); err != nil {
		return err
	}
	byTime(facts)
	all, err := a.e.answers(ctx, facts)
	if err != nil {
		return err
	}
	var keep []Answer
	for _, an := range all {
		if officeMatches(a.p.Role, an) {
			keep = append(keep, an)
		}
	}
	what := "nominations"
	if a.p.Role != "" {
		what += " to " + titleCase(a.p.Role)
	}
	a.interpret(what, byText, a.p.Time.String())
	a.res.Answers = a.peopleAnswers(keep, func(f graph.Fact) graph.Date { return f.Date })
	return nil
}

// appointed answers "who was appointed OFFICE" and "who did X appoint
// [as OFFICE]": the terms of the office (leads or holds_position, read as
// holders questions read offices), dated by their start, in the time
// asked (a term starting in it; all time when none).
func (a *asker) appointed(ctx context.Context) error {
	by, byText, err := a.nominator(ctx)
	if err != nil {
		return err
	}
	var terms []Answer
	if a.p.Role != "" {
		sub := &asker{e: a.e, q: a.q, p: Parsed{Form: FormPositionHolders, Object: a.p.Role}, res: &AskResult{}}
		sub.q.At = graph.Date{}
		sub.p.Time = TimeSpec{From: graph.YearOf(1), To: graph.YearOf(9999)}
		if err := sub.positionHolders(ctx); err != nil {
			return err
		}
		a.res.Notes = append(a.res.Notes, sub.res.Notes...)
		for _, g := range sub.res.Answers {
			terms = append(terms, g.Facts...)
		}
	} else {
		for _, p := range []string{graph.HoldsPosition, graph.Leads} {
			var facts []graph.Fact
			if err := a.e.store.Facts(ctx, store.FactFilter{Predicate: p}, func(f graph.Fact) error {
				if byWhom(f, by.Entities, true) {
					facts = append(facts, f)
				}
				return nil
			}); err != nil {
				return err
			}
			as, err := a.e.answers(ctx, facts)
			if err != nil {
				return err
			}
			terms = append(terms, as...)
		}
	}
	var keep []Answer
	for _, an := range terms {
		// An appointment is an event on the term's first day.
		start := graph.Fact{Predicate: graph.NominatedAs, Date: an.Fact.Start}
		if (a.p.Time.IsZero() || inTimeSpec(start, a.p.Time)) && (byText == "" || byWhom(an.Fact, by.Entities, true)) {
			keep = append(keep, an)
		}
	}
	what := "appointments (starts of terms)"
	if a.p.Role != "" {
		what += " to " + titleCase(a.p.Role)
	}
	a.interpret(what, byText, a.p.Time.String())
	a.res.Answers = a.peopleAnswers(keep, func(f graph.Fact) graph.Date { return f.Start })
	return nil
}
