package queries

import (
	"context"
	"regexp"
	"strings"
	"sync"

	"github.com/geokg/geokg/graph"
)

// Form is the kind of a question.
type Form string

// The question forms Ask reads; each has one row in the form table.
const (
	FormHolders         Form = "holders"
	FormPositionHolders Form = "position_holders"
	FormPositions       Form = "positions"
	FormBecame          Form = "became"
	FormStopped         Form = "stopped"
	FormNominated       Form = "nominated"
	FormAppointed       Form = "appointed"
	FormWhere           Form = "where"
	FormWhen            Form = "when"
	FormInteractions    Form = "interactions"
	FormMembers         Form = "members"
	FormTarget          Form = "target"
	FormTimeline        Form = "timeline"
	FormPath            Form = "path"
)

// AnswerKind says what each answer to a question of a form is.
type AnswerKind string

// The kinds of answers.
const (
	// AnswerTerms: an entity (a holder, a member, an office, a target)
	// with the period it held, Start and End.
	AnswerTerms AnswerKind = "terms"
	// AnswerDates: an office with the day a term of it began or ended,
	// Date.
	AnswerDates AnswerKind = "dates"
	// AnswerCounterparts: the other side of events, with their Count and
	// the first Date.
	AnswerCounterparts AnswerKind = "counterparts"
	// AnswerFacts: one fact, named by a short sentence.
	AnswerFacts AnswerKind = "facts"
	// AnswerPaths: one chain of facts linking two entities, named by the
	// chain.
	AnswerPaths AnswerKind = "paths"
	// AnswerPeople: a person nominated to or appointed to an office
	// ("Michael Waltz", or "Michael Waltz as National Security Adviser"
	// when the question named no office), with the Date of the
	// nomination or of the term's start.
	AnswerPeople AnswerKind = "people"
	// AnswerPlaces: a place where events took place, with their Count and
	// the first Date.
	AnswerPlaces AnswerKind = "places"
	// AnswerEvents: one event, named by a short sentence with its place,
	// with its Date.
	AnswerEvents AnswerKind = "events"
)

// Pattern is one way of asking a form: a regular expression matched,
// case-insensitively, against the whole question without its time phrase
// and closing punctuation. Its named groups fill the slots of Parsed:
// subject, object, role, and most (any text sets Most).
type Pattern struct {
	Re string
	// Predicate and Passive are set on the Parsed of an interaction
	// pattern: the predicate its verb names, and whether the asked
	// entity is the object ("who met X").
	Predicate string
	Passive   bool
}

// FormSpec is one row of the form table: a question form with everything
// the code asks of it. Adding a form is one row plus its answer method.
type FormSpec struct {
	Form Form
	// Help is the form as help texts write it.
	Help string
	// Patterns are tried in order; the first that matches wins.
	Patterns []Pattern
	// CatchAll forms read almost any "who is / was the X …" question
	// ("who were the members of NATO" too), so their patterns are tried
	// after those of every other form.
	CatchAll bool
	// Answer is what each answer of the form is.
	Answer AnswerKind
	// Examples are questions of the form: the first is the one help
	// shows; all are offered as the closest forms to a question no form
	// reads, and each parses to this form (tested).
	Examples []string
	// answer answers a question parsed to the form.
	answer func(a *asker, ctx context.Context) error
}

// reThe and rePoss are pieces of patterns: an optional "the", a
// possessive.
const (
	reThe  = `(?:the\s+)?`
	rePoss = `(?:'s|’s|')`
	// reAsOffice introduces the office of a nomination or appointment.
	reAsOffice = `(?:as|for|to\s+be|to\s+serve\s+as|to\s+become|to\s+lead|to\s+head|to\s+the\s+(?:post|position|role|job)\s+of)\s+` + reThe
	// reWas is the auxiliary of a passive nomination or appointment.
	reWas = `(?:was|were|has\s+been|have\s+been|had\s+been|is|are|got)`
	// reNominated and reNominate are the verbs of a nomination.
	reNominated = `(?:nominated|picked|tapped|chosen|selected|designated|put\s+forward)`
	reNominate  = `(?:nominate|pick|tap|choose|select|designate|put\s+forward)`
	// reAppointed and reAppoint are the verbs of an appointment.
	reAppointed = `(?:appointed|named|made|sworn\s+in|installed|confirmed)`
	reAppoint   = `(?:appoint|name|make|install|swear\s+in|confirm)`
)

