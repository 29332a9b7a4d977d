package extract

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
)

// A rule runs only on templates that contain one of the literal strings
// every match of it must contain ("met", "hosted", ... for the met rule),
// and one of the strings of every other part of it every match goes
// through (requiredSets): most rules have nothing to find in most
// sentences, and a substring test is far cheaper than running the regular
// expression. The strings are derived from the pattern itself, so they
// cannot drift from it; litscan.go finds them all in one pass.

// maxExact bounds the strings an exact sub-pattern may stand for.
const maxExact = 64

// minNeed is the shortest literal worth testing for ("<O", the start of an
// office placeholder, is rare enough).
const minNeed = 2

// requiredLiterals returns strings one of which every match of pattern
// contains, or nil when there is no useful set.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	need := needed(re)
	if score(need) < minNeed {
		return nil
	}
	return need
}

// requiredSets returns sets of strings such that every match of pattern
// contains one string of each set: the strings of every part the pattern
// cannot match without, where requiredLiterals keeps only the best part.
func requiredSets(pattern string) [][]string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return neededAll(re, nil)
}

// neededAll appends to sets the sets of strings every match of re holds
// one of, one set per part of re that every match goes through.
func neededAll(re *syntax.Regexp, sets [][]string) [][]string {
	keep := func(set []string) {
		if score(set) >= minNeed {
			sets = append(sets, set)
		}
	}
	if e, ok := exact(re); ok {
		keep(e)
		return sets
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return neededAll(re.Sub[0], sets)
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return neededAll(re.Sub[0], sets)
		}
	case syntax.OpAlternate:
		keep(needed(re))
	case syntax.OpConcat:
		run := []string{""}
		for _, s := range re.Sub {
			if e, ok := exact(s); ok {
				if p := product(run, e); p != nil {
					run = p
					continue
				}
				keep(run)
				run = e
				continue
			}
			keep(run)
			run = []string{""}
			sets = neededAll(s, sets)
		}
		keep(run)
	}
	return sets
}

