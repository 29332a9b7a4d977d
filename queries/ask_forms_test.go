package queries

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestFormTableComplete checks that every row of the form table is filled
// in, that its patterns compile, and that each of its examples parses to
// the row's form.
func TestFormTableComplete(t *testing.T) {
	kinds := []AnswerKind{AnswerTerms, AnswerDates, AnswerCounterparts, AnswerFacts, AnswerPaths, AnswerPeople, AnswerPlaces, AnswerEvents}
	seen := map[Form]bool{}
	for _, f := range Forms() {
		t.Run(string(f.Form), func(t *testing.T) {
			require.NotEmpty(t, f.Form)
			require.False(t, seen[f.Form], "duplicate form")
			seen[f.Form] = true
			assert.NotEmpty(t, f.Help)
			assert.Contains(t, kinds, f.Answer)
			assert.NotNil(t, f.answer, "answer method")
			require.NotEmpty(t, f.Patterns)
			for _, p := range f.Patterns {
				re, err := regexp.Compile(p.Re)
				require.NoError(t, err, p.Re)
				named := map[string]bool{}
				for _, n := range re.SubexpNames()[1:] {
					assert.Contains(t, []string{"", "subject", "object", "role", "most"}, n, "a slot of Parsed: %s", p.Re)
					named[n] = true
				}
				assert.True(t, named["subject"] || named["object"] || named["role"], "a pattern names what is asked about: %s", p.Re)
				if p.Predicate != "" {
					info, ok := graph.PredicateInfo(p.Predicate)
					assert.True(t, ok && info.IsEvent(), "interaction predicate %q", p.Predicate)
				}
			}
			require.NotEmpty(t, f.Examples)
			for _, ex := range f.Examples {
				p, err := ParseQuestion(ex, askToday)
				require.NoError(t, err, ex)
				assert.Equal(t, f.Form, p.Form, ex)
			}
			got, ok := FormInfo(f.Form)
			require.True(t, ok)
			assert.Equal(t, f.Help, got.Help)
		})
	}
	_, ok := FormInfo("no_such_form")
	require.False(t, ok)
	// Catch-all forms are tried last: members first, though help lists
	// holders first.
	p, err := ParseQuestion("who were the members of NATO in 2024?", askToday)
	require.NoError(t, err)
	require.Equal(t, FormMembers, p.Form)
}

// TestAskVerbsParse checks that the verbs of every predicate the predicate
// table gives ask verbs read as that predicate, in both voices.
func TestAskVerbsParse(t *testing.T) {
	n := 0
	for _, pr := range graph.PredicateTable() {
		if !pr.Asked() {
			continue
		}
		n++
		p, err := ParseQuestion("whom did Donald Trump "+pr.AskVerb+" most?", askToday)
		require.NoError(t, err, pr.Name)
		assert.Equal(t, Parsed{Form: FormInteractions, Subject: "Donald Trump", Predicate: pr.Name, Most: true}, p, pr.Name)
		p, err = ParseQuestion("who "+pr.Phrase+" NATO in 2025?", askToday)
		require.NoError(t, err, pr.Name)
		assert.Equal(t, FormInteractions, p.Form, pr.Name)
		assert.Equal(t, pr.Name, p.Predicate, pr.Name)
		assert.True(t, p.Passive, pr.Name)
		assert.Equal(t, "NATO", p.Subject, pr.Name)
		assert.Contains(t, formHelp(t, FormInteractions), pr.AskVerb)
	}
	require.Equal(t, 26, n, "the event predicates")
}

func formHelp(t *testing.T, f Form) string {
	spec, ok := FormInfo(f)
	require.True(t, ok)
	return spec.Help
}

// TestAskPloverVerbs checks questions about the PLOVER event predicates:
// "who did X attack" and "what did X demand" (what was demanded is asked
// as whom it was demanded of).
func TestAskPloverVerbs(t *testing.T) {
	cases := []struct{ q, subj, pred string }{
		{"who did Russia attack in 2024?", "Russia", graph.Attacked},
		{"what did Iran demand?", "Iran", graph.Demanded},
		{"who did China reject?", "China", graph.Rejected},
		{"who did Israel fight in 2023?", "Israel", graph.Fought},
		{"who did Turkey investigate?", "Turkey", graph.Investigated},
	}
	for _, c := range cases {
		p, err := ParseQuestion(c.q, askToday)
		require.NoError(t, err, c.q)
		assert.Equal(t, FormInteractions, p.Form, c.q)
		assert.Equal(t, c.subj, p.Subject, c.q)
		assert.Equal(t, c.pred, p.Predicate, c.q)
	}
}
