package export

import (
	"strings"
	"testing"
)

// FuzzReadNQuads: no panic; the reader ends (io.EOF or an error) within
// as many quads as the input has lines.
func FuzzReadNQuads(f *testing.F) {
	f.Add("<https://geokg.org/id/e/person/olaf-scholz> <https://geokg.org/id/p/name> \"Olaf Scholz\" .\n")
	f.Add("<http://example.org/x> <http://example.org/p> \"v\"@en <http://example.org/g> .\n")
	f.Add("_:b0 <p> \"unterminated .\n<a> <b> <c> .\n")
	f.Add("# comment\n\n<a> <b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n")
	f.Fuzz(func(t *testing.T, data string) {
		r := ReadNQuads(strings.NewReader(data))
		max := strings.Count(data, "\n") + 1
		for n := 0; ; n++ {
			if n > max {
				t.Fatalf("more than %d quads from %d lines", n, max)
			}
			if _, err := r.ReadQuad(); err != nil {
				return
			}
		}
	})
}
