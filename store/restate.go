package store

import (
	"context"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// An undated statement of an event restates the stated event of the same
// subject, predicate, object and role that its article was published
// shortly after (graph.RestatedEvent), and becomes its source. When the
// undated statement is stored first, dateUndated cannot see the event; so
// a batch that stores a dated event (or gives one a new date) takes over
// the undated statements stored before it that restate it: each such
// source moves, with its claim and recording time, from the fact it was
// stored on — an undated fact of the event, or an earlier dated one it
// was read as restating — to the batch's event. A fact left with no
// source at all is removed. The facts left are then those the other order
// of arrival leaves (recording times aside): each source of a symmetric
// fact records the side it names first (graph.Source.Subject), so both
// facts are oriented again as their earliest source states them. (Sources
// stored before that was recorded name no side; the fact a source moves
// to then takes the orientation of the fact it leaves.)

// absorbRestated moves to each dated event of the batch the stored
// undated statements that restate it (see above). It reads only the facts
// of the event's subject and predicate (one scan of its direct triples,
// through the cache) and the sources of those that may hold such
// statements.
func (w *writer) absorbRestated(ctx context.Context) error {
	for _, id := range sortedIDs(w.inBatch) {
		f := w.cur[id]
		if f == nil || !graph.IsEvent(f.Predicate) || f.Date.IsZero() || !isStated(f) {
			continue
		}
		if old := w.orig[id]; old != nil && isStated(old) && old.Date == f.Date {
			continue // stored with this date already: restatements found it then
		}
		event := *f
		keep := func(g *graph.Fact) bool {
			return g.ID != event.ID && sameEvent(&event, g) && (g.Date.IsZero() || graph.MayRestateLater(g.Date, event.Date))
		}
		cands, ok, err := w.restateCandidates(ctx, &event, keep)
		if err == nil && !ok {
			cands, err = w.related(ctx, f.Subject, quad.Subject, f.Predicate, map[string]bool{f.Object: true}, keep)
		}
		if err != nil {
			return err
		}
		ids := make([]string, 0, len(cands))
		for _, g := range cands {
			ids = append(ids, g.ID)
		}
		for _, gid := range ids {
			if err := w.moveRestated(ctx, gid, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// moveRestated moves the live sources of fact gid that state its event
// undated and restate event fid rather than gid's date
// (graph.RestatesLater) to fid, and derives both facts again; gid is
// removed when no source is left to it.
func (w *writer) moveRestated(ctx context.Context, gid, fid string) error {
	if err := w.unlean(ctx, gid); err != nil {
		return err
	}
	g := w.cur[gid]
	if g == nil {
		stored, ok, err := w.fullFact(ctx, gid)
		if err != nil || !ok {
			return err
		}
		if _, seen := w.orig[gid]; !seen {
			orig := stored
			w.orig[gid] = &orig
		}
		g = &stored
	}
	f := *w.cur[fid]
	var keep, moved []graph.Source
	for _, s := range g.Sources {
		if !s.IsWithdrawn() && s.Claim.Date.IsZero() && graph.RestatesLater(s.Published, g.Date, f.Date) {
			moved = append(moved, s)
			continue
		}
		keep = append(keep, s)
	}
	if len(moved) == 0 {
		return nil
	}
	if err := w.unlean(ctx, fid); err != nil {
		return err
	}
	f = *w.cur[fid]
	have := map[string]bool{}
	first := -1
	for i := range f.Sources {
		have[sourceKey(&f.Sources[i])] = true
		if first < 0 || sourceFirst(&f.Sources[i], &f.Sources[first]) {
			first = i
		}
	}
	f.Sources = append([]graph.Source(nil), f.Sources...)
	newFirst := false
	for _, s := range moved {
		w.dropSource(gid, s)
		if have[sourceKey(&s)] {
			continue // the article states the event dated too
		}
		w.putSource(fid, s, false)
		f.Sources = append(f.Sources, s)
		if first < 0 || sourceFirst(&s, &f.Sources[first]) {
			first, newFirst = len(f.Sources)-1, true
		}
	}
	if newFirst && graph.IsSymmetric(f.Predicate) && !orient(&f) {
		f.Subject, f.Object = g.Subject, g.Object // a source stored before sides were recorded
	}
	if g.Role != f.Role && strings.EqualFold(g.Role, f.Role) && g.Role < f.Role {
		f.Role = g.Role
	}
	d := graph.Derive(f)
	w.cur[fid] = &d
	w.grown[fid] = true
	if len(keep) == 0 {
		delete(w.cur, gid)
		w.gone[gid] = true
		return nil
	}
	rest := *g
	rest.Sources = keep
	if graph.IsSymmetric(rest.Predicate) {
		orient(&rest)
	}
	rest = graph.Derive(rest)
	w.cur[gid] = &rest
	w.moved[gid] = true
	return nil
}

// removeGone queues the removal of the nodes of the facts the batch left
// with no source (see moveRestated): their qualifiers (as quads too on a
// node of the older layout, see encode.go) and direct triples and
// evidence as stored (their sources are removed as they move).
func (w *writer) removeGone(ctx context.Context) error {
	for _, id := range sortedIDs(w.gone) {
		if old := w.orig[id]; old != nil {
			ev, err := w.storedEvidence(ctx, id)
			if err != nil {
				return err
			}
			qs := append(factQuads(*old), ev...)
			if !slimEvidence(ev) {
				qs = append(qs, qualifierQuads(*old)...)
			}
			for _, q := range qs {
				w.tx.RemoveQuad(q)
			}
		}
	}
	return nil
}

// orient turns symmetric fact f the way its earliest source (sourceFirst)
// states it, and reports whether that source names its side
// (graph.Source.Subject); f is left as it is when not.
func orient(f *graph.Fact) bool {
	first := -1
	for i := range f.Sources {
		if first < 0 || sourceFirst(&f.Sources[i], &f.Sources[first]) {
			first = i
		}
	}
	if first < 0 {
		return false
	}
	switch f.Sources[first].Subject {
	case f.Subject:
		return true
	case f.Object:
		f.Subject, f.Object = f.Object, f.Subject
		return true
	}
	return false
}
