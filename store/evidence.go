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
// transaction that changes its sources, what answers need of all of them
// (its evidence):
//
//	<geokg:source_count> xsd:integer   live sources in all
//	<geokg:independent_sources> xsd:integer   graph.IndependentSources of them,
//	                                          up to graph.SaturatedSources
//	<geokg:earlier_terms> "…"   graph.Fact.EarlierTerms (when any; see encodeTerms)
//	<geokg:evidence> <source>   one quad per evidence source
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
// its cost does not grow with its sources. A fact node without
// <geokg:source_count> (written before evidence existed, or loaded from an
// old dump) is read whole instead; Check with repair writes it.

// evidenceFirst is how many of a fact's first sources its evidence holds.
const evidenceFirst = 5

// Predicates of a fact's evidence.
const (
	pSourceCount  = quad.IRI("geokg:source_count")
	pIndependent  = quad.IRI("geokg:independent_sources")
	pEarlierTerms = quad.IRI("geokg:earlier_terms")
	pEvidence     = quad.IRI("geokg:evidence")
)

// evidence is what a fact node keeps of all its live sources.
type evidence struct {
	count, independent int
	terms              string
	// nodes are the evidence sources' nodes, sorted.
	nodes []string
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
	e := evidence{count: len(live), independent: graph.IndependentSourcesUpTo(graph.Fact{Sources: live}, graph.SaturatedSources)}
	if !graph.IsEvent(f.Predicate) && len(f.EarlierTerms) > 0 {
		e.terms = encodeTerms(f.EarlierTerms)
	}
	keep := map[int]bool{}
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
	for i := range keep {
		e.nodes = append(e.nodes, string(sourceIRI(f.ID, live[i].Article, live[i].Sentence)))
	}
	sort.Strings(e.nodes)
	return e
}

// evidenceQuads returns the quads that store evidence e on fact id's node.
func evidenceQuads(id string, e evidence) []quad.Quad {
	n := FactIRI(id)
	qs := []quad.Quad{
		quad.Make(n, pSourceCount, quad.Int(e.count), nil),
		quad.Make(n, pIndependent, quad.Int(e.independent), nil),
	}
	if e.terms != "" {
		qs = append(qs, quad.Make(n, pEarlierTerms, quad.String(e.terms), nil))
	}
	for _, s := range e.nodes {
		qs = append(qs, quad.Make(n, pEvidence, quad.IRI(s), nil))
	}
	return qs
}

// setEvidence queues the quad changes that turn the evidence stored on
// fact f's node into that of f. A node that keeps no evidence yet
// (written before it existed) gets all of f's. It reads the stored
// evidence from the cache (what the last write stored) or else its quads
// alone, never the fact's sources.
func (w *writer) setEvidence(ctx context.Context, f *graph.Fact) error {
	n := FactIRI(f.ID)
	var wasQs []quad.Quad
	if e, ok := w.cache.evidence[f.ID]; ok {
		wasQs = evidenceQuads(f.ID, e)
	} else {
		p, err := w.r.some(ctx, n, pSourceCount, pIndependent, pEarlierTerms, pEvidence)
		if err != nil {
			return err
		}
		for pred, vs := range p {
			for _, v := range vs {
				wasQs = append(wasQs, quad.Make(n, pred, v, nil))
			}
		}
	}
	was := map[string]bool{}
	for _, q := range wasQs {
		was[q.String()] = true
	}
	e := evidenceOf(f)
	w.evidence[f.ID] = e
	is := map[string]bool{}
	for _, q := range evidenceQuads(f.ID, e) {
		k := q.String()
		is[k] = true
		if !was[k] {
			w.tx.AddQuad(q)
		}
	}
	for _, q := range wasQs {
		if !is[q.String()] {
			w.tx.RemoveQuad(q)
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
// states it. A fact whose node keeps no evidence is read whole (reader.fact)
// and cut to the same evidence.
func (r reader) factEvidence(ctx context.Context, id string, articles map[string]graph.Article) (f graph.Fact, ok bool, err error) {
	p, err := r.some(ctx, FactIRI(id), evidenceQualifiers...)
	if err != nil || p.one(pPredicate) == nil {
		return graph.Fact{}, false, err
	}
	count, okCount := p.one(pSourceCount).(quad.Int)
	indep, okIndep := p.one(pIndependent).(quad.Int)
	if !okCount || !okIndep || len(p[pSourceCount]) != 1 || len(p[pIndependent]) != 1 {
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
	keep := map[string]bool{}
	for _, n := range e.nodes {
		keep[n] = true
	}
	var srcs []graph.Source
	for _, s := range f.Sources {
		if keep[string(sourceIRI(f.ID, s.Article, s.Sentence))] {
			srcs = append(srcs, s)
		}
	}
	if e.count > len(srcs) {
		f.SourceCount, f.Independent = e.count, e.independent
	}
	f.Sources = srcs
	return f, true, nil
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
