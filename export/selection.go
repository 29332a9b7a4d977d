package export

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// Source is what the exporters read from the graph; *store.Store is one.
type Source interface {
	Entity(ctx context.Context, id string) (graph.Entity, error)
	Entities(ctx context.Context, fn func(graph.Entity) error) error
	Resolve(ctx context.Context, name string) ([]graph.Entity, error)
	Facts(ctx context.Context, f store.FactFilter, fn func(graph.Fact) error) error
}

// Item is one selected fact with both of its entities.
type Item struct {
	Fact    graph.Fact
	Subject graph.Entity
	Object  graph.Entity
	// Uncertain is set when the selection's time filter keeps the fact
	// only through a date known to a month or year, as the query commands
	// mark such answers (see Filter.Uncertain).
	Uncertain bool
}

// Record returns the exported form of the item.
func (it Item) Record() Record {
	r := NewRecord(it.Fact, it.Subject, it.Object)
	r.Uncertain = it.Uncertain
	return r
}

// Selection is the part of a graph one export writes: the facts of a
// source that pass a Filter, and their entities. Facts stream from the
// store one at a time; a Selection keeps only the entities it has named
// (and, for a neighbourhood, the ids of the entities inside it). A
// Selection is used by one goroutine at a time and may be walked many
// times.
type Selection struct {
	src    Source
	filter Filter
	names  *entityCache
	// leaders caches, per organization or country, the ids of the leads
	// facts `query facts --at` keeps (the snapshot's supersession rule).
	leaders map[string]map[string]bool
	// inner caches the ids of the entities within Hops-1 steps of Entity.
	inner []string

	// Progress, when set, is called after every fact or entity handed to
	// a writer, for progress bars.
	Progress func()
	// Version and Build name the geokg that writes the export, for files
	// that record their writer (Parquet's created_by, "geokg version V
	// (build B)"); empty when unknown.
	Version, Build string
}

// NewSelection returns the selection of src that filter keeps. It fails
// with ErrBadFilter for an invalid filter.
func NewSelection(src Source, filter Filter) (*Selection, error) {
	if err := filter.Validate(); err != nil {
		return nil, err
	}
	return &Selection{src: src, filter: filter, names: newEntityCache(src)}, nil
}

// All returns the selection of every fact of src.
func All(src Source) *Selection {
	return &Selection{src: src, names: newEntityCache(src)}
}

// Filter returns the selection's filter.
func (s *Selection) Filter() Filter { return s.filter }

// Source returns the store the selection reads.
func (s *Selection) Source() Source { return s.src }

// Entity returns the entity with id, from the selection's cache. An id
// that names no stored entity gives an entity named by its id.
func (s *Selection) Entity(ctx context.Context, id string) (graph.Entity, error) {
	return s.names.get(ctx, id)
}

// Facts calls fn for every selected fact in fact id order with both of its
// entities, stopping at the first error fn returns.
func (s *Selection) Facts(ctx context.Context, fn func(Item) error) error {
	ff := store.FactFilter{Predicate: s.filter.Predicate}
	if s.filter.Entity != "" {
		inner, err := s.neighbourhood(ctx)
		if err != nil {
			return err
		}
		ff.Subjects, ff.EitherSide = inner, true
	}
	return s.src.Facts(ctx, ff, func(f graph.Fact) error {
		ok, err := s.keep(ctx, f)
		if err != nil || !ok {
			return err
		}
		subj, err := s.names.get(ctx, f.Subject)
		if err != nil {
			return err
		}
		obj, err := s.names.get(ctx, f.Object)
		if err != nil {
			return err
		}
		if err := fn(Item{Fact: f, Subject: subj, Object: obj, Uncertain: s.filter.Uncertain(f)}); err != nil {
			return err
		}
		if s.Progress != nil {
			s.Progress()
		}
		return nil
	})
}

// Entities calls fn for every entity of the selection in id order: all
// stored entities when the filter is empty, else the entities the selected
// facts name.
func (s *Selection) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	tick := func(e graph.Entity) error {
		if err := fn(e); err != nil {
			return err
		}
		if s.Progress != nil {
			s.Progress()
		}
		return nil
	}
	if s.filter.IsZero() {
		return s.src.Entities(ctx, tick)
	}
	ids, err := s.entityIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		e, err := s.names.get(ctx, id)
		if err != nil {
			return err
		}
		if err := tick(e); err != nil {
			return err
		}
	}
	return nil
}

