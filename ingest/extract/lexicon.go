package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
)

// The lexicon (data/lexicon/verbs.tsv) holds event phrasings as data: one
// line per phrasing, compiled once into event rules and an index from the
// words that trigger each rule (its verb's inflections, or its noun) to
// the rule. A sentence runs only the rules whose trigger words it holds, so
// the lexicon's size costs one map lookup per word, not one pattern per
// line.

// lexicon is the compiled lexicon.
type lexicon struct {
	rules []eventRule
	// byWord maps a trigger word to the indices of its rules.
	byWord map[string][]int
	// verbs maps every form of a phrase's verb to the CAMEO code of the
	// phrase's predicate (the general coder's fallback, coder.go); bases
	// holds the base forms.
	verbs  map[string][]lexVerb
	bases  map[string]bool
	lemmas map[string]string
	// headPreds maps a verb's base form to its phrases' O:(…) nouns and
	// predicates, for the general coder's objects (headPred).
	headPreds map[string][]headPred
	// unaimed maps a verb form to the phrases naming no side that open
	// with it ("+go/went/gone on strike"), for the general coder.
	unaimed map[string][]unaimed
	// bare holds the forms of the verbs that alone state no event
	// (predicate "none": "+thank", "+die"), whatever the CAMEO dictionary
	// codes them; its patterns around them still read.
	bare map[string]bool
	// force draws the FIGHT/ASSAULT line (force.tsv; nil: the
	// predicates as the lines give them).
	force *forceTable
}

// lexVerb is a verb form's reading in a phrase that opens with it.
type lexVerb struct {
	code string // the CAMEO code of the phrase's predicate
	prep string // the preposition the phrase puts before its object, or ""
}

// Pieces of the patterns a phrase expands to.
const (
	lexFree    = `(?: (?:[a-z0-9\-]+|<[CGDL]\d+>|'s)){0,4}?`
	lexPassive = `(?:was|were|is|are|has been|have been|had been|is being|are being) %ADV%`
	lexObj     = `(?:the )?%O%`
)

// loadLexicon compiles the lexicon file path of fsys.
func loadLexicon(fsys fs.FS, path string) (*lexicon, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lx := &lexicon{byWord: map[string][]int{}, verbs: map[string][]lexVerb{}, bases: map[string]bool{}, lemmas: map[string]string{}, bare: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2 {
			return nil, fmt.Errorf("%s line %d: want predicate and phrase, tab-separated", path, n)
		}
		if err := lx.add(cols[0], cols[1]); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
	}
	return lx, sc.Err()
}

// The embedded lexicon, compiled by the first defaultLexicon and shared
// by every Extractor after it (a lexicon is only read once compiled). Its
// rules are compiled by compile, which records each rule's strings in the
// prefilter's package maps (literals, literalSets), keyed by the rule:
// compiling it again for each New added a whole lexicon's rules to those
// maps, never freed (17 MB of heap each time, measured; `geokg serve`
// makes an Extractor for every ingest request, `geokg bench` one per
// corpus).
var (
	lexiconOnce sync.Once
	lexiconDef  *lexicon
	lexiconErr  error
)

// defaultLexicon returns the embedded lexicon and its force table,
// compiled once.
func defaultLexicon() (*lexicon, error) {
	lexiconOnce.Do(func() { lexiconDef, lexiconErr = compileDefaultLexicon() })
	return lexiconDef, lexiconErr
}

// compileDefaultLexicon compiles the embedded lexicon and its force table.
func compileDefaultLexicon() (*lexicon, error) {
	lx, err := loadLexicon(data.Lexicon, "lexicon/verbs.tsv")
	if err != nil {
		return nil, err
	}
	if lx.force, err = loadForce(data.Lexicon, "lexicon/force.tsv"); err != nil {
		return nil, err
	}
	return lx, nil
}

