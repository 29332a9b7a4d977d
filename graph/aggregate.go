package graph

import (
	"slices"
	"time"
)

// Aggregate is what Derive reads of a fact's live sources, kept so that a
// fact restated by many articles can gain a source without its other
// sources being read: Derive's rules read an article's claims only as a
// whole (how many articles state a value, a location; the highest
// confidence; whether any claim calls the state over), so articles whose
// claims are the same are counted together. An Aggregate holds one group
// per distinct set of claims with its count of articles, and the earliest
// recording; its size grows with the distinct claims, not with the
// sources. DeriveFrom derives a fact from it as Derive does from the
// sources it was built from (AggregateOf, Add).
type Aggregate struct {
	// Groups are the distinct claim sets, in the order they were first
	// added.
	Groups []AggregateGroup `json:"g,omitempty"`
	// RecordedAt is the recording Derive gives the fact: that of the first
	// source added, then the earliest known one.
	RecordedAt time.Time `json:"rec,omitzero"`
	// Sources counts the live sources added.
	Sources int `json:"n"`
}

// AggregateGroup is the articles of a fact whose live sources state the
// same claims.
type AggregateGroup struct {
	// Claims are the distinct claims, sorted (see ClaimEntry).
	Claims []ClaimEntry `json:"c"`
	// Articles counts the articles.
	Articles int `json:"a"`
}

// ClaimEntry is a claim as Derive reads it: with the publication of its
// source only when the claim calls the state over without stating its
// end (SplitTerms reads that publication as the end's upper bound).
type ClaimEntry struct {
	Claim
	Published Date `json:"pub,omitzero"`
}

// entryOf returns the claim entry of source s.
func entryOf(s *Source) ClaimEntry {
	e := ClaimEntry{Claim: s.Claim}
	if s.Ended && s.End.IsZero() {
		e.Published = s.Published
	}
	return e
}

// compareEntries orders claim entries by their fields.
func compareEntries(a, b ClaimEntry) int {
	if c := compareDates(a.Start, b.Start); c != 0 {
		return c
	}
	if c := compareDates(a.End, b.End); c != 0 {
		return c
	}
	if c := compareDates(a.Date, b.Date); c != 0 {
		return c
	}
	if c := compareDates(a.Published, b.Published); c != 0 {
		return c
	}
	switch {
	case a.Ended != b.Ended:
		if !a.Ended {
			return -1
		}
		return 1
	case a.Confidence != b.Confidence:
		if a.Confidence < b.Confidence {
			return -1
		}
		return 1
	case a.Location != b.Location:
		if a.Location < b.Location {
			return -1
		}
		return 1
	}
	return 0
}

// compareDates orders dates by year, month, day and precision.
func compareDates(a, b Date) int {
	for _, c := range [][2]int{{a.Year, b.Year}, {int(a.Month), int(b.Month)}, {a.Day, b.Day}, {int(a.Precision), int(b.Precision)}} {
		if c[0] != c[1] {
			if c[0] < c[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// entriesOf returns the distinct claim entries of srcs, sorted.
func entriesOf(srcs []Source) []ClaimEntry {
	out := make([]ClaimEntry, 0, len(srcs))
	for i := range srcs {
		out = append(out, entryOf(&srcs[i]))
	}
	slices.SortFunc(out, compareEntries)
	return slices.CompactFunc(out, func(a, b ClaimEntry) bool { return compareEntries(a, b) == 0 })
}

// AggregateOf returns the aggregate of the live sources of srcs.
func AggregateOf(srcs []Source) Aggregate {
	return aggregateAll(LiveSources(srcs))
}

// aggregateAll returns the aggregate of all the sources of srcs, withdrawn
// or not.
func aggregateAll(live []Source) Aggregate {
	var a Aggregate
	byArticle := map[string][]Source{}
	var order []string
	for _, s := range live {
		if byArticle[s.Article] == nil {
			order = append(order, s.Article)
		}
		byArticle[s.Article] = append(byArticle[s.Article], s)
	}
	for _, art := range order {
		a.addGroup(entriesOf(byArticle[art]), 1)
	}
	a.record(live)
	return a
}

// addGroup counts n articles stating entries.
func (a *Aggregate) addGroup(entries []ClaimEntry, n int) {
	for i := range a.Groups {
		if slices.EqualFunc(a.Groups[i].Claims, entries, func(x, y ClaimEntry) bool { return compareEntries(x, y) == 0 }) {
			a.Groups[i].Articles += n
			return
		}
	}
	a.Groups = append(a.Groups, AggregateGroup{Claims: entries, Articles: n})
}

// record counts srcs, added after the sources a holds, in the recording
// Derive gives the fact.
func (a *Aggregate) record(srcs []Source) {
	for _, s := range srcs {
		if a.Sources == 0 || (!s.RecordedAt.IsZero() && s.RecordedAt.Before(a.RecordedAt)) {
			a.RecordedAt = s.RecordedAt
		}
		a.Sources++
	}
}

// Add counts the live sources srcs of one article that stated nothing of
// the fact before, taken after the sources a holds (as a write appends
// them). Its cost does not depend on how many sources a holds, only on
// how many distinct claim sets.
func (a *Aggregate) Add(srcs []Source) {
	live := LiveSources(srcs)
	if len(live) == 0 {
		return
	}
	a.addGroup(entriesOf(live), 1)
	a.record(live)
}

// Remove uncounts all the live sources srcs of one article (withdrawn
// from the fact, or moved away), and reports whether a then holds what
// AggregateOf gives for the sources left. It is false, and a unchanged,
// when a holds no group for those claims, or when one of srcs may carry
// the fact's recording (a must then be built again from all the sources
// left).
func (a *Aggregate) Remove(srcs []Source) bool {
	live := LiveSources(srcs)
	if len(live) == 0 {
		return true
	}
	for _, s := range live {
		if !s.RecordedAt.After(a.RecordedAt) {
			return false
		}
	}
	entries := entriesOf(live)
	for i := range a.Groups {
		if !slices.EqualFunc(a.Groups[i].Claims, entries, func(x, y ClaimEntry) bool { return compareEntries(x, y) == 0 }) {
			continue
		}
		a.Groups[i].Articles--
		if a.Groups[i].Articles == 0 {
			a.Groups = slices.Delete(a.Groups, i, i+1)
		}
		a.Sources -= len(live)
		return true
	}
	return false
}

// Equal reports whether a and b hold the same groups, in any order, the
// same recording and the same count of sources.
func (a Aggregate) Equal(b Aggregate) bool {
	if len(a.Groups) != len(b.Groups) || !a.RecordedAt.Equal(b.RecordedAt) || a.Sources != b.Sources {
		return false
	}
	for _, g := range a.Groups {
		if !slices.ContainsFunc(b.Groups, func(h AggregateGroup) bool {
			return h.Articles == g.Articles && slices.EqualFunc(g.Claims, h.Claims, func(x, y ClaimEntry) bool { return compareEntries(x, y) == 0 })
		}) {
			return false
		}
	}
	return true
}

// Clone returns a copy of a that can be added to without changing a.
func (a Aggregate) Clone() Aggregate {
	a.Groups = slices.Clone(a.Groups)
	return a
}
