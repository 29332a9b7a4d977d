package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

// goldenFact is one expected fact of a golden case.
type goldenFact struct {
	S        string `json:"s"`
	P        string `json:"p"`
	O        string `json:"o"`
	Role     string `json:"role,omitempty"`
	Start    string `json:"start,omitempty"`
	End      string `json:"end,omitempty"`
	Date     string `json:"date,omitempty"`
	Ended    bool   `json:"ended,omitempty"`
	Location string `json:"location,omitempty"`
	// SSector and OSector are the sides' sectors (Fact.SubjectSector,
	// ObjectSector); a fact found must have exactly these.
	SSector string `json:"s_sector,omitempty"`
	OSector string `json:"o_sector,omitempty"`
	// Host, when set, is the side that must be the meeting's host
	// (Fact.Host).
	Host     string `json:"host,omitempty"`
	Optional bool   `json:"optional,omitempty"`
	// Sentence, when set, is the exact evidence sentence expected.
	Sentence string `json:"sentence,omitempty"`
	// TimeSentences, when present (even empty), are the exact other
	// sentences expected to have given the fact its dates.
	TimeSentences []string `json:"time_sentences,omitempty"`
}

// goldenCase is an article written for the tests and the facts it states.
type goldenCase struct {
	Published string       `json:"published"`
	Text      string       `json:"text"`
	Facts     []goldenFact `json:"facts"`
	// Types, when set, are the expected entity types by name.
	Types map[string]graph.EntityType `json:"types,omitempty"`
	// Codes, when set, are the expected ISO 3166-1 alpha-3 codes of
	// countries by name.
	Codes map[string]string `json:"codes,omitempty"`
	// Forbidden are readings the article invites and an analyst rejects
	// ("premier of Mpumalanga" is no head of South Africa): a fact found
	// that is the same fact as one of them fails, whatever else the
	// case allows.
	Forbidden []goldenFact `json:"forbidden,omitempty"`
}

func (g goldenFact) same(f goldenFact) bool {
	if g.P != f.P || g.Role != "" && f.Role != "" && g.Role != f.Role {
		return false // two terms of one person in one body differ by role
	}
	if g.S == f.S && g.O == f.O {
		return true
	}
	return graph.IsSymmetric(g.P) && g.S == f.O && g.O == f.S
}

// sameSectors reports whether f, the same fact as g, gives each side
// g's sector; a symmetric fact may name its sides the other way round.
func (g goldenFact) sameSectors(f goldenFact) bool {
	if g.S != f.S {
		return g.SSector == f.OSector && g.OSector == f.SSector
	}
	return g.SSector == f.SSector && g.OSector == f.OSector
}

func (g goldenFact) String() string {
	var b strings.Builder
	b.WriteString(g.S + " -" + g.P + "-> " + g.O)
	for _, kv := range [][2]string{{"role", g.Role}, {"start", g.Start}, {"end", g.End}, {"date", g.Date}, {"loc", g.Location},
		{"s_sector", g.SSector}, {"o_sector", g.OSector}, {"host", g.Host}} {
		if kv[1] != "" {
			b.WriteString(" " + kv[0] + "=" + kv[1])
		}
	}
	if g.Ended {
		b.WriteString(" ended")
	}
	return b.String()
}

// goldenFile is one article of testdata/golden, read.
type goldenFile struct {
	goldenCase
	name      string // the file's name without ".json"
	published graph.Date
}

// readGolden reads every article of testdata/golden; it fails tb when
// there is none or one does not read.
func readGolden(tb testing.TB) []goldenFile {
	tb.Helper()
	files, _ := filepath.Glob("testdata/golden/*.json")
	if len(files) == 0 {
		tb.Fatal("no golden cases")
	}
	out := make([]goldenFile, 0, len(files))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		g := goldenFile{name: strings.TrimSuffix(filepath.Base(file), ".json")}
		if err := json.Unmarshal(b, &g.goldenCase); err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		if g.published, err = graph.ParseDate(g.Published); err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		out = append(out, g)
	}
	return out
}

