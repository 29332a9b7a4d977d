package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestTakenFromAnActor: a place taken "in" a capital "from" an armed
// group is taken from that group; the capital is where it happened.
func TestTakenFromAnActor(t *testing.T) {
	pub := graph.DayOf(2025, 3, 21) // a Friday
	checkFacts(t, pub, []factCase{
		{"Sudan's army said on Friday it had recaptured the presidential palace in Khartoum from the paramilitary Rapid Support Forces.",
			[]string{"Sudan fought Rapid Support Forces 2025-03-21"}, []string{"Sudan fought Sudan 2025-03-21"}},
		{"Syrian government troops retook the airport in Damascus from Hayat Tahrir al-Sham fighters on Thursday.",
			[]string{"Syria fought Hayat Tahrir al-Sham 2025-03-20"}, []string{"Syria fought Syria 2025-03-20"}},
		// With no one it was taken from, the capital's country stays the
		// target, as before.
		{"Russian forces shelled the railway station in Kyiv on Thursday.",
			[]string{"Russia fought Ukraine 2025-03-20"}, nil},
	})
}

// TestContextIsNoTarget: a country named in a phrase of circumstance
// ("in the face of X's threat", "amid tensions with X", "despite X's
// objections") is not the one an agreement or pledge is made with.
func TestContextIsNoTarget(t *testing.T) {
	pub := graph.DayOf(2025, 6, 18) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"South Korean President Lee Jae-myung and Japanese Prime Minister Shigeru Ishiba agreed on Tuesday to strengthen security cooperation in the face of North Korea's nuclear threat.",
			[]string{"Lee Jae-myung agreed_with Shigeru Ishiba 2025-06-17"},
			[]string{"Lee Jae-myung pledged North Korea 2025-06-17", "Shigeru Ishiba pledged North Korea 2025-06-17"}},
		{"Philippine President Ferdinand Marcos Jr. and Australian Prime Minister Anthony Albanese agreed on Tuesday to expand joint patrols amid tensions with China.",
			nil,
			[]string{"Ferdinand Marcos Jr. threatened China 2025-06-17", "Anthony Albanese threatened China 2025-06-17"}},
		{"Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed pledged on Tuesday to finish the road link despite objections from Somalia.",
			nil, []string{"William Ruto pledged Somalia 2025-06-17", "Abiy Ahmed pledged Somalia 2025-06-17"}},
	})
}

// TestLongestSectorNoun: the longest sector noun after a country's
// adjective names the part: "Syrian government troops" are Syria's
// military, not its government; "a military junta" is a government.
func TestLongestSectorNoun(t *testing.T) {
	e, err := New()
	require.NoError(t, err)
	for _, c := range []struct{ text, want string }{
		{"Syrian government troops shelled Turkish positions on Tuesday.", "Syria/MIL fought Turkey"},
		{"Ethiopian government forces attacked Eritrean positions on Tuesday.", "Ethiopia/MIL fought Eritrea"},
		{"The Malian military junta expelled the French ambassador on Tuesday.", "Mali/GOV sanctioned France/GOV"},
	} {
		assert.Contains(t, sectoredEvents(t, e, c.text), c.want, c.text)
	}
}

// TestAgreedMeasure: members agreeing on a sanction with no condition
// decide it: the sanction is the event; one bound to a condition, or
// pledged, is a threat of it.
func TestAgreedMeasure(t *testing.T) {
	pub := graph.DayOf(2025, 1, 28) // a Tuesday
	checkFacts(t, pub, []factCase{
		{"European Union foreign ministers agreed on Monday to extend economic sanctions against Russia for another six months.",
			[]string{"European Union sanctioned Russia 2025-01-27"}, []string{"European Union threatened Russia 2025-01-27"}},
		{"The African Union agreed on Monday to impose sanctions on Niger.",
			[]string{"African Union sanctioned Niger 2025-01-27"}, []string{"African Union threatened Niger 2025-01-27"}},
		{"The African Union agreed on Monday to impose sanctions on Niger unless the junta frees the president.",
			[]string{"African Union threatened Niger 2025-01-27"}, []string{"African Union sanctioned Niger 2025-01-27"}},
		{"The European Union pledged on Monday to impose sanctions on Belarus.",
			[]string{"European Union threatened Belarus 2025-01-27"}, []string{"European Union sanctioned Belarus 2025-01-27"}},
	})
}

