package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Sentences in the styles of state news agencies and their English
// services (issue 13): Gulf courtesies and lineages, KCNA's and IRNA's
// titles, coordinated verbs, statements issued to condemn, plans denied.

// TestGulfCourtesiesAndLineages: "His (Royal) Highness", "the Custodian of
// the Two Holy Mosques" and a rank before a listed name are no names; the
// lineage the agencies write in full ("bin Abdulaziz Al Saud", "Al
// Nahyan") is the listed person's, not a second person.
func TestGulfCourtesiesAndLineages(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "His Royal Highness Prince Mohammed bin Salman bin Abdulaziz Al Saud, Crown Prince and Prime Minister, met with US Secretary of State Marco Rubio in Riyadh on Tuesday.",
			want: []string{"Mohammed bin Salman met Marco Rubio 2025-03-04"},
			not:  []string{"Royal Highness Prince met Marco Rubio 2025-03-04", "Prince met Marco Rubio 2025-03-04", "Abdulaziz Al Saud holds_position Crown Prince"}},
		{text: "His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE, received a phone call from Indian Prime Minister Narendra Modi on Monday.",
			want: []string{"Mohamed bin Zayed spoke_with Narendra Modi 2025-03-03"},
			not:  []string{"Highness Sheikh spoke_with Narendra Modi 2025-03-03", "Al Nahyan spoke_with Narendra Modi 2025-03-03", "Al Nahyan leads United Arab Emirates"}},
		{text: "The Custodian of the Two Holy Mosques King Salman bin Abdulaziz Al Saud received a phone call on Wednesday from French President Emmanuel Macron.",
			want: []string{"Salman bin Abdulaziz spoke_with Emmanuel Macron 2025-03-05", "Salman bin Abdulaziz leads Saudi Arabia"},
			not:  []string{"Custodian spoke_with Emmanuel Macron 2025-03-05"}},
		{text: "The Custodian of the Two Holy Mosques received Jordan's King Abdullah II in Jeddah on Sunday.",
			not: []string{"Custodian met Abdullah II 2025-03-02"}},
		{text: "Crown Prince Mohammed bin Salman bin Abdulaziz held talks with Egyptian President Abdel Fattah el-Sisi on Thursday.",
			want: []string{"Mohammed bin Salman met Abdel Fattah el-Sisi 2025-03-06"},
			not:  []string{"Abdulaziz met Abdel Fattah el-Sisi 2025-03-06"}},
	})
}

// TestStateMediaTitles: "Leader of the Islamic Revolution" is Iran's
// supreme leader, "President of the State Affairs" North Korea's head of
// state; a faith between a country's adjective and a role ("the Iraqi
// Shia cleric") is a word of the phrase, not a name.
func TestStateMediaTitles(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Leader of the Islamic Revolution Ayatollah Ali Khamenei received Iraqi Prime Minister Mohammed Shia al-Sudani in Tehran on Thursday.",
			want: []string{"Ali Khamenei leads Iran", "Ali Khamenei met Mohammed Shia al-Sudani 2025-03-06"}},
		{text: "Ayatollah Ali Khamenei received the Iraqi Shia cleric Ammar al-Hakim in Tehran on Thursday.",
			want: []string{"Ali Khamenei met Ammar al-Hakim 2025-03-06", "Ammar al-Hakim national_of Iraq"},
			not:  []string{"Shia met Ammar al-Hakim 2025-03-06"}},
		{text: "Lebanese Christian lawmaker Samir Haddad met Syrian President Ahmed al-Sharaa in Damascus on Monday.",
			want: []string{"Samir Haddad national_of Lebanon", "Samir Haddad met Ahmed al-Sharaa 2025-03-03"}},
		{text: "Respected Comrade Kim Jong Un, president of the State Affairs of the Democratic People's Republic of Korea, inspected a tank factory on Thursday.",
			want: []string{"Kim Jong Un leads North Korea"}},
		{text: "Kim Jong Un, President of the State Affairs, received Russian Defence Minister Andrei Belousov on Friday.",
			want: []string{"Kim Jong Un leads North Korea", "Kim Jong Un met Andrei Belousov 2025-03-07"}},
		// two courtesies before the name: "Ayatollah Seyyed", "Grand Ayatollah"
		{text: "Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei met Iraqi Prime Minister Mohammed Shia al-Sudani on Thursday.",
			want: []string{"Ali Khamenei leads Iran", "Ali Khamenei met Mohammed Shia al-Sudani 2025-03-06"}},
		{text: "Supreme Leader Ayatollah Seyyed Ali Khamenei received Hamas officials.",
			want: []string{"Ali Khamenei leads Iran", "Ali Khamenei met Hamas "}},
		{text: "President Hojatoleslam Seyyed Ebrahim Raisi met Putin in Tehran on Tuesday.",
			want: []string{"Ebrahim Raisi leads Iran", "Ebrahim Raisi met Vladimir Putin 2025-03-04"}},
		{text: "Iraqi Shia cleric Grand Ayatollah Ali al-Sistani met the UN envoy on Monday.",
			want: []string{"Ali al-Sistani national_of Iraq"}, not: []string{"Grand national_of Iraq"}},
	})
}

