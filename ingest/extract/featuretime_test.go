package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// Long features and analysis pieces tell a career or a crisis over
// years; the tests below are about the times such pieces give their
// facts.

// TestSinceDatesNoAct: "since 2021" in an apposition or a relative clause
// about someone starts that person's state; it is not the day of the act
// the sentence tells ("met X, the envoy since 2021,", "was succeeded by
// Y, who has been spokeswoman since 2021").
func TestSinceDatesNoAct(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"In June, Dan Popa resigned as deputy prime minister. He was succeeded by Andreea Munteanu, a Liberal senator who has been party spokeswoman since 2021.",
			nil, []string{"Andreea Munteanu succeeded Dan Popa 2021"}},
		{"Ingrid Halvorsen criticized the decision. She met Tim Lenderking, the US special envoy for Yemen since 2021, in Washington a month later.",
			nil, []string{"Ingrid Halvorsen met Tim Lenderking 2021"}},
		{"Foreign Minister Sergei Lavrov met Badr Albusaidi, Oman's foreign minister since August 2020, to discuss the talks.",
			nil, []string{"Sergei Lavrov met Badr Albusaidi 2020-08"}},
		{"Chancellor Olaf Scholz was replaced by Friedrich Merz, who has led the Christian Democrats since 2022.",
			nil, []string{"Friedrich Merz succeeded Olaf Scholz 2022"}},
		{"Karim Haddad, a Lebanese diplomat who has been an envoy in Libya since 2022, met Antonio Guterres on Friday.",
			[]string{"Karim Haddad met António Guterres 2025-11-14"}, []string{"Karim Haddad met António Guterres 2022"}},
		{"Olaf Scholz, who has led the Social Democrats since 2021, met Emmanuel Macron in Paris.",
			nil, []string{"Olaf Scholz met Emmanuel Macron 2021"}},
		// The state the apposition gives keeps its start.
		{"Omani Foreign Minister Badr Albusaidi, who has held the post since August 2020, met Ingrid Halvorsen in Muscat on Tuesday.",
			[]string{"Badr Albusaidi met Ingrid Halvorsen 2025-11-18"}, nil},
	})
}

// TestEveryWeekdayIsAHabit: "has met Marinescu every Monday", "they
// speak by phone each Friday" tell a habit, not a meeting on the last
// Monday before publication.
func TestEveryWeekdayIsAHabit(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20) // a Thursday
	checkFacts(t, pub, []factCase{
		{"Andreea Munteanu is regarded as more conciliatory, and she has met Ion Marinescu every Monday since taking the post.",
			nil, []string{"Andreea Munteanu met Ion Marinescu 2025-11-17"}},
		{"Emmanuel Macron spoke with Olaf Scholz by phone each Friday during the crisis.",
			nil, []string{"Emmanuel Macron spoke_with Olaf Scholz 2025-11-14"}},
		{"Emmanuel Macron met Olaf Scholz every Tuesday evening in the spring of that year.",
			nil, []string{"Emmanuel Macron met Olaf Scholz 2025-11-18"}},
		// A weekday of its own is still a day.
		{"Emmanuel Macron met Olaf Scholz on Monday in Paris.",
			[]string{"Emmanuel Macron met Olaf Scholz 2025-11-17"}, nil},
	})
}

// TestMonthThatYear: "in July that year", "on 24 May of that year", "in
// January of the same year" are in the year the story has reached (the
// last year written before them), not in the twelve months around the
// publication date.
func TestMonthThatYear(t *testing.T) {
	pub := graph.DayOf(2025, 6, 18)
	checkFacts(t, pub, []factCase{
		{"President Joseph Banda expelled the British high commissioner in April 2011. In July that year, Banda accused Britain of funding the protests.",
			[]string{"Joseph Banda accused United Kingdom 2011-07"}, []string{"Joseph Banda accused United Kingdom 2024-07"}},
		{"The border clashes of 2021 killed dozens. Emomali Rahmon met Sadyr Japarov in Dushanbe in June of that year.",
			[]string{"Emomali Rahmon met Sadyr Japarov 2021-06"}, []string{"Emomali Rahmon met Sadyr Japarov 2025-06"}},
		{"Fighting broke out in April 2021. On 3 June that year, Emomali Rahmon met Sadyr Japarov in Dushanbe.",
			[]string{"Emomali Rahmon met Sadyr Japarov 2021-06-03"}, nil},
		{"The treaty was drafted in 2019, and Narendra Modi visited Nepal in March of the same year.",
			[]string{"Narendra Modi visited Nepal 2019-03"}, []string{"Narendra Modi visited Nepal 2025-03"}},
		// No year written before: the month dates nothing rather than
		// this year's.
		{"In March that year, Narendra Modi visited Nepal.",
			nil, []string{"Narendra Modi visited Nepal 2025-03"}},
	})
}

