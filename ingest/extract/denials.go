package extract

import (
	"github.com/geokg/geokg/graph"
)

// denialRe reads a denial whose accuser goes unnamed: "Baku denied the
// accusation", "Moscow rejected the claims", "the Kremlin has dismissed
// these allegations". A denial that names its accuser ("dismissed the
// allegations by Washington", "rejected Kyiv's claims") is a lexicon
// phrase of its own.
var denialRe = compile(`%S% %AUX%%ADV%(?:denied|rejected|dismissed|refuted|rebuffed|repudiated|brushed aside) (?:the|these|those|such|all|all the|all such) (?:[a-z\-]+ ){0,2}?(?P<n>accusations?|allegations?|claims?|charges?)\b`)

// denialAccuserAfterRe is what names the accuser right after the denied
// noun ("the accusations by Armenia", "the claims of Ukrainian officials").
var denialAccuserAfterRe = lazyRegexp(`^ (?:(?:made|levelled|leveled|voiced) )?(?:by|from|of) `)

// readDenials states who rejected whom for a denial of denialRe: the
// accuser is the one who accused or criticized the denier, as the article
// told it in this sentence or the one before; the
// denier is the subject, a country also when written as its capital. An
// accusation of no one, or of more than one accuser, states nothing.
func (d *doc) readDenials(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(denialRe, tpl, units, pos) {
		if negated(tpl, m.loc[0]) || denialAccuserAfterRe.MatchString(tpl[m.loc[1]:]) {
			continue
		}
		for _, s := range m.all("s") {
			if s.ref == nil || !actor(s) {
				continue
			}
			acc := d.accuserOf(s.ref, sentIdx)
			if acc == nil {
				continue
			}
			d.add(&cand{pred: graph.Rejected, subj: s.ref, subjText: s.text, obj: acc.subj, objText: acc.subjText,
				subjSec: s.sector, objSec: acc.subjSec, base: confVerb, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
		}
	}
}

// accuserOf returns the candidate of sentence sentIdx or the one before
// in which one side accused or criticized r, when exactly one accuser
// did; nil otherwise.
func (d *doc) accuserOf(r *ref, sentIdx int) *cand {
	var found *cand
	for k := len(d.cands) - 1; k >= 0; k-- {
		c := d.cands[k]
		if c.sentIdx < sentIdx-1 {
			break
		}
		if c.pred != graph.Accused && c.pred != graph.Criticized || c.obj == nil || c.subj == nil ||
			c.obj.name != r.name || c.subj.name == r.name {
			continue
		}
		if found != nil && found.subj.name != c.subj.name {
			return nil // two accusers: which one is denied is not said
		}
		found = c
	}
	return found
}

// reactionRe reads a condemnation of an act the sentence does not say
// who did: "Stockholm condemned the expulsions", "Ottawa denounced the
// arrests", "Kyiv slammed the strikes". The act was told just before
// ("Turkey expelled two Swedish diplomats on Monday."), and its author
// is the one criticized.
var reactionRe = compile(`%S% %AUX%%ADV%(?P<v>condemned|denounced|criticized|criticised|slammed|decried|deplored|protested|lambasted|blasted|opposed|rejected|dismissed|rebuffed) (?:the|these|those|this|that|such) (?:[a-z\-]+ ){0,2}?(?P<n>expulsions?|arrests?|detentions?|strikes?|airstrikes?|air strikes?|attacks?|raids?|shelling|bombings?|seizures?|incursions?|sanctions|tariffs|measures?|move|decision|threats?|warrants?|indictments?)\b`)

// reactionAuthorAfterRe is what names the act's author or scope right
// after its noun ("the strikes by Israel", "the sanctions against
// Russia", "the arrests of opposition leaders"): a phrase the lexicon
// and the coder read for themselves.
var reactionAuthorAfterRe = lazyRegexp(`^ (?:(?:carried out|imposed|made|ordered) )?(?:by|from|of|on|against|in) `)

// hostileActs are the predicates of the acts a reaction of reactionRe
// may be to: the condemner was their target.
var hostileActs = map[string]bool{graph.Sanctioned: true, graph.Coerced: true, graph.Attacked: true,
	graph.Fought: true, graph.Threatened: true}

// readReactions states who criticized whom for a condemnation of
// reactionRe whose act goes without its author: the author is the one
// side that, in this sentence or the one before, did a hostile act
// (hostileActs) to the condemner, a country also when written as its
// capital ("Tallinn"). Two authors, or none, state nothing.
func (d *doc) readReactions(units []*unit, tpl string, pos []int, st *sentence, sentIdx int) {
	for _, m := range d.findAll(reactionRe, tpl, units, pos) {
		if negated(tpl, m.loc[0]) || reactionAuthorAfterRe.MatchString(tpl[m.loc[1]:]) {
			continue
		}
		for _, s := range m.all("s") {
			if s.ref == nil || !actor(s) {
				continue
			}
			act := d.actorAgainst(s.ref, sentIdx)
			if act == nil {
				continue
			}
			pred := graph.Criticized
			if rejectVerbs[m.group("v")] {
				pred = graph.Rejected // "rejected the warrants as meaningless"
			}
			d.add(&cand{pred: pred, subj: s.ref, subjText: s.text, obj: act.subj, objText: act.subjText,
				subjSec: s.sector, objSec: act.subjSec, base: confVerb * 0.9, span: m.span(), sent: st, sentIdx: sentIdx, bound: boundDate})
		}
	}
}

// rejectVerbs are reactionRe's verbs of rejection.
var rejectVerbs = toSet("rejected dismissed rebuffed")

// headedBy reports whether the article says person p leads r ("the
// Taliban's supreme leader X": warrants for X are against the Taliban).
func (d *doc) headedBy(r, p *ref) bool {
	if p.typ != graph.Person {
		return false
	}
	for _, c := range d.cands {
		if c.pred == graph.Leads && !c.ended && c.subj != nil && c.obj != nil && c.subj.name == p.name && c.obj.name == r.name {
			return true
		}
	}
	return false
}

// actorAgainst returns the candidate of sentence sentIdx or the one
// before in which one side did a hostile act to r, when exactly one side
// did; nil otherwise.
func (d *doc) actorAgainst(r *ref, sentIdx int) *cand {
	var found *cand
	for k := len(d.cands) - 1; k >= 0; k-- {
		c := d.cands[k]
		if c.sentIdx < sentIdx-1 {
			break
		}
		if !hostileActs[c.pred] || c.obj == nil || c.subj == nil || c.obj.name != r.name && !d.headedBy(r, c.obj) || c.subj.name == r.name {
			continue
		}
		if found != nil && found.subj.name != c.subj.name {
			return nil // two authors: which act is condemned is not said
		}
		found = c
	}
	return found
}
