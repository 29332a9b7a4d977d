package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// result is what one Read produced.
type result struct {
	arts []Article
	errs []*ReadError
	err  error
}

// origins lists the origins of the articles.
func (r result) origins() []string {
	var out []string
	for _, a := range r.arts {
		out = append(out, a.Origin)
	}
	return out
}

// errOrigins lists the origins of the errors (warnings marked with "~").
func (r result) errOrigins() []string {
	var out []string
	for _, e := range r.errs {
		o := e.Origin
		if e.Warning {
			o = "~" + o
		}
		out = append(out, o)
	}
	return out
}

func read(t *testing.T, paths []string, stdin io.Reader, opts ReadOptions) result {
	t.Helper()
	var r result
	r.err = Read(context.Background(), paths, stdin, opts, func(a Article) error {
		r.arts = append(r.arts, a)
		return nil
	}, func(e *ReadError) { r.errs = append(r.errs, e) })
	return r
}

func day(y int, m time.Month, d int) graph.Date { return graph.DayOf(y, m, d) }

func TestReadJSONL(t *testing.T) {
	r := read(t, []string{"testdata/jsonl/articles.jsonl"}, nil, ReadOptions{Published: day(2000, 1, 1)})
	require.NoError(t, r.err)
	p := "testdata/jsonl/articles.jsonl"
	require.Equal(t, []string{p + ":1", p + ":3", p + ":7", p + ":8"}, r.origins())
	require.Equal(t, []string{p + ":4", p + ":5", p + ":6", "~" + p + ":8"}, r.errOrigins())

	fi := r.arts[0]
	require.Equal(t, "fi-nato", fi.ID)
	require.Equal(t, "Finland joins NATO", fi.Title)
	require.Equal(t, "https://example.org/fi-nato", fi.URL)
	require.Equal(t, day(2023, 4, 4), fi.Published)
	require.Equal(t, "Finland became the 31st member of NATO on Tuesday.\nForeign minister Pekka Haavisto handed over the accession documents in Brussels.", fi.Text)

	se := r.arts[1]
	require.Equal(t, day(2024, 3, 7), se.Published, "RFC 3339 date under \"date\"")
	require.True(t, strings.HasPrefix(se.ID, "sha256:"), se.ID)
	require.Equal(t, "sha256:"+se.Hash()[:16], se.ID)
	require.Contains(t, se.Text, "non-alignment")

	ru := r.arts[2]
	require.Equal(t, "7", ru.ID, "numeric id")
	require.Equal(t, day(2024, 10, 1), ru.Published, "RFC 1123 publishedAt")
	require.Contains(t, ru.Text, "Mark Rutte")

	bad := r.arts[3]
	require.True(t, bad.Published.IsZero(), "JSONL does not use the default date")
	require.ErrorIs(t, r.errs[3], graph.ErrBadDate)

	require.ErrorIs(t, r.errs[0], ErrBadJSON)
	require.ErrorIs(t, r.errs[1], ErrBadJSON)
	require.Contains(t, r.errs[1].Error(), "not an object")
	require.ErrorIs(t, r.errs[2], ErrNoText)
	require.Equal(t, p+":4: ", r.errs[0].Error()[:len(p)+4])
}