// TestMonthAfterAWrittenOne: a feature that has just written "in August
// 2019" goes on "She arrived in Aden in September": September of 2019,
// not the September before publication. Only in the same paragraph, for
// a later month of that year, in a past account.
func TestMonthAfterAWrittenOne(t *testing.T) {
	pub := graph.DayOf(2026, 1, 15)
	checkFacts(t, pub, []factCase{
		{"Ingrid Halvorsen was appointed special envoy for Yemen in August 2019. She arrived in Aden in September and met Abd Rabbuh Mansur Hadi within a week.",
			[]string{"Ingrid Halvorsen met Abd Rabbuh Mansur Hadi 2019-09"}, []string{"Ingrid Halvorsen met Abd Rabbuh Mansur Hadi 2025-09"}},
		{"Petra Horvat became foreign minister on 2 March 2021. On 14 October, she visited Berlin for talks with Olaf Scholz.",
			[]string{"Petra Horvat visited Germany 2021-10-14"}, []string{"Petra Horvat visited Germany 2025-10-14"}},
		{"The talks collapsed in May 2022, and in November Antonio Guterres met Vladimir Putin in Moscow.",
			nil, []string{"António Guterres met Vladimir Putin 2025-11"}},
		// An earlier month than the one written: the calendar's.
		{"Ingrid Halvorsen was appointed special envoy for Yemen in October 2024. In January, she visited Aden.",
			[]string{"Ingrid Halvorsen visited Aden 2026-01"}, nil},
		// Another paragraph: the calendar's.
		{"Ingrid Halvorsen was appointed special envoy for Yemen in August 2019.\n\nIn September, she visited Aden.",
			[]string{"Ingrid Halvorsen visited Aden 2025-09"}, nil},
		// A plan is not moved into the past.
		{"Karim Haddad was named envoy in August 2019. He will visit Aden in December.",
			nil, []string{"Karim Haddad visited Aden 2019-12"}},
	})
}

// TestMonthsLaterIsAnotherTime: "two months later", "a year after" put
// the act at another time than the date written before them in the
// sentence; without the time they count from, the act keeps no date
// rather than that one.
func TestMonthsLaterIsAnotherTime(t *testing.T) {
	pub := graph.DayOf(2025, 9, 4)
	checkFacts(t, pub, []factCase{
		{"In April 2021 fighting killed 50 people. Kyrgyzstan's president, Sadyr Japarov, who had taken office in January that year, flew to Dushanbe two months later and met President Emomali Rahmon.",
			nil, []string{"Sadyr Japarov met Emomali Rahmon 2021-01"}},
		{"Sadyr Japarov, who took office in January 2021, met Emomali Rahmon in Dushanbe a few months later.",
			nil, []string{"Sadyr Japarov met Emomali Rahmon 2021-01"}},
		{"The treaty was drafted in March 2019 and, a year later, Narendra Modi visited Nepal to sign it.",
			nil, []string{"Narendra Modi visited Nepal 2019-03"}},
		// The act told before the offset keeps its date.
		{"Narendra Modi visited Nepal in March 2019 and, two years later, signed a treaty with Bangladesh.",
			[]string{"Narendra Modi visited Nepal 2019-03"}, nil},
	})
}

// TestOwnHeadsMeeting: in a story from a capital, a prime minister and a
// president titled without a country who meet are both the country's
// heads (the guest rule is for a visitor: "President X met Foreign
// Minister Y"), and the prime minister's start told in the next sentence
// dates the term.
func TestOwnHeadsMeeting(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"BUCHAREST — The coalition agreed to share power under Prime Minister Ion Marinescu. Marinescu took office on 29 November 2023. A week after the vote, Marinescu met President Klaus Iohannis at the Cotroceni Palace.",
			[]string{"Ion Marinescu leads Romania 2023-11-29..", "Klaus Iohannis leads Romania"}, nil},
		{"LJUBLJANA — President Natasa Pirc Musar received Prime Minister Tomaz Vidmar on Monday. Vidmar took office in June 2019.",
			[]string{"Tomaz Vidmar leads Slovenia 2019-06.."}, nil},
		// Two of the same title: one is a guest, whose country is not said.
		{"BUCHAREST — Prime Minister Ion Marinescu met Prime Minister Andrej Zeman on Monday.",
			nil, []string{"Andrej Zeman leads Romania"}},
		// A minister titled without a country who meets a head is a guest.
		{"BUCHAREST — President Klaus Iohannis met Foreign Minister Ahmed Attaf on Monday.",
			nil, []string{"Ahmed Attaf holds_position Foreign Minister of Romania"}},
	})
}