// formTable returns the forms in the order help lists them and
// suggestions are offered. Their patterns are tried in this order too,
// except that those of catch-all forms come after all others. The table
// is built on first use, not when the program loads: its patterns are
// read from the predicate table, and most geokg processes never ask.
var formTable = sync.OnceValue(func() []FormSpec {
	return []FormSpec{
		{
			Form: FormHolders, CatchAll: true, Help: "who leads / led / was the ROLE of ORG-or-COUNTRY [on DATE]", Answer: AnswerTerms, answer: (*asker).holders,
			Patterns: []Pattern{
				{Re: `(?:who|which\s+person)\s+(?:leads|led|is\s+leading|was\s+leading|heads|headed|runs|ran|governs|governed|rules|ruled|(?:is|was)\s+in\s+charge\s+of|(?:is|was)\s+at\s+the\s+helm\s+of)\s+` + reThe + `(?P<object>.+)`},
				{Re: `who\s+(?:is|was|were|are)\s+` + reThe + `(?:leader|head|chief)\s+of\s+` + reThe + `(?P<object>.+)`},
				{Re: `who\s+(?:is|was|were|are|served\s+as|serves\s+as)\s+` + reThe + `(?P<role>.+?)\s+of\s+` + reThe + `(?P<object>.+)`},
				{Re: `who\s+(?:is|was|were|are)\s+` + reThe + `(?P<object>.+?)` + rePoss + `\s+(?P<role>.+)`},
			},
			Examples: []string{"who led NATO on 1 June 2024?", "who was the prime minister of Japan in March 2025?"},
		},
		{
			Form: FormPositionHolders, CatchAll: true, Help: "who held / was POSITION [on DATE]", Answer: AnswerTerms, answer: (*asker).positionHolders,
			Patterns: []Pattern{
				{Re: `who\s+(?:held|holds|has\s+held|had|was|is|were|served\s+as|serves\s+as|has\s+been)\s+` + reThe + `(?:(?:position|post|office|role|job)\s+of\s+)?` + reThe + `(?P<object>.+)`},
			},
			Examples: []string{"who held National Security Adviser in 2025?"},
		},
		{
			Form: FormPositions, Help: "what positions has PERSON held", Answer: AnswerTerms, answer: (*asker).positions,
			Patterns: []Pattern{
				{Re: `(?:what|which)\s+(?:positions|posts|offices|roles|jobs|titles)\s+(?:has|have|had|did|does|do)\s+(?P<subject>.+?)\s+(?:held|hold|had|have|occupied|occupy)`},
			},
			Examples: []string{"what positions has Jens Stoltenberg held?"},
		},
		{
			Form: FormBecame, Help: "when did PERSON become ROLE-or-POSITION", Answer: AnswerDates, answer: (*asker).tenure,
			Patterns: []Pattern{
				{Re: `when\s+did\s+(?P<subject>.+?)\s+(?:become|take\s+office\s+as|start\s+as|begin\s+as|get\s+(?:appointed|elected|named)\s+(?:as\s+)?)\s+` + reThe + `(?P<role>.+)`},
				{Re: `when\s+(?:was|were)\s+(?P<subject>.+?)\s+(?:appointed|named|elected|sworn\s+in|made)(?:\s+as)?\s+` + reThe + `(?P<role>.+)`},
			},
			Examples: []string{"when did Mark Rutte become Secretary General?"},
		},
		{
			Form: FormStopped, Help: "when did PERSON stop being ROLE-or-POSITION", Answer: AnswerDates, answer: (*asker).tenure,
			Patterns: []Pattern{
				{Re: `when\s+did\s+(?P<subject>.+?)\s+(?:stop\s+being|cease\s+to\s+be|leave\s+office\s+as|step\s+down\s+as|resign\s+as|leave(?:\s+the\s+post\s+of)?|quit\s+as)\s+` + reThe + `(?P<role>.+)`},
			},
			Examples: []string{"when did Jens Stoltenberg stop being Secretary General?"},
		},
		{
			Form: FormNominated, Help: "who was nominated [as OFFICE]; who did X nominate [as OFFICE]", Answer: AnswerPeople, answer: (*asker).nominated,
			Patterns: []Pattern{
				{Re: `who\s+` + reWas + `\s+` + reNominated + `(?:\s+` + reAsOffice + `(?P<role>.+))?`},
				{Re: `(?:who|whom)\s+(?:did|has|have|had|does|do)\s+(?P<subject>.+?)\s+` + reNominate + `(?:\s+` + reAsOffice + `(?P<role>.+))?`},
				{Re: `who\s+(?:is|was|are|were)\s+(?P<subject>.+?)` + rePoss + `\s+(?:nominees?|picks?|choices?|candidates?)(?:\s+(?:for|as)\s+` + reThe + `(?P<role>.+))?`},
				{Re: `who\s+(?:is|was|are|were)\s+the\s+(?:nominees?|picks?|candidates?)\s+(?:for|as)\s+` + reThe + `(?P<role>.+)`},
			},
			Examples: []string{"who was nominated as national security adviser?", "who did Donald Trump nominate?"},
		},
		{
			Form: FormAppointed, Help: "who was appointed OFFICE; who did X appoint / name [as OFFICE]", Answer: AnswerPeople, answer: (*asker).appointed,
			Patterns: []Pattern{
				{Re: `who\s+` + reWas + `\s+` + reAppointed + `(?:\s+as|\s+to\s+be|\s+to)?\s+` + reThe + `(?P<role>.+)`},
				{Re: `(?:who|whom)\s+(?:did|has|have|had|does|do)\s+(?P<subject>.+?)\s+` + reAppoint + `(?:(?:\s+as|\s+to\s+be|\s+to)?\s+` + reThe + `(?P<role>.+))?`},
			},
			Examples: []string{"who was appointed national security adviser?", "who did Donald Trump appoint?"},
		},
		{
			Form: FormWhere, Answer: AnswerPlaces, answer: (*asker).where,
			Help:     "where did X meet / visit / ... [Y] [in ...]",
			Patterns: placeTimePatterns(`where`),
			Examples: []string{"where did Donald Trump meet Mark Rutte?", "where did Trump and Zelensky meet in 2025?"},
		},
		{
			Form: FormWhen, Answer: AnswerEvents, answer: (*asker).when,
			Help:     "when did X meet / speak with / ... Y",
			Patterns: placeTimePatterns(`when`),
			Examples: []string{"when did Donald Trump meet Mark Rutte?"},
		},
		{
			Form: FormInteractions, Answer: AnswerCounterparts, answer: (*asker).interactions,
			Help:     "who did X VERB [in ...]; whom did X meet most; who sanctioned X; VERB: " + askVerbs(),
			Patterns: interactionPatterns(),
			Examples: []string{
				"who did Donald Trump meet between March and May 2025?",
				"whom did Donald Trump meet most?",
				"who did the European Union sanction in 2025?",
			},
		},
		{
			Form: FormMembers, Help: "which countries were members of ORG [on DATE]", Answer: AnswerTerms, answer: (*asker).members,
			Patterns: []Pattern{
				{Re: `(?:which|what)\s+(?:countries|states|nations|members|countries\s+and\s+territories)\s+(?:were|are|was|is)\s+(?:members?\s+of|in|part\s+of|belonging\s+to)\s+` + reThe + `(?P<object>.+)`},
				{Re: `(?:which|what)\s+(?:countries|states|nations)\s+(?:belong(?:ed|s)?\s+to|(?:have\s+)?joined)\s+` + reThe + `(?P<object>.+)`},
				{Re: `(?:who|what)\s+(?:are|were|was|is)\s+(?:the\s+)?members\s+of\s+` + reThe + `(?P<object>.+)`},
				{Re: `(?:who|what)\s+(?:are|were)\s+` + reThe + `(?P<object>.+?)` + rePoss + `\s+members`},
			},
			Examples: []string{"which countries were members of NATO on 2024-06-01?"},
		},
		{
			Form: FormTarget, Help: "what is ORG's target [on DATE]", Answer: AnswerTerms, answer: (*asker).target,
			Patterns: []Pattern{
				{Re: `what\s+(?:is|was|are|were)\s+` + reThe + `(?P<subject>.+?)` + rePoss + `\s+(?:[\w-]+\s+)*?(?:target|goal|objective)s?`},
				{Re: `what\s+(?:is|was|are|were)\s+the\s+(?:[\w-]+\s+)*?(?:target|goal|objective)s?\s+of\s+` + reThe + `(?P<subject>.+)`},
			},
			Examples: []string{"what is NATO's spending target?"},
		},
		{
			Form: FormTimeline, Help: "what happened with X [in ...]", Answer: AnswerFacts, answer: (*asker).timeline,
			Patterns: []Pattern{
				{Re: `what\s+happened\s+(?:with|to|involving|regarding|around|about)\s+(?P<subject>.+)`},
				{Re: `(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:timeline|history)\s+(?:of|for)\s+(?P<subject>.+)`},
				{Re: `what\s+(?:has|did)\s+(?P<subject>.+?)\s+(?:do|done)`},
			},
			Examples: []string{"what happened with Finland in 2023?"},
		},
		{
			Form: FormPath, Help: "what links X and Y / how is X connected to Y", Answer: AnswerPaths, answer: (*asker).path,
			Patterns: []Pattern{
				{Re: `what\s+(?:links|connects|link|connect|ties)\s+(?P<subject>.+?)\s+(?:and|to|with)\s+(?P<object>.+)`},
				{Re: `how\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+(?:connected|linked|related|tied)\s+(?:to|with)\s+(?P<object>.+)`},
				{Re: `how\s+(?:is|are|was|were)\s+(?P<subject>.+?)\s+and\s+(?P<object>.+?)\s+(?:connected|linked|related|tied)`},
				{Re: `what\s+is\s+the\s+(?:connection|link|relationship|path)\s+(?:between|from)\s+(?P<subject>.+?)\s+(?:and|to)\s+(?P<object>.+)`},
			},
			Examples: []string{"how is Michael Waltz connected to Mark Rutte?", "what links Narendra Modi and NATO?"},
		},
	}
})

