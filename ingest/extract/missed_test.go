package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// datedFacts returns the facts extracted from text published on pub, as
// "subject predicate object @date" (the date, else the start, as
// written; "@" alone when neither is known).
func datedFacts(t *testing.T, e *Extractor, text string, pub graph.Date) []string {
	t.Helper()
	res, byID := extractByID(e, text, pub)
	var out []string
	for _, f := range res.Facts {
		d := f.Date
		if d.IsZero() {
			d = f.Start
		}
		s := byID[f.Subject] + " " + f.Predicate + " " + byID[f.Object] + " @"
		if !d.IsZero() {
			s += d.String()
		}
		if !f.End.IsZero() || f.Ended {
			s += " ended"
		}
		out = append(out, s)
	}
	return out
}

// TestPairOfOneWordName: "the two ministers" after a meeting with a
// counterpart known by one name ("Sugiono", "Sjafrie") is that pair,
// however weak a one-word name is alone.
func TestPairOfOneWordName(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 5, 3)
	for _, c := range []struct{ text, fact string }{
		{"Foreign Minister Penny Wong met her Indonesian counterpart Sugiono in Jakarta on Friday. The two ministers signed an agreement on maritime security.",
			"Penny Wong signed_agreement Sugiono"},
		{"Australian Defence Minister Richard Marles hosted Indonesian Defence Minister Sjafrie on Thursday. The two ministers signed a defence cooperation agreement.",
			"Richard Marles signed_agreement Sjafrie"},
		{"Singapore's Foreign Minister Vivian Balakrishnan received his Indonesian counterpart Sugiono on Wednesday. Both ministers signed a memorandum on water supply.",
			"Vivian Balakrishnan signed_agreement Sugiono"},
	} {
		facts, _ := extracted(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
	}
}

// TestTheyAfterMeeting: "they" opening a clause after the sentence's own
// meeting ("met …, where they initialled the agreement", ", and they
// signed") is the meeting's pair; "countersigned" signs as "signed" does.
func TestTheyAfterMeeting(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 5)
	for _, c := range []struct{ text, fact string }{
		{"Serbian Foreign Minister Marko Djuric met Kosovo's Foreign Minister Donika Gervalla-Schwarz in Brussels on Monday, where they initialled an agreement on licence plates.",
			"Marko Djuric signed_agreement Donika Gervalla-Schwarz @2025-03-03"},
		{"Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Abu Dhabi on Monday, and they initialed a framework accord.",
			"Nikol Pashinyan signed_agreement Ilham Aliyev @2025-03-03"},
		{"The foreign ministers of Colombia and Ecuador met in Quito on Tuesday, when they signed a border treaty.",
			"Colombia signed_agreement Ecuador @2025-03-04"},
		{"Chilean President Gabriel Boric countersigned the trade agreement with Argentina on Friday.",
			"Gabriel Boric signed_agreement Argentina @2025-02-28"},
	} {
		facts := datedFacts(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
	}
	// "they" with no meeting of its own sentence before it is no pair.
	facts := datedFacts(t, e, "Serbia and Kosovo remain at odds, and they signed nothing in Brussels on Monday.", pub)
	for _, f := range facts {
		assert.NotContains(t, f, "signed_agreement", f)
	}
}

