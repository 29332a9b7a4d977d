package queries

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Defaults of GizmoQuery.
const (
	DefaultGizmoTimeout = 10 * time.Second
	DefaultGizmoLimit   = 1000
	// DefaultGizmoMaxMemory bounds the Go heap of the whole process while
	// a Gizmo query runs.
	DefaultGizmoMaxMemory = 256 << 20
	// MaxGizmoQueryBytes is the longest Gizmo query accepted: compiling
	// cannot be stopped and its cost grows faster than the text, so a
	// timed-out compilation of a longer one would go on for minutes.
	MaxGizmoQueryBytes = 16 << 10
)

// memoryTick is how often a running Gizmo query checks the heap.
const memoryTick = 5 * time.Millisecond

// stopWait is how long a stopped Gizmo query waits for its script to end
// before it gives up with ErrGizmoStuck.
const stopWait = 10 * time.Second

// Errors of Gizmo queries.
var (
	// ErrGizmoTimeout is returned when a Gizmo query (its compilation
	// included) runs past its time limit.
	ErrGizmoTimeout = errors.New("gizmo query timed out")
	// ErrGizmoMemory is returned when the process's heap grows past a
	// Gizmo query's memory bound while it runs.
	ErrGizmoMemory = errors.New("gizmo query went over its memory bound")
	// ErrGizmoTooLong is returned for a query over MaxGizmoQueryBytes.
	ErrGizmoTooLong = errors.New("gizmo query too long")
	// ErrGizmoStuck is returned when a stopped Gizmo script did not end
	// within stopWait (one step of a traversal ran that long); the store's
	// lock is released though the script may still be reading.
	ErrGizmoStuck = errors.New("gizmo script did not stop")
)

// GizmoQuery is a raw query in Cayley's Gizmo language (JavaScript), such
// as g.V("<geokg:entity/person/mark-rutte>").Out("<geokg:rel/met>").All().
type GizmoQuery struct {
	Query string
	// Timeout bounds the run, compilation included; 0 means
	// DefaultGizmoTimeout.
	Timeout time.Duration
	// Limit caps the results (emitted values and All's paths, together),
	// and the length of an emitted array such as g.Emit(g.V().ToArray());
	// 0 means DefaultGizmoLimit. Arrays built inside the script are
	// bounded by MaxMemory only.
	Limit int
	// MaxMemory bounds the process's Go heap, in bytes, while the query
	// runs; 0 means DefaultGizmoMaxMemory, < 0 no bound.
	MaxMemory int64
}

// GizmoResult holds a Gizmo query's results as JSON-ready values (maps of
// tag to node for All(), plain values for emit()).
type GizmoResult struct {
	Results []any
	// Truncated is true when the query had more results than Limit, or
	// an emitted array was cut to Limit.
	Truncated bool
}

// quadReader is a store that runs raw reads of its Cayley quad store under
// its lock, cancelling them when it closes.
type quadReader interface {
	ReadQuads(ctx context.Context, fn func(ctx context.Context, qs cayleygraph.QuadStore) error) error
}

// Gizmo runs q against the store's quad store, read-only. It stops at the
// time limit (ErrGizmoTimeout), at the memory bound (ErrGizmoMemory), at
// the result cap (Truncated), when ctx is cancelled (ctx's error) or when
// the store closes; it returns only once the query has stopped reading.
func (e *Engine) Gizmo(ctx context.Context, q GizmoQuery) (GizmoResult, error) {
	var res GizmoResult
	qr, ok := e.store.(quadReader)
	if !ok {
		return res, errors.New("gizmo: this store has no Cayley quad store")
	}
	if len(q.Query) > MaxGizmoQueryBytes {
		return res, fmt.Errorf("%w: %d bytes, at most %d", ErrGizmoTooLong, len(q.Query), MaxGizmoQueryBytes)
	}
	timeout, limit, maxMem := q.Timeout, q.Limit, q.MaxMemory
	if timeout <= 0 {
		timeout = DefaultGizmoTimeout
	}
	if limit <= 0 {
		limit = DefaultGizmoLimit
	}
	if maxMem == 0 {
		maxMem = DefaultGizmoMaxMemory
	}
	ctx, cancel := context.WithTimeoutCause(ctx, timeout, fmt.Errorf("%w after %s", ErrGizmoTimeout, timeout))
	defer cancel()
	ctx, cancelMem := context.WithCancelCause(ctx)
	defer cancelMem(nil)
	if maxMem > 0 {
		go watchMemory(ctx, uint64(maxMem), cancelMem)
	}
	err := qr.ReadQuads(ctx, func(ctx context.Context, qs cayleygraph.QuadStore) error {
		var err error
		res, err = runGizmo(ctx, qs, q.Query, limit)
		return err
	})
	switch {
	case err == nil:
		return res, nil
	case errors.Is(err, ErrGizmoTimeout), errors.Is(err, ErrGizmoMemory), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return res, err
	default:
		return res, fmt.Errorf("gizmo: %w", err)
	}
}

