package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/geokg/geokg/graph"
)

// writer collects the deltas of one batch. Fact nodes are written last
// (flush): orig holds each changed fact as stored (nil when new) and cur
// as it will be stored, so that the merge and the inference of ends can
// both change a fact before its quads are diffed.
type writer struct {
	r        reader
	tx       *cayleygraph.Transaction
	now      time.Time
	stats    graph.WriteStats
	articles map[string]graph.Article
	orig     map[string]*graph.Fact
	cur      map[string]*graph.Fact
	// inBatch marks the facts of the batch; grown those that gained a
	// source or a restated claim.
	inBatch, grown map[string]bool
	// ents holds the entities the batch adds or gives new aliases, as they
	// will be stored.
	ents map[string]graph.Entity
	// added lists the ids of the batch's new facts, sorted (set by
	// inferGroups).
	added []string
	// cache keeps what inferGroups reads of the store (see inferCache).
	cache *inferCache
	// update is set when the batch is a new version of a stored article
	// (graph.Article.Updates); article is then the article as it will be
	// stored.
	update  bool
	article *graph.Article
	// stated holds the source nodes the batch states; withdrawn marks the
	// stored facts outside the batch that lost a source to the update.
	stated    map[quad.IRI]bool
	withdrawn map[string]bool
	// evidence holds the evidence record the batch stores for each fact
	// it changed (see evidence.go).
	evidence map[string]string
	// parsed holds the records of evidence parsed (see recordQuads).
	parsed map[string]*factRecord
	// texts holds parsed the records the batch encodes and the stored
	// ones it reads parsed, by their text (see parsedRecords).
	texts parsedRecords
	// revived lists the ids of stored facts no source stated that the
	// batch states again, sorted (set by inferGroups).
	revived []string
	// moved marks the stored facts outside the batch that lost restating
	// sources to a dated event of the batch; gone those left with none,
	// which are removed (see absorbRestated).
	moved, gone map[string]bool
	// srcs holds the source nodes the batch writes (see sourcewrite.go).
	srcs map[quad.IRI]*sourceWrite
	// lean holds the stored facts the batch restates from their evidence
	// record alone (see aggregate.go).
	lean map[string]*leanFact
	// rows reads ranges of the timeline index (nil: none is read), and
	// undated says whether it has undated rows: 0 not yet known, 1 yes,
	// -1 no (see restateCandidates).
	rows    rowRange
	undated int8
}

// newWriter returns a writer reading from r through cache (nil: a fresh
// one) that stamps new things with now.
func newWriter(r reader, now time.Time, cache *inferCache) *writer {
	if cache == nil {
		cache = newInferCache()
	}
	return &writer{r: r, tx: cayleygraph.NewTransaction(), now: now, articles: cache.articles, ents: map[string]graph.Entity{},
		orig: map[string]*graph.Fact{}, cur: map[string]*graph.Fact{}, inBatch: map[string]bool{}, grown: map[string]bool{},
		cache: cache, evidence: map[string]string{}, parsed: map[string]*factRecord{}, texts: parsedRecords{}, stated: map[quad.IRI]bool{}, withdrawn: map[string]bool{}, moved: map[string]bool{}, gone: map[string]bool{},
		srcs: map[quad.IRI]*sourceWrite{}, lean: map[string]*leanFact{}}
}

// add queues quads for adding.
func (w *writer) add(qs []quad.Quad) {
	for _, q := range qs {
		w.tx.AddQuad(q)
	}
}

// batch queues the deltas of the article, its entities and its facts.
func (w *writer) batch(ctx context.Context, a graph.Article, ents map[string]*graph.Entity, facts []*graph.Fact) error {
	if stored, ok, err := w.r.article(ctx, a.ID); err != nil {
		return err
	} else if !ok {
		w.stats.ArticleNew = true
		w.add(articleQuads(a, w.now))
	} else if a.Updates(stored) {
		if err := w.updateArticle(ctx, stored, a); err != nil {
			return err
		}
		a = *w.article
	} else {
		a = stored // its sources read the stored article back
	}
	ids := make([]string, 0, len(ents))
	for id := range ents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := w.entity(ctx, ents[id]); err != nil {
			return err
		}
	}
	facts, err := w.dateUndated(ctx, a, facts)
	if err != nil {
		return err
	}
	for i, f := range facts {
		for _, side := range []string{f.Subject, f.Object} {
			if ents[side] != nil {
				continue
			}
			if _, ok, err := w.storedEntity(ctx, side); err != nil {
				return err
			} else if !ok {
				return fmt.Errorf("fact %d (%s %s %s): %w: entity %s is neither in the batch nor stored",
					i, f.Subject, f.Predicate, f.Object, graph.ErrInvalid, side)
			}
		}
		if err := w.fact(ctx, f, a); err != nil {
			return fmt.Errorf("fact %s: %w", f.ID, err)
		}
	}
	if w.update {
		if err := w.withdraw(ctx, a); err != nil {
			return err
		}
	}
	if err := w.absorbRestated(ctx); err != nil {
		return err
	}
	if err := w.inferGroups(ctx); err != nil {
		return err
	}
	if err := w.removeGone(ctx); err != nil {
		return err
	}
	return w.flush(ctx)
}

