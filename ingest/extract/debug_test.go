package extract

import (
	"os"
	"strings"
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

// TestDebugCoder traces the general coder on each line of the file
// $GEOKG_DEBUG_CODER (a debugging aid).
func TestDebugCoder(t *testing.T) {
	path := os.Getenv("GEOKG_DEBUG_CODER")
	if path == "" {
		t.Skip("GEOKG_DEBUG_CODER not set")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	coderTrace = func(format string, args ...any) { t.Logf(format, args...) }
	defer func() { coderTrace = nil }()
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			t.Logf("== %s", line)
			for _, ev := range codedEvents(t, e, line) {
				t.Logf("  -> %s", ev)
			}
		}
	}
}
