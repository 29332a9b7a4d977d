package extract

import (
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestZZFacts(t *testing.T) {
	text := os.Getenv("ZZ_TEXT")
	if text == "" {
		t.Skip()
	}
	pub, _ := graph.ParseDate(os.Getenv("ZZ_PUB"))
	e, _ := New()
	res := e.Extract(Input{Text: text, Published: pub})
	names := map[string]string{}
	for _, en := range res.Entities {
		names[en.ID] = en.Name
	}
	for _, f := range res.Facts {
		t.Logf("%s -%s-> %s role=%s start=%s end=%s date=%s ended=%v | %s", names[f.Subject], f.Predicate, names[f.Object], f.Role, f.Start, f.End, f.Date, f.Ended, f.Sources[0].Sentence)
	}
}