// TestAcronymOfANamedOrganization: an acronym of an organization named
// earlier in the article stands for it, never for a person.
func TestAcronymOfANamedOrganization(t *testing.T) {
	pub := graph.DayOf(2025, 3, 21) // a Friday
	checkFacts(t, pub, []factCase{
		{"Sudan's army clashed with the paramilitary Rapid Support Forces on Thursday. The RSF accused the army of shelling residential neighbourhoods.",
			[]string{"Rapid Support Forces accused Sudan 2025-03-20"}, nil},
		{"Fighters of Hayat Tahrir al-Sham entered Aleppo on Thursday. On Friday HTS accused Russia of bombing civilians.",
			[]string{"Hayat Tahrir al-Sham accused Russia 2025-03-21"}, nil},
	})
}

// TestTheArmyNamedBefore: "the army" in a sentence that names no country
// is the army the article last named, one country's; with none named, or
// two countries' forces, it stays no actor.
func TestTheArmyNamedBefore(t *testing.T) {
	pub := graph.DayOf(2025, 3, 21) // a Friday
	checkFacts(t, pub, []factCase{
		{"Myanmar's army shelled villages near the Thai border on Thursday. Rebels of the Karen National Union accused the army of killing civilians.",
			[]string{"Karen National Union criticized Myanmar 2025-03-20"}, []string{"Myanmar fought Thailand 2025-03-20"}},
		{"Rebels accused the army of killing civilians on Thursday.",
			nil, []string{"Rebels accused Myanmar 2025-03-20"}},
	})
}

// TestVerbAfterSectorNoun: "Georgian police detained opposition leader
// X" is the police detaining X, not a Georgian "police detained
// opposition leader"; a state told before the noun still describes the
// person ("jailed opposition leader X").
func TestVerbAfterSectorNoun(t *testing.T) {
	pub := graph.DayOf(2025, 2, 3) // a Monday
	checkFacts(t, pub, []factCase{
		{"Georgian police detained opposition leader Nika Melia on Sunday.",
			[]string{"Georgia coerced Nika Melia 2025-02-02"}, nil},
		{"Belarusian police detained opposition activist Olga Kavalkova during a rally in Minsk on Sunday.",
			[]string{"Belarus coerced Olga Kavalkova 2025-02-02"}, nil},
		{"Jailed Turkish opposition leader Selahattin Demirtas called for peace on Sunday.",
			[]string{"Selahattin Demirtas national_of Turkey"}, nil},
	})
}

// TestSignedInAPlaceBy: a passive signing may tell where before whom
// ("was signed in Manila by X and Y").
func TestSignedInAPlaceBy(t *testing.T) {
	pub := graph.DayOf(2025, 4, 30) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"The agreement was signed in Manila by Japanese Ambassador Endo Kazuya and Philippine Defence Secretary Gilberto Teodoro.",
			[]string{"Endo Kazuya signed_agreement Gilberto Teodoro "}, nil},
		{"The accord was signed on Friday in Nairobi by Kenya and Somalia.",
			[]string{"Kenya signed_agreement Somalia 2025-04-25"}, nil},
		{"The memorandum was signed at the Kremlin by Russia and Mali on Tuesday.",
			[]string{"Russia signed_agreement Mali 2025-04-29"}, nil},
	})
}

// TestEquipmentDelivered: military equipment delivered, provided or
// supplied to a country is aid to it (sent ships stay a deployment).
func TestEquipmentDelivered(t *testing.T) {
	pub := graph.DayOf(2025, 4, 30)
	checkFacts(t, pub, []factCase{
		{"Japan delivered a first batch of radars to the Philippine navy in March, the Japanese embassy said.",
			[]string{"Japan aided Philippines 2025-03"}, nil},
		{"Turkey supplied armed drones to Ukraine in 2022.",
			[]string{"Turkey aided Ukraine 2022"}, nil},
		{"Russia sent warships to Venezuela in March.",
			nil, []string{"Russia aided Venezuela 2025-03"}},
	})
}

