package extract

import (
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// goldenTexts returns the texts of the golden articles and their sentences'
// templates, as the rules read them.
func goldenTexts(t *testing.T, e *Extractor) (sents, tpls []string) {
	t.Helper()
	for _, g := range readGolden(t) {
		gc := g.goldenCase
		d := newDoc(e.g, g.published)
		d.lex = e.lex
		for i, st := range splitSentences(gc.Text) {
			sents = append(sents, st.text)
			tpl, _ := template(d.buildUnits(st.text, i))
			tpls = append(tpls, tpl)
		}
	}
	return sents, tpls
}

// TestLitScannerAgrees checks the one-pass scanner against a string by
// string search of the same sets (as scanString cuts them) on every
// golden template (its runs of digits written "0"), and that it
// never keeps a rule from a template the rule matches.
func TestLitScannerAgrees(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	_, tpls := goldenTexts(t, e)
	// Strings that sit across the ends of others, and the empty template.
	tpls = append(tpls, "", "<P0> met <P2>", "<O0> <P1> of the <C4> , <P5> ,", "talks with talks between <C0> and <C2>",
		"<O12> <P345> of the <C6789> , <P10> ,", "<O1><P2>", "the 21st <O3> <P14>")
	sc := e.lits
	if len(sc.rules) < len(staticRules) {
		t.Fatalf("scanner knows %d rules, fewer than the %d of the package", len(sc.rules), len(staticRules))
	}
	hits := make([]uint64, sc.words)
	norms := map[*regexp.Regexp][][]string{}
	for re := range sc.rules {
		for _, set := range literalSetsOf(re) {
			var c []string
			for _, l := range set {
				c = append(c, scanString(l))
			}
			norms[re] = append(norms[re], c)
		}
	}
	marked := make([]uint64, sc.words)
	marks := &scanMarks{mark: make([]uint32, len(sc.ends)-1)}
	for _, tpl := range tpls {
		sc.scan(tpl, hits)
		marks.gen++
		sets := make([]uint64, sc.setWord)
		sc.scanMarked(tpl, marked, sets, marks.mark, marks.gen)
		if !slices.Equal(hits, marked) {
			t.Fatalf("on %q the scan reporting each state once finds other strings", tpl)
		}
		norm := collapseDigits(tpl)
		for re, r := range sc.rules {
			want := true
			for _, set := range norms[re] {
				want = want && containsAny(norm, set)
			}
			if got := holds(r.sets, hits); got != want {
				t.Fatalf("rule %.60s on %q: scanner says %v, search says %v", re, tpl, got, want)
			}
			if got := holdsAll(r.ids, sets); got != want {
				t.Fatalf("rule %.60s on %q: the scanner's sets say %v, search says %v", re, tpl, got, want)
			}
			if !want && re.MatchString(tpl) {
				t.Fatalf("rule %.60s matches %q but its strings are not there", re, tpl)
			}
		}
	}
}

// literalSetsOf are the sets of strings the scanner tests for re.
func literalSetsOf(re *regexp.Regexp) [][]string {
	var sets [][]string
	if l := literals[re]; len(l) > 0 {
		sets = append(sets, l)
	}
	sets = append(sets, literalSets[re]...)
	sets = append(sets, digitSets[re]...)
	return append(sets, needAll[re]...)
}

// TestRequiredSets checks the strings derived from patterns: one set per
// part every match goes through, none for optional parts.
func TestRequiredSets(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    [][]string
	}{
		{`(?P<s><P\d+>) met (?P<o><P\d+>)`, [][]string{{"<P"}, {" met "}, {"<P"}}},
		{`(?:former )?(?:head|chief) of <C\d+>`, [][]string{{"head of <C", "chief of <C"}}},
		{`a(?:bc)*d`, nil}, // "a" and "d" alone are too short to be worth it
		{`(?:signed|inked) (?:[a-z]+ ){0,3}deal`, [][]string{{"signed ", "inked "}, {"deal"}}},
	} {
		if got := requiredSets(c.pattern); !reflect.DeepEqual(got, c.want) {
			t.Errorf("requiredSets(%q) = %q, want %q", c.pattern, got, c.want)
		}
	}
}

