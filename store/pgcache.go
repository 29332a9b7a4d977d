package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// This file holds pgStore's read cache: the answers of the per-node reads
// an ingest repeats from article to article (an article's node and its
// content hash, an entity's name and aliases, the entities of an alias
// key), kept while no other process writes.
//
// The change counter (geokg_writes) is bumped in the transaction of every
// write, so a counter that has not moved means that no quad has changed
// since it was read. The cache records the counter it is consistent with:
// a write of this process moves it by one and adds its quads to the
// answers they belong to (and removes those it deletes), so that what this
// process writes stays cached; a counter found anywhere else drops the
// whole cache. Outside a write, a read takes the counter once (one query)
// before it first serves an answer from the cache (see pgScope); inside
// one, the write lock's counter is the cache's. Reads of many nodes at
// once (prefetchOut, prefetchIn, prefetchProps) fill it in one query.

// pgCacheMax bounds the values a pgStore's read cache holds; past it the
// cache is emptied. An answer with more values than pgCacheAnswerMax (a
// fact's thousands of sources) is never kept.
const (
	pgCacheMax       = 200_000
	pgCacheAnswerMax = 1_000
)

// pgKind names what a cached answer is the answer to.
type pgKind byte

const (
	// pgOut: the objects of "node pred ?" for a set of predicates.
	pgOut pgKind = iota + 1
	// pgProps: the predicates and objects of every quad "node ? ?".
	pgProps
	// pgIn: the subjects of "? pred node".
	pgIn
)

// pgKey names one cached answer: its kind, its node, and its predicates
// (the hashes of the predicates asked, in order).
type pgKey struct {
	kind  pgKind
	node  refs.ValueHash
	preds string
}

// pgPair is one row of a cached answer: the predicate (empty in an answer
// of pgIn, or when not an IRI) and the value of one quad, and their
// hashes.
type pgPair struct {
	pred   quad.IRI
	v      quad.Value
	ph, vh refs.ValueHash
}

// pgCache is a pgStore's read cache.
type pgCache struct {
	mu sync.Mutex
	// seen is the change counter the answers are consistent with; -1:
	// unknown, when the cache holds nothing.
	seen    int64
	answers map[pgKey][]pgPair
	// bySubject lists the keys of pgOut and pgProps answers of each node.
	bySubject map[refs.ValueHash][]pgKey
	values    int
}

// newPGCache returns an empty cache.
func newPGCache() *pgCache {
	c := &pgCache{}
	c.clearLocked(-1)
	return c
}

// clearLocked empties the cache, now consistent with counter n.
func (c *pgCache) clearLocked(n int64) {
	c.seen = n
	c.answers = map[pgKey][]pgPair{}
	c.bySubject = map[refs.ValueHash][]pgKey{}
	c.values = 0
}

// at makes the cache consistent with counter n: it keeps its answers when
// they are of n, and drops them otherwise.
func (c *pgCache) at(n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen != n {
		c.clearLocked(n)
	}
}

// get returns the answer kept under k; that of some predicates of a node
// (pgOut) is also taken from the node's whole answer (pgProps).
func (c *pgCache) get(k pgKey) ([]pgPair, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if a, ok := c.answers[k]; ok || k.kind != pgOut {
		return a, ok
	}
	all, ok := c.answers[pgKey{kind: pgProps, node: k.node}]
	if !ok {
		return nil, false
	}
	var a []pgPair
	for _, pair := range all {
		if hasPred(k.preds, pair.ph) {
			a = append(a, pair)
		}
	}
	return a, true
}

