package graph

import (
	"slices"
	"sort"
	"time"
)

// Claim is what one source stated about a fact's qualifiers. The stored
// fact's Start, End, Date, Ended, Confidence and Location are not merged
// statement by statement but derived from the set of its sources' claims
// (Derive), so the order in which articles arrive does not matter and a
// conflicting statement stays on record with its source.
type Claim struct {
	Start      Date    `json:"start,omitzero"`
	End        Date    `json:"end,omitzero"`
	Date       Date    `json:"date,omitzero"`
	Ended      bool    `json:"ended,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	Location   string  `json:"location,omitempty"`
}

// IsZero reports whether the claim states nothing at all.
func (c Claim) IsZero() bool { return c == Claim{} }

// ClaimOf returns the qualifiers of f as one claim.
func ClaimOf(f *Fact) Claim {
	return Claim{Start: f.Start, End: f.End, Date: f.Date, Ended: f.Ended, Confidence: f.Confidence, Location: f.Location}
}

// MergeClaim combines two statements of one source (the same article and
// sentence). It is commutative: a more precise date wins, and of two
// different dates at the same precision the earlier; Ended is ORed, the
// higher confidence kept, and of two locations the first in byte order.
func MergeClaim(a, b Claim) Claim {
	for _, d := range []struct{ dst, src *Date }{{&a.Start, &b.Start}, {&a.End, &b.End}, {&a.Date, &b.Date}} {
		if d.src.MorePrecise(*d.dst) || (d.src.Precision == d.dst.Precision && d.src.Before(*d.dst)) {
			*d.dst = *d.src
		}
	}
	a.Ended = a.Ended || b.Ended
	a.Confidence = max(a.Confidence, b.Confidence)
	if a.Location == "" || (b.Location != "" && b.Location < a.Location) {
		a.Location = b.Location
	}
	return a
}

// Derive returns f with its qualifiers derived from its live sources'
// claims (withdrawn sources count for nothing, see Source.WithdrawnAt); a
// fact without live sources is returned unchanged. EndInferredFrom is
// cleared (inference runs over groups of facts, see InferEnds).
//
// Each of Start, End and Date is chosen among the values the claims state
// (see pickDate): the most precise value that agrees with the others, and
// when values conflict the better supported — stated by more articles,
// then with a higher confidence, then more precise, then the earlier. An
// event none of whose claims states a date keeps its Date, which is part
// of its identity (an undated statement merged into a dated event, see
// RestatesEvent). Ended is true when any claim says so; Confidence is the
// highest of the claims; Location is the one most articles give;
// RecordedAt is the earliest RecordedAt of the sources. When the claims of
// a state describe separate terms (SplitTerms: an end, or a "former",
// between two starts), Start, End and Ended are those of the latest term
// and the others go to EarlierTerms.
func Derive(f Fact) Fact {
	return DeriveFrom(f, AggregateOf(f.Sources))
}

// DeriveFrom returns f with its qualifiers derived, as Derive derives
// them, from the aggregate a of its live sources (AggregateOf, Add); f's
// own sources are not read. A fact whose aggregate holds no source is
// returned unchanged.
func DeriveFrom(f Fact, a Aggregate) Fact {
	if a.Sources == 0 {
		return f
	}
	f.EndInferredFrom, f.EndBy, f.StartAfter = "", false, Date{}
	weights := make([]int, len(a.Groups))
	var starts, ends, dates []dclaim
	f.Ended, f.Confidence = false, 0
	locs := map[string]int{}
	for g, grp := range a.Groups {
		weights[g] = grp.Articles
		var seen []string
		for _, e := range grp.Claims {
			if !e.Start.IsZero() {
				starts = append(starts, dclaim{d: e.Start, g: g, conf: e.Confidence})
			}
			if !e.End.IsZero() {
				ends = append(ends, dclaim{d: e.End, g: g, conf: e.Confidence})
			}
			if !e.Date.IsZero() {
				dates = append(dates, dclaim{d: e.Date, g: g, conf: e.Confidence})
			}
			f.Ended = f.Ended || e.Ended
			f.Confidence = max(f.Confidence, e.Confidence)
			if e.Location != "" && !slices.Contains(seen, e.Location) {
				seen = append(seen, e.Location)
				locs[e.Location] += grp.Articles
			}
		}
	}
	f.Start = pickWeighted(starts, weights)
	f.End = pickWeighted(ends, weights)
	if d := pickWeighted(dates, weights); !d.IsZero() || !IsEvent(f.Predicate) {
		f.Date = d
	}
	f.RecordedAt = a.RecordedAt
	f.EarlierTerms = nil
	if !IsEvent(f.Predicate) {
		if terms, over := splitTerms(a); terms != nil {
			last := terms[len(terms)-1]
			f.Start, f.End, f.Ended = last.Start, last.End, over
			f.EarlierTerms = terms[:len(terms)-1]
		}
	}
	f.Location = ""
	best := 0
	for l, n := range locs {
		if n > best || (n == best && l < f.Location) {
			f.Location, best = l, n
		}
	}
	return f
}

// LiveSources returns the sources of srcs that are not withdrawn: srcs
// itself when none is, else a new slice.
func LiveSources(srcs []Source) []Source {
	n := 0
	for i := range srcs {
		if !srcs[i].IsWithdrawn() {
			n++
		}
	}
	if n == len(srcs) {
		return srcs
	}
	out := make([]Source, 0, n)
	for _, s := range srcs {
		if !s.IsWithdrawn() {
			out = append(out, s)
		}
	}
	return out
}

// Live returns f as it now stands: only its live sources (its stored
// qualifiers are already derived from them alone). ok is false when every
// source has been withdrawn: the fact is no longer stated and is answered
// only as known before (KnownAt).
func (f Fact) Live() (Fact, bool) {
	srcs := LiveSources(f.Sources)
	if len(srcs) == 0 && len(f.Sources) > 0 {
		return Fact{}, false
	}
	f.Sources = srcs
	return f, true
}

// KnownAt returns f as it was known at instant t: only the sources known
// then (recorded by t and not withdrawn by t, see Source.LiveAt), shown
// as they stood then (not withdrawn), and the qualifiers derived from
// their claims alone. ok is false when no source was known at t. Inferred
// ends are cleared; run InferEnds over the known facts to infer them
// again.
func (f Fact) KnownAt(t time.Time) (Fact, bool) {
	var keep []Source
	for _, s := range f.Sources {
		if s.LiveAt(t) {
			s.WithdrawnAt = time.Time{}
			keep = append(keep, s)
		}
	}
	if len(keep) == 0 {
		return Fact{}, false
	}
	f.Sources = keep
	return Derive(f), true
}

// contains reports whether date a's period contains date b's period (a is
// b or coarser and agrees with it). Unknown dates contain nothing.
func contains(a, b Date) bool {
	if a.IsZero() || b.IsZero() || a.Precision > b.Precision {
		return false
	}
	return !b.Time().Before(a.Time()) && !b.Last().After(a.Last())
}

// compatible reports whether two known dates agree: one contains the other.
func compatible(a, b Date) bool { return contains(a, b) || contains(b, a) }

// pickDate chooses the value of one date qualifier among the claims of
// srcs. Candidates are the stated values that no other stated value
// refines (2024-10-01 rather than 2024-10 when both are stated). A
// candidate's support is the set of articles whose value agrees with it;
// the candidate with the most articles wins, then the one with the highest
// confidence among them, then the more precise, then the earlier date.
// It returns the unknown date when no claim states one.
//
// Its cost is linear in the claims however many distinct values they
// state: the values that agree with a candidate are exactly those that
// contain it (a value inside it would refine it), its coarser forms (its
// year, its month), found by lookup. A value's articles that none of its
// coarser forms has are counted once (extra), so a candidate's support is
// the sum of extra along its chain of coarser forms.
func pickDate(srcs []Source, get func(*Claim) Date) Date {
	articles := map[string]int{}
	var cs []dclaim
	for i := range srcs {
		d := get(&srcs[i].Claim)
		if d.IsZero() {
			continue
		}
		g, ok := articles[srcs[i].Article]
		if !ok {
			g = len(articles)
			articles[srcs[i].Article] = g
		}
		cs = append(cs, dclaim{d: d, g: g, conf: srcs[i].Confidence})
	}
	return pickWeighted(cs, nil)
}

// dclaim is one stated value of a date qualifier: by the articles of
// group g (one article, or those of an AggregateGroup), with confidence
// conf.
type dclaim struct {
	d    Date
	g    int
	conf float64
}

// pickWeighted is pickDate over claims cs, where group g stands for
// weights[g] articles (nil weights: one each).
func pickWeighted(cs []dclaim, weights []int) Date {
	weight := func(g int) int {
		if weights == nil {
			return 1
		}
		return weights[g]
	}
	type value struct {
		d       Date
		groups  map[int]bool
		conf    float64
		refined bool
		extra   int
	}
	var values []*value
	index := map[Date]*value{}
	for _, c := range cs {
		v := index[c.d]
		if v == nil {
			v = &value{d: c.d, groups: map[int]bool{}}
			index[c.d] = v
			values = append(values, v)
		}
		v.groups[c.g] = true
		v.conf = max(v.conf, c.conf)
	}
	switch len(values) {
	case 0:
		return Date{}
	case 1:
		return values[0].d
	}
	// chain returns the stated values that contain v's date, coarsest
	// first, and v.
	chain := func(v *value) []*value {
		var out []*value
		for p := YearPrecision; p < v.d.Precision; p++ {
			if a := index[v.d.coarser(p)]; a != nil && a != v {
				out = append(out, a)
			}
		}
		return append(out, v)
	}
	for _, v := range values {
		c := chain(v)
		for _, a := range c[:len(c)-1] {
			a.refined = true
		}
		for g := range v.groups {
			found := false
			for _, a := range c[:len(c)-1] {
				if a.groups[g] {
					found = true
					break
				}
			}
			if !found {
				v.extra += weight(g)
			}
		}
	}
	type cand struct {
		d        Date
		articles int
		conf     float64
	}
	var cands []cand
	for _, v := range values {
		if v.refined {
			continue
		}
		c := cand{d: v.d}
		for _, a := range chain(v) {
			c.articles += a.extra
			c.conf = max(c.conf, a.conf)
		}
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
