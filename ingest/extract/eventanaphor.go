package extract

import (
	"github.com/geokg/geokg/graph"
)

// An event told as a definite noun whose sides an earlier sentence named
// ("Berg is due to visit Oslo. The long-planned visit took place on
// Tuesday"; "Kenya and Uganda had planned a summit. The summit went
// ahead in Nairobi on Monday") is that event, done: the act of the
// latest visit or meeting (planned or told) of the last few sentences,
// dated and placed by this sentence.

// eventAnaphorRe reads such a sentence's opening from its template: a
// determiner, up to three plain words ("long-planned", "much-delayed"),
// the noun and a verb of taking place told as done. A noun with its own
// sides ("the visit of <P3> to <C6>") is the event rules'.
var eventAnaphorRe = lazyRegexp(`^(?:the|this|that|their|his|her|its) (?:[a-z\-]+ ){0,3}?(?P<n>visit|trip|summit|meeting|talks)(?: itself)? (?:[a-z]+ly )?(?:took place|went ahead|was held|were held|happened|went off|did take place|did go ahead)\b`)

// anaphorActs are the acts the nouns of eventAnaphorRe name.
var anaphorActs = map[string]string{"visit": graph.Visited, "trip": graph.Visited,
	"summit": graph.Met, "meeting": graph.Met, "talks": graph.Met}

// anaphorReach is how many sentences back the event's first telling may be.
const anaphorReach = 3

// readEventAnaphor states the act an event noun opening sentence st
// refers back to (see above); units are the sentence's, cands from n0 on
// its own candidates.
func (d *doc) readEventAnaphor(units []*unit, st *sentence, sentIdx, n0 int) {
	if hasEvent(d.cands[n0:]) {
		return
	}
	tpl, pos := template(units)
	m := eventAnaphorRe.FindStringSubmatchIndex(tpl)
	if m == nil {
		return
	}
	act := anaphorActs[tpl[m[2]:m[3]]]
	var ante *cand
	for k := n0 - 1; k >= 0 && ante == nil; k-- {
		c := d.cands[k]
		if c.sentIdx < sentIdx-anaphorReach {
			break
		}
		if c.subj != nil && c.obj != nil && graph.IsEvent(c.pred) && (c.act == act || c.act == "" && c.pred == act) {
			ante = c
		}
	}
	if ante == nil {
		return
	}
	c := &cand{pred: act, subj: ante.subj, subjText: ante.subjText, obj: ante.obj, objText: ante.objText,
		subjSec: ante.subjSec, objSec: ante.objSec, base: confNominal, span: [2]int{0, len(st.text)},
		sent: st, sentIdx: sentIdx, bound: boundDate}
	// "went ahead in Nairobi": the place, after the verb.
	for k := unitAt(pos, m[1]); k >= 0 && k+1 < len(units); k++ {
		if u := units[k]; u.kind == kWord && (u.lower() == "in" || u.lower() == "at") &&
			(units[k+1].kind == kCountry || units[k+1].kind == kPlace) && !units[k+1].demonym {
			c.loc = units[k+1].text
			break
		}
	}
	d.add(c)
}
