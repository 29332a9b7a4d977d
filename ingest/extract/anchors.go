package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/timex"
)

// Anchored relative dates: "on his first day in office", "hours after
// taking office", "the day after her inauguration", "a day after winning
// the election" date what the sentence states by the start of a person's
// term or by their election, when the article has stated that date (the
// anchor) before; without an anchor they date nothing.

// The kinds of anchor.
const (
	anchorOffice   = 0 // took office, was sworn in, was inaugurated, was appointed
	anchorElection = 1 // won the election, was elected
)

// anchorElectedTo is the cand.anchor of an election to an office (see
// anchorsFrom).
const anchorElectedTo = 3

// anchors are the dates a person took office and was elected, as the
// article stated them, by anchor kind, with the sentences that stated them.
type anchors struct {
	date [2]graph.Date
	from [2][]*sentence
	// named says the start of office was stated with its office ("was
	// sworn in as interim president"): it dates that office only, which
	// the change-of-office rules read, never another the article gives
	// the person ("General X, the army chief, was sworn in as …").
	named bool
}

var (
	// "Trump was sworn in on January 20", "Carney, who took office in
	// March,", an ambassador who "presented her credentials in
	// September". Changes of office that name the office ("became prime
	// minister on ...") are anchors through their state (cand.anchor).
	reAnchorOffice = compile(`%PS% %AUX%%ADV%(?:(?:was |were |has been |had been )?(?:sworn in|inaugurated|installed)|took office|takes office|has taken office|taken office|assumed office|took the oath|took power|came to power|returned to office|returned to power|presented (?:his |her |their )?(?:letters of )?credentials)`)
	// "Trump won the November 5 election", "Ishiba was elected on ..."
	reAnchorElection = compile(`%PS% %AUX%%ADV%(?:(?:won|wins|clinched|secured|swept)(?: (?:the|a|an|his|her|their|[a-z0-9\-]+|<D\d+>)){0,4}? (?:election|elections|vote|runoff|run-off|ballot|race|presidency|premiership|landslide)|(?:was|were|has been|had been) (?:re-)?elected)`)
	// "Trump's inauguration on January 20", "Merz's election victory in February"
	reAnchorNominal = compile(`(?P<s><P\d+>) 's (?:(?:[a-z\-]+|<D\d+>) ){0,2}?(?P<n>inauguration|swearing-in|election victory|election win|electoral victory|re-election|election)`)
	// " as interim <O>" after an anchor's verb: the office it starts.
	reAnchorAsOffice = lazyRegexp(`^ as (?:the |a |an |its |their )?(?:[a-z\-]+ ){0,3}<O\d+>`)
	// What may stand between an anchor's verb and its date after it ("was
	// sworn in as the 47th president on ...").
	anchorGapRe = lazyRegexp(`^[^,;:()"]{0,60}$`)
	anchorAndRe = lazyRegexp(`\b(?:and|but|while|before|after|when|then)\b`)
)

// anchorSrc is a sentence read for facts whose anchors have not been
// read yet: most articles have no anchored phrase, and the anchors of
// their sentences are read only when one needs them.
type anchorSrc struct {
	units []*unit
	tpl   string
	pos   []int
	st    *sentence
	n0    int // the index of the sentence's first candidate in doc.cands
}

// readAnchorSrcs reads the anchors of the sentences not read yet, in
// order: all of them, or all but the current one (whose candidates are
// not all found yet) when current is false.
func (d *doc) readAnchorSrcs(current bool) {
	n := len(d.anchorSrcs)
	if !current && n > 0 {
		n--
	}
	for k, a := range d.anchorSrcs[:n] {
		d.readAnchors(a.units, a.tpl, a.pos, a.st)
		if hasAnchorWord(a.st.text) {
			// "X was elected in May and took office on 15 August": the
			// later verbs of the subject state anchors too.
			for _, sub := range conjuncts(a.units) {
				stpl, spos := template(sub)
				d.readAnchors(sub, stpl, spos, a.st)
			}
		}
		end := len(d.cands)
		if k+1 < len(d.anchorSrcs) {
			end = d.anchorSrcs[k+1].n0
		}
		d.anchorsFrom(d.cands[a.n0:end])
	}
	d.anchorSrcs = append(d.anchorSrcs[:0], d.anchorSrcs[n:]...)
}

