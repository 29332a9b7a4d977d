package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestFormalStateNames: a state named as its own readouts name it ("the
// Federal Republic of Somalia", "the Hashemite Kingdom of Jordan", "the
// Lao People's Democratic Republic", "the Republic of Korea" before the
// holder's name) is the country, so an office "of" it is that country's;
// a formal name the gazetteer lists keeps its own state.
func TestFormalStateNames(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"President Kassym-Jomart Tokayev received Minister of Foreign Affairs of the Republic of Korea Lim Dong-hoon in Astana on Thursday.",
			[]string{"Kassym-Jomart Tokayev met Lim Dong-hoon 2025-06-19", "Lim Dong-hoon holds_position Foreign Minister of South Korea"}, nil},
		{"The Prime Minister met H.E. Abdi Warsame Nur, Minister of Finance of the Federal Republic of Somalia, in Nairobi on Tuesday.",
			[]string{"Abdi Warsame Nur holds_position Finance Minister of Somalia"}, nil},
		{"Foreign Minister Penny Wong held talks with the Minister for Foreign Affairs of the Lao People's Democratic Republic, Khamsay Vongphachanh, in Vientiane on Wednesday.",
			[]string{"Penny Wong met Khamsay Vongphachanh 2025-06-18", "Khamsay Vongphachanh holds_position Foreign Minister of Laos"}, nil},
		{"The Crown Prince received a phone call on Thursday from Prime Minister of the Islamic Republic of Pakistan Shehbaz Sharif.",
			[]string{"Shehbaz Sharif leads Pakistan"}, []string{"Pakistan Shehbaz leads Pakistan"}},
		{"Muhammad Aurangzeb, Minister of Finance of the Islamic Republic of Pakistan, met IMF officials in Washington on Monday.",
			[]string{"Muhammad Aurangzeb holds_position Finance Minister of Pakistan"}, nil},
		{"Vice Foreign Minister of the Democratic People's Republic of Korea Pak Chol-su arrived in Moscow on Monday.",
			[]string{"Pak Chol-su visited Russia 2025-06-16"}, []string{"Pak Chol-su holds_position Vice Foreign Minister of South Korea"}},
		{"The Ministry of Foreign Affairs of the Kingdom of Saudi Arabia condemned the attack, said Prince Faisal bin Farhan, Minister of Foreign Affairs of the Kingdom of Saudi Arabia.",
			[]string{"Faisal bin Farhan holds_position Foreign Minister of Saudi Arabia"}, nil},
		{"Fighters of the Islamic State of Iraq attacked a checkpoint in Kirkuk on Tuesday.",
			nil, []string{"Iraq fought Iraq 2025-06-17", "Iraq attacked Iraq 2025-06-17"}},
		{"The State of Qatar condemned the attack on Tuesday, said Foreign Minister of the State of Qatar Majid Al-Ansari.",
			[]string{"Majid Al-Ansari holds_position Foreign Minister of Qatar"}, nil},
		{"Lebanon and the Syrian Arab Republic signed a border agreement on Tuesday.",
			[]string{"Lebanon signed_agreement Syria 2025-06-17"}, nil},
	})
}

// TestProtocolMeetings: the formulas of protocol for a meeting in
// person — "received in audience", "granted an audience to", "received a
// courtesy call from", "paid a courtesy call on" — are meetings, not
// telephone calls.
func TestProtocolMeetings(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"Foreign Minister Retno Kusuma received a courtesy call from Australian Foreign Minister Penny Wong in Jakarta on Thursday.",
			[]string{"Retno Kusuma met Penny Wong 2025-06-19"}, []string{"Retno Kusuma spoke_with Penny Wong 2025-06-19"}},
		{"On Wednesday, Ambassador Hiroshi Tanabe paid a courtesy call on President Ferdinand Marcos Jr. at Malacanang Palace.",
			[]string{"Hiroshi Tanabe met Ferdinand Marcos Jr. 2025-06-18"}, []string{"Hiroshi Tanabe spoke_with Ferdinand Marcos Jr. 2025-06-18"}},
		{"The Chairperson of the Commission, H.E. Moussa Diallo, on Tuesday received in audience Foreign Minister Ahmed Abdi Farah of Djibouti.",
			[]string{"Moussa Diallo met Ahmed Abdi Farah 2025-06-17"}, nil},
		{"His Majesty King Mohammed VI granted an audience to Foreign Minister Samira Benali of Tunisia at the Royal Palace in Rabat on Monday.",
			[]string{"Mohammed VI met Samira Benali 2025-06-16"}, nil},
		{"Foreign Minister Ahmed Abdi Farah was received in audience by King Mohammed VI in Rabat on Thursday.",
			[]string{"Mohammed VI met Ahmed Abdi Farah 2025-06-19"}, nil},
	})
}