// TestWhoseTermEnded: "X, whose second term ended in February 2025,",
// "when X's term expired in May 2014" end X's office at that date; a
// government that "collapsed" ends no one's term.
func TestWhoseTermEnded(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"Romanian President Klaus Iohannis, whose second term ended in February 2025, was reluctant to take sides.",
			[]string{"Klaus Iohannis leads Romania ..2025-02"}, nil},
		{"Malawian President Joseph Banda won a second term in 2009. When Banda's term expired in May 2014, his vice-president stood against his chosen successor.",
			[]string{"Joseph Banda leads Malawi ..2014-05"}, nil},
		{"Zambian President Edgar Lungu's mandate ran out in August 2021, and he handed over power peacefully.",
			[]string{"Edgar Lungu leads Zambia ..2021-08"}, nil},
		// A head titled without a country, in a story from its capital.
		{"ZAGREB — President Ante Babic, whose second term ended in February 2025, stayed out of the dispute.",
			[]string{"Ante Babic leads Croatia ..2025-02"}, nil},
		{"ZAGREB — President Ante Babic stayed out of the dispute. Babic resigned in February 2025.",
			[]string{"Ante Babic leads Croatia ..2025-02"}, nil},
		{"Austrian Chancellor Karl Nehammer, whose government collapsed in November, never visited Ljubljana.",
			[]string{"Karl Nehammer leads Austria"}, []string{"Karl Nehammer leads Austria ..2025-11"}},
	})
}

// TestProfiledHeadMeetsPeople: a head titled without a country whose
// start the article tells ("Marinescu took office on 29 November 2023")
// is the story's own head however many people the story has him meet.
func TestProfiledHeadMeetsPeople(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"BUCHAREST — The parties agreed to share power under Prime Minister Ion Marinescu. Marinescu took office on 29 November 2023. Since June, Andreea Munteanu has met Marinescu every Monday.",
			[]string{"Ion Marinescu leads Romania 2023-11-29.."}, nil},
		{"LJUBLJANA — Prime Minister Tomaz Vidmar took office on 14 June 2019. In May 2023 he met Ana Zupan in Maribor.",
			[]string{"Tomaz Vidmar leads Slovenia 2019-06-14.."}, nil},
		// No start told: a head who meets someone may be a guest.
		{"BUCHAREST — Prime Minister Ion Marinescu met Andreea Munteanu on Monday.",
			nil, []string{"Ion Marinescu leads Romania"}},
	})
}

// TestFormerHeadTookOffice: an obituary's "the former president of
// Malawi" whose start the article tells in another sentence ("Banda took
// office on 24 May 2004") is a term that started then and is over; "Y, a
// former finance minister, who was sworn in on May 30" dates the office Y
// took, not the one Y left.
func TestFormerHeadTookOffice(t *testing.T) {
	pub := graph.DayOf(2025, 6, 18)
	e, err := New()
	require.NoError(t, err)
	for _, c := range []struct {
		text, subj, obj, start string
	}{
		{"Joseph Banda, the former president of Malawi, died on Monday. Banda took office on 24 May 2004.", "Joseph Banda", "Malawi", "2004-05-24"},
		{"Former Malawian President Joseph Banda died on Monday in Johannesburg. He took office on 24 May 2004 and served two terms.", "Joseph Banda", "Malawi", "2004-05-24"},
		{"Former Zambian President Rupiah Banda has died. Banda was sworn in on 2 November 2008 after the death of his predecessor.", "Rupiah Banda", "Zambia", "2008-11-02"},
		{"He was succeeded by Fatumata Embalo, a former finance minister, who was sworn in on May 30.", "Fatumata Embalo", "Minister of Finance", ""},
	} {
		res, names := extractByID(e, c.text, pub)
		found := false
		for _, f := range res.Facts {
			if names[f.Subject] != c.subj || names[f.Object] != c.obj {
				continue
			}
			found = true
			assert.Equal(t, c.start, f.Start.String(), c.text)
			assert.True(t, f.Ended, c.text)
		}
		assert.True(t, found, c.text)
	}
}

