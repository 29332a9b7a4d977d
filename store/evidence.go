package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// A fact restated by every article has thousands of sources; an answer
// needs only a few of them. So each fact node also keeps, written in the
// transaction that changes it, what answers need of it (its evidence), as
// one record (evidence_record.go):
//
//	<geokg:evidence_record> "{…}"   the fact's qualifiers; its count of
//	                                live sources; graph.IndependentSources
//	                                of them, up to graph.SaturatedSources;
//	                                graph.Fact.EarlierTerms; and the
//	                                evidence sources whole (article id,
//	                                title, URL, publication, sentence, time
//	                                sentences, claim, recording)
//
// The evidence sources are the first evidenceFirst live sources in the
// order reads give them (sourceLess: by recording, article, sentence) and
// the live sources that bound the dates the time rules read from
// sources: the earliest publication (graph.FirstPublished), the latest
// publication of a source presenting a state as in force (the last
// report graph.Window reads an inferred end's uncertainty from), and the
// earliest publication of a source calling it over (graph.Fact.EndBound).
// So every rule that reads a fact's sources for a date gives the same
// answer on the evidence alone. FactFilter.Evidence reads a fact this way:
// one prefix scan of one predicate and one value, whatever its sources,
// and no source or article node (nor their layout) is read.
//
// Stores written before the record existed keep the evidence as separate
// quads instead, which reads still take (the sources through their
// nodes):
//
//	<geokg:source_count> xsd:integer, <geokg:independent_sources> xsd:integer,
//	<geokg:earlier_terms> "…", <geokg:evidence> <source> (one per source)
//
// and a fact node with neither (written before evidence existed, or loaded
// from an old dump) is read whole. The next write that changes such a fact
// replaces what it keeps with the record; Check with repair (geokg check
// --repair, geokg reindex) writes it for all of them.

// evidenceFirst is how many of a fact's first sources its evidence holds.
const evidenceFirst = 5

// Predicates of a fact's evidence: pRecord, and those of the separate
// quads stores kept before it (read, and removed when the record is
// written).
const (
	pRecord       = quad.IRI("geokg:evidence_record")
	pSourceCount  = quad.IRI("geokg:source_count")
	pIndependent  = quad.IRI("geokg:independent_sources")
	pEarlierTerms = quad.IRI("geokg:earlier_terms")
	pEvidence     = quad.IRI("geokg:evidence")
)

// evidencePredicates are all the predicates a fact node's evidence may be
// stored with.
var evidencePredicates = []quad.IRI{pRecord, pSourceCount, pIndependent, pEarlierTerms, pEvidence}

// evidence is what a fact node keeps of all its live sources.
type evidence struct {
	count, independent int
	// sources are the evidence sources, in sourceLess order.
	sources []graph.Source
}