// interactionPatterns reads "who (or what) did X VERB [most]" and "who VERBED X
// [most]" for every predicate the predicate table gives ask verbs, and
// "which countries did X visit".
func interactionPatterns() []Pattern {
	const most = `(?P<most>\s+(?:the\s+)?most(?:\s+often)?)?`
	var ps []Pattern
	for _, p := range graph.PredicateTable() {
		if !p.Asked() {
			continue
		}
		ps = append(ps,
			Pattern{Re: `(?:who|whom|what)\s+(?:did|has|have|does|do)\s+(?P<subject>.+?)\s+(?:` + p.AskActive + `)` + most, Predicate: p.Name},
			Pattern{Re: `(?:who|which\s+\w+)\s+(?:` + p.AskPassive + `)\s+(?P<subject>.+?)` + most, Predicate: p.Name, Passive: true})
	}
	return append(ps, Pattern{Re: `(?:which|what)\s+(?:countries|places|cities)\s+(?:did|has|have)\s+(?P<subject>.+?)\s+visit(?:ed)?`, Predicate: graph.Visited})
}

// placeTimePatterns reads "WH did X VERB [Y]" and, for symmetric
// predicates, "WH did X and Y VERB", for every predicate the predicate
// table gives ask verbs; wh is "where" or "when".
func placeTimePatterns(wh string) []Pattern {
	var ps []Pattern
	for _, p := range graph.PredicateTable() {
		if !p.Asked() {
			continue
		}
		if p.Symmetric {
			ps = append(ps, Pattern{Re: wh + `\s+(?:did|have|had|do)\s+(?P<subject>.+?)\s+and\s+(?P<object>.+?)\s+(?:` + p.AskActive + `)(?:\s+each\s+other)?`, Predicate: p.Name})
		}
		ps = append(ps, Pattern{Re: wh + `\s+(?:did|has|have|had|does|do)\s+(?P<subject>.+?)\s+(?:` + p.AskActive + `)(?:\s+(?P<object>.+))?`, Predicate: p.Name})
	}
	return ps
}