// put keeps answer a under k, read while the counter was seen; an answer
// read under another counter, or too large, is not kept.
func (c *pgCache) put(seen int64, k pgKey, a []pgPair) {
	if len(a) > pgCacheAnswerMax {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen != seen || seen < 0 {
		return
	}
	if c.values+len(a)+1 > pgCacheMax {
		c.clearLocked(c.seen)
	}
	if old, ok := c.answers[k]; ok {
		c.values -= len(old) + 1
	} else if k.kind != pgIn {
		c.bySubject[k.node] = append(c.bySubject[k.node], k)
	}
	c.answers[k] = a
	c.values += len(a) + 1
}

// wrote records a write of this process, which added the quads added and
// removed the quads removed (values names their values): the answers they
// change are changed alike, and the cache is consistent with counter n
// when it was consistent with from before (emptied otherwise).
func (c *pgCache) wrote(added, removed []refs.QuadHash, values map[refs.ValueHash]quad.Value, from, n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if from < 0 || c.seen != from {
		c.clearLocked(n)
		return
	}
	c.seen = n
	for _, q := range added {
		c.change(q, values, true)
	}
	for _, q := range removed {
		c.change(q, values, false)
	}
	if c.values > pgCacheMax {
		c.clearLocked(n)
	}
}

// change adds quad q to (add) or removes it from the answers it is part
// of; an answer whose value it cannot name is dropped.
func (c *pgCache) change(q refs.QuadHash, values map[refs.ValueHash]quad.Value, add bool) {
	s, p, o := q.Get(quad.Subject), q.Get(quad.Predicate), q.Get(quad.Object)
	pred, _ := values[p].(quad.IRI)
	ov, sv := values[o], values[s]
	edit := func(k pgKey, pair pgPair) {
		a, ok := c.answers[k]
		if !ok {
			return
		}
		if pair.v == nil {
			c.values -= len(a) + 1
			delete(c.answers, k)
			return
		}
		if add {
			c.answers[k] = append(a[:len(a):len(a)], pair)
			c.values++
			return
		}
		for i, x := range a {
			if x.ph == pair.ph && x.vh == pair.vh {
				b := make([]pgPair, 0, len(a)-1)
				c.answers[k] = append(append(b, a[:i]...), a[i+1:]...)
				c.values--
				return
			}
		}
	}
	for _, k := range c.bySubject[s] {
		if k.kind == pgOut && !hasPred(k.preds, p) {
			continue
		}
		edit(k, pgPair{pred: pred, v: ov, ph: p, vh: o})
	}
	edit(pgKey{kind: pgIn, node: o, preds: string(p[:])}, pgPair{v: sv, vh: s})
}

// hasPred reports whether the predicates of a key hold p.
func hasPred(preds string, p refs.ValueHash) bool {
	for i := 0; i+len(p) <= len(preds); i += len(p) {
		if preds[i:i+len(p)] == string(p[:]) {
			return true
		}
	}
	return false
}

// counter returns the cache's counter.
func (c *pgCache) counter() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen
}

// pgScope is one read of the store (Store.read) or one write: it takes the
// change counter at most once, before the first answer it serves from the
// cache (a read that finds nothing there costs no more than without the
// cache). A nil scope reads without the cache.
//
// An answer read without taking the counter is kept too, under the
// counter the cache holds: it is at least as recent as the cache's other
// answers, and the next check drops it with them when the counter has
// moved since.
type pgScope struct {
	// checked is set once the cache is known consistent with the store
	// for this scope: the counter was read, or the write lock is held.
	checked atomic.Bool
}

// newScope returns the scope of a read (locked: of a write, under the
// write lock); nil when p keeps no cache.
func (p *pgStore) newScope(locked bool) *pgScope {
	if p == nil || p.cache == nil {
		return nil
	}
	sc := &pgScope{}
	// In an open batch the lock is held: no other process writes.
	sc.checked.Store(locked || p.batchOpen())
	return sc
}

// check makes the cache consistent with the store for scope sc, reading
// the change counter unless sc has done so (or holds the write lock).
func (p *pgStore) check(ctx context.Context, sc *pgScope) error {
	if sc.checked.Load() {
		return nil
	}
	var n int64
	p.queries.Add(1)
	if err := p.q().QueryRowContext(ctx, "SELECT n FROM geokg_writes WHERE id = 1").Scan(&n); err != nil {
		return fmt.Errorf("read the change counter: %w", err)
	}
	p.cache.at(n)
	sc.checked.Store(true)
	return nil
}

