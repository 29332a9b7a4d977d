package timex

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A span of days in one month ("20–21 November", "November 20-21, 2026")
// is one expression dated by its first day; a dash between numbers that
// are no such span is left alone.
func TestDaySpan(t *testing.T) {
	for _, c := range []struct {
		text, text2, want string
	}{
		{"He paid an official visit to India on 20–21 November 2026.", "on 20–21 November 2026", "2026-11-20"},
		{"The summit was held on November 20-21, 2026 in Delhi.", "on November 20-21, 2026", "2026-11-20"},
		{"Talks ran on 3-4 March in Geneva.", "on 3-4 March", "2026-03-03"},
		{"They met on 21-20 November 2026.", "November 2026", "2026-11"},
		{"They met on 20 November 2026.", "on 20 November 2026", "2026-11-20"},
	} {
		es := Find(c.text, day("2026-11-22"))
		if !assert.Len(t, es, 1, c.text) {
			continue
		}
		assert.Equal(t, c.text2, es[0].Text, c.text)
		assert.Equal(t, c.want, es[0].Value.String(), c.text)
	}
}