// readAnchors records the anchors a sentence states (see reAnchorOffice).
func (d *doc) readAnchors(units []*unit, tpl string, pos []int, st *sentence) {
	for _, r := range []struct {
		re   *regexp.Regexp
		kind int
	}{{reAnchorOffice, anchorOffice}, {reAnchorElection, anchorElection}, {reAnchorNominal, anchorOffice}} {
		for _, m := range d.findAll(r.re, tpl, units, pos) {
			if negated(tpl, m.loc[0]) {
				continue
			}
			kind := r.kind
			if n := m.group("n"); n != "" && n != "inauguration" && n != "swearing-in" {
				kind = anchorElection
			}
			u := anchorDate(units, m.span(), st.text)
			if u == nil {
				continue
			}
			named := kind == anchorOffice && reAnchorAsOffice.MatchString(tpl[m.loc[1]:])
			for _, per := range m.all("s") {
				if per.kind == kPerson && per.ref != nil {
					d.setAnchor(per.ref.name, kind, u.expr.Value, []*sentence{st})
					if named {
						d.anchors[per.ref.name].named = true
					}
				}
			}
		}
	}
}

// anchorDate is the date of an anchor statement: one inside it ("won the
// November 5 election"), else one right after it in the same clause ("was
// sworn in as president on January 20"), else one just before it ("On
// January 20, Trump was sworn in").
func anchorDate(units []*unit, span [2]int, text string) *unit {
	var after, before *unit
	for _, u := range units {
		if u.kind != kDate || u.expr == nil || u.expr.Value.IsZero() || u.expr.Prep == "by" {
			continue
		}
		switch {
		case u.start >= span[0] && u.end <= span[1]:
			return u
		case u.start >= span[1] && after == nil:
			gap := text[span[1]:u.start]
			if anchorGapRe.MatchString(gap) && !anchorAndRe.MatchString(gap) {
				after = u
			}
		case u.end <= span[0]:
			if gap := strings.TrimSpace(text[u.end:span[0]]); gap == "" || gap == "," {
				before = u
			}
		}
	}
	if after != nil {
		return after
	}
	return before
}

// anchorsFrom records the anchors stated through changes of office: the
// dated start of a state whose candidate carries an anchor kind.
func (d *doc) anchorsFrom(cs []*cand) {
	for _, c := range cs {
		if c.anchor == 0 || !c.dated || c.bound != boundStart || c.subj == nil || c.subj.typ != graph.Person {
			continue
		}
		if c.anchor == anchorElectedTo {
			// "was elected prime minister on ...": the election, and the
			// start of the term the state stated, unless another is known.
			d.setAnchor(c.subj.name, anchorElection, c.date, c.dateFrom)
			if a := d.anchors[c.subj.name]; a.date[anchorOffice].IsZero() {
				a.date[anchorOffice], a.from[anchorOffice] = c.date, c.dateFrom
			}
			continue
		}
		d.setAnchor(c.subj.name, int(c.anchor)-1, c.date, c.dateFrom)
	}
}

// anchorOfVerb is the anchor kind (plus one) a verb of change of office
// states, or 0: "was elected" dates an election (anchorElectedTo),
// "became", "was sworn in", "was appointed" the start of a term.
func anchorOfVerb(v string) int8 {
	switch {
	case strings.Contains(v, "elected"):
		return anchorElectedTo
	case strings.Contains(v, "confirmed") || strings.Contains(v, "returned") || changeBound(v) != boundStart:
		return 0
	}
	return anchorOffice + 1
}

// setAnchor records a person's anchor, read from the sentences from; a later
// statement replaces an earlier one unless it only repeats it less
// precisely ("in January" after "on January 20").
func (d *doc) setAnchor(name string, kind int, v graph.Date, from []*sentence) {
	a := d.anchors[name]
	if a == nil {
		a = &anchors{}
		d.anchors[name] = a
	}
	if old := a.date[kind]; !old.IsZero() && old.MorePrecise(v) && within(old, v) {
		return
	}
	a.date[kind], a.from[kind] = v, from
}

// within reports whether date a falls in the period of the coarser date b.
func within(a, b graph.Date) bool {
	return !a.Time().Before(b.Time()) && a.Time().Before(b.Last())
}