// exact returns every string re matches when that is a small finite set.
func exact(re *syntax.Regexp) ([]string, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) >= 4 {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			e, ok := exact(s)
			if !ok || len(out)+len(e) > maxExact {
				return nil, false
			}
			out = append(out, e...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			e, ok := exact(s)
			if !ok {
				return nil, false
			}
			if out = product(out, e); out == nil {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// product joins every string of a with every string of b (nil when too many).
func product(a, b []string) []string {
	if len(a)*len(b) > maxExact {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// needed returns strings one of which every match of re contains (nil: none known).
func needed(re *syntax.Regexp) []string {
	if e, ok := exact(re); ok {
		return e
	}
	switch re.Op {
	case syntax.OpCapture:
		return needed(re.Sub[0])
	case syntax.OpPlus:
		return needed(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return needed(re.Sub[0])
		}
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			n := needed(s)
			if n == nil {
				return nil
			}
			out = append(out, n...)
		}
		return out
	case syntax.OpConcat:
		// Runs of exact parts join into longer strings; the best factor wins.
		var best []string
		run := []string{""}
		flush := func() {
			if better(run, best) {
				best = run
			}
			run = []string{""}
		}
		for _, s := range re.Sub {
			if e, ok := exact(s); ok {
				if p := product(run, e); p != nil {
					run = p
					continue
				}
				flush()
				run = e
				continue
			}
			flush()
			if n := needed(s); better(n, best) {
				best = n
			}
		}
		flush()
		return best
	}
	return nil
}

// score is the length of the shortest string of a set (0 for none).
func score(set []string) int {
	if len(set) == 0 {
		return 0
	}
	m := len(set[0])
	for _, s := range set[1:] {
		m = min(m, len(s))
	}
	return m
}

func better(a, b []string) bool {
	sa, sb := score(a), score(b)
	if sa != sb {
		return sa > sb
	}
	return sa > 0 && len(a) < len(b)
}

// need adds to the strings derived for re further sets of strings, each of
// which every match of re also contains one of ("<O" for a rule that needs
// an office, where the derivation finds "is "); a template must hold one
// string of every set. It returns re.
func need(re *regexp.Regexp, sets ...[]string) *regexp.Regexp {
	needAll[re] = sets
	return re
}

// needAll maps rules to the further sets of strings given by need.
var needAll = map[*regexp.Regexp][][]string{}

// literals maps each rule compiled by compile to its required strings.
var literals = map[*regexp.Regexp][]string{}

// literalSets maps each rule compiled by compile to every set of strings
// its matches need one of (requiredSets): the scanner of litscan.go tests
// them all, at the cost of a few bit tests each.
var literalSets = map[*regexp.Regexp][][]string{}

// staticRules are the rules declared with the package (not the lexicon's,
// which each New compiles), in the order prepare compiled them.
var staticRules []*regexp.Regexp

// mayMatch reports whether tpl contains one of the strings re needs, and
// one of each set given by need.
func mayMatch(re *regexp.Regexp, tpl string) bool {
	if !containsAny(tpl, literals[re]) {
		return false
	}
	for _, set := range needAll[re] {
		if !containsAny(tpl, set) {
			return false
		}
	}
	return true
}

// containsAny reports whether s contains one of subs (true for none).
func containsAny(s string, subs []string) bool {
	if len(subs) == 0 {
		return true
	}
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// foldRe is a pattern run only on texts that hold one string of each set
// of strings every match of it holds (in lower case when the pattern is
// case-insensitive): most sentences say nothing of targets or of "two
// days later", and a search for a few words is far cheaper than the
// expression. A pattern that is a set of strings at the end of the text
// ("(?:not|never|would) $") is a test of suffixes.
type foldRe struct {
	*regexp.Regexp
	fold     bool       // case-insensitive: the sets are lower-case ASCII
	need     [][]string // sets of strings
	suffixes []string   // when set, the pattern matches just the texts ending in one
}

// foldCompile compiles a case-insensitive pattern and derives its strings.
func foldCompile(pattern string) *foldRe { return filterCompile(pattern, true) }

// filterCompile compiles a pattern and derives its strings; fold says
// whether it is case-insensitive ((?i) on all of it).
// At package initialization it is compiled by prepare (lazy.go), into the
// value returned now.
func filterCompile(pattern string, fold bool) *foldRe {
	f := new(foldRe)
	deferFill(func() { *f = *fillCompile(pattern, fold) })
	return f
}

// fillCompile is filterCompile's work.
func fillCompile(pattern string, fold bool) *foldRe {
	f := &foldRe{Regexp: regexp.MustCompile(pattern), fold: fold}
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return f
	}
	if fold {
		re = unfold(re)
	} else if n := len(re.Sub); re.Op == syntax.OpConcat && n > 1 && re.Sub[n-1].Op == syntax.OpEndText {
		body := &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[:n-1]}
		if e, ok := exact(body); ok && !slices.Contains(e, "") {
			f.suffixes = e
			return f
		}
	}
sets:
	for _, set := range neededAll(re, nil) {
		var low []string
		for _, s := range set {
			if fold {
				s = strings.ToLower(s)
				for i := 0; i < len(s); i++ {
					if s[i] >= 0x80 {
						continue sets // only ASCII folds as strings.ToLower does
					}
				}
			}
			if !slices.Contains(low, s) {
				low = append(low, s)
			}
		}
		f.need = append(f.need, low)
	}
	return f
}

// unfold rewrites the case-insensitive literals of re in lower case
// without the flag, so that needed reads them; it changes re.
func unfold(re *syntax.Regexp) *syntax.Regexp {
	if re.Op == syntax.OpLiteral && re.Flags&syntax.FoldCase != 0 {
		re.Rune = []rune(strings.ToLower(string(re.Rune)))
		re.Flags &^= syntax.FoldCase
	}
	for _, s := range re.Sub {
		unfold(s)
	}
	return re
}

// mayMatch reports whether s holds (in any case, for a case-insensitive
// pattern) one string of each of f's sets. Case folding also maps the long
// s (U+017F) and the Kelvin sign (U+212A) to "s" and "k": a text that has
// one may match whatever it holds.
func (f *foldRe) mayMatch(s string) bool {
	if len(f.need) == 0 || f.fold && (strings.Contains(s, "ſ") || strings.Contains(s, "\u212A")) {
		return true
	}
	for _, set := range f.need {
		found := false
		for _, sub := range set {
			if f.fold && containsFold(s, sub) || !f.fold && strings.Contains(s, sub) {
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

// containsFold reports whether s contains sub, a lower-case ASCII string,
// in any ASCII case.
func containsFold(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	c0, c1 := sub[0], sub[0]
	if 'a' <= c0 && c0 <= 'z' {
		c1 = c0 - 'a' + 'A'
	}
	for i := 0; i+n <= len(s); i++ {
		if (s[i] == c0 || s[i] == c1) && asciiEqualFold(s[i+1:i+n], sub[1:]) {
			return true
		}
	}
	return false
}

// asciiEqualFold reports whether s equals low, a lower-case ASCII string
// of the same length, in any ASCII case.
func asciiEqualFold(s, low string) bool {
	for i := 0; i < len(low); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[i] {
			return false
		}
	}
	return true
}

// MatchString is regexp.Regexp.MatchString.
func (f *foldRe) MatchString(s string) bool {
	if f.suffixes != nil {
		for _, x := range f.suffixes {
			if strings.HasSuffix(s, x) {
				return true
			}
		}
		return false
	}
	return f.mayMatch(s) && f.Regexp.MatchString(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (f *foldRe) FindStringSubmatch(s string) []string {
	if f.suffixes == nil && !f.mayMatch(s) {
		return nil
	}
	return f.Regexp.FindStringSubmatch(s)
}