func TestReadJSONLBadLines(t *testing.T) {
	dir := t.TempDir()
	long := `{"text":"` + strings.Repeat("a", 300) + `"}`
	data := "\xef\xbb\xbf{\"text\":\"ok one\"}\n" +
		"{\"text\":\"bad \xff byte\"}\r\n" +
		long + "\n" +
		"\n   \n" +
		"{\"text\":\"ok two\"}" // no final newline
	path := filepath.Join(dir, "in.ndjson")
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
	r := read(t, []string{path}, nil, ReadOptions{MaxBytes: 200})
	require.NoError(t, r.err)
	require.Equal(t, []string{path + ":1", path + ":6"}, r.origins())
	require.Equal(t, "ok two", r.arts[1].Text)
	require.Equal(t, []string{path + ":2", path + ":3"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrInvalidUTF8)
	require.ErrorIs(t, r.errs[1], ErrTooLarge)
}

func TestReadText(t *testing.T) {
	def := day(2024, 12, 31)
	tests := []struct {
		path, id, title, url string
		published            graph.Date
		text                 string
	}{
		{
			path: "testdata/text/starmer.md", id: "uk-2024-starmer",
			title: "Starmer becomes prime minister", url: "https://example.org/starmer",
			published: day(2024, 7, 5),
			// The heading is not the front-matter title, so it stays as text.
			text: "Labour wins the general election\n" +
				"Keir Starmer was appointed prime minister by King Charles III on Friday, after Labour won a large majority in the general election.\n" +
				"Rishi Sunak conceded defeat in the early hours.",
		},
		{
			path: "testdata/text/plain.txt", id: "testdata/text/plain.txt",
			title: "Macron names Barnier prime minister", published: def,
			text: "French president Emmanuel Macron appointed Michel Barnier as prime minister on 5 September 2024.\n" +
				"Barnier previously led the European Union's Brexit negotiations.",
		},
		{
			path: "testdata/text/markup.md", id: "testdata/text/markup.md",
			title: "Summit in Vilnius", published: def,
			text: "NATO leaders met in Vilnius on 11 July 2023. The host was Gitanas Nausėda, and the snake_case_word stays intact.\n" +
				"Decisions\n" +
				"Ukraine was told it could join \"when allies agree\".\n" +
				"Allies confirmed the target of 2% of GDP for defence.\n" +
				"Sweden's bid moved forward after Turkey lifted its objection.\n" +
				"Jens Stoltenberg called the meeting historic.\n" +
				"quoted wire text stays",
		},
		{
			path: "./testdata/text/nofront.md", id: "testdata/text/nofront.md",
			title: "Olaf Scholz met Emmanuel Macron in Hamburg on 2 October 2023.", published: def,
			text: "Olaf Scholz met Emmanuel Macron in Hamburg on 2 October 2023. They discussed European defence cooperation.",
		},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			r := read(t, []string{tt.path}, nil, ReadOptions{Published: def})
			require.NoError(t, r.err)
			require.Empty(t, r.errs)
			require.Len(t, r.arts, 1)
			a := r.arts[0]
			require.Equal(t, tt.id, a.ID)
			require.Equal(t, tt.title, a.Title)
			require.Equal(t, tt.url, a.URL)
			require.Equal(t, tt.published, a.Published)
			require.Equal(t, tt.text, a.Text)
			require.Equal(t, tt.path, a.Origin)
		})
	}
}

func TestFrontMatterVariants(t *testing.T) {
	tests := []struct {
		name, in  string
		published graph.Date
		title     string
		warn      error
	}{
		{"quoted date", "---\ndate: \"2023-07-11\"\ntitle: Vilnius\n---\nText.\n", day(2023, 7, 11), "Vilnius", nil},
		{"month only", "---\npublished: 2023-07\n---\nText.\n", graph.MonthOf(2023, 7), "Text.", nil},
		{"rfc3339", "---\npublished: 2023-07-11T22:30:00-04:00\n---\nText.\n", day(2023, 7, 11), "Text.", nil},
		{"bad date", "---\npublished: soon\n---\nText.\n", graph.Date{}, "Text.", graph.ErrBadDate},
		{"bad yaml", "---\ntitle: [unclosed\n---\nText.\n", graph.Date{}, "Text.", ErrFrontMatter},
		{"unclosed", "---\nTitle line\n\nText.\n", graph.Date{}, "Title line", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, []string{"-"}, strings.NewReader(tt.in), ReadOptions{})
			require.NoError(t, r.err)
			require.Len(t, r.arts, 1)
			require.Equal(t, tt.published, r.arts[0].Published)
			require.Equal(t, tt.title, r.arts[0].Title)
			if tt.warn == nil {
				require.Empty(t, r.errs)
				return
			}
			require.Len(t, r.errs, 1)
			require.True(t, r.errs[0].Warning)
			require.ErrorIs(t, r.errs[0], tt.warn)
		})
	}
}

