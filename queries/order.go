package queries

import (
	"sort"
	"time"

	"github.com/geokg/geokg/graph"
)

// sortTime is when a fact took place or began, for ordering answers
// (graph.SortTime).
func sortTime(f graph.Fact) time.Time { return graph.SortTime(&f) }

// byTime orders facts by sortTime, then id. Ids are unique, so the order
// is total and needs no stable sort (much slower on long timelines).
func byTime(fs []graph.Fact) {
	sort.Slice(fs, func(i, j int) bool {
		ti, tj := sortTime(fs[i]), sortTime(fs[j])
		if !ti.Equal(tj) {
			return ti.Before(tj)
		}
		return fs[i].ID < fs[j].ID
	})
}
