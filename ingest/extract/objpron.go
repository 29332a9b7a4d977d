package extract

import "strings"

// An object pronoun ("him", "her") is read only where a sentence's own
// structure names its person: the object of the second of two verbs that
// share one subject ("X had been scheduled to meet Y on Thursday but met
// him on Friday"). The shared subject cannot be its own verb's object
// (that would be "himself"), so the pronoun is the one other person the
// sentence named before it whose known sex fits; with none or two, it
// stays unread.

// sharedSubjectJoins join a second verb to the first one's subject.
var sharedSubjectJoins = toSet("but and then instead")

// objectPronounFollowers may come right after "her" used as an object
// ("met her on Friday", "met her instead"); any other word makes it a
// possessive ("met her counterpart").
var objectPronounFollowers = toSet("on in at for during after before again instead later today yesterday twice " +
	"briefly there privately separately")

// objectPronounRef resolves the object pronoun toks[i] ("him", "her"),
// the units before it read, or returns nil (see above).
func (d *doc) objectPronounRef(units []*unit, toks []token, lows []string, i int) *ref {
	w := lows[i]
	if w != "him" && w != "her" {
		return nil
	}
	if w == "her" && i+1 < len(toks) && isWordTok(toks[i+1].text) && !objectPronounFollowers[lows[i+1]] {
		return nil // "met her counterpart": a possessive
	}
	// A verb phrase of up to three words right before ("met", "held
	// talks with"), or seven ending in "with" ("signed a border pact
	// with"), after a join with no subject of its own between:
	// "but met him", "and then met her", "but held talks with her".
	n := len(units)
	k := n - 1
	span := 4
	if n > 0 && units[n-1].lower() == "with" {
		span = 8 // "and signed a border security pact with him": the partner of the second verb
	}
	for k >= 0 && n-k <= span && units[k].kind == kWord && !sharedSubjectJoins[units[k].lower()] {
		k--
	}
	if k < 1 || k == n-1 || units[k].kind != kWord || !sharedSubjectJoins[units[k].lower()] {
		return d.guestRef(units, pronounGender(w))
	}
	for k > 1 && units[k-1].kind == kWord && sharedSubjectJoins[units[k-1].lower()] {
		k-- // "but instead", "and then"
	}
	if v := k + 1; units[v].kind != kWord || !isVerbLike(units[v].lower()) {
		if !coderAdverbs[units[v].lower()] || v+1 >= n || !isVerbLike(units[v+1].lower()) {
			return nil
		}
	}
	want := pronounGender(w)
	var subject, only *ref
	for j, u := range units[:k] {
		if u.kind != kPerson || u.ref == nil || u.ref.conf < 0.7 || j > 0 && units[j-1].text == "(" {
			continue // a name in brackets is an aside ("LIMA (Wire) -"), no subject
		}
		if subject == nil {
			subject = u.ref // the sentence's subject, shared by the second verb
			continue
		}
		if u.ref.name == subject.name || !d.fits(u.ref.name, want) || only != nil && only.name == u.ref.name {
			continue
		}
		if only != nil {
			return nil // two others: ambiguous
		}
		only = u.ref
	}
	if only == nil {
		return nil
	}
	d.learnGender(only.name, want, false)
	return &ref{only.typ, only.name, only.conf * confPronoun}
}

// guestVerbs receive a visitor as their object ("received her at State
// House", "welcomed him to Lisbon").
var guestVerbs = toSet("received receives welcomed welcomes hosted hosts greeted greets met meets")

// guestRef resolves the object pronoun of a host's verb ("President Ruto
// received her at State House"), units being the sentence read up to the
// pronoun: the verb (an adverb may stand before it) right after a named
// person, its subject. The one a host receives was named before: the
// pronoun is the one other person whose known sex fits it named earlier
// in the sentence ("X arrived in Lisbon; Montenegro received him"), else
// in the latest of the last sentences that named people; nil when that
// sentence or clause names two or none.
func (d *doc) guestRef(units []*unit, want byte) *ref {
	v := len(units) - 1
	if v < 1 || units[v].kind != kWord || !guestVerbs[units[v].lower()] {
		return nil
	}
	s := v - 1
	if units[s].kind == kWord && (coderAdverbs[units[s].lower()] || units[s].lower() == "later") {
		s--
	}
	if s < 0 || units[s].kind != kPerson || units[s].ref == nil || units[s].ref.conf < 0.7 || units[s].pronoun {
		return nil
	}
	host := units[s].ref.name
	var before []*ref
	for _, u := range units[:s] {
		if u.kind == kPerson && u.ref != nil && u.ref.conf >= 0.7 {
			before = append(before, u.ref)
		}
	}
	groups := append([][]*ref{before}, nil)
	for k := len(d.recent) - 1; k >= 0; k-- {
		groups = append(groups, d.recent[k])
	}
	for _, g := range groups {
		var only *ref
		for _, r := range g {
			if r.name == host || !d.fits(r.name, want) || only != nil && only.name == r.name {
				continue
			}
			if only != nil {
				return nil // two who may be the guest: ambiguous
			}
			only = r
		}
		if only != nil {
			d.learnGender(only.name, want, false)
			return &ref{only.typ, only.name, only.conf * confPronoun}
		}
	}
	return nil
}

// isVerbLike reports whether w, a lower-case word, may be an inflected
// verb: a past in "-ed" or a common irregular past or present form of
// the verbs that take a person as object.
func isVerbLike(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") || irregularObjectVerbs[w]
}

// irregularObjectVerbs are the irregular pasts of verbs that take a person.
var irregularObjectVerbs = toSet("met meet saw see told tell took take gave give hit struck fought sought brought " +
	"held hold")
