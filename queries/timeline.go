package queries

import (
	"context"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TimelineQuery asks for everything about one entity in time. Entity is
// resolved through aliases; At, when set, keeps the facts in force that day
// (see graph.Window); else From/To, when set, keep the facts overlapping that
// range (events dated inside it); AsKnown answers with only what had been
// ingested by the end of that day. Offset and Limit page the answer: the
// first Offset answers are skipped, and at most Limit are returned (0:
// all).
type TimelineQuery struct {
	Entity        string
	At            graph.Date
	From, To      graph.Date
	AsKnown       graph.Date
	Offset, Limit int
}

// Timeline returns every fact with the entity on either side, in time
// order: an event by its date, a state by its start, else its end, else
// when it was first reported (graph.SortTime); ties by fact id. Each
// answer carries its sources. A page (q.Offset, q.Limit) with no window
// reads the store's timeline index when it has one (store.TimelinePage):
// the facts it shows, not every fact of the entity; with a window, every
// fact is read and the page cut from the answer. A name that matches no entity returns ErrUnknownEntity; a
// window From later than To, graph.ErrBadWindow.
func (e *Engine) Timeline(ctx context.Context, q TimelineQuery) ([]Answer, error) {
	if err := (graph.Window{At: q.At, From: q.From, To: q.To}).Validate(); err != nil {
		return nil, err
	}
	ids, err := e.resolveAbout(ctx, q.Entity, "timeline", "no entity given")
	if err != nil {
		return nil, err
	}
	return e.timeline(ctx, ids, q)
}

// timeline is Timeline for the entities ids, already resolved (q.Entity is
// not read): Ask resolves names itself, tolerating misspellings.
func (e *Engine) timeline(ctx context.Context, ids []string, q TimelineQuery) ([]Answer, error) {
	w := graph.Window{At: q.At, From: q.From, To: q.To, AsKnown: q.AsKnown}
	paged := q.Offset > 0 || q.Limit > 0
	if tp, ok := e.store.(timelinePager); ok && paged && w.IsOpen() && w.AsKnown.IsZero() {
		facts, ok, err := tp.TimelinePage(ctx, ids, q.Offset, q.Limit, e.opts.Evidence)
		if err != nil {
			return nil, err
		}
		if ok {
			return e.timeAnswers(ctx, facts, w)
		}
	}
	var facts []graph.Fact
	if err := e.store.Facts(ctx, store.FactFilter{Subjects: ids, EitherSide: true, Withdrawn: !w.AsKnown.IsZero(), Evidence: e.opts.Evidence}, func(f graph.Fact) error {
		if w.MayHold(f) {
			facts = append(facts, f)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	as, err := e.timeAnswers(ctx, facts, w)
	if err != nil || !paged {
		return as, err
	}
	as = as[min(q.Offset, len(as)):]
	if q.Limit > 0 && len(as) > q.Limit {
		as = as[:q.Limit]
	}
	return as, nil
}

// timelinePager is what a store with a timeline index offers
// (store.Store.TimelinePage).
type timelinePager interface {
	TimelinePage(ctx context.Context, ids []string, offset, limit int, evidence bool) ([]graph.Fact, bool, error)
}
