package extract

import (
	"strings"

	"github.com/geokg/geokg/graph"
)

// doc is the state of one article being read: who has been named so far,
// which organizations were mentioned last, the facts found.
type doc struct {
	lex      *lexicon  // the extractor's event phrasings (nil: none)
	coder    verbCoder // the general coder's verb dictionaries (nil: none)
	dateline *ref      // the country of the article's dateline ("KINSHASA, March 4 -"), or nil
	// datelineDay is the day an opening dateline states ("ABU DHABI,
	// 10th February, 2025 (WAM) --"), the day "today" means; zero when
	// none.
	datelineDay graph.Date
	// leadPlace is the country of a dateline the sentences do not keep
	// ("ABUJA —", "ISLAMABAD:"), or nil.
	leadPlace *ref
	// section is the country a roundup's line names in capitals before
	// its dash ("UGANDA - …"), for the sentences of that line, or nil: the
	// country of their bare agents, before the article's dateline.
	section    *ref
	scene      *ref // the country the previous sentence's events took place in (see agentActors), or nil
	army       *ref // the country whose armed forces the article last named alone (noteArmy), or nil
	g          *gazetteer
	pub        graph.Date
	dropped    []string          // time expressions out of graph.Date's range
	persons    map[string]string // lower-case surname → full name ("" when ambiguous)
	fulls      map[string]bool   // full names seen
	orgSeen    map[string]int    // organization → order of its last mention
	clock      int
	surfaces   map[string]map[string]bool // entity id → surface forms
	cands      []*cand
	lastDate   graph.Date          // date of the last dated event (or day) of the previous sentences
	topic      *ref                // the person the last sentences were about, for pronouns
	pair       [2]*ref             // the two sides of the last meeting, call or agreement, for "the two leaders"
	recent     [][]*ref            // the people named by the last sentences that named any, for pronouns
	gender     map[string]byte     // person → sex shown by the article (see gender.go)
	anchors    map[string]*anchors // person → the dates they took office and were elected (see anchors.go)
	elect      map[string]bool     // people the article called president-elect or incoming (see appoint.go)
	anchorSrcs []anchorSrc         // sentences whose anchors are still to be read (see anchors.go)
	lows       []string            // the current sentence's tokens, lower-cased
	keyBuf     []byte              // phraseHits' key
	narr       *narrative          // the last explicitly dated event, for undated events that follow (narrative.go)
	opening    *narrative          // the event the article opens with, for undated criticism of its occasion (narrative.go)
	told       int                 // sentences read so far for the narrative (narrative.go)
	reshuffle  *reshuffle          // the last sentence's dated appointments, for undated ones that follow (narrative.go)
	lits       tplHits             // the rules' required strings in the last template read (litscan.go)
	ids        map[refKey]string   // entity ids computed (entityID)
	implicit   implicitScope       // the countries the article names, for offices without one (implicit.go)
	// predecessors are the terms "X's predecessor, Y, left office" told,
	// placed once every office of the article is known (states.go).
	predecessors []predecessor

	// lastDateFrom are the sentences lastDate was read from.
	lastDateFrom []*sentence
	// lastPoint is the date, to the day, month or year, of the last
	// dated event or start of office of the previous sentences, for
	// "later that month", "earlier that year"; lastPointFrom are the
	// sentences it was read from.
	lastPoint     graph.Date
	lastPointFrom []*sentence
	// storyYear is the last year the previous sentences wrote ("in April
	// 2021"), for "in January that year" (thatYear); 0 before any.
	storyYear int
	// prevMonth is the last month or day the sentence before, in the
	// same paragraph, wrote with its year ("in August 2019"), for a month
	// without one after it (storyMonths); zero when it wrote none.
	prevMonth graph.Date

	// titled maps an office to the people the article has named with it
	// as their title ("Prime Minister Shehbaz Sharif"), in order, for
	// "the premier" (titledHolder).
	titled map[string][]*ref

	// pairOpened is 1 + the index of the last sentence that opened with
	// a phrase naming the pair ("The Leaders agreed …"), for "They" at
	// the start of the next one (twoOf).
	pairOpened int
	// pairSent is 1 + the index of the sentence that last named the pair
	// (updatePair), for "X and Y discussed …" right after their call.
	pairSent int
	// pairThey is set while readPairClause reads again a clause opened
	// by "they" after the sentence's own meeting ("met at the White
	// House, where they initialled the agreement"): that "they" is the
	// meeting's pair (twoOf).
	pairThey bool
}

func newDoc(g *gazetteer, pub graph.Date) *doc {
	return &doc{g: g, pub: pub, persons: map[string]string{}, fulls: map[string]bool{},
		orgSeen: map[string]int{}, surfaces: map[string]map[string]bool{}, gender: map[string]byte{},
		anchors: map[string]*anchors{}, elect: map[string]bool{}}
}

func lastToken(name string) string {
	toks := tokenize(name)
	if len(toks) == 0 {
		return ""
	}
	return strings.ToLower(toks[len(toks)-1].text)
}

// registerPerson records a full name so that a later lone surname resolves to it.
func (d *doc) registerPerson(full, surface string) {
	if len(tokenize(full)) < 2 {
		return
	}
	d.fulls[full] = true
	keys := []string{lastToken(full), lastToken(surface)}
	if f := d.g.familyFirstOf(full); f != "" {
		keys = append(keys, f) // "Wang Lei" … "Wang"
	}
	if sn := particleSurname(full); sn != "" {
		keys = append(keys, sn) // "Ana de la Vega" … "De la Vega"
	}
	for _, k := range keys {
		if old, ok := d.persons[k]; ok && old != full {
			d.persons[k] = ""
		} else {
			d.persons[k] = full
		}
	}
}

