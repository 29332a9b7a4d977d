package store

import (
	"context"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// inferGroups recomputes the inferred ends of every group of states the
// batch touched: the groups of its state facts and of the facts that lost
// a source to an update (see withdraw), and for each "succeeded" event
// the groups of the predecessor's states. Changed facts go to w.cur.
func (w *writer) inferGroups(ctx context.Context) error {
	reps := map[string]graph.Fact{} // group key → one member, to find the group by
	var batchIDs []string
	for id := range w.inBatch {
		batchIDs = append(batchIDs, id)
		if w.orig[id] == nil {
			w.added = append(w.added, id)
		} else if !isStated(w.orig[id]) && isStated(w.cur[id]) {
			w.revived = append(w.revived, id)
		}
	}
	batchIDs = append(batchIDs, sortedIDs(w.withdrawn)...)
	sort.Strings(batchIDs)
	sort.Strings(w.added)
	sort.Strings(w.revived)
	for _, id := range batchIDs {
		f := w.cur[id]
		if !termChanged(w.orig[id], f) {
			continue
		}
		if k := graph.GroupKey(f); k != "" {
			reps[k] = *f
		}
		if f.Predicate != graph.Succeeded {
			continue
		}
		for _, p := range []string{graph.Leads, graph.HoldsPosition} {
			states, err := w.related(ctx, f.Object, quad.Subject, p, nil, func(*graph.Fact) bool { return true })
			if err != nil {
				return err
			}
			for _, g := range states {
				reps[graph.GroupKey(g)] = *g
			}
		}
	}
	keys := make([]string, 0, len(reps))
	for k := range reps {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := w.inferGroup(ctx, k, reps[k]); err != nil {
			return err
		}
	}
	return nil
}

// inferGroup recomputes the inferred ends of group key, of which rep is a
// member.
func (w *writer) inferGroup(ctx context.Context, key string, rep graph.Fact) error {
	node, subject := graph.GroupAnchor(&rep)
	dir := quad.Object
	if subject {
		dir = quad.Subject
	}
	members, err := w.related(ctx, node, dir, rep.Predicate, nil, func(g *graph.Fact) bool { return graph.GroupKey(g) == key })
	if err != nil {
		return err
	}
	// Successions matter only for terms with no stated end: read the
	// "succeeded" events naming their holders as predecessors.
	subjects, open := map[string]bool{}, map[string]bool{}
	for _, m := range members {
		subjects[m.Subject] = true
		if m.End.IsZero() || m.EndInferredFrom != "" {
			open[m.Subject] = true
		}
	}
	succ := map[string][]*graph.Fact{}
	if rep.Predicate != graph.HasTarget && len(subjects) > 1 {
		for s := range open {
			evs, err := w.related(ctx, s, quad.Object, graph.Succeeded, subjects, func(*graph.Fact) bool { return true })
			if err != nil {
				return err
			}
			succ[s] = evs
		}
	}
	ends := graph.GroupEnds(members, succ)
	for i, e := range ends {
		have := members[i]
		endSame := e.End == have.End && e.From == have.EndInferredFrom && e.By == have.EndBy
		if e.End.IsZero() && have.EndInferredFrom == "" {
			endSame = true // a stated end, or none to infer
		}
		if endSame && e.StartAfter == have.StartAfter {
			continue
		}
		cur := w.cur[have.ID]
		if cur == nil {
			stored := *have
			w.orig[have.ID] = &stored
			c := *have
			cur = &c
			w.cur[have.ID] = cur
		}
		if !endSame {
			cur.End, cur.EndInferredFrom, cur.EndBy = e.End, e.From, e.By
		}
		cur.StartAfter = e.StartAfter
	}
	return nil
}

// keepInferred gives d, stored fact old derived again from its sources
// (graph.Derive clears what inference set), old's inferred end when no
// source states one and old's start bound when no source states a start,
// until inferGroups recomputes them.
func keepInferred(d, old *graph.Fact) {
	if old.EndInferredFrom != "" && d.End.IsZero() {
		d.End, d.EndInferredFrom, d.EndBy = old.End, old.EndInferredFrom, old.EndBy
	}
	if d.Start.IsZero() {
		d.StartAfter = old.StartAfter
	}
}

// related returns the facts of predicate pred with entity id on side dir
// (quad.Subject or quad.Object) whose other side is in others (nil: any)
// and that keep accepts, as this batch leaves them (facts no source states
// any longer left out): stored facts overlaid
// by w.cur, and the batch's new facts. The stored ones are found by one
// scan of the entity's direct triples of pred (whose label is the fact
// node), through the writer's inferCache; with a single entity in others,
// of those between the two entities only (pairLinks), so that what a write
// reads of a hub entity's thousands of facts is what its facts name. The
// facts returned are shared: the caller must not change them.
func (w *writer) related(ctx context.Context, id string, dir quad.Direction, pred string, others map[string]bool, keep func(*graph.Fact) bool) ([]*graph.Fact, error) {
	var links []link
	var err error
	if other, ok := single(others); ok {
		s, o := id, other
		if dir == quad.Object {
			s, o = other, id
		}
		links, err = w.pairLinks(ctx, s, pred, o, dir)
	} else {
		links, err = w.links(ctx, id, dir, pred)
	}
	if err != nil {
		return nil, err
	}
	var out []*graph.Fact
	for _, l := range links {
		if (others != nil && !others[l.other]) || w.gone[l.fact] {
			continue
		}
		if c := w.cur[l.fact]; c != nil {
			if isStated(c) && keep(c) {
				out = append(out, c)
			}
			continue
		}
		f, err := w.node(ctx, l.fact)
		if err != nil {
			return nil, err
		}
		if f != nil && f.Predicate == pred && keep(f) {
			out = append(out, f)
		}
	}
	// The batch's new facts, and those it states again, have no stored
	// triple yet.
	for _, fid := range append(w.added[:len(w.added):len(w.added)], w.revived...) {
		c := w.cur[fid]
		side, other := c.Object, c.Subject
		if dir == quad.Subject {
			side, other = c.Subject, c.Object
		}
		if c.Predicate == pred && side == id && (others == nil || others[other]) && keep(c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// link is a stored direct triple: its fact and the entity on its other side.
type link struct{ fact, other string }

// links returns the stored direct triples of predicate pred with entity id
// on side dir, sorted by fact id; the batch caches them (the batch's own
// facts are overlaid by related). It reads those triples only, not the
// entity's others (scanDirect).
func (w *writer) links(ctx context.Context, id string, dir quad.Direction, pred string) ([]link, error) {
	key := linkKey(id, dir, pred)
	if ls, ok := w.cache.links[key]; ok {
		return ls, nil
	}
	var s, o quad.Value
	if dir == quad.Subject {
		s = EntityIRI(id)
	} else {
		o = EntityIRI(id)
	}
	out, err := w.readLinks(ctx, s, pred, o, dir)
	if err != nil {
		return nil, err
	}
	w.cache.links[key] = out
	w.cache.linkCount += len(out)
	return out, nil
}

// pairLinks returns the stored direct triples "s pred o", as links does
// for the entity on side dir, sorted by fact id: from the entity's cached
// triples of pred when the cache holds them, else from the cache of pairs
// or one index lookup of the pair (scanDirect), which the cache keeps.
func (w *writer) pairLinks(ctx context.Context, s, pred, o string, dir quad.Direction) ([]link, error) {
	id, other := s, o
	if dir == quad.Object {
		id, other = o, s
	}
	if ls, ok := w.cache.links[linkKey(id, dir, pred)]; ok {
		var out []link
		for _, l := range ls {
			if l.other == other {
				out = append(out, l)
			}
		}
		return out, nil
	}
	key := pairKey(s, pred, o)
	ids, ok := w.cache.pairs[key]
	if !ok {
		ls, err := w.readLinks(ctx, EntityIRI(s), pred, EntityIRI(o), dir)
		if err != nil {
			return nil, err
		}
		ids = make([]string, len(ls))
		for i, l := range ls {
			ids[i] = l.fact
		}
		w.cache.pairs[key] = ids
		w.cache.linkCount += len(ids)
	}
	out := make([]link, len(ids))
	for i, fid := range ids {
		out[i] = link{fid, other}
	}
	return out, nil
}

// readLinks reads the stored direct triples "s pred o" (s or o nil: any)
// as links of the entity on side dir, sorted by fact id.
func (w *writer) readLinks(ctx context.Context, s quad.Value, pred string, o quad.Value, dir quad.Direction) ([]link, error) {
	seen := map[string]bool{}
	var out []link
	err := w.r.scanDirect(ctx, s, RelIRI(pred), o, func(q quad.Quad) error {
		fid, ok := idFromIRI(q.Label, "")
		if !ok || seen[fid] {
			return nil
		}
		other := q.Object
		if dir == quad.Object {
			other = q.Subject
		}
		oid, _ := idFromIRI(other, "entity/")
		seen[fid] = true
		out = append(out, link{fid, oid})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].fact < out[j].fact })
	return out, nil
}

// single returns the one member of set, if it has exactly one.
func single(set map[string]bool) (string, bool) {
	if len(set) != 1 {
		return "", false
	}
	for k := range set {
		return k, true
	}
	return "", false
}

// node reads a stored fact as inferCache keeps it (see summary), through
// the cache, or nil when it is not stored (or no live source states it):
// an event (few quads) in one scan of its node, a state or a "succeeded"
// event (whose first publication may bound a term) from its evidence (its
// record: one value, whatever its sources).
func (w *writer) node(ctx context.Context, id string) (*graph.Fact, error) {
	if f, ok := w.cache.nodes[id]; ok {
		return f, nil
	}
	var f graph.Fact
	if pred, err := w.r.out(ctx, FactIRI(id), pPredicate); err != nil || len(pred) == 0 {
		return nil, err
	} else if p := stringOf(pred[0]); graph.IsEvent(p) && p != graph.Succeeded {
		p, err := w.r.props(ctx, FactIRI(id))
		if err != nil {
			return nil, err
		}
		if f, err = w.r.decodeFact(id, p); err != nil {
			return nil, err
		}
	} else {
		// A state's evidence holds the publications that bound its dates,
		// all that inference reads of its sources (see summary), in one
		// record, whatever its sources.
		var ok bool
		var err error
		if f, ok, err = w.r.factEvidence(ctx, id, w.articles); err != nil || !ok {
			return nil, err
		}
	}
	f = summary(f)
	w.cache.nodes[id] = &f
	return &f, nil
}