// TestCrowdsCounted: "thousands" or "tens of thousands" who rally or
// march are a crowd of the place's country; "thousands of soldiers" are
// soldiers. An act named after "the decision to", "a bid to" is not done.
func TestCrowdsCounted(t *testing.T) {
	pub := graph.DayOf(2025, 2, 3) // a Monday
	checkFacts(t, pub, []factCase{
		{"Thousands rallied in Tbilisi on Sunday against the government's decision to suspend EU accession talks.",
			[]string{"Georgia protested Georgia 2025-02-02"}, []string{"Georgia sanctioned European Union 2025-02-02"}},
		{"Tens of thousands marched through Belgrade on Saturday to demand the resignation of the government.",
			[]string{"Serbia protested Serbia 2025-02-01"}, nil},
		{"Hundreds demonstrated outside the parliament in Bratislava on Sunday.",
			[]string{"Slovakia protested Slovakia 2025-02-02"}, nil},
		{"Protesters in Skopje denounced the government's plan to sign a border deal with Bulgaria.",
			nil, []string{"North Macedonia signed_agreement Bulgaria"}},
	})
}

// TestFigureOfForce: a verb of force with a figurative object is no
// force ("struck a harder line on Israel", "hit a record").
func TestFigureOfForce(t *testing.T) {
	pub := graph.DayOf(2025, 6, 2)
	checkFacts(t, pub, []factCase{
		{"Foreign Minister Johann Wadephul has struck a harder line on Israel than his predecessor.",
			nil, []string{"Johann Wadephul fought Israel ", "Johann Wadephul attacked Israel "}},
		{"Turkey struck a delicate balance between Russia and Ukraine on Monday.",
			nil, []string{"Turkey fought Russia 2025-06-02"}},
		{"Russian forces struck Kharkiv on Monday.",
			[]string{"Russia fought Ukraine 2025-06-02"}, nil},
	})
}

// TestGeneralAssemblyIsNotTheUN: the president of the UN General
// Assembly leads the Assembly, not the United Nations.
func TestGeneralAssemblyIsNotTheUN(t *testing.T) {
	pub := graph.DayOf(2025, 6, 2)
	checkFacts(t, pub, []factCase{
		{"Annalena Baerbock, who is now president of the UN General Assembly, spoke on Monday.",
			[]string{"Annalena Baerbock leads UN General Assembly"}, []string{"Annalena Baerbock leads United Nations"}},
		{"The president of the United Nations General Assembly, Philemon Yang, opened the session on Monday.",
			nil, []string{"Philemon Yang leads United Nations"}},
	})
}

// TestJoinedAppointment: a later verb phrase of the subject appoints
// too ("was sworn in … and named X as prime minister").
func TestJoinedAppointment(t *testing.T) {
	pub := graph.DayOf(2025, 4, 2) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"Bassirou Diomaye Faye was sworn in as president of Senegal on Tuesday and named Ousmane Sonko as prime minister.",
			[]string{"Bassirou Diomaye Faye leads Senegal 2025-04-01..", "Ousmane Sonko leads Senegal 2025-04-01.."}, nil},
		{"Nicusor Dan took office as president of Romania on Monday and appointed Ilie Bolojan as prime minister on Tuesday.",
			[]string{"Ilie Bolojan leads Romania 2025-04-01.."}, nil},
	})
}

