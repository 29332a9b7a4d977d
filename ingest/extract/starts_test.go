package extract

import (
	"reflect"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestStartSetsAgree checks that the rules with a startSet find, on the
// golden templates and on pieces of them, the matches their expressions
// find: every such rule on every eighth whole template, and the rules the
// prefilter lets through on all of them (where findAll runs them).
func TestStartSetsAgree(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	_, tpls := goldenTexts(t, e)
	n := len(tpls)
	for _, tpl := range tpls[:n] {
		for k := 1; k < len(tpl); k += 13 {
			tpls = append(tpls, tpl[k:], tpl[:k])
		}
	}
	tpls = append(tpls, "", "<", "former", "former <O1> <P2>", "translate <O1> <P2>", "<O1> <P2> <O3> <P4>", "caf\u00e9 <O1> <P2>", "\xff<O1> <P2>")
	rules := 0
	for re := range e.lits.rules {
		if startSets[re] != nil {
			rules++
		}
	}
	if rules < len(e.lits.rules)*9/10 {
		t.Errorf("%d of %d rules have start sets", rules, len(e.lits.rules))
	}
	d := newDoc(e.g, graph.Date{})
	d.lits.sc = e.lits
	defer d.lits.release()
	for k, tpl := range tpls {
		for re := range e.lits.rules {
			s := startSets[re]
			if s == nil || (k%8 != 0 || k >= n) && !d.mayMatch(re, tpl) {
				continue
			}
			if got, want := s.findAll(tpl), re.FindAllStringSubmatchIndex(tpl, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("rule %.80s on %q: start sets find %v, the expression %v", re, tpl, got, want)
			}
		}
	}
}

// TestNewStartSet checks which patterns get a startSet and which byte
// pairs it admits.
func TestNewStartSet(t *testing.T) {
	for _, c := range []struct {
		pattern   string
		ok        bool
		at, notAt []string
	}{
		{`(?:former )?<O\d+> <P\d+>`, true, []string{"fo", "<O", "<O1"}, []string{"f ", "<P", "x", "o"}},
		{`(?i)met`, true, []string{"me", "ME", "Me"}, []string{"ma", "e"}},
		{`a`, true, []string{"a", "ab", "a "}, []string{"b"}},
		{`[^,;]x`, true, []string{"ax", "\u00e9x"}, []string{",x", "ab"}},
		{`^<P\d+>`, false, nil, nil},
		{`\b<P\d+>`, false, nil, nil},
		{`(?:<P\d+>)?`, false, nil, nil},
		{`.x`, false, nil, nil},
	} {
		s := newStartSet(c.pattern)
		if (s != nil) != c.ok {
			t.Errorf("newStartSet(%q) = %v, want a set: %v", c.pattern, s, c.ok)
			continue
		}
		for _, str := range c.at {
			if !s.at(str, 0) {
				t.Errorf("%q: a match may begin %q, the set says not", c.pattern, str)
			}
		}
		for _, str := range c.notAt {
			if s.at(str, 0) {
				t.Errorf("%q: no match begins %q, the set says one may", c.pattern, str)
			}
		}
	}
}
