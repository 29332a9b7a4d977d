package export

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// TestNearestLead: a person stands for the country they lead on the day,
// else the one whose term lies nearest (before or after it), else, undated,
// the one they led last; the same actor is never left blank.
func TestNearestLead(t *testing.T) {
	us := graph.Fact{ID: "us-2017", Predicate: graph.Leads, Object: "us", Start: graph.DayOf(2017, time.January, 20), End: graph.DayOf(2021, time.January, 20)}
	us2 := graph.Fact{ID: "us-2025", Predicate: graph.Leads, Object: "us", Start: graph.DayOf(2025, time.January, 20)}
	nl := graph.Fact{ID: "nl", Predicate: graph.Leads, Object: "nl", Start: graph.DayOf(2010, time.October, 14), End: graph.DayOf(2024, time.July, 2)}
	undated := graph.Fact{ID: "undated", Predicate: graph.Leads, Object: "x"}
	for _, c := range []struct {
		name  string
		facts []graph.Fact
		day   graph.Date
		want  string
	}{
		{"in force", []graph.Fact{us, us2}, graph.DayOf(2025, time.March, 1), "us-2025"},
		{"between terms, nearer the next", []graph.Fact{us, us2}, graph.DayOf(2024, time.November, 29), "us-2025"},
		{"between terms, nearer the last", []graph.Fact{us, us2}, graph.DayOf(2021, time.March, 1), "us-2017"},
		{"after the term", []graph.Fact{nl}, graph.DayOf(2024, time.November, 15), "nl"},
		{"before the term", []graph.Fact{nl}, graph.DayOf(2001, time.May, 1), "nl"},
		{"undated event: the latest start", []graph.Fact{us, us2}, graph.Date{}, "us-2025"},
		{"an unbounded term is in force (graph.Window)", []graph.Fact{nl, undated}, graph.DayOf(2030, time.January, 1), "undated"},
		{"only undated", []graph.Fact{undated}, graph.DayOf(2030, time.January, 1), "undated"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f, ok := nearestLead(c.facts, c.day)
			require.True(t, ok)
			require.Equal(t, c.want, f.ID)
		})
	}
	_, ok := nearestLead(nil, graph.DayOf(2024, time.January, 1))
	require.False(t, ok, "no leads fact, no country")
}
