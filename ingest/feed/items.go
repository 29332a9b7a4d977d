package feed

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sync"

	"github.com/mmcdole/gofeed"
)

// itemSyntax is what the damaged-feed reader looks for, compiled by the
// first damaged feed (damaged), not when the program loads.
type itemSyntax struct {
	// start finds the start tag of an RSS item or an Atom entry.
	start *regexp.Regexp
	// parserLine is the position the XML parser gives, which would name
	// a line of the rebuilt document, not of the feed.
	parserLine *regexp.Regexp
	// names find what names an entry in a message: its guid or id, else
	// its title.
	names []*regexp.Regexp
}

// damaged returns the damaged-feed syntax, compiled on its first call.
var damaged = sync.OnceValue(func() *itemSyntax {
	return &itemSyntax{
		start:      regexp.MustCompile(`<(item|entry)[\s>/]`),
		parserLine: regexp.MustCompile(` on line \d+`),
		names: []*regexp.Regexp{
			regexp.MustCompile(`<guid[^>]*>\s*([^<]{1,200}?)\s*</guid>`),
			regexp.MustCompile(`<id>\s*([^<]{1,200}?)\s*</id>`),
			regexp.MustCompile(`<title[^>]*>\s*([^<]{1,200}?)\s*</title>`),
		},
	}
})

// parseItems reads a document that does not parse whole one entry at a
// time: each <item> (RSS) or <entry> (Atom) is parsed on its own, between
// the document's head (everything before the first entry) and its tail
// (everything after the last; the closing tags when the last entry is
// cut off). The entries that parse are the Feed's Items; the others
// (and an entry the document ends inside) are errors in Bad naming the
// entry by its number, line and guid (else title). It returns nil when
// the damage is not inside the entries (the document has no entries, or
// its head and tail do not parse as a feed) or no entry could be read.
func parseItems(data []byte) *Feed {
	itemStart := damaged().start
	first := itemStart.FindSubmatchIndex(data)
	if first == nil {
		return nil
	}
	tag := string(data[first[2]:first[3]])
	closing := []byte("</" + tag + ">")
	head := data[:first[0]]
	var (
		chunks [][]byte
		starts []int // the offset of each chunk in data
		tail   []byte
	)
	for pos := first[0]; ; {
		end := bytes.Index(data[pos:], closing)
		starts = append(starts, pos)
		if end < 0 { // the last entry is cut off
			chunks = append(chunks, data[pos:])
			tail = []byte("</channel></rss>")
			if tag == "entry" {
				tail = []byte("</feed>")
			}
			break
		}
		end += pos + len(closing)
		chunks = append(chunks, data[pos:end])
		next := itemStart.FindIndex(data[end:])
		if next == nil || !bytes.HasPrefix(data[end+next[0]:], []byte("<"+tag)) {
			tail = data[end:]
			break
		}
		pos = end + next[0]
	}
	shell, err := parseDoc(head, nil, tail)
	if err != nil || len(shell.Items) > 0 {
		return nil
	}
	out := &Feed{Type: shell.Type, Title: shell.Title}
	for n, chunk := range chunks {
		line := 1 + bytes.Count(data[:starts[n]], []byte("\n"))
		f, err := parseDoc(head, chunk, tail)
		switch {
		case !bytes.HasSuffix(chunk, closing):
			out.Bad = append(out.Bad, badItem(n+1, line, chunk, errors.New("cut off: the document ends inside it")))
		case err != nil:
			out.Bad = append(out.Bad, badItem(n+1, line, chunk, err))
		case len(f.Items) != 1:
			out.Bad = append(out.Bad, badItem(n+1, line, chunk, fmt.Errorf("read as %d entries", len(f.Items))))
		default:
			out.Items = append(out.Items, f.Items[0])
		}
	}
	if len(out.Items) == 0 {
		return nil
	}
	return out
}

// parseDoc parses head, entry and tail as one document.
func parseDoc(head, entry, tail []byte) (*Feed, error) {
	doc := make([]byte, 0, len(head)+len(entry)+len(tail))
	doc = append(append(append(doc, head...), entry...), tail...)
	f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	return convert(f)
}

// badItem is the error for entry number n, starting at line, that did not
// parse with err.
func badItem(n, line int, chunk []byte, err error) error {
	name := ""
	for _, re := range damaged().names {
		if m := re.FindSubmatch(chunk); m != nil {
			name = fmt.Sprintf(" %q", bytes.ToValidUTF8(m[1], []byte("?")))
			break
		}
	}
	return fmt.Errorf("%w: item %d%s (line %d): %s", ErrBadItem, n, name, line, damaged().parserLine.ReplaceAllString(err.Error(), ""))
}
