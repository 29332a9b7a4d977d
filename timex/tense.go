package timex

import "strings"

// Words that tell a weekday's clause is about what is still to come.
var (
	// futureModals state a future or a future seen from the past ("will
	// meet", "said she would begin"); "would have" is a past that did not
	// happen and is no future.
	futureModals = map[string]bool{"will": true, "shall": true, "would": true, "ll": true, "won": true}
	// scheduleWords before "to" after a present form of "be" state a plan
	// or a timetable: "are due to meet", "is scheduled to visit", "is set
	// to sign", "are expected to vote".
	scheduleWords = map[string]bool{"due": true, "scheduled": true, "slated": true, "set": true, "expected": true,
		"poised": true, "going": true, "about": true, "planning": true, "preparing": true}
	// planVerbs before "to" state a plan in the present: "plans to travel".
	planVerbs = map[string]bool{"plan": true, "plans": true, "intend": true, "intends": true, "aim": true,
		"aims": true, "hope": true, "hopes": true}
	// presentBe are the present forms of "be": "is to visit", "are due to".
	presentBe = map[string]bool{"is": true, "are": true, "am": true, "s": true, "re": true}
	// beForms before a participle make it a passive of the clause's own
	// verb ("will be signed on Friday"), not a past of its own; after a
	// determiner (newSubjects) it is an adjective ("the flooded provinces").
	beForms = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "was": true, "were": true}
	// clauseOpeners end the clause a weekday is read in, looking back
	// from it: what came before them is another clause, with its own tense.
	clauseOpeners = map[string]bool{"who": true, "which": true, "that": true, "when": true, "where": true,
		"while": true, "after": true, "before": true, "because": true, "since": true, "although": true,
		"though": true, "whereas": true, "unless": true, "until": true, "if": true, "as": true, "but": true,
		"whom": true, "whose": true, "once": true}
	// newSubjects after "and" open a coordinated clause with its own
	// subject ("will fly home, and he met …"): its tense is its own.
	newSubjects = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
		"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "our": true}
)

// aheadClause reports whether the clause holding token i, read back from
// it to the clause's start, is about what is still to come: a future or a
// future seen from the past ("will hold talks on Tuesday", "said she would
// begin talks on Monday"), or a plan or timetable in the present ("are due
// to meet on Friday", "is scheduled to visit on Thursday", "is to sign on
// Friday", "plans to travel on Monday"). A clause in the past ("met on
// Monday", "was due to meet on Monday", "would have met on Monday") is
// not; nor is a clause before a comma, a relative or subordinate word
// ("who", "after", "that", …) or an "and" opening a new subject, since
// that clause's tense is its own, nor past a word in "-ed" that is no
// passive ("will study the plan approved on Monday": the participle's
// date is its own).
func (p *parser) aheadClause(i int) bool {
	for k := i - 1; k >= 0; k-- {
		t := &p.toks[k]
		if t.kind == tPunct {
			if t.low == "'" || t.low == "’" || t.low == "-" {
				continue // "she'll", "won't", "long-planned"
			}
			return false
		}
		if t.kind != tWord {
			continue
		}
		switch {
		case clauseOpeners[t.low]:
			return false
		case t.low == "and" && k+1 < i && (p.toks[k+1].upper || newSubjects[p.toks[k+1].low]):
			return false
		case futureModals[t.low]:
			if t.low == "ll" && !p.isPunct(k-1, "'", "’") || t.low == "won" && !p.isWord(k+2, "t") {
				continue // "won on Sunday" is a past; "won't" a future
			}
			return !p.isWord(k+1, "have") && !p.isWord(k+2, "have")
		case len(t.low) > 4 && strings.HasSuffix(t.low, "ed") && !beForms[p.lowAt(k-1)] && !newSubjects[p.lowAt(k-1)]:
			return false // a participle with its own time: "would not comment on the talks opened on Monday"
		case t.low == "to" && k > 0:
			prev := &p.toks[k-1]
			switch {
			case planVerbs[prev.low]:
				return true
			case presentBe[prev.low]:
				return true // "is to visit"
			case scheduleWords[prev.low] && k > 1 && presentBe[p.toks[k-2].low]:
				return true
			}
		}
	}
	return false
}

// irregularPasts are common past forms without "-ed" that give a
// subject a past of its own: "the talks held on Monday", "what they
// agreed and signed".
var irregularPasts = map[string]bool{"held": true, "met": true, "made": true, "won": true, "lost": true,
	"took": true, "taken": true, "began": true, "begun": true, "gave": true, "given": true, "struck": true,
	"fought": true, "sent": true, "said": true, "told": true, "spoke": true, "came": true, "went": true}

// aheadSubject reports whether the weekday at token i (its "on" and the
// words before it included) ends a subject whose verb, right after it,
// is a future: "Talks between the two sides on Friday will focus on
// trade", "The vote on Monday shall decide". A subject that holds a past
// of its own ("The talks held on Monday will …": a participle in "-ed",
// "was", "had") keeps the weekday in the past.
func (p *parser) aheadSubject(i int) bool {
	k := i + 1
	if p.isWord(k, "morning", "afternoon", "evening", "night") {
		k++
	}
	if w := p.lowAt(k); w != "will" && w != "shall" {
		return false
	}
	for j := i - 1; j >= 0; j-- {
		t := &p.toks[j]
		if t.kind == tPunct {
			return true // the clause starts after it
		}
		if t.kind != tWord {
			continue
		}
		switch {
		case clauseOpeners[t.low] || futureModals[t.low]:
			return true
		case t.low == "was" || t.low == "were" || t.low == "had" || t.low == "did" || irregularPasts[t.low]:
			return false
		case len(t.low) > 4 && strings.HasSuffix(t.low, "ed"):
			return false
		}
	}
	return true
}

// lowAt returns the lower-case text of token k, or "" when there is none.
func (p *parser) lowAt(k int) string {
	if t := p.tok(k); t != nil {
		return t.low
	}
	return ""
}
