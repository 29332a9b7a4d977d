package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// Kinds of sentence seen misread (issue 13, second list), each in several
// phrasings written for the tests.

// TestPerfectWithSince: "has since met", "had since visited" is the act,
// after the date told before it and not on it: undated unless its own
// clause dates it.
func TestPerfectWithSince(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Kenyan President William Ruto took office in September 2022 and has since met Ugandan President Yoweri Museveni.",
			want: []string{"William Ruto met Yoweri Museveni "},
			not:  []string{"William Ruto met Yoweri Museveni 2022-09"}},
		{text: "Ruto, who took office in 2022, has since visited Kampala.",
			want: []string{"William Ruto visited Uganda "}},
		{text: "German Chancellor Olaf Scholz visited Kyiv in June 2022 and has since held talks with Volodymyr Zelensky twice.",
			want: []string{"Olaf Scholz visited Ukraine 2022-06", "Olaf Scholz met Volodymyr Zelensky "},
			not:  []string{"Olaf Scholz met Volodymyr Zelensky 2022-06"}},
		{text: "Turkey recalled its ambassador in May and has since accused Israel of genocide.",
			want: []string{"Turkey accused Israel "},
			not:  []string{"Turkey accused Israel 2025-05"}},
		{text: "Polish President Andrzej Duda had since spoken with Zelensky by phone.",
			want: []string{"Andrzej Duda spoke_with Volodymyr Zelensky "},
			not:  []string{"Andrzej Duda met Volodymyr Zelensky "}},
	})
}

// TestLaterTakesTheMonth: an act told with "later" after a dated event it
// shares a side with is dated by that event's month, not its day (nor
// left undated); "two days later" still counts days, and a plan stays one.
func TestLaterTakesTheMonth(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "German Chancellor Olaf Scholz visited Paris on March 3. Macron later met Scholz.",
			want: []string{"Emmanuel Macron met Olaf Scholz 2025-03"},
			not:  []string{"Emmanuel Macron met Olaf Scholz 2025-03-03"}},
		{text: "Kenyan President William Ruto arrived in Kampala on February 12. He later met Ugandan President Yoweri Museveni.",
			want: []string{"William Ruto met Yoweri Museveni 2025-02"}},
		{text: "Polish President Andrzej Duda flew to Kyiv on January 20. Later, Duda held talks with Zelensky.",
			want: []string{"Andrzej Duda met Volodymyr Zelensky 2025-01"}},
		{text: "Polish President Andrzej Duda flew to Kyiv on January 20. Duda subsequently criticized Russia.",
			want: []string{"Andrzej Duda criticized Russia 2025-01"}},
		{text: "Polish President Andrzej Duda flew to Kyiv on January 20. Two days later, Duda met Zelensky.",
			want: []string{"Andrzej Duda met Volodymyr Zelensky 2025-01-22"}},
		// No side shared with the dated event: no date from it.
		{text: "Polish President Andrzej Duda flew to Kyiv on January 20. Macron later criticized China.",
			want: []string{"Emmanuel Macron criticized China "}},
	})
}

// TestPartyNounMakesAnOrganization: a name before "party", "bloc",
// "alliance", "coalition", "movement" is the party, an organization, not a
// person.
func TestPartyNounMakesAnOrganization(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, fact, org string }{
		{"The centre-right Libre bloc accused the Honduran government of fraud on Monday.", "Libre[] accused Honduras", "Libre"},
		{"The conservative Unity coalition accused the Latvian government of corruption on Monday.", "Unity[] accused Latvia", "Unity"},
		{"The pro-Russian Revival party met Russian officials in Moscow.", "Revival[] met Russia", "Revival"},
		{"The ruling Fidesz party criticised Brussels on Monday.", "Fidesz[] criticized European Union", "Fidesz"},
		{"Spain's leftist Sumar alliance criticized Israel on Tuesday.", "Sumar[] criticized Israel", "Sumar"},
	} {
		facts, names := sectored(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
		assert.Contains(t, names, "organization "+c.org, c.text)
		assert.NotContains(t, names, "person "+c.org, c.text)
	}
}

// TestDeposedTitleAfterCountry: "Peru's deposed president Pedro
// Castillo", "Niger's toppled president": the title is a term that
// ended, read as "former" is.
func TestDeposedTitleAfterCountry(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, who, country string }{
		{"Peru's deposed president Pedro Castillo was sentenced on Thursday.", "Pedro Castillo", "Peru"},
		{"Bolivia's ousted president Evo Morales criticised the government on Tuesday.", "Evo Morales", "Bolivia"},
		{"Niger's toppled president Mohamed Bazoum remains in detention.", "Mohamed Bazoum", "Niger"},
		{"Bangladesh's ousted prime minister Sheikh Hasina fled to India in August 2024.", "Sheikh Hasina", "Bangladesh"},
	} {
		res, names := extractByID(e, c.text, pub)
		found := false
		for _, f := range res.Facts {
			if f.Predicate == graph.Leads && names[f.Subject] == c.who && names[f.Object] == c.country {
				found = true
				assert.True(t, f.Ended, c.text)
			}
		}
		assert.True(t, found, c.text)
	}
}

// TestHarassIsAThreat: warships or jets harassing or intimidating another
// country's vessels is a threat of force shown (THREATEN), not a protest.
func TestHarassIsAThreat(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Iranian warships harassed a British tanker in the Strait of Hormuz.",
			want: []string{"Iran threatened United Kingdom "}, not: []string{"Iran protested United Kingdom "}},
		{text: "Chinese coast guard vessels harassed Philippine fishing boats on Monday.",
			want: []string{"China threatened Philippines 2025-03-03"}, not: []string{"China protested Philippines 2025-03-03"}},
		{text: "Russian jets intimidated a Polish patrol aircraft over the Baltic.",
			want: []string{"Russia threatened Poland "}},
		{text: "Chinese vessels have harassed Philippine boats near the shoal.",
			want: []string{"China threatened Philippines "}, not: []string{"China protested Philippines "}},
	})
}

