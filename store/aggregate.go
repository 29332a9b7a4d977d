package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// A fact restated by every article gains a source with each of them. So
// that restating it costs the same with ten sources or a hundred
// thousand, its evidence record (evidence_record.go) also keeps what a
// write needs to take in a new source without reading the others
// (aggRecord): the aggregate of its claims that graph.DeriveFrom derives
// its qualifiers from (graph.Aggregate), the independent sources counted
// so far (graph.IndependentSet, up to graph.SaturatedSources), and the
// keys of its last source in read order (sourceLess) and its first in
// publication order (sourceFirst, which orients a symmetric fact).
//
// A batch of an article new to the store restates a stored fact leanly
// (restateLean): it reads the fact's record alone — from the cache, or one
// literal — adds the article's sources to the aggregate, derives the
// qualifiers from it, and chooses the evidence sources among the stored
// ones and the new (the first of all sources in read order and the
// bounding publications are among them). Every other write — an update or
// a re-ingest of a stored article, a withdrawal, a deletion, a source
// moving to a restated event, a fact whose new sources would not come
// last in read order, a record written before aggregates — reads the
// fact with all its sources, as before, and writes the aggregate anew
// from them; so a store written before aggregates gains them as its
// facts are restated (or all at once: geokg check --repair).

// aggRecord is what a fact's evidence record keeps for lean restating.
type aggRecord struct {
	Agg   graph.Aggregate      `json:"d"`
	Ind   graph.IndependentSet `json:"i"`
	Last  sourceRef            `json:"last,omitzero"`
	First sourceRef            `json:"first,omitzero"`
	// LastAt and FirstAt, in a record written short, name the record's
	// source that Last and First are (from 1); 0 otherwise and once read.
	LastAt  int `json:"la,omitempty"`
	FirstAt int `json:"fa,omitempty"`
}

// sourceRef is what sourceLess and sourceFirst compare of a source with
// one of another article: its recording, publication and article (the
// sentence only orders sources of one article, and a lean restatement
// adds those of an article new to the fact).
type sourceRef struct {
	RecordedAt time.Time  `json:"rec"`
	Published  graph.Date `json:"pub,omitzero"`
	Article    string     `json:"a"`
}

// equal says whether r and o reference the same source.
func (r sourceRef) equal(o sourceRef) bool {
	return r.RecordedAt.Equal(o.RecordedAt) && r.Published == o.Published && r.Article == o.Article
}

// refOf returns the reference of source s.
func refOf(s *graph.Source) sourceRef {
	return sourceRef{RecordedAt: s.RecordedAt.UTC(), Published: s.Published, Article: s.Article}
}

// source returns a source with what sourceLess and sourceFirst compare of
// sources of different articles.
func (r sourceRef) source() graph.Source {
	return graph.Source{RecordedAt: r.RecordedAt, Published: r.Published, Article: r.Article}
}

// aggOf returns the aggregate record of fact f, whose Sources are all
// its sources.
func aggOf(f *graph.Fact) aggRecord {
	a := aggRecord{Agg: graph.AggregateOf(f.Sources)}
	live := graph.LiveSources(f.Sources)
	if !slices.IsSortedFunc(live, compareSources) {
		live = slices.SortedFunc(slices.Values(live), compareSources)
	}
	for _, s := range live {
		if a.Ind.Count() >= graph.SaturatedSources {
			break
		}
		a.Ind.Add(s)
	}
	a.note(f.Sources)
	return a
}

// note moves a's last and first source references to take in srcs.
func (a *aggRecord) note(srcs []graph.Source) {
	for i := range srcs {
		s := &srcs[i]
		if last := a.Last.source(); a.Last.Article == "" || sourceLess(last, *s) {
			a.Last = refOf(s)
		}
		if first := a.First.source(); a.First.Article == "" || sourceFirst(s, &first) {
			a.First = refOf(s)
		}
	}
}

// compareSources orders sources as sourceLess does.
func compareSources(a, b graph.Source) int {
	switch {
	case sourceLess(a, b):
		return -1
	case sourceLess(b, a):
		return 1
	}
	return 0
}

// leanFact is a stored fact a batch restates leanly: the writer holds its
// evidence sources and the batch's new ones (added, all of the batch's
// article) instead of all its sources.
type leanFact struct {
	stored aggRecord
	// count is the number of live sources stored.
	count int
	added []graph.Source
}

// state returns the aggregate record of the fact once its new sources
// are added.
func (l *leanFact) state() aggRecord {
	a := aggRecord{Agg: l.stored.Agg.Clone(), Ind: l.stored.Ind.Clone(), Last: l.stored.Last, First: l.stored.First}
	a.Agg.Add(l.added)
	for _, s := range slices.SortedFunc(slices.Values(l.added), compareSources) {
		if a.Ind.Count() >= graph.SaturatedSources {
			break
		}
		a.Ind.Add(s)
	}
	a.note(l.added)
	return a
}

// hasAggregate reports whether evidence record rec keeps an aggregate.
func hasAggregate(rec string) bool { return strings.Contains(rec, `,"agg":{`) }

