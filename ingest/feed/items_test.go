package feed

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rssItems is an RSS document holding the given items.
func rssItems(items ...string) string {
	return "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>\n" +
		strings.Join(items, "\n") + "\n</channel></rss>\n"
}

const (
	goodItemA = `<item><guid>a-1</guid><title>Tusk in Kyiv</title><pubDate>Mon, 13 Jan 2025 09:00:00 GMT</pubDate><description>Donald Tusk visited Kyiv.</description></item>`
	goodItemB = `<item><guid>a-2</guid><title>Costa in Rome</title><pubDate>Tue, 14 Jan 2025 09:00:00 GMT</pubDate><description>Antonio Costa met Giorgia Meloni.</description></item>`
)

// One damaged item (a character XML forbids, invalid UTF-8, a cut-off
// end) is an error naming it; the feed's other items are read.
func TestParseBadItems(t *testing.T) {
	for name, tc := range map[string]struct {
		bad  string
		want string
	}{
		"NUL entity":    {`<item><guid>a-bad</guid><title>Null</title><description>before &#0; after</description></item>`, `item 2 "a-bad" (line 4): XML syntax error: illegal character code U+0000`},
		"invalid UTF-8": {"<item><title>Bytes \xff\xfe here</title><description>x</description></item>", `item 2 "Bytes ? here" (line 4): XML syntax error: invalid UTF-8`},
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Parse([]byte(rssItems(goodItemA, tc.bad, goodItemB)))
			require.NoError(t, err)
			assert.Equal(t, "rss", f.Type)
			assert.Equal(t, "Wire", f.Title)
			require.Len(t, f.Items, 2)
			assert.Equal(t, "a-1", f.Items[0].ID)
			assert.Equal(t, "Donald Tusk visited Kyiv.", f.Items[0].Text)
			assert.Equal(t, "a-2", f.Items[1].ID)
			assert.Equal(t, 14, f.Items[1].Published.Day())
			require.Len(t, f.Bad, 1)
			assert.True(t, errors.Is(f.Bad[0], ErrBadItem))
			assert.Contains(t, f.Bad[0].Error(), tc.want)
		})
	}

	// A feed cut off inside its last item, with a damaged first item,
	// keeps the whole item between.
	doc := rssItems(`<item><guid>a-0</guid><description>&#0;</description></item>`, goodItemA, goodItemB)
	f, err := Parse([]byte(doc[:strings.Index(doc, "Antonio")]))
	require.NoError(t, err)
	require.Len(t, f.Items, 1)
	assert.Equal(t, "a-1", f.Items[0].ID)
	assert.Equal(t, "Donald Tusk visited Kyiv.", f.Items[0].Text)
	require.Len(t, f.Bad, 2)
	assert.Contains(t, f.Bad[0].Error(), `item 1 "a-0" (line 3)`)
	assert.Contains(t, f.Bad[1].Error(), `item 3 "a-2" (line 5): cut off`)

	// Atom entries alike.
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency</title><id>urn:feed</id>
<entry><id>urn:e:1</id><title>One</title><updated>2025-03-14T10:00:00Z</updated><content>Mark Carney was sworn in.</content></entry>
<entry><id>urn:e:2</id><title>Two</title><content>bad &#1; char</content></entry>
</feed>`
	f, err = Parse([]byte(atom))
	require.NoError(t, err)
	assert.Equal(t, "atom", f.Type)
	require.Len(t, f.Items, 1)
	assert.Equal(t, "urn:e:1", f.Items[0].ID)
	require.Len(t, f.Bad, 1)
	assert.Contains(t, f.Bad[0].Error(), `item 2 "urn:e:2" (line 4)`)

	// Damage outside the items is the whole feed's error.
	_, err = Parse([]byte(strings.Replace(rssItems(goodItemA), "<title>Wire", "<title>W&#0;ire", 1)))
	assert.ErrorIs(t, err, ErrBadFeed)
}

// A date that does not parse is a warning on the item, which is read
// undated.
func TestParseItemBadDate(t *testing.T) {
	f, err := Parse([]byte(rssItems(goodItemA, `<item><guid>a-3</guid><pubDate>32 Smarch 20245</pubDate><description>Keir Starmer met Emmanuel Macron.</description></item>`)))
	require.NoError(t, err)
	require.Len(t, f.Items, 2)
	assert.Empty(t, f.Items[0].Warnings)
	it := f.Items[1]
	assert.True(t, it.Published.IsZero())
	assert.True(t, it.Article("x").Published.IsZero())
	require.Len(t, it.Warnings, 1)
	assert.ErrorIs(t, it.Warnings[0], ErrItemDate)
	assert.Contains(t, it.Warnings[0].Error(), `"32 Smarch 20245"; item read undated`)
}

// Broken markup in an item's text loses its tags, never its text: stray
// and unclosed tags, nesting deeper than the HTML parser's 512 elements.
func TestTextOfBrokenHTML(t *testing.T) {
	deep := strings.Repeat("<div>", 600) + "Kaja Kallas visited Tallinn." + strings.Repeat("</div>", 3)
	assert.Equal(t, "Kaja Kallas visited Tallinn.", TextOf(deep))
	assert.Equal(t, "unclosed bold\ntail", TextOf("<p>unclosed <b>bold </i></p>tail<scr"))
	assert.Equal(t, "a & b &foo; c", TextOf("a &amp b &foo; c"))
	assert.Equal(t, "kept\nafter", TextOf("<p>kept<script>var x = '<p>no</p>';</script><style>p{}</style><p>after"))
	assert.Equal(t, "Mark Rutte met Donald Trump in Palm Beach.\nThey spoke about NATO.",
		TextOf("<p>Mark Rutte met Donald Trump in Palm Beach.</p><p>They spoke about <b>NATO</b>.</p>"))
}
