package extract

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"

	"github.com/geokg/geokg/graph"
)

// The FIGHT/ASSAULT boundary (data/lexicon/force.tsv): an event of force,
// read by a phrasing or by the general coder, is fought (PLOVER FIGHT,
// armed conflict between organised forces) or attacked (ASSAULT, one-sided
// or unconventional violence) by its verb and by who used the force, as
// PLOVER's definitions draw the line: shelling and invasion are FIGHT
// whoever shells, abduction and torture ASSAULT whoever abducts, and an
// attack, a bombing or a killing is FIGHT by a state's forces and ASSAULT
// by rebels, militants or an armed group.

// forceChoice is what a line of the table chooses: the predicate when a
// state's forces act, and the one when anyone else does (the same for a
// line that names one predicate). The zero choice says nothing.
type forceChoice struct{ state, other string }

// forceTable is the compiled force.tsv.
type forceTable struct {
	verbs map[string]forceChoice // verb lemma and its regular forms → choice
	codes map[string]forceChoice // CAMEO code prefix → choice
	state map[string]bool        // sectors ("-" for none) and organizations that are a state's forces
	// person maps a verb lemma and its regular forms to the predicate of
	// the verb done by a person, in words ("clashed with the president").
	person map[string]string
	// crowds are the nouns of people gathered in protest ("protesters",
	// "rioters"): force a state's forces use on them is repression,
	// PLOVER's COERCE (CAMEO 175), not combat.
	crowds map[string]bool
	// mutual are the verbs (lemma and regular forms) of force both sides
	// use ("clash"): a crowd's with a state's forces is their repression.
	mutual map[string]bool
}

// parseForceChoice reads a CHOICE column: an event predicate, or two
// joined by "/" (the state's, then anyone else's).
func parseForceChoice(s string) (forceChoice, error) {
	a, b, two := strings.Cut(s, "/")
	if !two {
		b = a
	}
	for _, p := range []string{a, b} {
		if r, ok := graph.PredicateInfo(p); !ok || !r.IsEvent() {
			return forceChoice{}, fmt.Errorf("choice %q: %q is not an event predicate", s, p)
		}
	}
	return forceChoice{state: a, other: b}, nil
}

// loadForce compiles the force table file path of fsys.
func loadForce(fsys fs.FS, path string) (*forceTable, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ft := &forceTable{verbs: map[string]forceChoice{}, codes: map[string]forceChoice{}, state: map[string]bool{},
		person: map[string]string{}, crowds: map[string]bool{}, mutual: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		switch {
		case cols[0] == "state" && len(cols) == 2:
			ft.state[cols[1]] = true
		case cols[0] == "crowd" && len(cols) == 2 && cols[1] != "":
			ft.crowds[strings.ToLower(cols[1])] = true
		case cols[0] == "mutual" && len(cols) == 2 && cols[1] != "":
			for _, f := range append(VerbForms(cols[1]), cols[1]) {
				ft.mutual[f] = true
			}
		case cols[0] == "person" && len(cols) == 3 && cols[1] != "":
			if r, ok := graph.PredicateInfo(cols[2]); !ok || !r.IsEvent() {
				return nil, fmt.Errorf("%s line %d: %q is not an event predicate", path, n, cols[2])
			}
			for _, f := range append(VerbForms(cols[1]), cols[1]) {
				ft.person[f] = cols[2]
			}
		case (cols[0] == "verb" || cols[0] == "code") && len(cols) == 3 && cols[1] != "":
			c, err := parseForceChoice(cols[2])
			if err != nil {
				return nil, fmt.Errorf("%s line %d: %w", path, n, err)
			}
			if cols[0] == "verb" {
				// The verb's regular forms too: a dictionary may give
				// the form read ("killed") where it lists no lemma.
				for _, f := range append(VerbForms(cols[1]), cols[1]) {
					ft.verbs[f] = c
				}
			} else {
				ft.codes[cols[1]] = c
			}
		default:
			return nil, fmt.Errorf("%s line %d: want verb|code|person, key and choice, or state|crowd|mutual and who, tab-separated", path, n)
		}
	}
	return ft, sc.Err()
}

