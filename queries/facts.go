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
	opts  Options
}

// Options change how an Engine reads the store.
type Options struct {
	// Evidence reads the facts of answers to facts, holders, timeline,
	// neighbours and path (and the questions ask answers with them, its
	// events included) with their evidence only
	// (store.FactFilter.Evidence, store.Store.FactEvidence): their first
	// few sources and the counts of all, so that a fact restated by
	// thousands of articles costs what one stated once does. Answers as known on an
	// earlier date still read every source. Off, every source is read.
	Evidence bool
}

// New returns an engine reading from s, every source of each fact.
func New(s Store) *Engine { return &Engine{store: s} }

// NewWithOptions returns an engine reading from s as opts say.
func NewWithOptions(s Store, opts Options) *Engine { return &Engine{store: s, opts: opts} }

// NewAnswering returns the engine that answers users from s: each fact
// with its evidence only (Options.Evidence), as geokg query and ask, the
// console, quickstart and the HTTP API read it; a fact's other sources
// are paged by store.Store.FactSources.
func NewAnswering(s Store) *Engine { return NewWithOptions(s, Options{Evidence: true}) }

// FactsQuery selects facts. Names are resolved through aliases; an empty
// field matches anything. At selects facts whose valid time contains that
// day (see graph.Window); From/To select facts overlapping the range (events
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

// window returns the time the query is about.
func (q FactsQuery) window() graph.Window {
	return graph.Window{At: q.At, From: q.From, To: q.To, AsKnown: q.AsKnown}
}

// Answer is one fact with both of its entities.
type Answer struct {
	Fact    graph.Fact
	Subject graph.Entity
	Object  graph.Entity
	// Uncertain marks an answer to a time query that rests on a bound or
	// date known only to a month or year (see graph.Window).
	Uncertain bool
}

// Facts returns the facts matching q, ordered by time then id. For
// symmetric predicates (met, spoke_with, signed_agreement) the subject and
// object may stand on either side. A name that matches no entity returns
// ErrUnknownEntity; a window From later than To, graph.ErrBadWindow.
func (e *Engine) Facts(ctx context.Context, q FactsQuery) ([]Answer, error) {
	if err := q.window().Validate(); err != nil {
		return nil, err
	}
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
	w := q.window()
	cands := map[string]graph.Fact{}
	collect := func(f graph.Fact) error {
		if w.MayHold(f) {
			cands[f.ID] = f
		}
		return nil
	}
	filter := store.FactFilter{Subjects: subj, Objects: obj, Predicate: q.Predicate, Withdrawn: !w.AsKnown.IsZero(), Evidence: e.opts.Evidence}
	if err := e.store.Facts(ctx, filter, collect); err != nil {
		return nil, err
	}
	if (q.Predicate == "" || graph.IsSymmetric(q.Predicate)) && (subj != nil || obj != nil) {
		rev := store.FactFilter{Subjects: obj, Objects: subj, Predicate: q.Predicate, Withdrawn: filter.Withdrawn, Evidence: filter.Evidence}
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
	return e.timeAnswers(ctx, out, w)
}

// timeAnswers takes the facts a query found through the window w: as
// known at the end of day w.AsKnown (see asKnown), the term of each in
// force in w's valid time (graph.Window.Apply), in time order (byTime),
// with both entities attached and uncertain answers marked. It filters
// before sorting: byTime is a total order (ties by id), so the order is
// the same and fewer facts are sorted.
func (e *Engine) timeAnswers(ctx context.Context, facts []graph.Fact, w graph.Window) ([]Answer, error) {
	facts, err := e.asKnown(ctx, facts, w)
	if err != nil {
		return nil, err
	}
	unsure := map[string]bool{}
	var keep []graph.Fact
	for _, f := range facts {
		if g, v := w.Apply(f); v.In {
			keep = append(keep, g)
			unsure[g.ID] = v.Uncertain
		}
	}
	byTime(keep)
	answers, err := e.answers(ctx, keep)
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