// TestRoyalStyles: the styles of monarchs and Gulf royals ("His Royal
// Highness Prince", "H.H. Sheikh", "His Majesty King") are no part of the
// name, and a listed Arabic name read in full ("Mohamed bin Zayed Al
// Nahyan", "Mohammed bin Salman bin Abdulaziz Al Saud") is the person
// listed, not two people.
func TestRoyalStyles(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"His Highness Sheikh Mohamed bin Zayed Al Nahyan, President of the UAE, on Thursday received His Majesty King Abdullah II bin Al Hussein at Qasr Al Shati.",
			[]string{"Mohamed bin Zayed met Abdullah II 2025-06-19", "Mohamed bin Zayed leads United Arab Emirates"},
			[]string{"Al Nahyan leads United Arab Emirates"}},
		{"His Royal Highness Prince Mohammed bin Salman bin Abdulaziz Al Saud, Crown Prince and Prime Minister, on Wednesday received a phone call from President Emmanuel Macron of France.",
			[]string{"Mohammed bin Salman spoke_with Emmanuel Macron 2025-06-18"}, []string{"Royal Highness Prince spoke_with Mohammed bin Salman 2025-06-18"}},
		{"H.H. Sheikh Hamdan bin Mubarak Al Nahyan met Foreign Minister Penny Wong in Abu Dhabi on Monday.",
			[]string{"Hamdan bin Mubarak Al Nahyan met Penny Wong 2025-06-16"}, nil},
		{"Saudi Foreign Minister Prince Faisal bin Farhan met Secretary of State Marco Rubio in Washington on Tuesday.",
			[]string{"Faisal bin Farhan met Marco Rubio 2025-06-17"}, nil},
	})
}

// TestTodayOfTheDateline: "today" in a report whose dateline states its
// day ("ABU DHABI, 10th February, 2025 (WAM) --", "Addis Ababa, 18 June
// 2025:", "Riyadh, May 11, 2025, SPA --") is that day, not the day the
// paper was published; without a dated dateline it stays the day of
// publication.
func TestTodayOfTheDateline(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"DOHA, 19th June, 2025 (QNA) -- Foreign Minister Majid Al-Ansari today received Foreign Minister Penny Wong.",
			[]string{"Majid Al-Ansari met Penny Wong 2025-06-19"}, []string{"Majid Al-Ansari met Penny Wong 2025-06-20"}},
		{"Nairobi, 18 June 2025: President William Ruto this morning held talks with President Yoweri Museveni at State House.",
			[]string{"William Ruto met Yoweri Museveni 2025-06-18"}, nil},
		{"Muscat, June 19, 2025, ONA -- Sayyid Badr Albusaidi, Minister of Foreign Affairs, received a phone call today from Foreign Minister Abbas Araghchi of Iran.",
			[]string{"Badr Albusaidi spoke_with Abbas Araghchi 2025-06-19"}, nil},
		{"Foreign Minister Majid Al-Ansari today received Foreign Minister Penny Wong in Doha.",
			[]string{"Majid Al-Ansari met Penny Wong 2025-06-20"}, nil},
	})
}

// TestGivenNameBeforeListed: a given name written before a person the
// gazetteer lists ("Prime Minister Muhammad Shehbaz Sharif", "President
// Mohamed Abdel Fattah el-Sisi") is more of that person's name, not a
// person of its own who would lead the country.
func TestGivenNameBeforeListed(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"The Crown Prince received a phone call on Thursday from Prime Minister of the Islamic Republic of Pakistan Muhammad Shehbaz Sharif.",
			[]string{"Shehbaz Sharif leads Pakistan"}, []string{"Muhammad leads Pakistan"}},
		{"Prime Minister Muhammad Shehbaz Sharif met President Recep Tayyip Erdogan in Ankara on Wednesday.",
			[]string{"Shehbaz Sharif met Recep Tayyip Erdoğan 2025-06-18"}, []string{"Muhammad met Recep Tayyip Erdoğan 2025-06-18"}},
	})
}