// TestSuccessorNamedLater: a profile names the successor in a later
// paragraph — "His successor is Petra Horvat", "Vidmar's successor was
// X", "His successor, X, was elected prime minister on Tuesday" — who
// holds the office and succeeded; a start the sentence tells dates the
// successor's term.
func TestSuccessorNamedLater(t *testing.T) {
	pub := graph.DayOf(2026, 3, 12) // a Thursday
	lead := "LJUBLJANA — Tomaz Vidmar took office as Slovenia's prime minister on 14 June 2019. He announced in February that he would resign.\n\n"
	checkFacts(t, pub, []factCase{
		{lead + "His successor is Petra Horvat, the 44-year-old foreign minister, who was elected prime minister by 49 votes to 38.",
			[]string{"Petra Horvat leads Slovenia", "Petra Horvat succeeded Tomaz Vidmar "}, nil},
		{lead + "Vidmar's successor was Petra Horvat, a former diplomat.",
			[]string{"Petra Horvat leads Slovenia", "Petra Horvat succeeded Tomaz Vidmar "}, nil},
		{lead + "His successor, Petra Horvat, was elected prime minister on Tuesday.",
			[]string{"Petra Horvat leads Slovenia 2026-03-10.."}, nil},
		{lead + "His successor, Petra Horvat, who was sworn in on 10 March, named her cabinet on Wednesday.",
			[]string{"Petra Horvat leads Slovenia 2026-03-10.."}, nil},
		// What the successor did after taking office dates nothing.
		{lead + "His successor, Petra Horvat, met Ursula von der Leyen on Tuesday.",
			nil, []string{"Petra Horvat leads Slovenia 2026-03-10.."}},
	})
}

// TestDeputyOrPartIsNoHead: "deputy head of the UN mission in Libya",
// "deputy secretary general of NATO", "head of the UN mission" do not
// lead the UN or NATO — and so end no one's term there.
func TestDeputyOrPartIsNoHead(t *testing.T) {
	pub := graph.DayOf(2026, 1, 15)
	checkFacts(t, pub, []factCase{
		{"Karim Haddad, a Lebanese diplomat who has been deputy head of the UN mission in Libya since 2022, will take up the post next month.",
			nil, []string{"Karim Haddad leads United Nations 2022.."}},
		{"Karim Haddad has been head of the UN mission in Libya since 2022.",
			nil, []string{"Karim Haddad leads United Nations 2022.."}},
		{"Radmila Shekerinska has been deputy secretary general of NATO since 2024.",
			nil, []string{"Radmila Shekerinska leads NATO 2024.."}},
		{"Ingrid Halvorsen, the head of the UN refugee agency in Geneva, met Antonio Guterres.",
			nil, []string{"Ingrid Halvorsen leads United Nations"}},
		// The head of the organization itself still leads it.
		{"Mark Rutte has been secretary general of NATO since 2024.",
			[]string{"Mark Rutte leads NATO 2024.."}, nil},
		{"Mark Rutte, the head of NATO, met Antonio Guterres on Friday.",
			[]string{"Mark Rutte leads NATO"}, nil},
	})
}

// TestFramingDate: a month or year opening the sentence dates a clause of
// another subject joined to it by "and"; a date followed by "when" dates
// the act the when-clause tells. A day opening a digest's line, or a
// clause in another tense, is not framed.
func TestFramingDate(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"In January 2024 the two parties clashed over a pension increase, and Dan Popa accused Ion Marinescu of buying votes with borrowed money.",
			[]string{"Dan Popa accused Ion Marinescu 2024-01"}, nil},
		{"In September 2022 a second round of fighting killed about 100 people, and Kyrgyzstan accused Tajikistan of shelling villages in Batken.",
			[]string{"Kyrgyzstan accused Tajikistan 2022-09"}, nil},
		{"Relations with Austria soured in 2024, when Tomaz Vidmar criticized Vienna's border checks as a relic.",
			[]string{"Tomaz Vidmar criticized Austria 2024"}, nil},
		{"The talks broke down in March 2023, when Serbia accused Kosovo of violating the deal.",
			[]string{"Serbia accused Kosovo 2023-03"}, nil},
		// A date opening the sentence before an aside dates the main clause.
		{"In March, after weeks of protests, Serbia accused Kosovo of sabotage.",
			[]string{"Serbia accused Kosovo 2025-03"}, nil},
		{"On Monday, after the minister said talks had failed, Emmanuel Macron criticized Russia.",
			[]string{"Emmanuel Macron criticized Russia 2025-11-17"}, nil},
		{"Earlier this year, before her departure was announced, Ingrid Halvorsen visited Tehran.",
			[]string{"Ingrid Halvorsen visited Iran 2025"}, nil},
		// Another tense or time: not framed.
		{"In 2019 the talks collapsed, and Tomaz Vidmar has since criticized Austria.",
			nil, []string{"Tomaz Vidmar criticized Austria 2019"}},
		{"In 2019 the talks collapsed, and Serbia later accused Kosovo of sabotage.",
			nil, []string{"Serbia accused Kosovo 2019"}},
		// A day opening a digest's line dates its own item only.
		{"On Wednesday, Japan sent humanitarian aid to Myanmar, and Serbia accused Kosovo of sabotage.",
			nil, []string{"Serbia accused Kosovo 2025-11-19"}},
	})
}

