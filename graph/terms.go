package graph

import "sort"

// Term is one period in which a state held, when its sources describe
// several: the same person leading the same country twice, with a gap
// between ("served from 2017 to 2021", later "was sworn in on 20 January
// 2025"). End is exclusive; for a term a source only calls over ("former
// president") it is the first publication that says so, an upper bound.
type Term struct {
	Start Date `json:"start,omitzero"`
	End   Date `json:"end,omitzero"`
	// Over marks a term its sources call over ("former") without any of
	// them stating its end: End is then only that upper bound.
	Over bool `json:"over,omitempty"`
}

// SplitTerms reads the claims of a state's sources as one or more terms,
// earliest first. A claimed end — stated, or the publication date of a
// source calling the state over without an end — that falls after one
// claimed start and no later than a later claimed start separates two
// terms; so does an end before the earliest claimed start (an earlier term
// whose start is unknown). Each term's start and end are chosen among the
// claims that fall in it as Derive chooses them (pickDate); an earlier
// term whose end no source states, only calls over, is marked Over.
// Claims that agree with one another never split a term. It returns nil when the
// claims describe a single term, and also reports whether the last term
// is said to be over (its End is then only a stated one).
func SplitTerms(srcs []Source) ([]Term, bool) {
	return splitTerms(aggregateAll(srcs))
}

// splitTerms is SplitTerms over the claims of aggregate a.
func splitTerms(a Aggregate) ([]Term, bool) {
	type claim struct {
		dclaim
		// over marks an end from a source calling the state over; stated
		// an end the source states.
		over, stated bool
	}
	var starts, ends []claim
	weights := make([]int, len(a.Groups))
	for g, grp := range a.Groups {
		weights[g] = grp.Articles
		for _, e := range grp.Claims {
			if !e.Start.IsZero() {
				starts = append(starts, claim{dclaim: dclaim{d: e.Start, g: g, conf: e.Confidence}})
			}
			switch {
			case !e.End.IsZero():
				ends = append(ends, claim{dclaim: dclaim{d: e.End, g: g, conf: e.Confidence}, over: e.Ended, stated: true})
			case e.Ended && !e.Published.IsZero():
				ends = append(ends, claim{dclaim: dclaim{d: e.Published, g: g, conf: e.Confidence}, over: true})
			}
		}
	}
	if len(starts) == 0 || len(ends) == 0 {
		return nil, false
	}
	// Dates that start at one instant (2024 and 2024-01-01) are taken in
	// one order, coarser first, whatever the order of the claims.
	sort.Slice(starts, func(i, j int) bool { return compareDates(starts[i].d, starts[j].d) < 0 })
	// separates reports whether some end lies after a and no later than b
	// (a zero a: anywhere before b).
	separates := func(a, b Date) bool {
		for _, e := range ends {
			if (a.IsZero() || !e.d.Time().Before(a.Last())) && !e.d.Last().After(b.Time()) && !compatible(e.d, b) {
				return true
			}
		}
		return false
	}
	// firsts are the first claimed start of each term that has one.
	firsts := []Date{starts[0].d}
	for i := 1; i < len(starts); i++ {
		if !compatible(starts[i-1].d, starts[i].d) && separates(starts[i-1].d, starts[i].d) {
			firsts = append(firsts, starts[i].d)
		}
	}
	early := separates(Date{}, starts[0].d) // a term before every claimed start
	if len(firsts) == 1 && !early {
		return nil, false
	}
	// termOf returns the index, in firsts, of the term a date falls in: the
	// last whose first start is not after it (-1: before them all).
	termOf := func(d Date, isEnd bool) int {
		i := sort.Search(len(firsts), func(i int) bool {
			if isEnd {
				return !firsts[i].Time().Before(d.Time()) // an end at a start closes the term before
			}
			return firsts[i].Time().After(d.Time())
		})
		return i - 1
	}
	n := len(firsts)
	off := 0
	if early {
		n, off = n+1, 1
	}
	startClaims, endClaims := make([][]dclaim, n), make([][]dclaim, n)
	over, stated := make([]bool, n), make([]bool, n)
	for _, c := range starts {
		i := termOf(c.d, false) + off
		startClaims[i] = append(startClaims[i], c.dclaim)
	}
	for _, c := range ends {
		i := termOf(c.d, true) + off
		if i < 0 {
			i = 0
		}
		over[i] = over[i] || c.over
		stated[i] = stated[i] || c.stated
		if i == n-1 && !c.stated {
			continue // the current term's end stays unknown; Ended says it is over
		}
		endClaims[i] = append(endClaims[i], c.dclaim)
	}
	terms := make([]Term, n)
	for i := range terms {
		terms[i] = Term{Start: pickWeighted(startClaims[i], weights), End: pickWeighted(endClaims[i], weights)}
		terms[i].Over = i < n-1 && over[i] && !stated[i]
	}
	return terms, over[n-1]
}
