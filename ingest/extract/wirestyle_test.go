package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestDatelineTagNoActor checks that the agency tag of a dateline is read
// as words, never as a person or an organization, while the same words in
// brackets elsewhere are left alone.
func TestDatelineTagNoActor(t *testing.T) {
	g, err := defaultGazetteer()
	require.NoError(t, err)
	cases := []struct {
		text, tag string
		actor     bool // whether the tag may be an actor
	}{
		{"SEOUL, June 2 (KoreaWire) -- North Korea threatened South Korea.", "KoreaWire", false},
		{"BRASILIA (Agencia Norte) - Lula met Petro.", "Norte", false},
		{"MANILA, March 22 (NewsAsia Wire) - China accused the Philippines.", "NewsAsia", false},
		{"NAIROBI, May 4 (Coastline) — Kenya recalled its envoy.", "Coastline", false},
		{"Kenya recalled its envoy (Tom Mbeki) on Friday.", "Tom Mbeki", true},
	}
	for _, c := range cases {
		d := newDoc(g, graph.DayOf(2025, 1, 1))
		actor := false
		for _, u := range d.buildUnits(c.text, 0) {
			if (u.kind == kPerson || u.kind == kOrg) && u.text == c.tag ||
				u.kind == kPerson && u.ref != nil && u.ref.name == c.tag {
				actor = true
			}
		}
		assert.Equal(t, c.actor, actor, c.text)
	}
}

// TestBareVerbLines checks the lexicon's "none" lines: one verb, whose
// forms alone then state no event, the CAMEO dictionary's patterns around
// it still coding ("died in clashes").
func TestBareVerbLines(t *testing.T) {
	lx, err := defaultLexicon()
	require.NoError(t, err)
	for _, w := range []string{"thank", "thanked", "died", "dies", "invited", "studied", "studies"} {
		assert.True(t, lx.bare[w], w)
	}
	assert.Error(t, lx.add("none", "+thank O"))
	assert.Error(t, lx.add("none", "thank"))
	cd, err := defaultCameoDict()
	require.NoError(t, err)
	c := cameoBare{cd, lx.bare}
	for _, tc := range []struct{ text, code string }{
		{"<C0> soldier died outside <C4>", ""},
		{"<C0> soldiers died in clashes", "190"},
		{"<P0> thanked <P2>", ""},
		{"where <P0> studied law in <C4>", ""},
	} {
		toks := strings.Fields(tc.text)
		code := ""
		for i := range toks {
			if c2, _ := c.match(toks, i); c2 != "" {
				code = c2
				break
			}
		}
		assert.Equal(t, tc.code, code, tc.text)
	}
}

// TestPersonClashIsWords checks force.tsv's person lines: a person
// clashing with anyone does it in words; forces clash in arms.
func TestPersonClashIsWords(t *testing.T) {
	lx, err := defaultLexicon()
	require.NoError(t, err)
	person := &ref{graph.Person, "Javier Milei", 1}
	country := &ref{graph.Country, "Sudan", 1}
	assert.Equal(t, graph.Criticized, lx.force.decide(graph.Fought, "clashed", "190", false, person, ""))
	assert.Equal(t, graph.Fought, lx.force.decide(graph.Fought, "clashed", "190", false, country, "MIL"))
	assert.Equal(t, graph.Criticized, lx.force.personal(graph.Fought, "clash", person))
	assert.Equal(t, graph.Met, lx.force.personal(graph.Met, "clash", person))
}