// TestForeignMinistersByTheirOfficesNames: the foreign ministries that
// carry a second portfolio in their name ("Minister of Foreign Affairs
// and Cooperation", "… and International Cooperation", "… and Trade",
// "Secretary of Foreign Affairs") name the foreign minister; a meeting
// "at the Ministry of Foreign Affairs in Jakarta" took place in Jakarta.
func TestForeignMinistersByTheirOfficesNames(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"The Minister of Foreign Affairs and Cooperation of Mozambique, Maria Manuela Lucas, held talks with Foreign Minister Ronald Lamola in Pretoria on Tuesday.",
			[]string{"Maria Manuela Lucas holds_position Foreign Minister of Mozambique", "Maria Manuela Lucas met Ronald Lamola 2025-06-17"}, nil},
		{"H.E. Abdoulkader Hussein Omar, Minister of Foreign Affairs and International Cooperation of the Republic of Djibouti, was received by President Isaias Afwerki on Monday.",
			[]string{"Abdoulkader Hussein Omar holds_position Foreign Minister of Djibouti"}, nil},
		{"Minister of Foreign Affairs of Japan Hana Morikawa met Foreign Minister Penny Wong in Tokyo on Monday.",
			[]string{"Hana Morikawa holds_position Foreign Minister of Japan", "Hana Morikawa met Penny Wong 2025-06-16"}, nil},
		{"Minister of Finance of India Nirmala Sitharaman met Secretary Scott Bessent in Washington on Tuesday.",
			[]string{"Nirmala Sitharaman holds_position Finance Minister of India", "Nirmala Sitharaman met Scott Bessent 2025-06-17"}, nil},
		// Not a minister's title, or a body's name after the country:
		// the country's name runs on as before.
		{"President of Georgia Tech Angel Cabrera met Governor Brian Kemp on Tuesday.",
			nil, []string{"Tech Angel Cabrera leads Georgia", "Angel Cabrera leads Georgia"}},
		{"Chairman of China Development Bank Zhao Huan met President Lula in Brasilia on Tuesday.",
			nil, []string{"China met Luiz Inácio Lula da Silva 2025-06-17"}},
		{"Peter Szijjarto, Minister of Foreign Affairs and Trade of Hungary, met his Serbian counterpart in Belgrade on Wednesday.",
			[]string{"Peter Szijjarto holds_position Foreign Minister of Hungary"}, nil},
		{"Secretary of Foreign Affairs Enrique Manalo received a courtesy call from Ambassador Kazuya Endo at the Department of Foreign Affairs in Pasay City on Thursday.",
			[]string{"Enrique Manalo holds_position Foreign Minister", "Enrique Manalo met Kazuya Endo 2025-06-19"}, nil},
	})
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	res, names := extractByID(e, "Foreign Minister Retno Kusuma received Foreign Minister Penny Wong at the Ministry of Foreign Affairs in Jakarta on Thursday.", pub)
	found := false
	for _, f := range res.Facts {
		if f.Predicate == graph.Met && names[f.Subject] == "Retno Kusuma" {
			found = true
			if f.Location != "Jakarta" {
				t.Errorf("meeting placed at %q, want Jakarta", f.Location)
			}
		}
	}
	if !found {
		t.Error("no meeting found")
	}
}

// TestTwoTitlesOneHolder: "Deputy Prime Minister and Minister of Foreign
// Affairs X" is one person with two posts, also as "his counterpart,
// Deputy Prime Minister and Minister of Foreign Affairs of Laos X": the
// call is with X. "exchanged views on" names a topic, never the partner:
// a country named in the topic is met by no one.
func TestTwoTitlesOneHolder(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"On Tuesday, Deputy Prime Minister and Minister of Foreign Affairs Tran Van Minh held a telephone conversation with his counterpart, Deputy Prime Minister and Minister of Foreign Affairs of the Lao People's Democratic Republic Somphet Keola.",
			[]string{"Tran Van Minh spoke_with Somphet Keola 2025-06-17"}, nil},
		{"Vice President and Minister of Defence Lucia Andrade held talks with her counterpart, Minister of National Defence of Portugal Nuno Matos, in Luanda on Monday.",
			[]string{"Lucia Andrade met Nuno Matos 2025-06-16"}, nil},
		{"Deputy Prime Minister and Foreign Minister Kamal Haddad met Foreign Minister Penny Wong in Amman on Wednesday.",
			[]string{"Kamal Haddad met Penny Wong 2025-06-18"}, nil},
		{"President Tran Luong called Prime Minister Anwar Ibrahim on Monday. The two sides exchanged views on the agreements reached during the state visit to Laos by General Secretary To Lam in January.",
			[]string{"Tran Luong spoke_with Anwar Ibrahim 2025-06-16"}, []string{"Tran Luong met Laos 2025-01", "Anwar Ibrahim met Laos 2025-01"}},
	})
}

