package export

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

func init() {
	Register(Format{
		Name: "events", Ext: "csv", Base: "events",
		Summary: "one CSV row per event fact, laid out like ICEWS/GDELT event tables " +
			"(date, source actor and country, CAMEO code, target actor and country, location, sentence, url, PLOVER event type and mode)",
		Facts: writeEvents,
	})
}

// eventHeader is the header of the events table. The codes (cameo_code,
// plover_event, plover_mode) are the predicate table's (graph.Predicate),
// blank where it has none.
var eventHeader = []string{
	"event_id", "event_date", "date_precision",
	"source_actor", "source_actor_id", "source_actor_type", "source_country",
	"predicate", "cameo_code",
	"target_actor", "target_actor_id", "target_actor_type", "target_country",
	"location", "confidence", "combined_confidence", "uncertain", "source_count",
	"sentence", "url", "article", "published",
	"plover_event", "plover_mode",
}

// countryFinder names the country an actor stands for on a day: a country
// is its own; a person's is the country they lead then (a leads fact with a
// country as object, in force on the day), else the country whose leads
// fact lies nearest to the day (a leader before or after their term, such
// as a president-elect, still stands for their country), and for an
// undated event the one they led last. It caches each person's leads
// facts, so it holds at most one small list per actor.
type countryFinder struct {
	sel   *Selection
	leads map[string][]graph.Fact
}

func (c *countryFinder) country(ctx context.Context, e graph.Entity, day graph.Date) (string, error) {
	switch e.Type {
	case graph.Country:
		return e.Name, nil
	case graph.Person:
	default:
		return "", nil
	}
	facts, ok := c.leads[e.ID]
	if !ok {
		err := c.sel.Source().Facts(ctx, store.FactFilter{Subjects: []string{e.ID}, Predicate: graph.Leads}, func(f graph.Fact) error {
			o, err := c.sel.Entity(ctx, f.Object)
			if err == nil && o.Type == graph.Country {
				facts = append(facts, f)
			}
			return err
		})
		if err != nil {
			return "", err
		}
		c.leads[e.ID] = facts
	}
	if f, ok := nearestLead(facts, day); ok {
		o, err := c.sel.Entity(ctx, f.Object)
		return o.Name, err
	}
	return "", nil
}

// nearestLead picks, among a person's leads facts of countries, the one in
// force on day, else the one whose term lies nearest to day (in days from
// its start or end), else, for an undated day, the one that started last.
// Ties keep the earlier fact of facts, so the pick does not depend on the
// event's row.
func nearestLead(facts []graph.Fact, day graph.Date) (graph.Fact, bool) {
	if len(facts) == 0 {
		return graph.Fact{}, false
	}
	if !day.IsZero() {
		for _, f := range facts {
			if (graph.Window{At: day}).Holds(f) {
				return f, true
			}
		}
	}
	best, bestKey := 0, int64(math.MaxInt64)
	for i, f := range facts {
		var key int64
		switch {
		case day.IsZero() && f.Start.IsZero():
			key = math.MaxInt64 - 1
		case day.IsZero():
			key = -f.Start.Time().Unix() // the latest start is the least key
		default:
			key = distance(f, day)
		}
		if key < bestKey {
			best, bestKey = i, key
		}
	}
	return facts[best], true
}

// distance is how many seconds day lies from fact f's term: from its start
// when day is before it, from its end when after; an unknown bound is far,
// and a term with no bound at all farther than any dated one.
func distance(f graph.Fact, day graph.Date) int64 {
	const far = math.MaxInt64 / 4
	t := day.Time().Unix()
	d := int64(far)
	if !f.Start.IsZero() && t < f.Start.Time().Unix() {
		d = f.Start.Time().Unix() - t
	}
	if !f.End.IsZero() && t >= f.End.Time().Unix() {
		d = min(d, t-f.End.Time().Unix())
	}
	if f.Start.IsZero() && f.End.IsZero() {
		d = far + 1
	}
	return d
}

// writeEvents writes the selected event facts (met, visited, sanctioned…)
// as a CSV event table: one row per fact, the subject as source actor, the
// object as target, the first source's sentence and URL, the predicate's
// CAMEO and PLOVER codes; uncertain and combined_confidence as in Record.
func writeEvents(ctx context.Context, w io.Writer, sel *Selection) (int, error) {
	cw := newCSV(w)
	if err := cw.Write(eventHeader); err != nil {
		return 0, fmt.Errorf("export events: %w", err)
	}
	cf := &countryFinder{sel: sel, leads: map[string][]graph.Fact{}}
	n := 0
	row := make([]string, 0, len(eventHeader))
	err := sel.Facts(ctx, func(it Item) error {
		f := it.Fact
		if !graph.IsEvent(f.Predicate) {
			return nil
		}
		p, _ := graph.PredicateInfo(f.Predicate)
		sc, err := cf.country(ctx, it.Subject, f.Date)
		if err != nil {
			return err
		}
		tc, err := cf.country(ctx, it.Object, f.Date)
		if err != nil {
			return err
		}
		var first graph.Source
		if len(f.Sources) > 0 {
			first = f.Sources[0]
		}
		row = append(row[:0], f.ID, f.Date.String(), f.Date.Precision.String(),
			it.Subject.Name, f.Subject, string(it.Subject.Type), sc,
			f.Predicate, p.CAMEO.Value(),
			it.Object.Name, f.Object, string(it.Object.Type), tc,
			f.Location, strconv.FormatFloat(f.Confidence, 'g', -1, 64),
			strconv.FormatFloat(graph.CombinedConfidence(f), 'g', -1, 64), strconv.FormatBool(it.Uncertain),
			strconv.Itoa(len(f.Sources)),
			first.Sentence, first.URL, first.Article, first.Published.String(),
			p.PLOVER.Value(), p.PLOVERMode.Value())
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("export events: %w", err)
		}
		n++
		return nil
	})
	if err != nil {
		return n, err
	}
	cw.Flush()
	return n, cw.Error()
}
