// Command cameoverbs converts PETRARCH2's CAMEO verb dictionary into the
// lexicon file data/lexicon/cameo_verbs.tsv that ingest/extract embeds.
//
// Input: CAMEO.2.0.txt from the PETRARCH2 repository (openeventdata/petrarch2,
// path petrarch2/data/dictionaries/CAMEO.2.0.txt), Copyright (c) 2015 Open
// Event Data Alliance, MIT licence (its notice is in the file's header and in
// data/lexicon/LICENSE.PETRARCH2). The input is not kept in this repository.
//
// Rerun after fetching the file:
//
//	go run ./internal/tools/cameoverbs /path/to/CAMEO.2.0.txt > data/lexicon/cameo_verbs.tsv
//
// What it reads of the input format:
//   - synonym sets: "&NAME" followed by "+MEMBER" lines up to a blank line
//     (members with "_" are multiword; a trailing "_" is dropped);
//   - verb blocks: "---  NAME  [code]  ---", then verb lines "VERB [code]"
//     with irregular forms in "{…}" (when given, they and the lemma are the
//     forms; otherwise the regular forms are generated, by extract.VerbForms)
//     and multiword verbs "+WORD_PARTICLE" (the first word is the verb);
//   - pattern lines "- before * after [code] # note": "*" the verb, "+" the
//     target, "$" the source, "&NAME" a synonym set, "{…}" words that follow
//     each other, "(…)" a prepositional phrase (read as its words), "a/b"
//     alternatives, "^" and "%" dropped;
//   - codes: "[a]", "[a:b]" (a when the subject acts, b the reverse
//     direction), "[:b]" (only the reverse), "[---]" (no event).
//
// The output format is described in data/lexicon/README.md. Lines that
// cannot be read faithfully (an undefined synonym set, a verb of "be" as a
// multiword verb) are skipped and listed on stderr.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/geokg/geokg/ingest/extract"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: cameoverbs CAMEO.2.0.txt > data/lexicon/cameo_verbs.tsv")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	w := bufio.NewWriter(os.Stdout)
	if err := convert(f, w, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// codeRe finds a bracketed code: [042], [042:043], [:173], [---].
var codeRe = regexp.MustCompile(`\[([0-9:\-! ]*)\]`)

// beForms are the forms of "be", never read as the verb of a multiword verb.
var beForms = map[string]bool{"be": true, "is": true, "are": true, "am": true, "was": true, "were": true, "been": true}

type block struct {
	name      string
	code, rev string
}

// converter holds the state of one conversion.
type converter struct {
	out, log io.Writer
	synsets  map[string][]string
	seen     map[string]bool
	n        int // input line number
}

func convert(r io.Reader, out, log io.Writer) error {
	c := &converter{out: out, log: log, synsets: map[string][]string{}, seen: map[string]bool{}}
	fmt.Fprint(out, header)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	section := "" // "syn", "verb", "done"
	var cur *block
	var synName string
	for c.n = 1; sc.Scan(); c.n++ {
		raw := strings.TrimRight(sc.Text(), "\r")
		line := strings.TrimSpace(raw)
		switch {
		case strings.Contains(line, "SYNONYM SETS"):
			section = "syn"
			continue
		case strings.Contains(line, "VERB PATTERNS"):
			section = "verb"
			continue
		case strings.Contains(line, "TRANSFORMATIONS"):
			section = "done"
			continue
		}
		if section == "" || section == "done" {
			continue
		}
		if line == "" {
			synName = ""
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		if section == "syn" {
			switch {
			case strings.HasPrefix(line, "&"):
				synName = strings.ToUpper(strings.TrimSpace(line[1:]))
				c.synsets[synName] = nil
			case strings.HasPrefix(line, "+") && synName != "":
				m := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(line[1:]), "_"))
				if m != "" {
					c.synsets[synName] = append(c.synsets[synName], m)
				}
			}
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			b, err := parseHeader(line)
			if err != nil {
				return fmt.Errorf("line %d: %w", c.n, err)
			}
			cur = b
		case cur == nil:
			c.skip("text before the first verb block")
		case strings.HasPrefix(line, "-"):
			c.pattern(cur, line[1:])
		default:
			c.verb(cur, line)
		}
	}
	return sc.Err()
}

const header = `# CAMEO verb dictionary, converted from PETRARCH2's CAMEO.2.0.txt
# (Copyright (c) 2015 Open Event Data Alliance, MIT licence: see LICENSE.PETRARCH2)
# by internal/tools/cameoverbs. Do not edit by hand: rerun the converter.
# Format: README.md in this folder.
# V	code	rev	block	lemma	forms
# P	code	rev	block	before	after
`

func (c *converter) skip(why string) {
	fmt.Fprintf(c.log, "line %d skipped: %s\n", c.n, why)
}

// splitCode returns the first and reverse code of a bracket's content.
func splitCode(s string) (code, rev string) {
	s = strings.NewReplacer("!", "", " ", "").Replace(s)
	if s == "---" {
		return "---", "-"
	}
	code, rev, _ = strings.Cut(s, ":")
	if code == "" {
		code = "-"
	}
	if rev == "" {
		rev = "-"
	}
	return code, rev
}

