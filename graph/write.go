package graph

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Batch is everything one article contributes to the store.
type Batch struct {
	// Article is the article the facts come from.
	Article Article
	// Entities lists every entity the facts name that may not be stored
	// yet (ids set with EntityID), with aliases to merge into stored ones.
	Entities []Entity
	// Facts are the article's facts; Subject and Object are entity ids and
	// each fact has at least one source naming Article and a sentence.
	// ID and RecordedAt are set by Write; a source's URL, Title and
	// Published are not stored but read back from its article.
	Facts []Fact
}

// WriteStats says what one Write changed. Rewriting a batch that is
// already stored leaves every count zero.
type WriteStats struct {
	// ArticleNew is true when the article was not stored before.
	ArticleNew bool
	// FactsAdded counts facts that were new.
	FactsAdded int
	// FactsMerged counts stored facts this batch changed (a new source or
	// a better qualifier).
	FactsMerged int
	// SourcesAdded counts new sources, on new and stored facts alike.
	SourcesAdded int
	// EntitiesAdded counts entities that were new.
	EntitiesAdded int
}

// Write stores one article's batch in one transaction: on any error
// nothing is written. The whole batch is validated first; an invalid fact
// or entity is named in the error, which wraps ErrInvalid.
//
// Write is idempotent. Facts are identified by Fact.ComputeID (their Key).
// A stored fact gains the batch's new sources (deduplicated by article and
// sentence), takes a more precise Start, End or Date (Date.MorePrecise; on
// equal precision the stored value stays), a Role or Location it lacked,
// ORs Ended, keeps the maximum confidence, and keeps its first RecordedAt.
// New facts and sources get RecordedAt = now. A stored entity gains new
// aliases (deduplicated case-insensitively); its name and type are those of
// the first writer. A stored article keeps its first metadata.
func (s *Store) Write(ctx context.Context, b Batch, now time.Time) (WriteStats, error) {
	wrap := func(err error) error { return fmt.Errorf("write article %s: %w", b.Article.ID, err) }
	if err := ctx.Err(); err != nil {
		return WriteStats{}, wrap(err)
	}
	ents, facts, err := prepare(b)
	if err != nil {
		return WriteStats{}, wrap(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closed:
		return WriteStats{}, wrap(ErrClosed)
	case s.readOnly:
		return WriteStats{}, wrap(ErrReadOnly)
	}
	w := &writer{r: reader{qs: s.qs}, tx: cayleygraph.NewTransaction(), now: now}
	if err := w.batch(ctx, b.Article, ents, facts); err != nil {
		return WriteStats{}, wrap(err)
	}
	if len(w.tx.Deltas) > 0 {
		if err := s.qs.ApplyDeltas(w.tx.Deltas, cayleygraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
			return WriteStats{}, wrap(err)
		}
	}
	s.log.Debug("batch written", "article", b.Article.ID, "quads", len(w.tx.Deltas),
		"facts_added", w.stats.FactsAdded, "facts_merged", w.stats.FactsMerged,
		"sources_added", w.stats.SourcesAdded, "entities_added", w.stats.EntitiesAdded)
	return w.stats, nil
}

// badIDChars are characters an id may not hold (control characters aside).
const badIDChars = " \t\r\n<>\"{}|^`\\"

// checkID reports an id that cannot name a node.
func checkID(what, id string) error {
	if strings.TrimSpace(id) == "" {
		return fmt.Errorf("%w %s: empty id", ErrInvalid, what)
	}
	if strings.ContainsAny(id, badIDChars) {
		return fmt.Errorf("%w %s %q: id has spaces or characters IRIs forbid", ErrInvalid, what, id)
	}
	return nil
}

// prepare validates the batch and returns its entities merged by id and its
// facts with ids computed, merged by id, in input order.
func prepare(b Batch) (map[string]*Entity, []*Fact, error) {
	if err := checkID("article", b.Article.ID); err != nil {
		return nil, nil, err
	}
	ents := map[string]*Entity{}
	for i, e := range b.Entities {
		if err := checkID("entity", e.ID); err != nil {
			return nil, nil, fmt.Errorf("entity %d: %w", i, err)
		}
		if strings.TrimSpace(e.Name) == "" || e.Type == "" {
			return nil, nil, fmt.Errorf("entity %s: %w: name and type are required", e.ID, ErrInvalid)
		}
		if have := ents[e.ID]; have != nil {
			have.Aliases = mergeAliases(have.Name, have.Aliases, append([]string{e.Name}, e.Aliases...))
			continue
		}
		e.Aliases = mergeAliases(e.Name, nil, e.Aliases)
		ents[e.ID] = &e
	}
	byID := map[string]*Fact{}
	var facts []*Fact
	for i := range b.Facts {
		f := b.Facts[i]
		f.Sources = append([]Source(nil), f.Sources...)
		if err := validateFact(&f, b.Article.ID); err != nil {
			return nil, nil, fmt.Errorf("fact %d (%s %s %s): %w", i, f.Subject, f.Predicate, f.Object, err)
		}
		f.ComputeID()
		if have := byID[f.ID]; have != nil {
			mergeFact(have, &f)
			have.Sources = append(have.Sources, f.Sources...)
			continue
		}
		byID[f.ID] = &f
		facts = append(facts, &f)
	}
	return ents, facts, nil
}

// validateFact checks one fact of article's batch.
func validateFact(f *Fact, article string) error {
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
		return fmt.Errorf("%w: confidence %v is not in [0, 1]", ErrInvalid, f.Confidence)
	}
	if len(f.Sources) == 0 {
		return fmt.Errorf("%w: no source", ErrInvalid)
	}
	for j, src := range f.Sources {
		switch {
		case src.Article != article:
			return fmt.Errorf("%w: source %d names article %q, not the batch's %q", ErrInvalid, j, src.Article, article)
		case strings.TrimSpace(src.Sentence) == "":
			return fmt.Errorf("%w: source %d has no sentence", ErrInvalid, j)
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

// mergeFact folds the qualifiers of g into f (not the sources) and reports
// whether f changed.
func mergeFact(f, g *Fact) bool {
	changed := false
	for _, d := range []struct{ dst, src *Date }{{&f.Start, &g.Start}, {&f.End, &g.End}, {&f.Date, &g.Date}} {
		if d.src.MorePrecise(*d.dst) {
			*d.dst = *d.src
			changed = true
		}
	}
	if g.Ended && !f.Ended {
		f.Ended, changed = true, true
	}
	if g.Confidence > f.Confidence {
		f.Confidence, changed = g.Confidence, true
	}
	if f.Role == "" && g.Role != "" {
		f.Role, changed = g.Role, true
	}
	if f.Location == "" && g.Location != "" {
		f.Location, changed = g.Location, true
	}
	return changed
}

// writer collects the deltas of one batch.
type writer struct {
	r     reader
	tx    *cayleygraph.Transaction
	now   time.Time
	stats WriteStats
}

// add queues quads for adding.
func (w *writer) add(qs []quad.Quad) {
	for _, q := range qs {
		w.tx.AddQuad(q)
	}
}

// batch queues the deltas of the article, its entities and its facts.
func (w *writer) batch(ctx context.Context, a Article, ents map[string]*Entity, facts []*Fact) error {
	if _, ok, err := w.r.article(ctx, a.ID); err != nil {
		return err
	} else if !ok {
		w.stats.ArticleNew = true
		w.add(articleQuads(a, w.now))
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
	for i, f := range facts {
		for _, side := range []string{f.Subject, f.Object} {
			if ents[side] != nil {
				continue
			}
			if _, ok, err := w.r.entity(ctx, side); err != nil {
				return err
			} else if !ok {
				return fmt.Errorf("fact %d (%s %s %s): %w: entity %s is neither in the batch nor stored",
					i, f.Subject, f.Predicate, f.Object, ErrInvalid, side)
			}
		}
		if err := w.fact(ctx, f); err != nil {
			return fmt.Errorf("fact %s: %w", f.ID, err)
		}
	}
	return nil
}

// entity queues a new entity, or the new aliases of a stored one.
func (w *writer) entity(ctx context.Context, e *Entity) error {
	old, ok, err := w.r.entity(ctx, e.ID)
	if err != nil {
		return err
	}
	if !ok {
		w.stats.EntitiesAdded++
		w.add(entityQuads(*e))
		return nil
	}
	n := len(old.Aliases)
	all := mergeAliases(old.Name, old.Aliases, append([]string{e.Name}, e.Aliases...))
	for _, a := range all[n:] {
		w.tx.AddQuad(quad.Make(EntityIRI(e.ID), pAlias, quad.String(a), nil))
		if k := AliasKey(a); k != "" {
			w.tx.AddQuad(quad.Make(EntityIRI(e.ID), pKey, quad.String(k), nil))
		}
	}
	return nil
}

// fact queues a new fact with its sources, or merges f into the stored fact.
func (w *writer) fact(ctx context.Context, f *Fact) error {
	old, ok, err := w.r.factNode(ctx, f.ID)
	if err != nil {
		return err
	}
	if !ok {
		f.RecordedAt = w.now
		w.stats.FactsAdded++
		w.add(factQuads(*f))
		_, err := w.sources(ctx, f.ID, f.Sources, false)
		return err
	}
	merged := old
	changed := mergeFact(&merged, f)
	if changed {
		w.replace(&old, &merged)
	}
	n, err := w.sources(ctx, f.ID, f.Sources, true)
	if err != nil {
		return err
	}
	if n > 0 || changed {
		w.stats.FactsMerged++
	}
	return nil
}

// sources queues the sources of fact factID that are new (by article and
// sentence; when stored is true the store is asked too) and returns how
// many it queued.
func (w *writer) sources(ctx context.Context, factID string, srcs []Source, stored bool) (int, error) {
	n := 0
	seen := map[string]bool{}
	for _, src := range srcs {
		k := src.Article + "\x00" + src.Sentence
		if seen[k] {
			continue
		}
		seen[k] = true
		if stored {
			if ok, err := w.r.hasNode(ctx, sourceIRI(factID, src.Article, src.Sentence)); err != nil {
				return n, err
			} else if ok {
				continue
			}
		}
		src.RecordedAt = w.now
		w.add(sourceQuads(factID, src))
		n++
	}
	w.stats.SourcesAdded += n
	return n, nil
}

// replace queues the quad changes that turn stored fact old into f: each
// changed qualifier's old quad is removed and its new quad added.
func (w *writer) replace(old, f *Fact) {
	n := FactIRI(f.ID)
	set := func(pred quad.IRI, was, is quad.Value) {
		if was != nil {
			w.tx.RemoveQuad(quad.Make(n, pred, was, nil))
		}
		if is != nil {
			w.tx.AddQuad(quad.Make(n, pred, is, nil))
		}
	}
	str := func(s string) quad.Value {
		if s == "" {
			return nil
		}
		return quad.String(s)
	}
	for _, d := range []struct {
		pred    quad.IRI
		was, is Date
	}{{pStart, old.Start, f.Start}, {pEnd, old.End, f.End}, {pDate, old.Date, f.Date}} {
		if d.was != d.is {
			set(d.pred, dateValue(d.was), dateValue(d.is))
		}
	}
	if old.Ended != f.Ended {
		set(pEnded, nil, quad.Bool(true))
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
}
