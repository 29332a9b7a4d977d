package schedule

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/feed"
)

// job is one run of one source.
type job struct {
	r           *Runner
	src         *Source
	st          *SourceState
	log         *slog.Logger
	fetcher     *feed.Fetcher
	p           *ingest.Pipeline
	sum         ingest.Summary
	lastErr     error // the last bad item's error
	notModified bool
}

// run pulls what is new from the source.
func (j *job) run(ctx context.Context) error {
	switch j.src.Kind {
	case KindRSS, KindAtom:
		return j.feed(ctx)
	case KindHTML:
		if j.src.URL != "" {
			return j.page(ctx)
		}
		return j.file(ctx, j.src.Path)
	case KindJSONL:
		if j.src.URL != "" {
			return j.jsonlURL(ctx)
		}
		return j.jsonlFile(ctx, j.src.Path)
	case KindDir:
		return j.dir(ctx)
	}
	return fmt.Errorf("%w: kind %q", ErrConfig, j.src.Kind)
}

// take ingests one article. Its error means the store failed: the article
// is not stored, and the run must stop without marking it taken.
func (j *job) take(ctx context.Context, a ingest.Article) error {
	sum, err := j.p.IngestArticle(ctx, a)
	j.sum.Add(sum)
	if err != nil {
		return err
	}
	j.st.Items++
	if sum.New+sum.Updated > 0 {
		j.st.Stored++
		j.log.Info("article stored", "id", a.ID, "origin", a.Origin, "facts_added", sum.FactsAdded)
	} else {
		j.log.Debug("article already stored", "id", a.ID, "origin", a.Origin)
	}
	if d := j.r.ArticleDelay; d > 0 {
		t := time.NewTimer(d)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
	}
	return nil
}

// bad counts and logs a bad item; the run goes on.
func (j *job) bad(e *ingest.ReadError) {
	if e.Warning {
		j.sum.Warnings++
		j.log.Warn("item", "item", e.Origin, "warning", e.Err)
		return
	}
	j.sum.Errors++
	j.st.Errors++
	j.lastErr = e
	j.log.Warn("bad item", "item", e.Origin, "err", e.Err)
}

// feed reads an RSS or Atom feed, taking the items not seen before,
// oldest first.
func (j *job) feed(ctx context.Context) error {
	var (
		data []byte
		v    feed.Validators
		base = j.src.URL
	)
	if j.src.URL != "" {
		resp, err := j.fetcher.Get(ctx, j.src.URL, j.st.Validators, feed.FeedAccept)
		if err != nil {
			return err
		}
		if resp.NotModified {
			j.notModified = true
			j.log.Debug("feed not modified")
			return nil
		}
		data, v, base = resp.Body, resp.Validators, resp.URL
	} else {
		var err error
		if data, err = readLimited(j.src.Path, j.r.ReadOptions.MaxBytes); err != nil {
			return err
		}
	}
	f, err := feed.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", j.src.Where(), err)
	}
	if f.Type != j.src.Kind {
		j.log.Debug("feed kind differs from the configured one", "kind", f.Type)
	}
	allTaken := len(f.Bad) == 0
	for _, err := range f.Bad {
		j.bad(&ingest.ReadError{Origin: j.src.Where(), Err: err})
	}
	for i := len(f.Items) - 1; i >= 0; i-- {
		if err := ctx.Err(); err != nil {
			return err
		}
		it := f.Items[i]
		if j.st.HasSeen(it.ID) {
			continue
		}
		for _, w := range it.Warnings {
			j.bad(&ingest.ReadError{Origin: j.src.Where() + "#" + it.ID, Err: w, Warning: true})
		}
		a, err := j.itemArticle(ctx, base, it)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			j.bad(&ingest.ReadError{Origin: j.src.Where() + "#" + it.ID, Err: err})
			allTaken = false
			continue
		}
		if err := j.take(ctx, a); err != nil {
			return err
		}
		j.st.MarkSeen(it.ID)
		j.r.maybeSave()
	}
	if allTaken && j.src.URL != "" {
		j.st.Validators = v
	}
	return nil
}

// itemArticle returns a feed item as an article: its linked page's main
// text with FollowLinks, else its own text.
func (j *job) itemArticle(ctx context.Context, base string, it feed.Item) (ingest.Article, error) {
	origin := j.src.Where() + "#" + it.ID
	if !j.src.FollowLinks || it.Link == "" {
		a := it.Article(origin)
		if a.Text == "" {
			return a, ingest.ErrNoText
		}
		return a, nil
	}
	link := resolve(base, it.Link)
	opts := j.r.ReadOptions
	if fallback := it.Article(origin); !fallback.Published.IsZero() {
		opts.Published = fallback.Published
	}
	a, warns, err := j.fetcher.Page(ctx, link, it.ID, opts)
	for _, w := range warns {
		j.bad(w)
	}
	if err != nil {
		return a, err
	}
	if a.Title == "" {
		a.Title = it.Title
	}
	a.Origin = link
	return a, nil
}

// page reads a single HTML page, when it changed since the last run.
func (j *job) page(ctx context.Context) error {
	resp, err := j.fetcher.Get(ctx, j.src.URL, j.st.Validators, feed.PageAccept)
	if err != nil {
		return err
	}
	if resp.NotModified {
		j.notModified = true
		return nil
	}
	a, warns, err := feed.ReadPage(ctx, resp, j.src.URL, j.r.ReadOptions)
	for _, w := range warns {
		j.bad(w)
	}
	if err != nil {
		return err
	}
	if err := j.take(ctx, a); err != nil {
		return err
	}
	j.st.Validators = resp.Validators
	return nil
}

// jsonlURL reads a JSONL document over HTTP, when it changed since the last
// run, taking the lines not seen before.
func (j *job) jsonlURL(ctx context.Context) error {
	resp, err := j.fetcher.Get(ctx, j.src.URL, j.st.Validators, "application/x-ndjson,application/jsonl,*/*;q=0.5")
	if err != nil {
		return err
	}
	if resp.NotModified {
		j.notModified = true
		return nil
	}
	allTaken := true
	lines := bytes.SplitAfter(resp.Body, []byte("\n"))
	for n, line := range lines {
		if err := ctx.Err(); err != nil {
			return err
		}
		origin := fmt.Sprintf("%s:%d", j.src.URL, n+1)
		arts, ok, err := j.jsonLine(ctx, origin, line)
		if err != nil {
			return err
		}
		allTaken = allTaken && ok
		for _, a := range arts {
			key := a.ID + "@" + a.Hash()[:16]
			if j.st.HasSeen(key) {
				continue
			}
			if err := j.take(ctx, a); err != nil {
				return err
			}
			j.st.MarkSeen(key)
			j.r.maybeSave()
		}
	}
	if allTaken {
		j.st.Validators = resp.Validators
	}
	return nil
}

// readLimited reads a local file of at most limit bytes (0: the default).
func readLimited(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = ingest.DefaultMaxBytes
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s: %w: %d bytes (limit %d)", path, ingest.ErrTooLarge, fi.Size(), limit)
	}
	return os.ReadFile(path)
}
