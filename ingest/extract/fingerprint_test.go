package extract

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// updateFingerprints rewrites testdata/fingerprints.txt from the current
// code: run it only when a change of output is meant.
var updateFingerprints = flag.Bool("update-fingerprints", false, "rewrite testdata/fingerprints.txt")

const fingerprintFile = "testdata/fingerprints.txt"

// devArticles is the shared dev set, read when it is there.
const devArticles = "../../../shared/eval/dev/articles.jsonl"

// TestExtractFingerprint checks that Extract gives, byte for byte, the
// Result it gave when the fingerprints were written, on every golden
// article, on each of its sentences alone, and on every article of the
// shared dev set (when present): a
// change meant only to make extraction faster must leave them all alone.
// A change of output that is meant is recorded with -update-fingerprints.
func TestExtractFingerprint(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, g := range readGolden(t) {
		gc, pub := g.goldenCase, g.published
		got["golden/"+g.name+".json"] = fingerprint(t, e.Extract(Input{Text: gc.Text, Published: pub}))
		// Each sentence alone, without the article around it: other
		// paths (no topic, no earlier date, often no fact at all).
		var each []Result
		for _, st := range splitSentences(gc.Text) {
			each = append(each, e.Extract(Input{Text: st.text, Published: pub}))
		}
		got["sentences/"+g.name+".json"] = fingerprint(t, each)
	}
	got["empty"] = fingerprint(t, e.Extract(Input{}))
	haveDev := false
	if f, err := os.Open(devArticles); err == nil {
		haveDev = true
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var a struct{ ID, Title, Published, Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			pub, _ := graph.ParseDate(a.Published)
			got["dev/"+a.ID] = fingerprint(t, e.Extract(Input{Text: a.Text, Title: a.Title, Published: pub}))
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	want := readFingerprints(t)
	if *updateFingerprints {
		if !haveDev { // keep the dev set's lines when it is not here
			for k, v := range want {
				if strings.HasPrefix(k, "dev/") {
					got[k] = v
				}
			}
		}
		writeFingerprints(t, got)
		return
	}
	if len(want) == 0 {
		t.Fatalf("%s is missing or empty: write it with -update-fingerprints", fingerprintFile)
	}
	for _, k := range sortedKeys(want) {
		if !haveDev && strings.HasPrefix(k, "dev/") {
			continue
		}
		if g, ok := got[k]; !ok {
			t.Errorf("%s: no longer extracted", k)
		} else if g != want[k] {
			t.Errorf("%s: result changed (fingerprint %s, was %s)", k, g, want[k])
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: no fingerprint recorded: run with -update-fingerprints", k)
		}
	}
}

// fingerprint is the SHA-256 of the JSON encoding of a Result (or of a
// list of them).
func fingerprint(t *testing.T, r any) string {
	raw, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:12])
}

func readFingerprints(t *testing.T) map[string]string {
	out := map[string]string{}
	raw, err := os.ReadFile(fingerprintFile)
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, " ")
		if !ok {
			t.Fatalf("%s: bad line %q", fingerprintFile, line)
		}
		out[k] = v
	}
	return out
}

func writeFingerprints(t *testing.T, fps map[string]string) {
	var b strings.Builder
	b.WriteString("# Fingerprints of Extract's results (TestExtractFingerprint); rewrite with -update-fingerprints.\n")
	for _, k := range sortedKeys(fps) {
		fmt.Fprintf(&b, "%s %s\n", k, fps[k])
	}
	if err := os.WriteFile(fingerprintFile, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
