package store

import (
	"context"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// What a new version of a stored article does (graph.Article.Updates).
//
// The article node takes the new version's hash, publication date, title
// and URL. Every source of the batch replaces the claim its article's old
// version stated in the same sentence; every stored source of the article
// the batch does not state is withdrawn: its node records now as its
// withdrawal time (packed.go),
// no longer counts towards its fact's qualifiers (graph.Derive), and is
// known only as of dates before now (graph.Source.LiveAt). A fact left
// with no live source loses its direct triples, so traversals, tenure
// inference and plain reads no longer see it; its node and sources stay
// for answers as known before. A batch that states a withdrawn source
// again revives it, recorded anew.

// isStated reports whether some source still states f: it has a live
// source, or no sources at all (a summary, which only facts with direct
// triples have, see inferCache).
func isStated(f *graph.Fact) bool {
	_, ok := f.Live()
	return ok
}

// updateArticle queues the quads that turn stored article old into its new
// version a, and sets w.update and w.article. Metadata the new version
// lacks (no title, no date) is kept, and so is when the article was first
// recorded.
func (w *writer) updateArticle(ctx context.Context, old, a graph.Article) error {
	p, err := w.r.props(ctx, ArticleIRI(a.ID))
	if err != nil {
		return err
	}
	_, recorded, _ := w.r.decodeArticle(a.ID, p)
	upd := old
	for _, f := range []struct {
		dst *string
		val string
	}{{&upd.URL, a.URL}, {&upd.Title, a.Title}, {&upd.Hash, a.Hash}} {
		if f.val != "" {
			*f.dst = f.val
		}
	}
	if !a.Published.IsZero() {
		upd.Published = a.Published
	}
	if err := w.putArticle(ctx, upd, recorded); err != nil {
		return err
	}
	w.update, w.article = true, &upd
	return nil
}

// withdraw withdraws every stored source of article a that the batch does
// not state, and derives their facts again into w.cur. It reads only the
// article's sources and their facts.
func (w *writer) withdraw(ctx context.Context, a graph.Article) error {
	nodes, err := w.r.in(ctx, ArticleIRI(a.ID), pArticle)
	if err != nil {
		return err
	}
	for _, sn := range nodes {
		node, ok := sn.(quad.IRI)
		if !ok || w.stated[node] {
			continue
		}
		owners, err := w.r.in(ctx, node, pSource)
		if err != nil {
			return err
		}
		for _, o := range owners {
			id, ok := idFromIRI(o, "")
			if !ok {
				continue
			}
			if err := w.withdrawSource(ctx, id, node); err != nil {
				return err
			}
		}
	}
	return nil
}

// withdrawSource withdraws source node of fact id, unless it is withdrawn
// already, and derives the fact again.
func (w *writer) withdrawSource(ctx context.Context, id string, node quad.IRI) error {
	f := w.cur[id]
	if f == nil {
		stored, ok, err := w.fullFact(ctx, id)
		if err != nil || !ok {
			return err
		}
		if _, seen := w.orig[id]; !seen {
			orig := stored
			w.orig[id] = &orig
		}
		c := stored
		f = &c
	}
	srcs := append([]graph.Source(nil), f.Sources...)
	changed := false
	for i := range srcs {
		s := &srcs[i]
		if s.IsWithdrawn() || sourceIRI(id, s.Article, s.Sentence) != node {
			continue
		}
		s.WithdrawnAt = w.now
		if w.article != nil && s.Article == w.article.ID {
			s.URL, s.Title, s.Published = w.article.URL, w.article.Title, w.article.Published
		}
		w.putSource(id, *s, true)
		w.stats.SourcesWithdrawn++
		changed = true
	}
	if !changed {
		return nil
	}
	g := *f
	g.Sources = srcs
	d := graph.Derive(g)
	keepInferred(&d, f)
	w.cur[id] = &d
	if !w.inBatch[id] {
		w.withdrawn[id] = true
	}
	return nil
}

// relink queues, through op (add or remove), the direct triples of f.
func (w *writer) relink(f *graph.Fact, op func(quad.Quad)) {
	for _, q := range directQuads(*f) {
		op(q)
	}
}

// dateUndated gives each undated event of the batch the date of the
// stated event it restates (graph.RestatedEvent): an event of the same
// subject, predicate, object and role, in the batch or stored and stated,
// dated on or shortly before the article's publication. The undated
// statement then becomes a source of that event (its claim stays
// undated); without one it stays a fact of its own. It returns the facts
// merged again by id.
func (w *writer) dateUndated(ctx context.Context, a graph.Article, facts []*graph.Fact) ([]*graph.Fact, error) {
	if a.Published.Precision != graph.DayPrecision {
		return facts, nil
	}
	moved := false
	for _, f := range facts {
		if !graph.IsEvent(f.Predicate) || !f.Date.IsZero() {
			continue
		}
		var dates []graph.Date
		for _, g := range facts {
			if g.Date.IsZero() || !sameEvent(f, g) {
				continue
			}
			dates = append(dates, g.Date)
		}
		stored, err := w.related(ctx, f.Subject, quad.Subject, f.Predicate, map[string]bool{f.Object: true}, func(g *graph.Fact) bool {
			return !g.Date.IsZero() && sameEvent(f, g)
		})
		if err != nil {
			return nil, err
		}
		for _, g := range stored {
			dates = append(dates, g.Date)
		}
		if d, ok := graph.RestatedEvent(a.Published, dates); ok {
			f.Date = d
			f.ComputeID()
			moved = true
		}
	}
	if !moved {
		return facts, nil
	}
	byID := map[string]*graph.Fact{}
	var out []*graph.Fact
	for _, f := range facts {
		if have := byID[f.ID]; have != nil {
			have.Sources = append(have.Sources, f.Sources...)
			continue
		}
		byID[f.ID] = f
		out = append(out, f)
	}
	return out, nil
}

// sameEvent reports whether events f and g have the same subject,
// predicate, object and role (a symmetric predicate's sides in either
// order, roles compared ignoring case), whatever their dates.
func sameEvent(f, g *graph.Fact) bool {
	if f.Predicate != g.Predicate || !strings.EqualFold(f.Role, g.Role) {
		return false
	}
	if f.Subject == g.Subject && f.Object == g.Object {
		return true
	}
	return graph.IsSymmetric(f.Predicate) && f.Subject == g.Object && f.Object == g.Subject
}

// sortedIDs returns the keys of set, sorted.
func sortedIDs(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}
