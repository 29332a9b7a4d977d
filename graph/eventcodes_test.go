package graph

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEventCodes checks the codes of an event fact as its subject acted:
// the predicate table's, and a hosted meeting's host and visit modes.
func TestEventCodes(t *testing.T) {
	for _, tc := range []struct {
		name                string
		f                   Fact
		cameo, plover, mode Code
	}{
		{"met, no host", Fact{Subject: "a", Predicate: Met, Object: "b"}, "040", "CONSULT", None},
		{"met, subject hosted", Fact{Subject: "a", Predicate: Met, Object: "b", Host: "a"}, "043", "CONSULT", "host"},
		{"met, object hosted", Fact{Subject: "a", Predicate: Met, Object: "b", Host: "b"}, "042", "CONSULT", "visit"},
		{"met, host no side", Fact{Subject: "a", Predicate: Met, Object: "b", Host: "c"}, "040", "CONSULT", None},
		{"visited keeps its row", Fact{Subject: "a", Predicate: Visited, Object: "b", Host: "b"}, "042", "CONSULT", "visit"},
		{"spoke_with keeps its row", Fact{Subject: "a", Predicate: SpokeWith, Object: "b", Host: "a"}, "040", "CONSULT", "phone"},
		{"sanctioned", Fact{Subject: "a", Predicate: Sanctioned, Object: "b"}, "163", "SANCTION", None},
		{"unknown predicate", Fact{Subject: "a", Predicate: "liked", Object: "b"}, None, None, None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, p, m := tc.f.EventCodes()
			assert.Equal(t, []Code{tc.cameo, tc.plover, tc.mode}, []Code{c, p, m})
		})
	}
}

// TestFillSectorsHost checks that a statement telling who hosted a
// meeting gives the fact its host, whichever way round it names the
// sides, and never a host that is neither side.
func TestFillSectorsHost(t *testing.T) {
	f := Fact{Subject: "a", Predicate: Met, Object: "b"}
	f.FillSectors(&Fact{Subject: "b", Predicate: Met, Object: "a", Host: "b"})
	assert.Equal(t, "b", f.Host)
	f.FillSectors(&Fact{Subject: "a", Predicate: Met, Object: "b", Host: "a"})
	assert.Equal(t, "b", f.Host, "the first statement to tell the host gives it")
	g := Fact{Subject: "a", Predicate: Met, Object: "b"}
	g.FillSectors(&Fact{Subject: "a", Predicate: Met, Object: "c", Host: "c"})
	assert.Empty(t, g.Host)
}
