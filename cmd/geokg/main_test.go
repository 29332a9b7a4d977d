package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	cayleygraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad/nquads"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/geokg/geokg/store"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"geokg": func() {
			if code := runMain(); code != 0 {
				os.Exit(code)
			}
		},
	})
}

// TestScripts runs the CLI golden tests in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: map[string]func(*testscript.TestScript, bool, []string){
		"holdstore": holdStore,
		"hubnews":   hubNews,
		"putquad":   putQuad,
		"pgdb":      pgDB,
		"samefacts": sameFacts,
	}, Condition: scriptCondition})
}

// putQuad is the testscript command "putquad DIR QUAD": it writes QUAD, an
// N-Quads line in the store's own encoding (<geokg:article/a1> …), into
// the bbolt store in DIR through Cayley directly, bypassing every check
// geokg makes — as an older geokg, or a hand edit, could have.
func putQuad(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: putquad DIR QUAD")
	}
	q, err := nquads.Parse(args[1])
	ts.Check(err)
	st, err := store.Open(context.Background(), ts.MkAbs(args[0]), store.Options{})
	ts.Check(err)
	defer st.Close()
	ts.Check(st.QuadStore().ApplyDeltas([]cayleygraph.Delta{{Quad: q, Action: cayleygraph.Add}}, cayleygraph.IgnoreOpts{IgnoreDup: true}))
}

// holdStore is the testscript command "holdstore DIR": it opens the bbolt
// store in DIR read-only, as a long-lived reader would, and keeps it open
// (holding its lock) until the script ends.
func holdStore(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: holdstore DIR")
	}
	st, err := store.Open(context.Background(), ts.MkAbs(args[0]), store.Options{ReadOnly: true})
	ts.Check(err)
	ts.Defer(func() { _ = st.Close() })
}

// hubNews is the testscript command "hubnews FILE N": it writes N JSONL
// articles to FILE, one a day from 2 January 2024, each reporting one
// meeting of Swedish Prime Minister Karin Lindqvist (the hub) with one of
// a few foreign ministers, so that her timeline has N facts.
func hubNews(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: hubnews FILE N")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	guests := []string{"Estonian Foreign Minister Mart Kask", "Latvian Foreign Minister Ilze Berzina", "Polish Foreign Minister Adam Nowicki"}
	var b strings.Builder
	day := time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.AddDate(0, 0, i)
		line, err := json.Marshal(map[string]string{
			"id":        fmt.Sprintf("h%03d", i),
			"published": d.Format(time.DateOnly),
			"text":      fmt.Sprintf("Swedish Prime Minister Karin Lindqvist met %s in Stockholm on %s.", guests[i%len(guests)], d.Format("2 January 2006")),
		})
		ts.Check(err)
		b.Write(line)
		b.WriteByte('\n')
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
}