// TestTroopsPromisedToACountry: troops one side says it will send or
// deploy to a country are promised to it (pledged), never an agreement
// of both nor a threat; to the border with a country, a threat to it.
func TestTroopsPromisedToACountry(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Macron said France would send troops to Estonia.",
			want: []string{"France pledged Estonia "}, not: []string{"France agreed_with Estonia "}},
		{text: "British Prime Minister Keir Starmer said Britain would deploy troops to Ukraine.",
			want: []string{"United Kingdom pledged Ukraine "}, not: []string{"United Kingdom threatened Ukraine "}},
		{text: "Germany said it would send soldiers to Lithuania.",
			want: []string{"Germany pledged Lithuania "}, not: []string{"Germany agreed_with Lithuania "}},
		{text: "Spain plans to deploy warships to Cyprus.",
			want: []string{"Spain pledged Cyprus "}, not: []string{"Spain threatened Cyprus "}},
		{text: "Poland said on Monday it will send troops to the border with Belarus.",
			want: []string{"Poland threatened Belarus 2025-03-03"}, not: []string{"Poland agreed_with Belarus 2025-03-03"}},
		{text: "Poland sent troops to the border with Belarus on Monday.",
			want: []string{"Poland mobilized Belarus 2025-03-03"}},
		{text: "France will hold talks with Estonia.",
			want: []string{"France agreed_with Estonia "}},
	})
}

// TestMissileTestIsAShowOfForce: a missile test-fired or fired into the
// sea is PLOVER's MOBILIZE on the country's own people, no fight; a sea
// named after a country ("the Sea of Japan") is no target.
func TestMissileTestIsAShowOfForce(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "North Korea fired ballistic missiles into the sea.",
			want: []string{"North Korea mobilized North Korea "}},
		{text: "North Korea fired a ballistic missile into the sea off its east coast on Thursday.",
			want: []string{"North Korea mobilized North Korea 2025-03-06"}},
		{text: "Iran test-fired a ballistic missile on Tuesday.",
			want: []string{"Iran mobilized Iran 2025-03-04"}},
		{text: "Pakistan test-fired a nuclear-capable missile on Friday.",
			want: []string{"Pakistan mobilized Pakistan 2025-03-07"}},
		{text: "North Korea fired two ballistic missiles into the Sea of Japan on Monday.",
			not: []string{"North Korea fought Japan 2025-03-03"}},
		{text: "Iranian boats seized a tanker in the Gulf of Oman on Friday.",
			not: []string{"Iran coerced Oman 2025-03-07"}},
		{text: "North Korea fired missiles at South Korea.",
			want: []string{"North Korea fought South Korea "}},
	})
}

// TestSwornInByAnother: "X swore in Y as interior minister" appoints Y;
// the name after "swore in" is a person, not a place.
func TestSwornInByAnother(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	checkFacts(t, pub, []factCase{
		{text: "Colombian President Gustavo Petro on Monday swore in Laura Sarabia as foreign minister.",
			want: []string{"Laura Sarabia holds_position Foreign Minister of Colombia 2025-03-03.."}},
		{text: "Peruvian President Dina Boluarte swore in Jose Santos as prime minister on Monday.",
			want: []string{"Jose Santos leads Peru 2025-03-03.."}},
		{text: "The king swore in Ahmed Hassan as foreign minister on Tuesday.",
			want: []string{"Ahmed Hassan holds_position Foreign Minister 2025-03-04.."}},
	})
	_, names := sectored(t, e, "The president swore in Maria Lopez as interior minister.", pub)
	assert.Contains(t, names, "person Maria Lopez")
	assert.NotContains(t, names, "place Maria Lopez")
}

// TestHeadsGovernmentByPossessive: "Sheinbaum's government", "Trump's
// administration": the government of the country the head leads (GOV),
// here deploying troops at home (MOBILIZE on its own people).
func TestHeadsGovernmentByPossessive(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, c := range []struct{ text, fact string }{
		{"Sheinbaum's government has sent troops to the border.", "Mexico[GOV] mobilized Mexico"},
		{"Mexican President Claudia Sheinbaum's government has sent troops to the border.", "Mexico[GOV] mobilized Mexico"},
		{"Trump's administration has deployed soldiers to the southern border.", "United States[GOV] mobilized United States"},
		{"Guyana has sent soldiers to its border with Venezuela.", "Guyana[] mobilized Venezuela"},
	} {
		facts, _ := sectored(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
	}
}

// TestClauseWithItsOwnNounSubject: "…, a day after her party agreed a
// coalition with X" has its own subject, no actor: its act is not the
// main clause's subject's; "after the talks," is a phrase of time.
func TestClauseWithItsOwnNounSubject(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Bolivian lawmakers elected Andrea Quispe as speaker on Saturday, a day after her party agreed a coalition with the centre-right Libre bloc.",
			not: []string{"Bolivia pledged Libre 2025-03-01"}},
		{text: "Polish lawmakers elected Anna Nowak as speaker on Monday, a day after her party signed an agreement with Ukraine.",
			not: []string{"Poland signed_agreement Ukraine 2025-03-03"}},
		{text: "Iran, after the talks, accused Israel of sabotage.",
			want: []string{"Iran accused Israel "}},
	})
}
