package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/geokg/geokg/graph"
)

// ErrUnknownEntity is returned when a name matches no entity in the graph.
var ErrUnknownEntity = errors.New("no entity with that name or alias")

// Store is what queries read from the graph.
type Store interface {
	Resolve(ctx context.Context, name string) ([]graph.Entity, error)
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Facts(ctx context.Context, f graph.FactFilter, fn func(graph.Fact) error) error
}

// Engine runs queries against a store.
type Engine struct {
	store Store
}

// New returns an engine reading from s.
func New(s Store) *Engine { return &Engine{store: s} }

// FactsQuery selects facts. Names are resolved through aliases; an empty
// field matches anything. At selects facts whose valid time contains that
// day; From/To select facts overlapping the range (events dated inside it).
type FactsQuery struct {
	Subject   string
	Predicate string
	Object    string
	At        graph.Date
	From, To  graph.Date
}

// Answer is one fact with both of its entities.
type Answer struct {
	Fact    graph.Fact
	Subject graph.Entity
	Object  graph.Entity
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
	collect := func(f graph.Fact) error { cands[f.ID] = f; return nil }
	filter := graph.FactFilter{Subjects: subj, Objects: obj, Predicate: q.Predicate}
	if err := e.store.Facts(ctx, filter, collect); err != nil {
		return nil, err
	}
	if (q.Predicate == "" || graph.IsSymmetric(q.Predicate)) && (subj != nil || obj != nil) {
		rev := graph.FactFilter{Subjects: obj, Objects: subj, Predicate: q.Predicate}
		if err := e.store.Facts(ctx, rev, func(f graph.Fact) error {
			if graph.IsSymmetric(f.Predicate) {
				cands[f.ID] = f
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	var out []graph.Fact
	for _, f := range cands {
		out = append(out, f)
	}
	out = e.inTime(ctx, out, q)
	sort.Slice(out, func(i, j int) bool {
		ti, tj := sortTime(out[i]), sortTime(out[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return out[i].ID < out[j].ID
	})
	return e.answers(ctx, out)
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

// inTime keeps the facts in force at q.At or overlapping q.From..q.To.
func (e *Engine) inTime(ctx context.Context, facts []graph.Fact, q FactsQuery) []graph.Fact {
	if q.At.IsZero() && q.From.IsZero() && q.To.IsZero() {
		return facts
	}
	var need []graph.Fact
	if !q.At.IsZero() {
		for _, f := range facts {
			if InForce(f, q.At) {
				need = append(need, f)
			}
		}
		return dropSuperseded(ctx, e.store, need, q.At)
	}
	for _, f := range facts {
		g := withKnownEnd(f)
		if g.Overlaps(q.From, q.To) {
			need = append(need, f)
		}
	}
	return need
}

// InForce reports whether f held on day d. A state marked ended without an
// end date is taken to have ended by the first time a source reported it.
func InForce(f graph.Fact, d graph.Date) bool {
	g := withKnownEnd(f)
	return g.Contains(d)
}

// withKnownEnd returns f with End set to the earliest publication date of
// its sources when f is known to be over but its end is unknown.
func withKnownEnd(f graph.Fact) graph.Fact {
	if graph.IsEvent(f.Predicate) || !f.Ended || !f.End.IsZero() {
		return f
	}
	var first graph.Date
	for _, s := range f.Sources {
		if !s.Published.IsZero() && (first.IsZero() || s.Published.Before(first)) {
			first = s.Published
		}
	}
	f.End = first
	return f
}

// dropSuperseded removes leadership facts whose holder was followed in the
// same role of the same organization or country by someone whose term
// started after theirs and by day d: a single holder leads at a time.
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
		_ = s.Facts(ctx, graph.FactFilter{Objects: []string{f.Object}, Predicate: graph.Leads}, func(g graph.Fact) error {
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

func sameRole(a, b string) bool {
	return a == "" || b == "" || graph.Slug(a) == graph.Slug(b)
}

func sortTime(f graph.Fact) time.Time {
	if !f.Date.IsZero() {
		return f.Date.Time()
	}
	return f.Start.Time()
}

// answers attaches both entities to each fact.
func (e *Engine) answers(ctx context.Context, facts []graph.Fact) ([]Answer, error) {
	cache := map[string]graph.Entity{}
	get := func(id string) (graph.Entity, error) {
		if en, ok := cache[id]; ok {
			return en, nil
		}
		en, err := e.store.Entity(ctx, id)
		if errors.Is(err, graph.ErrNotFound) {
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