// add compiles one phrase of predicate pred; pred "fought/attacked" is
// attacked or fought by who acts (see force.go), and "met:host" a meeting
// the subject hosted (PLOVER's CONSULT mode host).
func (lx *lexicon) add(pred, phrase string) error {
	if pred == "none" {
		return lx.addBare(phrase)
	}
	byActor := pred == graph.Fought+"/"+graph.Attacked
	if byActor {
		pred = graph.Attacked
	}
	pred, mode, moded := strings.Cut(pred, ":")
	if moded && (pred != graph.Met || mode != "host") {
		return fmt.Errorf("%q: only met takes a mode, host", pred+":"+mode)
	}
	p, ok := graph.PredicateInfo(pred)
	if !ok || !p.IsEvent() {
		return fmt.Errorf("%q is not an event predicate", pred)
	}
	toks := strings.Fields(phrase)
	var notAfter *regexp.Regexp
	if n := len(toks); n > 1 && strings.HasPrefix(toks[n-1], "!(") && strings.HasSuffix(toks[n-1], ")") {
		// "+expel O's !(ambassador|diplomats)": not when these words follow.
		alts := strings.Split(toks[n-1][2:len(toks[n-1])-1], "|")
		for j, a := range alts {
			alts[j] = regexp.QuoteMeta(strings.ReplaceAll(a, "_", " "))
		}
		notAfter = regexp.MustCompile(`^ (?:` + strings.Join(alts, "|") + `)\b`)
		toks = toks[:n-1]
	}
	if strings.HasPrefix(toks[0], "+") && !slices.ContainsFunc(toks, isSide) && (len(toks) > 1 || p.Domestic) {
		// "+surrender", "+go/went/gone on strike", "+lift ... curfew": an
		// act that needs no one acted on, read by the general coder; with
		// no target its event is the actor's own country's (coder.go,
		// addDomestic). A verb alone names such an act only for a
		// domestic predicate ("+attack" needs its object).
		return lx.addUnaimed(toks, string(p.CAMEO))
	}
	var (
		b                  strings.Builder
		triggers           []string
		subj, obj, passive bool
		pair, nominal      bool
		verb, base         string
		heads              map[string]bool // O's head nouns (O:(…)), or nil
		headsNot           bool            // O!:(…): heads the object may not have
	)
	noSep := true // the piece before ends with its own space (or there is none)
	for i, t := range toks {
		if !noSep && t != "..." {
			b.WriteByte(' ')
		}
		noSep = false
		switch {
		case t == "S" || t == "S's":
			if subj {
				return fmt.Errorf("two subjects: %q", phrase)
			}
			subj = true
			b.WriteString("%S%")
			if t == "S's" {
				b.WriteString(` 's(?: [a-z\-]+){0,2}?`)
				nominal = true
				triggers = append(triggers, nounWords(toks[i+1:])...)
			}
		case t == "SS":
			if i != 0 {
				return fmt.Errorf("SS must open the phrase: %q", phrase)
			}
			subj, pair = true, true
			b.WriteString("%SS%")
		case t == "O" || t == "O's" || strings.HasPrefix(t, "O:(") || strings.HasPrefix(t, "O!:("):
			if obj {
				return fmt.Errorf("two objects: %q", phrase)
			}
			obj = true
			if k := strings.Index(t, ":("); k > 0 {
				if !strings.HasSuffix(t, ")") {
					return fmt.Errorf("unclosed head nouns %q", t)
				}
				heads = toSet(strings.ReplaceAll(t[k+2:len(t)-1], "|", " "))
				headsNot = t[1] == '!'
				t = "O"
			}
			b.WriteString(lexObj)
			if t == "O's" {
				b.WriteString(" 's")
			}
		case t == "be":
			b.WriteString(lexPassive)
			passive, noSep = true, true
		case t == "...":
			b.WriteString(lexFree)
		case strings.HasPrefix(t, "+"):
			forms, err := inflect(t[1:])
			if err != nil {
				return err
			}
			switch {
			case i == 0:
				subj = true
				b.WriteString("%S% %AUX%%ADV%")
			case toks[0] == "SS" && i == 1:
				b.WriteString("%AUX%%ADV%")
			}
			if prep, ok := verbNamesAct(toks[i+1:], pair); (i == 0 || pair && i == 1) && ok && !passive && p.CAMEO != graph.None {
				// Only phrases that open with the verb and take their
				// object next ("+condemn O", "+protest against O"): a
				// light verb's sense is in its noun ("+launch ...
				// investigation into O").
				lx.addForms(forms, lexVerb{code: string(p.CAMEO), prep: prep})
			}
			alts := forms.active()
			if passive {
				alts = []string{forms.part}
				triggers = append(triggers, forms.part)
			} else {
				triggers = append(triggers, forms.words()...)
				if i == 0 {
					// "continued to send arms to", "began to withdraw
					// from": the act under way is the act.
					alts = append(alts, aspectFrame+forms.base)
					triggers = append(triggers, forms.base)
				}
			}
			b.WriteString(verbMark)
			verb = "(?:" + strings.Join(alts, "|") + ")"
			base = forms.base
		case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
			alts := strings.Split(t[1:len(t)-1], "|")
			for j, a := range alts {
				alts[j] = regexp.QuoteMeta(strings.ReplaceAll(a, "_", " "))
			}
			b.WriteString("(?:" + strings.Join(alts, "|") + ")")
		default:
			b.WriteString(regexp.QuoteMeta(t))
		}
	}
	re := b.String()
	switch {
	case len(triggers) == 0:
		return fmt.Errorf("no verb (+verb) or noun: %q", phrase)
	case pair && obj:
		return fmt.Errorf("SS takes no O: %q", phrase)
	case !pair && (!subj || !obj):
		return fmt.Errorf("a phrase names S and O (or SS): %q", phrase)
	case passive && !strings.Contains(phrase, " S"):
		return fmt.Errorf("a passive phrase names S after the verb: %q", phrase)
	}
	r := eventRule{pred: pred, re: compile(strings.Replace(re, verbMark, verb, 1)), base: confVerb, pair: pair, notPossessed: true,
		byActor: byActor, objHeads: heads, objHeadsNot: headsNot, lemma: base, hosts: moded}
	if nominal {
		r.base, r.veto, r.deferrable = confNominal, vetoPlanned, true
	}
	if last := toks[len(toks)-1]; last == "O" || strings.HasPrefix(last, "O:(") || strings.HasPrefix(last, "O!:(") {
		// "sent aid to Gaza's neighbours": the object is what follows;
		// a line that means the owner says O's.
		r.notAfter = notAfterOwner
	}
	if notAfter != nil {
		r.notAfter = notAfter
	}
	if heads != nil && !headsNot && base != "" {
		if lx.headPreds == nil {
			lx.headPreds = map[string][]headPred{}
		}
		lx.headPreds[base] = append(lx.headPreds[base], headPred{heads: heads, pred: pred})
	}
	lx.addRule(r, triggers)
	// "X will support Y", "X refused to aid Y", "X threatened to attack
	// Y": the act is not done; PLOVER codes the intent, the refusal or the
	// threat.
	if head := "%S% %AUX%%ADV%" + verbMark; strings.HasPrefix(re, head) && !pair {
		for _, m := range lineModalities(pred, toks) {
			mre := "%S% %AUX%%ADV%" + m.re + " %ADV%" + base + re[len(head):]
			lx.addRule(eventRule{pred: m.pred, re: compile(mre), base: confVerb, notPossessed: true}, []string{base})
		}
	}
	return nil
}