// cached returns the answer under k, read by query (whose rows are a
// predicate hash, or NULL, and a value hash) when the cache does not hold
// it; sc nil reads without the cache.
func (p *pgStore) cached(ctx context.Context, sc *pgScope, k pgKey, query string, args ...any) ([]pgPair, error) {
	var seen int64 = -1
	if sc != nil {
		if _, ok := p.cache.get(k); ok {
			if err := p.check(ctx, sc); err != nil {
				return nil, err
			}
			if a, ok := p.cache.get(k); ok {
				return a, nil
			}
		}
		seen = p.cache.counter()
	}
	p.queries.Add(1)
	q := p.q()
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var preds, vals []cayleygraph.Ref
	for rows.Next() {
		var ph, vh csql.NodeHash
		if err := rows.Scan(&ph, &vh); err != nil {
			rows.Close()
			return nil, err
		}
		preds = append(preds, ph)
		vals = append(vals, vh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	all, err := p.valuesOf(ctx, append(preds, vals...), q)
	if err != nil {
		return nil, err
	}
	pv, vv := all[:len(preds)], all[len(preds):]
	a := make([]pgPair, 0, len(vv))
	for i, v := range vv {
		if v == nil {
			continue
		}
		pair := pgPair{v: v, ph: preds[i].(csql.NodeHash).ValueHash, vh: vals[i].(csql.NodeHash).ValueHash}
		if iri, ok := pv[i].(quad.IRI); ok {
			pair.pred = iri
		}
		a = append(a, pair)
	}
	if sc != nil {
		p.cache.put(seen, k, a)
	}
	return a, nil
}

// predKey returns the hashes of preds, concatenated, and as query
// arguments.
func predKey(preds []quad.IRI) (string, pq.ByteaArray) {
	var b strings.Builder
	arr := make(pq.ByteaArray, len(preds))
	for i, pred := range preds {
		h := refs.HashOf(pred)
		b.Write(h[:])
		arr[i] = append([]byte(nil), h[:]...)
	}
	return b.String(), arr
}

// outOf returns the predicates and objects of the quads "node pred ?"
// whose pred is one of preds, with one query at most.
func (p *pgStore) outOf(ctx context.Context, sc *pgScope, node quad.Value, preds []quad.IRI) ([]pgPair, error) {
	key, arr := predKey(preds)
	nh := refs.HashOf(node)
	return p.cached(ctx, sc, pgKey{kind: pgOut, node: nh, preds: key},
		"SELECT predicate_hash, object_hash FROM quads WHERE subject_hash = $1 AND predicate_hash = ANY($2)", nh[:], arr)
}

// propsOf returns the predicates and objects of every quad "node ? ?",
// with one query at most.
func (p *pgStore) propsOf(ctx context.Context, sc *pgScope, node quad.Value) ([]pgPair, error) {
	nh := refs.HashOf(node)
	return p.cached(ctx, sc, pgKey{kind: pgProps, node: nh},
		"SELECT predicate_hash, object_hash FROM quads WHERE subject_hash = $1", nh[:])
}

// inOf returns the subjects of the quads "? pred node", with one query at
// most.
func (p *pgStore) inOf(ctx context.Context, sc *pgScope, node quad.Value, pred quad.IRI) ([]pgPair, error) {
	nh, ph := refs.HashOf(node), refs.HashOf(pred)
	return p.cached(ctx, sc, pgKey{kind: pgIn, node: nh, preds: string(ph[:])},
		"SELECT NULL::bytea, subject_hash FROM quads WHERE predicate_hash = $1 AND object_hash = $2", ph[:], nh[:])
}

// prefetchOut reads into the cache, with one query, the answers of outOf
// for each of nodes and preds that it does not hold: the reads a write or
// a lookup of many nodes then makes are served from memory.
func (p *pgStore) prefetchOut(ctx context.Context, sc *pgScope, nodes []quad.Value, preds []quad.IRI) error {
	key, arr := predKey(preds)
	return p.prefetch(ctx, sc, nodes, func(h refs.ValueHash) pgKey { return pgKey{kind: pgOut, node: h, preds: key} },
		"SELECT subject_hash, predicate_hash, object_hash FROM quads WHERE subject_hash = ANY($1) AND predicate_hash = ANY($2)", arr)
}

// prefetchProps reads into the cache, with one query, the answers of
// propsOf for each of nodes that it does not hold, reading no more than
// pgCacheAnswerMax+1 quads of a node (an answer that large is not kept).
func (p *pgStore) prefetchProps(ctx context.Context, sc *pgScope, nodes []quad.Value) error {
	return p.prefetch(ctx, sc, nodes, func(h refs.ValueHash) pgKey { return pgKey{kind: pgProps, node: h} },
		`SELECT n.h, q.predicate_hash, q.object_hash FROM unnest($1::bytea[]) AS n (h),
	LATERAL (SELECT predicate_hash, object_hash FROM quads WHERE subject_hash = n.h LIMIT $2) AS q`, pgCacheAnswerMax+1)
}

// prefetchIn reads into the cache, with one query, the answers of inOf
// for each of nodes and pred that it does not hold.
func (p *pgStore) prefetchIn(ctx context.Context, sc *pgScope, nodes []quad.Value, pred quad.IRI) error {
	ph := refs.HashOf(pred)
	return p.prefetch(ctx, sc, nodes, func(h refs.ValueHash) pgKey { return pgKey{kind: pgIn, node: h, preds: string(ph[:])} },
		"SELECT object_hash, NULL::bytea, subject_hash FROM quads WHERE object_hash = ANY($1) AND predicate_hash = $2", ph[:])
}

// prefetch keeps the answers under keyOf(node) of the nodes whose answers
// the cache does not hold, read with query: its rows are a node's hash, a
// predicate hash (or NULL) and a value hash, and its first parameter is
// the array of those nodes' hashes (args are the next ones).
func (p *pgStore) prefetch(ctx context.Context, sc *pgScope, nodes []quad.Value, keyOf func(refs.ValueHash) pgKey, query string, args ...any) error {
	if sc == nil || len(nodes) == 0 {
		return nil
	}
	for _, n := range nodes {
		if _, ok := p.cache.get(keyOf(refs.HashOf(n))); ok {
			if err := p.check(ctx, sc); err != nil {
				return err
			}
			break
		}
	}
	var keys []pgKey
	var arr pq.ByteaArray
	want := map[refs.ValueHash]bool{}
	for _, n := range nodes {
		h := refs.HashOf(n)
		k := keyOf(h)
		if _, ok := p.cache.get(k); ok || want[h] {
			continue
		}
		want[h] = true
		keys = append(keys, k)
		arr = append(arr, append([]byte(nil), h[:]...))
	}
	if len(keys) == 0 {
		return nil
	}
	seen := p.cache.counter()
	p.queries.Add(1)
	q := p.q()
	rows, err := q.QueryContext(ctx, query, append([]any{arr}, args...)...)
	if err != nil {
		return err
	}
	var ns []refs.ValueHash
	var refsOf []cayleygraph.Ref
	for rows.Next() {
		var nh, ph, vh csql.NodeHash
		if err := rows.Scan(&nh, &ph, &vh); err != nil {
			rows.Close()
			return err
		}
		ns = append(ns, nh.ValueHash)
		refsOf = append(refsOf, ph, vh)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	vals, err := p.valuesOf(ctx, refsOf, q)
	if err != nil {
		return err
	}
	answers := make(map[refs.ValueHash][]pgPair, len(keys))
	for i, nh := range ns {
		pv, v := vals[2*i], vals[2*i+1]
		if v == nil {
			continue
		}
		pair := pgPair{v: v, ph: refsOf[2*i].(csql.NodeHash).ValueHash, vh: refsOf[2*i+1].(csql.NodeHash).ValueHash}
		if iri, ok := pv.(quad.IRI); ok {
			pair.pred = iri
		}
		answers[nh] = append(answers[nh], pair)
	}
	for _, k := range keys {
		p.cache.put(seen, k, answers[k.node])
	}
	return nil
}

// prefetchOut reads, on PostgreSQL, the predicates preds of each of nodes
// into the read cache with one query, ahead of reads that will ask for
// them one node at a time (reader.some); elsewhere it does nothing.
func (r reader) prefetchOut(ctx context.Context, nodes []quad.Value, preds []quad.IRI) error {
	if p, ok := r.qs.(*pgStore); ok {
		return p.prefetchOut(ctx, r.pg, nodes, preds)
	}
	return nil
}

// prefetchProps reads, on PostgreSQL, the quads of each of nodes (up to a
// bound per node) into the read cache with one query, ahead of
// reader.props and reader.some; elsewhere it does nothing.
func (r reader) prefetchProps(ctx context.Context, nodes []quad.Value) error {
	if p, ok := r.qs.(*pgStore); ok {
		return p.prefetchProps(ctx, r.pg, nodes)
	}
	return nil
}

// prefetchIn reads, on PostgreSQL, the subjects of "? pred node" for each
// of nodes into the read cache with one query, ahead of reader.in;
// elsewhere it does nothing.
func (r reader) prefetchIn(ctx context.Context, nodes []quad.Value, pred quad.IRI) error {
	if p, ok := r.qs.(*pgStore); ok {
		return p.prefetchIn(ctx, r.pg, nodes, pred)
	}
	return nil
}