func TestReadHTML(t *testing.T) {
	def := day(2025, 1, 1)
	tests := []struct {
		file, title, url string
		published        graph.Date
		contains         []string
		absent           []string
		warn             error
	}{
		{
			file: "og.html", title: "G7 leaders back $50bn loan for Ukraine",
			url: "https://example.org/world/g7-apulia", published: day(2024, 6, 13),
			contains: []string{"Giorgia Meloni", "fifty billion dollars", "Pope Francis"},
			absent:   []string{"Sport headlines", "Copyright", "Celebrity chef", "Example News"},
		},
		{
			file: "jsonld.html", title: "Sheinbaum sworn in as Mexico's president",
			url: "https://example.org/americas/sheinbaum", published: day(2024, 10, 1),
			contains: []string{"Claudia Sheinbaum was sworn in", "Lula da Silva"},
			absent:   []string{"menu", "newsletter"},
		},
		{
			file: "timetag.html", title: "Wilders wins Dutch election", published: day(2023, 11, 23),
			contains: []string{"Geert Wilders", "Frans Timmermans"},
			absent:   []string{"Front page"},
		},
		{file: "parsely.html", title: "Dutch vote", published: day(2023, 11, 22), contains: []string{"Mark Rutte"}},
		{file: "nodate.html", title: "An undated page", published: def, contains: []string{"Apulia"}, absent: []string{"Home"}},
		{file: "baddate.html", title: "Bad date page", published: def, contains: []string{"Zócalo"}, warn: graph.ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "testdata/html/" + tt.file
			r := read(t, []string{path}, nil, ReadOptions{Published: def})
			require.NoError(t, r.err)
			require.Len(t, r.arts, 1)
			a := r.arts[0]
			require.Equal(t, tt.title, a.Title)
			require.Equal(t, tt.url, a.URL)
			require.Equal(t, tt.published, a.Published)
			require.Equal(t, path, a.ID)
			for _, s := range tt.contains {
				require.Contains(t, a.Text, s)
			}
			for _, s := range tt.absent {
				require.NotContains(t, a.Text, s)
			}
			require.GreaterOrEqual(t, strings.Count(a.Text, "\n"), 2, "one paragraph per line:\n%s", a.Text)
			for _, l := range strings.Split(a.Text, "\n") {
				require.Equal(t, collapse(l), l)
				require.NotEmpty(t, l)
			}
			if tt.warn == nil {
				require.Empty(t, r.errs)
			} else {
				require.Len(t, r.errs, 1)
				require.True(t, r.errs[0].Warning)
				require.ErrorIs(t, r.errs[0], tt.warn)
			}
		})
	}
}

func TestHTMLWithoutDefaultDate(t *testing.T) {
	r := read(t, []string{"testdata/html/nodate.html"}, nil, ReadOptions{})
	require.Len(t, r.arts, 1)
	require.True(t, r.arts[0].Published.IsZero())
	require.Empty(t, r.errs)
}

func TestHTMLCharset(t *testing.T) {
	dir := t.TempDir()
	latin := []byte("<html><head><meta charset=\"iso-8859-1\"><title>Bogot\xe1</title></head><body><p>Gustavo Petro took office in Bogot\xe1 on 7 August 2022.</p></body></html>")
	p1 := filepath.Join(dir, "latin.html")
	require.NoError(t, os.WriteFile(p1, latin, 0o644))
	undeclared := []byte("<html><head><title>x</title></head><body><p>Bogot\xe1</p></body></html>")
	p2 := filepath.Join(dir, "undeclared.html")
	require.NoError(t, os.WriteFile(p2, undeclared, 0o644))
	r := read(t, []string{p1, p2}, nil, ReadOptions{})
	require.Len(t, r.arts, 1)
	require.Equal(t, "Bogotá", r.arts[0].Title)
	require.Contains(t, r.arts[0].Text, "in Bogotá on")
	require.Equal(t, []string{p2}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrInvalidUTF8)
}

