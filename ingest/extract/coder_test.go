package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// codedEvents returns the events of text as "subject predicate object".
func codedEvents(t *testing.T, e *Extractor, text string) []string {
	t.Helper()
	res := e.Extract(Input{Text: text, Published: graph.DayOf(2025, 3, 7)})
	names := map[string]string{}
	for _, en := range res.Entities {
		names[en.ID] = en.Name
	}
	var got []string
	for _, f := range res.Facts {
		if graph.IsEvent(f.Predicate) {
			got = append(got, names[f.Subject]+" "+f.Predicate+" "+names[f.Object])
		}
	}
	return got
}

// TestCoderFrames checks the general coder's reading of a sentence no
// phrasing rule reads: the clause's actors as source, the first actors
// after the verb as target, and the frames that change or deny the act.
func TestCoderFrames(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	cases := []struct {
		text string
		want []string
	}{
		// An intended cooperative act is PLOVER's AGREE (pledged); one
		// bound to a condition is a threat.
		{"Norway will protest against Chile at the summit.", []string{"Norway threatened Chile"}},
		{"Norway said it is ready to protest against Chile.", []string{"Norway threatened Chile"}},
		// Two actors joined by "and" before "to" are one side's plan (a
		// headline's infinitive), not a request of the second by the
		// first; a verb before them still asks both.
		{"Chile and Peru to hold talks", []string{"Chile agreed_with Peru"}},
		{"Norway urged Chile and Peru to hold talks.", []string{"Norway demanded Chile", "Norway demanded Peru"}},
		// The people of a country act for it.
		{"Chileans protested against Peru on Sunday.", []string{"Chile protested Peru"}},
		// A body "of" a country acts as the country, but not when the
		// country owns what follows: the supporters of Peru's Congress
		// are Peru's opposition, the actor of the protest.
		{"Supporters of Peru's Congress marched against the government on Monday.", []string{"Peru protested Peru"}},
		// A readiness is no act of its own (no pledge to Libya).
		{"The Chadian army prepared to resume shelling Libyan positions.", nil},
		// A report closing the sentence names no target: a people
		// protesting with no one named protest at home (a domestic event).
		{"The Peruvians protested against the curfew, Chile said.", []string{"Peru protested Peru"}},
		// A claim of a hostile act is an accusation by the claimant.
		{"Bolivia alleged that Peru attacked Chile.", []string{"Bolivia accused Peru"}},
		// A refusal of a cooperative act rejects its target; a denied act
		// states nothing.
		{"Peru did not attack Chile.", nil},
		// Wanting another to act is a demand of it.
		{"Uruguay wants Paraguay to shell Bolivia.", []string{"Uruguay demanded Paraguay"}},
		// A dateline's country is the one whose government or police a
		// wire story names without it; the dateline is no actor.
		{"LIMA, May 2 (Wire) - The government expelled the Bolivian ambassador on Friday. Police detained two Chilean journalists.",
			[]string{"Peru sanctioned Bolivia", "Peru coerced Chile"}},
		{"The government expelled the Bolivian ambassador on Friday.", nil},
		// Each coordinated main clause has its own event; a closing report
		// names no side.
		{"Chile shelled Peru on Monday, and Bolivia fired rockets at northern Paraguay, the Argentine army said.",
			[]string{"Chile fought Peru", "Bolivia fought Paraguay"}},
		// A noun after a determiner is no verb.
		{"The condemnation of Chile angered Peru.", nil},
		// A cooperative act offered on a condition is an offer (AGREE);
		// a hostile one is a threat.
		{"Chile said it would meet Peru if Lima dropped its preconditions.", []string{"Chile pledged Peru"}},
		{"Chile said it would lift sanctions on Peru if Lima released the prisoners.", []string{"Chile pledged Peru"}},
		{"Uruguay said it would shell Brazil if the talks failed.", []string{"Uruguay threatened Brazil"}},
		// Agreeing to lift sanctions sanctions no one.
		{"Chile has agreed to lift the sanctions on Peru.", []string{"Chile pledged Peru"}},
		// "must be ready to" requires the act, as "must" does.
		{"Argentina said Bolivia must be ready to negotiate with Paraguay.", []string{"Argentina demanded Bolivia"}},
		// A leader acts on a part of the country he leads, never on the
		// country itself.
		{"President Yoweri Museveni on Monday threatened to jail Ugandan opposition leaders.",
			[]string{"Yoweri Museveni threatened Uganda"}},
		{"Yoweri Museveni on Monday threatened Uganda with new taxes.", nil},
		// The agent of a passive acts on its subject; what the subject is
		// pressed to do is not done, whoever presses.
		{"Peru was pressured by Chile to expel Bolivian diplomats.", []string{"Chile demanded Peru"}},
		{"Peru is being pressured by its creditors to sanction Bolivia.", nil},
		{"Paraguay was urged by bankers to aid Uruguay.", nil},
		// "as" before an actor opens a clause with its own subject, also
		// after a main verb that states nothing; "such as" does not.
		{"The trial of Juan Ortega, who had been held since May, opened as Chile announced it would free 30 Peruvian fishermen.",
			[]string{"Chile pledged Peru"}},
		{"Talks resumed in Lima, as Chile announced it would free 30 Peruvian fishermen.", []string{"Chile pledged Peru"}},
		{"Nations such as Chile condemned Peru on Monday.", []string{"Chile criticized Peru"}},
		// A hedged wish or request is a guess, no demand or threat.
		{"Uruguay might want Paraguay to shell Bolivia.", nil},
		{"Uruguay may want to shell Bolivia.", nil},
		// A promise takes the act promised: hostile, it is a threat.
		{"Chile has pledged to expel Bolivian diplomats.", []string{"Chile threatened Bolivia"}},
		{"Chile has promised to aid Peru.", []string{"Chile pledged Peru"}},
		// An allegation accuses the one it is about, whatever it says;
		// a report stands for the country it was published in.
		{"A report published on Monday in the Chilean capital alleged that Peru knew of the smuggling routes.",
			[]string{"Chile accused Peru"}},
		{"Bolivia alleged on Monday that Peruvian officials had hidden the documents.", []string{"Bolivia accused Peru"}},
		{"Chile denied the alleged plot against Peru.", nil},
		// An act told in the present after "before" is still to come.
		{"The vote comes a day before Bolivia heads to Lima, seeking to mend ties with Peru.", nil},
		{"The vote comes a week before Chile hosts Peru for talks.", nil},
		{"The vote came a week before Chile hosted Peru for talks.", []string{"Chile met Peru"}},
		// Evidence laid against another accuses it, in either voice.
		{"Fresh evidence against Bolivia was presented by Chile on Monday.", []string{"Chile accused Bolivia"}},
		// Disapproval of a measure is no support of its target; it aims
		// at the measure's author when the text names one.
		{"Chile has openly criticised the sanctions against Peru.", nil},
		{"Bolivia denounced the sanctions on Peru on Monday.", nil},
		{"Chile condemned the embargo against Cuba.", nil},
		{"Chile condemned the Bolivian embargo against Peru.", []string{"Chile criticized Bolivia"}},
		{"Uruguay criticised Bolivia's blockade of Peruvian ports.", []string{"Uruguay criticized Bolivia"}},
		// A measure proposed is a threat of it, a call for one asks
		// nothing of its target.
		{"Chile proposed new tariffs on Peruvian copper.", []string{"Chile threatened Peru"}},
		{"Uruguay suggested sanctions against Bolivia on Monday.", []string{"Uruguay threatened Bolivia"}},
		{"Chile urged sanctions against Peru.", nil},
		// Meeting the press, students or business people is no meeting of
		// their country; meeting its officials is.
		{"Chile's president met Peruvian journalists on Monday.", nil},
		{"Chile's president met students in Lima.", nil},
		{"Chile's president met business leaders in Lima on Tuesday.", nil},
		{"Chile's president met Peruvian officials on Monday.", []string{"Chile met Peru"}},
		// Expelling a country's named diplomat sanctions the country.
		{"Chile expelled the Peruvian ambassador, Jorge Salas, on Monday.", []string{"Chile sanctioned Peru"}},
		{"Bolivia declared Peruvian envoy Ana Ruiz persona non grata.", []string{"Bolivia sanctioned Peru"}},
	}
	for _, c := range cases {
		assert.ElementsMatch(t, c.want, codedEvents(t, e, c.text), c.text)
	}
}

// TestPredicateOfCAMEO checks that every CAMEO root from 02 to 20 states
// a predicate whose PLOVER type is the one the root's events have.
func TestPredicateOfCAMEO(t *testing.T) {
	plover := map[string]string{
		"02": "DEMAND", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
		"08": "CONCEDE", "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
		"14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "FIGHT", "20": "ASSAULT",
	}
	for root, want := range plover {
		p, ok := graph.PredicateInfo(predicateOfCAMEO(root + "1"))
		require.True(t, ok, root)
		assert.Equal(t, want, string(p.PLOVER), root)
	}
	assert.Equal(t, "", predicateOfCAMEO("010"), "a statement is no event")
	assert.Equal(t, graph.Visited, predicateOfCAMEO("042"))
	assert.Equal(t, graph.WithdrewFrom, predicateOfCAMEO("0871"))
}
