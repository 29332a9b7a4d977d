package extract

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// macros expand in rule patterns; %S%/%O% are named subject/object groups.
// A list takes ", and" only after two items ("Paris, Rome, and Bonn"):
// "sent aid to Myanmar, and Australia provided" ends the list at Myanmar.
var macros = []struct{ name, re string }{
	{"%SS%", `(?P<s><[PCG]\d+>(?: , <[PCG]\d+>)*(?: ,)? and <[PCG]\d+>)`},
	{"%S%", `(?P<s><[PCG]\d+>(?:(?: , <[PCG]\d+>)+ , and <[PCG]\d+>|(?: , <[PCG]\d+>)* and <[PCG]\d+>)?)(?: , who| who| , which)?`},
	{"%PS%", `(?P<s><P\d+>(?:(?: , <P\d+>)*(?: ,)? and <P\d+>)?)(?: , who| who)?`},
	{"%CS%", `(?P<s><[CG]\d+>(?:(?: , <[CG]\d+>)*(?: ,)? and <[CG]\d+>)?)(?: , which| which)?`},
	{"%O%", `(?P<o><[PCG]\d+>(?:(?: , <[PCG]\d+>)+ , and <[PCG]\d+>|(?: , <[PCG]\d+>)* and <[PCG]\d+>)?)`},
	{"%PO%", `(?P<o><P\d+>)`},
	{"%AFF%", `(?P<aff><[CG]\d+>)`},
	{"%W%", `(?:[b-z][a-z\-]*|a(?:[a-mo-z][a-z\-]*)?|an(?:[a-ce-z][a-z\-]*)?|and[a-z\-]+)`}, // a word but "and"
	{"%AUX%", `(?:(?:has|have|had) (?:since )?)?`},
	{"%ADV%", `(?:(?:[a-z]+ly|also|later|then|again|now|previously|once|jointly|formally|officially|already|reportedly|twice|first|long|last|even|himself|herself|itself|<D\d+>) )*`},
	{"%OFF%", `(?:(?P<aff1><[CG]\d+>) (?:'s )?)?(?:(?:first|new|next|\d+(?:st|nd|rd|th)|female|woman|interim|acting|permanent|sole|youngest|oldest|deputy|top) ){0,3}(?P<off><O\d+>|chief|head|leader|boss)(?: of (?:the )?(?:<C\d+> 's )?(?P<aff2><[CG]\d+>))?`},
}

// compile expands the macros of a rule pattern; a rule declared with the
// package is compiled by prepare (lazy.go), in the value returned now.
func compile(p string) *regexp.Regexp {
	re := new(regexp.Regexp)
	deferFill(func() {
		for _, m := range macros {
			p = strings.ReplaceAll(p, m.name, m.re)
		}
		*re = *regexp.MustCompile(p)
		literals[re] = requiredLiterals(p)
		literalSets[re] = requiredSets(p)
		digitSets[re] = requiredDigitSets(p)
		if s := newStartSet(p); s != nil {
			startSets[re] = s
		}
		if !prepared {
			staticRules = append(staticRules, re)
		}
	})
	return re
}

// match is one rule match over a template.
type match struct {
	re    *regexp.Regexp
	tpl   string
	loc   []int
	units []*unit
	pos   []int
}

// allMatches returns the matches of re over tpl, without a prefilter.
func allMatches(re *regexp.Regexp, tpl string, units []*unit, pos []int) []*match {
	return matchesFrom(re, startSets[re], tpl, units, pos)
}

// matchesFrom is allMatches, given re's startSet (nil: re has none).
func matchesFrom(re *regexp.Regexp, starts *startSet, tpl string, units []*unit, pos []int) []*match {
	var locs [][]int
	if s := starts; s != nil {
		locs = s.findAll(tpl)
	} else {
		locs = re.FindAllStringSubmatchIndex(tpl, -1)
	}
	var out []*match
	for _, loc := range locs {
		out = append(out, &match{re: re, tpl: tpl, loc: loc, units: units, pos: pos})
	}
	return out
}

// group returns the text of a named group ("" when it did not take part).
func (m *match) group(name string) string {
	i := m.re.SubexpIndex(name)
	if i < 0 || m.loc[2*i] < 0 {
		return ""
	}
	return m.tpl[m.loc[2*i]:m.loc[2*i+1]]
}

// all returns the units named by the placeholders ("<P3>": a capital
// letter and the unit's index) of a group.
func (m *match) all(name string) []*unit {
	var out []*unit
	g := m.group(name)
	for i := 0; i+3 < len(g); i++ {
		if g[i] != '<' || g[i+1] < 'A' || g[i+1] > 'Z' {
			continue
		}
		j := i + 2
		for j < len(g) && g[j] >= '0' && g[j] <= '9' {
			j++
		}
		if j == i+2 || j == len(g) || g[j] != '>' {
			continue
		}
		k, _ := strconv.Atoi(g[i+2 : j])
		out = append(out, m.units[k])
		i = j
	}
	return out
}

// one returns the first unit of a group, or nil.
func (m *match) one(name string) *unit {
	if us := m.all(name); len(us) > 0 {
		return us[0]
	}
	return nil
}

// unitRange returns the first and last+1 unit indices the match covers.
func (m *match) unitRange() (int, int) {
	return unitAt(m.pos, m.loc[0]), unitAt(m.pos, m.loc[1]-1) + 1
}

// span returns the byte span of the match in the sentence.
func (m *match) span() [2]int {
	a, b := m.unitRange()
	return [2]int{m.units[a].start, m.units[b-1].end}
}

func unitAt(pos []int, off int) int {
	return sort.Search(len(pos), func(k int) bool { return pos[k] > off }) - 1
}
