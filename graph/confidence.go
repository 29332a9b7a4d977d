package graph

import (
	"hash/fnv"
	"slices"
	"strconv"
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
	var set IndependentSet
	for _, s := range f.Sources {
		if set.Count() >= limit {
			break
		}
		set.Add(s)
	}
	return set.Count()
}

// IndependentSet is what IndependentSources has counted of a fact's
// sources taken in order: the articles it counted and their sentences
// (a 64-bit hash of the form copies share: two different sentences of one
// fact are taken for copies only if their hashes collide), so that later
// sources can be counted without the earlier ones being read again. Its
// zero value has counted nothing.
type IndependentSet struct {
	Articles  []string `json:"a,omitempty"`
	Sentences []string `json:"s,omitempty"`
	// arts and sents index Articles and Sentences (built on first use).
	arts, sents map[string]bool
	buf         []byte
}

// Count returns how many independent sources set has counted.
func (set *IndependentSet) Count() int { return len(set.Articles) }

// Add counts source s, taken after those set has seen, when it is live
// and neither its article nor its sentence has been counted; it reports
// whether it counted s.
func (set *IndependentSet) Add(s Source) bool {
	if set.arts == nil {
		set.arts, set.sents = map[string]bool{}, map[string]bool{}
		for _, a := range set.Articles {
			set.arts[a] = true
		}
		for _, k := range set.Sentences {
			set.sents[k] = true
		}
	}
	if s.IsWithdrawn() || set.arts[s.Article] {
		return false
	}
	set.buf = sentenceKey(set.buf[:0], s.Sentence)
	k := ""
	if len(set.buf) > 0 {
		h := fnv.New64a()
		h.Write(set.buf)
		k = strconv.FormatUint(h.Sum64(), 36)
	}
	if k != "" && set.sents[k] {
		return false
	}
	set.arts[s.Article] = true
	set.Articles = append(set.Articles, s.Article)
	if k != "" {
		set.sents[k] = true
		set.Sentences = append(set.Sentences, k)
	}
	return true
}

// Clone returns a copy of set that counts on without changing set.
func (set *IndependentSet) Clone() IndependentSet {
	return IndependentSet{Articles: slices.Clone(set.Articles), Sentences: slices.Clone(set.Sentences)}
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
