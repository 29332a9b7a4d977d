package graph

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"
)

// TestPickDateAgreesWithPairwise checks pickDate against the pairwise
// rule it implements (every candidate against every claim) on random
// sets of claims mixing years, months and days.
func TestPickDateAgreesWithPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for n := range 2000 {
		srcs := randomClaims(r, 1+r.IntN(12))
		get := func(c *Claim) Date { return c.Start }
		if got, want := pickDate(srcs, get), pickDatePairwise(srcs, get); got != want {
			t.Fatalf("case %d: pickDate %v, pairwise %v, claims %v", n, got, want, srcs)
		}
	}
}

// randomClaims returns n sources over 4 articles whose starts are drawn
// from a few years, months and days that contain one another or not.
func randomClaims(r *rand.Rand, n int) []Source {
	var out []Source
	for range n {
		y, m, d := 2020+r.IntN(2), time.Month(1+r.IntN(2)), 1+r.IntN(2)
		var date Date
		switch r.IntN(4) {
		case 0:
			date = YearOf(y)
		case 1:
			date = MonthOf(y, m)
		case 2:
			date = DayOf(y, m, d)
		}
		out = append(out, Source{Article: fmt.Sprintf("a%d", r.IntN(4)),
			Claim: Claim{Start: date, Confidence: float64(r.IntN(3)) / 4}})
	}
	return out
}

// BenchmarkPickDateRestated measures a fact restated by 10,000 articles
// that give 2,000 different days of one year, the year itself and its
// months: linear, where comparing every value with every claim took
// ~20M comparisons.
func BenchmarkPickDateRestated(b *testing.B) {
	srcs := make([]Source, 10000)
	for i := range srcs {
		d := DayOf(2020, time.January, 1).Time().AddDate(0, 0, i%2000)
		date := DateFromTime(d)
		switch i % 7 {
		case 0:
			date = YearOf(2020)
		case 1:
			date = MonthOf(d.Year(), d.Month())
		}
		srcs[i] = Source{Article: fmt.Sprintf("a%d", i), Claim: Claim{Start: date, Confidence: 0.5}}
	}
	get := func(c *Claim) Date { return c.Start }
	b.ResetTimer()
	for range b.N {
		pickDate(srcs, get)
	}
}

// pickDatePairwise is the former pickDate: each value against every claim.
func pickDatePairwise(srcs []Source, get func(*Claim) Date) Date {
	type vote struct {
		d       Date
		article string
		conf    float64
	}
	var votes []vote
	seen := map[Date]bool{}
	var values []Date
	for i := range srcs {
		d := get(&srcs[i].Claim)
		if d.IsZero() {
			continue
		}
		votes = append(votes, vote{d, srcs[i].Article, srcs[i].Confidence})
		if !seen[d] {
			seen[d] = true
			values = append(values, d)
		}
	}
	if len(values) <= 1 {
		if len(values) == 1 {
			return values[0]
		}
		return Date{}
	}
	type cand struct {
		d        Date
		articles int
		conf     float64
	}
	var cands []cand
	for _, v := range values {
		refined := false
		for _, w := range values {
			if w != v && contains(v, w) {
				refined = true
				break
			}
		}
		if refined {
			continue
		}
		arts := map[string]bool{}
		c := cand{d: v}
		for _, vt := range votes {
			if compatible(v, vt.d) {
				arts[vt.article] = true
				c.conf = max(c.conf, vt.conf)
			}
		}
		c.articles = len(arts)
		cands = append(cands, c)
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		switch {
		case a.articles != b.articles:
			return a.articles > b.articles
		case a.conf != b.conf:
			return a.conf > b.conf
		case a.d.Precision != b.d.Precision:
			return a.d.Precision > b.d.Precision
		}
		return a.d.Before(b.d)
	})
	return cands[0].d
}
