package graph

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPredicateTableComplete checks that every row fills every column
// (None where a column does not apply), that names are unique, and that
// the columns agree with each other.
func TestPredicateTableComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range PredicateTable() {
		t.Run(p.Name, func(t *testing.T) {
			v := reflect.ValueOf(p)
			for i := 0; i < v.NumField(); i++ {
				if f := v.Field(i); f.Kind() == reflect.String {
					assert.NotEmpty(t, f.String(), "column %s is empty: fill it or write None", v.Type().Field(i).Name)
				}
			}
			require.False(t, seen[p.Name], "duplicate name")
			seen[p.Name] = true
			require.Contains(t, []PredicateKind{State, Event}, p.Kind)
			assert.NotEqual(t, None, p.Phrase)
			assert.NotEqual(t, None, p.Description)

			if p.Kind == State {
				assert.False(t, p.Symmetric || p.Narrative || p.Domestic, "a state is neither symmetric, narrative nor domestic")
				assert.Equal(t, []Code{None, None, None}, []Code{p.CAMEO, p.PLOVER, p.PLOVERMode}, "states have no event codes")
				assert.False(t, p.Asked(), "states are asked by their own forms, not as interactions")
				return
			}
			assert.False(t, p.Domestic && p.Symmetric, "a symmetric event names both sides; only a one-sided one may have none")
			if p.PLOVER == None {
				assert.Equal(t, Code(None), p.PLOVERMode, "a mode needs an event type")
				if p.CAMEO == None {
					assert.Contains(t, p.Description, "no CAMEO or PLOVER code", "an uncoded event says why")
				} else {
					assert.Contains(t, p.Description, "no PLOVER type", "an event CAMEO alone codes says why")
				}
			}
			if p.CAMEO != None {
				assert.Regexp(t, `^\d{3,4}$`, string(p.CAMEO))
			}
			if p.PLOVER != None {
				assert.Regexp(t, `^[A-Z]+$`, string(p.PLOVER))
			}
			require.True(t, p.Asked(), "every event is asked as an interaction")
			assert.NotEqual(t, None, p.AskActive)
			assert.NotEqual(t, None, p.AskPassive)
		})
	}
	require.Equal(t, Predicates, func() []string {
		var names []string
		for _, p := range PredicateTable() {
			names = append(names, p.Name)
		}
		return names
	}())
}

// TestAskVerbsUnique checks that each verb ask reads maps to one predicate:
// a row's verb matches its own active pattern and no other row's, and its
// phrase its own passive pattern and no other row's.
func TestAskVerbsUnique(t *testing.T) {
	full := func(re string) *regexp.Regexp { return regexp.MustCompile(`(?i)^(?:` + re + `)$`) }
	var asked []Predicate
	for _, p := range PredicateTable() {
		if p.Asked() {
			asked = append(asked, p)
		}
	}
	for _, p := range asked {
		for _, q := range asked {
			assert.Equal(t, p.Name == q.Name, full(q.AskActive).MatchString(p.AskVerb),
				"verb %q of %s against the active pattern of %s", p.AskVerb, p.Name, q.Name)
			assert.Equal(t, p.Name == q.Name, full(q.AskPassive).MatchString(p.Phrase),
				"phrase %q of %s against the passive pattern of %s", p.Phrase, p.Name, q.Name)
		}
	}
}

func TestPredicateLookups(t *testing.T) {
	cases := []struct {
		name             string
		known, ev, sym   bool
		cameo, pl, plMod string
	}{
		{Leads, true, false, false, "", "", ""},
		{HasTarget, true, false, false, "", "", ""},
		{Met, true, true, true, "040", "CONSULT", ""},
		{Visited, true, true, false, "042", "CONSULT", "visit"},
		{SpokeWith, true, true, true, "040", "CONSULT", "phone"},
		{Succeeded, true, true, false, "", "", ""},
		{Sanctioned, true, true, false, "163", "SANCTION", ""},
		{SignedAgreement, true, true, true, "057", "SUPPORT", ""},
		{CommentedOn, true, true, false, "010", "", ""},
		{"likes", false, true, false, "", "", ""},
	}
	for _, c := range cases {
		p, ok := PredicateInfo(c.name)
		assert.Equal(t, c.known, ok, c.name)
		assert.Equal(t, c.known, IsPredicate(c.name), c.name)
		assert.Equal(t, c.ev, IsEvent(c.name), c.name)
		assert.Equal(t, c.sym, IsSymmetric(c.name), c.name)
		got := []string{p.CAMEO.Value(), p.PLOVER.Value(), p.PLOVERMode.Value()}
		assert.Equal(t, []string{c.cameo, c.pl, c.plMod}, got, c.name)
	}
	// The copy is the caller's: changing it leaves the table alone.
	rows := PredicateTable()
	rows[0].Name = "changed"
	assert.True(t, IsPredicate(Leads))
	assert.False(t, strings.Contains(strings.Join(Predicates, ","), "changed"))
}
