package store

import (
	"context"
	"fmt"
	"math"
	"runtime/debug"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// Write stores one article's batch in one transaction: on any error
// nothing is written. Under group commit on bbolt the transaction is the
// batch's, committed by Sync (see SetGroupCommit). The whole batch is validated first; an invalid fact
// or entity is named in the error, which wraps ErrInvalid.
//
// Write is idempotent, and the facts it leaves do not depend on the order
// batches arrive in (RecordedAt aside). Facts are identified by
// Fact.ComputeID (their Key). Each source keeps its own Claim — what its
// article stated: a source whose Claim is zero takes its fact's qualifiers
// (Start, End, Date, Ended, Confidence, Location). A stored fact gains the
// batch's new sources (deduplicated by article and sentence; a restated
// source merges its claims, see MergeClaim), and its qualifiers are derived
// again from all its sources' claims (Derive). A symmetric fact is oriented
// as its earliest source (by publication, article, sentence) states it; of
// roles differing only in case the first in byte order is kept. Then, in
// the same transaction, the inferred ends of every group of states the
// batch touched are recomputed (InferEnds): a new holder of a
// single-holder role, a "succeeded" event or a new target ends the open
// term before it. New facts and sources get RecordedAt = now; a fact's
// RecordedAt is its earliest source's. A stored entity gains new aliases
// (deduplicated case-insensitively); its name and type are those of the
// first writer. A stored article keeps its first metadata, unless the
// batch is a new version of it (graph.Article.Updates): then the batch's
// claims replace the old version's, and the old version's sources the
// batch does not state are withdrawn (see withdraw.go). An undated event
// restating a dated one (graph.RestatedEvent) becomes its source, whichever
// of the two is written first (see restate.go).
func (s *Store) Write(ctx context.Context, b graph.Batch, now time.Time) (_ graph.WriteStats, err error) {
	wrap := func(err error) error { return fmt.Errorf("write article %s: %w", b.Article.ID, err) }
	if err := ctx.Err(); err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	ents, facts, err := prepare(b)
	if err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// Under group commit a write that breaks the batch's transaction
	// rolls the batch back (after the recovery below has run).
	defer func() { err = s.abortBatchLocked(err) }()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = wrap(s.damaged(r))
		}
	}()
	switch {
	case s.closed:
		return graph.WriteStats{}, wrap(ErrClosed)
	case s.readOnly:
		return graph.WriteStats{}, wrap(ErrReadOnly)
	}
	unlock, err := s.lockWrite(ctx)
	if err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	defer unlock()
	if s.kv != nil {
		s.kv.writing = true
		defer func() { s.kv.writing = false }()
	}
	if err := s.beginBatchLocked(); err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	r := reader{qs: s.qs, log: s.log, kv: s.kv, pg: s.pg.newScope(true)}
	if now, err = r.storedInstant(now); err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	if err := prefetchBatch(ctx, r, ents, facts); err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	w := newWriter(r, now, s.cache)
	w.rows = s.timeKeysRange
	if err := w.batch(ctx, b.Article, ents, facts); err != nil {
		return graph.WriteStats{}, wrap(s.undecodable(err))
	}
	if deltas := keepValues(w.tx.Deltas); len(deltas) > 0 {
		if err := s.applyDeltas(deltas, w.texts); err != nil {
			return graph.WriteStats{}, wrap(err)
		}
	}
	if s.cache != nil {
		s.cache.commit(w)
	}
	if s.inBatchLocked() && (s.kv.batchSize() > maxBatchNodes || s.overResidentLocked()) {
		s.resident.open = false
		if err := s.kv.endBatch(true); err != nil {
			return graph.WriteStats{}, wrap(s.batchLostLocked(err))
		}
	}
	if err := s.endFullBatchLocked(); err != nil {
		return graph.WriteStats{}, wrap(err)
	}
	s.afterWriteLocked()
	s.log.Debug("batch written", "article", b.Article.ID, "quads", len(w.tx.Deltas),
		"facts_added", w.stats.FactsAdded, "facts_merged", w.stats.FactsMerged,
		"sources_added", w.stats.SourcesAdded, "entities_added", w.stats.EntitiesAdded,
		"ends_inferred", w.stats.EndsInferred)
	return w.stats, nil
}

// keepValues returns deltas with anchor quads added so that no value of an
// added quad is counted as net-removed by the batch. Cayley's key-value
// backends net the references to each value over a batch and resolve the
// values of added quads only among values with a non-negative net count: a
// batch that removes a value (say a date) from two quads and adds it to one
// writes the added quad without that value, and it reads back with a nil
// object. Each anchor (geokg:values geokg:value V) adds one reference to V;
// it is stored once (later copies count as duplicates) and keeps V alive,
// which costs one quad per value that ever needed it. DumpQuads leaves
// anchors out.
func keepValues(deltas []cayleygraph.Delta) []cayleygraph.Delta {
	net := map[quad.Value]int{}
	for _, d := range deltas {
		n := 1
		if d.Action == cayleygraph.Delete {
			n = -1
		}
		for _, v := range []quad.Value{d.Quad.Subject, d.Quad.Predicate, d.Quad.Object, d.Quad.Label} {
			if v != nil {
				net[v] += n
			}
		}
	}
	var anchors []cayleygraph.Delta
	for _, d := range deltas {
		if d.Action != cayleygraph.Add {
			continue
		}
		for _, v := range []quad.Value{d.Quad.Subject, d.Quad.Predicate, d.Quad.Object, d.Quad.Label} {
			for v != nil && net[v] < 0 {
				anchors = append(anchors, cayleygraph.Delta{Quad: quad.Make(anchorNode, pAnchor, v, nil), Action: cayleygraph.Add})
				net[v]++
			}
		}
	}
	return append(deltas, anchors...)
}

