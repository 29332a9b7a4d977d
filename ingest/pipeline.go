package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// Store is what the pipeline needs of the graph store.
type Store interface {
	LookupArticle(ctx context.Context, id, hash string) (*graph.Article, bool, error)
	Write(ctx context.Context, b graph.Batch, now time.Time) (graph.WriteStats, error)
}

// Extractor turns one article's text into entities and facts.
type Extractor interface {
	Extract(in extract.Input) extract.Result
}

// Resolver maps the people of one article's batch onto the people the
// store already holds, rewriting the batch in place (*resolve.Resolver is
// one). It is called from one goroutine at a time, between the article's
// lookup and its write.
type Resolver interface {
	Batch(ctx context.Context, l resolve.Lookup, b *graph.Batch) (resolve.Stats, error)
}

// Summary counts what a run did; it ends every ingest.
type Summary struct {
	Read        int `json:"read"`
	New         int `json:"new"`
	Updated     int `json:"updated"`
	Unchanged   int `json:"unchanged"`
	FactsAdded  int `json:"facts_added"`
	FactsMerged int `json:"facts_merged"`
	Entities    int `json:"entities_added"`
	Warnings    int `json:"warnings"`
	Errors      int `json:"errors"`
	// Interrupted is set when the run was stopped (Ctrl-C) before the
	// end of its input; what was read was stored.
	Interrupted bool `json:"interrupted,omitempty"`
}

// String renders the summary line printed at the end of a run.
func (s Summary) String() string {
	line := fmt.Sprintf("articles read %d, new %d, updated %d, unchanged %d; facts added %d, merged %d; entities added %d; warnings %d, errors %d",
		s.Read, s.New, s.Updated, s.Unchanged, s.FactsAdded, s.FactsMerged, s.Entities, s.Warnings, s.Errors)
	if s.Interrupted {
		line += "; interrupted: the rest of the input was not read"
	}
	return line
}

// Pipeline reads articles, extracts their facts in parallel and writes each
// article's facts to the store in one transaction, in input order.
type Pipeline struct {
	Store     Store
	Extractor Extractor
	// Resolver canonicalizes each article's people against the stored
	// ones before its write, when Store can look names up
	// (resolve.Lookup); nil leaves the batch as extracted.
	Resolver Resolver
	// Logger receives one record per bad item or warning; nil discards.
	Logger *slog.Logger
	// Now gives the recording time; nil means time.Now.
	Now func() time.Time
	// Workers is the number of concurrent extractions; 0 means GOMAXPROCS.
	Workers int
	// OnError is called for every bad item and warning, after counting it.
	OnError func(*ReadError)
	// OnArticle is called after each article has been handled (for
	// progress); under group commit, after the Sync that made it durable.
	OnArticle func(Summary)
	// Batch, above 1, is how many articles Run writes per group commit
	// when the store supports it (GroupCommitter): up to Batch of them
	// are made durable by one Sync — sooner when no article is waiting —
	// and on bbolt written in one transaction (see
	// store.Store.SetGroupCommit). Run counts an article in its summary
	// only after that Sync, so nothing reported stored is lost when the
	// process is killed. When the store loses a batch
	// (store.ErrBatchLost: a write failed part way, or the commit), Run
	// writes its articles again one by one, each synced, reporting the
	// one that fails on its own.
	Batch int
	// MaxText caps an article's text, in bytes, bounding the memory its
	// extraction takes; longer text is cut at the last paragraph (or
	// sentence) end before the cap, with a warning wrapping ErrTextCut.
	// 0 means DefaultMaxText; negative, no cap.
	MaxText int
}

// batchCommitter is a GroupCommitter that may commit a batch before Sync
// (*store.Store: when the batch passes a bound) and says whether every
// write so far is committed: the articles written until then are in the
// store, not yet durable, and a batch lost later does not take them.
type batchCommitter interface {
	Committed() bool
}

// GroupCommitter is a store whose writes can share one transaction or
// flush to disk (*store.Store; see store.Store.SetGroupCommit).
type GroupCommitter interface {
	SetGroupCommit(on bool) error
	Sync(ctx context.Context) error
}

// DefaultMaxText is the text cap used when Pipeline.MaxText is 0: 1 MiB,
// some 150 pages, whose extraction peaks near 200 MB.
const DefaultMaxText = 1 << 20

// ErrTextCut warns that an article's text was longer than the cap
// (Pipeline.MaxText) and only its beginning was read.
var ErrTextCut = errors.New("text cut")

