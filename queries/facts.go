package queries

import (
	"context"
	"errors"
	"fmt"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// ErrUnknownEntity is returned when a name matches no entity in the graph.
var ErrUnknownEntity = errors.New("no entity with that name or alias")

// Store is what queries read from the graph.
type Store interface {
	Resolve(ctx context.Context, name string) ([]graph.Entity, error)
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error
}

// Engine runs queries against a store.
type Engine struct {
	store Store
}

// New returns an engine reading from s.
func New(s Store) *Engine { return &Engine{store: s} }

// FactsQuery selects facts. Names are resolved through aliases; an empty
// field matches anything. At selects facts whose valid time contains that
// day (see InForceAt); From/To select facts overlapping the range (events
// dated inside it). AsKnown answers with only what had been ingested by the
// end of that day (sources recorded by then, bounds derived from them); it
// combines with At or From/To ("what did we know on D about who led X on
// D'").
type FactsQuery struct {
	Subject   string
	Predicate string
	Object    string
	At        graph.Date
	From, To  graph.Date
	AsKnown   graph.Date
}

// Answer is one fact with both of its entities.
type Answer struct {
	Fact    graph.Fact
	Subject graph.Entity
	Object  graph.Entity
	// Uncertain marks an answer to a time query that rests on a bound or
	// date known only to a month or year (see InForceAt).
	Uncertain bool
}

// Facts returns the facts matching q, ordered by time then id. For
// symmetric predicates (met, spoke_with, signed_agreement) the subject and
// object may stand on either side. A name that matches no entity returns
// ErrUnknownEntity.
func (e *Engine) Facts(ctx context.Context, q FactsQuery) ([]Answer, error) {
	if q.Predicate != "" && !graph.IsPredicate(q.Predicate) {
		return nil, fmt.Errorf("unknown predicate %q (one of %v)", q.Predicate, graph.Predicates)
	}
	subj, err := e.resolve(ctx, q.Subject)
	if err != nil {
		return nil, err
	}
	obj, err := e.resolve(ctx, q.Object)
	if err != nil {
		return nil, err
	}
	cands := map[string]graph.Fact{}
	collect := func(f graph.Fact) error {
		if mayAnswer(f, q.AsKnown, q.At, q.From, q.To) {
			cands[f.ID] = f
		}
		return nil
	}
	filter := store.FactFilter{Subjects: subj, Objects: obj, Predicate: q.Predicate}
	if err := e.store.Facts(ctx, filter, collect); err != nil {
		return nil, err
	}
	if (q.Predicate == "" || graph.IsSymmetric(q.Predicate)) && (subj != nil || obj != nil) {
		rev := store.FactFilter{Subjects: obj, Objects: subj, Predicate: q.Predicate}
		if err := e.store.Facts(ctx, rev, func(f graph.Fact) error {
			if graph.IsSymmetric(f.Predicate) {
				return collect(f)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	out := make([]graph.Fact, 0, len(cands))
	for _, f := range cands {
		out = append(out, f)
	}
	return e.timeAnswers(ctx, out, q.AsKnown, q.At, q.From, q.To)
}

// timeAnswers takes the facts a query found through the time rules the
// queries share: as known at the end of day asKnown (see asKnown), in
// force at day at or else overlapping from..to, in time order (see
// inTime), with both entities attached and uncertain answers marked.
func (e *Engine) timeAnswers(ctx context.Context, facts []graph.Fact, asKnown, at, from, to graph.Date) ([]Answer, error) {
	facts, err := e.asKnown(ctx, facts, asKnown)
	if err != nil {
		return nil, err
	}
	facts, unsure := inTime(facts, at, from, to)
	answers, err := e.answers(ctx, facts)
	for i := range answers {
		answers[i].Uncertain = unsure[answers[i].Fact.ID]
	}
	return answers, err
}

// resolveAbout returns the ids of the entities named name, the one a query
// is about: an empty name is an error wrapping ErrUnknownEntity that says,
// after the query's name, what is missing.
func (e *Engine) resolveAbout(ctx context.Context, name, query, missing string) ([]string, error) {
	if name == "" {
		return nil, fmt.Errorf("%s: %w: %s", query, ErrUnknownEntity, missing)
	}
	return e.resolve(ctx, name)
}

// resolve returns the ids of the entities named name, nil for "".
func (e *Engine) resolve(ctx context.Context, name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	ents, err := e.store.Resolve(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("%q: %w", name, ErrUnknownEntity)
	}
	ids := make([]string, len(ents))
	for i, en := range ents {
		ids[i] = en.ID
	}
	return ids, nil
}

// inTime keeps the facts in force at day at, or else overlapping
// from..to, orders them by time (byTime), and returns the ids of those
// that are uncertain. With no dates it keeps everything. It filters before
// sorting: byTime is a total order (ties by id), so the order is the same
// and fewer facts are sorted.
func inTime(facts []graph.Fact, at, from, to graph.Date) ([]graph.Fact, map[string]bool) {
	unsure := map[string]bool{}
	if at.IsZero() && from.IsZero() && to.IsZero() {
		byTime(facts)
		return facts, unsure
	}
	var keep []graph.Fact
	for _, f := range facts {
		if g, in, u := termInTime(f, at, from, to); in {
			keep = append(keep, g)
			if u {
				unsure[f.ID] = true
			}
		}
	}
	byTime(keep)
	return keep, unsure
}

// termInTime returns the term of f (see Terms) in force at day at, or else
// overlapping from..to, the latest first, shown with that term's bounds;
// in and uncertain are as inTimeOne reports them.
func termInTime(f graph.Fact, at, from, to graph.Date) (g graph.Fact, in, uncertain bool) {
	for _, g := range Terms(f) {
		if in, uncertain := inTimeOne(g, at, from, to); in {
			return g, true, uncertain
		}
	}
	return f, false, false
}

// inTimeOne reports whether f is in force at day at, or else overlaps
// from..to, and whether that is uncertain (see inTime).
func inTimeOne(f graph.Fact, at, from, to graph.Date) (in, uncertain bool) {
	if !at.IsZero() {
		return InForceAt(f, at)
	}
	return overlaps(f, from, to)
}

// mayAnswer reports whether f can be among the answers to a query about
// day at or from..to, asked as known on asKnown: any fact can when asKnown
// is set (its bounds are derived again from the sources known then) or no
// date is given, else only one in time (see inTime). Queries ask it of the
// facts as the store hands them, so as to keep only those they may need.
func mayAnswer(f graph.Fact, asKnown, at, from, to graph.Date) bool {
	if !asKnown.IsZero() || at.IsZero() && from.IsZero() && to.IsZero() {
		return true
	}
	in, _ := inTimeOne(f, at, from, to)
	return in
}

// dropSuperseded removes leadership facts whose holder was followed in the
// same role of the same organization or country by someone whose term
// started after theirs and by day d: a single holder leads at a time.
// Facts no longer needs it — the store infers the ends of such terms
// (graph.InferEnds) — but it stays as a safety net for callers that filter
// facts themselves.
func dropSuperseded(ctx context.Context, s Store, facts []graph.Fact, d graph.Date) []graph.Fact {
	type rival struct {
		subject, role string
		start         graph.Date
	}
	starts := map[string][]rival{}
	for _, f := range facts {
		if f.Predicate != graph.Leads {
			continue
		}
		if _, ok := starts[f.Object]; ok {
			continue
		}
		var rs []rival
		_ = s.Facts(ctx, store.FactFilter{Objects: []string{f.Object}, Predicate: graph.Leads}, func(g graph.Fact) error {
			if !g.Start.IsZero() && !d.Time().Before(g.Start.Time()) {
				rs = append(rs, rival{g.Subject, g.Role, g.Start})
			}
			return nil
		})
		starts[f.Object] = rs
	}
	var out []graph.Fact
	for _, f := range facts {
		superseded := false
		if f.Predicate == graph.Leads {
			for _, r := range starts[f.Object] {
				if r.subject == f.Subject || !sameRole(r.role, f.Role) {
					continue
				}
				if f.Start.IsZero() || f.Start.Time().Before(r.start.Time()) {
					superseded = true
					break
				}
			}
		}
		if !superseded {
			out = append(out, f)
		}
	}
	return out
}

// sameRole reports whether two roles are the same, an empty role matching any.
func sameRole(a, b string) bool {
	return a == "" || b == "" || graph.Slug(a) == graph.Slug(b)
}

// answers attaches both entities to each fact.
func (e *Engine) answers(ctx context.Context, facts []graph.Fact) ([]Answer, error) {
	cache := map[string]graph.Entity{}
	get := func(id string) (graph.Entity, error) {
		if en, ok := cache[id]; ok {
			return en, nil
		}
		en, err := e.store.Entity(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			en, err = graph.Entity{ID: id, Name: id}, nil
		}
		if err != nil {
			return en, err
		}
		cache[id] = en
		return en, nil
	}
	out := make([]Answer, 0, len(facts))
	for _, f := range facts {
		s, err := get(f.Subject)
		if err != nil {
			return nil, err
		}
		o, err := get(f.Object)
		if err != nil {
			return nil, err
		}
		out = append(out, Answer{Fact: f, Subject: s, Object: o})
	}
	return out, nil
}
