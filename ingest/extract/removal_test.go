package extract

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestRemovedByEndsTerm: an office holder removed by another, in the
// active voice ("the court removed President X from office", "the army
// ousted X", "Putin dismissed Defence Minister X"), leaves office on that
// date, as "X was removed from office" did; the act stays an event of its
// own, except a superior's dismissal. Before, the term stayed open.
func TestRemovedByEndsTerm(t *testing.T) {
	pub := graph.DayOf(2026, 4, 9) // a Thursday
	checkFacts(t, pub, []factCase{
		{"Malawi's Constitutional Court on Friday removed President Anton Velic of Malawi from office, upholding his impeachment by parliament.",
			[]string{"Anton Velic leads Malawi ..2026-04-03"}, nil},
		{"South Korea's Constitutional Court on Friday removed President Yoon Suk Yeol from office, upholding his impeachment by parliament over his brief imposition of martial law.",
			[]string{"Yoon Suk Yeol leads South Korea ..2026-04-03", "Constitutional Court sanctioned Yoon Suk Yeol 2026-04-03"}, nil},
		{"Soldiers ousted President Mohamed Bazoum of Niger in a coup on July 26, 2023.",
			[]string{"Mohamed Bazoum leads Niger ..2023-07-26"}, nil},
		{"President Vladimir Putin of Russia on Sunday dismissed Defence Minister Sergei Shoigu.",
			[]string{"Sergei Shoigu holds_position Defense Minister of Russia ..2026-04-05"},
			[]string{"Vladimir Putin rejected Sergei Shoigu 2026-04-05"}},
		// Not done: no end.
		{"The army did not oust President Mohamed Bazoum of Niger on Friday.",
			[]string{"Mohamed Bazoum leads Niger"}, []string{"Mohamed Bazoum leads Niger ..2026-04-03"}},
	})
}

// TestJuntaAndRanks: a junta is its country's government ("Niger's
// junta expelled the French ambassador": before, nothing), and a
// military rank before a name is no part of it ("Captain Ibrahim
// Traore": before, a person of that name).
func TestJuntaAndRanks(t *testing.T) {
	pub := graph.DayOf(2026, 4, 9) // a Thursday
	checkFacts(t, pub, []factCase{
		{"Niger's junta expelled the French ambassador in 2023.", []string{"Niger sanctioned France 2023"}, nil},
		{"The junta in Guinea expelled the French ambassador on Monday.", []string{"Guinea sanctioned France 2026-04-06"}, nil},
		{"Burkina Faso's interim president, Captain Ibrahim Traore, met Russian Deputy Defence Minister Yunus-Bek Yevkurov in Ouagadougou on Monday.",
			[]string{"Ibrahim Traore leads Burkina Faso", "Ibrahim Traore met Yunus-Bek Yevkurov 2026-04-06"},
			[]string{"Captain Ibrahim Traore leads Burkina Faso"}},
	})
}

// TestNameOfCountry: a name with no title before "of Country" is that
// country's national and acts itself ("Assimi Goita of Mali met …":
// before, Mali met X); after a verb, it is still the one met.
func TestNameOfCountry(t *testing.T) {
	pub := graph.DayOf(2026, 4, 9) // a Thursday
	checkFacts(t, pub, []factCase{
		{"Colonel Assimi Goita of Mali met Captain Ibrahim Traore on Monday.",
			[]string{"Assimi Goita met Ibrahim Traore 2026-04-06", "Assimi Goita national_of Mali"}, []string{"Mali met Ibrahim Traore 2026-04-06"}},
		{"Tomas Lindqvist of Sweden criticized Hungary on Tuesday.",
			[]string{"Tomas Lindqvist criticized Hungary 2026-04-07"}, []string{"Sweden criticized Hungary 2026-04-07"}},
		{"On Monday, Ibrahim Traore met Assimi Goita of Mali in Bamako.",
			[]string{"Ibrahim Traore met Assimi Goita 2026-04-06"}, nil},
		// A judge's title is no part of the name; a body's name keeps it.
		{"The summit approved Justice Paul Kiprono of Kenya on Monday, and the Justice Department criticized Kenya on Tuesday.",
			[]string{"Paul Kiprono national_of Kenya"}, []string{"Justice Paul Kiprono national_of Kenya", "Department criticized Kenya 2026-04-07"}},
	})
}