// TestReactionToActBefore: a condemnation of an act whose author the
// sentence leaves out ("Tallinn condemned the expulsions") criticizes
// the one who did that act to the condemner in the sentence before.
func TestReactionToActBefore(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	for _, c := range []struct{ text, fact string }{
		{"Russia expelled three Estonian diplomats on Monday. Tallinn condemned the expulsions.", "Estonia criticized Russia"},
		{"China detained two Canadian citizens on Tuesday. Ottawa denounced the arrests on Wednesday.", "Canada criticized China"},
		{"Israeli jets struck targets near Damascus on Sunday. Syria condemned the strikes.", "Syria criticized Israel"},
		{"Washington imposed new sanctions on Venezuela on Friday. Caracas slammed the measures as illegal.", "Venezuela criticized United States"},
	} {
		facts, _ := extracted(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
	}
	// Not the condemner's act: someone else's expulsions are not its
	// grievance; two authors leave the act unattributed.
	for _, text := range []string{
		"Russia expelled two German diplomats on Monday. Paris condemned the expulsions.",
		"Russia and Belarus expelled Lithuanian diplomats on Monday. Vilnius condemned the expulsions.",
		"Russia expelled two Latvian diplomats on Monday. Riga condemned the expulsions by Moscow and Minsk.",
	} {
		facts, _ := extracted(t, e, text, pub)
		for _, f := range facts {
			assert.NotContains(t, []string{"France criticized Russia", "Lithuania criticized Russia", "Lithuania criticized Belarus"}, f, text)
		}
	}
}

// TestAlliedAdjectiveSubject: "allied" before a noun in the subject
// ("Congolese troops and allied militia fought the rebels") is no verb:
// the clause's verb after it is read.
func TestAlliedAdjectiveSubject(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 2, 3)
	for _, c := range []struct{ text, fact string }{
		{"GOMA, Feb 3 (Wire) - Congolese troops and allied militia fought the rebels for several hours on Sunday.",
			"Democratic Republic of the Congo fought Democratic Republic of the Congo"},
		{"Sudanese troops and allied fighters battled the rebels near El Fasher on Sunday.", "Sudan fought Sudan"},
	} {
		res := e.Extract(Input{Text: c.text, Published: pub})
		byID := map[string]string{}
		for _, en := range res.Entities {
			byID[en.ID] = en.Name
		}
		var got []string
		for _, f := range res.Facts {
			if f.Predicate == graph.Fought {
				got = append(got, byID[f.Subject]+" fought "+byID[f.Object]+" "+f.SubjectSector+"/"+f.ObjectSector)
			}
		}
		assert.Contains(t, got, c.fact+" MIL/REB", c.text)
	}
}

// TestHeadOfCountryVisited: a president or prime minister titled without
// a country and unknown to the gazetteer, whom a visitor meets on a visit
// the same sentence tells, leads the country visited.
func TestHeadOfCountryVisited(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	for _, c := range []struct{ text, fact string }{
		{"Kenyan President William Ruto then flew on to Djibouti, where he held talks with President Ismail Omar Guelleh.",
			"Ismail Omar Guelleh leads Djibouti"},
		{"French Foreign Minister Jean-Noel Barrot travelled to Togo on Monday and met President Faure Gnassingbe in Lome.",
			"Faure Gnassingbe leads Togo"},
		{"Indian Prime Minister Narendra Modi visited Mauritius, where he held talks with Prime Minister Navin Ramgoolam.",
			"Navin Ramgoolam leads Mauritius"},
	} {
		facts, _ := extracted(t, e, c.text, pub)
		assert.Contains(t, facts, c.fact, c.text)
	}
	// A head of an organization, or a visit to two countries, places no
	// one.
	for _, c := range []struct{ text, not string }{
		{"German Chancellor Friedrich Merz visited Brussels on Monday, where he met President Antonio Kosta of the European Council.", "Antonio Kosta leads Belgium"},
		{"Japanese Foreign Minister Takeshi Iwaya visited Ghana and Togo, where he met President Kwame Asante.", "Kwame Asante leads Ghana"},
	} {
		facts, _ := extracted(t, e, c.text, pub)
		assert.NotContains(t, facts, c.not, c.text)
		assert.NotContains(t, facts, "Kwame Asante leads Togo", c.text)
	}
}

// TestCoarseNarrativeDate: an event dated only to the month or year
// ("last month", "In March", "earlier this year") dates, at that
// precision, the undated events its paragraph tells next in the simple
// past; not those of another paragraph, and a "since" dates nothing
// after it.
func TestCoarseNarrativeDate(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	for _, c := range []struct{ text, fact string }{
		{"Kenyan President William Ruto visited Uganda last month. He met President Yoweri Museveni in Kampala.",
			"William Ruto met Yoweri Museveni @2025-05"},
		{"In March, Japanese Prime Minister Shigeru Ishiba travelled to Manila. There he met President Ferdinand Marcos Jr. and signed a defence pact with him.",
			"Shigeru Ishiba signed_agreement Ferdinand Marcos Jr. @2025-03"},
		{"Chancellor Olaf Scholz met Polish Prime Minister Donald Tusk in Berlin earlier this year. The two leaders signed a defence pact.",
			"Olaf Scholz signed_agreement Donald Tusk @2025"},
		{"On Tuesday, Estonian Prime Minister Kristen Michal arrived in Vienna. He met Austrian Chancellor Christian Stocker and signed an energy agreement with him.",
			"Kristen Michal signed_agreement Christian Stocker @2025-06-10"},
	} {
		assert.Contains(t, datedFacts(t, e, c.text, pub), c.fact, c.text)
	}
	for _, c := range []struct{ text, fact string }{
		// another paragraph: a new story
		{"Kenyan President William Ruto visited Uganda last month.\n\nHe met President Yoweri Museveni in Kampala.",
			"William Ruto met Yoweri Museveni @"},
		// a span, not a point
		{"Ghana has backed Ukraine since 2019. Ghanaian President John Mahama met Ukrainian President Volodymyr Zelensky in Accra.",
			"John Mahama met Volodymyr Zelensky @"},
	} {
		assert.Contains(t, datedFacts(t, e, c.text, pub), c.fact, c.text)
	}
}

