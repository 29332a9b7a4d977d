package extract

import (
	"testing"

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
