package store

import (
	"context"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// eachLabel calls fn for the label of every quad that has node on side
// dir (quad.Subject or quad.Object) and predicate pred: for a direct
// triple, its fact node. It reads those quads only, not every quad naming
// node. On kv backends (bbolt) this is one prefix scan of the index that
// starts with dir and the predicate (Cayley's default subject–predicate and
// object–predicate–subject indexes; Cayley's own optimizer does not use a
// prefix of the latter); elsewhere the backend plans the two filters
// (PostgreSQL: one indexed SQL query; memory: an intersection). A label
// may come more than once; the order is the backend's.
func (r reader) eachLabel(ctx context.Context, dir quad.Direction, node quad.Value, pred quad.IRI, fn func(quad.Value) error) error {
	return r.eachWith(ctx, dir, node, pred, quad.Label, fn)
}

// eachWith calls fn for the value on side want of every quad that has
// node on side dir and predicate pred, by the same one prefix scan as
// eachLabel: eachWith(quad.Subject, n, p, quad.Object) reads the objects
// of "n p ?" without reading n's other quads (a fact's thousands of
// source links).
func (r reader) eachWith(ctx context.Context, dir quad.Direction, node quad.Value, pred quad.IRI, want quad.Direction, fn func(quad.Value) error) error {
	nref, err := r.qs.ValueOf(node)
	if err != nil || nref == nil {
		return err
	}
	pref, err := r.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return err
	}
	var sh iterator.Shape
	if ind, ok := prefixIndex(r.qs, dir); ok {
		nv, nok := nref.(kv.Int64Value)
		pv, pok := pref.(kv.Int64Value)
		if nok && pok {
			sh = kv.IndexScan{Index: ind, Values: []uint64{uint64(nv), uint64(pv)}}.BuildIterator(r.qs)
		}
	}
	if sh == nil {
		sh = r.buildQuads(ctx, shape.Quads{
			{Dir: dir, Values: shape.Fixed{nref}},
			{Dir: quad.Predicate, Values: shape.Fixed{pref}},
		})
	}
	it := sh.Iterate()
	defer it.Close()
	var batch []cayleygraph.Ref
	flush := func() error {
		vals, err := r.values(ctx, batch)
		if err != nil {
			return err
		}
		batch = batch[:0]
		for _, v := range vals {
			if v == nil {
				continue
			}
			if err := fn(v); err != nil {
				return err
			}
		}
		return nil
	}
	for it.Next(ctx) {
		l, err := r.qs.QuadDirection(it.Result(), want)
		if err != nil {
			return err
		}
		if l == nil {
			continue
		}
		if batch = append(batch, l); len(batch) == scanBatch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	return ctx.Err()
}

// eachOut calls fn for the object of every quad "node pred ?" whose pred
// is one of preds: one prefix scan per predicate (eachWith), or on
// PostgreSQL one query for all of them.
func (r reader) eachOut(ctx context.Context, node quad.Value, preds []quad.IRI, fn func(pred quad.IRI, v quad.Value) error) error {
	if p, ok := r.qs.(*pgStore); ok {
		return p.eachOut(ctx, r.pg, node, preds, fn)
	}
	for _, pred := range preds {
		err := r.eachWith(ctx, quad.Subject, node, pred, quad.Object, func(v quad.Value) error { return fn(pred, v) })
		if err != nil {
			return err
		}
	}
	return nil
}

// prefixIndex returns the kv index of qs whose keys start with dir and the
// predicate, if qs is a kv store and Cayley's default indexes hold one.
func prefixIndex(qs cayleygraph.QuadStore, dir quad.Direction) (kv.QuadIndex, bool) {
	if _, ok := qs.(*kv.QuadStore); !ok {
		return kv.QuadIndex{}, false
	}
	for _, ind := range kv.DefaultQuadIndexes {
		if len(ind.Dirs) >= 2 && ind.Dirs[0] == dir && ind.Dirs[1] == quad.Predicate {
			return ind, true
		}
	}
	return kv.QuadIndex{}, false
}

// scanDirect calls fn for every quad "s pred o" (a fact's direct triple,
// whose label is the fact node), s or o nil meaning any, reading those
// quads only: never the other quads naming s or o (a hub entity's
// thousands of facts of other predicates, or of other partners). At
// least one of s and o must be given. On kv backends (bbolt) this is one
// prefix scan of Cayley's object–predicate–subject index when o is given
// (a point lookup when s is given too) or of its subject–predicate index;
// elsewhere the backend plans the fixed directions (PostgreSQL: one
// indexed SQL query; memory: an intersection). The quads' values are
// resolved in batches, as scan does.
func (r reader) scanDirect(ctx context.Context, s quad.Value, pred quad.IRI, o quad.Value, fn func(quad.Quad) error) error {
	pref, err := r.qs.ValueOf(pred)
	if err != nil || pref == nil {
		return err
	}
	var fixed shape.Quads
	var vals []uint64
	var ind kv.QuadIndex
	kvOK := false
	for _, side := range []struct {
		dir quad.Direction
		v   quad.Value
	}{{quad.Object, o}, {quad.Subject, s}} {
		if side.v == nil {
			continue
		}
		ref, err := r.qs.ValueOf(side.v)
		if err != nil || ref == nil {
			return err
		}
		fixed = append(fixed, shape.QuadFilter{Dir: side.dir, Values: shape.Fixed{ref}})
		if len(vals) == 0 {
			// The first side given leads the index scan: the object's
			// index holds the predicate and then the subject, the
			// subject's the predicate alone.
			if ind, kvOK = prefixIndex(r.qs, side.dir); kvOK {
				nv, nok := ref.(kv.Int64Value)
				pv, pok := pref.(kv.Int64Value)
				kvOK = nok && pok
				if kvOK {
					vals = []uint64{uint64(nv), uint64(pv)}
				}
			}
		} else if kvOK && len(ind.Dirs) > 2 && ind.Dirs[2] == side.dir {
			nv, ok := ref.(kv.Int64Value)
			if !ok {
				kvOK = false
			} else {
				vals = append(vals, uint64(nv))
			}
		}
	}
	if len(fixed) == 0 {
		return nil
	}
	fixed = append(fixed, shape.QuadFilter{Dir: quad.Predicate, Values: shape.Fixed{pref}})
	var sh iterator.Shape
	if kvOK {
		sh = kv.IndexScan{Index: ind, Values: vals}.BuildIterator(r.qs)
	} else {
		sh = r.buildQuads(ctx, fixed)
	}
	it := sh.Iterate()
	defer it.Close()
	var batch []cayleygraph.Ref
	for it.Next(ctx) {
		batch = append(batch, it.Result())
		if len(batch) == scanBatch {
			if err := r.quads(ctx, batch, func(q quad.Quad) error { return keepDirect(q, s, o, fn) }); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := r.quads(ctx, batch, func(q quad.Quad) error { return keepDirect(q, s, o, fn) }); err != nil {
		return err
	}
	return ctx.Err()
}

// keepDirect calls fn for q when its sides are s and o (nil: any): an
// index scan by a prefix yields the quads of its prefix only, and this
// keeps the others out whatever index served it.
func keepDirect(q quad.Quad, s, o quad.Value, fn func(quad.Quad) error) error {
	if (s != nil && q.Subject != s) || (o != nil && q.Object != o) {
		return nil
	}
	return fn(q)
}