// evidenceOf returns the evidence of fact f, whose Sources are all its
// sources (withdrawn ones included or not) and whose EarlierTerms are
// derived from them (as graph.Derive and reader.fact leave them).
func evidenceOf(f *graph.Fact) evidence {
	live := graph.LiveSources(f.Sources)
	less := func(a, b graph.Source) int {
		if sourceLess(a, b) {
			return -1
		}
		if sourceLess(b, a) {
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(live, less) { // a write appends its sources last
		live = slices.Clone(live)
		slices.SortFunc(live, less)
	}
	return evidence{count: len(live), independent: graph.IndependentSourcesUpTo(graph.Fact{Sources: live}, graph.SaturatedSources),
		sources: pickEvidence(live)}
}

// pickEvidence returns the evidence sources among live sources live, in
// sourceLess order: the first evidenceFirst and those that bound dates
// (see above). The evidence sources of a set of sources are among those
// of any part of it that holds them, so that a write adding sources picks
// them among the stored evidence and the new sources alone.
func pickEvidence(live []graph.Source) []graph.Source {
	var out []graph.Source
	keep := make([]bool, len(live))
	for i := range min(evidenceFirst, len(live)) {
		keep[i] = true
	}
	first, last, ended := -1, -1, -1
	for i, s := range live {
		if s.Published.IsZero() {
			continue
		}
		if first < 0 || s.Published.Before(live[first].Published) {
			first = i
		}
		if !s.Ended && s.End.IsZero() && (last < 0 || live[last].Published.Before(s.Published)) {
			last = i
		}
		if s.Ended && (ended < 0 || s.Published.Before(live[ended].Published)) {
			ended = i
		}
	}
	for _, i := range []int{first, last, ended} {
		if i >= 0 {
			keep[i] = true
		}
	}
	for i, k := range keep {
		if k {
			out = append(out, live[i])
		}
	}
	return out
}

// evidenceQuads returns the quads that store the evidence of fact f (as
// evidenceOf takes it) on its node: its record, marked slim when the node
// keeps its qualifiers in it alone (see encode.go).
func evidenceQuads(f *graph.Fact, l *leanFact, slim bool) ([]quad.Quad, error) {
	rec, _, err := evidenceRecord(f, l, slim)
	if err != nil {
		return nil, err
	}
	return []quad.Quad{quad.Make(FactIRI(f.ID), pRecord, quad.String(rec), nil)}, nil
}

// recordQuads is evidenceQuads for the writer, which keeps the record
// (w.evidence) and its parsed form (w.parsed) for the cache.
func (w *writer) recordQuads(f *graph.Fact, slim bool) ([]quad.Quad, error) {
	rec, r, err := evidenceRecord(f, w.lean[f.ID], slim)
	if err != nil {
		return nil, err
	}
	w.evidence[f.ID], w.parsed[f.ID], w.texts[rec] = rec, r, r
	return []quad.Quad{quad.Make(FactIRI(f.ID), pRecord, quad.String(rec), nil)}, nil
}

// evidenceRecord returns the evidence record of fact f, restated leanly
// when l is not nil (see aggregate.go), and its parsed form; slim marks it
// as the only place the node keeps its qualifiers.
func evidenceRecord(f *graph.Fact, l *leanFact, slim bool) (string, *factRecord, error) {
	var e evidence
	var a aggRecord
	if l == nil {
		e, a = evidenceOf(f), aggOf(f)
	} else {
		a = l.state()
		e = evidence{count: l.count + len(graph.LiveSources(l.added)), independent: a.Ind.Count(),
			sources: pickEvidence(slices.SortedFunc(slices.Values(graph.LiveSources(f.Sources)), compareSources))}
	}
	rec, r, err := encodeRecord(f, e, &a, slim)
	if err != nil {
		return "", nil, fmt.Errorf("fact %s: evidence: %w", f.ID, err)
	}
	return rec, r, nil
}

// storedEvidence returns the quads that keep the evidence of fact id as
// stored: the record the last write stored (from the cache), or else its
// node's evidence quads, never the fact's sources.
func (w *writer) storedEvidence(ctx context.Context, id string) ([]quad.Quad, error) {
	n := FactIRI(id)
	if rec, ok := w.cache.evidence[id]; ok {
		if p, ok := w.cache.parsed[id]; ok && p.rec == rec {
			w.texts[rec] = p.r // the timeline index reads its rows again
		}
		return []quad.Quad{quad.Make(n, pRecord, quad.String(rec), nil)}, nil
	}
	var p props
	rec, err := w.r.lastOut(ctx, n, pRecord)
	if err == nil && rec != nil {
		p = props{pRecord: {rec}}
	} else if err == nil { // none, or stored before the record
		p, err = w.r.some(ctx, n, evidencePredicates[1:]...)
	}
	if err != nil {
		return nil, err
	}
	var qs []quad.Quad
	for _, pred := range evidencePredicates {
		for _, v := range p[pred] {
			qs = append(qs, quad.Make(n, pred, v, nil))
		}
	}
	return qs, nil
}

// slimEvidence reports whether evidence quads qs (as storedEvidence
// returns them) hold the record of a node that keeps its qualifiers in
// it alone (see encode.go).
func slimEvidence(qs []quad.Quad) bool {
	for _, q := range qs {
		if q.Predicate == pRecord && isSlim(stringOf(q.Object)) {
			return true
		}
	}
	return false
}

// setEvidence queues the quad changes that turn the evidence stored on
// fact f's node, wasQs (storedEvidence), into that of f, and removes what
// a store kept before the record (see above); slim is whether the node
// keeps its qualifiers in the record alone (slimEvidence). It reads no
// source of the fact.
func (w *writer) setEvidence(f *graph.Fact, wasQs []quad.Quad, slim bool) error {
	isQs, err := w.recordQuads(f, slim)
	if err != nil {
		return err
	}
	was := map[quad.Quad]bool{}
	for _, q := range wasQs {
		was[q] = true
	}
	is := map[quad.Quad]bool{}
	for _, q := range isQs {
		is[q] = true
		if !was[q] {
			w.tx.AddQuad(q)
		}
	}
	for _, q := range wasQs {
		if !is[q] {
			w.tx.RemoveQuad(q)
		}
	}
	return nil
}

// setQualifiers queues the change of the qualifiers that the evidence
// record of fact f keeps to those of f, keeping the rest of the record:
// for a fact a write changed without changing its sources (an end
// inferred from another fact), which the writer may hold without them
// (see inferCache); was is its stored evidence (storedEvidence). A fact
// that keeps no record (a store written before it) keeps its qualifiers
// in their quads alone.
func (w *writer) setQualifiers(f *graph.Fact, was []quad.Quad) error {
	for _, q := range was {
		if q.Predicate != pRecord {
			continue
		}
		was := stringOf(q.Object)
		rec, r, err := withQualifiers(was, w.texts, f)
		if err != nil {
			return fmt.Errorf("fact %s: %w", f.ID, err)
		}
		w.evidence[f.ID], w.parsed[f.ID], w.texts[rec] = rec, r, r
		if is := quad.Make(q.Subject, pRecord, quad.String(rec), nil); is != q {
			w.tx.RemoveQuad(q)
			w.tx.AddQuad(is)
		}
	}
	return nil
}

// encodeTerms writes terms as "start/end/over" joined by ";", each date in
// its ISO form at its precision (empty when unknown), over "1" or "".
func encodeTerms(terms []graph.Term) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		over := ""
		if t.Over {
			over = "1"
		}
		parts[i] = t.Start.String() + "/" + t.End.String() + "/" + over
	}
	return strings.Join(parts, ";")
}

