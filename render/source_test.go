package render

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

func TestSourceRef(t *testing.T) {
	cases := []struct {
		name    string
		sources []graph.Source
		want    string
	}{
		{"none", nil, ""},
		{"one dated", []graph.Source{{Article: "a1", Published: date("2024-10-01")}}, "a1 (2024-10-01)"},
		{"one undated", []graph.Source{{Article: "a1"}}, "a1"},
		{"one dated to a month", []graph.Source{{Article: "a1", Published: date("2024-10")}}, "a1 (2024-10)"},
		{"three", []graph.Source{{Article: "a1", Published: date("2024-10-01")}, {Article: "a2"}, {Article: "a3"}}, "a1 (2024-10-01) +2"},
		{"two, first undated", []graph.Source{{Article: "a1"}, {Article: "a2", Published: date("2024-10-02")}}, "a1 +1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, SourceRef(graph.Fact{Sources: c.sources}))
		})
	}
}
