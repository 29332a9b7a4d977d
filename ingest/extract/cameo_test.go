package extract

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/geokg/geokg/data"
)

func TestCameoMatch(t *testing.T) {
	d, err := defaultCameoDict()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		sentence string // tokens, space-separated; the verb is the one in [brackets]
		code     string
		endWord  string // the last token the match used
	}{
		{"base code of the verb's block", "<C1> [criticized] <C2> on monday", "111", "criticized"},
		{"pattern after the verb", "<C1> [imposed] sanctions on <C2>", "163", "sanctions"},
		{"pattern with a gap and a plural", "<C1> [imposed] fresh economic sanctions on <C2>", "163", "sanctions"},
		{"block code without a pattern", "<C1> [imposed] a fee", "170", "imposed"},
		{"pattern coded no event", "two soldiers were [killed] in an accident near <G1>", "", "accident"},
		{"same verb, no such context", "two soldiers were [killed] near <G1>", "190", "killed"},
		{"reverse-only code", "<P1> [appeared] before a military court", "", "court"},
		{"prepositional pattern", "<P1> [appeared] in court on tuesday", "173", "court"},
		{"multiword verb alone", "<C1> [beefed] up on monday", "174", "up"},
		{"multiword verb and pattern", "<C1> [beefed] up sanctions against <C2>", "163", "sanctions"},
		{"multiword verb's first word alone", "<C1> [beefed] the stew", "", "beefed"},
		{"irregular form with pattern", "<C1> [sought] help from <C2>", "023", "help"},
		{"irregular form, block code", "<C1> [fled]", "", "fled"},
		{"word before the verb, plural", "thousands of refugees [fled] to <C2>", "075", "fled"},
		{"word before the verb across an adverb", "<C1> troops quickly [withdrew] on monday", "0874", "withdrew"},
		{"actor in a pattern", "<C1> [acted] as a mediator for <C2>", "045", "<C2>"},
		{"not a verb", "the [visitors] left", "", "visitors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := strings.Fields(tt.sentence)
			i := -1
			for k, w := range toks {
				if strings.HasPrefix(w, "[") {
					i, toks[k] = k, strings.Trim(w, "[]")
				}
			}
			code, end := d.match(toks, i)
			if code != tt.code || end < 1 || end > len(toks) || toks[end-1] != tt.endWord {
				last := ""
				if end >= 1 && end <= len(toks) {
					last = toks[end-1]
				}
				t.Errorf("match(%q, %d) = %q, ends at %q; want %q, ending at %q", tt.sentence, i, code, last, tt.code, tt.endWord)
			}
		})
	}
}

func TestCameoIsVerb(t *testing.T) {
	d, err := defaultCameoDict()
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{
		"met": true, "meets": true, "sought": true, "criticizes": true, "imposing": true,
		"beefed": true, "sped": true, "sanctions": false, "the": false, "<C1>": false, "was": false,
	} {
		if got := d.isVerb(w); got != want {
			t.Errorf("isVerb(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestLoadCameoDictErrors(t *testing.T) {
	for name, text := range map[string]string{
		"columns":      "V\t010\t-\tsay\tsay\n",
		"kind":         "X\t010\t-\tsay\tsay\tsay\n",
		"no forms":     "V\t010\t-\tsay\tsay\t\n",
		"alternatives": "V\t010\t-\tsay\tsay\tsay\nP\t012\t-\tsay\t\t(concern|fear\n",
		"empty":        "# nothing\n",
	} {
		fsys := fstest.MapFS{"v.tsv": {Data: []byte(text)}}
		if _, err := loadCameoDict(fsys, "v.tsv"); err == nil {
			t.Errorf("%s: loaded %q without error", name, text)
		}
	}
}

func BenchmarkCameoMatch(b *testing.B) {
	d, err := defaultCameoDict()
	if err != nil {
		b.Fatal(err)
	}
	text := "<C1> on tuesday imposed fresh sanctions on <C2> after its forces attacked border posts , officials said . " +
		"<P1> met with <P2> in <G1> and the two sides agreed to resume talks on a ceasefire . " +
		"thousands of refugees fled to <C3> as troops have withdrawn from the town , the ministry reported on friday ."
	toks := strings.Fields(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for i, w := range toks {
			if d.isVerb(w) {
				d.match(toks, i)
			}
		}
	}
}

func BenchmarkCameoLoad(b *testing.B) {
	for b.Loop() {
		if _, err := loadCameoDict(data.Lexicon, "lexicon/cameo_verbs.tsv"); err != nil {
			b.Fatal(err)
		}
	}
}