func TestWalk(t *testing.T) {
	r := read(t, []string{"testdata/walk"}, nil, ReadOptions{})
	require.NoError(t, r.err)
	require.Empty(t, r.errs)
	require.Equal(t, []string{
		"testdata/walk/a.txt",
		"testdata/walk/b/c.md",
		"testdata/walk/b/d.jsonl:1",
		"testdata/walk/z.html",
	}, r.origins())
	require.Equal(t, "testdata/walk/b/c.md", r.arts[1].ID)
	require.Equal(t, "Merz elected chancellor", r.arts[1].Title)
	require.Equal(t, "walk-1", r.arts[2].ID)
}

func TestExplicitFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, data, 0o644))
		return p
	}
	noExt := write("README", []byte("# Note\n\nMeloni visited Tunis on 6 June 2023.\n"))
	hidden := write(".hidden.txt", []byte("Meloni visited Tunis.\n"))
	binary := write("data.txt", []byte("ab\x00cd"))
	png := write("logo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))
	invalid := write("bad.md", []byte("# Title\n\nok line\nbad \xc3\x28 line\n"))
	big := write("big.txt", bytes.Repeat([]byte("word "), 100))
	empty := write("empty.md", []byte("---\ntitle: only front matter\n---\n\n"))
	missing := filepath.Join(dir, "missing.txt")

	r := read(t, []string{noExt, hidden, binary, png, invalid, big, empty, missing}, nil, ReadOptions{MaxBytes: 400})
	require.NoError(t, r.err)
	require.Equal(t, []string{noExt, hidden}, r.origins())
	require.Equal(t, "Note", r.arts[0].Title, "a file without extension is sniffed as Markdown")
	require.Equal(t, []string{binary, png, invalid, big, empty, missing}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrBinary)
	require.ErrorIs(t, r.errs[1], ErrBinary)
	require.ErrorIs(t, r.errs[2], ErrInvalidUTF8)
	require.Contains(t, r.errs[2].Error(), "line 4")
	require.ErrorIs(t, r.errs[3], ErrTooLarge)
	require.ErrorIs(t, r.errs[4], ErrNoText)
	require.ErrorIs(t, r.errs[5], os.ErrNotExist)
	var re *ReadError
	require.ErrorAs(t, r.errs[5], &re)
}

func TestStdinSniffing(t *testing.T) {
	og, err := os.ReadFile("testdata/html/og.html")
	require.NoError(t, err)
	tests := []struct {
		name, in string
		origins  []string
		title    string
	}{
		{"jsonl", "\n  {\"id\":\"a\",\"text\":\"one\"}\n{\"text\":\"two\"}\n", []string{"-:2", "-:3"}, ""},
		{"html", "  \n" + string(og), []string{"-"}, "G7 leaders back $50bn loan for Ukraine"},
		{"markdown", "## Heading here\n\nSome **bold** text.\n", []string{"-"}, "Heading here"},
		{"text", "Just a line of text about the *summit*.\n", []string{"-"}, "Just a line of text about the *summit*."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := read(t, []string{"-"}, strings.NewReader(tt.in), ReadOptions{})
			require.NoError(t, r.err)
			require.Empty(t, r.errs)
			require.Equal(t, tt.origins, r.origins())
			require.Equal(t, tt.title, r.arts[0].Title)
			for _, a := range r.arts {
				require.NotEmpty(t, a.ID)
			}
		})
	}
	r := read(t, []string{"-"}, strings.NewReader("## Heading here\n\nSome **bold** text.\n"), ReadOptions{})
	require.Equal(t, "Some bold text.", r.arts[0].Text)
	require.Equal(t, "sha256:"+r.arts[0].Hash()[:16], r.arts[0].ID)

	r = read(t, []string{"-"}, nil, ReadOptions{})
	require.Equal(t, []string{"-"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrNoStdin)
}

