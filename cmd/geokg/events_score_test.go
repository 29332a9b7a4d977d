package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// evalDir is the shared evaluation folder, next to the repository.
const evalDir = "../../../shared/eval"

// scoreLine reads the figures score_events.py prints last.
var scoreLine = regexp.MustCompile(`recall \(correct/sentences with an event\) ([0-9.]+)\s+type accuracy \(coded sentences\) ([0-9.]+)\s+false-alarm rate ([0-9.]+)`)

// TestScoreEvents builds geokg, runs ../shared/eval/score_events.py on the
// two sets of real wire sentences coded by other projects (PLOVER GSR and
// PETRARCH2 validation), and fails when a figure falls below its floor in
// testdata/event_floors.tsv (or a false-alarm rate rises above its
// ceiling). It skips when the eval folder or python3 is absent, and in
// -short runs. The sets are for measuring: no rule is written for one of
// their sentences.
func TestScoreEvents(t *testing.T) {
	if testing.Short() {
		t.Skip("builds geokg and ingests 400 sentences")
	}
	script := filepath.Join(evalDir, "score_events.py")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("%s not available: %v", script, err)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	floors := readFloors(t, "testdata/event_floors.tsv")
	bin := filepath.Join(t.TempDir(), "geokg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for set, bounds := range floors {
		cmd := exec.Command(py, "score_events.py", "--geokg", bin, "--set", "external/"+set+".jsonl")
		cmd.Dir = evalDir
		out, _ := cmd.CombinedOutput() // exits 1 below its own --min flags, which are not given
		m := scoreLine.FindStringSubmatch(string(out))
		if m == nil {
			t.Fatalf("%s: no figures in the output:\n%s", set, out)
		}
		got := map[string]float64{}
		for i, k := range []string{"recall", "type_accuracy", "false_alarm_rate"} {
			got[k], _ = strconv.ParseFloat(m[i+1], 64)
		}
		t.Logf("%s: recall %.3f, type accuracy %.3f, false-alarm rate %.3f", set, got["recall"], got["type_accuracy"], got["false_alarm_rate"])
		for metric, bound := range bounds {
			v, ok := got[metric]
			switch {
			case !ok:
				t.Errorf("%s: unknown metric %q in the floors", set, metric)
			case metric == "false_alarm_rate" && v > bound+1e-9:
				t.Errorf("%s: %s %.3f above its ceiling %.3f", set, metric, v, bound)
			case metric != "false_alarm_rate" && v < bound-1e-9:
				t.Errorf("%s: %s %.3f below its floor %.3f", set, metric, v, bound)
			}
		}
	}
}

// readFloors reads set → metric → bound from a floors file.
func readFloors(t *testing.T, path string) map[string]map[string]float64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			t.Fatalf("%s: bad line %q", path, line)
		}
		v, err := strconv.ParseFloat(cols[2], 64)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if out[cols[0]] == nil {
			out[cols[0]] = map[string]float64{}
		}
		out[cols[0]][cols[1]] = v
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
