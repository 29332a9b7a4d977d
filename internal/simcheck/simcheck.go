// Package simcheck compares a store's answers with a simulated world's
// truth (internal/simworld): holders --at, facts --at and timeline, each
// asked only where the world's articles state what the answer needs. The
// end-to-end test and `geokg bench` share it, so the agreement a small test
// demands is the one the benchmark reports at scale.
package simcheck

import (
	"context"
	"fmt"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/simworld"
	"github.com/geokg/geokg/queries"
)

// Limits bound how many answers of each form are checked (0: no bound).
type Limits struct {
	Holders, FactsAt, Timeline int
}

// Tally counts the answers of one query form compared with the truth and
// keeps the first disagreements, described, for reports.
type Tally struct {
	Name    string
	Checked int
	Agree   int
	Misses  []string
	limit   int
}

// maxMisses bounds the disagreements a Tally keeps.
const maxMisses = 8

// full reports whether t has checked as many answers as its limit allows.
func (t *Tally) full() bool { return t.limit > 0 && t.Checked >= t.limit }

func (t *Tally) add(ok bool, format string, args ...any) {
	t.Checked++
	if ok {
		t.Agree++
	} else if len(t.Misses) < maxMisses {
		t.Misses = append(t.Misses, fmt.Sprintf(format, args...))
	}
}

// Report holds one Tally per query form.
type Report struct {
	Holders, FactsAt, Timeline Tally
}

// Tallies returns the report's tallies in a fixed order.
func (r *Report) Tallies() []*Tally { return []*Tally{&r.Holders, &r.FactsAt, &r.Timeline} }

// Agreement is the share of all checked answers that agree (0 when none
// was checked).
func (r *Report) Agreement() float64 {
	var n, ok int
	for _, t := range r.Tallies() {
		n, ok = n+t.Checked, ok+t.Agree
	}
	if n == 0 {
		return 0
	}
	return float64(ok) / float64(n)
}

// Day is t's day as a graph.Date.
func Day(t time.Time) graph.Date { return graph.DayOf(t.Year(), t.Month(), t.Day()) }

// Middle is the day in the middle of term (a year after its start when it
// has not ended).
func Middle(term simworld.Term) time.Time {
	end := term.End
	if end.IsZero() {
		end = term.Start.AddDate(1, 0, 0)
	}
	return term.Start.Add(end.Sub(term.Start) / 2)
}

// Check asks eng the three query forms and compares the answers with tr:
//
//   - holders --at, in the middle of each term (leadership or post) whose
//     start an article stated to the day: the one holder is its person;
//   - facts --at: a membership stated to the day holds 30 days after its
//     start and not a year before it; an organization's target stated to
//     the day is the one in force 60 days into (or before the end of) its
//     period;
//   - timeline: every dated event an article states about a person (up to
//     80 people) is on the person's timeline with its day.
func Check(ctx context.Context, eng *queries.Engine, tr *simworld.Truth, lim Limits) (Report, error) {
	r := Report{
		Holders:  Tally{Name: "holders --at", limit: lim.Holders},
		FactsAt:  Tally{Name: "facts --at", limit: lim.FactsAt},
		Timeline: Tally{Name: "timeline", limit: lim.Timeline},
	}
	if err := checkHolders(ctx, eng, tr, &r.Holders); err != nil {
		return r, err
	}
	if err := checkFactsAt(ctx, eng, tr, &r.FactsAt); err != nil {
		return r, err
	}
	if err := checkTimeline(ctx, eng, tr, &r.Timeline); err != nil {
		return r, err
	}
	return r, nil
}

// failed reports whether err ends the check (the context's end) rather
// than counting as a disagreement.
func failed(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return nil
}