// parseHeader reads "---  NAME  [code]  ---".
func parseHeader(line string) (*block, error) {
	m := codeRe.FindStringSubmatchIndex(line)
	if m == nil {
		return nil, fmt.Errorf("verb block without a code: %q", line)
	}
	name := strings.TrimSpace(strings.Trim(line[:m[0]], "- "))
	code, rev := splitCode(line[m[2]:m[3]])
	return &block{name: strings.ToLower(name), code: code, rev: rev}, nil
}

// stripNote drops a trailing "# note" or ";note".
func stripNote(s string) string {
	if i := strings.IndexAny(s, "#;"); i >= 0 {
		s = s[:i]
	}
	return s
}

// verb writes the V line of one verb line.
func (c *converter) verb(b *block, line string) {
	line = stripNote(line)
	code, rev := b.code, b.rev
	if m := codeRe.FindStringSubmatchIndex(line); m != nil {
		code, rev = splitCode(line[m[2]:m[3]])
		line = line[:m[0]] + " " + line[m[1]:]
	}
	var listed []string
	irregular := false
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line[i:], '}')
		if j < 0 {
			c.skip("unclosed { in a verb line")
			return
		}
		irregular = true
		listed = strings.Fields(strings.ReplaceAll(line[i+1:i+j], ",", " "))
		line = line[:i] + " " + line[i+j+1:]
	}
	fields := strings.Fields(line)
	if len(fields) != 1 {
		c.skip(fmt.Sprintf("verb line %q", line))
		return
	}
	lemma := verbWords(fields[0])
	if lemma == "" {
		c.skip("empty verb")
		return
	}
	words := strings.Fields(lemma)
	if len(words) > 1 && beForms[words[0]] {
		c.skip(fmt.Sprintf("multiword verb %q starts with a form of be", lemma))
		return
	}
	forms := []string{lemma}
	if irregular {
		for _, l := range listed {
			if f := verbWords(l); f != "" {
				forms = append(forms, f)
			}
		}
	} else {
		rest := strings.Join(words[1:], " ")
		for _, f := range extract.VerbForms(words[0])[1:] {
			if rest != "" {
				f += " " + rest
			}
			forms = append(forms, f)
		}
	}
	forms = uniq(forms)
	c.emit(fmt.Sprintf("V\t%s\t%s\t%s\t%s\t%s", code, rev, b.name, lemma, strings.Join(forms, "|")))
}

// verbWords turns "+CALL_OFF" or "RE-ELECT" into "call off" / "re-elect".
func verbWords(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "+")
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == '_' }), " ")
}

// pattern writes the P line of one pattern line.
func (c *converter) pattern(b *block, body string) {
	body = stripNote(body)
	m := codeRe.FindAllStringSubmatchIndex(body, -1)
	if m == nil {
		c.skip("pattern without a code")
		return
	}
	last := m[len(m)-1]
	code, rev := splitCode(body[last[2]:last[3]])
	text := body[:last[0]]
	star := strings.Count(text, "*")
	if star != 1 {
		c.skip(fmt.Sprintf("pattern %q has %d verbs", strings.TrimSpace(text), star))
		return
	}
	pre, post, _ := strings.Cut(text, "*")
	before, err := c.elements(pre)
	if err != nil {
		c.skip(err.Error())
		return
	}
	after, err := c.elements(post)
	if err != nil {
		c.skip(err.Error())
		return
	}
	c.emit(fmt.Sprintf("P\t%s\t%s\t%s\t%s\t%s", code, rev, b.name, strings.Join(before, " "), strings.Join(after, " ")))
}

// elements converts one side of a pattern into TSV elements: "+", "$", a
// word or contiguous words joined by "_", or "(a|b|c)" alternatives.
func (c *converter) elements(s string) ([]string, error) {
	var out []string
	group := false // inside {…}: plain words are joined into one element
	joinable := false
	r := strings.NewReplacer("{", " { ", "}", " } ", "(", " ", ")", " ")
	for _, t := range strings.Fields(r.Replace(s)) {
		switch t {
		case "{":
			group, joinable = true, false
			continue
		case "}":
			group, joinable = false, false
			continue
		case "^", "%", ",":
			continue
		case "+", "$":
			out = append(out, t)
			joinable = false
			continue
		}
		t = strings.Trim(t, "_")
		if t == "" {
			continue
		}
		if strings.Contains(t, "&") {
			name := strings.ToUpper(strings.TrimPrefix(t, "&"))
			members, ok := c.synsets[name]
			if !strings.HasPrefix(t, "&") || !ok {
				return nil, fmt.Errorf("undefined synonym set in %q", t)
			}
			out = append(out, "("+strings.Join(uniq(members), "|")+")")
			joinable = false
			continue
		}
		w := strings.ToLower(t)
		if strings.Contains(w, "/") {
			out = append(out, "("+strings.Join(uniq(strings.Split(w, "/")), "|")+")")
			joinable = false
			continue
		}
		if group && joinable {
			out[len(out)-1] += "_" + w
			continue
		}
		out = append(out, w)
		joinable = group
	}
	return out, nil
}

// emit writes one line once.
func (c *converter) emit(line string) {
	if c.seen[line] {
		return
	}
	c.seen[line] = true
	fmt.Fprintln(c.out, line)
}

// uniq drops repeats and empty strings, keeping order.
func uniq(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
