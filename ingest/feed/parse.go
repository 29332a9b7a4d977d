package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/ingest"
)

// Item is one entry of a feed.
type Item struct {
	// ID is the item's GUID (RSS) or id (Atom), else its link, else
	// "sha256:" and the first 16 hex digits of the hash of its title and
	// text. It identifies the item across fetches.
	ID string
	// Link is the address of the linked page, when there is one.
	Link string
	// Title is the item's title.
	Title string
	// Published is the publication (else update) time; zero when absent.
	Published time.Time
	// Text is the item's own text (content, else description), markup
	// removed, one paragraph per line.
	Text string
	// Warnings are what was wrong with the item but did not stop it
	// being read: a date that does not parse (the item is then undated).
	Warnings []error
}

// Feed is a parsed RSS or Atom document.
type Feed struct {
	// Type is "rss" or "atom".
	Type string
	// Title is the feed's title.
	Title string
	// Items are the entries in document order.
	Items []Item
	// Bad are the entries that could not be read (a character XML
	// forbids, invalid UTF-8, broken markup), each an error wrapping
	// ErrBadItem that names it; the other entries are in Items.
	Bad []error
}

// Parse reads an RSS or Atom document. Anything else (malformed XML, a JSON
// feed, an HTML page) is an error wrapping ErrBadFeed. A document whose
// damage lies inside some of its items is read item by item: the others
// are in Items, the damaged ones in Bad (see parseItems).
func Parse(data []byte) (*Feed, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%w: empty document", ErrBadFeed)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if out := parseItems(data); out != nil {
			return out, nil
		}
		return nil, fmt.Errorf("%w: %v", ErrBadFeed, err)
	}
	return convert(f)
}

// convert turns a parsed gofeed document into a Feed.
func convert(f *gofeed.Feed) (*Feed, error) {
	if f.FeedType != "rss" && f.FeedType != "atom" {
		return nil, fmt.Errorf("%w: %s feed", ErrBadFeed, f.FeedType)
	}
	out := &Feed{Type: f.FeedType, Title: strings.TrimSpace(f.Title)}
	for _, it := range f.Items {
		if it != nil {
			out.Items = append(out.Items, convertItem(it))
		}
	}
	return out, nil
}

// convertItem turns one parsed entry into an Item.
func convertItem(it *gofeed.Item) Item {
	item := Item{
		Link:  strings.TrimSpace(it.Link),
		Title: strings.Join(strings.Fields(it.Title), " "),
		Text:  TextOf(it.Content),
	}
	if item.Text == "" {
		item.Text = TextOf(it.Description)
	}
	switch {
	case it.PublishedParsed != nil:
		item.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		item.Published = *it.UpdatedParsed
	case strings.TrimSpace(it.Published) != "":
		item.Warnings = append(item.Warnings, fmt.Errorf("%w: %q; item read undated", ErrItemDate, strings.TrimSpace(it.Published)))
	case strings.TrimSpace(it.Updated) != "":
		item.Warnings = append(item.Warnings, fmt.Errorf("%w: %q; item read undated", ErrItemDate, strings.TrimSpace(it.Updated)))
	}
	item.ID = strings.TrimSpace(it.GUID)
	if item.ID == "" {
		item.ID = item.Link
	}
	if item.ID == "" {
		sum := sha256.Sum256([]byte(item.Title + "\n" + item.Text))
		item.ID = "sha256:" + hex.EncodeToString(sum[:])[:16]
	}
	return item
}

// Article returns the item as an article with its own text; origin names
// it in messages.
func (it Item) Article(origin string) ingest.Article {
	a := ingest.Article{ID: it.ID, URL: it.Link, Title: it.Title, Text: it.Text, Origin: origin}
	if !it.Published.IsZero() {
		a.Published = graph.DateFromTime(it.Published)
	}
	return a
}

// blockTags end a paragraph in TextOf.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Tr: true, atom.Table: true, atom.Section: true, atom.Article: true,
	atom.Pre: true, atom.Hr: true, atom.Figure: true, atom.Figcaption: true,
}

// skipTags never hold text.
var skipTags = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true}

// TextOf returns the text of an HTML fragment (or of plain text, entities
// decoded), one paragraph per line: block elements and <br> end
// paragraphs, scripts and styles are dropped, white space is collapsed.
// It reads the fragment token by token, without building its tree, so
// broken markup (unclosed or stray tags, nesting of any depth) loses
// only the tags, never the text around them.
func TextOf(fragment string) string {
	if strings.TrimSpace(fragment) == "" {
		return ""
	}
	z := html.NewTokenizerFragment(strings.NewReader(fragment), "body")
	var b strings.Builder
	skip := 0 // depth inside elements that hold no text
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			var paras []string
			for _, l := range strings.Split(b.String(), "\n") {
				if l = collapse(l); l != "" {
					paras = append(paras, l)
				}
			}
			return strings.Join(paras, "\n")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case skipTags[a] && tt == html.StartTagToken:
				skip++
			case skipTags[a] && tt == html.EndTagToken && skip > 0:
				skip--
			case blockTags[a]:
				b.WriteByte('\n')
			}
		}
	}
}

// collapse trims s and collapses its runs of white space to one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
