package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/geokg/geokg/data"
)

// The CAMEO verb dictionary (data/lexicon/cameo_verbs.tsv, converted from
// PETRARCH2's CAMEO.2.0.txt; format in data/lexicon/README.md) codes a verb
// in its context: "imposed sanctions on" is 163, "killed in an accident" is
// no event. Verbs are indexed by the first word of each of their forms, and
// each block's patterns by the words that anchor them (the first word after
// the verb, or the last one before it), so a sentence costs a few map
// lookups per word whatever the dictionary's size.

// Bounds of a pattern match, in tokens.
const (
	cameoAfterGap  = 3  // words skipped before each element after the verb
	cameoAfterSpan = 10 // tokens after the verb a pattern may use
	cameoBeforeGap = 1  // words skipped before the verb and between elements before it
)

// VerbForms returns the regular forms of an English verb lemma as the
// lexicon generates them: the lemma, 3rd person singular, past (also the
// participle) and -ing form ("ban" → ban, bans, banned, banning). It is
// the one home of these rules for tools that build lexicon files
// (internal/tools/cameoverbs).
func VerbForms(lemma string) []string {
	prepare() // the word sets the rules read
	past := pastTense(lemma)
	return []string{lemma, thirdPerson(lemma), past, gerund(lemma, past)}
}

// cameoDict is the CAMEO verb dictionary (data/lexicon/cameo_verbs.tsv).
type cameoDict struct {
	// verbs maps the first word of a form to the verbs it may begin.
	verbs  map[string][]cameoVerb
	blocks []cameoBlock
	// bases holds the lemmas, the base forms (the first form of a line);
	// lemmas maps a form's first word to its lemma's.
	bases  map[string]bool
	lemmas map[string]string
}

// cameoVerb is one form of a verb of a block.
type cameoVerb struct {
	rest  []string // the form's words after the first ("up" of "beefed up")
	code  string   // CAMEO code, "---" or "-"
	block int
	order int // line order, for ties
}

// cameoBlock is a PETRARCH2 verb block: its patterns apply to all its verbs.
type cameoBlock struct {
	patterns []cameoPattern
	// byAfter maps a word (and its plural) to the patterns whose first
	// element after the verb may start with it; afterActor lists those
	// that start with an actor.
	byAfter    map[string][]int
	afterActor []int
	// byBefore and beforeActor index the patterns with nothing after the
	// verb by their last element before it; bare lists those with neither.
	byBefore    map[string][]int
	beforeActor []int
	bare        []int
}

// cameoPattern is one pattern of a block.
type cameoPattern struct {
	code          string
	before, after []cameoElem
}

// cameoElem is one element of a pattern: an actor, or one of some word
// sequences.
type cameoElem struct {
	actor bool
	alts  [][]cameoWord
	// first and last map a word (and its plural) to the alternatives that
	// start or end with it.
	first, last map[string][]int
}

// cameoWord is a word of a pattern with its regular plural.
type cameoWord struct{ w, pl string }

func (c cameoWord) is(tok string) bool { return tok == c.w || (c.pl != "" && tok == c.pl) }

var (
	cameoOnce sync.Once
	cameoDef  *cameoDict
	cameoErr  error
)

// defaultCameoDict loads the embedded TSV once.
func defaultCameoDict() (*cameoDict, error) {
	cameoOnce.Do(func() {
		cameoDef, cameoErr = loadCameoDict(data.Lexicon, "lexicon/cameo_verbs.tsv")
	})
	return cameoDef, cameoErr
}