// TestTermNotEndedByOtherClause: a clause about something else ("whose
// cabinet collapsed in November") ends no term; "took office on" starts
// one; "last month" keeps month precision.
func TestTermNotEndedByOtherClause(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	facts := datedFacts(t, e, "LIMA, June 12 (Wire) - Peruvian President Dina Boluarte met Ecuadorean President Daniel Noboa in Quito on Monday. Boluarte, whose cabinet collapsed in November, said the talks went well.", pub)
	assert.Contains(t, facts, "Dina Boluarte leads Peru @")
	assert.Contains(t, facts, "Dina Boluarte met Daniel Noboa @2025-06-09")
	facts = datedFacts(t, e, "Argentine President Javier Milei took office on December 10, 2023. He met Brazilian President Lula on Monday.", pub)
	assert.Contains(t, facts, "Javier Milei leads Argentina @2023-12-10")
	facts = datedFacts(t, e, "Prime Minister Mark Carney took office on March 14, 2025. Carney met King Charles last month.", pub)
	assert.Contains(t, facts, "Mark Carney leads Canada @2025-03-14")
	assert.Contains(t, facts, "Mark Carney met Charles @2025-05")
}

// TestSamePeriodAndDeicticStarts: "later that month", "earlier that
// year" take the month or year of the date told before; "was sworn in
// last month" starts the term that month.
func TestSamePeriodAndDeicticStarts(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	for _, c := range []struct{ text, fact string }{
		{"Japanese Prime Minister Shigeru Ishiba met Chinese President Xi Jinping in Lima on November 15, 2024. Later that month, he visited Brazil.",
			"Shigeru Ishiba visited Brazil @2024-11"},
		{"Kenyan President William Ruto visited China in April 2024. Later that year, he met Xi Jinping again in Beijing.",
			"William Ruto met Xi Jinping @2024"},
		{"Chilean President Gabriel Boric took office in March 2022. Earlier that month, he had met Argentine President Alberto Fernandez in Santiago.",
			"Gabriel Boric met Alberto Fernandez @2022-03"},
		{"Romanian President Nicusor Dan was sworn in last month. He visited Moldova on Tuesday.",
			"Nicusor Dan leads Romania @2025-05"},
		{"Polish President Karol Nawrocki was sworn in earlier this year.",
			"Karol Nawrocki leads Poland @2025"},
	} {
		assert.Contains(t, datedFacts(t, e, c.text, pub), c.fact, c.text)
	}
	// With no date before it, "that month" dates nothing.
	assert.Contains(t, datedFacts(t, e, "Later that month, Kenyan President William Ruto visited Brazil.", pub),
		"William Ruto visited Brazil @")
}

// TestFollowingDayAndMonth: "the following day", "the next day" are the
// day after the date told before (not that date); "the following month"
// the month after it.
func TestFollowingDayAndMonth(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 6, 12)
	for _, c := range []struct{ text, fact string }{
		{"Kenyan President William Ruto arrived in Kampala on Monday. The following day, he met President Yoweri Museveni.",
			"William Ruto met Yoweri Museveni @2025-06-10"},
		{"Kenyan President William Ruto arrived in Kampala on Monday. The next day he met President Yoweri Museveni.",
			"William Ruto met Yoweri Museveni @2025-06-10"},
		{"Kenyan President William Ruto met Ugandan President Yoweri Museveni on Tuesday. He had visited Tanzania the previous day.",
			"William Ruto visited Tanzania @2025-06-09"},
		{"Kenyan President William Ruto visited China in April 2024. The following month, he met Xi Jinping in Beijing.",
			"William Ruto met Xi Jinping @2024-05"},
		{"Kenyan President William Ruto visited China in December 2023. The following month, he met Xi Jinping in Beijing.",
			"William Ruto met Xi Jinping @2024-01"},
	} {
		assert.Contains(t, datedFacts(t, e, c.text, pub), c.fact, c.text)
	}
}