// TestBareTitleBeforeAName: a title with no country before a name is no
// part of the name ("Speaker Mike Johnson"), the name is the side of the
// event ("received King Abdullah"), and an emperor heads his country.
func TestBareTitleBeforeAName(t *testing.T) {
	pub := graph.DayOf(2025, 3, 12) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"Speaker Mike Johnson met Israeli Prime Minister Benjamin Netanyahu on Capitol Hill on Tuesday.",
			[]string{"Mike Johnson met Benjamin Netanyahu 2025-03-11"}, []string{"Speaker Mike Johnson met Benjamin Netanyahu 2025-03-11"}},
		{"Japan's Emperor Naruhito received King Charles at the Imperial Palace on Tuesday.",
			[]string{"Naruhito leads Japan", "Naruhito met Charles 2025-03-11"}, nil},
		{"Egyptian President Abdel Fattah al-Sisi received King Abdullah in Cairo on Tuesday.",
			[]string{"Abdel Fattah el-Sisi met Abdullah 2025-03-11"}, nil},
	})
}

// TestReactionsOfTheTarget: the target of a measure who opposes or
// rejects it ("Beijing firmly opposed the unilateral sanctions", "The
// Taliban rejected the warrants" issued for its leader) disapproves of,
// or rejects, its author; tariffs told with an amount are a sanction,
// not force.
func TestReactionsOfTheTarget(t *testing.T) {
	pub := graph.DayOf(2025, 3, 21) // a Friday
	checkFacts(t, pub, []factCase{
		{"The U.S. Treasury Department on Thursday imposed sanctions on a Chinese independent refinery. China's foreign ministry said Beijing firmly opposed the unilateral sanctions.",
			[]string{"China criticized United States 2025-03-20"}, nil},
		{"The International Criminal Court issued arrest warrants on Tuesday for the Taliban's supreme leader Haibatullah Akhundzada. The Taliban rejected the warrants as meaningless.",
			[]string{"Taliban rejected International Criminal Court 2025-03-18"}, nil},
		{"Canada slapped 25% tariffs on C$30 billion worth of U.S. imports on Tuesday.",
			[]string{"Canada sanctioned United States 2025-03-18"}, []string{"Canada fought United States 2025-03-18"}},
		{"The EU imposed €2 billion in levies on US goods on Tuesday.",
			[]string{"European Union sanctioned United States 2025-03-18"}, nil},
	})
}

// TestOpeningParticiple: a sentence that opens with the subject's change
// of office or act, told before the subject ("Sworn in as president of
// Senegal on April 2, 2024, Faye …", "Having met Xi in Beijing on
// Monday, Lula …"), states it, dated by its own words only.
func TestOpeningParticiple(t *testing.T) {
	pub := graph.DayOf(2025, 4, 2) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"Sworn in as president of Senegal on April 2, 2024, Bassirou Diomaye Faye named Ousmane Sonko prime minister.",
			[]string{"Bassirou Diomaye Faye leads Senegal 2024-04-02..", "Ousmane Sonko leads Senegal"}, nil},
		{"Sworn in as president of Senegal on April 2, 2024, Bassirou Diomaye Faye flew to Paris.",
			[]string{"Bassirou Diomaye Faye leads Senegal 2024-04-02..", "Bassirou Diomaye Faye visited France "},
			[]string{"Bassirou Diomaye Faye visited France 2024-04-02"}},
		{"Appointed foreign minister of Australia in 2022, Penny Wong visited Beijing on Tuesday.",
			[]string{"Penny Wong holds_position Foreign Minister of Australia 2022..", "Penny Wong visited China 2025-04-01"}, nil},
		{"Having met Xi Jinping in Beijing on Monday, Lula flew to Shanghai on Tuesday.",
			[]string{"Luiz Inácio Lula da Silva met Xi Jinping 2025-03-31"}, nil},
	})
}

// TestArmedMovementsListed: armed movements common in the news are
// organizations with their country and sector, never persons.
func TestArmedMovementsListed(t *testing.T) {
	pub := graph.DayOf(2025, 4, 2) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"ISWAP militants ambushed a Nigerian army convoy on Sunday.",
			[]string{"Islamic State West Africa Province attacked Nigeria 2025-03-30"}, nil},
		{"The Kachin Independence Army captured a military post from Myanmar's army on Sunday.",
			[]string{"Kachin Independence Army fought Myanmar 2025-03-30"}, nil},
	})
}