// storedRecord returns the evidence record stored on fact id's node: the
// one the last write stored (from the cache), or its literal. ok is false
// when the node keeps none.
func (w *writer) storedRecord(ctx context.Context, id string) (string, bool, error) {
	if rec, ok := w.cache.evidence[id]; ok {
		return rec, true, nil
	}
	v, err := w.r.lastOut(ctx, FactIRI(id), pRecord)
	if err != nil || v == nil {
		return "", false, err
	}
	return stringOf(v), true, nil
}

// parsedRecord is an evidence record and its parsed form.
type parsedRecord struct {
	rec string
	r   *factRecord
}

// storedParsed returns the evidence record stored on fact id's node,
// parsed: from the cache when it holds it parsed, else parsed here; nil
// when the node keeps none, or one without an aggregate. The write keeps
// it parsed (w.texts) for the rows of the timeline index it removes.
func (w *writer) storedParsed(ctx context.Context, id string) (*factRecord, error) {
	rec, ok, err := w.storedRecord(ctx, id)
	if err != nil || !ok || !hasAggregate(rec) {
		return nil, err
	}
	if p, ok := w.cache.parsed[id]; ok && p.rec == rec {
		w.texts[rec] = p.r
		return p.r, nil
	}
	r, err := w.texts.parse(rec)
	if err == nil {
		w.texts[rec] = r
	}
	return r, err
}

// restateLean merges batch fact f into the stored fact it restates, from
// the stored fact's evidence record alone (see above), and reports
// whether it could; when not, nothing has changed and the caller merges
// f with all the stored sources.
func (w *writer) restateLean(ctx context.Context, f *graph.Fact) (bool, error) {
	if w.update || !w.stats.ArticleNew {
		return false, nil // the article may state the fact already
	}
	l := w.lean[f.ID]
	var base graph.Fact
	if prev := w.cur[f.ID]; prev != nil {
		if l == nil {
			return false, nil
		}
		base = *prev
	} else {
		r, err := w.storedParsed(ctx, f.ID)
		if err != nil || r == nil || r.Agg == nil {
			return false, err
		}
		old, live, err := r.fact(f.ID)
		if err != nil || !live {
			return false, err
		}
		old.SourceCount, old.Independent = 0, 0
		base = old
		l = &leanFact{stored: *r.Agg, count: r.Count}
	}
	last := l.stored.Last.source()
	for _, src := range f.Sources {
		s := src
		s.RecordedAt = w.now
		if !sourceLess(last, s) {
			return false, nil // it would not come last: count from all sources
		}
	}
	if w.cur[f.ID] == nil {
		orig := base
		w.orig[f.ID] = &orig
		w.lean[f.ID] = l
	}
	merged := base
	first := l.stored.First.source()
	for i := range l.added {
		if sourceFirst(&l.added[i], &first) {
			first = l.added[i]
		}
	}
	newFirst := false
	for _, src := range f.Sources {
		node := sourceIRI(f.ID, src.Article, src.Sentence)
		w.stated[node] = true
		if j := slices.IndexFunc(l.added, func(s graph.Source) bool { return sourceKey(&s) == sourceKey(&src) }); j >= 0 {
			have := &l.added[j]
			have.Claim = graph.MergeClaim(have.Claim, src.Claim)
			have.AddTimeSentences(src.TimeSentences)
			w.putSource(f.ID, *have, false)
			continue
		}
		src.RecordedAt = w.now
		if graph.IsSymmetric(f.Predicate) {
			src.Subject = f.Subject
		}
		l.added = append(l.added, src)
		if sourceFirst(&src, &first) {
			first, newFirst = src, true
		}
		w.putSource(f.ID, src, false)
		w.stats.SourcesAdded++
		w.grown[f.ID] = true
	}
	adoptStatement(&merged, f, newFirst)
	d := graph.DeriveFrom(merged, l.state().Agg)
	keepInferred(&d, w.orig[f.ID])
	d.Sources = append(slices.Clone(evidenceSourcesOf(&base, l)), l.added...)
	w.cur[f.ID] = &d
	return true, nil
}

// evidenceSourcesOf returns the stored evidence sources of lean fact f:
// its sources less those the batch added.
func evidenceSourcesOf(f *graph.Fact, l *leanFact) []graph.Source {
	out := make([]graph.Source, 0, len(f.Sources))
	for _, s := range f.Sources {
		if !slices.ContainsFunc(l.added, func(a graph.Source) bool { return sourceKey(&a) == sourceKey(&s) }) {
			out = append(out, s)
		}
	}
	return out
}

// unlean turns lean fact id of the batch into one the writer holds with
// all its sources (for a write that moves sources to or from it): the
// stored sources are read and the batch's added to them. Its qualifiers
// stay: graph.DeriveFrom derived them as graph.Derive does.
func (w *writer) unlean(ctx context.Context, id string) error {
	l := w.lean[id]
	if l == nil {
		return nil
	}
	stored, ok, err := w.r.fact(ctx, id, w.articles)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("fact %s: %w: its evidence record names sources the store lacks", id, ErrBadValue)
	}
	f := *w.cur[id]
	f.Sources = append(slices.Clone(stored.Sources), l.added...)
	w.cur[id] = &f
	o := *w.orig[id]
	o.Sources = stored.Sources
	w.orig[id] = &o
	delete(w.lean, id)
	return nil
}
