package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// randomEntrySource returns a random source of article art: dates from a
// few years at every precision, some ends and "former" claims, a few
// confidences and locations, recorded at one of a few instants.
func randomEntrySource(r *rand.Rand, art string, base time.Time) Source {
	date := func() Date {
		y, m, d := 2019+r.IntN(4), time.Month(1+r.IntN(3)), 1+r.IntN(2)
		switch r.IntN(5) {
		case 0:
			return YearOf(y)
		case 1:
			return MonthOf(y, m)
		case 2:
			return DayOf(y, m, d)
		}
		return Date{}
	}
	c := Claim{Start: date(), Confidence: float64(1+r.IntN(3)) / 4}
	if r.IntN(3) == 0 {
		c.End = date()
	}
	if r.IntN(3) == 0 {
		c.Date = date()
	}
	c.Ended = r.IntN(4) == 0
	if r.IntN(2) == 0 {
		c.Location = fmt.Sprintf("l%d", r.IntN(3))
	}
	return Source{Article: art, Sentence: fmt.Sprintf("s%d", r.IntN(3)), Published: DayOf(2019+r.IntN(5), time.Month(1+r.IntN(12)), 1+r.IntN(28)),
		RecordedAt: base.Add(time.Duration(r.IntN(4)) * time.Hour), Claim: c}
}

// TestDeriveFromAggregate checks that a fact derived from an aggregate
// kept source by source — articles added one at a time, some withdrawn
// again — is the fact Derive derives from all its sources, and that the
// aggregate is the one AggregateOf builds from them, over random claim
// sets of states and events.
func TestDeriveFromAggregate(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 14))
	removed := 0
	for n := range 400 {
		pred := "leads"
		if n%3 == 0 {
			pred = "met"
		}
		f := Fact{ID: "f", Subject: "a", Predicate: pred, Object: "b", Date: DayOf(2020, 5, 5)}
		var a Aggregate
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(3)) * time.Hour)
		for step := range 12 {
			if step > 2 && r.IntN(4) == 0 {
				// withdraw one article's sources
				art := f.Sources[r.IntN(len(f.Sources))].Article
				var gone []Source
				for i := range f.Sources {
					if f.Sources[i].Article == art && !f.Sources[i].IsWithdrawn() {
						gone = append(gone, f.Sources[i])
						f.Sources[i].WithdrawnAt = base.Add(100 * time.Hour)
					}
				}
				if a.Remove(gone) {
					removed++
				} else {
					a = AggregateOf(f.Sources)
				}
			} else {
				art := fmt.Sprintf("a%d", step)
				var batch []Source
				for range 1 + r.IntN(3) {
					batch = append(batch, randomEntrySource(r, art, base))
				}
				if r.IntN(3) == 0 && len(f.Sources) > 0 { // a copy of an earlier article's claims
					batch = []Source{f.Sources[r.IntN(len(f.Sources))]}
					batch[0].Article, batch[0].WithdrawnAt = art, time.Time{}
				}
				f.Sources = append(f.Sources, batch...)
				a.Add(batch)
			}
			if want := AggregateOf(f.Sources); !a.Equal(want) {
				t.Fatalf("case %d step %d: aggregate %+v, built from the sources %+v", n, step, a, want)
			}
			if got, want := DeriveFrom(f, a), Derive(f); !reflect.DeepEqual(got, want) {
				t.Fatalf("case %d step %d: DeriveFrom %+v, Derive %+v", n, step, got, want)
			}
		}
	}
	if removed == 0 {
		t.Fatal("no withdrawal was taken from the aggregate")
	}
}

// TestAggregateCountsClaimSets checks that articles stating the same
// claims share one group, so an aggregate grows with the distinct claims.
func TestAggregateCountsClaimSets(t *testing.T) {
	var a Aggregate
	for i := range 1000 {
		a.Add([]Source{{Article: fmt.Sprint(i), Sentence: "x", Claim: Claim{Start: DayOf(2020, 1, 20), Confidence: 0.8}}})
	}
	a.Add([]Source{{Article: "y", Sentence: "x", Claim: Claim{Start: YearOf(2020), Confidence: 0.8}}})
	if len(a.Groups) != 2 || a.Groups[0].Articles != 1000 || a.Sources != 1001 {
		t.Fatalf("aggregate %+v", a)
	}
}
