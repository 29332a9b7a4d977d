package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// orgTypes are the entity types that have leaders and members.
var orgTypes = []graph.EntityType{graph.Country, graph.Organization}

// isOrg reports whether r names a country or an organization.
func isOrg(r Resolved) bool {
	for _, en := range r.Entities {
		if en.Type == graph.Country || en.Type == graph.Organization {
			return true
		}
	}
	return false
}

// factsFor runs a FactsQuery once per entity id in the object (or
// subject) slot and merges the answers in time order.
func (a *asker) factsFor(ctx context.Context, ids []string, object bool, q FactsQuery) ([]Answer, error) {
	seen := map[string]bool{}
	var out []Answer
	for _, id := range ids {
		if object {
			q.Object = id
		} else {
			q.Subject = id
		}
		as, err := a.e.Facts(ctx, q)
		if err != nil {
			return nil, err
		}
		for _, an := range as {
			if !seen[an.Fact.ID] {
				seen[an.Fact.ID] = true
				out = append(out, an)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return sortTime(out[i].Fact).Before(sortTime(out[j].Fact)) })
	return out, nil
}

// terms returns the answers to Engine.holders for the entities ids in
// time t that have predicate pred, ordered by time, then by their entity's
// place in ids, then by fact id.
func (a *asker) terms(ctx context.Context, ids []string, pred string, t TimeSpec) ([]Answer, error) {
	hs, err := a.e.holders(ctx, ids, HoldersQuery{At: t.At, From: t.From, To: t.To})
	if err != nil {
		return nil, err
	}
	var out []Answer
	for _, h := range hs {
		for _, an := range h.Facts {
			if an.Fact.Predicate == pred {
				out = append(out, an)
			}
		}
	}
	place := make(map[string]int, len(ids))
	for i, id := range ids {
		place[id] = i
	}
	sort.Slice(out, func(i, j int) bool {
		fi, fj := out[i].Fact, out[j].Fact
		if ti, tj := sortTime(fi), sortTime(fj); !ti.Equal(tj) {
			return ti.Before(tj)
		}
		if place[fi.Object] != place[fj.Object] {
			return place[fi.Object] < place[fj.Object]
		}
		return fi.ID < fj.ID
	})
	return out, nil
}

// dropFollowed drops the leaders followed in their role by someone who
// started by the day t is about (its date, or the first day of its
// period); see dropSuperseded.
func (a *asker) dropFollowed(ctx context.Context, as []Answer, t TimeSpec) ([]Answer, error) {
	d := t.At
	if d.IsZero() {
		d = t.From
	}
	if d.IsZero() {
		return as, nil
	}
	facts := make([]graph.Fact, 0, len(as))
	byID := make(map[string]Answer, len(as))
	for _, an := range as {
		facts = append(facts, an.Fact)
		byID[an.Fact.ID] = an
	}
	keep, err := dropSuperseded(ctx, a.e.store, facts, d, a.e.opts.Evidence)
	if err != nil {
		return nil, err
	}
	out := make([]Answer, 0, len(keep))
	for _, f := range keep {
		out = append(out, byID[f.ID])
	}
	return out, nil
}

// dropSuperseded removes the leadership facts whose holder another
// holder of their single-holder group had replaced by day d
// (graph.Supersedes). The store infers such ends (graph.InferEnds), so it
// matters only where a fact's end was not inferred over its whole group.
// With evidence the rivals are read with their evidence only
// (store.FactFilter.Evidence), which keeps every date the rule reads.
func dropSuperseded(ctx context.Context, s Store, facts []graph.Fact, d graph.Date, evidence bool) ([]graph.Fact, error) {
	rivals := map[string][]graph.Fact{} // leads facts by object
	for _, f := range facts {
		if _, ok := rivals[f.Object]; ok || f.Predicate != graph.Leads {
			continue
		}
		var rs []graph.Fact
		if err := s.Facts(ctx, store.FactFilter{Objects: []string{f.Object}, Predicate: graph.Leads, Evidence: evidence}, func(g graph.Fact) error {
			rs = append(rs, g)
			return nil
		}); err != nil {
			return nil, err
		}
		rivals[f.Object] = rs
	}
	var out []graph.Fact
next:
	for _, f := range facts {
		if f.Predicate == graph.Leads {
			for i := range rivals[f.Object] {
				if graph.Supersedes(&rivals[f.Object][i], &f, d) {
					continue next
				}
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// holders answers "who led ORG" and "who was the ROLE of ORG".
func (a *asker) holders(ctx context.Context) error {
	if a.p.Role != "" {
		// "the foreign minister of the UK": that country's office only.
		pos, ok, err := a.countryOffice(ctx, a.p.Role, a.p.Object)
		if err != nil {
			return err
		}
		if ok {
			a.p.Object, a.p.Role = pos.Name, ""
			return a.officeHolders(ctx, pos)
		}
	}
	if c := offices().country(a.p.Object); c != "" {
		a.p.Object = c // "Britain", "the UK": the country's stored name
	}
	org, err := a.resolve(ctx, a.p.Object, orgTypes...)
	if (err != nil || !isOrg(org)) && a.p.Role != "" {
		// "who was the finance minister of Norway": an office, not a leader.
		pos := a.p.Role + " of " + a.p.Object
		if r, perr := a.e.ResolveName(ctx, a.q.Names, pos, graph.Position); perr == nil && r.Entities[0].Type == graph.Position {
			a.p.Object, a.p.Role = pos, ""
			return a.positionHolders(ctx)
		}
	}
	if err != nil {
		return err
	}
	t, ref := a.stateTime(), a.formerRef()
	if !ref.IsZero() {
		t = TimeSpec{To: ref}
	}
	all, err := a.terms(ctx, org.IDs(), graph.Leads, t)
	if err != nil {
		return err
	}
	var matched []Answer
	for _, an := range all {
		if roleMatches(a.p.Role, an.Fact.Role) {
			matched = append(matched, an)
		}
	}
	if a.p.Role != "" {
		// The office may also be stored as a position ("Finance Minister of Norway").
		for _, pos := range []string{a.p.Role + " of " + a.p.Object, a.p.Object + " " + a.p.Role} {
			r, perr := a.e.ResolveName(ctx, a.q.Names, pos, graph.Position)
			if perr != nil || r.Corrected || r.Entities[0].Type != graph.Position {
				continue
			}
			as, err := a.terms(ctx, r.IDs(), graph.HoldsPosition, t)
			if err != nil {
				return err
			}
			matched = append(matched, as...)
			break
		}
	}
	what := "leaders of " + org.Label()
	if a.p.Role != "" {
		what = "holders of " + titleCase(a.p.Role) + " of " + org.Label()
	}
	if !ref.IsZero() {
		a.former(what, matched, ref)
		return nil
	}
	if matched, err = a.dropFollowed(ctx, matched, t); err != nil {
		return err
	}
	a.interpret(what, t.String())
	a.res.Answers = groupAnswers(matched, func(an Answer) (string, string) { return an.Subject.ID, an.Subject.Name })
	sortByStart(a.res.Answers)
	return nil
}

// formerRef returns the day a past-tense question with no date ("who was
// the prime minister of the Netherlands?") is asked on — the console's
// date, else today — or the zero date for other questions. Such a
// question asks for the former holders: see former.
func (a *asker) formerRef() graph.Date {
	if !a.p.Past || !a.p.Time.IsZero() {
		return graph.Date{}
	}
	if !a.q.At.IsZero() {
		return a.q.At
	}
	return a.q.Today
}

// former answers a past-tense question with no date with the holders whose
// terms were in force before ref and are not in force on ref (graph.Window
// decides both), the most recent former holder first: by the end of their
// last term (its EndBound), terms with no known end last.
func (a *asker) former(what string, terms []Answer, ref graph.Date) {
	var keep []Answer
	for _, an := range terms {
		if !(graph.Window{At: ref}).Holds(an.Fact) {
			keep = append(keep, an)
		}
	}
	a.interpret("former "+what, "before "+ref.String(), "(most recent first)")
	a.res.Answers = groupAnswers(keep, func(an Answer) (string, string) { return an.Subject.ID, an.Subject.Name })
	last := func(g AskAnswer) time.Time {
		var t time.Time
		for _, an := range g.Facts {
			if e := an.Fact.EndBound(); !e.IsZero() && e.Time().After(t) {
				t = e.Time()
			}
		}
		return t
	}
	sort.SliceStable(a.res.Answers, func(i, j int) bool { return last(a.res.Answers[i]).After(last(a.res.Answers[j])) })
}

// positionHolders answers "who held POSITION".
func (a *asker) positionHolders(ctx context.Context) error {
	// "the UK foreign minister": an office of a country, read as "the
	// foreign minister of the United Kingdom" (not as the bare office its
	// last words name).
	if role, country, ok := offices().split(a.p.Object); ok {
		a.p.Form, a.p.Object, a.p.Role = FormHolders, country, role
		return a.holders(ctx)
	}
	pos, err := a.e.ResolveName(ctx, a.q.Names, a.p.Object, graph.Position)
	if err != nil || pos.Entities[0].Type != graph.Position {
		// "who was NATO secretary general": an organization and a role.
		words := strings.Fields(a.p.Object)
		for i := 1; i < len(words) && i <= 4; i++ {
			org, oerr := a.e.ResolveName(ctx, a.q.Names, strings.Join(words[:i], " "), orgTypes...)
			if oerr == nil && isOrg(org) && !org.Corrected {
				a.p.Form, a.p.Object, a.p.Role = FormHolders, strings.Join(words[:i], " "), strings.Join(words[i:], " ")
				return a.holders(ctx)
			}
		}
		if err != nil {
			return err
		}
	}
	if pos.Corrected {
		a.res.Notes = append(a.res.Notes, fmt.Sprintf("read %q as %s", a.p.Object, pos.Label()))
	}
	return a.officeHolders(ctx, pos)
}

// officeHolders answers "who held POSITION" for the position pos (no
// entities: an office the store does not hold, so no answer).
func (a *asker) officeHolders(ctx context.Context, pos Resolved) error {
	t, ref := a.stateTime(), a.formerRef()
	if !ref.IsZero() {
		t = TimeSpec{To: ref}
	}
	// Offices have no rival leaders to drop (see dropFollowed).
	var all []Answer
	if len(pos.Entities) > 0 { // no ids would read every office
		var err error
		if all, err = a.terms(ctx, pos.IDs(), graph.HoldsPosition, t); err != nil {
			return err
		}
	}
	label := pos.Label()
	if label == "" {
		label = pos.Name
	}
	if !ref.IsZero() {
		a.former("holders of "+label, all, ref)
		return nil
	}
	a.interpret("holders of "+label, t.String())
	a.res.Answers = groupAnswers(all, func(an Answer) (string, string) { return an.Subject.ID, an.Subject.Name })
	sortByStart(a.res.Answers)
	return nil
}

// roleLabel names the office of a leads or holds_position answer.
func roleLabel(an Answer) string {
	if an.Fact.Predicate == graph.HoldsPosition {
		return an.Object.Name
	}
	if an.Fact.Role == "" {
		return "leader of " + an.Object.Name
	}
	return an.Fact.Role + " of " + an.Object.Name
}

// offices returns the leads and holds_position facts of a person.
func (a *asker) offices(ctx context.Context, person Resolved) ([]Answer, error) {
	var out []Answer
	for _, p := range []string{graph.HoldsPosition, graph.Leads} {
		as, err := a.factsFor(ctx, person.IDs(), false, FactsQuery{Predicate: p})
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	sort.SliceStable(out, func(i, j int) bool { return sortTime(out[i].Fact).Before(sortTime(out[j].Fact)) })
	return out, nil
}

// positions answers "what positions has PERSON held".
func (a *asker) positions(ctx context.Context) error {
	person, err := a.resolve(ctx, a.p.Subject, graph.Person)
	if err != nil {
		return err
	}
	all, err := a.offices(ctx, person)
	if err != nil {
		return err
	}
	var keep []Answer
	for _, an := range all {
		if inTimeSpec(an.Fact, a.p.Time) {
			keep = append(keep, an)
		}
	}
	a.interpret("positions held by "+person.Label(), a.p.Time.String())
	a.res.Answers = groupAnswers(keep, func(an Answer) (string, string) {
		l := roleLabel(an)
		return store.AliasKey(l), l
	})
	sortByStart(a.res.Answers)
	return nil
}

// possRE reads "Norway's finance minister".
var possRE = compileOnUse(`^(.+?)(?:'s|’s|')\s+(.+)$`)

// officeMatches reports whether the asked role or position names the
// office of an answer (a leads, holds_position or nominated_as fact): the
// role alone, the role of the organization, the organization's role, or
// the position's name.
func officeMatches(asked string, an Answer) bool {
	if m := possRE().FindStringSubmatch(asked); m != nil {
		asked = m[2] + " of " + m[1]
	}
	k := store.AliasKey(asked)
	if k == "" {
		return true
	}
	var cands []string
	if an.Fact.Predicate != graph.Leads { // an office: holds_position, nominated_as
		cands = append(cands, an.Object.Name)
		cands = append(cands, an.Object.Aliases...)
	} else {
		orgs := append([]string{an.Object.Name}, an.Object.Aliases...)
		for _, o := range orgs {
			cands = append(cands, "leader of "+o, "head of "+o, "chief of "+o)
			if an.Fact.Role != "" {
				cands = append(cands, an.Fact.Role+" of "+o, o+" "+an.Fact.Role)
			}
		}
		if an.Fact.Role != "" {
			cands = append(cands, an.Fact.Role)
		}
	}
	aw := contentWords(asked)
	for _, c := range cands {
		ck := store.AliasKey(c)
		if ck != "" && (ck == k || strings.Contains(ck, k) && len(k) >= 4) {
			return true
		}
		// Word order and the country aside: "Norway's finance minister"
		// names the position "Minister of Finance".
		if cw := contentWords(c); len(cw) > 0 && subset(cw, aw) {
			return true
		}
	}
	return false
}

// contentWords returns the folded words of s without "of", "the", "and".
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		k := store.AliasKey(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s"))
		switch k {
		case "", "of", "the", "and", "for":
			continue
		}
		out[k] = true
	}
	return out
}

// subset reports whether every word of a is in b.
func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// tenure answers "when did PERSON become / stop being ROLE".
func (a *asker) tenure(ctx context.Context) error {
	person, err := a.resolve(ctx, a.p.Subject, graph.Person)
	if err != nil {
		return err
	}
	all, err := a.offices(ctx, person)
	if err != nil {
		return err
	}
	var keep []Answer
	for _, an := range all {
		if officeMatches(a.p.Role, an) {
			keep = append(keep, an)
		}
	}
	what := "start of "
	if a.p.Form == FormStopped {
		what = "end of "
	}
	a.interpret(what+person.Label()+" as "+titleCase(a.p.Role), a.p.Time.String())
	a.res.Answers = groupAnswers(keep, func(an Answer) (string, string) {
		l := roleLabel(an)
		return store.AliasKey(l), l
	})
	for i := range a.res.Answers {
		g := &a.res.Answers[i]
		if a.p.Form == FormBecame {
			g.Date = g.Start
		} else {
			g.Date = g.End
		}
	}
	sortByStart(a.res.Answers)
	return nil
}

// members answers "which countries were members of ORG".
func (a *asker) members(ctx context.Context) error {
	if err := a.orgStates(ctx, a.p.Object, graph.MemberOf, true, "members of "); err != nil {
		return err
	}
	sort.SliceStable(a.res.Answers, func(i, j int) bool { return a.res.Answers[i].Name < a.res.Answers[j].Name })
	return nil
}

// target answers "what is ORG's target".
func (a *asker) target(ctx context.Context) error {
	if err := a.orgStates(ctx, a.p.Subject, graph.HasTarget, false, "targets of "); err != nil {
		return err
	}
	sortByStart(a.res.Answers)
	return nil
}

// orgStates answers a question about the pred facts of the country or
// organization name at the question's state time, with the organization
// as object (members) or as subject (targets): one answer per entity on
// the other side, interpreted as what followed by the organization.
func (a *asker) orgStates(ctx context.Context, name, pred string, orgIsObject bool, what string) error {
	org, err := a.resolve(ctx, name, orgTypes...)
	if err != nil {
		return err
	}
	t := a.stateTime()
	all, err := a.factsFor(ctx, org.IDs(), orgIsObject, factsQuery(t, FactsQuery{Predicate: pred}))
	if err != nil {
		return err
	}
	a.interpret(what+org.Label(), t.String())
	a.res.Answers = groupAnswers(all, func(an Answer) (string, string) {
		if orgIsObject {
			return an.Subject.ID, an.Subject.Name
		}
		return an.Object.ID, an.Object.Name
	})
	return nil
}
