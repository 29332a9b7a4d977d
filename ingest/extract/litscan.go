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
	// rules maps each rule to its sets of strings: a template must hold
	// one string of every set (none: the rule always runs).
	rules map[*regexp.Regexp]*scanRule
	// setsOf lists, for each string id, the ids of the sets that hold it:
	// setIDs[setsOf[id]:setsOf[id+1]]. A scan marks the sets its strings
	// are in, so a rule's question is one bit per set.
	setsOf  []int32
	setIDs  []int32
	setWord int // uint64 words of a set of sets
}

// scanRule is what the scanner knows of one rule.
type scanRule struct {
	sets  [][]int32 // the ids of the strings of each set
	ids   []int32   // each set's id among the sets of all rules
	start *startSet // startSets' entry for the rule, nil when it has none
}

// newLitScanner builds the scanner for rules, from the strings compile
// and need recorded for them.
func newLitScanner(rules []*regexp.Regexp) *litScanner {
	s := &litScanner{rules: make(map[*regexp.Regexp]*scanRule, len(rules))}
	setIDs := map[string]int32{} // a set's ids, printed → its id
	var members [][]int32        // set id → its string ids
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
		var sids []int32
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
			sid, ok := setIDs[key]
			if !ok {
				sid = int32(len(members))
				setIDs[key] = sid
				members = append(members, out)
			}
			sids = append(sids, sid)
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
		s.rules[re] = &scanRule{sets: sets, ids: sids, start: startSets[re]}
	}
	s.words = (len(lits) + 63) / 64
	s.setWord = (len(members) + 63) / 64
	of := make([][]int32, len(lits))
	for sid, ids := range members {
		for _, id := range ids {
			of[id] = append(of[id], int32(sid))
		}
	}
	s.setsOf = make([]int32, len(lits)+1)
	for id, sids := range of {
		s.setIDs = append(s.setIDs, sids...)
		s.setsOf[id+1] = int32(len(s.setIDs))
	}
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
	s.scanMarked(tpl, hits, nil, nil, 0)
}

// scanMarked is scan, which reports the strings of a state only the first
// time tpl reaches it when mark (one entry per state, none equal to gen)
// is given: a template reaches the state of " <P" at every placeholder.
// It sets mark[st] to gen for the states it reports, and in sets
// (s.setWord long), when given, the bit of every set that holds a string
// it reports.
func (s *litScanner) scanMarked(tpl string, hits, sets []uint64, mark []uint32, gen uint32) {
	clear(hits)
	clear(sets)
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
			if sets != nil {
				for _, sid := range s.setIDs[s.setsOf[id]:s.setsOf[id+1]] {
					sets[sid>>6] |= 1 << (sid & 63)
				}
			}
		}
	}
}

// holdsAll reports whether sets has the bit of every id.
func holdsAll(ids []int32, sets []uint64) bool {
	for _, id := range ids {
		if sets[id>>6]&(1<<(id&63)) == 0 {
			return false
		}
	}
	return true
}

// tplHits caches the sets of strings found in the templates a doc read
// last: a sentence's rules go back and forth between its templates (the
// folded one, a clause's, the folded one again), and one scan each would
// be scanned again on every change.
type tplHits struct {
	sc     *litScanner
	recent [tplCache]tplScan
	next   int        // the entry of recent a new template replaces
	hits   []uint64   // the scan's strings (scratch)
	marks  *scanMarks // from sc.marks, given back by release
}

// tplCache is how many templates a doc keeps the scans of.
const tplCache = 4

// tplScan is one template's scan.
type tplScan struct {
	tpl   string
	valid bool
	sets  []uint64 // the sets of strings the template has one of
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
	if d.lits.sc == nil {
		return mayMatch(re, tpl)
	}
	r := d.lits.sc.rules[re]
	if r == nil {
		return mayMatch(re, tpl)
	}
	return d.lits.holds(r, tpl)
}

// holds reports whether tpl holds one string of each of r's sets,
// scanning tpl unless it is the template scanned last.
func (h *tplHits) holds(r *scanRule, tpl string) bool {
	if len(r.ids) == 0 {
		return true
	}
	for k := range h.recent {
		if e := &h.recent[k]; e.valid && e.tpl == tpl {
			return holdsAll(r.ids, e.sets)
		}
	}
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
	e := &h.recent[h.next]
	h.next = (h.next + 1) % tplCache
	if e.sets == nil {
		e.sets = make([]uint64, h.sc.setWord)
	}
	h.sc.scanMarked(tpl, h.hits, e.sets, m.mark, m.gen)
	e.tpl, e.valid = tpl, true
	return holdsAll(r.ids, e.sets)
}

// findAll returns the matches of re over tpl, after asking the prefilter
// whether there can be any.
func (d *doc) findAll(re *regexp.Regexp, tpl string, units []*unit, pos []int) []*match {
	if d.lits.sc == nil {
		if !mayMatch(re, tpl) {
			return nil
		}
		return allMatches(re, tpl, units, pos)
	}
	r := d.lits.sc.rules[re]
	if r == nil {
		if !mayMatch(re, tpl) {
			return nil
		}
		return allMatches(re, tpl, units, pos)
	}
	if !d.lits.holds(r, tpl) {
		return nil
	}
	return matchesFrom(re, r.start, tpl, units, pos)
}
