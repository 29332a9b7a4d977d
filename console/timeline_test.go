package console

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

// TestTimelinePaged checks that :timeline answers as `geokg query
// timeline` does by default — the latest 20 facts, with a note of how
// many there are and how to see the others — and that its --offset and
// --limit page it (--limit 0: all).
func TestTimelinePaged(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	host := graph.Entity{ID: graph.EntityID(graph.Person, "Ilse Marren"), Name: "Ilse Marren", Type: graph.Person}
	ents := []graph.Entity{host}
	b := graph.Batch{Article: graph.Article{ID: "m1", Published: date("2025-04-01"), Hash: "m1"}}
	const visits = 26
	for i := range visits {
		g := graph.Entity{ID: graph.EntityID(graph.Person, fmt.Sprintf("Visitor %02d", i)), Name: fmt.Sprintf("Visitor %02d", i), Type: graph.Person}
		ents = append(ents, g)
		f := graph.Fact{Subject: host.ID, Predicate: graph.Met, Object: g.ID, Date: graph.DayOf(2025, time.March, 1+i), Confidence: 0.8,
			Sources: []graph.Source{{Article: "m1", Published: date("2025-04-01"), Sentence: fmt.Sprintf("Marren received visitor %d.", i)}}}
		f.ComputeID()
		b.Facts = append(b.Facts, f)
	}
	b.Entities = ents
	_, err = s.Write(ctx, b, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	var out bytes.Buffer
	c := &Console{Backend: &Local{Engine: queries.New(s)}, Today: date("2026-01-15"), Out: &out}
	require.NoError(t, c.Exec(ctx, ":json"))
	ask := func(line string) render.AskJSON {
		t.Helper()
		out.Reset()
		require.NoError(t, c.Exec(ctx, line))
		var j render.AskJSON
		require.NoError(t, json.Unmarshal(out.Bytes(), &j), out.String())
		return j
	}
	j := ask(`:timeline "Ilse Marren"`)
	require.Equal(t, queries.DefaultTimelineLimit, len(j.Answers))
	require.Equal(t, "2025-03-26", j.Answers[len(j.Answers)-1].Facts[0].Date, "the latest facts")
	require.Equal(t, []string{`the timeline has 26 facts; shown: 7 to 26 (the latest 20); :timeline "Ilse Marren" --offset N --limit M shows facts N+1 to N+M, --limit 0 all (so does geokg query timeline)`}, j.Notes)
	j = ask(`:timeline "Ilse Marren" --limit 0`)
	require.Equal(t, visits, len(j.Answers))
	require.Empty(t, j.Notes)
	j = ask(`:timeline "Ilse Marren" --offset 2 --limit 3`)
	require.Equal(t, 3, len(j.Answers))
	require.Equal(t, "2025-03-03", j.Answers[0].Facts[0].Date)
	require.Contains(t, j.Notes[0], "shown: 3 to 5;")
	j = ask("what happened with Ilse Marren")
	require.Equal(t, queries.DefaultTimelineLimit, len(j.Answers), "the ask form answers with the same page")
	j = ask("what happened with Ilse Marren in March 2025")
	require.Equal(t, queries.DefaultTimelineLimit, len(j.Answers), "and so in a window")
	require.Contains(t, j.Notes[0], "the timeline has 26 facts")
}
