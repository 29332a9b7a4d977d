package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestClauseDateDatesEveryVerb: a date between the subject and its first
// verb ("X on Thursday condemned …, and demanded …") dates every verb
// phrase of that subject, even past ", and"; a second verb with its own
// date keeps it.
func TestClauseDateDatesEveryVerb(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{ // a Friday
		{text: "The Security Council on Thursday condemned the missile strike, and demanded that Russian forces withdraw from Ukraine.",
			want: []string{"UN Security Council demanded Russia 2025-03-06"}},
		{text: "French President Emmanuel Macron on Tuesday met German Chancellor Olaf Scholz in Berlin, and criticized China over its trade policy.",
			want: []string{"Emmanuel Macron met Olaf Scholz 2025-03-04", "Emmanuel Macron criticized China 2025-03-04"}},
		{text: "Japan, on Monday, summoned the Chinese ambassador, and accused China of violating its airspace.",
			want: []string{"Japan accused China 2025-03-03"}},
		{text: "The European Union on Wednesday imposed sanctions on Iran, and urged Iran to release the detained sailors.",
			want: []string{"European Union sanctioned Iran 2025-03-05", "European Union demanded Iran 2025-03-05"}},
		{text: "Germany on Friday expelled two Russian diplomats, and warned Russia of further measures.",
			want: []string{"Germany sanctioned Russia 2025-03-07", "Germany threatened Russia 2025-03-07"}},
	})
}

// TestPairDiscussedIsTheirCall: the two sides of a call or meeting named
// again in the next sentence as discussing something ("The Secretary and
// the Minister discussed …", "Starmer and Macron discussed …") tell that
// call or meeting, not a second meeting; a discussion days later is one.
func TestPairDiscussedIsTheirCall(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Secretary of State Laura Benning spoke today with Indian External Affairs Minister Subrahmanyam Jaishankar. The Secretary and the Minister discussed trade and regional security.",
			want: []string{"Laura Benning spoke_with S. Jaishankar 2025-03-07"},
			not:  []string{"Laura Benning met S. Jaishankar 2025-03-07"}},
		{text: "Prime Minister Keir Starmer spoke with President Emmanuel Macron by phone on Tuesday. Starmer and Macron discussed the war in Ukraine.",
			want: []string{"Keir Starmer spoke_with Emmanuel Macron 2025-03-04"},
			not:  []string{"Keir Starmer met Emmanuel Macron 2025-03-04"}},
		{text: "Prime Minister Keir Starmer spoke with President Emmanuel Macron by phone on Tuesday. The Prime Minister and the President reviewed preparations for the summit.",
			not: []string{"Keir Starmer met Emmanuel Macron 2025-03-04"}},
		{text: "President Joe Biden met Chinese President Xi Jinping on Monday. Biden and Xi discussed trade and Taiwan.",
			want: []string{"Joe Biden met Xi Jinping 2025-03-03"}},
		// Another sentence between: a meeting of its own.
		{text: "Prime Minister Keir Starmer spoke with President Emmanuel Macron by phone on Tuesday. Macron later met German Chancellor Olaf Scholz in Berlin. Starmer and Macron discussed the war in Ukraine on Friday.",
			want: []string{"Keir Starmer spoke_with Emmanuel Macron 2025-03-04", "Keir Starmer met Emmanuel Macron 2025-03-07"}},
	})
}