func TestStopping(t *testing.T) {
	stop := errors.New("stop here")
	n := 0
	err := Read(context.Background(), []string{"testdata/walk"}, nil, ReadOptions{}, func(Article) error {
		n++
		return stop
	}, nil)
	require.ErrorIs(t, err, stop)
	require.Equal(t, 1, n)

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, []string{"testdata/walk"}, nil, ReadOptions{}, func(Article) error {
		t.Fatal("no article after cancellation")
		return nil
	}, nil)
	require.ErrorIs(t, err, context.Canceled)
}

func TestHash(t *testing.T) {
	a := Article{Text: "Finland joined NATO\non 4 April 2023."}
	b := Article{Text: "  Finland  joined\tNATO on\n\n4 April 2023. \n"}
	c := Article{Text: "Sweden joined NATO on 7 March 2024."}
	require.Equal(t, a.Hash(), b.Hash())
	require.NotEqual(t, a.Hash(), c.Hash())
	require.Len(t, a.Hash(), 64)
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"one\ntwo\n", "one\ntwo"},
		{"one\nwrapped\n\ntwo", "one wrapped\ntwo"},
		{"\r\n  a  b \r\n\r\n\r\nc\r\n", "a b\nc"},
		{"", ""},
		// A list's items stay their own paragraphs inside a block.
		{"Here is the news.\n\n• Iran: talks in Muscat.\n• Japan: a new\nminister.\n\nEnd.",
			"Here is the news.\n• Iran: talks in Muscat.\n• Japan: a new minister.\nEnd."},
		{"Steps:\n1. Talks\n2) A vote\n- a note\n\nNext.", "Steps:\n1. Talks\n2) A vote\n- a note\nNext."},
		// Not items: a number with no point, a year, a wrapped line.
		{"It rose\n2024 was\n\nB.", "It rose 2024 was\nB."},
		{"A total of\n123. Then\n\nB.", "A total of 123. Then\nB."},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, normalizeText(tt.in), "%q", tt.in)
	}
}

func TestReadJSONFiles(t *testing.T) {
	r := read(t, []string{"testdata/jsonl/array.json", "testdata/jsonl/lines.json"}, nil, ReadOptions{})
	require.NoError(t, r.err)
	a, l := "testdata/jsonl/array.json", "testdata/jsonl/lines.json"
	require.Equal(t, []string{a + ":2", a + ":5", l + ":1", l + ":2"}, r.origins())
	require.Equal(t, []string{a + ":4"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrBadJSON)
	require.Equal(t, "sk-fico", r.arts[0].ID)
	require.Equal(t, day(2024, 5, 15), r.arts[0].Published)
	require.Equal(t, "Pellegrini elected", r.arts[1].Title)
	require.Equal(t, "l2", r.arts[3].ID)

	// An array on standard input, and a document that is not an array.
	r = read(t, []string{"-"}, strings.NewReader(` [{"text":"one"}]`), ReadOptions{})
	require.Equal(t, []string{"-:1"}, r.origins())
	r = read(t, []string{"-"}, strings.NewReader(`[{"text":"one"}`), ReadOptions{})
	require.Empty(t, r.arts)
	require.Equal(t, []string{"-"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrBadJSON)
}

func TestWalkReportsBadKnownFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("bin\x00ary"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Rutte met Trump on 13 March 2025.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "c.bin"), []byte("bin\x00ary"), 0o644))
	r := read(t, []string{dir + "/"}, nil, ReadOptions{})
	require.Equal(t, []string{filepath.Join(dir, "b.txt")}, r.origins())
	require.Equal(t, []string{filepath.Join(dir, "a.txt")}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrBinary)
}

func TestStdinTooLarge(t *testing.T) {
	r := read(t, []string{"-"}, strings.NewReader(strings.Repeat("Kyiv ", 50)), ReadOptions{MaxBytes: 100})
	require.Empty(t, r.arts)
	require.Equal(t, []string{"-"}, r.errOrigins())
	require.ErrorIs(t, r.errs[0], ErrTooLarge)
}
