package timex

import (
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestWeekdayTense checks that a weekday in a clause about what is still to
// come resolves to the coming day, and one in a past clause, or in another
// clause than the future's, to the past day.
func TestWeekdayTense(t *testing.T) {
	wed := day("2025-03-12") // a Wednesday; Mondays 03-10 and 03-17, Fridays 03-07 and 03-14
	cases := []struct {
		text, want string
	}{
		// future and planned clauses: the coming day
		{"The two foreign ministers will sign the accord on Friday.", "2025-03-14"},
		{"The envoy said he would open negotiations with the rebels on Monday.", "2025-03-17"},
		{"Both delegations are due to reconvene in Vienna on Monday.", "2025-03-17"},
		{"The chancellor is scheduled to address parliament on Friday.", "2025-03-14"},
		{"The premier is to visit the flooded provinces on Monday.", "2025-03-17"},
		{"The committee plans to question the minister on Friday.", "2025-03-14"},
		{"The ministers are expected to vote on the package on Monday.", "2025-03-17"},
		{"The new cabinet will be sworn in on Friday.", "2025-03-14"},
		{"The treaty will be signed on Friday.", "2025-03-14"},
		{"Officials said she'll travel to Lisbon on Monday.", "2025-03-17"},
		{"The president won't attend the summit on Friday.", "2025-03-14"},
		// a future verb right after a subject that holds the weekday
		{"Talks between the two delegations on Friday will focus on grain.", "2025-03-14"},
		{"The vote in the senate on Monday shall decide the budget.", "2025-03-17"},
		// the publication day itself: a future on it is that day
		{"The court will hand down its ruling on Wednesday.", "2025-03-12"},
		// past clauses keep the past day
		{"The two foreign ministers signed the accord on Friday.", "2025-03-07"},
		{"The delegations met in Vienna on Monday.", "2025-03-10"},
		{"The ministers were due to vote on Monday but the session was suspended.", "2025-03-10"},
		{"He would have signed the decree on Monday, aides said.", "2025-03-10"},
		{"Her party won on Monday by a wide margin.", "2025-03-10"},
		{"The rebels planned to attack the convoy on Friday.", "2025-03-07"},
		{"The talks held on Monday will shape the budget.", "2025-03-10"},
		{"What the envoys agreed on Friday will be published.", "2025-03-07"},
		// another clause's future does not reach the weekday
		{"The envoy, who will retire in June, met the rebels on Monday.", "2025-03-10"},
		{"The minister will resign after the vote held on Monday.", "2025-03-10"},
		{"He will not comment on the talks opened on Monday.", "2025-03-10"},
		{"Talks will resume next month and the ministers met on Friday.", "2025-03-07"},
		{"Aid will keep flowing, but the border closed on Friday.", "2025-03-07"},
	}
	for _, c := range cases {
		got := Find(c.text, wed)
		var v string
		for _, e := range got {
			if e.Relative && e.Value.Precision == graph.DayPrecision {
				v = e.Value.String()
			}
		}
		if v != c.want {
			t.Errorf("%q: got %s, want the weekday on %s", c.text, show(got), c.want)
		}
	}
}