// entity queues a new entity, or the new aliases of a stored one.
func (w *writer) entity(ctx context.Context, e *graph.Entity) error {
	old, ok, err := w.storedEntity(ctx, e.ID)
	if err != nil {
		return err
	}
	if !ok {
		w.stats.EntitiesAdded++
		w.add(entityQuads(*e))
		w.ents[e.ID] = *e
		return nil
	}
	n := len(old.Aliases)
	all := mergeAliases(old.Name, append([]string(nil), old.Aliases...), append([]string{e.Name}, e.Aliases...))
	if len(all) > n || (old.Code == "" && e.Code != "") {
		upd := old
		upd.Aliases = all
		if upd.Code == "" && e.Code != "" {
			// A country stored before codes were known gains its code.
			upd.Code = e.Code
			w.tx.AddQuad(quad.Make(EntityIRI(e.ID), pCode, quad.String(e.Code), nil))
		}
		w.ents[e.ID] = upd
	}
	for _, a := range all[n:] {
		w.tx.AddQuad(quad.Make(EntityIRI(e.ID), pAlias, quad.String(a), nil))
		if k := AliasKey(a); k != "" {
			w.tx.AddQuad(quad.Make(EntityIRI(e.ID), pKey, quad.String(k), nil))
		}
	}
	return nil
}

// sourceKey identifies a source of one fact.
func sourceKey(s *graph.Source) string { return s.Article + "\x00" + s.Sentence }

// sourceFirst orders sources by publication, article and sentence: the
// first states a symmetric fact's orientation.
func sourceFirst(a, b *graph.Source) bool {
	if a.Published != b.Published {
		return a.Published.Before(b.Published) || (a.Published.Time().Equal(b.Published.Time()) && a.Published.Precision < b.Published.Precision)
	}
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.Sentence < b.Sentence
}

// fact merges batch fact f of article a into the store's view: its new
// sources are queued, restated claims merged, and the fact's qualifiers
// derived again into w.cur.
func (w *writer) fact(ctx context.Context, f *graph.Fact, a graph.Article) error {
	w.inBatch[f.ID] = true
	for i := range f.Sources {
		s := &f.Sources[i]
		s.URL, s.Title, s.Published = a.URL, a.Title, a.Published
	}
	if lean, err := w.restateLean(ctx, f); err != nil || lean {
		return err
	}
	if err := w.unlean(ctx, f.ID); err != nil {
		return err
	}
	old, ok, err := w.fullFact(ctx, f.ID)
	if err != nil {
		return err
	}
	if prev := w.cur[f.ID]; prev != nil { // changed earlier in this batch
		old, ok = *prev, true
	}
	var merged graph.Fact
	if ok {
		merged = old
		merged.Sources = append([]graph.Source(nil), old.Sources...)
		if _, seen := w.orig[f.ID]; !seen {
			w.orig[f.ID] = &old
		}
	} else {
		merged = *f
		merged.Sources = nil
		w.orig[f.ID] = nil
		w.stats.FactsAdded++
	}
	idx := map[string]int{}
	first := -1
	for i := range merged.Sources {
		idx[sourceKey(&merged.Sources[i])] = i
		if first < 0 || sourceFirst(&merged.Sources[i], &merged.Sources[first]) {
			first = i
		}
	}
	newFirst := false
	for _, src := range f.Sources {
		node := sourceIRI(f.ID, src.Article, src.Sentence)
		if j, have := idx[sourceKey(&src)]; have {
			have := &merged.Sources[j]
			c := graph.MergeClaim(have.Claim, src.Claim)
			if (w.update && !w.stated[node]) || have.IsWithdrawn() {
				// A new version of the article states it anew: its
				// claim replaces what the old version stated.
				c = src.Claim
				have.URL, have.Title, have.Published = src.URL, src.Title, src.Published
			}
			changed := false
			if have.IsWithdrawn() {
				// Live again, recorded anew.
				have.WithdrawnAt, have.RecordedAt = time.Time{}, w.now
				changed = true
			}
			if c != have.Claim {
				have.Claim = c
				changed = true
			}
			if added := have.AddTimeSentences(src.TimeSentences); len(added) > 0 {
				changed = true
			}
			if changed {
				w.putSource(f.ID, *have, true)
				w.grown[f.ID] = true
			}
			w.stated[node] = true
			continue
		}
		w.stated[node] = true
		src.RecordedAt = w.now
		if graph.IsSymmetric(f.Predicate) {
			src.Subject = f.Subject
		}
		merged.Sources = append(merged.Sources, src)
		idx[sourceKey(&src)] = len(merged.Sources) - 1
		if first < 0 || sourceFirst(&src, &merged.Sources[first]) {
			first, newFirst = len(merged.Sources)-1, true
		}
		w.putSource(f.ID, src, false)
		w.stats.SourcesAdded++
		w.grown[f.ID] = true
	}
	adoptStatement(&merged, f, newFirst)
	d := graph.Derive(merged)
	if ok {
		keepInferred(&d, &old)
	}
	w.cur[f.ID] = &d
	return nil
}

