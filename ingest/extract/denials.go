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