// particleSurname returns the surname of a full name that begins with
// name particles, lower-cased ("Jan van der Berg" → "van der berg"), or
// "" when the name has no particle after its first word.
func particleSurname(full string) string {
	ws := strings.Fields(full)
	for k := 1; k+1 < len(ws); k++ {
		if particles[ws[k]] {
			return strings.ToLower(strings.Join(ws[k:], " "))
		}
	}
	return ""
}

// resolvePerson maps a written name to a canonical person. known is false
// when nothing but the text itself supports it.
func (d *doc) resolvePerson(text string) (*ref, bool) {
	low := strings.ToLower(normApos(text))
	multi := len(tokenize(text)) > 1
	if multi {
		if l := d.g.leaders[low]; l != nil {
			return &ref{graph.Person, l.name, 1}, true
		}
		if l := d.g.leaders[withoutMiddleInitials(low)]; l != nil {
			return &ref{graph.Person, l.name, 1}, true // "Ferdinand R. Marcos Jr."
		}
		if d.fulls[text] {
			return &ref{graph.Person, text, 1}, true
		}
		if full := d.persons[low]; full != "" {
			return &ref{graph.Person, full, 0.95}, true // "De la Vega", "van der Berg"
		}
		return &ref{graph.Person, text, 0.9}, false
	}
	if full := d.persons[low]; full != "" {
		return &ref{graph.Person, full, 0.95}, true
	}
	if l := d.g.leaders[low]; l != nil {
		return &ref{graph.Person, l.name, 0.9}, true
	}
	if l := d.g.surnames[low]; l != nil {
		return &ref{graph.Person, l.name, 0.9}, true
	}
	return &ref{graph.Person, text, 0.7}, false
}

// leaderOf returns the gazetteer leader with the given canonical name.
func (d *doc) leaderOf(name string) *leader {
	return d.g.leaders[strings.ToLower(name)]
}

func (d *doc) seenOrg(name string) {
	d.clock++
	d.orgSeen[name] = d.clock
}

// recentOrg picks, among the organizations a generic reference may stand
// for, the one named most recently in the article.
func (d *doc) recentOrg(es []*entry) *entry {
	var best *entry
	bt := 0
	for _, e := range es {
		if t := d.orgSeen[e.name]; t > bt {
			best, bt = e, t
		}
	}
	return best
}

// note records a surface form of an entity.
func (d *doc) note(r *ref, surface string) {
	id := d.entityID(r)
	m := d.surfaces[id]
	if m == nil {
		m = map[string]bool{}
		d.surfaces[id] = m
	}
	if _, common := d.g.agents[strings.ToLower(surface)]; surface != "" && !isPronounSurface(surface) && !common {
		// A bare agent noun ("police", "protesters") names no entity.
		m[surface] = true
	}
}

// refKey names an entity within an article.
type refKey struct {
	typ  graph.EntityType
	name string
}

// entityID is graph.EntityID of r, computed once per entity and article.
func (d *doc) entityID(r *ref) string {
	k := refKey{r.typ, r.name}
	if id, ok := d.ids[k]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = map[refKey]string{}
	}
	id := graph.EntityID(r.typ, r.name)
	d.ids[k] = id
	return id
}

// entityRef returns the reference for a gazetteer country or organization.
// placeCountry returns the country a place's name stands for (a
// country's name or its capital, a metonym: "Abuja"), in any case, or
// nil.
func (d *doc) placeCountry(place string) *ref {
	for _, h := range d.g.phrases[strings.ToLower(place)] {
		if (h.kind == hitEntity || h.kind == hitMetonym) && h.ent != nil && h.ent.typ == graph.Country {
			return d.entityRef(h.ent.name)
		}
	}
	return nil
}

// countryNamed returns the country name names by its own name or one of
// its aliases, in any case ("MALAWI"), not by a capital or an adjective,
// or nil.
func (d *doc) countryNamed(name string) *ref {
	for _, h := range d.g.phrases[strings.ToLower(name)] {
		if h.kind == hitEntity && h.ent != nil && h.ent.typ == graph.Country {
			return d.entityRef(h.ent.name)
		}
	}
	return nil
}

// datelineCountry returns the country of the article's dateline, kept in
// its first sentence or dropped from it, or nil.
func (d *doc) datelineCountry() *ref {
	if d.dateline != nil {
		return d.dateline
	}
	return d.leadPlace
}

func (d *doc) entityRef(name string) *ref {
	if e := d.g.entities[name]; e != nil {
		return &ref{e.typ, e.name, 1}
	}
	return nil
}

// withoutMiddleInitials returns a lower-cased name without the initials
// between its first and last words ("ferdinand r. marcos jr." →
// "ferdinand marcos jr."), or "" when it has none.
func withoutMiddleInitials(low string) string {
	f := strings.Fields(low)
	if len(f) < 3 {
		return ""
	}
	out := f[:1:1]
	for _, w := range f[1 : len(f)-1] {
		if len(w) == 2 && w[1] == '.' {
			continue
		}
		out = append(out, w)
	}
	out = append(out, f[len(f)-1])
	if len(out) == len(f) {
		return ""
	}
	return strings.Join(out, " ")
}
