package console

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/render"
	"github.com/geokg/geokg/store"
)

func date(s string) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// newTestConsole fills a memory store with a few facts written for the test.
func newTestConsole(t *testing.T) (*Console, *bytes.Buffer) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "memory", store.Options{})
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	ent := func(ty graph.EntityType, name string, aliases ...string) graph.Entity {
		return graph.Entity{ID: graph.EntityID(ty, name), Name: name, Type: ty, Aliases: aliases}
	}
	nato, rutte, stol, trump := ent(graph.Organization, "NATO", "North Atlantic Treaty Organization"),
		ent(graph.Person, "Mark Rutte", "Rutte"), ent(graph.Person, "Jens Stoltenberg", "Stoltenberg"), ent(graph.Person, "Donald Trump", "Trump")
	src := []graph.Source{{Article: "c1", Sentence: "Mark Rutte succeeded Jens Stoltenberg at the head of NATO on 1 October 2024."}}
	b := graph.Batch{Article: graph.Article{ID: "c1", Published: date("2024-10-01"), Hash: "c1"}, Entities: []graph.Entity{nato, rutte, stol, trump},
		Facts: []graph.Fact{
			{Subject: rutte.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: date("2024-10-01"), Confidence: 0.9, Sources: src},
			{Subject: stol.ID, Predicate: graph.Leads, Object: nato.ID, Role: "Secretary General", Start: date("2014-10-01"), End: date("2024-10-01"), Confidence: 0.9, Sources: src},
			{Subject: trump.ID, Predicate: graph.Met, Object: rutte.ID, Date: date("2024-11-29"), Confidence: 0.8,
				Sources: []graph.Source{{Article: "c1", Sentence: "Trump met Rutte in Palm Beach on 29 November 2024."}}},
		}}
	for i := range b.Facts {
		b.Facts[i].ComputeID()
	}
	_, err = s.Write(ctx, b, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	names, err := queries.LoadNames(ctx, s)
	require.NoError(t, err)
	var out bytes.Buffer
	return &Console{Backend: &Local{Engine: queries.New(s), Names: names}, Today: date("2026-01-15"), Out: &out}, &out
}

func TestExec(t *testing.T) {
	c, out := newTestConsole(t)
	ctx := context.Background()
	run := func(line string) string {
		t.Helper()
		out.Reset()
		require.NoError(t, c.Exec(ctx, line))
		return out.String()
	}
	require.Contains(t, run("who leads NATO"), "1  Mark Rutte")
	require.Contains(t, run(":at 2020-01-01"), "questions now use 2020-01-01")
	require.Equal(t, date("2020-01-01"), c.At())
	got := run("who leads NATO?")
	require.Contains(t, got, "interpreted as: leaders of NATO at 2020-01-01")
	require.Contains(t, got, "Jens Stoltenberg")
	require.Contains(t, run(":why 1"), `"Mark Rutte succeeded Jens Stoltenberg at the head of NATO on 1 October 2024." (c1, 2024-10-01)`)
	require.Contains(t, run(":why 7"), "the last question has 1 answers")
	require.Contains(t, run(":at now"), "today (2026-01-15)")
	require.Contains(t, run(":at"), "questions use today")
	require.Contains(t, run(":at someday"), "want a date")

	require.Contains(t, run(":json"), "JSON output on")
	var j render.AskJSON
	require.NoError(t, json.Unmarshal([]byte(run("who did Trump meet in November 2024")), &j))
	require.Equal(t, "whom Donald Trump met during 2024-11", j.Interpretation)
	require.Equal(t, "Mark Rutte", j.Answers[0].Name)
	require.Equal(t, "2024-11-29", j.Answers[0].Facts[0].Date)
	require.Contains(t, run(":json"), "JSON output off")

	require.Contains(t, run(`:path "Jens Stoltenberg" Trump`), "path 1 (3 hops)")
	require.Contains(t, run(":path Stoltenberg"), "usage: :path A B")
	require.Contains(t, run(":timeline Rutte"), "Donald Trump met Mark Rutte")
	require.Contains(t, run(":neighbors Rutte"), "Donald Trump  person")
	require.Contains(t, run(":entities jens"), "Jens Stoltenberg  person")
	require.Contains(t, run(":facts --predicate met --subject Rutte"), "Donald Trump  met        Mark Rutte")
	require.Contains(t, run(":facts --predicate likes"), "unknown predicate")
	require.Contains(t, run(`g.V("<geokg:entity/person/donald-trump>").Out("<geokg:rel/met>").All()`), `"id":"<geokg:entity/person/mark-rutte>"`)
	require.Contains(t, run("g.V(("), "error: gizmo")
	require.Contains(t, run("sing a song"), "Closest forms:")
	require.Contains(t, run("who did Stoltenburg meet"), `note: read "Stoltenburg" as Jens Stoltenberg`)
	require.Contains(t, run(":nope"), "unknown command :nope")
	require.Contains(t, run(":help"), ":why")

	out.Reset()
	require.ErrorIs(t, c.Exec(ctx, ":quit"), io.EOF)
}