// isSide reports whether a phrase's token names a side (S, O, SS…).
func isSide(t string) bool {
	return t == "S" || t == "SS" || t == "S's" || t == "O" || t == "O's" || strings.HasPrefix(t, "O:(") ||
		strings.HasPrefix(t, "O!:(")
}

// unaimed is a phrase naming no side ("+go/went/gone on strike"): the
// words that must follow its verb, for the general coder.
type unaimed struct {
	code  string
	after []map[string]bool // one word of each set, in order; nil: up to four free words
}

// addUnaimed compiles a phrase naming no side: its verb (toks[0]), then
// words, (a|b) alternatives and ... gaps.
func (lx *lexicon) addUnaimed(toks []string, code string) error {
	forms, err := inflect(toks[0][1:])
	if err != nil {
		return err
	}
	u := unaimed{code: code}
	for _, t := range toks[1:] {
		switch {
		case t == "...":
			u.after = append(u.after, nil)
		case strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")"):
			u.after = append(u.after, toSet(strings.ReplaceAll(t[1:len(t)-1], "|", " ")))
		case strings.ContainsAny(t, "+()|_") || t == "be":
			return fmt.Errorf("a phrase naming no side reads a verb, words, (a|b) and ...: %q", t)
		default:
			u.after = append(u.after, toSet(t))
		}
	}
	if len(u.after) == 0 {
		// A verb alone: it states its act whatever follows.
		lx.addForms(forms, lexVerb{code: code})
		return nil
	}
	if lx.unaimed == nil {
		lx.unaimed = map[string][]unaimed{}
	}
	for _, f := range []string{forms.base, forms.third, forms.past, forms.part, forms.ing} {
		lx.unaimed[f] = append(lx.unaimed[f], u)
		lx.lemmas[f] = forms.base
	}
	lx.bases[forms.base] = true
	return nil
}