// badIDChars are characters an id may not hold (control characters aside).
const badIDChars = " \t\r\n<>\"{}|^`\\"

// checkID reports an id that cannot name a node.
func checkID(what, id string) error {
	if strings.TrimSpace(id) == "" {
		return fmt.Errorf("%w %s: empty id", graph.ErrInvalid, what)
	}
	if strings.ContainsAny(id, badIDChars) {
		return fmt.Errorf("%w %s %q: id has spaces or characters IRIs forbid", graph.ErrInvalid, what, id)
	}
	return nil
}

// prepare validates the batch and returns its entities merged by id and its
// facts with ids computed, merged by id, in input order.
func prepare(b graph.Batch) (map[string]*graph.Entity, []*graph.Fact, error) {
	if err := checkID("article", b.Article.ID); err != nil {
		return nil, nil, err
	}
	if err := b.CheckDates(); err != nil {
		return nil, nil, err
	}
	ents := map[string]*graph.Entity{}
	for i, e := range b.Entities {
		if err := checkID("entity", e.ID); err != nil {
			return nil, nil, fmt.Errorf("entity %d: %w", i, err)
		}
		if strings.TrimSpace(e.Name) == "" || e.Type == "" {
			return nil, nil, fmt.Errorf("entity %s: %w: name and type are required", e.ID, graph.ErrInvalid)
		}
		if have := ents[e.ID]; have != nil {
			have.Aliases = mergeAliases(have.Name, have.Aliases, append([]string{e.Name}, e.Aliases...))
			if have.Code == "" {
				have.Code = e.Code
			}
			continue
		}
		e.Aliases = mergeAliases(e.Name, nil, e.Aliases)
		ents[e.ID] = &e
	}
	byID := map[string]*graph.Fact{}
	var facts []*graph.Fact
	for i := range b.Facts {
		f := b.Facts[i]
		f.Sources = append([]graph.Source(nil), f.Sources...)
		if err := validateFact(&f, b.Article.ID); err != nil {
			return nil, nil, fmt.Errorf("fact %d (%s %s %s): %w", i, f.Subject, f.Predicate, f.Object, err)
		}
		f.ComputeID()
		for j := range f.Sources {
			if f.Sources[j].Claim.IsZero() {
				f.Sources[j].Claim = graph.ClaimOf(&f)
			}
		}
		if have := byID[f.ID]; have != nil {
			have.Sources = append(have.Sources, f.Sources...)
			have.FillSectors(&f)
			continue
		}
		byID[f.ID] = &f
		facts = append(facts, &f)
	}
	return ents, facts, nil
}

// validateFact checks one fact of article's batch.
func validateFact(f *graph.Fact, article string) error {
	if err := f.Validate(); err != nil {
		return err
	}
	if err := checkID("subject", f.Subject); err != nil {
		return err
	}
	if err := checkID("object", f.Object); err != nil {
		return err
	}
	if math.IsNaN(f.Confidence) || f.Confidence < 0 || f.Confidence > 1 {
		return fmt.Errorf("%w: confidence %v is not in [0, 1]", graph.ErrInvalid, f.Confidence)
	}
	if len(f.Sources) == 0 {
		return fmt.Errorf("%w: no source", graph.ErrInvalid)
	}
	for j, src := range f.Sources {
		switch {
		case src.Article != article:
			return fmt.Errorf("%w: source %d names article %q, not the batch's %q", graph.ErrInvalid, j, src.Article, article)
		case strings.TrimSpace(src.Sentence) == "":
			return fmt.Errorf("%w: source %d has no sentence", graph.ErrInvalid, j)
		}
	}
	return nil
}

// mergeAliases appends to have the names in add that neither name nor
// have holds, compared case-insensitively.
func mergeAliases(name string, have, add []string) []string {
	for _, a := range add {
		a = strings.TrimSpace(a)
		if a == "" || strings.EqualFold(a, name) {
			continue
		}
		dup := false
		for _, h := range have {
			if strings.EqualFold(a, h) {
				dup = true
				break
			}
		}
		if !dup {
			have = append(have, a)
		}
	}
	return have
}

// prefetchBatch reads what the write of a batch reads of its entities and
// facts in two queries on PostgreSQL, ahead of the writer's reads of one
// node at a time (see pgcache.go); elsewhere it does nothing.
func prefetchBatch(ctx context.Context, r reader, ents map[string]*graph.Entity, facts []*graph.Fact) error {
	if r.pg == nil {
		return nil
	}
	nodes := make([]quad.Value, 0, len(ents))
	for id := range ents {
		nodes = append(nodes, EntityIRI(id))
	}
	if err := r.prefetchOut(ctx, nodes, entityPreds); err != nil {
		return err
	}
	nodes = nodes[:0]
	for _, f := range facts {
		nodes = append(nodes, FactIRI(f.ID))
	}
	return r.prefetchProps(ctx, nodes)
}
