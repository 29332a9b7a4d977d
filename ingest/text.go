package ingest

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/geokg/geokg/graph"
)

// maxTitle is the longest title, in runes, taken from a first line.
const maxTitle = 200

// frontMatter is what an article may say about itself in YAML front matter.
type frontMatter struct {
	ID, Title, URL string
	Published      graph.Date
	// date is the published value as written, when it did not parse.
	badDate string
}

// parseText reads a text or (markdown true) Markdown article. Optional
// YAML front matter between "---" lines gives id, title, published (or
// date), and url. Without a title there, the title is the first Markdown
// heading, else the first line; a title standing alone at the top is not
// repeated in Text. Published falls back to ReadOptions.Published. A
// front-matter date that does not parse is a warning wrapping
// graph.ErrBadDate and falls back the same way.
func (r *reader) parseText(origin string, data []byte, markdown bool) (Article, error) {
	if err := checkUTF8(data); err != nil {
		return Article{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	body := strings.ReplaceAll(string(data), "\r\n", "\n")
	fm, rest, fmErr := splitFrontMatter(body)
	if fmErr != nil {
		r.warn(origin, fmErr)
	}
	var blocks []block
	if markdown {
		blocks = markdownBlocks(rest)
	} else {
		blocks = textBlocks(rest)
	}
	a := Article{ID: fm.ID, URL: fm.URL, Title: fm.Title, Published: fm.Published}
	if a.Title == "" && len(blocks) > 0 {
		first := -1
		for i, b := range blocks {
			if b.heading {
				first = i
				break
			}
		}
		switch {
		case first == 0 || (first < 0 && blocks[0].standalone && len(blocks) > 1):
			// A heading or lone line at the top is the title, not text.
			a.Title = blocks[0].text
			blocks = blocks[1:]
		case first > 0:
			a.Title = blocks[first].text
		default:
			a.Title = firstLine(firstNonEmpty(blocks[0].first, blocks[0].text))
		}
	}
	paras := make([]string, 0, len(blocks))
	for _, b := range blocks {
		paras = append(paras, b.text)
	}
	a.Text = strings.Join(paras, "\n")
	if a.Text == "" {
		return Article{}, ErrNoText
	}
	if fm.badDate != "" {
		_, err := graph.ParseDate(fm.badDate)
		r.warn(origin, fmt.Errorf("front matter: %w", err))
	}
	if a.Published.IsZero() {
		a.Published = r.opts.Published
	}
	return a, nil
}

// firstLine returns the first line of a paragraph, cut to maxTitle runes
// at a word boundary.
func firstLine(s string) string {
	if utf8.RuneCountInString(s) <= maxTitle {
		return s
	}
	cut := string([]rune(s)[:maxTitle])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// splitFrontMatter separates YAML front matter (a first line "---", then
// YAML up to a line "---" or "...") from the body. Without a closing line
// the block up to the first blank line is the front matter when it is
// YAML naming a known key (a warning wrapping ErrFrontMatter says so);
// YAML naming none is a warning too, the whole file then being the body;
// anything else (a Markdown rule) is simply no front matter.
// Unreadable YAML is returned as an error wrapping ErrFrontMatter, with
// the block still removed from the body.
func splitFrontMatter(s string) (fm frontMatter, body string, err error) {
	if !strings.HasPrefix(s, "---\n") && !strings.HasPrefix(s, "--- \n") {
		return fm, s, nil
	}
	start := strings.IndexByte(s, '\n') + 1
	end, next := -1, -1
	for i := start; i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if j >= 0 {
			line = s[i : i+j]
		}
		if l := strings.TrimRight(line, " \t"); l == "---" || l == "..." {
			end, next = i, len(s)
			if j >= 0 {
				next = i + j + 1
			}
			break
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	var unclosed error
	if end < 0 {
		// No closing line: the block up to the first blank line is the
		// front matter if it reads as YAML naming a known key; otherwise
		// the whole file is the body. Either way the user is told.
		end, next = len(s), len(s)
		if i := strings.Index(s[start:], "\n\n"); i >= 0 {
			end, next = start+i+1, start+i+2
		}
		var m map[string]any
		if yaml.Unmarshal([]byte(s[start:end]), &m) != nil || len(m) == 0 {
			return fm, s, nil // a rule, not front matter
		}
		if !knownFrontMatter(m) {
			return fm, s, fmt.Errorf("%w: no closing \"---\" line; the file is read as text", ErrFrontMatter)
		}
		unclosed = fmt.Errorf("%w: no closing \"---\" line; read up to the first blank line (line %d)",
			ErrFrontMatter, 1+strings.Count(s[:end], "\n"))
	}
	body = s[next:]
	var m map[string]any
	if yerr := yaml.Unmarshal([]byte(s[start:end]), &m); yerr != nil {
		return fm, body, fmt.Errorf("%w: %v", ErrFrontMatter, yerr)
	}
	str := func(keys ...string) string {
		for _, k := range keys {
			if v := yamlString(m[k]); v != "" {
				return v
			}
		}
		return ""
	}
	fm.ID = str("id")
	fm.Title = collapse(str("title", "headline"))
	fm.URL = str("url", "link")
	for _, k := range []string{"published", "date", "publishedAt", "published_at", "pubDate"} {
		switch v := m[k].(type) {
		case nil:
			continue
		case time.Time:
			fm.Published = graph.DateFromTime(v)
		default:
			d, derr := parseDate(yamlString(v))
			if derr != nil {
				fm.badDate = yamlString(v)
			}
			fm.Published = d
		}
		break
	}
	return fm, body, unclosed
}

// frontMatterKeys are the keys front matter is read for.
var frontMatterKeys = []string{"id", "title", "headline", "url", "link", "published", "date", "publishedAt", "published_at", "pubDate"}

// knownFrontMatter reports whether m has one of frontMatterKeys.
func knownFrontMatter(m map[string]any) bool {
	for _, k := range frontMatterKeys {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// yamlString returns a YAML scalar as a trimmed string, and "" for
// anything else.
func yamlString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case uint64:
		return strconv.FormatUint(v, 10)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case time.Time:
		return v.Format(time.RFC3339)
	}
	return ""
}

// block is one paragraph of a text or Markdown body.
type block struct {
	text string
	// heading is true for a Markdown heading.
	heading bool
	// standalone is true for a one-line paragraph.
	standalone bool
	// first is the first line of the paragraph when it has several.
	first string
}

// textBlocks splits plain text into paragraphs as normalizeText does.
func textBlocks(s string) []block {
	var out []block
	lines := strings.Split(s, "\n")
	firstParaLines := 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			if firstParaLines > 0 {
				break
			}
			continue
		}
		firstParaLines++
	}
	for i, p := range strings.Split(normalizeText(s), "\n") {
		if p != "" {
			out = append(out, block{text: p, standalone: i == 0 && firstParaLines == 1})
		}
	}
	if len(out) > 0 && firstParaLines > 1 {
		for _, l := range lines {
			if l = collapse(l); l != "" {
				out[0].first = l
				break
			}
		}
	}
	return out
}