// runGizmo compiles and runs script with Cayley's Gizmo on qs, keeping
// limit results. When ctx ends or the limit is reached it stops the script
// and returns only once the script has ended (or after stopWait, with
// ErrGizmoStuck), so that qs is no longer read when it returns.
func runGizmo(ctx context.Context, qs cayleygraph.QuadStore, script string, limit int) (res GizmoResult, err error) {
	type compiled struct {
		it  query.Iterator
		err error
	}
	cc := make(chan compiled, 1)
	go func() {
		// Execute compiles synchronously and cannot be stopped. When ctx
		// ends first, it finishes in the background; its script, never
		// started, reads nothing.
		s := gizmo.NewSession(qs)
		// One more than the cap tells whether the cap was hit.
		it, err := s.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: limit + 1})
		cc <- compiled{it, err}
	}()
	var it query.Iterator
	select {
	case c := <-cc:
		if c.err != nil {
			return res, c.err
		}
		it = c.it
	case <-ctx.Done():
		return res, context.Cause(ctx)
	}
	// The script runs from the first Next on; whatever ends the loop, it
	// is stopped and waited for before qs is given back.
	defer func() {
		if e := stopScript(it); e != nil {
			err = e
		}
	}()
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if len(res.Results) == limit {
			res.Truncated = true
			return res, nil
		}
		r, cut := capArray(r, limit)
		res.Truncated = res.Truncated || cut
		res.Results = append(res.Results, r)
	}
	if ctx.Err() != nil {
		return res, context.Cause(ctx)
	}
	return res, it.Err()
}

// stopScript stops the script of it, started by it.Next, and waits up to
// stopWait for it to end. Cayley's iterator, asked for its next result
// under a done context, interrupts the script and cancels its traversals;
// asked again, it returns once the script's goroutine has ended.
func stopScript(it query.Iterator) error {
	done, cancel := context.WithCancel(context.Background())
	cancel()
	for it.Next(done) {
	}
	wait, cancelWait := context.WithTimeout(context.Background(), stopWait)
	defer cancelWait()
	for it.Next(wait) {
	}
	_ = it.Close() // it only cancels, and never fails
	if wait.Err() != nil {
		return fmt.Errorf("%w within %s", ErrGizmoStuck, stopWait)
	}
	return nil
}

// capArray cuts v to its first limit elements when it is a longer slice
// (an emitted ToArray or TagArray), telling whether it did.
func capArray(v any, limit int) (any, bool) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.Len() <= limit {
		return v, false
	}
	return rv.Slice(0, limit).Interface(), true
}

// watchMemory cancels ctx with ErrGizmoMemory when the heap's objects stay
// over max bytes after a collection; it returns when ctx is done. Meanwhile the runtime's soft
// memory limit is max, so that the collector keeps garbage under it and
// only live data trips the bound.
func watchMemory(ctx context.Context, max uint64, cancel context.CancelCauseFunc) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(max)))
	t := time.NewTicker(memoryTick)
	defer t.Stop()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if heap() <= max {
			continue
		}
		runtime.GC() // garbage not yet collected does not count
		if h := heap(); h > max {
			cancel(fmt.Errorf("%w of %d MiB (heap at %d MiB)", ErrGizmoMemory, max>>20, h>>20))
			return
		}
	}
}
