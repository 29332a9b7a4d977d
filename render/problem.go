package render

import (
	"errors"
	"fmt"

	"github.com/geokg/geokg/ingest"
)

// NoDateHint tells how to give an undated article its publication date.
const NoDateHint = `date it with --published (e.g. --published 2024-11-30), a front-matter line "published: 2024-11-30", or a "published" field in JSONL`

// ItemProblem renders one bad item or warning of an ingest run as the
// single line the user sees: "warning: ORIGIN: …" or "error: ORIGIN: …".
// An article without a date also says how to give it one.
func ItemProblem(e *ingest.ReadError) string {
	kind := "error"
	if e.Warning || errors.Is(e.Err, ingest.ErrNoDate) {
		kind = "warning"
	}
	line := fmt.Sprintf("%s: %s: %v", kind, e.Origin, e.Err)
	if errors.Is(e.Err, ingest.ErrNoDate) {
		line += " (" + NoDateHint + ")"
	}
	return line
}
