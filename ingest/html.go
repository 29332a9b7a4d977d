package ingest

import (
	"bytes"
	"encoding/json"
	"fmt"
	nurl "net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlDateKeys are the meta names and properties that give a publication
// date, in order of preference (compared without case).
var htmlDateKeys = []string{
	"article:published_time", "og:article:published_time", "pubdate", "date",
	"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "parsely-pub-date",
	"sailthru.date", "datepublished", "publish-date", "publication_date",
}

// htmlDropTags are elements that never hold article text.
var htmlDropTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Button: true, atom.Iframe: true, atom.Svg: true, atom.Menu: true,
}

// htmlDropRoles are ARIA roles of elements that never hold article text.
var htmlDropRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"menu": true, "menubar": true, "search": true, "dialog": true, "alert": true,
}

// htmlMeta is the metadata found in an HTML document.
type htmlMeta struct {
	meta      map[string]string // lower-case name/property/itemprop → first content
	title     string            // <title>
	canonical string            // <link rel=canonical>
	h1        string            // first <h1>
	artTimes  []string          // <time datetime> inside <article>
	times     []string          // other <time datetime> outside navigation
	ldDate    string            // JSON-LD datePublished
	ldTitle   string            // JSON-LD headline
	ldURL     string            // JSON-LD url
}

// parseHTML reads an HTML article. Title: og:title, else <title>, else
// JSON-LD headline, else the first <h1>. URL: og:url, else the canonical
// link, else JSON-LD url. Published: the first meta tag of htmlDateKeys
// that parses, else JSON-LD datePublished, else a <time datetime> inside
// <article> (or elsewhere outside navigation), else ReadOptions.Published.
// Dates that are present but none of which parse give a warning wrapping
// graph.ErrBadDate. Text is the main content as found by go-readability,
// after navigation, headers outside the article, footers, asides and
// forms are removed, one paragraph per line. A document the parser
// rejects (nested deeper than 512 elements) is read by htmlFallback with
// a warning wrapping ErrHTMLStructure. A document that is not UTF-8
// must declare its charset (BOM or <meta charset>).
func (r *reader) parseHTML(origin string, data []byte) (Article, error) {
	if !utf8.Valid(data) {
		dec, err := decodeHTML(data)
		if err != nil {
			return Article{}, err
		}
		data = dec
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return r.htmlFallback(origin, data, err)
	}
	m := htmlMeta{meta: map[string]string{}}
	m.collect(doc, false, false)

	var a Article
	a.Title = collapse(firstNonEmpty(m.meta["og:title"], m.title, m.ldTitle, m.h1))
	a.URL = strings.TrimSpace(firstNonEmpty(m.meta["og:url"], m.canonical, m.ldURL))

	var candidates []string
	for _, k := range htmlDateKeys {
		if v := m.meta[k]; v != "" {
			candidates = append(candidates, v)
		}
	}
	if m.ldDate != "" {
		candidates = append(candidates, m.ldDate)
	}
	candidates = append(candidates, m.artTimes...)
	candidates = append(candidates, m.times...)
	var badDate error
	for _, c := range candidates {
		d, err := parseDate(c)
		if err == nil && !d.IsZero() {
			a.Published = d
			break
		}
		if badDate == nil {
			badDate = err
		}
	}
	if a.Published.IsZero() {
		a.Published = r.opts.Published
		if badDate != nil {
			r.warn(origin, badDate)
		}
	}

	pruneHTML(doc, false)
	a.Text = mainText(doc, a.URL)
	if a.Text == "" {
		return Article{}, ErrNoText
	}
	return a, nil
}

// decodeHTML converts a document in a declared non-UTF-8 charset to
// UTF-8. Without a declaration the document is reported as invalid UTF-8.
func decodeHTML(data []byte) ([]byte, error) {
	head := data[:min(len(data), 1024)]
	enc, name, certain := charset.DetermineEncoding(data, "")
	declared := certain || bytes.Contains(bytes.ToLower(head), []byte("charset"))
	if !declared || enc == nil || name == "utf-8" {
		return nil, checkUTF8(data)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}

// firstNonEmpty returns the first of vs that is not blank.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// attr returns the value of n's attribute key ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// textOf returns the collapsed text content of n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return collapse(b.String())
}