// termChanged reports whether fact f, as it will be stored, could infer
// other ends (or have its own inferred) differently than old did: a new
// fact, or a changed start, stated end, ended flag, event date, whether
// any source states it (see isStated) or — for a term with an unknown
// start — first publication.
func termChanged(old, f *graph.Fact) bool {
	if old == nil {
		return true
	}
	stated := func(g *graph.Fact) graph.Date {
		if g.EndInferredFrom != "" {
			return graph.Date{}
		}
		return g.End
	}
	switch {
	case old.Start != f.Start, stated(old) != stated(f), old.Ended != f.Ended, old.Date != f.Date:
		return true
	case isStated(old) != isStated(f):
		return true
	case f.Start.IsZero() && graph.FirstPublished(old) != graph.FirstPublished(f):
		return true
	}
	return false
}

// flush queues the quads of the source nodes the batch wrote
// (flushSources) and of every fact in w.cur: all of a new fact's, the
// changed qualifiers of a stored one, and the evidence record of every
// fact whose sources or qualifiers changed (see evidence.go); and counts
// merged facts and inferred ends.
func (w *writer) flush(ctx context.Context) error {
	ids := make([]string, 0, len(w.cur))
	for id := range w.cur {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if err := w.flushSources(ctx); err != nil {
		return err
	}
	for _, id := range ids {
		f, old := w.cur[id], w.orig[id]
		if old == nil {
			w.add(factQuads(*f))
			qs, err := w.recordQuads(f, true)
			if err != nil {
				return err
			}
			w.add(qs)
			continue
		}
		changes := qualifierChanges(old, f)
		changed := len(changes) > 0
		evidence := w.inBatch[id] || w.withdrawn[id] || w.moved[id] || w.grown[id]
		var stored []quad.Quad
		if evidence || changed {
			var err error
			if stored, err = w.storedEvidence(ctx, id); err != nil {
				return err
			}
		}
		slim := slimEvidence(stored)
		w.replace(id, changes, slim)
		switch {
		case evidence:
			if err := w.setEvidence(f, stored, slim); err != nil {
				return err
			}
		case changed:
			if err := w.setQualifiers(f, stored); err != nil {
				return err
			}
		}
		switch was, is := isStated(old), isStated(f); {
		case was && !is:
			w.stats.FactsWithdrawn++
			w.relink(f, w.tx.RemoveQuad)
		case !was && is:
			w.relink(f, w.tx.AddQuad)
		}
		switch {
		case w.inBatch[id] && (changed || w.grown[id]):
			w.stats.FactsMerged++
		case !w.inBatch[id] && !w.withdrawn[id] && !w.moved[id] && changed:
			w.stats.EndsInferred++
		}
	}
	return nil
}

// sameInstant reports whether a and b are one instant as the store
// tells them apart: Cayley identifies an xsd:dateTime value by its second
// (quad.Time's text), so a fact node's recording time reads back as the
// first instant of its second that was stored, while its sources (packed)
// keep theirs to the nanosecond.
func sameInstant(a, b time.Time) bool {
	return a.IsZero() == b.IsZero() && a.Unix() == b.Unix()
}

// qualifierChange is a changed qualifier of a fact: its predicate and
// its stored and new values as quads keep them (nil when none).
type qualifierChange struct {
	pred    quad.IRI
	was, is quad.Value
}

// replace queues the quad changes of fact id's qualifiers changes: each
// changed qualifier's old quad is removed and its new quad added. On a
// slim node (one that keeps its qualifiers in its evidence record alone,
// see encode.go) only its sides are quads; the caller changes the record.
func (w *writer) replace(id string, changes []qualifierChange, slim bool) {
	n := FactIRI(id)
	for _, c := range changes {
		if slim && c.pred != pSubject && c.pred != pObject {
			continue
		}
		if c.was != nil {
			w.tx.RemoveQuad(quad.Make(n, c.pred, c.was, nil))
		}
		if c.is != nil {
			w.tx.AddQuad(quad.Make(n, c.pred, c.is, nil))
		}
	}
}

// qualifierChanges returns the qualifiers that differ between stored
// fact old and f, as the quads of the layout that keeps each as one
// (qualifierQuads) would change.
func qualifierChanges(old, f *graph.Fact) []qualifierChange {
	var changes []qualifierChange
	set := func(pred quad.IRI, was, is quad.Value) {
		changes = append(changes, qualifierChange{pred: pred, was: was, is: is})
	}
	str := func(s string) quad.Value {
		if s == "" {
			return nil
		}
		return quad.String(s)
	}
	boolean := func(b bool) quad.Value {
		if !b {
			return nil
		}
		return quad.Bool(true)
	}
	entity := func(id string) quad.Value {
		if id == "" {
			return nil
		}
		return EntityIRI(id)
	}
	fact := func(id string) quad.Value {
		if id == "" {
			return nil
		}
		return FactIRI(id)
	}
	if old.Subject != f.Subject {
		set(pSubject, EntityIRI(old.Subject), EntityIRI(f.Subject))
		set(pObject, EntityIRI(old.Object), EntityIRI(f.Object))
	}
	for _, d := range []struct {
		pred    quad.IRI
		was, is graph.Date
	}{{pStart, old.Start, f.Start}, {pEnd, old.End, f.End}, {pDate, old.Date, f.Date}} {
		if d.was != d.is {
			set(d.pred, dateValue(d.was), dateValue(d.is))
		}
	}
	if old.Ended != f.Ended {
		set(pEnded, boolean(old.Ended), boolean(f.Ended))
	}
	if old.Confidence != f.Confidence {
		set(pConfidence, quad.Float(old.Confidence), quad.Float(f.Confidence))
	}
	if old.Role != f.Role {
		set(pRole, str(old.Role), str(f.Role))
	}
	if old.Location != f.Location {
		set(pLocation, str(old.Location), str(f.Location))
	}
	if old.SubjectSector != f.SubjectSector {
		set(pSubjectSector, str(old.SubjectSector), str(f.SubjectSector))
	}
	if old.ObjectSector != f.ObjectSector {
		set(pObjectSector, str(old.ObjectSector), str(f.ObjectSector))
	}
	if old.Host != f.Host {
		set(pHost, entity(old.Host), entity(f.Host))
	}
	if old.EndInferredFrom != f.EndInferredFrom {
		set(pEndInferredFrom, fact(old.EndInferredFrom), fact(f.EndInferredFrom))
	}
	if old.EndBy != f.EndBy {
		set(pEndBy, boolean(old.EndBy), boolean(f.EndBy))
	}
	if old.StartAfter != f.StartAfter {
		set(pStartAfter, dateValue(old.StartAfter), dateValue(f.StartAfter))
	}
	if !sameInstant(old.RecordedAt, f.RecordedAt) {
		set(pRecordedAt, timeValue(old.RecordedAt), timeValue(f.RecordedAt))
	}
	return changes
}

// adoptStatement settles what a stored fact takes from a new statement
// f of it: a symmetric fact is oriented as its first source states it
// (newFirst: f's source is now the first), sectors the fact lacks come
// from f, and of two spellings of the role that differ only in case the
// smaller is kept.
func adoptStatement(merged *graph.Fact, f *graph.Fact, newFirst bool) {
	if newFirst && graph.IsSymmetric(f.Predicate) && merged.Subject != f.Subject {
		merged.Subject, merged.Object = f.Subject, f.Object
		merged.SubjectSector, merged.ObjectSector = merged.ObjectSector, merged.SubjectSector
	}
	merged.FillSectors(f)
	if f.Role != merged.Role && strings.EqualFold(f.Role, merged.Role) && f.Role < merged.Role {
		merged.Role = f.Role
	}
}
