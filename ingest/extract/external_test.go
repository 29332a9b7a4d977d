package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/geokg/geokg/graph"
)

// ploverCompatible lists, per predicate, the PLOVER event types a sentence
// coded by hand may carry when the predicate is a right reading of it.
var ploverCompatible = map[string][]string{
	graph.Met:             {"CONSULT"},
	graph.SpokeWith:       {"CONSULT"},
	graph.Visited:         {"CONSULT"},
	graph.Criticized:      {"DISAPPROVE", "PROTEST", "REJECT", "DEMAND"},
	graph.Accused:         {"DISAPPROVE", "PROTEST", "DEMAND", "INVESTIGATE"},
	graph.Threatened:      {"THREATEN"},
	graph.Sanctioned:      {"SANCTION", "COERCE"},
	graph.SignedAgreement: {"AGREE", "COOPERATE", "SUPPORT"},
	graph.AgreedWith:      {"AGREE", "COOPERATE"},
	graph.Pledged:         {"AGREE", "SUPPORT", "AID", "COOPERATE"},
	graph.Demanded:        {"DEMAND"},
	graph.Rejected:        {"REJECT", "DISAPPROVE"},
	graph.Protested:       {"PROTEST"},
	graph.Supported:       {"SUPPORT", "COOPERATE"},
	graph.Conceded:        {"CONCEDE"},
	graph.CooperatedWith:  {"COOPERATE", "AGREE"},
	graph.Aided:           {"AID", "COOPERATE"},
	graph.WithdrewFrom:    {"RETREAT"},
	graph.Investigated:    {"INVESTIGATE"},
	graph.Mobilized:       {"MOBILIZE"},
	graph.Coerced:         {"COERCE", "SANCTION"},
	graph.Fought:          {"FIGHT", "ASSAULT"},
	graph.Attacked:        {"ASSAULT", "FIGHT"},
}

// TestPloverTypesAgree checks that the PLOVER event type the predicate
// table gives each coded event (the events export's plover_event) is one
// the precision test below accepts for it.
func TestPloverTypesAgree(t *testing.T) {
	for _, p := range graph.PredicateTable() {
		if p.PLOVER == graph.None {
			continue
		}
		found := false
		for _, ev := range ploverCompatible[p.Name] {
			found = found || ev == string(p.PLOVER)
		}
		if !found {
			t.Errorf("%s: PLOVER type %s of the predicate table not in %v", p.Name, p.PLOVER, ploverCompatible[p.Name])
		}
	}
}

// TestPloverPrecision extracts the hand-coded PLOVER sentences of
// ../shared/eval/external (skipped when absent) and logs how many of the
// event facts found agree with the event type coded for the sentence. It
// fails when fewer than 80% agree: the rules must stay precise on news
// they were not written for.
func TestPloverPrecision(t *testing.T) {
	f, err := os.Open("../../../shared/eval/external/plover_gsr.jsonl")
	if err != nil {
		t.Skipf("PLOVER set not available: %v", err)
	}
	defer f.Close()
	e, err := New()
	if err != nil {
		t.Fatal(err)
	}
	found, agree, sentences, covered := 0, 0, 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		var row struct{ Text, Event string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		sentences++
		res := e.Extract(Input{Text: row.Text, Published: graph.DayOf(2000, 1, 1)})
		hit := false
		for _, fa := range res.Facts {
			ok, scored := ploverCompatible[fa.Predicate]
			if !scored {
				continue
			}
			found++
			for _, ev := range ok {
				if ev == row.Event {
					agree++
					hit = true
					break
				}
			}
			if !hit && testing.Verbose() {
				t.Logf("disagree %s (%s): %s", fa.Predicate, row.Event, row.Text)
			}
		}
		if hit {
			covered++
		}
	}
	if found == 0 {
		t.Fatal("no event facts found in the PLOVER sentences")
	}
	p := float64(agree) / float64(found)
	t.Logf("PLOVER: %d sentences, %d event facts, %d agree with the coded type (precision %.2f), %d sentences covered",
		sentences, found, agree, p, covered)
	if p < 0.8 {
		t.Errorf("precision %.2f below 0.80", p)
	}
}
