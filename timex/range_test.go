package timex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A relative date that falls outside the years a graph.Date holds is
// dropped: the expression is found, marked OutOfRange, with no value.
func TestOutOfRange(t *testing.T) {
	for _, c := range []struct {
		text, ref string
		out       bool
	}{
		{"They met next year.", "9999-06-01", true},
		{"They met two years ago.", "0001-03-01", true},
		{"They met on 2 January.", "9999-12-31", true},
		{"They met the day before yesterday.", "0001-01-01", true},
		{"They met last year.", "9999-06-01", false},
		{"They met next year.", "2024-06-01", false},
	} {
		es := Find(c.text, day(c.ref))
		if !assert.Len(t, es, 1, c.text) {
			continue
		}
		assert.Equal(t, c.out, es[0].OutOfRange, "%s (%s)", c.text, c.ref)
		assert.True(t, es[0].Value.Valid(), c.text)
		assert.Equal(t, c.out, es[0].Value.IsZero(), c.text)
	}
	_, ok := Resolve("next year", day("9999-01-01"))
	assert.False(t, ok)
	_, err := ParseOption("--at", "0000-01-01", day("2024-01-01"))
	assert.ErrorIs(t, err, ErrNotDate)
}