// askVerbs lists the verbs of interaction questions, from the predicate
// table: "meet / visit / speak with / …".
func askVerbs() string {
	var vs []string
	for _, p := range graph.PredicateTable() {
		if p.Asked() {
			vs = append(vs, p.AskVerb)
		}
	}
	return strings.Join(vs, " / ")
}

// Forms returns the rows of the form table, in the order help lists them.
func Forms() []FormSpec {
	forms := formTable()
	out := make([]FormSpec, len(forms))
	copy(out, forms)
	return out
}

// FormInfo returns the row of form f and whether there is one.
func FormInfo(f Form) (FormSpec, bool) {
	for _, r := range formTable() {
		if r.Form == f {
			return r, true
		}
	}
	return FormSpec{}, false
}

// rule is a pattern of a form; its expression is compiled the first time
// a question is tried against it, and a question that does not begin
// with one of its lead words (see leadWords) is not tried.
type rule struct {
	form Form
	re   func() *regexp.Regexp
	lead [][]string
	pat  Pattern
}

// rules returns the patterns of the form table in the order tried: the
// table's, catch-all forms last. Each is compiled when a question is
// first tried against it, not when the package loads nor all on the
// first question: a process that asks nothing (every query but ask) pays
// for none, and one question for those it may match that are tried
// before the one it does ("who led France in 2019?": 8 of 145).
var rules = sync.OnceValue(func() []rule {
	var rs []rule
	for _, last := range []bool{false, true} {
		for _, f := range formTable() {
			if f.CatchAll != last {
				continue
			}
			for _, p := range f.Patterns {
				rs = append(rs, rule{form: f.Form, re: compileOnUse(`(?i)^` + p.Re + `$`), lead: leadWords(p.Re), pat: p})
			}
		}
	}
	return rs
})

// parse fills a Parsed from the groups of a match of r.
func (r rule) parse(m []string) Parsed {
	p := Parsed{Form: r.form, Predicate: r.pat.Predicate, Passive: r.pat.Passive}
	for i, name := range r.re().SubexpNames() {
		switch name {
		case "subject":
			p.Subject = m[i]
		case "object":
			p.Object = m[i]
		case "role":
			p.Role = m[i]
		case "most":
			p.Most = m[i] != ""
		}
	}
	return p
}
