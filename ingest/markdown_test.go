package ingest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestStripInline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Biden** met *Xi* in _Woodside_", "Biden met Xi in Woodside"},
		{"__Scholz__ and ***Macron***", "Scholz and Macron"},
		{"see [the report](https://example.org/r \"title\") now", "see the report now"},
		{"a [reference link][1] here", "a reference link here"},
		{"before ![photo](p.jpg) after", "before after"},
		{"code `x_y_z` and snake_case_name", "code x_y_z and snake_case_name"},
		{"2 * 3 * 4 stays", "2 * 3 * 4 stays"},
		{`escaped \*stars\* and \_under\_`, "escaped *stars* and _under_"},
		{"~~struck~~ <b>bold</b> <!-- note --> <https://example.org>", "struck bold https://example.org"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, stripInline(tt.in), "%q", tt.in)
	}
}

func TestMarkdownBlocks(t *testing.T) {
	in := strings.Join([]string{
		"## Closing hashes ##",
		"#hashtag is not a heading",
		"",
		"Setext heading",
		"--------------",
		"Paragraph line one",
		"and line two.",
		"",
		"1) first item",
		"   continued",
		"+ second item",
		"",
		"| a | b |",
		"|---|:-:|",
		"",
		"***",
		"~~~go",
		"fmt.Println(*x*)",
		"~~~",
		"[1]: https://example.org",
	}, "\n")
	var got []string
	for _, b := range markdownBlocks(in) {
		s := b.text
		if b.heading {
			s = "H:" + s
		}
		got = append(got, s)
	}
	require.Equal(t, []string{
		"H:Closing hashes",
		"#hashtag is not a heading",
		"H:Setext heading",
		"Paragraph line one and line two.",
		"first item continued",
		"second item",
		"| a | b |",
		"fmt.Println(*x*)",
	}, got)
}