// decodeTerms reads what encodeTerms wrote.
func decodeTerms(s string) ([]graph.Term, error) {
	var out []graph.Term
	for _, part := range strings.Split(s, ";") {
		f := strings.Split(part, "/")
		if len(f) != 3 {
			return nil, fmt.Errorf("%w: earlier terms %q", ErrBadValue, s)
		}
		var t graph.Term
		for _, d := range []struct {
			s   string
			dst *graph.Date
		}{{f[0], &t.Start}, {f[1], &t.End}} {
			if d.s == "" {
				continue
			}
			v, err := graph.ParseDate(d.s)
			if err != nil {
				return nil, fmt.Errorf("%w: earlier terms %q: %w", ErrBadValue, s, err)
			}
			*d.dst = v
		}
		t.Over = f[2] == "1"
		out = append(out, t)
	}
	return out, nil
}

// evidenceQualifiers are the fact node's predicates an evidence read
// takes.
var evidenceQualifiers = append(slices.Clip(factQualifiers), pSourceCount, pIndependent, pEarlierTerms, pEvidence)

// factEvidence reads the fact with id as it now stands with its evidence
// only (see above): ok is false when it does not exist or no live source
// states it. A fact whose node keeps its evidence as a record is read
// from the record alone; one that keeps the separate quads of stores
// written before is read from them and its evidence sources' nodes; one
// that keeps none, or whose record does not decode (reported to the log),
// is read whole (reader.fact) and cut to the same evidence.
func (r reader) factEvidence(ctx context.Context, id string, articles map[string]graph.Article) (f graph.Fact, ok bool, err error) {
	last, err := r.lastOut(ctx, FactIRI(id), pRecord)
	if err != nil {
		return graph.Fact{}, false, err
	}
	if last != nil {
		f, ok, err := decodeRecord(id, stringOf(last))
		if err == nil {
			return f, ok, nil
		}
		if r.log != nil {
			r.log.Warn("bad stored value skipped (run geokg check --repair)", "component", "store", "node", FactIRI(id).String(),
				"predicate", string(pRecord), "err", err)
		}
	}
	p, err := r.some(ctx, FactIRI(id), evidenceQualifiers...)
	if err != nil || p.one(pPredicate) == nil {
		return graph.Fact{}, false, err
	}
	count, okCount := p.one(pSourceCount).(quad.Int)
	indep, okIndep := p.one(pIndependent).(quad.Int)
	if last != nil || !okCount || !okIndep || len(p[pSourceCount]) != 1 || len(p[pIndependent]) != 1 {
		if f, ok, err = r.fact(ctx, id, articles); err != nil || !ok {
			return graph.Fact{}, false, err
		}
		return cutToEvidence(f)
	}
	if count <= 0 {
		return graph.Fact{}, false, nil
	}
	if f, err = r.decodeFact(id, p); err != nil {
		return graph.Fact{}, false, err
	}
	for _, sn := range p[pEvidence] {
		src, err := r.source(ctx, &f, sn, articles)
		if err != nil {
			return graph.Fact{}, false, err
		}
		if !src.IsWithdrawn() {
			f.Sources = append(f.Sources, src)
		}
	}
	sort.Slice(f.Sources, func(i, j int) bool { return sourceLess(f.Sources[i], f.Sources[j]) })
	if t := stringOf(p.one(pEarlierTerms)); t != "" && !graph.IsEvent(f.Predicate) {
		if f.EarlierTerms, err = decodeTerms(t); err != nil {
			r.log.Warn("stored value skipped", "node", FactIRI(id).String(), "err", err)
			f.EarlierTerms = nil
		}
	}
	if int(count) > len(f.Sources) {
		f.SourceCount, f.Independent = int(count), int(indep)
	}
	return f, true, nil
}

