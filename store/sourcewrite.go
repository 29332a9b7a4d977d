package store

import (
	"context"
	"sort"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// How a batch writes source nodes. A source's properties are one packed
// literal (packed.go), so any change to a stored source — a restated
// claim, new time sentences, a withdrawal, a revival — replaces its node's
// quads. The writer notes each source it adds, changes or removes as it
// will be stored (putSource, dropSource) and writes them once, in flush
// (flushSources): a new node's quads are added; a stored node's quads are
// read and replaced by those of its new state, whatever layout they were
// written in, so a node written before packing is rewritten packed.

// sourceWrite is a source node the batch writes.
type sourceWrite struct {
	fact string
	src  graph.Source
	// stored is set when the node was in the store before the batch;
	// gone when the batch removes it.
	stored, gone bool
}

// putSource notes source src of fact factID as it will be stored; stored
// says whether it was read from the store (rather than added by the
// batch).
func (w *writer) putSource(factID string, src graph.Source, stored bool) {
	n := sourceIRI(factID, src.Article, src.Sentence)
	if e := w.srcs[n]; e != nil {
		e.src, e.gone = src, false
		return
	}
	w.srcs[n] = &sourceWrite{fact: factID, src: src, stored: stored}
}

// dropSource notes the removal of source src of fact factID.
func (w *writer) dropSource(factID string, src graph.Source) {
	n := sourceIRI(factID, src.Article, src.Sentence)
	if e := w.srcs[n]; e != nil {
		e.gone = true
		return
	}
	w.srcs[n] = &sourceWrite{fact: factID, src: src, stored: true, gone: true}
}

// flushSources queues the quads of the source nodes noted by putSource and
// dropSource, in node order.
func (w *writer) flushSources(ctx context.Context) error {
	nodes := make([]quad.IRI, 0, len(w.srcs))
	for n := range w.srcs {
		nodes = append(nodes, n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i] < nodes[j] })
	for _, n := range nodes {
		e := w.srcs[n]
		var want []quad.Quad
		if !e.gone {
			want = sourceQuads(e.fact, e.src)
		}
		if !e.stored {
			w.add(want)
			continue
		}
		if e.gone {
			w.tx.RemoveQuad(quad.Make(FactIRI(e.fact), pSource, n, nil))
		}
		if err := w.replaceNode(ctx, n, want); err != nil {
			return err
		}
	}
	clear(w.srcs)
	return nil
}

// replaceNode queues the changes that make the quads of stored node n
// (those it is the subject of) the ones of want that have n as subject:
// each stored quad want lacks is removed, each missing one added.
func (w *writer) replaceNode(ctx context.Context, n quad.Value, want []quad.Quad) error {
	keep := map[quad.Quad]bool{}
	for _, q := range want {
		if q.Subject == n {
			keep[q] = false
		}
	}
	err := w.r.scan(ctx, quad.Subject, n, func(q quad.Quad) error {
		if _, ok := keep[q]; ok {
			keep[q] = true
			return nil
		}
		w.tx.RemoveQuad(q)
		return nil
	})
	if err != nil {
		return err
	}
	for _, q := range want {
		if q.Subject == n && !keep[q] {
			w.tx.AddQuad(q)
		}
	}
	return nil
}

// putArticle queues the quads that make stored article node a's the
// packed ones of a, recorded at recorded (as it was first).
func (w *writer) putArticle(ctx context.Context, a graph.Article, recorded time.Time) error {
	return w.replaceNode(ctx, ArticleIRI(a.ID), articleQuads(a, recorded))
}