// TestMOFAStyleNamesAndTalks: Japan's foreign ministry writes the family
// name first in capitals after a courtesy title ("Mr. MOTEGI Toshimitsu",
// "Ms. KAMIKAWA Yoko"): the person is "Toshimitsu Motegi", whom "Minister
// Motegi" names later; a capitalized name of the talks ("a Japan-Philippines
// Foreign Ministers' Telephone Talk", "the Japan-Australia Summit
// Meeting") is no person, and a telephone talk is spoke_with.
func TestMOFAStyleNamesAndTalks(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"On June 18, Mr. MORIYAMA Kenji, Minister for Foreign Affairs of Japan, held a Japan-Philippines Foreign Ministers' Telephone Talk with H.E. Ms. Teresa Galvez, Secretary of Foreign Affairs of the Republic of the Philippines. Minister Moriyama welcomed the talks.",
			[]string{"Kenji Moriyama spoke_with Teresa Galvez 2025-06-18", "Kenji Moriyama holds_position Foreign Minister of Japan"},
			[]string{"MORIYAMA Kenji holds_position Foreign Minister of Japan"}},
		{"On June 17, Ms. SATO Haruka, Minister for Foreign Affairs, held a telephone talk with H.E. Mr. Daniel Brandt, Minister for Foreign Affairs of the Republic of Austria.",
			[]string{"Haruka Sato spoke_with Daniel Brandt 2025-06-17"}, nil},
		{"On June 16, Prime Minister Fumio Kishida held a Japan-Australia Summit Meeting with the Hon. Anthony Albanese, Prime Minister of Australia, in Tokyo.",
			[]string{"Fumio Kishida met Anthony Albanese 2025-06-16"}, nil},
	})
}

// TestStatementOnBehalfOf: "conveyed the appreciation of the Government
// of X for Y's assistance" is a statement about Y made for X: Y is its
// target, never the speaker's own government. Gratitude or solidarity
// expressed is support (CAMEO 051), never the disapproval the verb
// "express" alone codes. "Reaffirmed the commitment of the African Union
// to Somalia" is toward Somalia, not the Union its holder.
func TestStatementOnBehalfOf(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"On Thursday, Foreign Minister Amara Kone conveyed the appreciation of the Government of Mali for Algeria's assistance to the displaced.",
			[]string{"Amara Kone commented_on Algeria 2025-06-19"}, []string{"Amara Kone commented_on Mali 2025-06-19"}},
		{"Ambassador Liesl Vogel on Monday extended the condolences of the people of Austria to Nepal after the floods.",
			[]string{"Liesl Vogel commented_on Nepal 2025-06-16"}, []string{"Liesl Vogel commented_on Austria 2025-06-16"}},
		{"On Wednesday, Chairperson Moussa Diallo reaffirmed the commitment of the African Union to the peace and stability of Somalia.",
			[]string{"Moussa Diallo cooperated_with Somalia 2025-06-18"}, []string{"Moussa Diallo cooperated_with African Union 2025-06-18"}},
		{"Secretary-General Maria Ortega on Monday reaffirmed the support of the United Nations for Haiti's transitional council.",
			nil, []string{"Maria Ortega supported United Nations 2025-06-16", "Maria Ortega cooperated_with United Nations 2025-06-16"}},
		{"President Ruto expressed gratitude to Japan for its support on Tuesday.",
			[]string{"William Ruto supported Japan 2025-06-17"}, []string{"William Ruto criticized Japan 2025-06-17"}},
		{"Foreign Minister Amara Kone expressed solidarity with Morocco on Monday.",
			[]string{"Amara Kone supported Morocco 2025-06-16"}, []string{"Amara Kone criticized Morocco 2025-06-16"}},
	})
}