// TestOrganizationNameCapitals: an organization's name whose later words
// are capitals is read only so written: "a strict Islamic state" is no
// Islamic State.
func TestOrganizationNameCapitals(t *testing.T) {
	pub := graph.DayOf(2025, 4, 2) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"The Taliban has waged a long campaign for a strict Islamic state in Afghanistan.",
			nil, []string{"Taliban fought Islamic State ", "Taliban attacked Islamic State "}},
		{"Islamic State West Africa Province fighters attacked a Nigerian army base on Sunday.",
			[]string{"Islamic State West Africa Province attacked Nigeria 2025-03-30"}, nil},
	})
}

// TestPostureSwapsTreaties: drills staged around a country are a show of
// force aimed at it (never cooperation with it), prisoners swapped are
// released by each side, and a treaty suspended with a country reduces
// relations with it.
func TestPostureSwapsTreaties(t *testing.T) {
	pub := graph.DayOf(2025, 4, 26) // a Saturday
	checkFacts(t, pub, []factCase{
		{"China conducted large-scale military drills around Taiwan on Tuesday.",
			[]string{"China mobilized Taiwan 2025-04-22"}, []string{"China cooperated_with Taiwan 2025-04-22"}},
		{"Russia staged naval exercises off Norway on Tuesday.",
			[]string{"Russia mobilized Norway 2025-04-22"}, nil},
		{"India and France conducted joint naval drills with Egypt on Tuesday.",
			[]string{"India cooperated_with Egypt 2025-04-22"}, nil},
		{"Ukraine and Russia exchanged 390 prisoners of war on Friday.",
			[]string{"Ukraine conceded Russia 2025-04-25", "Russia conceded Ukraine 2025-04-25"}, nil},
		{"India suspended the Indus Waters Treaty with Pakistan on Wednesday.",
			[]string{"India sanctioned Pakistan 2025-04-23"}, nil},
	})
}

// TestRegionAdjectivesAndWithdrawals: a lone adjective of a region or
// faith ("European wine") is no person; a withdrawal announced from a
// body is a withdrawal from it.
func TestRegionAdjectivesAndWithdrawals(t *testing.T) {
	pub := graph.DayOf(2025, 4, 26)
	checkFacts(t, pub, []factCase{
		{"Trump threatened to impose 200% tariffs on European wine on Thursday.",
			nil, []string{"Donald Trump threatened European 2025-04-24"}},
		{"Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS in January.",
			[]string{"Mali withdrew_from Economic Community of West African States 2025-01",
				"Niger withdrew_from Economic Community of West African States 2025-01"}, nil},
	})
	e, err := New()
	require.NoError(t, err)
	res, _ := extractByID(e, "Arab states criticized the plan. European leaders met in Paris on Monday.", pub)
	for _, en := range res.Entities {
		assert.NotContains(t, []string{"Arab", "European"}, en.Name)
	}
}

// TestLeaderOfACountrysParty: the leader of a country's party leads the
// party, never the country; a country's people electing a president make
// that country's head.
func TestLeaderOfACountrysParty(t *testing.T) {
	pub := graph.DayOf(2025, 10, 20) // a Monday
	checkFacts(t, pub, []factCase{
		{"Sanae Takaichi was elected leader of Japan's Liberal Democratic Party on Saturday.",
			[]string{"Sanae Takaichi leads Liberal Democratic Party 2025-10-18.."}, []string{"Sanae Takaichi leads Japan 2025-10-18.."}},
		{"Bolivians elected Rodrigo Paz as president in a runoff on Sunday.",
			[]string{"Rodrigo Paz leads Bolivia 2025-10-19.."}, nil},
		{"Chileans elected Jose Antonio Kast president on Sunday.",
			[]string{"Jose Antonio Kast leads Chile 2025-10-19.."}, nil},
	})
}

