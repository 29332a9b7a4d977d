package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/geokg/geokg/graph"
)

// Errors wrapped by the ReadErrors this package reports; callers test them
// with errors.Is. Bad dates wrap graph.ErrBadDate.
var (
	// ErrBinary is reported for a file with NUL bytes in its first 8 KiB,
	// or for a JSONL line with a NUL byte.
	ErrBinary = errors.New("binary file")
	// ErrTooLarge is reported for a file or JSONL line over ReadOptions.MaxBytes.
	ErrTooLarge = errors.New("too large")
	// ErrInvalidUTF8 is reported for input that is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrNoText is reported for an item that has no article text.
	ErrNoText = errors.New("no text")
	// ErrBadJSON is reported for a JSONL line that is not a JSON object.
	ErrBadJSON = errors.New("bad JSON")
	// ErrFrontMatter is reported (as a warning) for unreadable YAML front matter.
	ErrFrontMatter = errors.New("bad front matter")
	// ErrNoStdin is reported when "-" is given but no standard input was passed.
	ErrNoStdin = errors.New("no standard input")
)

// Article is one news article read from some input, before extraction.
type Article struct {
	// ID comes from the input when it has one ("id" in JSONL or front
	// matter). Otherwise a file's ID is its path as given on the command
	// line, cleaned and with forward slashes ("notes/a.md"), and an item
	// with no path (a JSONL line, standard input) gets "sha256:" followed
	// by the first 16 hex digits of Hash.
	ID string
	// URL is the article's address, when known.
	URL string
	// Title is the headline, when known.
	Title string
	// Published is the publication date; zero when the input has none.
	Published graph.Date
	// Text is the main text, UTF-8, one paragraph per line (separated by "\n").
	Text string
	// Origin says where the article came from, for messages:
	// "path/file.jsonl:12", "path/a.md", "-" (standard input) or "-:3".
	Origin string
}

// Hash returns the hex SHA-256 of the normalised text (runs of white space
// collapsed to one space, ends trimmed): the content hash used for
// idempotent re-ingest.
func (a Article) Hash() string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(a.Text), " ")))
	return hex.EncodeToString(sum[:])
}

// contentID is the ID of an article that has neither an ID nor a path.
func contentID(a Article) string { return "sha256:" + a.Hash()[:16] }

// ReadError is a bad item: which input it was (Origin, with the line
// number when there is one, as in "a.jsonl:12") and why. A warning is a
// problem with an article that was still emitted, such as an unparseable
// date (the article then has the date it would have had without it).
type ReadError struct {
	Origin  string
	Err     error
	Warning bool
}

// Error writes "origin: reason".
func (e *ReadError) Error() string { return fmt.Sprintf("%s: %v", e.Origin, e.Err) }

// Unwrap returns the reason, for errors.Is and errors.As.
func (e *ReadError) Unwrap() error { return e.Err }

// normalizeText turns plain text into one paragraph per line. When the
// text has blank lines, paragraphs are the blocks between them and the
// lines of a block are joined with a space, but for the items of a list
// (a line opening with a bullet, a dash or a number, see listItem), each
// its own paragraph; otherwise every non-empty line is a paragraph. White
// space inside a paragraph is collapsed.
func normalizeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	// Paragraph blocks exist when a blank line separates two non-empty lines.
	blocks, seen, gap := false, false, false
	for _, l := range lines {
		switch {
		case strings.TrimSpace(l) == "":
			gap = seen
		case gap:
			blocks = true
		default:
			seen = true
		}
		if blocks {
			break
		}
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			flush()
			continue
		}
		if listItem(l) {
			flush() // a digest's "• Iran: …" is no part of the line above
		}
		cur = append(cur, l)
		if !blocks {
			flush()
		}
	}
	flush()
	return strings.Join(paras, "\n")
}

// listItem reports whether l, a collapsed line, opens an item of a list:
// a bullet ("• ", "* ", "▪ "), a dash and a space ("- ", "– "), or a
// number of one or two digits and ". " or ") " ("1. ", "12) ").
func listItem(l string) bool {
	for _, b := range []string{"• ", "· ", "▪ ", "● ", "◦ ", "‣ ", "* ", "- ", "– ", "— "} {
		if strings.HasPrefix(l, b) {
			return true
		}
	}
	n := 0
	for n < len(l) && n < 3 && l[n] >= '0' && l[n] <= '9' {
		n++
	}
	return n >= 1 && n <= 2 && len(l) > n+1 && (l[n] == '.' || l[n] == ')') && l[n+1] == ' '
}

// collapse trims s and collapses its runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// extraLayouts are date layouts beyond graph.ParseDate's, as found in feeds
// and HTML metadata. The calendar day is taken as written.
var extraLayouts = []string{
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02T15:04Z07:00",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	time.RFC822,
	time.RFC822Z,
	"2 Jan 2006",
	"January 2 2006",
	"Jan 2 2006",
	"20060102",
}

// parseTime tries extraLayouts on s.
func parseTime(s string) (time.Time, bool) {
	for _, l := range extraLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