// cutToEvidence returns fact f, read with all its sources, as it now
// stands with its evidence only.
func cutToEvidence(f graph.Fact) (graph.Fact, bool, error) {
	f, ok := f.Live()
	if !ok {
		return graph.Fact{}, false, nil
	}
	e := evidenceOf(&f)
	f.Sources = e.sources
	if e.count > len(f.Sources) {
		f.SourceCount, f.Independent = e.count, e.independent
	}
	return f, true, nil
}

// FactEvidence returns the fact with id as it now stands with its
// evidence only (see FactFilter.Evidence): its qualifiers, its first
// sources and those that bound its dates, and the count of all its live
// sources, read from its evidence record without any source or article
// node. An error wraps ErrNotFound when the fact does not exist or no
// live source states it. Fact reads it with all its sources.
func (s *Store) FactEvidence(ctx context.Context, id string) (graph.Fact, error) {
	var f graph.Fact
	err := s.read(ctx, func(r reader) error {
		var ok bool
		var err error
		f, ok, err = r.factEvidence(ctx, id, nil)
		if err == nil && !ok {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return graph.Fact{}, fmt.Errorf("fact %s: %w", id, err)
	}
	return f, nil
}

// FactSources returns the live sources of the fact with id from offset on,
// at most limit of them, in the order reads give a fact's sources
// (sourceLess: by recording, article, sentence), and how many live
// sources it has in all; an error wraps ErrNotFound when the fact does
// not exist or no live source states it. It reads each source node's
// sort key (recording time, article, sentence, withdrawal) to order
// them, but decodes (with its article) only the sources it returns. The
// store keeps no index in that order, so a page still costs one key read
// per source of the fact.
func (s *Store) FactSources(ctx context.Context, id string, offset, limit int) (total int, page []graph.Source, err error) {
	err = s.read(ctx, func(r reader) error {
		p, err := r.some(ctx, FactIRI(id), append(slices.Clip(factQualifiers), pSource)...)
		if err != nil {
			return err
		}
		if p.one(pPredicate) == nil {
			return ErrNotFound
		}
		f, err := r.decodeFact(id, p)
		if err != nil {
			return err
		}
		type keyed struct {
			key  graph.Source
			node quad.Value
		}
		live := make([]keyed, 0, len(p[pSource]))
		for _, sn := range p[pSource] {
			k, withdrawn, err := r.sourceKey(ctx, sn)
			if err != nil {
				return err
			}
			if withdrawn {
				continue
			}
			live = append(live, keyed{k, sn})
		}
		if len(live) == 0 {
			return ErrNotFound
		}
		sort.Slice(live, func(i, j int) bool { return sourceLess(live[i].key, live[j].key) })
		total = len(live)
		articles := map[string]graph.Article{}
		start := min(offset, total)
		for _, k := range live[start:min(start+limit, total)] {
			src, err := r.source(ctx, &f, k.node, articles)
			if err != nil {
				return err
			}
			page = append(page, src)
		}
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("fact %s: %w", id, err)
	}
	return total, page, nil
}