// capText cuts a's text to the pipeline's cap, returning the warning to
// report when it did.
func (p *Pipeline) capText(a *Article) *ReadError {
	limit := p.MaxText
	if limit == 0 {
		limit = DefaultMaxText
	}
	if limit < 0 || len(a.Text) <= limit {
		return nil
	}
	full := len(a.Text)
	cut := a.Text[:limit]
	if i := strings.LastIndexByte(cut, '\n'); i > limit/2 {
		cut = cut[:i]
	} else if i := strings.LastIndex(cut, ". "); i > limit/2 {
		cut = cut[:i+1]
	} else {
		cut = strings.ToValidUTF8(cut, "")
	}
	a.Text = cut
	return &ReadError{Origin: a.Origin, Warning: true,
		Err: fmt.Errorf("%w: %d of %d bytes read (ingest.max_text)", ErrTextCut, len(cut), full)}
}

// ErrNoDate warns that an article has no publication date: it is ingested,
// and its relative dates ("on Friday") are left unresolved.
var ErrNoDate = errors.New("no publication date; relative dates left unresolved")

// ErrDiskFull is returned by Run when a write failed because the disk is
// full: the run stops there, keeping what was stored before.
var ErrDiskFull = errors.New("no space left on device")

// diskFull reports whether err is a write failing for want of space
// (ENOSPC, or its message when a layer did not wrap it).
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || strings.Contains(err.Error(), "no space left on device")
}

// job is one article on its way through the pipeline; done is closed when
// its extraction (or the decision to skip it) is complete.
type job struct {
	art       Article
	hash      string
	skip      bool // already stored with the same content
	result    extract.Result
	lookupErr error
	// dropped is set for an article the run was stopped before starting;
	// it is neither counted nor reported.
	dropped bool
	done    chan struct{}
}

