package graph

import "testing"

// TestPlannedFor checks which dates lie wholly after a day of publication.
func TestPlannedFor(t *testing.T) {
	pub := DayOf(2025, 3, 7)
	cases := []struct {
		date Date
		want bool
	}{
		{DayOf(2025, 3, 8), true},
		{DayOf(2025, 3, 7), false}, // the day itself: "will meet on Friday" in Friday's paper
		{DayOf(2025, 3, 6), false},
		{MonthOf(2025, 4), true},
		{MonthOf(2025, 3), false}, // "later this month"
		{YearOf(2026), true},
		{YearOf(2025), false},
		{Date{}, false},
	}
	for _, c := range cases {
		if got := PlannedFor(c.date, pub); got != c.want {
			t.Errorf("PlannedFor(%s, %s) = %v, want %v", c.date, pub, got, c.want)
		}
	}
	if PlannedFor(DayOf(2025, 3, 8), Date{}) {
		t.Error("a date is planned for an article of unknown date")
	}
}

// TestPlannedAs checks the intent each event predicate's plan is stored
// as, and that every event row has a decided answer.
func TestPlannedAs(t *testing.T) {
	cases := []struct {
		pred, want string
		ok         bool
	}{
		{Met, AgreedWith, true},
		{Visited, Pledged, true},
		{SpokeWith, AgreedWith, true},
		{SignedAgreement, AgreedWith, true},
		{CooperatedWith, AgreedWith, true},
		{Aided, Pledged, true},
		{AgreedWith, AgreedWith, true},
		{Pledged, Pledged, true},
		{Sanctioned, Threatened, true},
		{Fought, Threatened, true},
		{Attacked, Threatened, true},
		{Protested, Threatened, true},
		{Threatened, Threatened, true},
		{Criticized, "", false},
		{Demanded, "", false},
		{CommentedOn, "", false},
		{Succeeded, Succeeded, true},
		{NominatedAs, NominatedAs, true},
		{Leads, "", false},
		{"no_such_predicate", "", false},
	}
	for _, c := range cases {
		got, ok := PlannedAs(c.pred)
		if got != c.want || ok != c.ok {
			t.Errorf("PlannedAs(%s) = %q, %v; want %q, %v", c.pred, got, ok, c.want, c.ok)
		}
	}
	for _, p := range PredicateTable() {
		got, ok := PlannedAs(p.Name)
		if ok && !IsEvent(got) {
			t.Errorf("PlannedAs(%s) = %q, not an event", p.Name, got)
		}
	}
}