// TestGolden runs every case under testdata/golden: each expected fact must
// be extracted with its role and times; any other fact fails unless it
// matches an optional one.
func TestGolden(t *testing.T) {
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range readGolden(t) {
		gc := g.goldenCase
		t.Run(g.name, func(t *testing.T) {
			res := e.Extract(Input{Text: gc.Text, Published: g.published})
			names := map[string]string{}
			types := map[string]graph.EntityType{}
			for _, en := range res.Entities {
				names[en.ID] = en.Name
				types[en.Name] = en.Type
			}
			codes := map[string]string{}
			for _, en := range res.Entities {
				codes[en.Name] = en.Code
			}
			for name, want := range gc.Codes {
				if codes[name] != want {
					t.Errorf("entity %q coded %q, want %q", name, codes[name], want)
				}
			}
			for name, want := range gc.Types {
				if types[name] != want {
					t.Errorf("entity %q typed %q, want %q", name, types[name], want)
				}
			}
			var got []goldenFact
			for _, f := range res.Facts {
				if len(f.Sources) != 1 || f.Sources[0].Sentence == "" || !strings.Contains(gc.Text, f.Sources[0].Sentence) {
					t.Errorf("fact %s: bad source %+v", f.Key(), f.Sources)
				}
				for _, ts := range f.Sources[0].TimeSentences {
					if ts == f.Sources[0].Sentence || !strings.Contains(gc.Text, ts) {
						t.Errorf("fact %s: bad time sentence %q", f.Key(), ts)
					}
				}
				if f.Confidence <= 0 || f.Confidence > 1 {
					t.Errorf("fact %s: confidence %v", f.Key(), f.Confidence)
				}
				got = append(got, goldenFact{S: names[f.Subject], P: f.Predicate, O: names[f.Object], Role: f.Role,
					Start: f.Start.String(), End: f.End.String(), Date: f.Date.String(), Ended: f.Ended, Location: f.Location,
					SSector: f.SubjectSector, OSector: f.ObjectSector, Host: names[f.Host],
					Sentence: f.Sources[0].Sentence, TimeSentences: f.Sources[0].TimeSentences})
			}
			used := make([]bool, len(got))
			// Two dated facts of one pair and predicate ("met in July
			// 2023", "met again in May 2024") are two expected facts: a
			// found fact whose details are another expected fact's is
			// that fact's, not a wrong reading of this one.
			exact := func(want, g goldenFact) bool {
				return g.Role == want.Role && g.Start == want.Start && g.End == want.End && g.Date == want.Date &&
					(!want.Ended || g.Ended) && (want.Location == "" || g.Location == want.Location) && want.sameSectors(g) &&
					(want.Host == "" || g.Host == want.Host)
			}
			claimed := func(g goldenFact) bool {
				for _, w := range gc.Facts {
					if !w.Optional && w.same(g) && exact(w, g) {
						return true
					}
				}
				return false
			}
			for _, want := range gc.Facts {
				found := false
				for i, g := range got {
					if !want.same(g) {
						continue
					}
					if !want.Optional && !exact(want, g) && claimed(g) {
						continue
					}
					used[i] = true
					found = true
					if want.Optional {
						continue
					}
					if !exact(want, g) {
						t.Errorf("wrong details:\n  want %s\n  got  %s", want, g)
					}
					if want.Sentence != "" && g.Sentence != want.Sentence {
						t.Errorf("%s: evidence %q, want %q", want, g.Sentence, want.Sentence)
					}
					if want.TimeSentences != nil && !slices.Equal(g.TimeSentences, want.TimeSentences) {
						t.Errorf("%s: time evidence %q, want %q", want, g.TimeSentences, want.TimeSentences)
					}
				}
				if !found && !want.Optional {
					t.Errorf("missing: %s", want)
				}
			}
			for i, g := range got {
				if !used[i] {
					t.Errorf("unexpected: %s", g)
				}
				for _, f := range gc.Forbidden {
					if f.same(g) {
						t.Errorf("forbidden: %s", g)
					}
				}
			}
		})
	}
}
