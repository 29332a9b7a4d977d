package queries

import (
	"context"
	"fmt"

	"github.com/geokg/geokg/graph"
)

// TimelineQuery asks for everything about one entity in time. Entity is
// resolved through aliases; From/To, when set, keep the facts overlapping
// that range (events dated inside it); AsKnown answers with only what had
// been ingested by the end of that day.
type TimelineQuery struct {
	Entity   string
	From, To graph.Date
	AsKnown  graph.Date
}

// Timeline returns every fact with the entity on either side, in time
// order: an event by its date, a state by its start, else its end, else
// when it was first reported; ties by fact id. Each answer carries its
// sources. A name that matches no entity returns ErrUnknownEntity.
func (e *Engine) Timeline(ctx context.Context, q TimelineQuery) ([]Answer, error) {
	if q.Entity == "" {
		return nil, fmt.Errorf("timeline: %w: no entity given", ErrUnknownEntity)
	}
	ids, err := e.resolve(ctx, q.Entity)
	if err != nil {
		return nil, err
	}
	var facts []graph.Fact
	if err := e.store.Facts(ctx, graph.FactFilter{Subjects: ids, EitherSide: true}, func(f graph.Fact) error {
		facts = append(facts, f)
		return nil
	}); err != nil {
		return nil, err
	}
	if facts, err = e.asKnown(ctx, facts, q.AsKnown); err != nil {
		return nil, err
	}
	byTime(facts)
	facts, unsure := inTime(facts, graph.Date{}, q.From, q.To)
	answers, err := e.answers(ctx, facts)
	for i := range answers {
		answers[i].Uncertain = unsure[answers[i].Fact.ID]
	}
	return answers, err
}
