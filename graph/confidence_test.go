package graph

import "testing"

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
