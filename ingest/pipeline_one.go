package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
)

// Add adds the counts of o to s.
func (s *Summary) Add(o Summary) {
	s.Read += o.Read
	s.New += o.New
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.FactsAdded += o.FactsAdded
	s.FactsMerged += o.FactsMerged
	s.Entities += o.Entities
	s.Warnings += o.Warnings
	s.Errors += o.Errors
}

// IngestArticle ingests one article as Run does each of its articles:
// skipped when the store already holds it unchanged (same ID and content,
// or the same content under another ID), else extracted and written in one
// transaction. The returned summary counts this one article (Read is 1;
// New, Updated or Unchanged is 1 on success). A missing publication date
// is counted as a warning and reported through OnError, as in Run.
//
// The error is non-nil when the article was not stored: it wraps the
// store's error (store.ErrLocked, store.ErrClosed, ...). The write itself
// is not cancelled with ctx, so an article whose facts are extracted is
// finished before shutting down; ctx is checked before starting.
// IngestArticle is for callers that handle articles one by one (the
// scheduler, which records each article as done only once it is stored);
// it is not safe to call concurrently with Run on the same Pipeline.
func (p *Pipeline) IngestArticle(ctx context.Context, a Article) (Summary, error) {
	sum := Summary{Read: 1}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if err := checkPublished(&a); err != nil {
		p.report(&sum, &ReadError{Origin: a.Origin, Err: err, Warning: true})
	}
	if a.Published.IsZero() {
		p.report(&sum, &ReadError{Origin: a.Origin, Err: ErrNoDate, Warning: true})
	}
	hash := a.Hash()
	if w := p.capText(&a); w != nil {
		p.report(&sum, w)
	}
	if _, err := p.step(ctx, a, hash, nil, &sum); err != nil {
		sum.Errors++
		return sum, fmt.Errorf("%s: %w", a.Origin, err)
	}
	return sum, nil
}

// step is the one way an article goes into the store, for Run and
// IngestArticle alike: look it up (skipped when the store holds it
// unchanged; a changed text or a new publication date is an update, whose
// facts replace the ones the old version stated), extract it (unless extracted is given: Run extracts ahead,
// in parallel), resolve its people (Resolver), and write its facts in one
// transaction. It adds to sum what it did: New, Updated or Unchanged, and
// the facts and entities written. Its error, when the article was not
// stored, names the stage that failed ("lookup: ", "resolve: ", "store: ")
// and wraps the cause.
//
// Neither the resolution nor the write is cancelled with ctx, so an
// article whose facts are extracted is finished before shutting down. Its
// callers run it from one goroutine at a time, so the store cannot change
// between the lookups and the write.
//
// The returned write, when step came to the write, holds the batch it
// wrote (or tried to) and the counts the write added to sum (or would
// have), so that Run can write it again (see written.again).
func (p *Pipeline) step(ctx context.Context, a Article, hash string, extracted *extract.Result, sum *Summary) (*written, error) {
	byID, seen, err := p.Store.LookupArticle(ctx, a.ID, hash)
	if err != nil {
		return nil, fmt.Errorf("lookup: %w", err)
	}
	if unchanged(byID, seen, a, hash) {
		sum.Unchanged++
		return nil, nil
	}
	var res extract.Result
	if extracted != nil {
		res = *extracted
	} else {
		res = p.Extractor.Extract(extract.Input{Text: a.Text, Title: a.Title, Published: a.Published})
	}
	for _, t := range res.DroppedDates {
		p.report(sum, &ReadError{Origin: a.Origin, Err: fmt.Errorf("%w: %q left undated", graph.ErrDateRange, t), Warning: true})
	}
	batch := BuildBatch(a, hash, res)
	for _, err := range batch.DropBadDates() {
		p.report(sum, &ReadError{Origin: a.Origin, Err: fmt.Errorf("%w (dropped)", err), Warning: true})
	}
	if l, ok := p.Store.(resolve.Lookup); ok && p.Resolver != nil {
		if _, err := p.Resolver.Batch(context.WithoutCancel(ctx), l, &batch); err != nil {
			return nil, fmt.Errorf("resolve: %w", err)
		}
	}
	w := &written{origin: a.Origin, batch: batch}
	if byID != nil {
		w.counts.Updated = 1
	} else {
		w.counts.New = 1
	}
	return w, w.write(ctx, p, sum)
}

// written is an article step came to write: its batch, resolved, and the
// counts its write adds to a summary (New or Updated, facts, entities),
// which added says it did.
type written struct {
	origin string
	batch  graph.Batch
	counts Summary
	added  bool
}

// write writes w's batch in one transaction and adds its counts to sum;
// on error it adds nothing.
func (w *written) write(ctx context.Context, p *Pipeline, sum *Summary) error {
	st, err := p.Store.Write(context.WithoutCancel(ctx), w.batch, p.now())
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	w.counts.FactsAdded = st.FactsAdded
	w.counts.FactsMerged = st.FactsMerged
	w.counts.Entities = st.EntitiesAdded
	sum.Add(w.counts)
	w.added = true
	return nil
}

// again writes w once more, in its own transaction made durable at once
// (Write then Sync), after group commit lost the batch it was written in
// (store.ErrBatchLost): its counts leave sum, and join it again when the
// write succeeds.
func (w *written) again(ctx context.Context, p *Pipeline, gc GroupCommitter, sum *Summary) error {
	if w.added {
		sum.sub(w.counts)
		w.added = false
	}
	if err := w.write(ctx, p, sum); err != nil {
		return err
	}
	if err := gc.Sync(context.WithoutCancel(ctx)); err != nil {
		sum.sub(w.counts)
		w.added = false
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// sub takes the write counts of o (New, Updated, facts, entities) from s.
func (s *Summary) sub(o Summary) {
	s.New -= o.New
	s.Updated -= o.Updated
	s.FactsAdded -= o.FactsAdded
	s.FactsMerged -= o.FactsMerged
	s.Entities -= o.Entities
}

// unchanged reports whether the store already holds article a, whose
// content hash is hash: under its id (byID, as LookupArticle found it),
// of which a is no new version (graph.Article.Updates: the same hash, and
// no new publication date), or, when its id is new, under another id
// (seen).
func unchanged(byID *graph.Article, seen bool, a Article, hash string) bool {
	if byID != nil {
		return !graph.Article{Hash: hash, Published: a.Published}.Updates(*byID)
	}
	return seen
}

// checkPublished clears a publication date that is not graph.Date.Valid
// (a feed's year 0), before anything is counted from it, and returns the
// warning to report; nil when the date is valid or unknown.
func checkPublished(a *Article) error {
	if a.Published.Valid() {
		return nil
	}
	d := a.Published
	a.Published = graph.Date{}
	return fmt.Errorf("%w: publication date %04d-%02d-%02d dropped", graph.ErrDateRange, d.Year, int(d.Month), d.Day)
}

// report counts a bad item or a warning in sum, logs it and passes it to
// OnError.
func (p *Pipeline) report(sum *Summary, e *ReadError) {
	log := p.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if e.Warning {
		sum.Warnings++
		log.Warn("ingest", "item", e.Origin, "warning", e.Err)
	} else {
		sum.Errors++
		log.Error("ingest", "item", e.Origin, "err", e.Err)
	}
	if p.OnError != nil {
		p.OnError(e)
	}
}

// now returns the recording time of a write.
func (p *Pipeline) now() time.Time {
	if p.Now == nil {
		return time.Now()
	}
	return p.Now()
}
