package extract

import "strings"

// A nominal frame tells an act with its agent as a possessive: "Her first
// act was to name X as prime minister", "His first decision as president
// was to appoint X", "One of his first moves was to nominate X". It reads
// as the agent doing the act ("she named X as prime minister"), so that
// every rule for the verb applies; an act still to come ("will be to
// name", "is to name") is not read.

// firstActNouns are the nouns of the frame.
var firstActNouns = toSet("act acts decision decisions move moves step steps order orders")

// irregularPast are the past tenses pastTense does not make, for the
// verbs the frame is found with.
var irregularPast = map[string]string{"choose": "chose", "meet": "met", "send": "sent", "hold": "held", "speak": "spoke",
	"make": "made", "give": "gave", "take": "took", "fly": "flew", "go": "went", "sign": "signed", "pick": "picked"}

// firstActAt reads the frame at toks[i] as two units, the agent (the
// possessive resolved as a pronoun) and the act's verb in the past, and
// returns them with the number of tokens read; nil when there is none or
// the possessive has no antecedent.
func (d *doc) firstActAt(toks []token, i int, units []*unit) ([]*unit, int) {
	low := func(k int) string {
		if k < len(toks) {
			return strings.ToLower(toks[k].text)
		}
		return ""
	}
	j := i
	if low(j) == "one" && low(j+1) == "of" {
		j += 2
	}
	poss := low(j)
	if poss != "his" && poss != "her" || low(j+1) != "first" || !firstActNouns[low(j+2)] {
		return nil, 0
	}
	k := j + 3
	for n := 0; n < 4 && k < len(toks) && low(k) != "was" && isWordTok(toks[k].text); n++ {
		k++ // "as president", "in office", "after taking office"
	}
	if low(k) != "was" || low(k+1) != "to" || k+2 >= len(toks) {
		return nil, 0
	}
	verb := toks[k+2]
	base := low(k + 2)
	if !isWordTok(base) || isCap(verb.text) || strings.HasSuffix(base, "ed") || strings.HasSuffix(base, "ing") {
		return nil, 0
	}
	r := d.pronounRef(units, poss)
	if r == nil {
		return nil, 0
	}
	past, ok := irregularPast[base]
	if !ok {
		past = pastTense(base)
	}
	return []*unit{
		{kind: kPerson, start: toks[j].start, end: toks[j].end, ref: r, pronoun: true},
		{kind: kWord, text: past, start: verb.start, end: verb.end},
	}, k + 3 - i
}