// collect walks the document and records its metadata. inArticle and
// inNav say whether n is inside <article> or inside navigation.
func (m *htmlMeta) collect(n *html.Node, inArticle, inNav bool) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
				key := strings.ToLower(strings.TrimSpace(attr(n, k)))
				if key != "" && content != "" && m.meta[key] == "" {
					m.meta[key] = content
				}
			}
		case atom.Title:
			if m.title == "" {
				m.title = textOf(n)
			}
		case atom.Link:
			if m.canonical == "" && strings.Contains(" "+strings.ToLower(attr(n, "rel"))+" ", " canonical ") {
				m.canonical = attr(n, "href")
			}
		case atom.H1:
			if m.h1 == "" && !inNav {
				m.h1 = textOf(n)
			}
		case atom.Time:
			if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" && !inNav {
				if inArticle {
					m.artTimes = append(m.artTimes, dt)
				} else {
					m.times = append(m.times, dt)
				}
			}
		case atom.Script:
			if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
				m.jsonLD(n.FirstChild.Data)
			}
		case atom.Article:
			inArticle = true
		}
		if htmlDropTags[n.DataAtom] || htmlDropRoles[strings.ToLower(attr(n, "role"))] {
			inNav = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.collect(c, inArticle, inNav)
	}
}

// jsonLD records datePublished, headline and url from a JSON-LD script:
// an object, an array of objects or an object with an @graph array. The
// first object with a datePublished wins.
func (m *htmlMeta) jsonLD(src string) {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(src)), &v) != nil {
		return
	}
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 4 || m.ldDate != "" {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				visit(e, depth+1)
			}
		case map[string]any:
			if d, ok := v["datePublished"].(string); ok && strings.TrimSpace(d) != "" {
				m.ldDate = strings.TrimSpace(d)
				if h, ok := v["headline"].(string); ok && m.ldTitle == "" {
					m.ldTitle = h
				}
				if u, ok := v["url"].(string); ok && m.ldURL == "" {
					m.ldURL = u
				}
				return
			}
			if g, ok := v["@graph"]; ok {
				visit(g, depth+1)
			}
		}
	}
	visit(v, 0)
}

// pruneHTML removes from n the elements that never hold article text:
// navigation, footers, asides, forms, scripts, elements with a
// navigation-like ARIA role, hidden elements, and <header> elements
// outside <article> and <main>.
func pruneHTML(n *html.Node, inArticle bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode {
			n.RemoveChild(c)
		} else if c.Type == html.ElementNode {
			drop := htmlDropTags[c.DataAtom] ||
				htmlDropRoles[strings.ToLower(attr(c, "role"))] ||
				(c.DataAtom == atom.Header && !inArticle) ||
				hasAttr(c, "hidden") || strings.EqualFold(attr(c, "aria-hidden"), "true")
			if drop {
				n.RemoveChild(c)
			} else {
				pruneHTML(c, inArticle || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
			}
		}
		c = next
	}
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// mainText returns the main text of a pruned document, one paragraph per
// line: go-readability's article content, or the whole body when it
// finds none.
func mainText(doc *html.Node, pageURL string) string {
	u, _ := nurl.Parse(pageURL)
	if u == nil {
		u = &nurl.URL{}
	}
	p := readability.NewParser()
	if art, err := p.ParseDocument(doc, u); err == nil && art.Node != nil {
		if t := paragraphs(render.InnerText(art.Node)); t != "" {
			return t
		}
	}
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	return paragraphs(render.InnerText(body))
}

// paragraphs collapses the white space of each line of s and drops the
// blank ones.
func paragraphs(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// findElement returns the first element a in n, depth first.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}
