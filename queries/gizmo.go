package queries

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// Defaults of GizmoQuery.
const (
	DefaultGizmoTimeout = 10 * time.Second
	DefaultGizmoLimit   = 1000
)

// ErrGizmoTimeout is returned when a Gizmo query runs past its time limit.
var ErrGizmoTimeout = errors.New("gizmo query timed out")

// GizmoQuery is a raw query in Cayley's Gizmo language (JavaScript), such
// as g.V("<geokg:entity/person/mark-rutte>").Out("<geokg:rel/met>").All().
type GizmoQuery struct {
	Query string
	// Timeout bounds the run; 0 means DefaultGizmoTimeout.
	Timeout time.Duration
	// Limit caps the results; 0 means DefaultGizmoLimit.
	Limit int
}

// GizmoResult holds a Gizmo query's results as JSON-ready values (maps of
// tag to node for All(), plain values for emit()).
type GizmoResult struct {
	Results []any
	// Truncated is true when the query had more results than Limit.
	Truncated bool
}

// Gizmo runs q against the store's quad store, read-only, stopping at
// the time limit (ErrGizmoTimeout), at the result cap (Truncated) or when
// ctx is cancelled.
func (e *Engine) Gizmo(ctx context.Context, q GizmoQuery) (GizmoResult, error) {
	var res GizmoResult
	qsr, ok := e.store.(quadStorer)
	if !ok {
		return res, errors.New("gizmo: this store has no Cayley quad store")
	}
	timeout, limit := q.Timeout, q.Limit
	if timeout <= 0 {
		timeout = DefaultGizmoTimeout
	}
	if limit <= 0 {
		limit = DefaultGizmoLimit
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	s := gizmo.NewSession(qsr.QuadStore())
	// One more than the cap tells whether the cap was hit.
	it, err := s.Execute(ctx, q.Query, query.Options{Collation: query.JSON, Limit: limit + 1})
	if err != nil {
		return res, fmt.Errorf("gizmo: %w", err)
	}
	defer it.Close()
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if len(res.Results) == limit {
			res.Truncated = true
			break
		}
		res.Results = append(res.Results, r)
	}
	if err := it.Err(); err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return res, fmt.Errorf("%w after %s", ErrGizmoTimeout, timeout)
		}
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		return res, fmt.Errorf("gizmo: %w", err)
	}
	return res, nil
}
