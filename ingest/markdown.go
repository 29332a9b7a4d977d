package ingest

import (
	"regexp"
	"strings"
	"sync"
)

// mdSyntax is the Markdown syntax the reader recognises, compiled by the
// first Markdown file read (markdown), not when the program loads: most
// geokg processes (queries, exports) never read one.
type mdSyntax struct {
	// Block syntax.
	atx, fence, rule, setext, list, quote, refDef, tableRule *regexp.Regexp
	// inline is the inline syntax, applied in this order.
	inline []mdReplace
	// escape is a backslash escape; escaped characters are hidden from
	// the inline rules as private-use runes (escBase + the character).
	escape *regexp.Regexp
}

// mdReplace is one inline rule: what it matches and what replaces it.
type mdReplace struct {
	re   *regexp.Regexp
	repl string
}

// markdown returns the Markdown syntax, compiled on its first call.
var markdown = sync.OnceValue(func() *mdSyntax {
	return &mdSyntax{
		atx:       regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$`),
		fence:     regexp.MustCompile("^ {0,3}(```+|~~~+)"),
		rule:      regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`),
		setext:    regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`),
		list:      regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+`),
		quote:     regexp.MustCompile(`^[ \t]*(?:>[ \t]?)+`),
		refDef:    regexp.MustCompile(`^ {0,3}\[[^\]]+\]:[ \t]*\S+`),
		tableRule: regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$`),
		inline: []mdReplace{
			{regexp.MustCompile(`<!--.*?-->`), ""},
			{regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`), ""},                    // images
			{regexp.MustCompile(`!\[[^\]]*\]\[[^\]]*\]`), ""},                   // reference images
			{regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`), "$1"},                 // links
			{regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`), "$1"},                // reference links
			{regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`), "$1"},         // autolinks
			{regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>`), ""}, // inline HTML tags
			{regexp.MustCompile("`+([^`]+?)`+"), "$1"},                          // code spans
			{regexp.MustCompile(`\*\*(\S(?:[^*]*?\S)?)\*\*`), "$1"},
			{regexp.MustCompile(`(^|[^\pL\pN_])__(\S(?:[^_]*?\S)?)__($|[^\pL\pN_])`), "$1$2$3"},
			{regexp.MustCompile(`\*(\S(?:[^*]*?\S)?)\*`), "$1"},
			{regexp.MustCompile(`(^|[^\pL\pN_])_(\S(?:[^_]*?\S)?)_($|[^\pL\pN_])`), "$1$2$3"},
			{regexp.MustCompile(`~~(\S(?:[^~]*?\S)?)~~`), "$1"},
		},
		escape: regexp.MustCompile("\\\\[\\\\`*_{}\\[\\]()#+\\-.!<>|~]"),
	}
})

const escBase = 0xE000

// stripInline removes Markdown inline markup from one line of text.
func stripInline(s string) string {
	md := markdown()
	s = md.escape.ReplaceAllStringFunc(s, func(e string) string { return string(rune(escBase + int(e[1]))) })
	for _, m := range md.inline {
		// Twice: adjacent matches share the boundary character.
		s = m.re.ReplaceAllString(s, m.repl)
		s = m.re.ReplaceAllString(s, m.repl)
	}
	s = strings.Map(func(r rune) rune {
		if r >= escBase && r < escBase+0x80 {
			return r - escBase
		}
		return r
	}, s)
	return collapse(s)
}

// markdownBlocks splits a Markdown body into paragraphs with the markup
// stripped: headings lose their '#' (or underline) and are paragraphs of
// their own, as is every list item; emphasis, code spans and links keep
// their text; images, reference definitions, rules and HTML comments go;
// the lines inside code fences are kept as text, one paragraph each.
func markdownBlocks(s string) []block {
	var out []block
	var cur []string
	flush := func() {
		if t := stripInline(strings.Join(cur, " ")); t != "" {
			out = append(out, block{text: t, first: stripInline(cur[0]), standalone: len(cur) == 1})
		}
		cur = cur[:0]
	}
	add := func(t string, heading bool) {
		if t = stripInline(t); t != "" {
			out = append(out, block{text: t, heading: heading, standalone: true})
		}
	}
	md := markdown()
	fence := ""
	for _, line := range strings.Split(s, "\n") {
		if fence != "" {
			if strings.HasPrefix(strings.TrimSpace(line), fence) {
				fence = ""
				continue
			}
			if t := collapse(line); t != "" {
				out = append(out, block{text: t, standalone: true})
			}
			continue
		}
		if m := md.fence.FindStringSubmatch(line); m != nil {
			flush()
			fence = m[1]
			continue
		}
		line = md.quote.ReplaceAllString(line, "")
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case len(cur) > 0 && md.setext.MatchString(line):
			// The paragraph so far was a heading underlined by this line.
			t := strings.Join(cur, " ")
			cur = cur[:0]
			add(t, true)
		case md.rule.MatchString(line), md.refDef.MatchString(line), md.tableRule.MatchString(line):
			flush()
		case md.atx.MatchString(line):
			flush()
			m := md.atx.FindStringSubmatch(line)
			add(m[2], true)
		case md.list.MatchString(line):
			flush()
			cur = append(cur, md.list.ReplaceAllString(line, ""))
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return out
}
