package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
)

// LookupArticle finds a stored article by id (byID is nil when there is
// none), and separately reports whether any stored article has content
// hash (an empty hash is never seen).
func (s *Store) LookupArticle(ctx context.Context, id, hash string) (byID *Article, hashSeen bool, err error) {
	err = s.read(ctx, func(r reader) error {
		if id != "" {
			a, ok, err := r.article(ctx, id)
			if err != nil {
				return err
			}
			if ok {
				byID = &a
			}
		}
		if hash != "" {
			vs, err := r.in(ctx, quad.String(hash), pHash)
			if err != nil {
				return err
			}
			hashSeen = len(vs) > 0
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("lookup article %s: %w", id, err)
	}
	return byID, hashSeen, nil
}

// Entity returns the entity with id, or an error wrapping ErrNotFound.
// Its aliases are sorted.
func (s *Store) Entity(ctx context.Context, id string) (Entity, error) {
	var e Entity
	err := s.read(ctx, func(r reader) error {
		var ok bool
		var err error
		e, ok, err = r.entity(ctx, id)
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	return e, nil
}

// Entities calls fn for every entity in id order, stopping at the first
// error fn returns. fn runs outside the store's lock and may call the store.
func (s *Store) Entities(ctx context.Context, fn func(Entity) error) error {
	var ids []string
	err := s.read(ctx, func(r reader) (err error) {
		ids, err = r.ids(ctx, classEntity, rdfType, "entity/")
		return err
	})
	if err != nil {
		return fmt.Errorf("list entities: %w", err)
	}
	for _, id := range ids {
		var e Entity
		var ok bool
		err := s.read(ctx, func(r reader) (err error) {
			e, ok, err = r.entity(ctx, id)
			return err
		})
		if err != nil {
			return fmt.Errorf("entity %s: %w", id, err)
		}
		if !ok {
			continue
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Resolve returns, in id order, the entities whose id is name or whose
// canonical name or an alias equals name compared with AliasKey (ignoring
// case, diacritics, punctuation, spaces and a leading "the "). It looks the
// key up in the graph's alias index and does not scan entities. No match is
// an empty result, not an error.
func (s *Store) Resolve(ctx context.Context, name string) ([]Entity, error) {
	var out []Entity
	err := s.read(ctx, func(r reader) error {
		ids, err := r.resolve(ctx, name)
		if err != nil {
			return err
		}
		for _, id := range ids {
			e, ok, err := r.entity(ctx, id)
			if err != nil {
				return err
			}
			if ok {
				out = append(out, e)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	return out, nil
}

// FactFilter selects facts for Store.Facts. Empty fields match anything.
type FactFilter struct {
	// Subjects are entity ids the subject must be one of; empty = any.
	Subjects []string
	// Objects are entity ids the object must be one of; empty = any.
	Objects []string
	// Predicate is the predicate the fact must have; "" = any.
	Predicate string
	// EitherSide makes the sides interchangeable, for symmetric
	// predicates: a fact matches when its subject fits Subjects and its
	// object fits Objects, or its object fits Subjects and its subject fits
	// Objects. With only Subjects given, this means "the entity is on
	// either side".
	EitherSide bool
}

// inSet reports whether id is in set; an empty set holds everything.
func inSet(set map[string]bool, id string) bool { return len(set) == 0 || set[id] }

// toSet turns ids into a set.
func toSet(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// match reports whether f passes the filter.
func (ff FactFilter) match(f *Fact, subj, obj map[string]bool) bool {
	if ff.Predicate != "" && f.Predicate != ff.Predicate {
		return false
	}
	if inSet(subj, f.Subject) && inSet(obj, f.Object) {
		return true
	}
	return ff.EitherSide && inSet(subj, f.Object) && inSet(obj, f.Subject)
}

// candidates returns the sorted ids of the facts that may match ff,
// starting from the entity nodes when the filter names any, else from the
// predicate's literal node, else from all fact nodes.
func (ff FactFilter) candidates(ctx context.Context, r reader) ([]string, error) {
	union := func(ids []string, preds ...quad.IRI) (map[string]bool, error) {
		out := map[string]bool{}
		for _, id := range ids {
			for _, p := range preds {
				fs, err := r.ids(ctx, EntityIRI(id), p, "")
				if err != nil {
					return nil, err
				}
				for _, f := range fs {
					out[f] = true
				}
			}
		}
		return out, nil
	}
	var set map[string]bool
	var err error
	switch {
	case ff.EitherSide && len(ff.Subjects)+len(ff.Objects) > 0:
		// Start from the smaller side when both are given: every match has
		// one of its entities on one of its two sides.
		side := ff.Subjects
		if len(side) == 0 || (len(ff.Objects) > 0 && len(ff.Objects) < len(side)) {
			side = ff.Objects
		}
		set, err = union(side, pSubject, pObject)
	case len(ff.Subjects) > 0:
		set, err = union(ff.Subjects, pSubject)
	case len(ff.Objects) > 0:
		set, err = union(ff.Objects, pObject)
	case ff.Predicate != "":
		return r.ids(ctx, quad.String(ff.Predicate), pPredicate, "")
	default:
		return r.ids(ctx, classFact, rdfType, "")
	}
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids, nil
}

// Facts calls fn for every fact matching ff, with all its sources, in fact
// id order, stopping at the first error fn returns. It starts from the
// subject/object entity nodes when the filter names any (no full scan),
// from the predicate otherwise, and walks all facts only for an empty
// filter. fn runs outside the store's lock and may call the store.
func (s *Store) Facts(ctx context.Context, ff FactFilter, fn func(Fact) error) error {
	var ids []string
	err := s.read(ctx, func(r reader) (err error) {
		ids, err = ff.candidates(ctx, r)
		return err
	})
	if err != nil {
		return fmt.Errorf("find facts: %w", err)
	}
	subj, obj := toSet(ff.Subjects), toSet(ff.Objects)
	articles := map[string]Article{}
	for _, id := range ids {
		var f Fact
		var ok bool
		err := s.read(ctx, func(r reader) (err error) {
			f, ok, err = r.fact(ctx, id, articles)
			return err
		})
		if err != nil {
			return fmt.Errorf("find facts: %w", err)
		}
		if !ok || !ff.match(&f, subj, obj) {
			continue
		}
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// Fact returns the fact with id (as set by ComputeID) and all its sources,
// or an error wrapping ErrNotFound.
func (s *Store) Fact(ctx context.Context, id string) (Fact, error) {
	var f Fact
	err := s.read(ctx, func(r reader) error {
		var ok bool
		var err error
		f, ok, err = r.fact(ctx, id, nil)
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return Fact{}, fmt.Errorf("fact %s: %w", id, err)
	}
	return f, nil
}

// Stats counts what the store holds.
type Stats struct {
	Articles, Entities, Facts, Sources int
}

// Stats counts the articles, entities, facts and sources in the store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.read(ctx, func(r reader) error {
		for _, c := range []struct {
			class quad.IRI
			dst   *int
		}{{classArticle, &st.Articles}, {classEntity, &st.Entities}, {classFact, &st.Facts}, {classSource, &st.Sources}} {
			n, err := r.count(ctx, c.class)
			if err != nil {
				return err
			}
			*c.dst = n
		}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	return st, nil
}