// TestComplementDateIsNotTheAct: a past act whose only date is in a
// clause complementing it ("welcomed India's decision to host the summit
// later this year", "the news that Poland will host the summit in June")
// is dated by the report, not after it; a date of its own clause stays,
// and a plan or pledge keeps the day it is for.
func TestComplementDateIsNotTheAct(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Secretary of State Laura Benning welcomed India's decision to host the Quad summit later this year.",
			want: []string{"Laura Benning supported India 2025-03-07"},
			not:  []string{"Laura Benning supported India 2025"}},
		{text: "Secretary of State Laura Benning praised Japan's decision to hold elections next month.",
			want: []string{"Laura Benning supported Japan 2025-03-07"},
			not:  []string{"Laura Benning supported Japan 2025-04"}},
		{text: "Chancellor Olaf Scholz welcomed the news that Poland will host the summit in June.",
			want: []string{"Olaf Scholz supported Poland 2025-03-07"},
			not:  []string{"Olaf Scholz supported Poland 2025-06"}},
		{text: "Secretary of State Laura Benning spoke today with Indian External Affairs Minister Subrahmanyam Jaishankar. The Secretary welcomed India's decision to host the Quad summit later this year.",
			want: []string{"Laura Benning spoke_with S. Jaishankar 2025-03-07", "Laura Benning supported India 2025-03-07"},
			not:  []string{"Laura Benning supported India 2025"}},
		{text: "On Monday, Secretary of State Laura Benning welcomed India's decision to host the Quad summit later this year.",
			want: []string{"Laura Benning supported India 2025-03-03"}},
		// A later date of the act's own keeps it.
		{text: "Secretary of State Laura Benning welcomed India's decision to host the Quad summit next month in a statement on Tuesday.",
			want: []string{"Laura Benning supported India 2025-03-04"}},
		{text: "France condemned Iran's decision to execute the protesters on Tuesday.",
			want: []string{"France criticized Iran 2025-03-04"}},
		{text: "Germany pledged to send more air defence systems to Ukraine next month.",
			want: []string{"Germany pledged Ukraine 2025-04"}},
	})
}

// TestFirstClauseDateDatesJoinedVerb: a date ending the first clause
// dates the verb phrase joined to it by ", and" as it does without the
// comma; one in the perfect keeps no date of the first.
func TestFirstClauseDateDatesJoinedVerb(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Germany expelled two Russian diplomats on Friday, and warned Russia of further measures.",
			want: []string{"Germany sanctioned Russia 2025-03-07", "Germany threatened Russia 2025-03-07"}},
		{text: "The European Union imposed sanctions on Iran on Wednesday, and urged Iran to release the detained sailors.",
			want: []string{"European Union sanctioned Iran 2025-03-05", "European Union demanded Iran 2025-03-05"}},
		{text: "Chancellor Olaf Scholz visited Kyiv in 2022, and has accused Russia of war crimes since.",
			not: []string{"Olaf Scholz accused Russia 2022"}},
	})
}

// TestAttributiveDateIsTheOtherEvent: a date that modifies a noun naming
// another event ("the July 26 coup", "Tuesday's missile strike") is that
// event's, not the day it was condemned; a date after the noun ("the
// coup in Gabon on Wednesday") stays the reaction's, as news tells it, and
// a summit's day dates the meeting held at it.
func TestAttributiveDateIsTheOtherEvent(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "The African Union condemned the July 26 coup in Niger.",
			not: []string{"African Union criticized Niger 2024-07-26"}},
		{text: "Germany condemned the March 3 missile strike on Ukraine.",
			not: []string{"Germany criticized Ukraine 2025-03-03"}},
		{text: "The African Union on Friday condemned the July 26 coup in Niger.",
			want: []string{"African Union criticized Niger 2025-03-07"}},
		{text: "The African Union condemned the coup in Gabon on Wednesday.",
			want: []string{"African Union criticized Gabon 2025-03-05"}},
		{text: "President Emmanuel Macron met Olaf Scholz at Tuesday's summit in Brussels.",
			want: []string{"Emmanuel Macron met Olaf Scholz 2025-03-04"}},
	})
}

// TestThreatDatedBySaying: a threat or a pledge told as what its author
// said ("X said on Monday that the United States would impose tariffs on
// Mexico") is made on the day it is said (before, it had no date); one
// whose act has a date of its own ("next month") keeps it, as a plan
// does.
func TestThreatDatedBySaying(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2026, 11, 20) // a Friday
	for text, want := range map[string]string{
		"Trump said on Monday that the United States would impose tariffs on Mexico.":                                                        "United States threatened Mexico 2026-11-16",
		"U.S. President Donald Trump announced on Monday that the United States would impose 25% tariffs on imports from Mexico and Canada.": "United States threatened Canada 2026-11-16",
		"The president said on Wednesday that the United States would impose tariffs on Brazil next month.":                                  "United States threatened Brazil 2026-12",
	} {
		assert.Contains(t, allFacts(t, e, text, pub), want, text)
	}
}
