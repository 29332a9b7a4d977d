package extract

import (
	"regexp"
	"regexp/syntax"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The regexp package has no DFA and skips ahead only to a literal prefix:
// a rule that opens with optional words ("(?:former )?(?:<C3> 's )?<O4>
// <P5>") is tried at every byte of the template, each of its openings
// after the other, which made the title rule alone cost more than the
// rest of the titles layer. A startSet knows the pairs of bytes a match of
// its rule can begin with; findAllStarts tries the rule, anchored, only
// where the template holds one of them. The matches are the rule's own:
// the leftmost match is the first position where the anchored rule
// matches, and it is the match the rule would choose there.

// startSet is the set of byte pairs the matches of a rule begin with, and
// the rule anchored at the start of its text. It is immutable.
type startSet struct {
	// anchored compiles, on first use, the rule anchored at the start
	// of its text (most rules never get past the prefilter).
	anchored func() *regexp.Regexp
	// second[b] is nil when no match begins with byte b, else the set of
	// bytes that can follow b in a match (a bitmap; all ones when any byte,
	// or none, may).
	second [256]*[4]uint64
}

// startSets maps each rule compiled by compile to its startSet, when it
// has one (see newStartSet).
var startSets = map[*regexp.Regexp]*startSet{}

// anyByte is the set of every byte.
var anyByte = &[4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}

// newStartSet returns the startSet of pattern, or nil when its matches
// cannot be told by their first bytes: it can match the empty string, or
// tests a position (^, $, \b) or any character before its first byte.
func newStartSet(pattern string) *startSet {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	first, ok := closure(prog, []uint32{uint32(prog.Start)}, false)
	if !ok {
		return nil
	}
	s := &startSet{}
	for _, pc := range first {
		in := &prog.Inst[pc]
		bytes, wide := runeBytes(in)
		if wide {
			return nil // any byte at all may begin a match
		}
		next, _ := closure(prog, []uint32{in.Out}, true)
		follow := anyByte
		if !matchesIn(prog, next) {
			follow = &[4]uint64{}
			for _, npc := range next {
				nb, nwide := runeBytes(&prog.Inst[npc])
				if nwide {
					follow = anyByte
					break
				}
				for k := range follow {
					follow[k] |= nb[k]
				}
			}
		}
		for b := 0; b < 256; b++ {
			if bytes[b>>6]&(1<<(b&63)) == 0 {
				continue
			}
			if b >= utf8.RuneSelf {
				s.second[b] = anyByte // the rest of a rune
				continue
			}
			if s.second[b] == nil {
				s.second[b] = &[4]uint64{}
			}
			if s.second[b] == anyByte || follow == anyByte {
				s.second[b] = anyByte
				continue
			}
			for k := range follow {
				s.second[b][k] |= follow[k]
			}
		}
	}
	s.anchored = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:` + pattern + `)`) })
	return s
}

// closure returns the instructions that consume a character reachable
// from pcs without consuming one. It reports false when it reaches an
// instruction that would need the text around the position (an empty
// width assertion) or a match, unless past is set: then it goes through
// the assertions, as if they held, and keeps the match.
func closure(prog *syntax.Prog, pcs []uint32, past bool) ([]uint32, bool) {
	seen := map[uint32]bool{}
	var out []uint32
	for len(pcs) > 0 {
		pc := pcs[len(pcs)-1]
		pcs = pcs[:len(pcs)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		in := &prog.Inst[pc]
		switch in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			pcs = append(pcs, in.Out, in.Arg)
		case syntax.InstCapture, syntax.InstNop:
			pcs = append(pcs, in.Out)
		case syntax.InstEmptyWidth:
			if !past {
				return nil, false
			}
			pcs = append(pcs, in.Out)
		case syntax.InstMatch:
			if !past {
				return nil, false
			}
			out = append(out, pc)
		case syntax.InstFail:
		default:
			out = append(out, pc)
		}
	}
	return out, true
}

// matchesIn reports whether pcs hold the match instruction.
func matchesIn(prog *syntax.Prog, pcs []uint32) bool {
	for _, pc := range pcs {
		if prog.Inst[pc].Op == syntax.InstMatch {
			return true
		}
	}
	return false
}

// runeBytes returns the first bytes of the characters in consumes, and
// whether that is every byte. Any character beyond ASCII stands for every
// byte from 0x80: an invalid byte reads as U+FFFD.
func runeBytes(in *syntax.Inst) (*[4]uint64, bool) {
	var set [4]uint64
	add := func(r rune) {
		if r >= utf8.RuneSelf {
			for b := 0x80; b < 256; b++ {
				set[b>>6] |= 1 << (b & 63)
			}
			return
		}
		set[r>>6] |= 1 << (r & 63)
	}
	fold := syntax.Flags(in.Arg)&syntax.FoldCase != 0
	addFold := func(r rune) {
		add(r)
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				add(f)
			}
		}
	}
	switch in.Op {
	case syntax.InstRune1:
		addFold(in.Rune[0])
	case syntax.InstRune:
		if len(in.Rune) == 1 {
			addFold(in.Rune[0])
			break
		}
		for i := 0; i+1 < len(in.Rune); i += 2 {
			lo, hi := in.Rune[i], in.Rune[i+1]
			if hi >= utf8.RuneSelf {
				add(utf8.RuneSelf)
				hi = utf8.RuneSelf - 1
			}
			for r := lo; r <= hi; r++ {
				add(r)
			}
		}
	default: // any character
		return anyByte, true
	}
	return &set, false
}

// at reports whether a match can begin at byte p of s.
func (s *startSet) at(str string, p int) bool {
	sec := s.second[str[p]]
	if sec == nil {
		return false
	}
	if sec == anyByte || p+1 == len(str) {
		return true
	}
	c := str[p+1]
	return sec[c>>6]&(1<<(c&63)) != 0
}

// findAll returns what re.FindAllStringSubmatchIndex(s, -1) returns, re
// being the rule s was built for: at each position a match can begin at,
// in order, the anchored rule is tried; the next search starts where the
// match ends (a match is never empty).
func (s *startSet) findAll(str string) [][]int {
	var out [][]int
	var anchored *regexp.Regexp
	for p := 0; p < len(str); p++ {
		if !s.at(str, p) {
			continue
		}
		if anchored == nil {
			anchored = s.anchored()
		}
		loc := anchored.FindStringSubmatchIndex(str[p:])
		if loc == nil {
			continue
		}
		for k := range loc {
			if loc[k] >= 0 {
				loc[k] += p
			}
		}
		out = append(out, loc)
		p = loc[1] - 1
	}
	return out
}
