package graph

import (
	"slices"
	"testing"
)

func TestAddTimeSentences(t *testing.T) {
	cases := []struct {
		name       string
		have, more []string
		want       []string
		added      []string
	}{
		{"to none", nil, []string{"B.", "A."}, []string{"A.", "B."}, []string{"B.", "A."}},
		{"repeats and the main sentence are skipped", []string{"A."}, []string{"A.", "Main.", "", "C.", "C."}, []string{"A.", "C."}, []string{"C."}},
		{"an unsorted list is sorted", []string{"C.", "A."}, []string{"B."}, []string{"A.", "B.", "C."}, []string{"B."}},
		{"nothing new", []string{"A."}, nil, []string{"A."}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Source{Sentence: "Main.", TimeSentences: slices.Clone(c.have)}
			added := s.AddTimeSentences(c.more)
			if !slices.Equal(s.TimeSentences, c.want) || !slices.Equal(added, c.added) {
				t.Errorf("got %q (added %q), want %q (added %q)", s.TimeSentences, added, c.want, c.added)
			}
		})
	}
}
