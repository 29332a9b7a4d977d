package extract

import (
	"fmt"
	"regexp"
	"sync"
)

// A sentence's template is read by about a hundred rules, each of which
// first asks whether the template holds one of the strings it needs
// (prefilter.go). Asking it string by string costs a search of the
// template per string; litScanner instead finds every string any rule
// needs in one pass over the template (an Aho–Corasick automaton), after
// which each rule's question is a few bit tests. The answers are the
// same: the scanner only changes how they are found.

// litScanner finds the required strings of a fixed set of rules. It is
// immutable after newLitScanner (but for its pool of marks) and safe for
// concurrent use.
type litScanner struct {
	class [256]uint16 // byte → column of next (0: a byte no string holds)
	width int         // columns of next
	next  []int32     // state*width + class → state
	ends  []int32     // the strings that end at state st: ids[ends[st]:ends[st+1]]
	ids   []int32
	words int // uint64 words of a hit set
	// marks pools the *scanMarks of the docs done (litscan's scanMarked).
	marks sync.Pool
	// rules maps each rule to the ids of its sets of strings: a template
	// must hold one string of every set (none: the rule always runs).
	rules map[*regexp.Regexp][][]int32
}

// newLitScanner builds the scanner for rules, from the strings compile
// and need recorded for them.
func newLitScanner(rules []*regexp.Regexp) *litScanner {
	s := &litScanner{rules: make(map[*regexp.Regexp][][]int32, len(rules))}
	ids := map[string]int32{}
	var lits []string
	idOf := func(l string) int32 {
		id, ok := ids[l]
		if !ok {
			id = int32(len(lits))
			ids[l] = id
			lits = append(lits, l)
		}
		return id
	}
	for _, re := range rules {
		if _, done := s.rules[re]; done {
			continue
		}
		var sets [][]int32
		seen := map[string]bool{}
		add := func(set []string) {
			if len(set) == 0 {
				return // no set: nothing needed
			}
			var out []int32
			for _, l := range set {
				if l == "" {
					return // every template holds ""
				}
				out = append(out, idOf(scanString(l)))
			}
			key := fmt.Sprint(out)
			if seen[key] {
				return
			}
			seen[key] = true
			sets = append(sets, out)
		}
		add(literals[re])
		for _, set := range literalSets[re] {
			add(set)
		}
		for _, set := range needAll[re] {
			add(set)
		}
		for _, set := range digitSets[re] {
			add(set)
		}
		s.rules[re] = sets
	}
	s.words = (len(lits) + 63) / 64
	s.class['0'] = 1 // every digit is "0" (digitsets.go)
	s.width = 1
	for _, l := range lits {
		for i := 0; i < len(l); i++ {
			if s.class[l[i]] == 0 {
				s.width++
				s.class[l[i]] = uint16(s.width)
			}
		}
	}
	for c := byte('1'); c <= '9'; c++ {
		s.class[c] = s.class['0']
	}
	s.width++
	w := s.width
	// The trie of the strings, -1 where it has no edge.
	s.next = make([]int32, w)
	for c := range s.next {
		s.next[c] = -1
	}
	out := [][]int32{nil} // per state: the strings that end there
	for id, l := range lits {
		st := 0
		for i := 0; i < len(l); i++ {
			e := st*w + int(s.class[l[i]])
			if s.next[e] < 0 {
				s.next[e] = int32(len(out))
				out = append(out, nil)
				for range w {
					s.next = append(s.next, -1)
				}
			}
			st = int(s.next[e])
		}
		out[st] = append(out[st], int32(id))
	}
	// Breadth first, every missing edge takes the edge of the longest
	// proper suffix that is in the trie, and every state reports the
	// strings its suffixes end.
	fail := make([]int32, len(out))
	var queue []int32
	for c := 0; c < w; c++ {
		if t := s.next[c]; t < 0 {
			s.next[c] = 0
		} else {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		if f := fail[st]; len(out[f]) > 0 {
			out[st] = append(out[st][:len(out[st]):len(out[st])], out[f]...)
		}
		for c := 0; c < w; c++ {
			e := int(st)*w + c
			fe := int(fail[st])*w + c
			if t := s.next[e]; t < 0 {
				s.next[e] = s.next[fe]
			} else {
				fail[t] = s.next[fe]
				queue = append(queue, t)
			}
		}
	}
	s.ends = make([]int32, len(out)+1)
	for st, ids := range out {
		s.ids = append(s.ids, ids...)
		s.ends[st+1] = int32(len(s.ids))
	}
	return s
}

// maxScanString bounds the strings the scanner looks for: a template that
// holds a string holds its first bytes, and the automaton of the whole
// strings (28,000 states, a table of 4.6 MB) was mostly cache misses;
// cut to 10 bytes it has 10,000 states, scans ×2.2 faster and lets ~3 %
// more rules through to their expressions.
const maxScanString = 10

// scanString is the string the scanner looks for in place of l: its runs
// of digits written "0" (digitsets.go), cut to maxScanString bytes.
func scanString(l string) string {
	l = collapseDigits(l)
	if len(l) > maxScanString {
		l = l[:maxScanString]
	}
	return l
}

// scan sets in hits (s.words long) the bit of every string tpl holds,
// each run of digits read as one "0" (digitsets.go).
func (s *litScanner) scan(tpl string, hits []uint64) {
	s.scanMarked(tpl, hits, nil, 0)
}

// scanMarked is scan, which reports the strings of a state only the first
// time tpl reaches it when mark (one entry per state, none equal to gen)
// is given: a template reaches the state of " <P" at every placeholder.
// It sets mark[st] to gen for the states it reports.
func (s *litScanner) scanMarked(tpl string, hits []uint64, mark []uint32, gen uint32) {
	clear(hits)
	st := int32(0)
	for i := 0; i < len(tpl); i++ {
		if i > 0 && isDigit(tpl[i]) && isDigit(tpl[i-1]) {
			continue
		}
		st = s.next[int(st)*s.width+int(s.class[tpl[i]])]
		a, b := s.ends[st], s.ends[st+1]
		if a == b {
			continue
		}
		if mark != nil {
			if mark[st] == gen {
				continue
			}
			mark[st] = gen
		}
		for _, id := range s.ids[a:b] {
			hits[id>>6] |= 1 << (id & 63)
		}
	}
}

// holds reports whether hits has one string of every set.
func holds(sets [][]int32, hits []uint64) bool {
	for _, set := range sets {
		found := false
		for _, id := range set {
			if hits[id>>6]&(1<<(id&63)) != 0 {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// tplHits caches the strings found in the template a doc read last.
type tplHits struct {
	sc    *litScanner
	tpl   string
	valid bool
	hits  []uint64
	marks *scanMarks // from sc.marks, given back by release
}

// scanMarks says which states of a scanner the scan in hand has reported:
// mark[st] == gen. One is used by one doc at a time (a sync.Pool of the
// scanner holds the others), and its gen goes on from scan to scan.
type scanMarks struct {
	mark []uint32
	gen  uint32
}

// release gives the doc's marks back to the scanner's pool.
func (h *tplHits) release() {
	if h.marks != nil {
		h.sc.marks.Put(h.marks)
		h.marks = nil
	}
}

// mayMatch is mayMatch(re, tpl), answered from one scan of tpl when the
// extractor's scanner knows re.
func (d *doc) mayMatch(re *regexp.Regexp, tpl string) bool {
	h := &d.lits
	if h.sc == nil {
		return mayMatch(re, tpl)
	}
	sets, ok := h.sc.rules[re]
	if !ok {
		return mayMatch(re, tpl)
	}
	if len(sets) == 0 {
		return true
	}
	if !h.valid || h.tpl != tpl {
		if h.hits == nil {
			h.hits = make([]uint64, h.sc.words)
		}
		if h.marks == nil {
			h.marks, _ = h.sc.marks.Get().(*scanMarks)
			if h.marks == nil {
				h.marks = &scanMarks{mark: make([]uint32, len(h.sc.ends)-1)}
			}
		}
		m := h.marks
		if m.gen++; m.gen == 0 {
			clear(m.mark) // wrapped around: no state may hold the new gen
			m.gen = 1
		}
		h.sc.scanMarked(tpl, h.hits, m.mark, m.gen)
		h.tpl, h.valid = tpl, true
	}
	return holds(sets, h.hits)
}

// findAll returns the matches of re over tpl, after asking the prefilter
// whether there can be any.
func (d *doc) findAll(re *regexp.Regexp, tpl string, units []*unit, pos []int) []*match {
	if !d.mayMatch(re, tpl) {
		return nil
	}
	return allMatches(re, tpl, units, pos)
}