// matchAfter returns one past the words of u.after[k:] read from
// toks[j:], or -1.
func (u unaimed) matchAfter(toks []string, j, k int) int {
	if k == len(u.after) {
		return j
	}
	if u.after[k] == nil {
		for g := 0; g <= 4 && j+g <= len(toks); g++ {
			if g > 0 && !isPlainWord(toks[j+g-1]) && !amountMarks[toks[j+g-1]] {
				break
			}
			if e := u.matchAfter(toks, j+g, k+1); e >= 0 {
				return e
			}
		}
		return -1
	}
	if j < len(toks) && u.after[k][toks[j]] {
		return u.matchAfter(toks, j+1, k+1)
	}
	return -1
}

// amountMarks may stand among the free words of a phrase naming no side,
// in an amount: "slapped 25 % tariffs", "$ 30 billion".
var amountMarks = toSet("% $ € £ ¥")

// isPlainWord reports whether a coder token is a word or a number (no
// actor, date or punctuation).
func isPlainWord(t string) bool {
	return t != "" && t[0] != '<' && strings.IndexFunc(t, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }) >= 0
}

// unaimedAt returns the code and end of a phrase naming no side whose
// verb is toks[i], or "".
func (lx *lexicon) unaimedAt(toks []string, i int) (string, int) {
	if lx == nil {
		return "", 0
	}
	for _, u := range lx.unaimed[toks[i]] {
		if e := u.matchAfter(toks, i+1, 0); e >= 0 {
			return u.code, e
		}
	}
	return "", 0
}

// addBare reads a "none" line: one verb ("+thank") whose forms alone
// state no event.
func (lx *lexicon) addBare(phrase string) error {
	toks := strings.Fields(phrase)
	if len(toks) != 1 || !strings.HasPrefix(toks[0], "+") {
		return fmt.Errorf("none: want one +verb, not %q", phrase)
	}
	forms, err := inflect(toks[0][1:])
	if err != nil {
		return err
	}
	for _, f := range append(forms.words(), forms.base) {
		lx.bare[f] = true
	}
	return nil
}

// addForms gives every form of a verb the reading lv.
func (lx *lexicon) addForms(forms verbForms, lv lexVerb) {
	for _, f := range []string{forms.base, forms.third, forms.past, forms.part, forms.ing} {
		if !slices.Contains(lx.verbs[f], lv) {
			lx.verbs[f] = append(lx.verbs[f], lv)
		}
		lx.lemmas[f] = forms.base
	}
	lx.bases[forms.base] = true
}

// headPred is a phrase's predicate for objects ending in one of its
// O:(…) nouns.
type headPred struct {
	heads map[string]bool
	pred  string
}

// objectPredicate returns the predicate a phrase of the verb lemma gives
// an object ending in one of its O:(…) nouns ("expelled two Russian
// diplomats": sanctioned), or "": the general coder reads the same
// nouns inside its objects as the phrases do.
func (lx *lexicon) objectPredicate(lemma string, o *unit) string {
	if lx == nil || o == nil {
		return ""
	}
	head := o.lower()
	if k := strings.LastIndexByte(head, ' '); k >= 0 {
		head = head[k+1:]
	}
	for _, h := range lx.headPreds[lemma] {
		if h.heads[head] {
			return h.pred
		}
	}
	return ""
}

// verbNamesAct reports whether the rest of a phrase after its verb is its
// object, or a preposition (returned) and its object, with at most one
// plain word after it ("+urge O to"): a phrase that needs a noun after
// the object ("+engage O in ... firefight", "+declare O persona non
// grata") has its sense in that noun, not in the verb.
func verbNamesAct(rest []string, pair bool) (string, bool) {
	isObj := func(t string) bool { return t == "O" || t == "O's" }
	plain := func(t string) bool { return t != "..." && t != "be" && !strings.ContainsAny(t, "(|_+") }
	light := func(after []string) bool {
		if len(after) > 0 && strings.HasPrefix(after[0], "(") {
			after = after[1:] // the noun an "O's" owns is the object's ("+summon O's (ambassador|envoy)")
		}
		return len(after) > 1 || len(after) == 1 && !plain(after[0])
	}
	switch {
	case !pair && len(rest) >= 1 && isObj(rest[0]) && light(rest[1:]),
		!pair && len(rest) >= 2 && isObj(rest[1]) && light(rest[2:]):
		return "", false
	case pair:
		// "SS +agree", "SS +agree to": the sides act together.
		if len(rest) == 0 {
			return "", true
		}
		return rest[0], len(rest) == 1 && plain(rest[0])
	case len(rest) == 0:
		return "", false
	case isObj(rest[0]):
		return "", true
	case len(rest) >= 2 && isObj(rest[1]):
		return rest[0], plain(rest[0])
	}
	return "", false
}