func TestExecCancelled(t *testing.T) {
	c, out := newTestConsole(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(100 * time.Millisecond); cancel() }()
	start := time.Now()
	err := c.Exec(ctx, "g.V().All(); while (true) {}")
	require.ErrorIs(t, err, context.Canceled)
	require.Less(t, time.Since(start), 5*time.Second)
	require.Contains(t, out.String(), "query cancelled")
}

func TestComplete(t *testing.T) {
	c, _ := newTestConsole(t)
	require.Equal(t, []string{":path "}, c.Complete(":pa"))
	require.Equal(t, []string{":at "}, c.Complete(":at"))
	require.Equal(t, []string{"who leads NATO"}, c.Complete("who leads NA"))
	require.Equal(t, []string{"who leads North Atlantic Treaty Organization"}, c.Complete("who leads no"))
	require.Equal(t, []string{"how is Mark Rutte"}, c.Complete("how is Mark R"))
	require.Equal(t, []string{`:path "Mark Rutte"`}, c.Complete(`:path "Mark R`))
	require.Empty(t, c.Complete("who leads "))
	require.Empty(t, c.Complete("g.V(\"Mar"))
}

func TestSplitArgs(t *testing.T) {
	got, err := splitArgs(`:path "Mark Rutte" 'Donald Trump' --max-hops 3`)
	require.NoError(t, err)
	require.Equal(t, []string{":path", "Mark Rutte", "Donald Trump", "--max-hops", "3"}, got)
	_, err = splitArgs(`:path "Mark`)
	require.Error(t, err)
}

// TestExecOpensPerLine: with Open set, a line that needs the store opens it
// and lets it go when done; lines that need none never open it; names
// returned by Open replace the console's.
func TestExecOpensPerLine(t *testing.T) {
	c, out := newTestConsole(t)
	l := c.Backend.(*Local)
	engine, names := l.Engine, l.Names
	l.Engine, l.Names = nil, queries.NewNames(nil)
	opens, held := 0, 0
	l.Open = func(context.Context) (*queries.Engine, *queries.Names, func(), error) {
		opens++
		held++
		var fresh *queries.Names
		if opens == 1 {
			fresh = names
		}
		return engine, fresh, func() { held-- }, nil
	}
	ctx := context.Background()
	for _, line := range []string{":help", ":at 2020-01-01", ":json", ":json"} {
		require.NoError(t, c.Exec(ctx, line))
	}
	require.Equal(t, 0, opens, "commands without the store do not open it")
	out.Reset()
	require.NoError(t, c.Exec(ctx, "who leads NATO?"))
	require.Contains(t, out.String(), "Jens Stoltenberg")
	require.Equal(t, 1, opens)
	require.Equal(t, 0, held, "the store is let go after the line")
	require.Equal(t, []string{"who leads NATO"}, c.Complete("who leads NA"), "names from Open serve completion")
	require.NoError(t, c.Exec(ctx, ":path Stoltenberg Trump"))
	require.Equal(t, 2, opens)
	require.Equal(t, 0, held)
	require.NotNil(t, l.Names)

	l.Open = func(context.Context) (*queries.Engine, *queries.Names, func(), error) {
		return nil, nil, nil, store.ErrLocked
	}
	out.Reset()
	require.NoError(t, c.Exec(ctx, "who leads NATO?"))
	require.Contains(t, out.String(), "error: store is locked")
}

func TestCompleteRefresh(t *testing.T) {
	c, _ := newTestConsole(t)
	l := c.Backend.(*Local)
	fresh := l.Names
	l.Names = queries.NewNames(nil)
	require.Empty(t, c.Complete("who leads NA"))
	l.Refresh = func() *queries.Names { return fresh }
	require.Equal(t, []string{"who leads NATO"}, c.Complete("who leads NA"))
}