// TestThatSeason: "that autumn", "that same summer" are in the year the
// story has reached (the last year written before them, in the sentence
// or else in the article), at year precision; without one they date
// nothing.
func TestThatSeason(t *testing.T) {
	pub := graph.DayOf(2026, 1, 15)
	checkFacts(t, pub, []factCase{
		{"Ingrid Halvorsen was appointed envoy in August 2019. In March 2020 she brokered a short truce; it collapsed within a month. That autumn she visited Sanaa for the first time and met the Houthi leader, Abdul-Malik al-Houthi.",
			[]string{"Ingrid Halvorsen visited Yemen 2020"}, nil},
		{"The speaker tried to impeach Joseph Banda in 2005; that autumn Banda accused Louis Chimango of treason.",
			[]string{"Joseph Banda accused Louis Chimango 2005"}, nil},
		{"The coalition was formed in 2023. That same summer Dan Popa accused Ion Marinescu of buying votes.",
			[]string{"Dan Popa accused Ion Marinescu 2023"}, nil},
		{"That autumn Joseph Banda accused Louis Chimango of treason.",
			nil, []string{"Joseph Banda accused Louis Chimango 2026", "Joseph Banda accused Louis Chimango 2025"}},
	})
}

// TestSuccessionAfterResignation: "In June, Popa resigned as deputy prime
// minister. He was succeeded by Munteanu" — the succession and the
// successor's term date from the end the sentence before told; a
// swearing-in the succession's own sentence tells still dates it.
func TestSuccessionAfterResignation(t *testing.T) {
	pub := graph.DayOf(2025, 11, 20)
	checkFacts(t, pub, []factCase{
		{"In June, Dan Popa resigned as deputy prime minister, saying he could no longer defend a budget. He was succeeded by Andreea Munteanu, a Liberal senator.",
			[]string{"Andreea Munteanu succeeded Dan Popa 2025-06", "Andreea Munteanu holds_position Deputy Prime Minister 2025-06.."}, nil},
		{"Romanian Finance Minister Mihai Georgescu resigned in October 2024. Georgescu was replaced by Cristina Voicu.",
			[]string{"Cristina Voicu succeeded Mihai Georgescu 2024-10"}, nil},
		{"Dan Popa resigned as deputy prime minister in June. He was succeeded by Andreea Munteanu, who was sworn in on 2 July.",
			[]string{"Andreea Munteanu succeeded Dan Popa 2025-07-02"}, nil},
		// An end told two sentences before is another story.
		{"Dan Popa resigned as deputy prime minister in June. The budget talks stalled. He was succeeded by Andreea Munteanu.",
			nil, []string{"Andreea Munteanu succeeded Dan Popa 2025-06"}},
	})
}

// TestHadTakenOffice: the pluperfect of a feature looking back ("who had
// taken office in January that year", "had taken office as president of
// Kyrgyzstan in January 2021") starts the term as "took office" does.
func TestHadTakenOffice(t *testing.T) {
	pub := graph.DayOf(2025, 9, 4)
	checkFacts(t, pub, []factCase{
		{"In April 2021 fighting killed 50 people. Kyrgyzstan's president, Sadyr Japarov, who had taken office in January that year, flew to Dushanbe two months later and met President Emomali Rahmon.",
			[]string{"Sadyr Japarov leads Kyrgyzstan 2021-01.."}, nil},
		{"Kyrgyz President Sadyr Japarov had taken office in January 2021.",
			[]string{"Sadyr Japarov leads Kyrgyzstan 2021-01.."}, nil},
		{"Sadyr Japarov had taken office as president of Kyrgyzstan on 28 January 2021.",
			[]string{"Sadyr Japarov leads Kyrgyzstan 2021-01-28.."}, nil},
	})
}
