package render

import (
	"fmt"

	"github.com/geokg/geokg/graph"
)

// SourceRef is the short reference to a fact's sources used in every
// table: the first source's article id, its publication date in
// parentheses when known, and "+N" when N more sources state the fact,
// as in "a1 (2024-10-01) +1" (N counts every source also when the fact
// was read with its evidence only, see graph.Fact.NumSources). A fact
// without sources gives "".
func SourceRef(f graph.Fact) string {
	if len(f.Sources) == 0 {
		return ""
	}
	s := f.Sources[0]
	ref := s.Article
	if !s.Published.IsZero() {
		ref += " (" + s.Published.String() + ")"
	}
	if n := f.NumSources() - 1; n > 0 {
		ref += fmt.Sprintf(" +%d", n)
	}
	return ref
}
