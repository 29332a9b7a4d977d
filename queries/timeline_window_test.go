package queries

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// windowCounter is a Store with the timeline index of st that counts
// the facts it reads, by filter and through the window's rows.
type windowCounter struct {
	pageCounter
}

// TimelineWindow counts the facts the rows leave to read.
func (p *windowCounter) TimelineWindow(ctx context.Context, ids []string, w graph.Window, evidence bool) ([]graph.Fact, bool, error) {
	fs, ok, err := p.st.TimelineWindow(ctx, ids, w, evidence)
	p.facts += len(fs)
	return fs, ok, err
}

// TestTimelineWindowFromRows checks on a generated store, in memory and
// on bbolt, that a timeline in a window answers as when every fact of
// the entity is read, pages included, while reading fewer than a third
// of the hub's facts for a day or a month: the events the adjacency rows
// date outside the window are not read.
func TestTimelineWindowFromRows(t *testing.T) {
	ctx := context.Background()
	for _, dsn := range []string{"memory", t.TempDir() + "/db"} {
		s := timelineHubStore(t, dsn)
		for _, evidence := range []bool{true, false} {
			old := &timelineReads{Store: s}
			ix := &windowCounter{pageCounter{timelineReads{Store: s}, s}}
			all, err := NewWithOptions(old, Options{Evidence: evidence}).Timeline(ctx, TimelineQuery{Entity: "Hanna Brekke"})
			require.NoError(t, err)
			windows := []struct {
				q      TimelineQuery
				narrow bool
			}{
				{TimelineQuery{At: day("2021-03-02")}, true},
				{TimelineQuery{At: graph.MonthOf(2019, time.July)}, true},
				{TimelineQuery{From: day("2022-05-01"), To: day("2022-06-30")}, true},
				{TimelineQuery{From: graph.YearOf(2020), To: graph.YearOf(2022)}, false},
				{TimelineQuery{From: day("2024-02-01")}, false},
				{TimelineQuery{To: day("2018-06-30")}, false},
			}
			for _, who := range []string{"Hanna Brekke", "Envoy 05", "Land 1"} {
				for _, wq := range windows {
					q := wq.q
					q.Entity = who
					want, err := NewWithOptions(old, Options{Evidence: evidence}).TimelinePage(ctx, q)
					require.NoError(t, err)
					ix.facts = 0
					got, err := NewWithOptions(ix, Options{Evidence: evidence}).TimelinePage(ctx, q)
					require.NoError(t, err)
					require.Equal(t, want, got, "%s in %+v on %s", who, q, dsn)
					if who == "Hanna Brekke" && wq.narrow {
						require.Less(t, ix.facts*3, len(all), "%s in %+v: facts read", who, q)
					}
					q.Offset, q.Limit, q.Latest = 1, 3, true
					want, err = NewWithOptions(old, Options{Evidence: evidence}).TimelinePage(ctx, q)
					require.NoError(t, err)
					got, err = NewWithOptions(ix, Options{Evidence: evidence}).TimelinePage(ctx, q)
					require.NoError(t, err)
					require.Equal(t, want, got, "%s in %+v on %s: a latest page", who, q, dsn)
				}
			}
		}
	}
}