// reAnchored reads the phrases dated by an anchor, with the offset they
// state: "on his first day in office" (0), "her first full day" (+1),
// "hours after taking office" (0), "the day after his inauguration" (+1),
// "two days before winning the election" (-2).
var reAnchored = lazyRegexp(`\b(?:(?P<pos1>his|her|their) first (?P<full>full )?(?:day|morning|hours?)(?:(?: back)? (?:in office|in power|in the job|on the job|at work|as (?:[a-z\-]+ ){0,3}[a-z\-]+)|\s*[,.;])|(?P<pos2>his|her|their) (?:inauguration|swearing-in) day|(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|the) (?P<unit>day|days|week|weeks)|(?:just |only |mere |barely |within |a few )?(?:hours|minutes|moments)|shortly) (?P<dir>after|before|of) (?:(?P<pos3>his|her|their) (?:own )?(?P<noun>inauguration|swearing-in|election victory|election win|electoral victory|election|re-election|reelection|victory|win)|(?P<part>(?:taking|assuming) office|taking power|being sworn in|being inaugurated|taking the oath(?: of office)?|(?P<won>winning) (?:the |a |his |her |their )?(?:[a-z0-9\-]+ ){0,2}(?:election|elections|vote|runoff|run-off|ballot|race|presidency)|being (?:re-)?elected)))`)

// anchoredTrigger matches a little of every phrase of reAnchored, and is
// much cheaper to run on a sentence.
var anchoredTrigger = lazyRegexp(`first (?:full )?(?:day|morning|hour)|(?:after|before|of) (?:his|her|their|taking|assuming|being|winning) |(?:inauguration|swearing-in) day`)

// anchored is a phrase of reAnchored, read.
type anchored struct {
	kind       int
	days       int
	pron       string // "his", "her", "their" or "" (a participle)
	participle bool
}

// findAnchored reads the first anchored phrase of a sentence's template
// (where words are lower case; see template).
func findAnchored(tpl string) *anchored {
	if !strings.Contains(tpl, "first ") && !strings.Contains(tpl, " after ") && !strings.Contains(tpl, " before ") &&
		!strings.Contains(tpl, " of ") && !strings.Contains(tpl, " day") || !anchoredTrigger.MatchString(tpl) {
		return nil
	}
	m := reAnchored.FindStringSubmatch(tpl)
	if m == nil {
		return nil
	}
	g := func(name string) string { return m[reAnchored.SubexpIndex(name)] }
	a := anchored{pron: g("pos1") + g("pos2") + g("pos3")}
	if g("full") != "" {
		a.days = 1
	}
	if n := g("n"); n != "" {
		switch {
		case strings.HasSuffix(g("unit"), "s") && n == "the":
			return nil // "the days after"
		case g("dir") == "of" && n == "the" && g("unit") == "day":
			a.days = 0 // "the day of his inauguration"
		case g("dir") == "of":
			return nil // "within two days of": a bound, not a day
		case n == "the":
			a.days = 1
		}
		if k, ok := numberWords[n]; ok {
			a.days = k
		} else if k, err := strconv.Atoi(n); err == nil {
			a.days = k
		}
		if strings.HasPrefix(g("unit"), "week") {
			a.days *= 7
		}
		if g("dir") == "before" {
			a.days = -a.days
		}
	}
	if g("part") != "" {
		a.participle = true
		if g("won") != "" || strings.HasSuffix(g("part"), "elected") {
			a.kind = anchorElection
		}
	}
	switch g("noun") {
	case "", "inauguration", "swearing-in":
	default:
		a.kind = anchorElection
	}
	return &a
}

// anchoredDate dates a sentence's anchored phrase: the anchor of the
// person it is about shifted by the phrase's offset. For a participle
// ("hours after taking office") that is the first person of the sentence;
// for a possessive ("his first day") the first person of the sentence
// whose anchor is known and whose sex does not contradict the pronoun.
// Either is the person the text is about when the sentence names nobody.
// A less precise anchor gives its own value for offsets up to a day, and
// nothing beyond. The sentences returned are those the anchor was read from.
func (d *doc) anchoredDate(a *anchored, units []*unit) (graph.Date, []*sentence, bool) {
	want := pronounGender(a.pron)
	var v graph.Date
	var from []*sentence
	try := func(r *ref) bool {
		if r == nil || r.typ != graph.Person || !d.fits(r.name, want) {
			return false
		}
		if an := d.anchors[r.name]; an != nil && !an.date[a.kind].IsZero() {
			v, from = an.date[a.kind], an.from[a.kind]
			return true
		}
		return false
	}
	found := false
	for _, u := range units {
		if u.kind == kPerson && u.ref != nil {
			found = try(u.ref)
			if found || a.participle {
				break
			}
		}
	}
	if !found && !hasPerson(units) {
		found = try(d.topic)
	}
	if !found {
		return graph.Date{}, nil, false
	}
	switch {
	case v.Precision == graph.DayPrecision:
		return graph.DateFromTime(v.Time().AddDate(0, 0, a.days)), from, true
	case a.days >= -1 && a.days <= 1:
		return v, from, true
	}
	return graph.Date{}, nil, false
}

