package queries

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// DefaultMaxHops is the longest path Path looks for when PathQuery.MaxHops is 0.
const DefaultMaxHops = 4

// DefaultMaxPaths is how many shortest paths Path returns when PathQuery.Limit is 0.
const DefaultMaxPaths = 10

// PathQuery asks how two entities are connected.
type PathQuery struct {
	// From and To are names or aliases.
	From, To string
	// At, when set, uses only facts in force on that day (events: dated that day).
	At graph.Date
	// AsKnown, when set, uses only what had been ingested by the end of
	// that day, each fact as then known (see graph.Window).
	AsKnown graph.Date
	// MaxHops bounds the path length; 0 means DefaultMaxHops.
	MaxHops int
	// Limit bounds how many paths are returned; 0 means DefaultMaxPaths.
	Limit int
	// Names, when set, serves misspelling-tolerant name lookup.
	Names *Names
}

// PathStep is one edge of a path: a fact walked from From to To, in either
// direction of the fact (From is the fact's subject or its object).
type PathStep struct {
	From, To graph.Entity
	Answer
}

// Path is a chain of facts from one entity to another.
type Path struct {
	Steps []PathStep
}

// PathResult is the answer to a PathQuery.
type PathResult struct {
	From, To Resolved
	// Paths are the shortest paths, all of the same length, at most Limit.
	Paths []Path
	// Truncated is true when more shortest paths exist than were returned.
	Truncated bool
}

// edge is one fact seen from one of its entities.
type edge struct {
	fact, other string
	// pred is the fact's predicate; out is true when the entity is the
	// subject of the direct triple (either side, for symmetric predicates).
	pred string
	out  bool
	// at is the fact's sort time as the adjacency row holds it, when
	// timed is set (pathEdges from the rows), so that a window may
	// discard the fact unread (graph.Window.MayHoldSorted).
	at    time.Time
	timed bool
}

// parent is how BFS reached a node.
type parent struct {
	prev string
	fact string
}

// Path finds the shortest chains of facts (walked in either direction)
// between two entities, up to MaxHops facts long, searching from both ends
// at once. Each step carries its fact with dates and sources. No path
// within the bound is an empty result, not an error.
func (e *Engine) Path(ctx context.Context, q PathQuery) (PathResult, error) {
	var res PathResult
	var err error
	if res.From, err = e.ResolveName(ctx, q.Names, q.From); err != nil {
		return res, err
	}
	if res.To, err = e.ResolveName(ctx, q.Names, q.To); err != nil {
		return res, err
	}
	maxHops, limit := q.MaxHops, q.Limit
	if maxHops <= 0 {
		maxHops = DefaultMaxHops
	}
	if limit <= 0 {
		limit = DefaultMaxPaths
	}
	w := &walker{e: e, win: graph.Window{At: q.At, AsKnown: q.AsKnown}, inForce: map[string]bool{}, known: map[string]graph.Fact{}}
	a := newSide(res.From.IDs())
	b := newSide(res.To.IDs())
	for id := range a.dist {
		if _, ok := b.dist[id]; ok {
			return res, errors.New("both names are the same entity")
		}
	}
	var meet []string
	for a.depth+b.depth < maxHops && len(meet) == 0 {
		grow, other := a, b
		if len(b.front) < len(a.front) {
			grow, other = b, a
		}
		if len(grow.front) == 0 {
			break
		}
		if err := w.expand(ctx, grow); err != nil {
			return res, err
		}
		for _, id := range grow.front {
			if _, ok := other.dist[id]; ok {
				meet = append(meet, id)
			}
		}
	}
	sort.Strings(meet)
	var chains [][]step // each chain runs from A to B
	for _, m := range meet {
		for _, left := range a.chains(m, limit+1) {
			for _, right := range b.chains(m, limit+1) {
				chains = append(chains, joinChains(left, right))
			}
		}
		if len(chains) > limit {
			break
		}
	}
	if len(chains) > limit {
		chains, res.Truncated = chains[:limit], true
	}
	for _, ch := range chains {
		p, err := w.path(ctx, ch)
		if err != nil {
			return res, err
		}
		res.Paths = append(res.Paths, p)
	}
	sort.SliceStable(res.Paths, func(i, j int) bool { return pathKey(res.Paths[i]) < pathKey(res.Paths[j]) })
	return res, nil
}

// pathKey orders paths by the dates of their steps, then by their facts.
func pathKey(p Path) string {
	var b strings.Builder
	for _, st := range p.Steps {
		b.WriteString(sortTime(st.Fact).Format("2006-01-02"))
		b.WriteByte(' ')
	}
	for _, st := range p.Steps {
		b.WriteString(st.Fact.ID)
	}
	return b.String()
}

