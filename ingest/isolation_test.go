package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// A binary line in a JSONL file is one bad line; the others are read.
func TestJSONLBinaryLineIsOneBadLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mixed.jsonl")
	data := `{"id":"a","text":"Scholz met Macron in Paris on 3 May 2023."}` + "\n" +
		"\x00\x01\x02garbage\x00\n" +
		`{"id":"b","text":"Sanchez visited Rabat on 1 February 2023."}` + "\n"
	require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
	r := read(t, []string{p}, nil, ReadOptions{})
	require.Equal(t, []string{p + ":1", p + ":3"}, r.origins())
	require.Equal(t, []string{p + ":2"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrBinary)

	// The same on standard input.
	r = read(t, []string{"-"}, strings.NewReader(data), ReadOptions{})
	require.Equal(t, []string{"-:1", "-:3"}, r.origins())
	require.Equal(t, []string{"-:2"}, r.errOrigins())
}

// HTML nested past the parser's 512-element limit is read as stripped text.
func TestHTMLTooDeepFallsBackToText(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><head><title>Deep page</title><meta property="article:published_time" content="2023-05-04"><style>p{}</style></head><body>`)
	b.WriteString(strings.Repeat("<div>", 600))
	b.WriteString("<p>Scholz met Macron in Paris on 3 May 2023.</p><script>var x = 1;</script>")
	b.WriteString(strings.Repeat("</div>", 600))
	b.WriteString("</body></html>")
	p := filepath.Join(t.TempDir(), "deep.html")
	require.NoError(t, os.WriteFile(p, []byte(b.String()), 0o644))
	r := read(t, []string{p}, nil, ReadOptions{})
	require.Len(t, r.arts, 1)
	require.Equal(t, "Scholz met Macron in Paris on 3 May 2023.", r.arts[0].Text)
	require.Equal(t, "Deep page", r.arts[0].Title)
	require.Equal(t, "2023-05-04", r.arts[0].Published.String())
	require.Len(t, r.errs, 1)
	require.ErrorIs(t, r.errs[0], ErrHTMLStructure)

	// The stripped text is capped at MaxBytes.
	_, _, text, cut := strippedHTML([]byte("<p>"+strings.Repeat("word ", 100)+"</p>"), 50)
	require.True(t, cut)
	require.LessOrEqual(t, len(text), 50)
}

// Front matter without its closing line keeps its date when the block up
// to the first blank line reads; the user is warned either way.
func TestUnterminatedFrontMatter(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.md")
	require.NoError(t, os.WriteFile(good, []byte("---\ntitle: Visit\npublished: 2023-02-01\n\nSanchez visited Rabat on Wednesday.\n"), 0o644))
	other := filepath.Join(dir, "b.md")
	require.NoError(t, os.WriteFile(other, []byte("---\ncolour: blue\n\nSanchez visited Rabat.\n"), 0o644))
	rule := filepath.Join(dir, "c.md")
	require.NoError(t, os.WriteFile(rule, []byte("---\nSanchez visited Rabat.\n"), 0o644))
	r := read(t, []string{good, other, rule}, nil, ReadOptions{})
	require.Len(t, r.arts, 3)
	require.Equal(t, "2023-02-01", r.arts[0].Published.String())
	require.Equal(t, "Visit", r.arts[0].Title)
	require.Equal(t, "Sanchez visited Rabat on Wednesday.", r.arts[0].Text)
	require.Contains(t, r.arts[1].Title+" "+r.arts[1].Text, "colour: blue", "unknown keys: the file is its text")
	require.Equal(t, "Sanchez visited Rabat.", r.arts[2].Text)
	require.Len(t, r.errs, 2, fmt.Sprint(r.errs))
	for _, e := range r.errs {
		require.ErrorIs(t, e, ErrFrontMatter)
		require.Contains(t, e.Error(), `no closing "---"`)
	}
}
