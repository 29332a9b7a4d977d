package queries

import (
	"context"
	"sort"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// HoldersQuery asks who led or held something, and when. Org is a country,
// organization or office, resolved through aliases like the names of
// FactsQuery. Role, when set, keeps the terms in that role (compared with
// graph.AliasKey; for an office, its name). At, when set, keeps the terms
// in force that day; else From/To, when set, keep the terms overlapping
// that range; with no date every holder is listed in time order. AsKnown
// answers with only what had been ingested by the end of that day.
type HoldersQuery struct {
	Org, Role string
	At        graph.Date
	From, To  graph.Date
	AsKnown   graph.Date
}

// Holder is one person's term in a role of an organization or country
// (a leads fact) or in an office (a holds_position fact).
type Holder struct {
	Person graph.Entity
	// Role is the role of a leads term, or the office's name.
	Role string
	// Start and End bound the term (End exclusive, stated or inferred;
	// see Facts for where an inferred end came from).
	Start, End graph.Date
	// Ended is true when the term is known to be over.
	Ended bool
	// Uncertain marks a term found at At only through a start known to a
	// month or year (see graph.Window).
	Uncertain bool
	// Facts are the facts behind the term, with their sources.
	Facts []Answer
}

// Holders returns the terms of the people who led Org (leads) or held it
// as an office (holds_position), in time order: by start, a term with an
// unknown start placed by its end or else by when it was first reported.
// A name that matches no entity returns ErrUnknownEntity.
func (e *Engine) Holders(ctx context.Context, q HoldersQuery) ([]Holder, error) {
	ids, err := e.resolveAbout(ctx, q.Org, "holders", "no organization, country or office given")
	if err != nil {
		return nil, err
	}
	return e.holders(ctx, ids, q)
}

// holders is Holders for the entities ids, already resolved (q.Org is not
// read): Ask resolves names itself, tolerating misspellings.
func (e *Engine) holders(ctx context.Context, ids []string, q HoldersQuery) ([]Holder, error) {
	w := graph.Window{At: q.At, From: q.From, To: q.To, AsKnown: q.AsKnown}
	var facts []graph.Fact
	// One pass per predicate: the store reads only that predicate's facts
	// of ids (not their events); then in fact id order, as one pass over
	// all of them would give.
	for _, pred := range []string{graph.Leads, graph.HoldsPosition} {
		if err := e.store.Facts(ctx, store.FactFilter{Objects: ids, Predicate: pred, Withdrawn: !w.AsKnown.IsZero(), Evidence: e.opts.Evidence}, func(f graph.Fact) error {
			if w.MayHold(f) {
				facts = append(facts, f)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	sort.Slice(facts, func(i, j int) bool { return facts[i].ID < facts[j].ID })
	answers, err := e.timeAnswers(ctx, facts, w)
	if err != nil {
		return nil, err
	}
	out := make([]Holder, 0, len(answers))
	for _, an := range answers {
		role := an.Fact.Role
		if an.Fact.Predicate == graph.HoldsPosition && role == "" {
			role = an.Object.Name
		}
		if q.Role != "" && store.AliasKey(q.Role) != store.AliasKey(role) {
			continue
		}
		// A fact its sources tell as several terms is one row per term (a
		// dated query has already picked the term in force).
		for _, f := range an.Fact.Terms() {
			an := an
			an.Fact = f
			out = append(out, Holder{Person: an.Subject, Role: role, Start: f.Start, End: f.End,
				Ended: f.Ended || !f.End.IsZero(), Uncertain: an.Uncertain, Facts: []Answer{an}})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return holderTime(out[i]).Before(holderTime(out[j])) })
	return out, nil
}

// holderTime places a term in time: its start, else its end, else when it
// was first reported.
func holderTime(h Holder) time.Time {
	switch {
	case !h.Start.IsZero():
		return h.Start.Time()
	case !h.End.IsZero():
		return h.End.Time().Add(-time.Nanosecond)
	}
	return graph.FirstPublished(&h.Facts[0].Fact).Time()
}