// Run ingests every article under paths ("-" reads stdin). It returns the
// summary and an error only when the run itself could not go on (context
// cancelled, store unusable); bad items are counted and reported through
// OnError instead. When ctx is cancelled, the articles already being
// extracted are finished and written (not reported as errors), the
// others are dropped, Summary.Interrupted is set and ctx's error
// returned. A write failing for a full disk (or a store locked by another
// process) stops the run there: the error wraps ErrDiskFull (or
// store.ErrLocked), and what was stored before is kept.
func (p *Pipeline) Run(ctx context.Context, paths []string, stdin io.Reader, opts ReadOptions) (Summary, error) {
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	var sum Summary
	report := func(e *ReadError) { p.report(&sum, e) }

	ordered := make(chan *job, workers*4)
	work := make(chan *job, workers*4)
	readErrs := make(chan *ReadError, 16)
	readDone := make(chan error, 1)
	// runCtx stops the reader: on ctx's cancellation or a fatal write
	// error. The article in hand is finished with finish, never cancelled.
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	finish := context.WithoutCancel(ctx)

	// Reader: emits jobs in input order.
	go func() {
		defer close(ordered)
		defer close(work)
		err := Read(runCtx, paths, stdin, opts, func(a Article) error {
			if err := checkPublished(&a); err != nil {
				readErrs <- &ReadError{Origin: a.Origin, Err: err, Warning: true}
			}
			hash := a.Hash() // of the whole text: a re-ingest is still seen as unchanged
			if w := p.capText(&a); w != nil {
				readErrs <- w
			}
			j := &job{art: a, hash: hash, done: make(chan struct{})}
			select {
			case ordered <- j:
			case <-runCtx.Done():
				return runCtx.Err()
			}
			select {
			case work <- j:
			case <-runCtx.Done():
				j.dropped = true
				close(j.done)
				return runCtx.Err()
			}
			return nil
		}, func(e *ReadError) { readErrs <- e })
		readDone <- err
		close(readErrs)
	}()

	// Extractors: skip articles already stored unchanged, extract the rest.
	for range workers {
		go func() {
			for j := range work {
				if runCtx.Err() != nil {
					j.dropped = true
					close(j.done)
					continue
				}
				byID, seen, err := p.Store.LookupArticle(finish, j.art.ID, j.hash)
				switch {
				case err != nil:
					j.lookupErr = fmt.Errorf("lookup: %w", err)
				case unchanged(byID, seen, j.art, j.hash):
					j.skip = true
				default:
					j.result = p.Extractor.Extract(extract.Input{Text: j.art.Text, Title: j.art.Title, Published: j.art.Published})
				}
				close(j.done)
			}
		}()
	}

	// Writer: in input order, one transaction per article, or per batch
	// under group commit (bbolt, PostgreSQL). What the articles since the last flush
	// did is counted in pending and joins sum once they are durable (at
	// once without group commit).
	var fatal error
	gc, grouped := p.Store.(GroupCommitter)
	grouped = grouped && p.Batch > 1
	if grouped {
		if err := gc.SetGroupCommit(true); err != nil {
			return sum, fmt.Errorf("group commit: %w", err)
		}
	}
	var pending Summary
	var pendingJobs int
	// batch holds the articles written since the last flush, for group
	// commit to write again, one by one, when the store lost them
	// (store.ErrBatchLost).
	var batch []*written
	// writeErr handles the error of article origin's write: a full disk
	// or a store locked stops the run; else the article is reported bad.
	writeErr := func(origin string, err error) {
		switch {
		case errors.Is(err, store.ErrLocked):
			fatal = err
		case diskFull(err):
			fatal = fmt.Errorf("%w: ingest stopped at %s; the articles before it are stored", ErrDiskFull, origin)
			stopRun()
			return
		}
		report(&ReadError{Origin: origin, Err: err})
		if fatal != nil {
			stopRun()
		}
	}
	// rewrite writes again, each in its own transaction, the articles of
	// a lost batch, and then retry (when not nil), the one whose write
	// lost it: an article that fails alone is reported as the bad one.
	rewrite := func(retry *written) {
		lost := batch
		batch = nil
		if retry != nil {
			lost = append(lost, retry)
		}
		for _, w := range lost {
			if fatal != nil {
				if w.added {
					pending.sub(w.counts)
				}
				pending.Errors++
				continue
			}
			if err := w.again(finish, p, gc, &pending); err != nil {
				writeErr(w.origin, err)
			}
		}
	}
	// settle counts the pending articles, all durable (or reported).
	settle := func() {
		sum.Add(pending)
		for range pendingJobs {
			if p.OnArticle != nil {
				p.OnArticle(sum)
			}
		}
		pending, pendingJobs = Summary{}, 0
	}
	flush := func() {
		if pendingJobs == 0 {
			return
		}
		if grouped {
			err := gc.Sync(finish)
			switch {
			case errors.Is(err, store.ErrBatchLost):
				rewrite(nil)
			case err != nil:
				fatal = fmt.Errorf("store: %w", err)
				sum.Read += pending.Read
				sum.Errors += pending.New + pending.Updated
				pending, pendingJobs, batch = Summary{}, 0, nil
				stopRun()
				return
			}
			batch = nil
		}
		settle()
	}
	handle := func(j *job) {
		<-j.done
		if fatal != nil || j.dropped {
			return
		}
		pending.Read++
		rewritten := false
		defer func() {
			pendingJobs++
			switch {
			case rewritten: // each written and synced on its own
				settle()
			case !grouped || pendingJobs >= p.Batch || len(ordered) == 0:
				flush()
			}
		}()
		if j.lookupErr != nil {
			report(&ReadError{Origin: j.art.Origin, Err: j.lookupErr})
			return
		}
		if j.art.Published.IsZero() {
			report(&ReadError{Origin: j.art.Origin, Err: ErrNoDate, Warning: true})
		}
		if j.skip {
			pending.Unchanged++
			return
		}
		w, err := p.step(finish, j.art, j.hash, &j.result, &pending)
		switch {
		case err == nil && w != nil && grouped:
			batch = append(batch, w)
			if bc, ok := p.Store.(batchCommitter); ok && bc.Committed() {
				// Committed on the way (a bound of the store's): a
				// batch lost later does not take these articles.
				batch = nil
			}
		case grouped && errors.Is(err, store.ErrBatchLost):
			rewrite(w)
			rewritten = true
		case err != nil:
			writeErr(j.art.Origin, err)
		}
	}
	errs := (<-chan *ReadError)(readErrs)
	jobs := (<-chan *job)(ordered)
	for jobs != nil || errs != nil {
		select {
		case e, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			report(e)
		case j, ok := <-jobs:
			if !ok {
				jobs = nil
				continue
			}
			handle(j)
		}
	}
	flush()
	if grouped {
		if err := gc.SetGroupCommit(false); err != nil && fatal == nil {
			fatal = fmt.Errorf("store: %w", err)
		}
	}
	err := <-readDone
	if fatal != nil {
		return sum, fatal
	}
	if ctx.Err() != nil {
		sum.Interrupted = true
		return sum, ctx.Err()
	}
	return sum, err
}

// BuildBatch turns an article and its extraction into the batch written to
// the store: every fact's source carries the article's id, url, title and
// publication date beside the sentence the extractor found.
func BuildBatch(a Article, hash string, r extract.Result) graph.Batch {
	b := graph.Batch{
		Article:  graph.Article{ID: a.ID, URL: a.URL, Title: a.Title, Published: a.Published, Hash: hash},
		Entities: r.Entities,
		Facts:    make([]graph.Fact, 0, len(r.Facts)),
	}
	for _, f := range r.Facts {
		srcs := make([]graph.Source, 0, len(f.Sources))
		for _, s := range f.Sources {
			s.Article, s.URL, s.Title, s.Published = a.ID, a.URL, a.Title, a.Published
			srcs = append(srcs, s)
		}
		f.Sources = srcs
		f.ComputeID()
		b.Facts = append(b.Facts, f)
	}
	return b
}