func hasPerson(units []*unit) bool {
	for _, u := range units {
		if u.kind == kPerson && u.ref != nil {
			return true
		}
	}
	return false
}

// anchorWords are in every sentence reAnchorOffice matches.
var anchorWords = []string{"sworn", "inaugurated", "installed", "office", "oath", "power", "credentials"}

// hasAnchorWord reports whether s holds one of anchorWords (a search for
// each word: the alternation as a regular expression was tried at every
// byte of the sentence).
func hasAnchorWord(s string) bool {
	for _, w := range anchorWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// officeFromAnchor dates the start of an office the article states
// without a date ("She is Mexico's first female president") by the day
// the article says its holder took office ("Claudia Sheinbaum took office
// on October 1, 2024"), when that is the only office the article gives
// them and it is not over, or is over only as "former" in another
// sentence (an obituary's "the former president of Malawi … Banda took
// office on 24 May 2004"). A start the article gives only to the year or
// month ("President of Paraguay from 1993 to 1998") takes that day when
// it falls within it ("took office on 15 August 1993"), over or not.
func (d *doc) officeFromAnchor() {
	offices := map[string]string{} // person → the one office, or "" when several
	var undated, coarse []*cand
	for _, c := range d.cands {
		if c.subj == nil || c.obj == nil || c.pred != graph.Leads && c.pred != graph.HoldsPosition {
			continue
		}
		k := c.pred + "\x00" + c.obj.name + "\x00" + normRole(c.role)
		if old, ok := offices[c.subj.name]; ok && old != k {
			k = ""
		}
		offices[c.subj.name] = k
		if !c.dated && (c.bound == boundNone || c.bound == boundRange) && !c.pending && (!c.ended || c.bound == boundNone) {
			undated = append(undated, c)
		}
		if c.dated && c.date.Precision < graph.DayPrecision && (c.bound == boundStart ||
			c.bound == boundRange && c.dateKind == timex.Since) {
			coarse = append(coarse, c)
		}
	}
	if len(undated) == 0 && len(coarse) == 0 {
		return
	}
	found := false
	for _, a := range d.anchorSrcs {
		found = found || hasAnchorWord(a.st.text)
	}
	if found {
		d.readAnchorSrcs(true)
	}
	for _, c := range undated {
		a := d.anchors[c.subj.name]
		if a == nil || a.date[anchorOffice].IsZero() || a.named || offices[c.subj.name] == "" {
			continue
		}
		if c.ended && slices.Contains(a.from[anchorOffice], c.sent) {
			// "Y, a former finance minister, who was sworn in on May
			// 30": the start of the office Y took, not of the one Y left.
			continue
		}
		c.bound, c.date, c.dated, c.dateFrom = boundStart, a.date[anchorOffice], true, a.from[anchorOffice]
	}
	// A coarse start takes the day when it is the one start of the
	// person's that holds it (a former minister's post from 2004 to 2008
	// does not hold a day of 1996).
	holding := map[string][]*cand{}
	for _, c := range coarse {
		if a := d.anchors[c.subj.name]; a != nil && !a.named && a.date[anchorOffice].MorePrecise(c.date) && within(a.date[anchorOffice], c.date) {
			holding[c.subj.name] = append(holding[c.subj.name], c)
		}
	}
	for name, cs := range holding {
		if len(cs) != 1 {
			continue
		}
		a := d.anchors[name]
		cs[0].date, cs[0].dateFrom = a.date[anchorOffice], append(slices.Clip(cs[0].dateFrom), a.from[anchorOffice]...)
	}
}
