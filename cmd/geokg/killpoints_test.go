package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

// killPointsEnv names the number of kills per command; the README figure
// uses 20, the default keeps the suite fast.
const killPointsEnv = "GEOKG_KILL_POINTS"

// killCorpus is one article of the kill-point corpus.
type killCorpus struct {
	ID, Published, Text string
}

// killArticles writes ~60 varied articles: meetings, leaders, sanctions,
// visits, with publication dates and relative time expressions.
func killArticles() []killCorpus {
	people := []string{"Keir Starmer", "Emmanuel Macron", "Olaf Scholz", "Mark Rutte", "Mark Carney", "Donald Trump"}
	places := []string{"Paris", "Berlin", "London", "Ottawa", "Rome", "Madrid"}
	countries := []string{"Iran", "Russia", "North Korea", "Belarus", "Syria"}
	var as []killCorpus
	for i := range 60 {
		a, b := people[i%len(people)], people[(i+1+i/len(people))%len(people)]
		if a == b {
			b = people[(i+2)%len(people)]
		}
		place, country := places[i%len(places)], countries[i%len(countries)]
		var text string
		switch i % 4 {
		case 0:
			text = fmt.Sprintf("%s met %s in %s on Tuesday. The two leaders discussed trade and security, round %d.", a, b, place, i)
		case 1:
			text = fmt.Sprintf("%s said on Monday that the government would keep its course. Last year %s visited %s, note %d.", a, b, place, i)
		case 2:
			text = fmt.Sprintf("The European Union imposed sanctions on %s last week. %s welcomed the measures in %s, item %d.", country, a, place, i)
		default:
			text = fmt.Sprintf("%s will meet %s in %s next month. Talks with %s officials are planned, report %d.", a, b, place, country, i)
		}
		as = append(as, killCorpus{
			ID:        fmt.Sprintf("kp-%03d", i),
			Published: fmt.Sprintf("20%02d-%02d-%02d", 21+i%4, 1+i%12, 1+i%28),
			Text:      text,
		})
	}
	return as
}

// killFixture writes the corpus as one JSONL file and as a folder of
// Markdown files, returning both paths.
func killFixture(t *testing.T) (jsonl, folder string) {
	t.Helper()
	dir := t.TempDir()
	jsonl, folder = filepath.Join(dir, "corpus.jsonl"), filepath.Join(dir, "inbox")
	require.NoError(t, os.MkdirAll(folder, 0o755))
	var b strings.Builder
	for _, a := range killArticles() {
		line, err := json.Marshal(map[string]string{"id": a.ID, "published": a.Published, "text": a.Text})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
		md := fmt.Sprintf("---\nid: %s\npublished: %s\n---\n%s\n", a.ID, a.Published, a.Text)
		require.NoError(t, os.WriteFile(filepath.Join(folder, a.ID+".md"), []byte(md), 0o644))
	}
	require.NoError(t, os.WriteFile(jsonl, []byte(b.String()), 0o644))
	return jsonl, folder
}

// scheduleConfig writes a config with db and one folder source, returning
// its path.
func scheduleConfig(t *testing.T, db, folder string) string {
	t.Helper()
	cfg := filepath.Join(t.TempDir(), "geokg.yaml")
	yaml := fmt.Sprintf("db: %s\nsources:\n  - name: inbox\n    kind: dir\n    path: %s\n    every: 1h\n", db, folder)
	require.NoError(t, os.WriteFile(cfg, []byte(yaml), 0o644))
	return cfg
}

// dropKey deletes key from every object inside v.
func dropKey(v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, key)
		for _, x := range v {
			dropKey(x, key)
		}
	case []any:
		for _, x := range v {
			dropKey(x, key)
		}
	}
}

// normalExport exports the store at db as JSONL without its recorded_at
// fields (the only ones that depend on when a run happened), lines sorted.
func normalExport(t *testing.T, bin, db string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := exec.Command(bin, "--db", db, "export", "--format", "jsonl")
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(t, cmd.Run(), "export: %s", errOut.String())
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		if l == "" {
			continue
		}
		var v any
		require.NoError(t, json.Unmarshal([]byte(l), &v), "export line %q", l)
		dropKey(v, "recorded_at")
		b, err := json.Marshal(v)
		require.NoError(t, err)
		lines = append(lines, string(b))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// killPoints reads GEOKG_KILL_POINTS (default 5).
func killPoints(t *testing.T) int {
	t.Helper()
	v := os.Getenv(killPointsEnv)
	if v == "" {
		return 5
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, "%s", killPointsEnv)
	require.Positive(t, n, "%s", killPointsEnv)
	return n
}

// runKillPoints runs args(db) to completion into a reference store, then
// n times starts it on a fresh store, kills it with SIGKILL after a random
// delay within the clean run's duration, re-runs it to completion and
// requires the export to equal the reference one.
func runKillPoints(t *testing.T, name string, args func(db string) []string) {
	t.Helper()
	bin := geokgBin(t)
	n := killPoints(t)
	base := t.TempDir()

	run := func(db string) {
		t.Helper()
		out, err := exec.Command(bin, args(db)...).CombinedOutput()
		require.NoError(t, err, "%s", out)
	}
	refDB := filepath.Join(base, "ref")
	start := time.Now()
	run(refDB)
	clean := time.Since(start)
	want := normalExport(t, bin, refDB)
	require.NotEmpty(t, want, "the clean run stores facts")

	rng := rand.New(rand.NewSource(16))
	midRun, partial := 0, 0
	for i := range n {
		db := filepath.Join(base, fmt.Sprintf("k%02d", i))
		delay := time.Duration(rng.Int63n(int64(clean) + 1))
		cmd := exec.Command(bin, args(db)...)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		require.NoError(t, cmd.Start())
		time.Sleep(delay)
		killErr := cmd.Process.Kill()
		_ = cmd.Wait()
		if killErr == nil && !cmd.ProcessState.Success() {
			midRun++
			// A store the kill left with some but not all of the facts.
			if fi, err := os.Stat(filepath.Join(db, store.BoltFile)); err == nil && fi.Size() > 0 {
				if got := normalExport(t, bin, db); got != "" && got != want {
					partial++
				}
			}
		}
		run(db)
		require.Equal(t, want, normalExport(t, bin, db),
			"%s: export after a kill at %s (of a %s run) differs from the clean run", name, delay, clean)
	}
	t.Logf("%s: %d kills (SIGKILL at random points of a %s clean run), %d landed mid-run, %d of them leaving a partly written store; every re-run export equals the clean one",
		name, n, clean.Round(time.Millisecond), midRun, partial)
}

// TestKillPointsIngest kills `geokg ingest` at random points: a plain
// re-run always leaves exactly what one clean ingest does.
func TestKillPointsIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes; skipped with -short")
	}
	jsonl, _ := killFixture(t)
	runKillPoints(t, "ingest", func(db string) []string {
		return []string{"--db", db, "ingest", jsonl}
	})
}

// TestKillPointsSchedule kills `geokg schedule --once` on a folder source
// at random points: a plain re-run always leaves exactly what one clean
// run does.
func TestKillPointsSchedule(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes; skipped with -short")
	}
	_, folder := killFixture(t)
	runKillPoints(t, "schedule --once", func(db string) []string {
		return []string{"--config", scheduleConfig(t, db, folder), "schedule", "--once"}
	})
}
