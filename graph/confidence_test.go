package graph

import (
	"strings"
	"testing"
)

func TestCombinedConfidence(t *testing.T) {
	src := func(article, sentence string) Source { return Source{Article: article, Sentence: sentence} }
	tests := []struct {
		name    string
		conf    float64
		sources []Source
		n       int
		want    float64
	}{
		{"one source", 0.7, []Source{src("a", "X met Y.")}, 1, 0.7},
		{"two articles", 0.9, []Source{src("a", "X met Y."), src("b", "Y and X met.")}, 2, 0.95},
		{"three articles", 0.6, []Source{src("a", "1"), src("b", "2"), src("c", "3")}, 3, 0.9},
		{"one article twice", 0.6, []Source{src("a", "1"), src("a", "2")}, 1, 0.6},
		{"wire copy", 0.6, []Source{src("a", "X met Y."), src("b", "X  met y.")}, 1, 0.6},
		{"capped", 0.95, []Source{src("a", "1"), src("b", "2"), src("c", "3"), src("d", "4")}, 4, 0.99},
		{"no sources", 0.5, nil, 0, 0.5},
	}
	for _, tc := range tests {
		f := Fact{Confidence: tc.conf, Sources: tc.sources}
		if n := IndependentSources(f); n != tc.n {
			t.Errorf("%s: IndependentSources = %d, want %d", tc.name, n, tc.n)
		}
		if got := CombinedConfidence(f); got != tc.want {
			t.Errorf("%s: CombinedConfidence = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestSaturatedSources checks that beyond SaturatedSources independent
// sources the combined confidence no longer changes, for every stored
// confidence, so that a store may keep the count only up to it.
func TestSaturatedSources(t *testing.T) {
	var srcs []Source
	for i := range 3 * SaturatedSources {
		srcs = append(srcs, Source{Article: string(rune('a' + i)), Sentence: string(rune('A' + i))})
	}
	for c := 0.01; c <= 1; c += 0.01 {
		at := CombinedConfidence(Fact{Confidence: c, Sources: srcs[:SaturatedSources]})
		for n := SaturatedSources + 1; n <= len(srcs); n++ {
			if got := CombinedConfidence(Fact{Confidence: c, Sources: srcs[:n]}); got != at {
				t.Fatalf("confidence %v: %d sources give %v, %d give %v", c, n, got, SaturatedSources, at)
			}
		}
		paged := Fact{Confidence: c, Sources: srcs[:1], SourceCount: len(srcs), Independent: IndependentSourcesUpTo(Fact{Sources: srcs}, SaturatedSources)}
		if got := CombinedConfidence(paged); got != at {
			t.Fatalf("confidence %v: read with evidence only %v, want %v", c, got, at)
		}
	}
}

// TestSentenceKey checks the sentence form of wire copies against the
// one it replaces (strings.Fields of strings.ToLower, joined by spaces).
func TestSentenceKey(t *testing.T) {
	for _, s := range []string{"", "  ", "X met Y.", "  X\tmet\n\nY.  ", "ÉMILE Met ΣΟΦΙΑ", "a\u00a0b\u2003C", "İstanbul talks", "x\xffy Z"} {
		want := strings.Join(strings.Fields(strings.ToLower(s)), " ")
		if got := string(sentenceKey(nil, s)); got != want {
			t.Errorf("sentenceKey(%q) = %q, want %q", s, got, want)
		}
	}
}
