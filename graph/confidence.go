package graph

import (
	"unicode"
	"unicode/utf8"
)

// IndependentSources counts the live sources of f that state it independently:
// distinct articles, where articles quoting the very same sentence (wire
// copies, syndication) count once, taken in the order of f.Sources. For a
// fact read with its evidence only (SourceCount set) it is the count
// stored with the fact (Independent), which stops at SaturatedSources.
func IndependentSources(f Fact) int {
	if f.SourceCount > 0 {
		return f.Independent
	}
	return IndependentSourcesUpTo(f, len(f.Sources))
}

// SaturatedSources is the number of independent sources from which
// CombinedConfidence no longer changes: 0.5^(n−1) < 0.01 for n ≥ 8, so
// the combined confidence of any positive confidence is then 0.99.
const SaturatedSources = 8

// IndependentSourcesUpTo returns IndependentSources(f), or limit when it
// is more, reading f's sources only until it has found limit.
func IndependentSourcesUpTo(f Fact, limit int) int {
	articles := map[string]bool{}
	sentences := map[string]bool{}
	n := 0
	var buf []byte
	for _, s := range f.Sources {
		if n >= limit {
			break
		}
		if s.IsWithdrawn() || articles[s.Article] {
			continue
		}
		buf = sentenceKey(buf[:0], s.Sentence)
		if len(buf) > 0 && sentences[string(buf)] {
			continue
		}
		articles[s.Article] = true
		if len(buf) > 0 {
			sentences[string(buf)] = true
		}
		n++
	}
	return n
}

// sentenceKey appends to dst the sentence s lower-cased with its runs of
// white space made one space and none at either end: the form in which two
// copies of one sentence are the same (strings.Fields and strings.ToLower,
// without their allocations).
func sentenceKey(dst []byte, s string) []byte {
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// CombinedConfidence is the confidence of f given all its sources: the
// stored Confidence (the best single statement: pattern strength times
// resolution certainty) raised by every further independent source, each
// halving the remaining doubt:
//
//	combined = 1 − (1 − confidence) × 0.5^(n−1), n = IndependentSources(f)
//
// capped at 0.99 and rounded to two decimals. One source gives the stored
// confidence unchanged; 0.6 stated by three independent articles gives 0.9.
func CombinedConfidence(f Fact) float64 {
	c := f.Confidence
	n := IndependentSources(f)
	if n <= 1 || c <= 0 {
		return c
	}
	doubt := 1 - c
	for i := 1; i < n; i++ {
		doubt /= 2
	}
	out := 1 - doubt
	if out > 0.99 {
		out = 0.99
	}
	if out < c {
		out = c
	}
	return float64(int(out*100+0.5)) / 100
}
