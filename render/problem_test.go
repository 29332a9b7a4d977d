package render

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/ingest"
)

func TestItemProblem(t *testing.T) {
	for _, c := range []struct {
		e    *ingest.ReadError
		want string
	}{
		{&ingest.ReadError{Origin: "a.md", Err: ingest.ErrNoDate, Warning: true},
			"warning: a.md: " + ingest.ErrNoDate.Error() + " (" + NoDateHint + ")"},
		{&ingest.ReadError{Origin: "b.jsonl:3", Err: errors.New("bad JSON")}, "error: b.jsonl:3: bad JSON"},
		{&ingest.ReadError{Origin: "c.html", Err: errors.New("empty text"), Warning: true}, "warning: c.html: empty text"},
	} {
		require.Equal(t, c.want, ItemProblem(c.e))
	}
}