// TestSecondVerbHasItsObject: "inspected a munitions plant and denounced
// drills by the United States": the first verb, with no actor after it,
// does not take the second verb's object.
func TestSecondVerbHasItsObject(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "North Korea's official KCNA said leader Kim Jong Un had inspected a munitions plant and denounced joint drills by the United States and South Korea.",
			want: []string{"Kim Jong Un criticized United States ", "Kim Jong Un criticized South Korea "},
			not:  []string{"Kim Jong Un investigated United States ", "Kim Jong Un investigated South Korea "}},
		{text: "Kim Jong Un inspected a missile unit on Tuesday and condemned Japan for its military buildup.",
			want: []string{"Kim Jong Un criticized Japan 2025-03-04"}, not: []string{"Kim Jong Un investigated Japan 2025-03-04"}},
		{text: "The Iranian foreign minister examined the damage and accused Israel of war crimes.",
			not: []string{"Iran investigated Israel "}},
		{text: "Russian forces shelled villages and attacked Ukrainian positions on Monday.",
			want: []string{"Russia fought Ukraine 2025-03-03"}},
	})
}

// TestStatementIssuedToCondemn: "issued a press statement condemning X",
// the ministries' and agencies' formula, is a criticism of X, not a
// demand, a date between or not.
func TestStatementIssuedToCondemn(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Kim Yo Jong, vice department director of the WPK Central Committee, issued a press statement on Wednesday condemning Japan for its missile deployment.",
			want: []string{"Kim Yo Jong criticized Japan 2025-03-05"}, not: []string{"Kim Yo Jong demanded Japan 2025-03-05"}},
		{text: "Iran's foreign ministry issued a statement on Monday condemning Israel for the strike on Damascus.",
			want: []string{"Iran criticized Israel 2025-03-03"}},
		{text: "Kim Yo Jong released a statement denouncing South Korea's leaflet campaign on Sunday.",
			want: []string{"Kim Yo Jong criticized South Korea 2025-03-02"}},
		{text: "Egypt issued a statement urging Israel to withdraw from the Philadelphi corridor.",
			want: []string{"Egypt demanded Israel "}},
	})
}

// TestNoPlansIsNoPlan: "has no plans to meet X" is no intent to meet.
func TestNoPlansIsNoPlan(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Kremlin spokesman Dmitry Peskov told reporters that Putin had no plans to meet Finnish President Alexander Stubb.",
			not: []string{"Vladimir Putin agreed_with Alexander Stubb "}},
		{text: "Putin has no plans to meet Zelensky, the Kremlin said.",
			not: []string{"Vladimir Putin agreed_with Volodymyr Zelensky "}},
		{text: "The White House said Trump has no plans to visit Beijing this year.",
			not: []string{"Donald Trump pledged China 2025"}},
		{text: "Trump does not have any plans to travel to Moscow.",
			not: []string{"Donald Trump pledged Russia "}},
		{text: "Putin plans to meet Zelensky.",
			want: []string{"Vladimir Putin agreed_with Volodymyr Zelensky "}},
	})
}

// TestOfferToHostARound: "ready to host a new round of talks between X
// and Y" is the host's offer, no meeting of X and Y.
func TestOfferToHostARound(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	pub := graph.DayOf(2025, 3, 7)
	for _, text := range []string{
		"Erdogan said Türkiye was ready to host a new round of talks between Russia and Ukraine.",
		"Oman offered to host the next round of talks between Iran and the United States.",
		"Qatar is prepared to host a fresh round of negotiations between Israel and Hamas.",
	} {
		got := allFacts(t, e, text, pub)
		for _, f := range got {
			assert.NotContains(t, []string{"Russia met Ukraine ", "Iran met United States ", "Israel met Hamas "}, f, text)
		}
	}
	assert.Contains(t, allFacts(t, e, "A new round of talks between Russia and Ukraine was held in Istanbul on Monday.", pub),
		"Russia met Ukraine 2025-03-03")
}

// TestStatementThenSecondVerb: a statement that codes no event ("expressed
// concern over the crisis in Gaza") leaves the clause to the subject's
// second verb, whose object is its own.
func TestStatementThenSecondVerb(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "The Russian side expressed concern over the growing humanitarian crisis in Gaza and called on Israel to lift restrictions on aid deliveries.",
			want: []string{"Russia demanded Israel "}},
		{text: "China expressed concern over the fighting in Sudan and urged the RSF to cease fire.",
			want: []string{"China demanded RSF "}},
		{text: "Iran expressed deep concern over the situation in Lebanon and accused Israel of violating the ceasefire.",
			want: []string{"Iran accused Israel "}},
	})
}