// choice returns the table's choice for a verb lemma and CAMEO code: the
// verb's line, else the longest code prefix's, else the zero choice.
func (ft *forceTable) choice(lemma, code string) forceChoice {
	if c, ok := ft.verbs[lemma]; ok {
		return c
	}
	for k := len(code); k > 0; k-- {
		if c, ok := ft.codes[code[:k]]; ok {
			return c
		}
	}
	return forceChoice{}
}

// isState reports whether an actor (its reference and the sector it acts
// through) is a state's forces.
func (ft *forceTable) isState(r *ref, sector string) bool {
	switch r.typ {
	case graph.Person:
		return true
	case graph.Country:
		if sector == "" {
			sector = "-"
		}
		return ft.state[sector]
	case graph.Organization:
		return ft.state[r.name]
	}
	return false
}

// personal returns the predicate of an event of force pred whose verb is
// lemma done by r: a person line's predicate when r is a person
// ("clashed with the president" is in words: criticized), else pred.
func (ft *forceTable) personal(pred, lemma string, r *ref) string {
	if p := ft.person[lemma]; p != "" && r.typ == graph.Person && (pred == graph.Fought || pred == graph.Attacked) {
		return p
	}
	return pred
}

// decide returns the predicate of an event pred (as its phrasing or CAMEO
// code first read it) done by the actor r acting through sector, whose
// verb is lemma with CAMEO code code; byActor says the phrasing itself
// chose fought/attacked. The table's choice applies to events of force
// (fought, attacked) and to events of one of the choice's own predicates
// ("block" is coerced by the police, protested by strikers); a person
// doing a verb of a person line does its predicate ("clashed with":
// criticized, in words); other
// predicates, and a table with no line for the verb or the code, keep
// pred. ft may be nil (no table).
func (ft *forceTable) decide(pred, lemma, code string, byActor bool, r *ref, sector string) string {
	if ft == nil || r == nil {
		return pred
	}
	if p := ft.personal(pred, lemma, r); p != pred {
		return p
	}
	c := ft.choice(lemma, code)
	if byActor {
		c = forceChoice{state: graph.Fought, other: graph.Attacked}
	}
	if c.state == "" || pred != graph.Fought && pred != graph.Attacked && pred != c.state && pred != c.other {
		return pred
	}
	if ft.isState(r, sector) {
		return c.state
	}
	return c.other
}

// repressed returns the predicate of an event pred done by the actor s
// acting through sector on the object o: force (fought, attacked) that a
// state's forces use on a crowd of protest (o's words name one of the
// table's crowds: "fired on protesters", "clashed with demonstrators") is
// coerced, PLOVER's repression (COERCE; CAMEO 175), not combat; a clash
// told from the crowd's side ("protesters clashed with police") is the
// same repression when its verb (lemma) is one of force both sides use,
// swap reporting that o, the forces, did it to s ("demonstrators
// launched missiles at the government" stays the demonstrators'). Any
// other event keeps pred. ft may be nil (no table).
func (ft *forceTable) repressed(pred, lemma string, s *unit, o *unit) (p string, swap bool) {
	if ft == nil || s == nil || o == nil || s.ref == nil || o.ref == nil || pred != graph.Fought && pred != graph.Attacked {
		return pred, false
	}
	switch {
	case ft.isState(s.ref, s.sector) && ft.crowd(o):
		return graph.Coerced, false
	case ft.mutual[lemma] && ft.crowd(s) && o.ref.typ == graph.Country && o.sector != "" && ft.isState(o.ref, o.sector):
		return graph.Coerced, true
	}
	return pred, false
}

// crowd reports whether u's words name one of the table's crowds.
func (ft *forceTable) crowd(u *unit) bool {
	for _, w := range strings.Fields(strings.ToLower(u.text)) {
		if ft.crowds[strings.Trim(w, ",.;:'\"")] {
			return true
		}
	}
	return false
}
