package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"testing"

	"github.com/geokg/geokg/graph"
)

// te3Path is the TempEval-3 platinum corpus in the shared evaluation folder;
// it is read, never copied into the project.
const te3Path = "../../../shared/eval/external/timex_te3_platinum.jsonl"

type te3Doc struct {
	ID          string `json:"id"`
	DocDate     string `json:"doc_date"`
	Text        string `json:"text"`
	Expressions []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
		Type  string `json:"type"`
		Begin int    `json:"begin"`
		End   int    `json:"end"`
	} `json:"expressions"`
}

var plainDate = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?)?$`)

// TestTE3 measures Find on the TempEval-3 platinum documents: of the gold
// expressions whose value is a plain year, month or day, how many Find
// covers (recall) and how many of those it resolves to the gold value.
// Offsets in the corpus count characters; the texts are converted to runes
// to compare spans.
func TestTE3(t *testing.T) {
	f, err := os.Open(te3Path)
	if err != nil {
		t.Skipf("TempEval-3 corpus not available: %v", err)
	}
	defer f.Close()
	var gold, found, right, extra, total int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d te3Doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("te3: %v", err)
		}
		ref, err := graph.ParseDate(d.DocDate)
		if err != nil {
			t.Fatalf("te3 %s: %v", d.ID, err)
		}
		// rune offset -> byte offset
		byteAt := make([]int, 0, len(d.Text)+1)
		for i := range d.Text {
			byteAt = append(byteAt, i)
		}
		byteAt = append(byteAt, len(d.Text))
		exprs := Find(d.Text, ref)
		total += len(exprs)
		used := make([]bool, len(exprs))
		for _, g := range d.Expressions {
			gs, ge := byteAt[g.Begin], byteAt[g.End]
			var match *Expr
			for k := range exprs {
				if exprs[k].Start < ge && gs < exprs[k].End {
					used[k] = true
					if match == nil {
						match = &exprs[k]
					}
				}
			}
			if !plainDate.MatchString(g.Value) {
				continue
			}
			gold++
			if match == nil {
				if testing.Verbose() {
					t.Logf("missed %s %q = %s", d.ID, g.Text, g.Value)
				}
				continue
			}
			found++
			if match.Value.String() == g.Value {
				right++
			} else if testing.Verbose() {
				t.Logf("wrong  %s %q = %s, got %q = %s", d.ID, g.Text, g.Value, match.Text, match.Value)
			}
		}
		for k, u := range used {
			if !u {
				extra++
				if testing.Verbose() {
					t.Logf("extra  %s %q = %s", d.ID, exprs[k].Text, exprs[k].Value)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("te3: %v", err)
	}
	if gold == 0 {
		t.Skip("te3: no plain date expressions in the corpus")
	}
	t.Logf("TE3: %d gold date expressions, found %d (%.0f%%), value right %d (%.0f%% of found); %d of %d found expressions match no gold timex",
		gold, found, pct(found, gold), right, pct(right, found), extra, total)
	if pct(found, gold) < 90 || pct(right, found) < 95 {
		t.Errorf("te3 below floor: recall %.0f%%, accuracy %.0f%%", pct(found, gold), pct(right, found))
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
