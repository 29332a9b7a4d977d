package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrHTMLStructure is reported (as a warning) for an HTML document the
// parser rejects, such as one nested deeper than 512 elements; its text
// is then read by stripping the tags (see strippedHTML).
var ErrHTMLStructure = errors.New("HTML structure unreadable; text read with the tags stripped")

// strippedHTML reads an HTML document without building its tree: the text
// outside script, style, head and template elements, one paragraph per
// block element, at most limit bytes of it (more is dropped, and cut is
// true), the first <title> and the first meta date of htmlDateKeys. It is the fallback for documents
// html.Parse rejects; it keeps working memory to the text it returns.
func strippedHTML(data []byte, limit int64) (title, date, text string, cut bool) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	skip := 0 // depth inside elements whose text is not article text
	inTitle := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				cut = true
			}
			return collapse(title), date, paragraphs(b.String()), cut
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Meta && hasAttr && date == "" {
				date = metaDate(z)
			}
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Template, atom.Noscript, atom.Nav:
				skip++
			case atom.Title:
				inTitle = true
			}
			if blockAtom(a) {
				b.WriteByte('\n')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Head, atom.Template, atom.Noscript, atom.Nav:
				if skip > 0 {
					skip--
				}
			case atom.Title:
				inTitle = false
			}
			if blockAtom(a) {
				b.WriteByte('\n')
			}
		case html.TextToken:
			if inTitle && title == "" {
				title = string(z.Text())
				continue
			}
			if skip > 0 {
				continue
			}
			t := z.Text()
			if int64(b.Len()+len(t)) > limit {
				b.Write(t[:max(0, limit-int64(b.Len()))])
				return collapse(title), date, paragraphs(b.String()), true
			}
			b.Write(t)
		}
	}
}

// metaDate returns the content of a meta tag whose name or property is
// one of htmlDateKeys, and "" for any other.
func metaDate(z *html.Tokenizer) string {
	var key, content string
	for {
		k, v, more := z.TagAttr()
		switch strings.ToLower(string(k)) {
		case "name", "property", "itemprop":
			key = strings.ToLower(string(v))
		case "content":
			content = string(v)
		}
		if !more {
			break
		}
	}
	for _, d := range htmlDateKeys {
		if key == d {
			return content
		}
	}
	return ""
}

// blockAtom reports whether an element starts a new paragraph.
func blockAtom(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Article, atom.Section, atom.Blockquote, atom.Tr, atom.Td, atom.Pre, atom.Body:
		return true
	}
	return false
}

// htmlFallback builds the article of a document html.Parse rejected
// (perr), warning about it and, when the text was cut, about that too.
func (r *reader) htmlFallback(origin string, data []byte, perr error) (Article, error) {
	title, date, text, cut := strippedHTML(data, r.opts.maxBytes())
	if text == "" {
		return Article{}, fmt.Errorf("parse HTML: %w", perr)
	}
	r.warn(origin, fmt.Errorf("%w (%v)", ErrHTMLStructure, perr))
	if cut {
		r.warn(origin, fmt.Errorf("%w: stripped text cut at %d bytes", ErrTooLarge, r.opts.maxBytes()))
	}
	a := Article{Title: title, Text: text, Published: r.opts.Published}
	if date != "" {
		if d, err := parseDate(date); err == nil && !d.IsZero() {
			a.Published = d
		} else {
			r.warn(origin, err)
		}
	}
	return a, nil
}
