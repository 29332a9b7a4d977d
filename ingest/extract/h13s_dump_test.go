package extract

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestH13sDump(t *testing.T) {
	p := os.Getenv("H13S_DUMP")
	if p == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(p)
	var g goldenCase
	json.Unmarshal(b, &g)
	pub, _ := graph.ParseDate(g.Published)
	e, _ := New()
	res := e.Extract(Input{Text: g.Text, Published: pub})
	names := map[string]string{}
	for _, en := range res.Entities {
		names[en.ID] = en.Name
		t.Logf("E %s %s %s", en.Name, en.Type, en.Code)
	}
	for _, f := range res.Facts {
		t.Logf("F %s %s %s role=%s d=%s s=%s e=%s conf=%.3f sec=%s/%s loc=%s | %s | %v", names[f.Subject], f.Predicate, names[f.Object], f.Role, f.Date, f.Start, f.End, f.Confidence, f.SubjectSector, f.ObjectSector, f.Location, f.Sources[0].Sentence, f.Sources[0].TimeSentences)
	}
}
