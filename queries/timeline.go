package queries

import (
	"context"
	"slices"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// TimelineQuery asks for everything about one entity in time. Entity is
// resolved through aliases; At, when set, keeps the facts in force that day
// (see graph.Window); else From/To, when set, keep the facts overlapping that
// range (events dated inside it); AsKnown answers with only what had been
// ingested by the end of that day. Offset and Limit page the answer: the
// first Offset answers are skipped, and at most Limit are returned (0:
// all); with Latest they are counted from the newest answer (the page
// still comes oldest first).
type TimelineQuery struct {
	Entity        string
	At            graph.Date
	From, To      graph.Date
	AsKnown       graph.Date
	Offset, Limit int
	Latest        bool
}

// DefaultTimelineLimit is how many facts a timeline shows when its user
// asks for no page: the latest ones (`geokg query timeline`).
const DefaultTimelineLimit = 20

// TimelineResult is one page of a timeline and where it lies in the
// whole.
type TimelineResult struct {
	// Answers are the page's facts, oldest first.
	Answers []Answer
	// Total is how many facts the whole timeline has (in its window).
	Total int
	// First is the position of the page's first fact in the whole
	// timeline, oldest first, from 0.
	First int
}

// Timeline returns every fact with the entity on either side, in time
// order: an event by its date, a state by its start, else its end, else
// when it was first reported (graph.SortTime); ties by fact id. Each
// answer carries its sources. A page (q.Offset, q.Limit) with no window
// reads the store's timeline index when it has one (store.TimelinePage):
// the facts it shows, not every fact of the entity; with a window (no
// AsKnown), the adjacency rows' predicates and sort times leave out the
// events dated outside it unread (store.TimelineWindow), and the page is
// cut from the facts read; with AsKnown, every fact is read. A name that matches no entity returns ErrUnknownEntity; a
// window From later than To, graph.ErrBadWindow.
func (e *Engine) Timeline(ctx context.Context, q TimelineQuery) ([]Answer, error) {
	if err := (graph.Window{At: q.At, From: q.From, To: q.To}).Validate(); err != nil {
		return nil, err
	}
	ids, err := e.resolveAbout(ctx, q.Entity, "timeline", "no entity given")
	if err != nil {
		return nil, err
	}
	r, err := e.timeline(ctx, ids, q)
	return r.Answers, err
}

// TimelinePage is Timeline with where its page lies in the whole
// timeline: how many facts the timeline has, and the position of the
// page's first. A page with no window reads the timeline index's rows
// of the entity (keys only) and the page's facts.
func (e *Engine) TimelinePage(ctx context.Context, q TimelineQuery) (TimelineResult, error) {
	if err := (graph.Window{At: q.At, From: q.From, To: q.To}).Validate(); err != nil {
		return TimelineResult{}, err
	}
	ids, err := e.resolveAbout(ctx, q.Entity, "timeline", "no entity given")
	if err != nil {
		return TimelineResult{}, err
	}
	return e.timeline(ctx, ids, q)
}

// timeline is TimelinePage for the entities ids, already resolved
// (q.Entity is not read): Ask resolves names itself, tolerating
// misspellings.
func (e *Engine) timeline(ctx context.Context, ids []string, q TimelineQuery) (TimelineResult, error) {
	w := graph.Window{At: q.At, From: q.From, To: q.To, AsKnown: q.AsKnown}
	span := store.TimelineSpan{Offset: q.Offset, Limit: q.Limit, Latest: q.Latest}
	paged := q.Offset > 0 || q.Limit > 0
	if tp, ok := e.store.(timelinePager); ok && paged && w.IsOpen() && w.AsKnown.IsZero() {
		facts, total, ok, err := tp.TimelineSpan(ctx, ids, span, e.opts.Evidence)
		if err != nil {
			return TimelineResult{}, err
		}
		// No row at all: the entity may have facts stored before their
		// evidence records (no row until check --repair or reindex), and
		// reading its facts costs nothing when it has none.
		if ok && total > 0 {
			as, err := e.timeAnswers(ctx, facts, w)
			lo, _ := span.Bounds(total)
			return TimelineResult{Answers: as, Total: total, First: lo}, err
		}
	}
	if tw, ok := e.store.(timelineWindower); ok && !w.IsOpen() && w.AsKnown.IsZero() {
		facts, ok, err := tw.TimelineWindow(ctx, ids, w, e.opts.Evidence)
		if err != nil {
			return TimelineResult{}, err
		}
		if ok {
			return e.timePage(ctx, slices.DeleteFunc(facts, func(f graph.Fact) bool { return !w.MayHold(f) }), w, span)
		}
	}
	var facts []graph.Fact
	if err := e.store.Facts(ctx, store.FactFilter{Subjects: ids, EitherSide: true, Withdrawn: !w.AsKnown.IsZero(), Evidence: e.opts.Evidence}, func(f graph.Fact) error {
		if w.MayHold(f) {
			facts = append(facts, f)
		}
		return nil
	}); err != nil {
		return TimelineResult{}, err
	}
	return e.timePage(ctx, facts, w, span)
}

// timePage returns the page span of the answers of facts in window w.
func (e *Engine) timePage(ctx context.Context, facts []graph.Fact, w graph.Window, span store.TimelineSpan) (TimelineResult, error) {
	as, err := e.timeAnswers(ctx, facts, w)
	if err != nil {
		return TimelineResult{}, err
	}
	lo, hi := span.Bounds(len(as))
	return TimelineResult{Answers: as[lo:hi], Total: len(as), First: lo}, nil
}

// timelineWindower is a store that reads the facts of a timeline that
// may be in a window from its index (store.Store.TimelineWindow).
type timelineWindower interface {
	TimelineWindow(ctx context.Context, ids []string, w graph.Window, evidence bool) ([]graph.Fact, bool, error)
}

// timelinePager is what a store with a timeline index offers
// (store.Store.TimelineSpan).
type timelinePager interface {
	TimelineSpan(ctx context.Context, ids []string, span store.TimelineSpan, evidence bool) ([]graph.Fact, int, bool, error)
}
