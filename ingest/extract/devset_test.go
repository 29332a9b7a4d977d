package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestDevSetDump writes the facts of the shared dev set in the export
// schema to $GEOKG_DEV_OUT, for scoring with shared/eval/score.py.
func TestDevSetDump(t *testing.T) {
	out := os.Getenv("GEOKG_DEV_OUT")
	if out == "" {
		t.Skip("GEOKG_DEV_OUT not set")
	}
	f, err := os.Open("../../../shared/eval/dev/articles.jsonl")
	if err != nil {
		t.Skipf("dev set not available: %v", err)
	}
	defer f.Close()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	enc := json.NewEncoder(w)
	// Like the graph store, merge facts with the same key across articles.
	type merged struct {
		fact  graph.Fact
		names map[string]string
		src   []map[string]string
	}
	byKey := map[string]*merged{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct {
			ID, Title, Published, Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		pub, _ := graph.ParseDate(a.Published)
		res := e.Extract(Input{Text: a.Text, Title: a.Title, Published: pub})
		names := map[string]string{}
		for _, en := range res.Entities {
			names[en.ID] = en.Name
		}
		for _, fa := range res.Facts {
			src := map[string]string{"article": a.ID, "published": a.Published, "sentence": fa.Sources[0].Sentence}
			if m, ok := byKey[fa.Key()]; ok {
				mergeFact(&m.fact, &fa, &dateSents{}, &dateSents{})
				m.src = append(m.src, src)
				continue
			}
			byKey[fa.Key()] = &merged{fa, names, []map[string]string{src}}
			order = append(order, fa.Key())
		}
	}
	for _, k := range order {
		m := byKey[k]
		fa := m.fact
		row := map[string]any{"subject": m.names[fa.Subject], "predicate": fa.Predicate, "object": m.names[fa.Object],
			"ended": fa.Ended, "confidence": fa.Confidence, "sources": m.src}
		for k, v := range map[string]string{"role": fa.Role, "location": fa.Location, "start": fa.Start.String(),
			"end": fa.End.String(), "date": fa.Date.String()} {
			if v != "" {
				row[k] = v
			}
		}
		if err := enc.Encode(row); err != nil {
			t.Fatal(err)
		}
	}
}