// TestFoldReAgrees checks that the filtered sentence tests answer as
// their expressions do, in any case, with the long s and the Kelvin sign
// that case folding maps to ASCII letters.
func TestFoldReAgrees(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	sents, tpls := goldenTexts(t, e)
	texts := []string{"Two days later, the ministers met.", "A WEEK AFTER the vote", "the ſame day", "three daysſ later",
		"Its Target was raised", "the benchmar\u212A", "a wee\u212A later", "a SPENDING FLOOR", "later that evening", "3 weeks earlier",
		"talks were cancelled a planned ", "he did not ", "they cannot ", "it refused to ", "none", ""}
	for _, s := range sents {
		texts = append(texts, s, strings.ToUpper(s), strings.ReplaceAll(s, "s", "ſ"))
	}
	for _, tpl := range tpls {
		for k := 0; k <= len(tpl); k += 7 {
			texts = append(texts, tpl[:k]) // the text before a match, as negated reads it
		}
	}
	for name, f := range map[string]*foldRe{"laterRe": laterRe, "sameDay": sameDay, "reTargetCue": reTargetCue,
		"shiftRe": shiftRe, "negRe": negRe, "cancelRe": cancelRe} {
		if len(f.need) == 0 && f.suffixes == nil {
			t.Errorf("%s: no strings derived: the filter does nothing", name)
		}
		for _, s := range texts {
			if got, want := f.MatchString(s), f.Regexp.MatchString(s); got != want {
				t.Errorf("%s.MatchString(%q) = %v, the expression says %v", name, s, got, want)
			}
			if got, want := f.FindStringSubmatch(s), f.Regexp.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s.FindStringSubmatch(%q) = %q, the expression says %q", name, s, got, want)
			}
		}
	}
}

// TestLazyTokens checks that tokens cut one at a time are tokenize's.
func TestLazyTokens(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	sents, _ := goldenTexts(t, e)
	sents = append(sents, "bad \xff byte", "U.S. President Joe Biden's \u2019s visit", "", "  ")
	for _, s := range sents {
		want := tokenize(s)
		lt := lazyTokens{s: s}
		for k := range want {
			if !lt.has(k) || lt.at(k) != want[k] {
				t.Fatalf("%q: token %d is %v, want %v", s, k, lt.toks, want[k])
			}
		}
		if lt.has(len(want)) {
			t.Fatalf("%q: a token after the last: %v", s, lt.toks[len(want)])
		}
	}
	if got := tokenize("a \xff b"); len(got) != 3 || got[1].text != "\uFFFD" {
		t.Errorf("an invalid byte reads as %q, want U+FFFD", got[1].text)
	}
}

// TestMatchAll checks the placeholders read from a group, against the
// expression they are defined by.
func TestMatchAll(t *testing.T) {
	ref := regexp.MustCompile(`<([A-Z])(\d+)>`)
	units := make([]*unit, 20)
	for k := range units {
		units[k] = &unit{text: strconv.Itoa(k)}
	}
	for _, g := range []string{"<P1>", "<P1> , <C12> and <G3>", "<p1> <P> <PP1> <P1", "<<P2>>", "x<O19>y", "<P1 <C4>", ""} {
		m := &match{re: regexp.MustCompile(`(?P<s>.*)`), tpl: g, loc: []int{0, len(g), 0, len(g)}, units: units}
		var want []*unit
		for _, sm := range ref.FindAllStringSubmatch(g, -1) {
			k, _ := strconv.Atoi(sm[2])
			want = append(want, units[k])
		}
		if got := m.all("s"); !reflect.DeepEqual(got, want) {
			t.Errorf("all(%q) = %v, want %v", g, got, want)
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
