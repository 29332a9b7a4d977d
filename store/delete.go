package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// DeleteStats says what DeleteArticle removed.
type DeleteStats struct {
	// Sources counts the article's sources removed.
	Sources int
	// Facts counts the facts removed: those only the article stated.
	Facts int
	// FactsChanged counts the facts that remain, stated by other articles,
	// whose qualifiers were derived again or whose inferred end moved.
	FactsChanged int
}

// DeleteArticle removes article id and what only it stated, in one
// transaction: it withdraws every source of the article as an update of
// it would (withdraw.go: the facts it shared with other articles are
// derived again from their other sources, and the inferred ends of their
// groups recomputed), then removes the article's node, its source nodes
// and the nodes of the facts left with no source at all. Entities stay.
// Unlike an update, nothing of the article remains to answer --as-known
// dates with. It returns ErrNotFound when the store holds no such article.
func (s *Store) DeleteArticle(ctx context.Context, id string, now time.Time) (DeleteStats, error) {
	wrap := func(err error) error { return fmt.Errorf("delete article %s: %w", id, err) }
	if err := ctx.Err(); err != nil {
		return DeleteStats{}, wrap(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return DeleteStats{}, wrap(ErrClosed)
	case s.readOnly:
		return DeleteStats{}, wrap(ErrReadOnly)
	}
	if err := s.syncLocked(); err != nil { // its own transaction, after the batch's
		return DeleteStats{}, wrap(err)
	}
	unlock, err := s.lockShared(ctx)
	if err != nil {
		return DeleteStats{}, wrap(err)
	}
	defer unlock()
	r := reader{qs: s.qs, log: s.log, kv: s.kv, pg: s.pg.newScope(true)}
	now, err = r.storedInstant(now)
	if err != nil {
		return DeleteStats{}, wrap(err)
	}
	w := newWriter(r, now, s.cache)
	w.rows = s.timeKeysRange
	a, ok, err := w.r.article(ctx, id)
	if err != nil {
		return DeleteStats{}, wrap(err)
	}
	if !ok {
		return DeleteStats{}, wrap(ErrNotFound)
	}
	w.article = &a
	if err := w.withdraw(ctx, a); err != nil {
		return DeleteStats{}, wrap(err)
	}
	if err := w.inferGroups(ctx); err != nil {
		return DeleteStats{}, wrap(err)
	}
	gone := map[quad.Value]bool{ArticleIRI(id): true} // nodes removed whole
	nodes, err := w.r.in(ctx, ArticleIRI(id), pArticle)
	if err != nil {
		return DeleteStats{}, wrap(err)
	}
	var st DeleteStats
	for _, sn := range nodes {
		gone[sn] = true
		st.Sources++
	}
	// A fact all of whose sources are the article's goes; the others keep
	// what withdraw and inferGroups derived for them.
	owners := map[string]bool{}
	for _, sn := range nodes {
		fs, err := w.r.in(ctx, sn, pSource)
		if err != nil {
			return DeleteStats{}, wrap(err)
		}
		for _, o := range fs {
			if fid, ok := idFromIRI(o, ""); ok {
				owners[fid] = true
			}
		}
	}
	for _, fid := range sortedIDs(owners) {
		f, known := w.cur[fid]
		if !known {
			stored, ok, err := w.fullFact(ctx, fid)
			if err != nil {
				return DeleteStats{}, wrap(err)
			}
			if !ok {
				continue
			}
			f = &stored
		}
		only := true
		for _, src := range f.Sources {
			only = only && src.Article == id
		}
		if !only {
			// Its record is written without the article's sources, which
			// go: the first and last sources it keeps (see aggregate.go)
			// must be stored ones.
			g := *f
			g.Sources = slices.DeleteFunc(slices.Clone(f.Sources), func(s graph.Source) bool { return s.Article == id })
			if !known {
				orig := *f
				w.orig[fid], w.withdrawn[fid] = &orig, true
			}
			w.cur[fid] = &g
			continue
		}
		gone[FactIRI(fid)] = true
		st.Facts++
		if old := w.orig[fid]; old != nil && isStated(old) {
			w.relink(old, w.tx.RemoveQuad)
		} else if !known && isStated(f) {
			w.relink(f, w.tx.RemoveQuad)
		}
		delete(w.cur, fid)
	}
	if err := w.flush(ctx); err != nil {
		return DeleteStats{}, wrap(err)
	}
	st.FactsChanged = w.stats.FactsMerged + w.stats.EndsInferred + w.stats.FactsWithdrawn
	var deltas []cayleygraph.Delta
	for _, d := range w.tx.Deltas {
		if !gone[d.Quad.Subject] {
			deltas = append(deltas, d)
		}
	}
	seen := map[quad.Quad]bool{} // a quad deleted twice in one batch would lose its values' references
	for _, d := range deltas {
		if d.Action == cayleygraph.Delete {
			seen[d.Quad] = true
		}
	}
	for n := range gone {
		for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
			err := w.r.scan(ctx, dir, n, func(q quad.Quad) error {
				if q.Subject != anchorNode && !seen[q] {
					seen[q] = true
					deltas = append(deltas, cayleygraph.Delta{Quad: q, Action: cayleygraph.Delete})
				}
				return nil
			})
			if err != nil {
				return DeleteStats{}, wrap(err)
			}
		}
	}
	if err := s.applyDeltas(keepValues(deltas), nil); err != nil {
		return DeleteStats{}, wrap(err)
	}
	if s.cache != nil {
		s.cache = newInferCache() // what it holds may name the removed nodes
	}
	s.log.Debug("article deleted", "article", id, "sources", st.Sources, "facts", st.Facts)
	return st, nil
}