// entityIDs returns the sorted ids of the entities the selected facts name.
func (s *Selection) entityIDs(ctx context.Context) ([]string, error) {
	progress := s.Progress
	s.Progress = nil
	defer func() { s.Progress = progress }()
	set := map[string]bool{}
	err := s.Facts(ctx, func(it Item) error {
		set[it.Fact.Subject], set[it.Fact.Object] = true, true
		return nil
	})
	if err != nil {
		return nil, err
	}
	return sortedKeys(set), nil
}

// keep reports whether fact f passes the filter.
func (s *Selection) keep(ctx context.Context, f graph.Fact) (bool, error) {
	if !s.filter.timely(f) {
		return false, nil
	}
	if s.filter.At.IsZero() || f.Predicate != graph.Leads {
		return true, nil
	}
	kept, ok := s.leaders[f.Object]
	if !ok {
		kept = map[string]bool{}
		answers, err := queries.New(s.src).Facts(ctx, queries.FactsQuery{
			Predicate: graph.Leads, Object: f.Object, At: s.filter.At})
		if err != nil && !errors.Is(err, queries.ErrUnknownEntity) {
			return false, err
		}
		for _, a := range answers {
			kept[a.Fact.ID] = true
		}
		if errors.Is(err, queries.ErrUnknownEntity) {
			kept = nil // an object without an entity: nothing supersedes
		}
		if s.leaders == nil {
			s.leaders = map[string]map[string]bool{}
		}
		s.leaders[f.Object] = kept
	}
	return kept == nil || kept[f.ID], nil
}

// neighbourhood returns the sorted ids of the entities within Hops-1 steps
// of the filter's Entity over facts that pass the filter: the facts of the
// neighbourhood are those that name one of them.
func (s *Selection) neighbourhood(ctx context.Context) ([]string, error) {
	if s.inner != nil {
		return s.inner, nil
	}
	ents, err := s.src.Resolve(ctx, s.filter.Entity)
	if err != nil {
		return nil, err
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("--entity %q: %w", s.filter.Entity, ErrUnknownEntity)
	}
	inner := map[string]bool{}
	var frontier []string
	for _, e := range ents {
		inner[e.ID] = true
		frontier = append(frontier, e.ID)
	}
	for hop := 1; hop < s.filter.hops() && len(frontier) > 0; hop++ {
		next := map[string]bool{}
		ff := store.FactFilter{Subjects: frontier, EitherSide: true, Predicate: s.filter.Predicate}
		err := s.src.Facts(ctx, ff, func(f graph.Fact) error {
			ok, err := s.keep(ctx, f)
			if err != nil || !ok {
				return err
			}
			for _, id := range []string{f.Subject, f.Object} {
				if !inner[id] {
					next[id] = true
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		frontier = sortedKeys(next)
		for _, id := range frontier {
			inner[id] = true
		}
	}
	s.inner = sortedKeys(inner)
	return s.inner, nil
}

// sortedKeys returns the keys of set in order.
func sortedKeys(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// entityCacheSize bounds the entities an entityCache holds: a quarter of
// them is forgotten when it is full.
const entityCacheSize = 1 << 15

// entityCache remembers the entities already looked up during one export:
// at most one entry per entity of the graph, however many facts stream by,
// and at most entityCacheSize (~8 MB), however many entities the graph has;
// an entity forgotten is read again when a later fact names it.
type entityCache struct {
	src  Source
	seen map[string]graph.Entity
}

func newEntityCache(src Source) *entityCache {
	return &entityCache{src: src, seen: map[string]graph.Entity{}}
}

func (c *entityCache) get(ctx context.Context, id string) (graph.Entity, error) {
	if e, ok := c.seen[id]; ok {
		return e, nil
	}
	e, err := c.src.Entity(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		e, err = graph.Entity{ID: id, Name: id}, nil
	}
	if err != nil {
		return e, err
	}
	if len(c.seen) >= entityCacheSize {
		n := len(c.seen) / 4
		for k := range c.seen { // in map order: arbitrary
			if n--; n < 0 {
				break
			}
			delete(c.seen, k)
		}
	}
	c.seen[id] = e
	return e, nil
}
