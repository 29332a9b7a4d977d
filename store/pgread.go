package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/lib/pq"
)

// This file holds pgStore's reads: values in batches through a cache,
// a node's listed predicates in one query, and SQL shapes built on
// Cayley's store.

// OptimizeShape lets Cayley's SQL optimizer turn s into SQL queries; the
// shape it returns builds its iterators on Cayley's store, which the SQL
// shapes require (they refuse any other store, this one included).
func (p *pgStore) OptimizeShape(ctx context.Context, s shape.Shape) (shape.Shape, bool) {
	s, ok := p.QuadStore.OptimizeShape(ctx, s)
	return pgShape{Shape: s, qs: p.QuadStore}, ok
}

// pgShape is a shape optimized by Cayley's SQL store, built on it.
type pgShape struct {
	shape.Shape
	qs *csql.QuadStore
}

// BuildIterator builds the shape on Cayley's SQL store.
func (s pgShape) BuildIterator(cayleygraph.QuadStore) iterator.Shape {
	return s.Shape.BuildIterator(s.qs)
}

// Optimize leaves an optimized shape as it is.
func (s pgShape) Optimize(context.Context, shape.Optimizer) (shape.Shape, bool) {
	return s, false
}

// NameOf returns the value ref names.
func (p *pgStore) NameOf(ref cayleygraph.Ref) (quad.Value, error) {
	vs, err := p.ValuesOf(context.Background(), []cayleygraph.Ref{ref})
	if err != nil {
		return nil, err
	}
	return vs[0], nil
}

// RefsOf returns the refs of values, which are their hashes.
func (p *pgStore) RefsOf(ctx context.Context, values []quad.Value) ([]cayleygraph.Ref, error) {
	out := make([]cayleygraph.Ref, len(values))
	for i, v := range values {
		r, err := p.ValueOf(v)
		if err != nil {
			return nil, err
		}
		out[i] = r
	}
	return out, nil
}

// ValuesOf returns the values refs name (nil for a ref naming none), with
// one query for all those not in memory, on the pool: callers of Cayley's
// interface (Gizmo, path queries) do not hold the Store's lock, so they
// never use an open batch's connection (see valuesOf).
func (p *pgStore) ValuesOf(ctx context.Context, rs []cayleygraph.Ref) ([]quad.Value, error) {
	return p.valuesOf(ctx, rs, p.db)
}

