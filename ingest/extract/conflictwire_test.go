package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestFrontLineDays: a front-line report's "overnight", "over the past
// day" and "in the last 24 hours" date its strikes and clashes on the day
// reported, and a named night ("overnight Sunday") on that night.
func TestFrontLineDays(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Russian troops attacked Ukrainian positions near Pokrovsk 38 times over the past day, the general staff said.",
			[]string{"Russia fought Ukraine 2025-03-07"}, nil},
		{"Ukrainian drones struck an oil depot in Russia's Bryansk region overnight, the regional governor said.",
			[]string{"Ukraine fought Russia 2025-03-07"}, nil},
		{"Israeli warplanes bombed Hezbollah positions in southern Lebanon in the last 24 hours, the army said in a statement.",
			[]string{"Israel fought Hezbollah 2025-03-07"}, nil},
		{"Indian and Pakistani troops exchanged fire across the Line of Control overnight Wednesday, officials said.",
			[]string{"India fought Pakistan 2025-03-05"}, []string{"India fought Pakistan 2025-03-07"}},
	})
}

// TestReportersOwnArms: "X said its drones struck Y", "its warplanes
// bombed", "its air defences shot down": the arms a possessive pronoun
// gives the reporter are the reporter's forces acting.
func TestReportersOwnArms(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Burkina Faso's army said its drones struck JNIM positions near Djibo on Saturday.",
			[]string{"Burkina Faso fought Jama'at Nusrat al-Islam wal-Muslimin 2025-03-01"}, nil},
		{"Israel said its warplanes had bombed Hezbollah targets in southern Lebanon on Tuesday.",
			[]string{"Israel fought Hezbollah 2025-03-04"}, []string{"Hezbollah attacked Lebanon 2025-03-04", "Israel accused Hezbollah 2025-03-04"}},
		{"Mali's army said on Monday that its troops had repelled an attack by JNIM fighters near Gao.",
			[]string{"Mali fought Jama'at Nusrat al-Islam wal-Muslimin 2025-03-03"}, nil},
		{"Pakistan's military said on Wednesday its jets had pounded Pakistani Taliban hideouts near the Afghan border.",
			[]string{"Pakistan fought Tehrik-i-Taliban Pakistan 2025-03-05"}, nil},
		{"Ukraine said on Thursday its air defences shot down 30 Russian drones.",
			[]string{"Ukraine fought Russia 2025-03-06"}, nil},
		// Arms only ready, or another's, are no act of the reporter's.
		{"Russia said on Thursday its drones were ready for use against Ukraine.",
			nil, []string{"Russia fought Ukraine 2025-03-06"}},
	})
}

// TestDenialThenAct: "X denied involvement in the attacks and condemned
// Y": a denial states no act, and the verb coordinated after it is its
// subject's act; a denial with no verb after it states nothing.
func TestDenialThenAct(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"Iran denied involvement in the attacks and condemned the American strikes.",
			[]string{"Iran criticized United States "}, nil},
		{"Tehran on Thursday denied any role in the drone attack and condemned Israeli air strikes on Lebanon.",
			[]string{"Iran criticized Israel 2025-03-06"}, nil},
		{"Rwanda has denied involvement in the fighting and criticized the Congolese army for the violence.",
			[]string{"Rwanda criticized Democratic Republic of the Congo "}, nil},
		{"Iran denied involvement in the attacks and the American strikes.",
			nil, []string{"Iran criticized United States ", "Iran fought United States ", "Iran attacked United States "}},
	})
}

// TestNeighbouringScene: "in neighbouring Niger" names the scene of the
// act as "in Niger" does: the people killed there are its people.
func TestNeighbouringScene(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"In neighbouring Niger, suspected ISWAP militants killed at least 12 civilians in an attack on a village near Diffa on Monday.",
			[]string{"Islamic State West Africa Province attacked Niger 2025-03-03"}, nil},
		{"In neighboring Burkina Faso, JNIM fighters killed 15 civilians on Sunday, a local official said.",
			[]string{"Jama'at Nusrat al-Islam wal-Muslimin attacked Burkina Faso 2025-03-02"}, nil},
		{"Al-Shabaab militants killed six police officers in neighbouring Kenya on Saturday.",
			[]string{"al-Shabaab attacked Kenya 2025-03-01"}, nil},
	})
}

// TestSeizedPosts: a military base, outpost or positions seized from an
// armed force is ground taken in combat (FIGHT, CAMEO 192), not a
// seizure of goods or people (COERCE).
func TestSeizedPosts(t *testing.T) {
	pub := graph.DayOf(2025, 3, 7) // a Friday
	checkFacts(t, pub, []factCase{
		{"The Arakan Army seized a Myanmar military base in Rakhine state on Monday.",
			[]string{"Arakan Army fought Myanmar 2025-03-03"}, []string{"Arakan Army coerced Myanmar 2025-03-03"}},
		{"JNIM fighters seized a Malian army outpost near Boulkessi on Sunday, a security source said.",
			[]string{"Jama'at Nusrat al-Islam wal-Muslimin fought Mali 2025-03-02"}, []string{"Jama'at Nusrat al-Islam wal-Muslimin coerced Mali 2025-03-02"}},
		{"Taliban fighters seized several Pakistani military posts along the frontier on Wednesday.",
			[]string{"Taliban fought Pakistan 2025-03-05"}, []string{"Taliban coerced Pakistan 2025-03-05"}},
		{"M23 rebels captured a Congolese army base near Goma on Tuesday.",
			[]string{"M23 fought Democratic Republic of the Congo 2025-03-04"}, []string{"M23 coerced Democratic Republic of the Congo 2025-03-04"}},
		{"Kachin Independence Army fighters seized Myanmar's border post at Lwegel on Thursday.",
			[]string{"Kachin Independence Army fought Myanmar 2025-03-06"}, nil},
		// Goods, ships and people seized stay coercion.
		{"Indian forces captured a Pakistani soldier on Sunday.",
			[]string{"India coerced Pakistan 2025-03-02"}, []string{"India fought Pakistan 2025-03-02"}},
		{"Iran seized a British tanker in the Strait of Hormuz on Friday.",
			[]string{"Iran coerced United Kingdom 2025-03-07"}, []string{"Iran fought United Kingdom 2025-03-07"}},
		{"German police seized Russia's assets in Frankfurt on Monday.",
			[]string{"Germany coerced Russia 2025-03-03"}, []string{"Germany fought Russia 2025-03-03"}},
	})
}