// TestLeadersWitnessedTheSigning: "the two heads of state witnessed the
// signing of cooperation documents" is an agreement signed between them.
func TestLeadersWitnessedTheSigning(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Chinese President Xi Jinping held talks with Kazakh President Kassym-Jomart Tokayev on Tuesday. After the talks, the two heads of state witnessed the signing of more than 20 cooperation documents.",
			want: []string{"Xi Jinping signed_agreement Kassym-Jomart Tokayev 2025-03-04"}},
		{text: "Xi and Putin witnessed the signing of cooperation documents on Tuesday.",
			want: []string{"Xi Jinping signed_agreement Vladimir Putin 2025-03-04"}},
		{text: "Modi and Albanese witnessed the signing of four agreements on Friday.",
			want: []string{"Narendra Modi signed_agreement Anthony Albanese 2025-03-07"}},
	})
}

// TestDirectorateIsABody: "Türkiye's Communications Directorate", the
// source Anadolu names, is a body, never a person of Turkey.
func TestDirectorateIsABody(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "The two leaders discussed bilateral relations, according to a statement by Türkiye's Communications Directorate.",
			not: []string{"Communications Directorate national_of Turkey"}},
		{text: "Erdogan received the Iraqi prime minister on Monday, Turkey's Communications Directorate said.",
			not: []string{"Communications Directorate national_of Turkey"}},
		{text: "The talks were held in Ankara, Türkiye's Presidential Communications Directorate said on Monday.",
			not: []string{"Presidential Communications Directorate national_of Turkey"}},
	})
}

// TestTalksOnADayWith: "held talks on Tuesday with X, who is on a state
// visit to China, at the Great Hall": the day between the talks and
// "with" keeps the meeting, read beside the guest's visit.
func TestTalksOnADayWith(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Xi Jinping held talks on Tuesday with Kassym-Jomart Tokayev, who is on a state visit to China, at the Great Hall of the People in Beijing.",
			want: []string{"Xi Jinping met Kassym-Jomart Tokayev 2025-03-04", "Kassym-Jomart Tokayev visited China "}},
		{text: "Putin held a meeting on Friday with Modi, who is on an official visit to Russia, in the Kremlin.",
			want: []string{"Vladimir Putin met Narendra Modi 2025-03-07"}},
		{text: "Li Qiang held talks on Monday with Anwar Ibrahim, who is in China for the Boao forum, in Hainan.",
			want: []string{"Li Qiang met Anwar Ibrahim 2025-03-03"}},
	})
}

// TestTwoTitlesBeforeAName: "Jordan's Deputy Prime Minister and Foreign
// Minister Ayman Safadi": the title next to the name is read with the
// country, and the country is no actor of the sentence's verb.
func TestTwoTitlesBeforeAName(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Jordan's Deputy Prime Minister and Foreign Minister Ayman Safadi met Rubio on Tuesday.",
			want: []string{"Ayman Safadi holds_position Foreign Minister of Jordan", "Ayman Safadi met Marco Rubio 2025-03-04"},
			not:  []string{"Jordan met Marco Rubio 2025-03-04"}},
		{text: "Qatari Prime Minister and Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani met Rubio on Tuesday.",
			want: []string{"Mohammed bin Abdulrahman Al Thani holds_position Foreign Minister of Qatar"}},
		{text: "Rubio met Prime Minister Kishida and President Biden on Tuesday.",
			want: []string{"Marco Rubio met Fumio Kishida 2025-03-04", "Marco Rubio met Joe Biden 2025-03-04"}},
	})
}

// TestSecondTitleOfAnApposition: "Kim Jong Un, general secretary of the
// WPK and president of the State Affairs of the DPRK,": the title after
// "and" is the same person's, read.
func TestSecondTitleOfAnApposition(t *testing.T) {
	checkFacts(t, graph.DayOf(2025, 3, 7), []factCase{
		{text: "Respected Comrade Kim Jong Un, general secretary of the Workers' Party of Korea and president of the State Affairs of the Democratic People's Republic of Korea, inspected a tank factory on Thursday.",
			want: []string{"Kim Jong Un leads North Korea"}},
		{text: "Ahmed Hassan, a member of the African Union and foreign minister of Sudan, met Rubio on Monday.",
			want: []string{"Ahmed Hassan holds_position Foreign Minister of Sudan", "Ahmed Hassan met Marco Rubio 2025-03-03"}},
		{text: "Lars Nowak, chairman of the European Council and prime minister of Poland, met Macron on Monday.",
			want: []string{"Lars Nowak leads Poland", "Lars Nowak leads European Council"}},
	})
}
