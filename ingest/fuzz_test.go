package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// readAll reads data as format f from an in-memory stream, returning the
// articles and the bad items (warnings apart).
func readAll(t *testing.T, name string, data []byte, f format) (arts []Article, bad []*ReadError) {
	t.Helper()
	r := &reader{ctx: context.Background(), opts: ReadOptions{MaxBytes: 1 << 20},
		emit: func(a Article) error { arts = append(arts, a); return nil },
		onErr: func(e *ReadError) {
			if !e.Warning {
				bad = append(bad, e)
			}
		}}
	r.readStream(name, "", bytes.NewReader(data), f)
	for _, a := range arts {
		if a.Text == "" || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("article %q with empty or invalid text %q", a.ID, a.Text)
		}
		if a.ID == "" || a.Origin == "" {
			t.Fatalf("article without ID or origin: %+v", a)
		}
	}
	return arts, bad
}

// FuzzJSONL: no panic; every line is an article or a bad item, never both,
// and a bad line never takes the others with it.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","published":"2023-05-03","text":"Scholz met Macron in Paris."}` + "\n"))
	f.Add([]byte("{\"text\":\"x\"}\n\x00\x01\n{\"text\":\"y\"}\n"))
	f.Add([]byte(`{"text":["not","a","string"],"published":"9999-12-31"}`))
	f.Add([]byte("\xef\xbb\xbf{\"body\":\"caf\xc3\xa9\"}\r\n{\"content\":12}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, bad := readAll(t, "in.jsonl", data, formatJSONL)
		lines := bytes.Count(data, []byte("\n")) + 1
		if len(arts)+len(bad) > lines {
			t.Fatalf("%d articles and %d errors from %d lines", len(arts), len(bad), lines)
		}
		seen := map[string]bool{}
		for _, a := range arts {
			if seen[a.Origin] {
				t.Fatalf("line %s emitted twice", a.Origin)
			}
			seen[a.Origin] = true
		}
		for _, e := range bad {
			if seen[e.Origin] {
				t.Fatalf("line %s both emitted and rejected", e.Origin)
			}
		}
	})
}

// FuzzHTML: no panic; one article or one error, and the text holds no
// markup of the elements it drops.
func FuzzHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title><meta property="article:published_time" content="2023-05-04"></head><body><article><p>Scholz met Macron.</p></article></body></html>`))
	f.Add([]byte(strings.Repeat("<div>", 600) + "<p>Deep text.</p>"))
	f.Add([]byte(`<html><script>alert(1)</script><nav>menu</nav><p>Body &amp; text</p>`))
	f.Add([]byte(`<meta charset="iso-8859-1"><p>Bogot` + "\xe1" + `</p>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, bad := readAll(t, "in.html", data, formatHTML)
		if len(arts)+len(bad) > 1 {
			t.Fatalf("%d articles and %d errors from one document", len(arts), len(bad))
		}
	})
}

// FuzzMarkdown: no panic; one article or one error; a front-matter block
// that was read does not leak its keys into the text.
func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("---\ntitle: Visit\npublished: 2023-02-01\n---\n# Heading\n\nSanchez visited *Rabat*.\n"))
	f.Add([]byte("---\ntitle: Visit\npublished: 2023-02-01\n\nNo closing line.\n"))
	f.Add([]byte("---\n: [bad yaml\n---\nText.\n"))
	f.Add([]byte("```\ncode\n\n> quote\n- item\n1. one\n[link](http://x) ![img](y)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, bad := readAll(t, "in.md", data, formatMarkdown)
		if len(arts)+len(bad) > 1 {
			t.Fatalf("%d articles and %d errors from one document", len(arts), len(bad))
		}
	})
}