// valuesOf is ValuesOf reading with q: the Store's reads, under its lock,
// pass pgStore.q, so that an open batch's new values are found.
func (p *pgStore) valuesOf(ctx context.Context, rs []cayleygraph.Ref, q pgQuery) ([]quad.Value, error) {
	out := make([]quad.Value, len(rs))
	var missing [][]byte
	at := map[refs.ValueHash][]int{}
	p.mu.Lock()
	for i, r := range rs {
		var h refs.ValueHash
		switch r := r.(type) {
		case nil:
			continue
		case refs.PreFetchedValue:
			out[i] = r.NameOf()
			continue
		case csql.NodeHash:
			h = r.ValueHash
		case refs.ValueHash:
			h = r
		default:
			p.mu.Unlock()
			return nil, fmt.Errorf("unexpected value ref %T", r)
		}
		if !h.Valid() {
			continue
		}
		if v, ok := p.values[h]; ok {
			out[i] = v
			continue
		}
		if _, ok := at[h]; !ok {
			missing = append(missing, append([]byte(nil), h[:]...))
		}
		at[h] = append(at[h], i)
	}
	p.mu.Unlock()
	if len(missing) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT hash, value, value_string, datatype, language, iri, bnode,
	value_int, value_bool, value_float, value_time FROM nodes WHERE hash = ANY($1)`, pq.ByteaArray(missing))
	if err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	defer rows.Close()
	found := map[refs.ValueHash]quad.Value{}
	for rows.Next() {
		var hash []byte
		var c nodeColumns
		if err := rows.Scan(&hash, &c.data, &c.str, &c.typ, &c.lang, &c.iri, &c.bnode, &c.vint, &c.vbool, &c.vfloat, &c.vtime); err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		v, err := c.value()
		if err != nil {
			return nil, fmt.Errorf("read values: %w", err)
		}
		var h refs.ValueHash
		copy(h[:], hash)
		for _, i := range at[h] {
			out[i] = v
		}
		found[h] = v
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read values: %w", err)
	}
	p.remember(found)
	return out, nil
}

// remember keeps values in memory, dropping a quarter of those kept when
// there are too many.
func (p *pgStore) remember(values map[refs.ValueHash]quad.Value) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.values)+len(values) > pgValueCacheMax {
		evictQuarter(p.values)
	}
	for h, v := range values {
		p.values[h] = v
	}
}

// nodeColumns is a row of Cayley's nodes table: one value, in the column
// of its kind.
type nodeColumns struct {
	data              []byte
	str, typ, lang    sql.NullString
	iri, bnode, vbool sql.NullBool
	vint              sql.NullInt64
	vfloat            sql.NullFloat64
	vtime             sql.NullTime
}

// value decodes the row as Cayley's SQL store writes it.
func (c nodeColumns) value() (quad.Value, error) {
	switch {
	case c.str.Valid:
		s := unescapeNull(c.str.String)
		switch {
		case c.iri.Bool:
			return quad.IRI(c.str.String), nil
		case c.bnode.Bool:
			return quad.BNode(c.str.String), nil
		case c.lang.Valid:
			return quad.LangString{Value: quad.String(s), Lang: c.lang.String}, nil
		case c.typ.Valid:
			return quad.TypedString{Value: quad.String(s), Type: quad.IRI(c.typ.String)}, nil
		}
		return quad.String(s), nil
	case c.vint.Valid:
		return quad.Int(c.vint.Int64), nil
	case c.vbool.Valid:
		return quad.Bool(c.vbool.Bool), nil
	case c.vfloat.Valid:
		return quad.Float(c.vfloat.Float64), nil
	case c.vtime.Valid:
		return quad.Time(c.vtime.Time.UTC()), nil
	}
	return pquads.UnmarshalValue(c.data)
}

// unescapeNull undoes Cayley's escaping of NUL bytes in strings.
func unescapeNull(s string) string {
	return strings.ReplaceAll(s, `\x00`, "\x00")
}

// eachOut calls fn for the object of every quad "node pred ?" whose pred
// is one of preds, with one query at most (sc: see pgScope).
func (p *pgStore) eachOut(ctx context.Context, sc *pgScope, node quad.Value, preds []quad.IRI, fn func(pred quad.IRI, v quad.Value) error) error {
	a, err := p.outOf(ctx, sc, node, preds)
	if err != nil {
		return err
	}
	for _, pair := range a {
		if err := fn(pair.pred, pair.v); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Quad returns the quad ref names, its values read with one query at
// most.
func (p *pgStore) Quad(ref cayleygraph.Ref) (quad.Quad, error) {
	h, ok := ref.(csql.QuadHashes)
	if !ok {
		return p.QuadStore.Quad(ref)
	}
	var rs []cayleygraph.Ref
	for _, dir := range quad.Directions {
		rs = append(rs, csql.NodeHash{ValueHash: h.Get(dir)})
	}
	vs, err := p.ValuesOf(context.Background(), rs)
	if err != nil {
		return quad.Quad{}, err
	}
	return quad.Quad{Subject: vs[0], Predicate: vs[1], Object: vs[2], Label: vs[3]}, nil
}

// quadIterator iterates the quads that have ref in direction d: on
// PostgreSQL with one query where the Store's reads go (fixedQuads).
func (r reader) quadIterator(ctx context.Context, d quad.Direction, ref cayleygraph.Ref) iterator.Shape {
	if p, ok := r.qs.(*pgStore); ok {
		return p.fixedQuads(ctx, shape.Quads{{Dir: d, Values: shape.Fixed{ref}}})
	}
	return r.qs.QuadIterator(d, ref)
}

// values returns the values refs name: on PostgreSQL read where the
// Store's reads go (an open batch's connection, see pgStore.q).
func (r reader) values(ctx context.Context, rs []cayleygraph.Ref) ([]quad.Value, error) {
	if p, ok := r.qs.(*pgStore); ok {
		return p.valuesOf(ctx, rs, p.q())
	}
	return cayleygraph.ValuesOf(ctx, r.qs, rs)
}

// fixedQuads iterates the quads that match every filter of fixed (each a
// direction and one value), read whole with one query where the Store's
// reads go (pgStore.q): an open batch's connection, whose transaction
// holds the batch's writes, which Cayley's own connections would not see.
// Filters it cannot express go to Cayley's store. Only the Store's reads,
// under its lock, call it.
func (p *pgStore) fixedQuads(ctx context.Context, fixed shape.Quads) iterator.Shape {
	var b strings.Builder
	b.WriteString("SELECT subject_hash, predicate_hash, object_hash, label_hash FROM quads WHERE ")
	args := make([]any, 0, len(fixed))
	for i, f := range fixed {
		vals, ok := f.Values.(shape.Fixed)
		if !ok || len(vals) != 1 {
			return shape.BuildIterator(ctx, p.QuadStore, fixed)
		}
		h, ok := vals[0].(csql.NodeHash)
		if !ok {
			return shape.BuildIterator(ctx, p.QuadStore, fixed)
		}
		col, ok := pgQuadColumn[f.Dir]
		if !ok {
			return shape.BuildIterator(ctx, p.QuadStore, fixed)
		}
		if i > 0 {
			b.WriteString(" AND ")
		}
		fmt.Fprintf(&b, "%s = $%d", col, i+1)
		args = append(args, h.SQLValue())
	}
	if len(fixed) == 0 {
		return shape.BuildIterator(ctx, p.QuadStore, fixed)
	}
	rows, err := p.q().QueryContext(ctx, b.String(), args...)
	if err != nil {
		return iterator.NewError(fmt.Errorf("read quads: %w", err))
	}
	quads, err := scanQuads(rows)
	if err != nil {
		return iterator.NewError(fmt.Errorf("read quads: %w", err))
	}
	rs := make([]cayleygraph.Ref, len(quads))
	for i, q := range quads {
		rs[i] = csql.QuadHashes{QuadHash: q}
	}
	return iterator.NewFixed(rs...)
}

// pgQuadColumn names the column of Cayley's quads table of each direction.
var pgQuadColumn = map[quad.Direction]string{
	quad.Subject:   "subject_hash",
	quad.Predicate: "predicate_hash",
	quad.Object:    "object_hash",
	quad.Label:     "label_hash",
}

// buildQuads builds the iterator of the quads matching fixed: on
// PostgreSQL with one query where reads go (pgStore.fixedQuads), elsewhere
// as the backend plans it.
func (r reader) buildQuads(ctx context.Context, fixed shape.Quads) iterator.Shape {
	if p, ok := r.qs.(*pgStore); ok {
		return p.fixedQuads(ctx, fixed)
	}
	return shape.BuildIterator(ctx, r.qs, fixed)
}
