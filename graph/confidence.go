package graph

import "strings"

// IndependentSources counts the live sources of f that state it independently:
// distinct articles, where articles quoting the very same sentence (wire
// copies, syndication) count once. For a fact read with its evidence
// only (SourceCount set) it is the count stored with the fact
// (Independent).
func IndependentSources(f Fact) int {
	if f.SourceCount > 0 {
		return f.Independent
	}
	articles := map[string]bool{}
	sentences := map[string]bool{}
	n := 0
	for _, s := range f.Sources {
		sent := strings.Join(strings.Fields(strings.ToLower(s.Sentence)), " ")
		if s.IsWithdrawn() || articles[s.Article] || (sent != "" && sentences[sent]) {
			continue
		}
		articles[s.Article] = true
		if sent != "" {
			sentences[sent] = true
		}
		n++
	}
	return n
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
