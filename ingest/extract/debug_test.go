package extract

import (
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestDebugTemplates prints the templates of $GEOKG_DEBUG_TEXT (a debugging aid).
func TestDebugTemplates(t *testing.T) {
	text := os.Getenv("GEOKG_DEBUG_TEXT")
	if text == "" {
		t.Skip("GEOKG_DEBUG_TEXT not set")
	}
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(g, graph.DayOf(2025, 1, 1))
	for i, st := range splitSentences(text) {
		units := d.buildUnits(st.text, i)
		tpl, _ := template(units)
		t.Logf("S%d: %q\n  %s", i, st.text, tpl)
		for k, u := range units {
			if u.kind != kWord && u.kind != kPunct {
				name := ""
				if u.ref != nil {
					name = u.ref.name
				}
				conf := 0.0
				if u.ref != nil {
					conf = u.ref.conf
				}
				t.Logf("   %d %c %q -> %s (conf %.2f demonym %v sector %q)", k, u.kind, u.text, name, conf, u.demonym, u.sector)
			}
		}
		f := d.readTitles(units, &st, i)
		tpl2, _ := template(f)
		t.Logf("  folded: %s", tpl2)
	}
}
