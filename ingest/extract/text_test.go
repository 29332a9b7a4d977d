package extract

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
)

func TestSplitSentences(t *testing.T) {
	text := "WASHINGTON — Gen. Mark Milley met U.S. officials on Jan. 5. He left at 3 p.m. on Friday.\n" +
		"Key Points\n- Trade: The deal was signed. Talks resume in May.\n\"We agree,\" she said. Mr. Smith disagreed!"
	want := []string{
		"Gen. Mark Milley met U.S. officials on Jan. 5.",
		"He left at 3 p.m. on Friday.",
		"The deal was signed.",
		"Talks resume in May.",
		"\"We agree,\" she said.",
		"Mr. Smith disagreed!",
	}
	got := splitSentences(text)
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %+v", len(got), got)
	}
	for i, s := range got {
		if s.text != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, s.text, want[i])
		}
		if text[s.start:s.start+len(s.text)] != s.text {
			t.Errorf("sentence %d offset %d does not point at its text", i, s.start)
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := tokenize("Japan’s U.S.-backed plan, O'Brien's view.")
	var got []string
	for _, tk := range toks {
		got = append(got, tk.text)
	}
	want := []string{"Japan", "'s", "U.S.", "-", "backed", "plan", ",", "O'Brien", "'s", "view", "."}
	if len(got) != len(want) {
		t.Fatalf("got %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestResolveMentions(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(g, graph.DayOf(2024, 1, 1))
	kinds := func(s string) map[string]string {
		m := map[string]string{}
		for _, u := range d.buildUnits(s, 1) {
			if u.ref != nil {
				m[u.text] = string(u.kind) + ":" + u.ref.name
			}
		}
		return m
	}
	tests := []struct{ sentence, surface, want string }{
		{"Officials said Jane Doe met Jens Stoltenberg at NATO headquarters.", "Jane Doe", "P:Jane Doe"},
		{"Later, Doe flew to Moscow.", "Doe", "P:Jane Doe"},
		{"Later, Doe flew to Moscow.", "Moscow", "C:Russia"},
		{"The alliance welcomed the move.", "The alliance", "G:NATO"},
		{"Modi arrived on Friday.", "Modi", "P:Narendra Modi"},
		{"The talks were held in Palm Beach.", "Palm Beach", "L:Palm Beach"},
		{"The Washington Post reported it.", "Washington Post", "X:Washington Post"},
		{"The US and the EU agreed.", "EU", "G:European Union"},
	}
	for _, tc := range tests {
		if got := kinds(tc.sentence)[tc.surface]; got != tc.want {
			t.Errorf("%q: %q resolved to %q, want %q", tc.sentence, tc.surface, got, tc.want)
		}
	}
	// "us" in lower case is not the United States.
	if _, ok := kinds("He told us nothing.")["us"]; ok {
		t.Error("lower-case 'us' matched a country")
	}
}

// TestHeadingShapes: a heading is known by its shape, not by the last
// character of its paragraph; a sentence without a final mark is read, and
// a heading glued before a sentence is cut off it.
func TestHeadingShapes(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Trump met Rutte in Palm Beach on Friday (AP)", []string{"Trump met Rutte in Palm Beach on Friday (AP)"}},
		{"Trump met Rutte in Palm Beach on Friday, officials said",
			[]string{"Trump met Rutte in Palm Beach on Friday, officials said"}},
		{"Trump met Rutte in Palm Beach on Friday. Next Steps", []string{"Trump met Rutte in Palm Beach on Friday."}},
		{"Trump met Rutte. Reporting by Jane Doe; Editing by John Roe",
			[]string{"Trump met Rutte.", "Reporting by Jane Doe; Editing by John Roe"}},
		{"BREAKING NEWS\nSecurity Talks in the Gulf\nTrump met Rutte.", []string{"Trump met Rutte."}},
		{"What Comes Next The two leaders met again.", []string{"The two leaders met again."}},
		{"Trump meets Rutte in Palm Beach", []string{"Trump meets Rutte in Palm Beach"}},
		{"The Hague The summit opened on Tuesday.", []string{"The summit opened on Tuesday."}},
	}
	for _, tc := range tests {
		got := splitSentences(tc.text)
		var texts []string
		for _, s := range got {
			texts = append(texts, s.text)
			if tc.text[s.start:s.start+len(s.text)] != s.text {
				t.Errorf("%q: offset %d does not point at %q", tc.text, s.start, s.text)
			}
		}
		if strings.Join(texts, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: sentences %q, want %q", tc.text, texts, tc.want)
		}
	}
}

func TestLeadDateline(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"ABUJA — President Bola Tinubu received the envoy.", "ABUJA"},
		{"ISLAMABAD: Prime Minister Shehbaz Sharif met the minister.", "ISLAMABAD"},
		{"NEW DELHI: External Affairs Minister S. Jaishankar held talks.", "NEW DELHI"},
		{"BUENOS AIRES (Wire) - The minister met his counterpart.", "BUENOS AIRES"},
		{"Update: The minister met his counterpart.", ""},
		{"The minister met his counterpart in Abuja.", ""},
	} {
		if got := leadDateline(tc.text); got != tc.want {
			t.Errorf("leadDateline(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestClockStampedItems(t *testing.T) {
	text := "Live: talks in Doha.\n09:15 GMT - Update: The envoy arrives in Doha.\n10.40 am: The talks begin.\nThe 2024 talks failed."
	var got []string
	for _, st := range splitSentences(text) {
		got = append(got, fmt.Sprintf("%v %s", st.clock, st.text))
	}
	want := []string{"false talks in Doha.", "true The envoy arrives in Doha.", "true The talks begin.", "false The 2024 talks failed."}
	if !slices.Equal(got, want) {
		t.Errorf("splitSentences:\n got  %q\n want %q", got, want)
	}
}