// side is one end of the bidirectional search.
type side struct {
	dist  map[string]int
	par   map[string][]parent
	front []string
	depth int
}

func newSide(roots []string) *side {
	s := &side{dist: map[string]int{}, par: map[string][]parent{}}
	for _, id := range roots {
		s.dist[id] = 0
		s.front = append(s.front, id)
	}
	return s
}

// step is one fact walked from one entity to another.
type step struct {
	from, fact, to string
}

// chains returns up to limit chains of steps from a root of the side to node.
func (s *side) chains(node string, limit int) [][]step {
	if s.dist[node] == 0 {
		return [][]step{nil}
	}
	var out [][]step
	for _, p := range s.par[node] {
		for _, c := range s.chains(p.prev, limit) {
			out = append(out, append(append([]step(nil), c...), step{from: p.prev, fact: p.fact, to: node}))
			if len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// joinChains joins a chain from A to m and a chain from B to m into the
// steps from A to B.
func joinChains(left, right []step) []step {
	out := append([]step(nil), left...)
	for i := len(right) - 1; i >= 0; i-- {
		out = append(out, step{from: right[i].to, fact: right[i].fact, to: right[i].from})
	}
	return out
}

// walker reads adjacency for the search.
type walker struct {
	e *Engine
	// win is the valid time and the knowledge date facts are walked in.
	win     graph.Window
	inForce map[string]bool
	// known holds the facts allowed as allowed read them (under
	// win.AsKnown, as then known), so that a path reads each once.
	known map[string]graph.Fact
}

// expand grows s by one level.
func (w *walker) expand(ctx context.Context, s *side) error {
	var next []string
	for _, u := range s.front {
		edges, err := w.e.pathEdges(ctx, u)
		if err != nil {
			return err
		}
		for _, ed := range edges {
			if ed.timed && !w.win.MayHoldSorted(ed.pred, ed.at) {
				continue
			}
			if ok, err := w.allowed(ctx, ed.fact); err != nil {
				return err
			} else if !ok {
				continue
			}
			d, seen := s.dist[ed.other]
			switch {
			case !seen:
				s.dist[ed.other] = s.depth + 1
				next = append(next, ed.other)
				fallthrough
			case d == s.depth+1:
				s.par[ed.other] = append(s.par[ed.other], parent{prev: u, fact: ed.fact})
			}
		}
	}
	s.front, s.depth = next, s.depth+1
	return nil
}

// allowed reports whether the fact may be walked: known by w.win.AsKnown
// (as then known, its group's ends inferred again) and in force at
// w.win.At.
func (w *walker) allowed(ctx context.Context, id string) (bool, error) {
	if w.win.IsOpen() && w.win.AsKnown.IsZero() {
		return true, nil
	}
	if ok, seen := w.inForce[id]; seen {
		return ok, nil
	}
	f, err := w.e.fact(ctx, id, w.win)
	if err != nil {
		return false, err
	}
	ok := false
	if !w.win.AsKnown.IsZero() {
		ks, err := w.e.asKnown(ctx, []graph.Fact{f}, w.win)
		if err != nil {
			return false, err
		}
		if len(ks) == 1 {
			f, ok = ks[0], true
		}
	} else {
		ok = true
	}
	ok = ok && w.win.Holds(f)
	if ok {
		w.known[id] = f
	}
	w.inForce[id] = ok
	return ok, nil
}

// path decodes a chain of steps into a Path.
func (w *walker) path(ctx context.Context, ch []step) (Path, error) {
	var p Path
	for _, st := range ch {
		f, ok := w.known[st.fact]
		if !ok {
			var err error
			if f, err = w.e.fact(ctx, st.fact, w.win); err != nil {
				return p, err
			}
		}
		ans, err := w.e.answers(ctx, []graph.Fact{f})
		if err != nil {
			return p, err
		}
		a := ans[0]
		ps := PathStep{Answer: a, From: a.Subject, To: a.Object}
		if st.from != f.Subject {
			ps.From, ps.To = a.Object, a.Subject
		}
		p.Steps = append(p.Steps, ps)
	}
	return p, nil
}

// fact reads one fact by id, with its evidence only when the engine reads
// answers so (Options.Evidence) and whole with all its sources for
// answers as known on an earlier date (w.AsKnown), which read every
// source.
func (e *Engine) fact(ctx context.Context, id string, w graph.Window) (graph.Fact, error) {
	if ev, ok := e.store.(interface {
		FactEvidence(ctx context.Context, id string) (graph.Fact, error)
	}); ok && e.opts.Evidence && w.AsKnown.IsZero() {
		return ev.FactEvidence(ctx, id)
	}
	if fs, ok := e.store.(interface {
		Fact(ctx context.Context, id string) (graph.Fact, error)
	}); ok {
		return fs.Fact(ctx, id)
	}
	return graph.Fact{}, fmt.Errorf("fact %s: this store cannot read facts by id", id)
}

// edgeIndex is a store with an adjacency index that lists an entity's
// edges (store.Store.AdjacentEdges).
type edgeIndex interface {
	AdjacentEdges(ctx context.Context, id string) ([]store.Edge, bool, error)
}

// pathEdges returns what a path search walks from entity id: the facts
// that touch it, each with the entity on its other side, sorted by fact
// id, as adjacent returns them but for the direction of each, which a
// path does not use. A store with an adjacency index lists them from its
// rows (keys only), not from every quad naming the entity; else adjacent
// reads them.
func (e *Engine) pathEdges(ctx context.Context, id string) ([]edge, error) {
	ix, ok := e.store.(edgeIndex)
	if !ok {
		return e.adjacent(ctx, id)
	}
	rows, ok, err := ix.AdjacentEdges(ctx, id)
	if err != nil || !ok {
		if err == nil {
			return e.adjacent(ctx, id)
		}
		return nil, err
	}
	out := make([]edge, 0, len(rows))
	for _, r := range rows {
		if r.Other != id {
			out = append(out, edge{fact: r.Fact, other: r.Other, pred: r.Predicate, at: r.Time, timed: true})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].fact != out[j].fact {
			return out[i].fact < out[j].fact
		}
		return out[i].other < out[j].other
	})
	kept := out[:0]
	for _, ed := range out {
		if n := len(kept); n > 0 && kept[n-1].fact == ed.fact && kept[n-1].other == ed.other {
			if !kept[n-1].at.Equal(ed.at) {
				// Two rows of one fact, one outliving its sort time (see
				// store.Store.TimelinePage): the fact's record decides.
				kept[n-1].timed = false
			}
			continue
		}
		kept = append(kept, ed)
	}
	out = kept
	return out, ctx.Err()
}

// quadStorer is a store that exposes its Cayley quad store for reading.
type quadStorer interface {
	QuadStore() cayleygraph.QuadStore
}

// adjacent returns the facts that touch entity id, each with the entity
// on its other side, sorted by fact id. It reads the direct triples of the
// quad encoding when the store exposes its quad store (no fact decoding),
// and the store's facts otherwise.
func (e *Engine) adjacent(ctx context.Context, id string) ([]edge, error) {
	qsr, ok := e.store.(quadStorer)
	if !ok {
		var out []edge
		err := e.store.Facts(ctx, store.FactFilter{Subjects: []string{id}, EitherSide: true}, func(f graph.Fact) error {
			other := f.Object
			if other == id {
				other = f.Subject
			}
			out = append(out, edge{fact: f.ID, other: other, pred: f.Predicate, out: f.Subject == id || graph.IsSymmetric(f.Predicate)})
			return nil
		})
		return out, err
	}
	qs := qsr.QuadStore()
	ref, err := qs.ValueOf(store.EntityIRI(id))
	if err != nil || ref == nil {
		return nil, err
	}
	type key struct{ fact, other string }
	seen := map[key]bool{}
	var out []edge
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		it := qs.QuadIterator(dir, ref).Iterate()
		for it.Next(ctx) {
			q, err := qs.Quad(it.Result())
			if err != nil {
				it.Close()
				return nil, err
			}
			kind, pred, ok := store.ParseIRI(q.Predicate)
			if !ok || kind != store.KindRel {
				continue
			}
			fkind, fid, ok1 := store.ParseIRI(q.Label)
			otherV := q.Object
			if dir == quad.Object {
				otherV = q.Subject
			}
			okind, other, ok2 := store.ParseIRI(otherV)
			if !ok1 || fkind != store.KindFact || !ok2 || okind != store.KindEntity || other == id {
				continue
			}
			ed := edge{fact: fid, other: other, pred: pred, out: dir == quad.Subject}
			if k := (key{fid, other}); !seen[k] {
				seen[k] = true
				out = append(out, ed)
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].fact != out[j].fact {
			return out[i].fact < out[j].fact
		}
		return out[i].other < out[j].other
	})
	return out, ctx.Err()
}