// loadCameoDict reads the dictionary file path of fsys.
func loadCameoDict(fsys fs.FS, path string) (*cameoDict, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &cameoDict{verbs: map[string][]cameoVerb{}, bases: map[string]bool{}, lemmas: map[string]string{}}
	blockIdx := map[string]int{}
	seen := map[string]bool{}
	elems := map[string]cameoElem{} // parsed elements, shared by the patterns that repeat them
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 6 {
			return nil, fmt.Errorf("%s line %d: want 6 tab-separated columns, have %d", path, n, len(cols))
		}
		if cols[1] == "" || cols[3] == "" {
			return nil, fmt.Errorf("%s line %d: empty code or block", path, n)
		}
		b, ok := blockIdx[cols[3]]
		if !ok {
			b = len(d.blocks)
			blockIdx[cols[3]] = b
			d.blocks = append(d.blocks, cameoBlock{byAfter: map[string][]int{}, byBefore: map[string][]int{}})
		}
		switch cols[0] {
		case "V":
			if cols[5] == "" {
				return nil, fmt.Errorf("%s line %d: verb %q without forms", path, n, cols[4])
			}
			for k, form := range strings.Split(cols[5], "|") {
				words := strings.Fields(form)
				if k == 0 && len(words) > 0 && !strings.Contains(cols[4], " ") {
					d.bases[words[0]] = true // a lemma, not a phrase ("attacked and stabbed")
				}
				if lw := strings.Fields(cols[4]); len(words) > 0 && len(lw) > 0 {
					if _, ok := d.lemmas[words[0]]; !ok {
						d.lemmas[words[0]] = lw[0]
					}
				}
				key := cols[1] + "\t" + cols[3] + "\t" + strings.Join(words, " ")
				if len(words) == 0 || seen[key] {
					continue
				}
				seen[key] = true
				d.verbs[words[0]] = append(d.verbs[words[0]], cameoVerb{rest: words[1:], code: cols[1], block: b, order: n})
			}
		case "P":
			p := cameoPattern{code: cols[1]}
			if p.before, err = parseCameoElems(cols[4], elems); err == nil {
				p.after, err = parseCameoElems(cols[5], elems)
			}
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", path, n, err)
			}
			d.blocks[b].add(p)
		default:
			return nil, fmt.Errorf("%s line %d: unknown kind %q", path, n, cols[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(d.verbs) == 0 {
		return nil, fmt.Errorf("%s: no verbs", path)
	}
	return d, nil
}

// parseCameoElems reads a before or after column; cache holds the
// elements already parsed.
func parseCameoElems(s string, cache map[string]cameoElem) ([]cameoElem, error) {
	var out []cameoElem
	for _, t := range strings.Fields(s) {
		if e, ok := cache[t]; ok {
			out = append(out, e)
			continue
		}
		if t == "+" || t == "$" {
			out = append(out, cameoElem{actor: true})
			continue
		}
		alts := []string{t}
		if strings.HasPrefix(t, "(") {
			if !strings.HasSuffix(t, ")") {
				return nil, fmt.Errorf("unclosed alternatives %q", t)
			}
			alts = strings.Split(t[1:len(t)-1], "|")
		}
		e := cameoElem{first: map[string][]int{}, last: map[string][]int{}}
		for _, a := range alts {
			var seq []cameoWord
			for _, w := range strings.Split(a, "_") {
				if w == "" {
					continue
				}
				cw := cameoWord{w: w}
				if len(w) >= 3 {
					cw.pl = thirdPerson(w)
				}
				seq = append(seq, cw)
			}
			if len(seq) == 0 {
				return nil, fmt.Errorf("empty alternative in %q", t)
			}
			i := len(e.alts)
			e.alts = append(e.alts, seq)
			e.first[seq[0].w] = append(e.first[seq[0].w], i)
			e.last[seq[len(seq)-1].w] = append(e.last[seq[len(seq)-1].w], i)
			if pl := seq[0].pl; pl != "" {
				e.first[pl] = append(e.first[pl], i)
			}
			if pl := seq[len(seq)-1].pl; pl != "" {
				e.last[pl] = append(e.last[pl], i)
			}
		}
		cache[t] = e
		out = append(out, e)
	}
	return out, nil
}

// add indexes pattern p.
func (b *cameoBlock) add(p cameoPattern) {
	i := len(b.patterns)
	b.patterns = append(b.patterns, p)
	switch {
	case len(p.after) > 0 && p.after[0].actor:
		b.afterActor = append(b.afterActor, i)
	case len(p.after) > 0:
		for w := range p.after[0].first {
			b.byAfter[w] = append(b.byAfter[w], i)
		}
	case len(p.before) > 0 && p.before[len(p.before)-1].actor:
		b.beforeActor = append(b.beforeActor, i)
	case len(p.before) > 0:
		for w := range p.before[len(p.before)-1].last {
			b.byBefore[w] = append(b.byBefore[w], i)
		}
	default:
		b.bare = append(b.bare, i)
	}
}

// isCameoActor reports whether tok is an entity placeholder: <P1>, <C3>, <G2>.
func isCameoActor(tok string) bool {
	n := len(tok)
	if n < 4 || tok[0] != '<' || tok[n-1] != '>' || strings.IndexByte("PCG", tok[1]) < 0 {
		return false
	}
	for i := 2; i < n-1; i++ {
		if tok[i] < '0' || tok[i] > '9' {
			return false
		}
	}
	return true
}

// isVerb reports whether word is any inflected form of a dictionary verb
// (for a multiword verb, the form of its verb: "beefed" of "beefed up").
func (d *cameoDict) isVerb(word string) bool {
	return len(d.verbs[word]) > 0
}

// isBase reports whether word is a verb's base form ("agree", not "agreed").
func (d *cameoDict) isBase(word string) bool { return d.bases[word] }

// lemma returns the lemma of a verb form ("took" → "take"), or "".
func (d *cameoDict) lemma(word string) string { return d.lemmas[word] }

// match reads the verb form at toks[i]; toks are lowercase words and entity
// placeholders such as "<C3>", "<P1>", "<G2>" (an actor is a token matching
// <[PCG]\d+>). It returns the CAMEO code of the longest pattern of that verb
// that matches around i (words after the verb in order within a short
// window, small gaps allowed; words before it just before), else the verb's
// own code; "" when toks[i] is not a verb form or the code is "---". end is
// one past the last token the match used (i+1 when toks[i] is no verb form).
//
// A multiword verb ("called off") is read whole when its words follow; the
// longest reading wins: more words of the verb and of the pattern, then a
// pattern over none, then the earlier line. A code "-" (PETRARCH2's "[:b]",
// an event only in the reverse direction) also gives "".
func (d *cameoDict) match(toks []string, i int) (code string, end int) {
	return d.matchBare(toks, i, false)
}

// matchBare is match; with bareNone the verb alone states no event (its
// patterns still read: "died in clashes" is coded, "died outside Kyiv" not).
func (d *cameoDict) matchBare(toks []string, i int, bareNone bool) (code string, end int) {
	if i < 0 || i >= len(toks) {
		return "", i + 1
	}
	verbs := d.verbs[toks[i]]
	if len(verbs) == 0 {
		return "", i + 1
	}
	best := cameoReading{score: -1}
	for _, v := range verbs {
		vEnd, ok := v.at(toks, i)
		if !ok {
			continue
		}
		// The verb alone: score 2 per extra word of the verb.
		r := cameoReading{code: v.code, end: vEnd, score: 2 * len(v.rest), order: v.order}
		if bareNone {
			r.code = "---"
		}
		best = best.better(r)
		d.blocks[v.block].patternsAt(toks, i, vEnd, func(p *cameoPattern, pEnd int) {
			n := len(p.before) + len(p.after)
			best = best.better(cameoReading{code: p.code, end: pEnd, score: 2*(len(v.rest)+n) + 1, order: v.order})
		})
	}
	if best.score < 0 {
		return "", i + 1
	}
	if best.code == "---" || best.code == "-" {
		return "", best.end
	}
	return best.code, best.end
}

// cameoBare is the CAMEO dictionary read with the lexicon's verbs that
// alone state no event (verbs.tsv's "none" lines: "thanked", "died"),
// whatever code the dictionary gives them alone.
type cameoBare struct {
	*cameoDict
	none map[string]bool // verb forms that alone state no event
}

// match is cameoDict.match, the verb alone of a form in none stating no event.
func (c cameoBare) match(toks []string, i int) (string, int) {
	if i >= 0 && i < len(toks) && c.none[toks[i]] {
		return c.matchBare(toks, i, true)
	}
	return c.cameoDict.match(toks, i)
}

// cameoReading is one way to read a verb and its context.
type cameoReading struct {
	code       string
	end, score int
	order      int
}

// better returns the better of two readings: the higher score; on a tie,
// a real code over no event for the verb alone, then the earlier line.
func (r cameoReading) better(o cameoReading) cameoReading {
	switch {
	case o.score != r.score:
		if o.score > r.score {
			return o
		}
		return r
	case o.score%2 == 0 && (r.code == "---" || r.code == "-") && o.code != "---" && o.code != "-":
		return o
	}
	return r
}

// at reports whether the form of v starts at toks[i], and where it ends.
func (v cameoVerb) at(toks []string, i int) (int, bool) {
	if i+1+len(v.rest) > len(toks) {
		return 0, false
	}
	for k, w := range v.rest {
		if toks[i+1+k] != w {
			return 0, false
		}
	}
	return i + 1 + len(v.rest), true
}

// patternsAt calls fn with each pattern of b that matches a verb read at
// toks[i:vEnd], and where the match ends. Only the patterns whose anchor
// word is in the window are tried.
func (b *cameoBlock) patternsAt(toks []string, i, vEnd int, fn func(*cameoPattern, int)) {
	try := func(idx []int) {
		for _, k := range idx {
			p := &b.patterns[k]
			if !p.beforeAt(toks, i) {
				continue
			}
			if end, ok := p.afterAt(toks, vEnd); ok {
				fn(p, end)
			}
		}
	}
	for _, k := range b.bare {
		fn(&b.patterns[k], vEnd)
	}
	actorAfter := false
	for j := vEnd; j < len(toks) && j <= vEnd+cameoAfterGap; j++ {
		if isCameoActor(toks[j]) {
			actorAfter = true
			continue
		}
		try(b.byAfter[toks[j]])
	}
	if actorAfter {
		try(b.afterActor)
	}
	actorBefore := false
	for j := i - 1; j >= 0 && j >= i-1-cameoBeforeGap; j-- {
		if isCameoActor(toks[j]) {
			actorBefore = true
			continue
		}
		try(b.byBefore[toks[j]])
	}
	if actorBefore {
		try(b.beforeActor)
	}
}

// afterAt matches p's elements after the verb, from start; it returns one
// past the last token used.
func (p *cameoPattern) afterAt(toks []string, start int) (int, bool) {
	pos := start
	limit := min(len(toks), start+cameoAfterSpan)
	for _, e := range p.after {
		found := false
		for j := pos; j < limit && j <= pos+cameoAfterGap; j++ {
			if end, ok := e.startAt(toks[:limit], j); ok {
				pos, found = end, true
				break
			}
		}
		if !found {
			return 0, false
		}
	}
	return pos, true
}

// beforeAt matches p's elements before the verb at toks[i], right to left.
func (p *cameoPattern) beforeAt(toks []string, i int) bool {
	pos := i // elements must end at pos, or cameoBeforeGap tokens before it
	for k := len(p.before) - 1; k >= 0; k-- {
		found := false
		for e := pos; e > 0 && e >= pos-cameoBeforeGap; e-- {
			if s, ok := p.before[k].endAt(toks, e); ok {
				pos, found = s, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// startAt matches e at toks[j]; it returns one past its last token.
func (e *cameoElem) startAt(toks []string, j int) (int, bool) {
	if j >= len(toks) {
		return 0, false
	}
	if e.actor {
		return j + 1, isCameoActor(toks[j])
	}
	best := -1
	for _, a := range e.first[toks[j]] {
		seq := e.alts[a]
		if j+len(seq) > len(toks) || j+len(seq) <= best {
			continue
		}
		ok := true
		for k := 1; k < len(seq) && ok; k++ {
			ok = seq[k].is(toks[j+k])
		}
		if ok {
			best = j + len(seq)
		}
	}
	return best, best >= 0
}

// endAt matches e ending just before toks[end]; it returns its first token.
func (e *cameoElem) endAt(toks []string, end int) (int, bool) {
	if end <= 0 || end > len(toks) {
		return 0, false
	}
	if e.actor {
		return end - 1, isCameoActor(toks[end-1])
	}
	best := -1
	for _, a := range e.last[toks[end-1]] {
		seq := e.alts[a]
		s := end - len(seq)
		if s < 0 || (best >= 0 && s >= best) {
			continue
		}
		ok := true
		for k := 0; k < len(seq)-1 && ok; k++ {
			ok = seq[k].is(toks[s+k])
		}
		if ok {
			best = s
		}
	}
	return best, best >= 0
}