// TestAgreedInAPlace: where an agreement or a pledge was made ("in
// Cairo") is no side of it.
func TestAgreedInAPlace(t *testing.T) {
	pub := graph.DayOf(2025, 9, 10) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"Iran and the IAEA agreed in Cairo on Tuesday on a new framework for inspections.",
			[]string{"Iran agreed_with International Atomic Energy Agency 2025-09-09"}, []string{"Iran pledged Egypt 2025-09-09"}},
		{"Armenia and Azerbaijan agreed in Abu Dhabi on Tuesday to continue border talks.",
			nil, []string{"Armenia pledged United Arab Emirates 2025-09-09", "Azerbaijan pledged United Arab Emirates 2025-09-09"}},
	})
}

// TestInvertedCondition: an inverted condition opening a sentence ("Had
// Germany sent …", "Were Iran to close …") supposes an act that was not
// done, and its auxiliary is no part of a name.
func TestInvertedCondition(t *testing.T) {
	pub := graph.DayOf(2025, 6, 10)
	checkFacts(t, pub, []factCase{
		{"Had Germany sent Taurus missiles to Ukraine, the war might have turned.",
			nil, []string{"Had Germany aided Ukraine ", "Germany aided Ukraine "}},
		{"Were Iran to close the Strait of Hormuz, oil prices would soar.",
			nil, nil},
		{"Should Russia attack Estonia, NATO would respond.",
			nil, []string{"Russia fought Estonia ", "Russia attacked Estonia "}},
		{"Germany sent Taurus missiles to Ukraine in May.",
			[]string{"Germany aided Ukraine 2025-05"}, nil},
	})
	e, err := New()
	require.NoError(t, err)
	res, _ := extractByID(e, "Had Germany sent Taurus missiles to Ukraine, the war might have turned.", pub)
	for _, en := range res.Entities {
		assert.NotEqual(t, "Had Germany", en.Name)
	}
}

// TestPossibilityOfOthers: what analysts think an actor could do is no
// threat of the actor's; the actor itself, or its leader, saying it
// could is.
func TestPossibilityOfOthers(t *testing.T) {
	pub := graph.DayOf(2025, 6, 10) // a Tuesday
	checkFacts(t, pub, []factCase{
		{"Analysts say Iran could retaliate against Israel within days.",
			nil, []string{"Iran threatened Israel "}},
		{"Experts believe Serbia might recall its ambassador to Croatia.",
			nil, []string{"Serbia threatened Croatia ", "Serbia sanctioned Croatia "}},
		{"Iran said on Monday it could retaliate against Israel.",
			[]string{"Iran threatened Israel 2025-06-09"}, nil},
		{"Iranian President Masoud Pezeshkian said on Monday that Iran could retaliate against Israel.",
			[]string{"Iran threatened Israel 2025-06-09"}, nil},
	})
}

// TestObjectInsideAPhrase: an actor inside the subject's phrase ("veto of
// EU aid to Ukraine") is not what drew criticism; a summit placed before
// "between" is still theirs.
func TestObjectInsideAPhrase(t *testing.T) {
	pub := graph.DayOf(2025, 6, 6) // a Friday
	checkFacts(t, pub, []factCase{
		{"Hungary's veto of EU aid to Ukraine drew sharp criticism from Poland on Monday.",
			nil, []string{"Poland criticized Ukraine 2025-06-02"}},
		{"Hungary drew sharp criticism from Poland on Monday.",
			[]string{"Poland criticized Hungary 2025-06-02"}, nil},
		{"The summit in Alaska between Trump and Putin ended without a deal on Friday.",
			[]string{"Donald Trump met Vladimir Putin 2025-06-06"}, nil},
	})
}

// TestJointDrills: two countries' forces holding joint drills cooperate
// with each other.
func TestJointDrills(t *testing.T) {
	pub := graph.DayOf(2025, 8, 27) // a Wednesday
	checkFacts(t, pub, []factCase{
		{"Chinese and Russian warships held joint drills in the Sea of Japan on Monday.",
			[]string{"China cooperated_with Russia 2025-08-25"}, nil},
		{"India and France conducted joint naval exercises off Goa on Monday.",
			[]string{"India cooperated_with France 2025-08-25"}, nil},
	})
}
