package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
)

// inferGroups recomputes the inferred ends of every group of states the
// batch touched: the groups of its state facts, and for each "succeeded"
// event the groups of the predecessor's states. Changed facts go to w.cur.
func (w *writer) inferGroups(ctx context.Context) error {
	reps := map[string]Fact{} // group key → one member, to find the group by
	var batchIDs []string
	for id := range w.inBatch {
		batchIDs = append(batchIDs, id)
	}
	sort.Strings(batchIDs)
	for _, id := range batchIDs {
		f := w.cur[id]
		if !termChanged(w.orig[id], f) {
			continue
		}
		if k := GroupKey(f); k != "" {
			reps[k] = *f
		}
		if f.Predicate != Succeeded {
			continue
		}
		var states []Fact
		for _, p := range []string{Leads, HoldsPosition} {
			fs, err := w.related(ctx, f.Object, quad.Subject, p, nil, func(*Fact) bool { return true })
			if err != nil {
				return err
			}
			states = append(states, fs...)
		}
		for _, g := range states {
			reps[GroupKey(&g)] = g
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
func (w *writer) inferGroup(ctx context.Context, key string, rep Fact) error {
	node, dir := rep.Object, quad.Object
	if rep.Predicate == HasTarget {
		node, dir = rep.Subject, quad.Subject
	}
	members, err := w.related(ctx, node, dir, rep.Predicate, nil, func(g *Fact) bool { return GroupKey(g) == key })
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
	all := members
	if rep.Predicate != HasTarget && len(subjects) > 1 {
		ids := make([]string, 0, len(open))
		for s := range open {
			ids = append(ids, s)
		}
		sort.Strings(ids)
		for _, s := range ids {
			evs, err := w.related(ctx, s, quad.Object, Succeeded, subjects, func(*Fact) bool { return true })
			if err != nil {
				return err
			}
			all = append(all, evs...)
		}
	}
	for i, f := range InferEnds(all)[:len(members)] {
		have := members[i]
		if f.End == have.End && f.EndInferredFrom == have.EndInferredFrom {
			continue
		}
		cur := w.cur[f.ID]
		if cur == nil {
			stored := have
			w.orig[f.ID] = &stored
			c := have
			cur = &c
			w.cur[f.ID] = cur
		}
		cur.End, cur.EndInferredFrom = f.End, f.EndInferredFrom
	}
	return nil
}

// related returns the facts of predicate pred with entity id on side dir
// (quad.Subject or quad.Object) whose other side is in others (nil: any)
// and that keep accepts, as this batch leaves
// them: stored facts overlaid by w.cur, and the batch's new facts. The
// stored ones are found in one scan of the entity's direct triples (whose
// label is the fact node); sources are read only for terms whose start is
// unknown (their publication dates anchor the term).
func (w *writer) related(ctx context.Context, id string, dir quad.Direction, pred string, others map[string]bool, keep func(*Fact) bool) ([]Fact, error) {
	links, err := w.links(ctx, id, dir, pred)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, l := range links {
		if others == nil || others[l.other] {
			ids = append(ids, l.fact)
		}
	}
	seen := map[string]bool{}
	var out []Fact
	for _, fid := range ids {
		seen[fid] = true
		if c := w.cur[fid]; c != nil {
			if keep(c) {
				out = append(out, *c)
			}
			continue
		}
		f, ok, err := w.node(ctx, fid)
		if err != nil {
			return nil, err
		}
		if !ok || f.Predicate != pred || !keep(&f) {
			continue
		}
		if f.Start.IsZero() && !IsEvent(f.Predicate) && (f.End.IsZero() || f.EndInferredFrom != "") {
			// An open term with an unknown start is anchored by its
			// sources' publication dates.
			if f, _, err = w.r.fact(ctx, fid, w.articles); err != nil {
				return nil, err
			}
		}
		out = append(out, f)
	}
	curIDs := make([]string, 0, len(w.cur))
	for fid := range w.cur {
		curIDs = append(curIDs, fid)
	}
	sort.Strings(curIDs)
	for _, fid := range curIDs {
		c := w.cur[fid]
		side := c.Object
		if dir == quad.Subject {
			side = c.Subject
		}
		other := c.Subject
		if dir == quad.Subject {
			other = c.Object
		}
		if !seen[fid] && c.Predicate == pred && side == id && (others == nil || others[other]) && keep(c) {
			out = append(out, *c)
		}
	}
	return out, nil
}

// link is a stored direct triple: its fact and the entity on its other side.
type link struct{ fact, other string }

// links returns the stored direct triples of predicate pred with entity id
// on side dir, sorted by fact id; the batch caches them (the batch's own
// facts are overlaid by related).
func (w *writer) links(ctx context.Context, id string, dir quad.Direction, pred string) ([]link, error) {
	key := fmt.Sprint(id, "\x00", dir, "\x00", pred)
	if ls, ok := w.linkCache[key]; ok {
		return ls, nil
	}
	rel := RelIRI(pred)
	seen := map[string]bool{}
	var out []link
	err := w.r.scan(ctx, dir, EntityIRI(id), func(q quad.Quad) error {
		if q.Predicate != rel {
			return nil
		}
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
	w.linkCache[key] = out
	return out, nil
}

// node reads a stored fact without its sources, through the batch's cache:
// an event (few quads) in one scan of its node, a state one predicate at a
// time (a state may have many sources).
func (w *writer) node(ctx context.Context, id string) (Fact, bool, error) {
	if f, ok := w.nodeCache[id]; ok {
		return f, true, nil
	}
	var f Fact
	if pred, err := w.r.out(ctx, FactIRI(id), pPredicate); err != nil || len(pred) == 0 {
		return Fact{}, false, err
	} else if IsEvent(stringOf(pred[0])) {
		p, err := w.r.props(ctx, FactIRI(id))
		if err != nil {
			return Fact{}, false, err
		}
		if f, err = decodeFact(id, p); err != nil {
			return Fact{}, false, err
		}
	} else {
		var ok bool
		var err error
		if f, ok, err = w.r.factNode(ctx, id); err != nil || !ok {
			return f, ok, err
		}
	}
	w.nodeCache[id] = f
	return f, true, nil
}