// match gives the verb form toks[i] the CAMEO code of its predicate, when
// the preposition its phrase puts before the object follows it (the
// general coder's fallback to the CAMEO dictionary).
func (lx *lexicon) match(toks []string, i int) (string, int) {
	if code, end := lx.unaimedAt(toks, i); code != "" {
		return code, end
	}
	vs := lx.verbs[toks[i]]
	for _, v := range vs {
		if v.prep != "" && i+1 < len(toks) && toks[i+1] == v.prep {
			return v.code, i + 2
		}
	}
	for _, v := range vs {
		if v.prep == "" {
			return v.code, i + 1
		}
	}
	// A verb every phrase of which states one predicate states it
	// whatever preposition follows ("agreed upon", "agreed on Wednesday
	// that"), but not without the one it needs before its object ("called
	// Zelensky a dictator" is no "called on").
	if len(vs) > 0 && !slices.ContainsFunc(vs, func(v lexVerb) bool { return v.code != vs[0].code }) &&
		(i+1 >= len(toks) || !isCameoActor(toks[i+1])) {
		return vs[0].code, i + 1
	}
	return "", 0
}

// isBase reports whether w is the base form of a phrase's verb.
func (lx *lexicon) isBase(w string) bool { return lx.bases[w] }

// lemma returns the base form of a phrase's verb form, or "".
func (lx *lexicon) lemma(w string) string { return lx.lemmas[w] }

// notAfterOwner matches a possessive right after a match.
var notAfterOwner = lazyRegexp(`^ 's\b`)

// aspectFrame are the verbs of aspect that take the act's base form after
// them and state it done: "continued to send", "began to withdraw".
const aspectFrame = `(?:continued|continues|began|begins|resumed|resumes|started|starts) to `

// verbMark stands for the verb's alternatives while a phrase is compiled.
const verbMark = "\x00"

// addRule adds rule r, run on templates holding one of triggers.
func (lx *lexicon) addRule(r eventRule, triggers []string) {
	k := len(lx.rules)
	lx.rules = append(lx.rules, r)
	seen := map[string]bool{}
	for _, w := range triggers {
		if !seen[w] {
			seen[w] = true
			lx.byWord[w] = append(lx.byWord[w], k)
		}
	}
}

// modality is a verb's frame that states another predicate than the verb
// ("will support" states an intent, pledged).
type modality struct {
	re   string // the words between the subject and the verb's base form
	pred string // the predicate stated
}

var (
	modIntent = modality{`(?:will|shall|(?:is|are|was|were) (?:willing|ready|prepared|going) to|(?:offered|offers|promised|promises|pledged|pledges|agreed|agrees|vowed|vows|swore|swears|sworn|decided|decides|intends|intended|plans|planned) to)`, graph.Pledged}
	modRefuse = modality{`(?:refused|refuses|declined|declines) to`, graph.Rejected}
	modThreat = modality{`(?:threatened|threatens|vowed|vows|swore|swears|sworn) to`, graph.Threatened}
	// modWarn is a hostile act announced: "will impose a curfew on",
	// "would tighten the blockade of", "is prepared to cut ties with".
	modWarn = modality{`(?:will|shall|would|(?:is|are|was|were) (?:ready|prepared|going) to)`, graph.Threatened}
)

// modalities lists, per predicate of the lexicon, the frames whose
// subject has not (yet) done the act: an intent to cooperate is PLOVER's
// AGREE (pledged), a refusal to cooperate its REJECT, a vow to use force
// or an announced hostile act (force, coercion, sanctions) its THREATEN.
// Other predicates' modal frames state nothing.
var modalities = map[string][]modality{
	graph.Supported:      {modIntent, modRefuse},
	graph.Aided:          {modIntent, modRefuse},
	graph.CooperatedWith: {modIntent, modRefuse},
	graph.Conceded:       {modIntent, modRefuse},
	graph.WithdrewFrom:   {modIntent, modRefuse},
	graph.Attacked:       {modThreat, modWarn},
	graph.Fought:         {modThreat, modWarn},
	graph.Coerced:        {modThreat, modWarn},
	graph.Mobilized:      {modThreat, modWarn},
	graph.Sanctioned:     {modThreat, modWarn},
}

