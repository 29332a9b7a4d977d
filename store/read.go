package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// LookupArticle finds a stored article by id (byID is nil when there is
// none), and separately reports whether any stored article has content
// hash (an empty hash is never seen).
func (s *Store) LookupArticle(ctx context.Context, id, hash string) (byID *graph.Article, hashSeen bool, err error) {
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
// Its aliases are sorted. On bbolt and in memory it reads the entity's
// card in the name index (namecards.go) when the store keeps cards.
func (s *Store) Entity(ctx context.Context, id string) (graph.Entity, error) {
	var e graph.Entity
	err := s.read(ctx, func(r reader) error {
		var ok bool
		var err error
		if s.pg == nil {
			// A bbolt or memory store's card is one short range of keys
			// (namecards.go); on PostgreSQL it would cost as many round
			// trips as the quads.
			if ok, err = s.hasCards(ctx); ok && err == nil {
				e, ok, err = s.card(ctx, id)
			}
			if ok || err != nil {
				return err
			}
		}
		e, ok, err = r.entity(ctx, id)
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return graph.Entity{}, fmt.Errorf("entity %s: %w", id, err)
	}
	return e, nil
}

// entityPage is how many entity ids Entities holds at a time (see idPage)
// for up to maxPages×entityPage entities: entity ids are strings, ~50
// bytes each with their headers, so ~2 MB.
const entityPage = 1 << 15

// Entities calls fn for every entity in id order, stopping at the first
// error fn returns. fn runs outside the store's lock and may call the store.
// Like Facts, it holds a page of ids at a time, not the list of all.
func (s *Store) Entities(ctx context.Context, fn func(graph.Entity) error) error {
	return s.entities(ctx, entityPage, maxPages, fn)
}

// entities is Entities with pages of limit ids, in about pages scans at most.
func (s *Store) entities(ctx context.Context, limit, pages int, fn func(graph.Entity) error) error {
	p := newIDPage(limit, pages)
	for {
		err := s.read(ctx, func(r reader) error {
			return r.eachIn(ctx, classEntity, rdfType, func(v quad.Value) error {
				if id, ok := idFromIRI(v, "entity/"); ok {
					p.add(id)
				}
				return nil
			})
		})
		if err != nil {
			return fmt.Errorf("list entities: %w", err)
		}
		err = p.ids(func(id string) error {
			var e graph.Entity
			var ok bool
			err := s.read(ctx, func(r reader) (err error) {
				e, ok, err = r.entity(ctx, id)
				return err
			})
			if err != nil {
				return fmt.Errorf("entity %s: %w", id, err)
			}
			if !ok {
				return nil
			}
			return fn(e)
		})
		if err != nil || !p.next() {
			return err
		}
	}
}

// Resolve returns, in id order, the entities whose id is name or whose
// canonical name or an alias equals name compared with AliasKey (ignoring
// case, diacritics, punctuation, spaces and a leading "the "). It looks the
// key up in the graph's alias index and does not scan entities. No match is
// an empty result, not an error.
func (s *Store) Resolve(ctx context.Context, name string) ([]graph.Entity, error) {
	var out []graph.Entity
	err := s.read(ctx, func(r reader) (err error) {
		out, err = r.entitiesNamed(ctx, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	return out, nil
}

// ResolveAll looks up each of names as Resolve does, in one read of the
// store (on PostgreSQL, one check of the read cache for all of them): the
// result maps each name to its entities (nil when none).
func (s *Store) ResolveAll(ctx context.Context, names []string) (map[string][]graph.Entity, error) {
	out := make(map[string][]graph.Entity, len(names))
	err := s.read(ctx, func(r reader) error {
		var nodes, keys []quad.Value
		for _, name := range names {
			nodes = append(nodes, EntityIRI(strings.TrimSpace(name)))
			if k := AliasKey(name); k != "" {
				keys = append(keys, quad.String(k))
			}
		}
		if err := r.prefetchOut(ctx, nodes, entityPreds); err != nil {
			return err
		}
		if err := r.prefetchIn(ctx, keys, pKey); err != nil {
			return err
		}
		for _, name := range names {
			if _, done := out[name]; done {
				continue
			}
			ents, err := r.entitiesNamed(ctx, name)
			if err != nil {
				return fmt.Errorf("resolve %q: %w", name, err)
			}
			out[name] = ents
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// entitiesNamed returns the entities Resolve returns for name.
func (r reader) entitiesNamed(ctx context.Context, name string) ([]graph.Entity, error) {
	ids, byID, named, err := r.resolve(ctx, name)
	if err != nil {
		return nil, err
	}
	var out []graph.Entity
	for _, id := range ids {
		if named && id == byID.ID {
			out = append(out, byID) // read by resolve
			continue
		}
		e, ok, err := r.entity(ctx, id)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, e)
		}
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
	// Withdrawn also yields what updates of articles withdrew: facts keep
	// their withdrawn sources (Source.WithdrawnAt set), and facts no
	// source states any longer are yielded too. Answers as known on an
	// earlier date need them (graph.Fact.KnownAt); everything else reads
	// facts as they now stand.
	Withdrawn bool
	// Evidence reads each fact with its evidence only, not all its
	// sources (see evidence.go): Sources then holds its first few sources
	// and those that bound its publication dates, and SourceCount and
	// Independent count all of them when there are more. Every qualifier,
	// the earlier terms and the dates the time rules read from sources
	// are those of the whole fact, and the cost of a fact does not grow
	// with its sources. It has no effect with Withdrawn (answers as known
	// on an earlier date need every source).
	Evidence bool
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
func (ff FactFilter) match(f *graph.Fact, subj, obj map[string]bool) bool {
	if ff.Predicate != "" && f.Predicate != ff.Predicate {
		return false
	}
	if inSet(subj, f.Subject) && inSet(obj, f.Object) {
		return true
	}
	return ff.EitherSide && inSet(subj, f.Object) && inSet(obj, f.Subject)
}

// scan is one index scan that yields candidate facts: the subjects of
// the quads "? pred node", or, when rel is set, the fact nodes labelling
// the direct triples of predicate rel that have node on side dir (see
// reader.eachLabel), which are exactly the stated facts of one predicate
// naming one entity.
type scan struct {
	node quad.Value
	pred quad.IRI
	rel  quad.IRI
	dir  quad.Direction
}

// scans returns the scans whose subjects are the facts that may match ff:
// from the entity nodes when the filter names any — through the direct
// triples of the predicate when it names one too, so that only that
// predicate's facts are read (facts no source states any longer have no
// direct triple, so not with Withdrawn) — else from the predicate's
// literal node, else from all fact nodes.
func (ff FactFilter) scans() []scan {
	from := func(ids []string, preds ...quad.IRI) []scan {
		out := make([]scan, 0, len(ids)*len(preds))
		for _, id := range ids {
			for _, p := range preds {
				sc := scan{node: EntityIRI(id), pred: p}
				if ff.Predicate != "" && !ff.Withdrawn {
					sc.rel, sc.dir = RelIRI(ff.Predicate), quad.Subject
					if p == pObject {
						sc.dir = quad.Object
					}
				}
				out = append(out, sc)
			}
		}
		return out
	}
	switch {
	case ff.EitherSide && len(ff.Subjects)+len(ff.Objects) > 0:
		// Start from the smaller side when both are given: every match has
		// one of its entities on one of its two sides.
		side := ff.Subjects
		if len(side) == 0 || (len(ff.Objects) > 0 && len(ff.Objects) < len(side)) {
			side = ff.Objects
		}
		return from(side, pSubject, pObject)
	case len(ff.Subjects) > 0:
		return from(ff.Subjects, pSubject)
	case len(ff.Objects) > 0:
		return from(ff.Objects, pObject)
	case ff.Predicate != "":
		return []scan{{node: quad.String(ff.Predicate), pred: pPredicate}}
	}
	return []scan{{node: classFact, pred: rdfType}}
}

// each calls fn for the candidate fact nodes sc yields.
func (sc scan) each(ctx context.Context, r reader, fn func(quad.Value) error) error {
	if sc.rel != "" {
		return r.eachLabel(ctx, sc.dir, sc.node, sc.rel, fn)
	}
	return r.eachIn(ctx, sc.node, sc.pred, fn)
}

// factPage is how many fact ids Facts holds at a time (see idPage) for up
// to maxPages×factPage candidates (~1M): 12 bytes each in ComputeID's
// form, ~3 MB, and at most a quarter more while a scan runs.
const factPage = 1 << 18

// maxPages bounds the scans of the candidates Facts and Entities make: a
// larger set gets larger pages (~5 bytes per fact beyond ~1M facts)
// rather than more scans, whose total time would grow with the square of
// its size.
const maxPages = 4

// articleCacheSize bounds the articles Facts remembers between facts, so
// that a graph of many articles does not grow it without end.
const articleCacheSize = 1 << 14

// evictQuarter deletes a quarter of the entries of cache, chosen by map
// iteration order (arbitrary).
func evictQuarter[K comparable, V any](cache map[K]V) {
	n := len(cache) / 4
	for k := range cache {
		if n <= 0 {
			return
		}
		delete(cache, k)
		n--
	}
}

// Facts calls fn for every fact matching ff, with all its live sources
// (with ff.Withdrawn, all its sources, and the facts no source states any
// longer), in fact id order, stopping at the first error fn returns. It starts from the
// subject/object entity nodes when the filter names any (no full scan),
// from the predicate otherwise, and walks all facts only for an empty
// filter. fn runs outside the store's lock and may call the store.
//
// Memory stays flat as the graph grows: Facts does not list the candidate
// ids first but pages through them in order. A page is one scan of the
// candidates' index under the read lock that keeps the factPage (262,144)
// smallest ids after the previous page, each as 12 bytes when it has
// ComputeID's form ("fact/" and 24 hex digits; other ids, such as ones
// imported from elsewhere, are kept as strings); the page's facts are then
// read one at a time, each under its own read lock. The trade-off is time:
// each page after the first scans the candidates again, ~13 s for 1M facts
// on bbolt, 4% of the time to read them (~340 µs per fact). So up to
// factPage candidates Facts makes one scan and holds ≤ 4 MB of ids; for 1M
// facts, 4 scans: 383 s and a peak of 4.7 MB against 335 s and 14 MB for
// one list of compact ids (the former list of strings took ~60 MB);
// beyond, still 4 scans, with pages of a third of the rest (~5 bytes per
// fact). See BenchmarkFactsPages and, in package export,
// BenchmarkExportBoltJSONL. A fact written while Facts runs is reported if
// its id comes after the page being read, and never twice.
func (s *Store) Facts(ctx context.Context, ff FactFilter, fn func(graph.Fact) error) error {
	return s.facts(ctx, ff, factPage, maxPages, fn)
}

// facts is Facts with pages of limit ids, in about pages scans at most.
func (s *Store) facts(ctx context.Context, ff FactFilter, limit, pages int, fn func(graph.Fact) error) error {
	scans := ff.scans()
	subj, obj := toSet(ff.Subjects), toSet(ff.Objects)
	articles := map[string]graph.Article{}
	p := newIDPage(limit, pages)
	for {
		err := s.read(ctx, func(r reader) error {
			for _, sc := range scans {
				err := sc.each(ctx, r, func(v quad.Value) error {
					if id, ok := idFromIRI(v, ""); ok {
						p.add(id)
					}
					return nil
				})
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("find facts: %w", err)
		}
		err = p.ids(func(id string) error {
			if len(articles) >= articleCacheSize {
				evictQuarter(articles)
			}
			var f graph.Fact
			var ok bool
			evidence := ff.Evidence && !ff.Withdrawn
			err := s.read(ctx, func(r reader) (err error) {
				if evidence {
					f, ok, err = r.factEvidence(ctx, id, articles)
				} else {
					f, ok, err = r.fact(ctx, id, articles)
				}
				return err
			})
			if err != nil {
				return fmt.Errorf("find facts: %w", err)
			}
			if !ok || !ff.match(&f, subj, obj) {
				return nil
			}
			if !ff.Withdrawn && !evidence {
				if f, ok = f.Live(); !ok {
					return nil
				}
			}
			return fn(f)
		})
		if err != nil || !p.next() {
			return err
		}
	}
}

// Fact returns the fact with id (as set by ComputeID) and all its live
// sources, or an error wrapping ErrNotFound, also for a fact no source
// states any longer (see FactFilter.Withdrawn).
func (s *Store) Fact(ctx context.Context, id string) (graph.Fact, error) {
	var f graph.Fact
	err := s.read(ctx, func(r reader) error {
		var ok bool
		var err error
		f, ok, err = r.fact(ctx, id, nil)
		if ok {
			f, ok = f.Live()
		}
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return graph.Fact{}, fmt.Errorf("fact %s: %w", id, err)
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
		}{{classArticle, &st.Articles}, {classEntity, &st.Entities}, {classFact, &st.Facts}} {
			n, err := r.count(ctx, c.class)
			if err != nil {
				return err
			}
			*c.dst = n
		}
		var err error
		st.Sources, err = r.countSources(ctx)
		return err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("store stats: %w", err)
	}
	return st, nil
}
