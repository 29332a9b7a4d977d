package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/geokg/geokg/ingest/extract"
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
// store's error (graph.ErrLocked, graph.ErrClosed, ...). The write itself
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
	now := p.Now
	if now == nil {
		now = time.Now
	}
	if a.Published.IsZero() {
		sum.Warnings++
		e := &ReadError{Origin: a.Origin, Err: ErrNoDate, Warning: true}
		if p.Logger != nil {
			p.Logger.Warn("ingest", "item", e.Origin, "warning", e.Err)
		}
		if p.OnError != nil {
			p.OnError(e)
		}
	}
	hash := a.Hash()
	byID, seen, err := p.Store.LookupArticle(ctx, a.ID, hash)
	if err != nil {
		sum.Errors++
		return sum, fmt.Errorf("%s: lookup: %w", a.Origin, err)
	}
	if (byID != nil && byID.Hash == hash) || (byID == nil && seen) {
		sum.Unchanged++
		return sum, nil
	}
	res := p.Extractor.Extract(extract.Input{Text: a.Text, Title: a.Title, Published: a.Published})
	batch := BuildBatch(a, hash, res)
	if err := p.canonicalize(ctx, &batch); err != nil {
		sum.Errors++
		return sum, fmt.Errorf("%s: resolve: %w", a.Origin, err)
	}
	st, err := p.Store.Write(context.WithoutCancel(ctx), batch, now())
	if err != nil {
		sum.Errors++
		return sum, fmt.Errorf("%s: store: %w", a.Origin, err)
	}
	if byID != nil {
		sum.Updated++
	} else {
		sum.New++
	}
	sum.FactsAdded += st.FactsAdded
	sum.FactsMerged += st.FactsMerged
	sum.Entities += st.EntitiesAdded
	return sum, nil
}