// lineModalities returns the modal frames of a phrase of pred (toks, its
// words): those of modalities, but a deployment to the object ("+deploy
// ... troops to O": forces sent into a country, not massed near it nor
// against it) announced is promised to it, PLOVER's AGREE (pledged), as
// "pledged troops to" is, and no threat.
func lineModalities(pred string, toks []string) []modality {
	if n := len(toks); pred == graph.Mobilized && n > 1 && toks[n-2] == "to" && toks[n-1] == "O" {
		return modalities[graph.Aided]
	}
	return modalities[pred]
}

// nounWords returns the words of the first token of toks, the noun of a
// nominal phrase ("(demand|call)" gives demand and call).
func nounWords(toks []string) []string {
	if len(toks) == 0 {
		return nil
	}
	return strings.Split(strings.Trim(toks[0], "()"), "|")
}

// verbForms are the inflections of a verb.
type verbForms struct {
	base, third, past, part, ing string
}

// active returns the alternatives read after a subject: "urges", "urged",
// "has urged" (through %AUX%), "is urging", "was urging".
func (v verbForms) active() []string {
	alts := []string{v.third, v.past}
	if v.part != v.past {
		alts = append(alts, v.part)
	}
	return append(alts, "(?:is|are|was|were) "+v.ing)
}

// words returns the trigger words of the active forms.
func (v verbForms) words() []string {
	return []string{v.third, v.past, v.part, v.ing}
}

// inflect returns the forms of spec: "urge", or "hold/held/held" (lemma, past,
// participle) for an irregular verb or one that doubles its last
// consonant in more than one syllable ("expel/expelled/expelled").
func inflect(spec string) (verbForms, error) {
	parts := strings.Split(spec, "/")
	lemma := parts[0]
	if lemma == "" || strings.ContainsAny(lemma, " ()") {
		return verbForms{}, fmt.Errorf("bad verb %q", spec)
	}
	v := verbForms{base: lemma, third: thirdPerson(lemma)}
	switch len(parts) {
	case 1:
		v.past = pastTense(lemma)
		v.part = v.past
	case 3:
		v.past, v.part = parts[1], parts[2]
	default:
		return verbForms{}, fmt.Errorf("verb %q: give lemma, or lemma/past/participle", spec)
	}
	v.ing = gerund(lemma, v.past)
	return v, nil
}

// isVowel reports whether b is a vowel letter.
func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

// thirdPerson is the 3rd person singular: urges, pushes, denies, vetoes.
func thirdPerson(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "o"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// doubles reports whether a one-syllable verb doubles its last consonant
// before -ed and -ing (ban → banned, slap → slapped; not rain, box, fix).
func doubles(w string) bool {
	n := len(w)
	if n < 3 || isVowel(w[n-1]) || strings.IndexByte("wxy", w[n-1]) >= 0 || !isVowel(w[n-2]) || isVowel(w[n-3]) {
		return false
	}
	vowels := 0
	for i := 0; i < n; i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			vowels++
		}
	}
	return vowels == 1
}

// pastTense is the regular past: urged, denied, banned, attacked.
func pastTense(w string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ied"
	case doubles(w):
		return w + w[n-1:] + "ed"
	}
	return w + "ed"
}

// gerund is the -ing form; a past that doubles the last consonant
// (expelled) doubles it here too.
func gerund(w, past string) string {
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:n-2] + "ying"
	case strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee"):
		return w[:n-1] + "ing"
	case past == w+w[n-1:]+"ed":
		return w + w[n-1:] + "ing"
	}
	return w + "ing"
}

// candidates returns the rules whose trigger words tpl holds, in lexicon
// order.
func (lx *lexicon) candidates(tpl string) []int {
	if lx == nil {
		return nil
	}
	var out []int
	for len(tpl) > 0 {
		i := strings.IndexByte(tpl, ' ')
		w := tpl
		if i >= 0 {
			w, tpl = tpl[:i], tpl[i+1:]
		} else {
			tpl = ""
		}
		if len(w) < 3 || w[0] == '<' {
			continue
		}
		for _, k := range lx.byWord[w] {
			if !containsInt(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