// TestCourtStylesAndNames: more of the styles of Gulf and Southeast Asian
// readouts. "HE" and "HH" without points are courtesies ("President of
// the Republic of Kenya HE William Ruto" makes no person "HE" who leads
// Kenya); "His Highness the Amir Sheikh Tamim bin Hamad Al-Thani" is one
// person, the Amir a title; "His Majesty Sultan Haji Hassanal Bolkiah"
// is Hassanal Bolkiah; "Ma." (María) ends no sentence; "Minister of
// Foreign Affairs II" is an office, not a person "II"; "Dato" is a
// Malay title of honour; "Ferdinand R. Marcos Jr." is the listed
// Ferdinand Marcos Jr.
func TestCourtStylesAndNames(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"The Amir received a written message on Thursday from President of the Republic of Kenya HE William Ruto.",
			[]string{"William Ruto leads Kenya"}, []string{"HE leads Kenya"}},
		{"Doha, June 19 (QNA) - His Highness the Amir Sheikh Tamim bin Hamad Al-Thani received a phone call today from President Emmanuel Macron of France.",
			[]string{"Tamim bin Hamad Al Thani spoke_with Emmanuel Macron 2025-06-19"},
			[]string{"Al-Thani spoke_with Emmanuel Macron 2025-06-19", "Amir Sheikh spoke_with Emmanuel Macron 2025-06-19"}},
		{"Foreign Minister Penny Wong paid a courtesy call on His Majesty Sultan Haji Hassanal Bolkiah at Istana Nurul Iman on Tuesday.",
			[]string{"Penny Wong met Hassanal Bolkiah 2025-06-17"}, []string{"Penny Wong met Sultan 2025-06-17"}},
		{"Secretary of Foreign Affairs Ma. Luisa Reyes held talks with Foreign Minister Penny Wong in Manila on Monday.",
			[]string{"Ma. Luisa Reyes met Penny Wong 2025-06-16"}, nil},
		{"On Wednesday, Foreign Minister Penny Wong held consultations with the Minister of Foreign Affairs II of Brunei Darussalam, Dato Erywan Pehin Yusof, in Bandar Seri Begawan.",
			[]string{"Penny Wong met Erywan Pehin Yusof 2025-06-18", "Erywan Pehin Yusof holds_position Foreign Minister of Brunei"},
			[]string{"II holds_position Foreign Minister of Brunei"}},
		// A title after a style only: "Amir" and "Sultan" are given
		// names too, and "Prince Harry" keeps his.
		{"Israeli lawmaker Amir Ohana visited Kyiv on Monday.",
			[]string{"Amir Ohana visited Ukraine 2025-06-16"}, []string{"Ohana visited Ukraine 2025-06-16"}},
		{"UAE Minister of Industry Sultan Al Jaber met Prime Minister Narendra Modi in New Delhi on Monday.",
			[]string{"Sultan Al Jaber met Narendra Modi 2025-06-16"}, nil},
		{"Prince Harry visited Ukraine on Monday.", []string{"Prince Harry visited Ukraine 2025-06-16"}, nil},
		{"President Ferdinand R. Marcos Jr. held talks with Prime Minister Anthony Albanese in Canberra on Monday.",
			[]string{"Ferdinand Marcos Jr. met Anthony Albanese 2025-06-16"}, []string{"Ferdinand R. Marcos Jr. met Anthony Albanese 2025-06-16"}},
	})
}

// TestVisitToTheCountry: "who is on a working visit to the country" in
// an agency's report names the country of its dateline, visited by the
// person the relative clause follows ("King X of Jordan, who is …": the
// King, not Jordan).
func TestVisitToTheCountry(t *testing.T) {
	pub := graph.DayOf(2025, 6, 20) // a Friday
	checkFacts(t, pub, []factCase{
		{"MANAMA, June 19 (BNA) - His Majesty King Hamad bin Isa Al Khalifa today received President Nikos Christodoulides of Cyprus, who is on an official visit to the Kingdom.",
			[]string{"Nikos Christodoulides visited Bahrain 2025-06-19"}, []string{"Cyprus visited Bahrain 2025-06-19"}},
		{"ASTANA, June 18 - President Kassym-Jomart Tokayev received Prime Minister Petteri Orpo of Finland, who is on a two-day visit to the country.",
			[]string{"Petteri Orpo visited Kazakhstan 2025-06-18"}, []string{"Finland visited Kazakhstan 2025-06-18"}},
	})
}
