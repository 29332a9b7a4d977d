package store

// Raw quad access: dumping the store's quads and loading quads back, for
// exports that carry the whole encoding (N-Quads) and for moving a graph
// between backends. Nothing here knows the encoding of encode.go: quads go
// out and come in as they are, so a change of encoding needs no change here.

import (
	"context"
	"errors"
	"fmt"
	"io"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// DumpQuads calls fn for every quad in the store, in the backend's order,
// stopping at the first error fn returns. fn runs under the store's read
// lock (writers wait until the dump ends) and must not call the store.
func (s *Store) DumpQuads(ctx context.Context, fn func(quad.Quad) error) error {
	err := s.read(ctx, func(r reader) error {
		it := r.qs.QuadsAllIterator().Iterate()
		defer it.Close()
		for it.Next(ctx) {
			q, err := r.qs.Quad(it.Result())
			if err != nil {
				return err
			}
			if q.Subject == nil || q.Subject == anchorNode { // deleted quad on some backends; value anchors
				continue
			}
			if err := fn(q); err != nil {
				return err
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("dump quads: %w", err)
	}
	return nil
}

// DumpReachable calls fn for the quads that describe the nodes reachable
// from roots: every quad whose label (named graph) is a root, and every
// unlabelled quad whose subject is a root or is reached from a root by
// following IRI and blank-node objects of unlabelled quads for which
// follow returns true (nil follows all). seen holds the
// nodes already dumped and is updated, so that several calls sharing it
// write each node once (nil means a fresh set). For a fact node this is the
// fact, its direct triples, its entities, sources and articles. fn runs
// under the store's read lock and must not call the store.
func (s *Store) DumpReachable(ctx context.Context, roots []quad.Value, seen map[quad.Value]bool,
	follow func(quad.Quad) bool, fn func(quad.Quad) error) error {
	if seen == nil {
		seen = map[quad.Value]bool{}
	}
	err := s.read(ctx, func(r reader) error {
		var queue []quad.Value
		for _, root := range roots {
			if err := r.scan(ctx, quad.Label, root, fn); err != nil {
				return err
			}
			if !seen[root] {
				seen[root] = true
				queue = append(queue, root)
			}
		}
		for len(queue) > 0 {
			node := queue[0]
			queue = queue[1:]
			err := r.scan(ctx, quad.Subject, node, func(q quad.Quad) error {
				if q.Label != nil {
					return nil
				}
				switch o := q.Object.(type) {
				case quad.IRI, quad.BNode:
					if !seen[o] && (follow == nil || follow(q)) {
						seen[o] = true
						queue = append(queue, o)
					}
				}
				return fn(q)
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("dump quads: %w", err)
	}
	return nil
}

// LoadQuads adds every quad r yields to the store and returns how many
// it read. It reads and checks them all first (CheckQuad: each value in
// its predicate's type, dates in range), then writes them in one
// transaction under the store's write lock: a bad quad, a read error or
// a cancelled ctx stores nothing, and the error names the quad's number.
// Quads already stored are skipped without error, so loading a dump twice
// changes nothing. Quads are stored as given: they must be in the store's
// own encoding (see encode.go).
func (s *Store) LoadQuads(ctx context.Context, r quad.Reader) (int, error) {
	var deltas []cayleygraph.Delta
	for {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("load quads: nothing stored: %w", err)
		}
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		n := len(deltas) + 1
		if err != nil {
			return 0, fmt.Errorf("load quads: quad %d: nothing stored: %w", n, err)
		}
		if err := CheckQuad(q); err != nil {
			return 0, fmt.Errorf("load quads: quad %d (%v): nothing stored: %w", n, q, err)
		}
		deltas = append(deltas, cayleygraph.Delta{Quad: q, Action: cayleygraph.Add})
	}
	if err := s.apply(ctx, deltas); err != nil {
		return 0, fmt.Errorf("load quads: nothing stored: %w", err)
	}
	return len(deltas), nil
}

// apply writes deltas in one transaction under the write lock.
func (s *Store) apply(ctx context.Context, deltas []cayleygraph.Delta) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return ErrClosed
	case s.readOnly:
		return ErrReadOnly
	}
	if err := s.syncLocked(); err != nil { // its own transaction, after the batch's
		return err
	}
	unlock, err := s.lockShared(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if s.cache != nil {
		s.cache = newInferCache() // the quads may change what it holds
	}
	return s.applyDeltas(deltas, nil)
}