func checkHolders(ctx context.Context, eng *queries.Engine, tr *simworld.Truth, t *Tally) error {
	startStated := map[[3]string]bool{}
	for _, s := range tr.Stated {
		if (s.Predicate == graph.Leads || s.Predicate == graph.HoldsPosition) && s.Precision == "day" && !s.Start.IsZero() {
			startStated[[3]string{s.Subject, s.Object, s.Role}] = true
		}
	}
	for _, term := range tr.Terms {
		if t.full() {
			break
		}
		obj, role := term.Of, term.Role
		if term.Post() {
			obj, role = term.Office(), ""
		}
		if !startStated[[3]string{term.Person, obj, role}] {
			continue
		}
		mid := Middle(term)
		hs, err := eng.Holders(ctx, queries.HoldersQuery{Org: obj, Role: role, At: Day(mid)})
		if err := failed(ctx, err); err != nil {
			return err
		}
		var names []string
		for _, h := range hs {
			names = append(names, h.Person.Name)
		}
		t.add(err == nil && len(names) == 1 && names[0] == term.Person,
			"holders %s %s --at %s: %v %v, want %s", obj, role, mid.Format(time.DateOnly), names, err, term.Person)
	}
	return nil
}

func checkFactsAt(ctx context.Context, eng *queries.Engine, tr *simworld.Truth, t *Tally) error {
	targetStated := false
	for _, s := range tr.Stated {
		if s.Predicate == graph.MemberOf && s.Precision == "day" {
			for _, c := range []struct {
				at   time.Time
				want bool
			}{{s.Start.AddDate(0, 0, 30), true}, {s.Start.AddDate(-1, 0, 0), false}} {
				if t.full() {
					return nil
				}
				as, err := eng.Facts(ctx, queries.FactsQuery{Subject: s.Subject, Predicate: graph.MemberOf, Object: s.Object, At: Day(c.at)})
				if err := failed(ctx, err); err != nil {
					return err
				}
				t.add(err == nil && (len(as) > 0) == c.want, "facts %s member_of %s --at %s: %d answers %v, want %v",
					s.Subject, s.Object, c.at.Format(time.DateOnly), len(as), err, c.want)
			}
		}
		targetStated = targetStated || s.Predicate == graph.HasTarget && s.Precision == "day"
	}
	if !targetStated {
		return nil
	}
	for _, tg := range tr.Targets {
		if t.full() {
			return nil
		}
		at := tg.Start.AddDate(0, 0, 60)
		if !tg.End.IsZero() {
			at = tg.End.AddDate(0, 0, -60)
		}
		as, err := eng.Facts(ctx, queries.FactsQuery{Subject: tg.Org, Predicate: graph.HasTarget, At: Day(at)})
		if err := failed(ctx, err); err != nil {
			return err
		}
		var got []string
		for _, a := range as {
			got = append(got, a.Object.Name)
		}
		t.add(err == nil && len(got) == 1 && got[0] == tg.Value, "facts %s has_target --at %s: %v %v, want %s",
			tg.Org, at.Format(time.DateOnly), got, err, tg.Value)
	}
	return nil
}

// maxTimelinePeople bounds the people whose timelines are checked.
const maxTimelinePeople = 80

func checkTimeline(ctx context.Context, eng *queries.Engine, tr *simworld.Truth, t *Tally) error {
	byPerson := map[string][]simworld.Statement{}
	for _, s := range tr.Stated {
		if !s.Date.IsZero() && graph.IsPredicate(s.Predicate) && s.Predicate != graph.NominatedAs {
			byPerson[s.Subject] = append(byPerson[s.Subject], s)
		}
	}
	people := 0
	for _, term := range tr.Terms {
		evs := byPerson[term.Person]
		if len(evs) == 0 || people >= maxTimelinePeople || t.full() {
			continue
		}
		people++
		delete(byPerson, term.Person)
		as, err := eng.Timeline(ctx, queries.TimelineQuery{Entity: term.Person})
		if err := failed(ctx, err); err != nil {
			return err
		}
		if err != nil {
			t.add(false, "timeline %s: %v", term.Person, err)
			continue
		}
		have := map[string]bool{}
		for _, a := range as {
			have[a.Fact.Predicate+"|"+a.Subject.Name+"|"+a.Object.Name+"|"+a.Fact.Date.String()] = true
			have[a.Fact.Predicate+"|"+a.Object.Name+"|"+a.Subject.Name+"|"+a.Fact.Date.String()] = true
		}
		for _, s := range evs {
			key := s.Predicate + "|" + s.Subject + "|" + s.Object + "|" + Day(s.Date).String()
			t.add(have[key], "timeline %s: no %s", term.Person, key)
		}
	}
	return nil
}
