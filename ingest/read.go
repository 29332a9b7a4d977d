package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/geokg/geokg/graph"
)

// DefaultMaxBytes is the size limit used when ReadOptions.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// sniffLen is how much of an input is looked at to tell binary files and
// formats apart.
const sniffLen = 8 << 10

// ReadOptions are the options for reading.
type ReadOptions struct {
	// Published is the default date for text, Markdown and HTML inputs
	// that have none (--published). JSONL items do not use it.
	Published graph.Date
	// MaxBytes is the largest file (or JSONL line) accepted; larger ones
	// are reported with a ReadError wrapping ErrTooLarge. 0 means
	// DefaultMaxBytes.
	MaxBytes int64
}

func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// format is a kind of input.
type format int

const (
	formatUnknown format = iota
	formatJSONL
	formatJSON
	formatText
	formatMarkdown
	formatHTML
)

// formatOf returns the format a file name's extension stands for.
func formatOf(name string) format {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return formatUnknown
	}
	switch strings.ToLower(name[i:]) {
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".txt", ".text":
		return formatText
	case ".md", ".markdown":
		return formatMarkdown
	case ".html", ".htm", ".xhtml":
		return formatHTML
	}
	return formatUnknown
}

// reader reads one run of Read.
type reader struct {
	ctx   context.Context
	opts  ReadOptions
	emit  func(Article) error
	onErr func(*ReadError)
	// stop is the error that ends the run (ctx or emit), once set.
	stop error
}

// Read walks paths and calls emit for every article and onErr for every
// bad item; it goes on after bad items. A path is a file, a directory
// (walked recursively in lexical order, skipping hidden files and
// directories and, silently, files whose extension is not one of the
// formats) or "-", standard input read from stdin.
//
// The format follows the extension: .jsonl and .ndjson (one JSON object
// per line), .json (the same, or one array of objects), .txt and .text, .md and .markdown (optional YAML front
// matter; Markdown markup stripped), .html, .htm and .xhtml. Standard
// input, and files given explicitly with another extension, are sniffed:
// JSONL if the first non-space character is '{', a JSON array if '[',
// HTML if it starts like HTML, Markdown if it starts with front matter or
// a '#' heading, text otherwise. Binary files (NUL bytes in the first 8 KiB;
// for JSONL, a NUL byte makes only its line bad),
// invalid UTF-8, files over MaxBytes and unreadable paths are reported.
//
// Read returns an error only when ctx is cancelled (ctx.Err()) or emit
// fails (that error, which also stops the run). onErr may be nil.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts ReadOptions, emit func(Article) error, onErr func(*ReadError)) error {
	if onErr == nil {
		onErr = func(*ReadError) {}
	}
	r := &reader{ctx: ctx, opts: opts, emit: emit, onErr: onErr}
	for _, p := range paths {
		if r.stopped() {
			break
		}
		if p == "-" {
			r.readStdin(stdin)
			continue
		}
		r.walk(p)
	}
	return r.stop
}

// stopped reports whether the run must end, recording ctx's error.
func (r *reader) stopped() bool {
	if r.stop == nil {
		r.stop = r.ctx.Err()
	}
	return r.stop != nil
}

// report passes a bad item to onErr.
func (r *reader) report(origin string, err error) {
	r.onErr(&ReadError{Origin: origin, Err: err})
}

// warn passes a problem with an emitted article to onErr.
func (r *reader) warn(origin string, err error) {
	r.onErr(&ReadError{Origin: origin, Err: err, Warning: true})
}

// send emits a, recording emit's error as the end of the run.
func (r *reader) send(a Article) {
	if r.stop != nil {
		return
	}
	if err := r.emit(a); err != nil {
		r.stop = err
	}
}

// readStdin reads standard input, sniffing its format.
func (r *reader) readStdin(stdin io.Reader) {
	if stdin == nil {
		r.report("-", ErrNoStdin)
		return
	}
	r.readStream("-", "", stdin, formatUnknown)
}

// readFile reads one file in format f (formatUnknown: sniffed). id is the
// article ID for single-article formats.
func (r *reader) readFile(path, id string, f format) {
	fh, err := os.Open(path)
	if err != nil {
		r.report(path, err)
		return
	}
	defer fh.Close()
	if st, err := fh.Stat(); err != nil {
		r.report(path, err)
		return
	} else if st.IsDir() {
		r.report(path, errors.New("is a directory"))
		return
	} else if f != formatJSONL && f != formatJSON && st.Mode().IsRegular() && st.Size() > r.opts.maxBytes() {
		r.report(path, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, st.Size(), r.opts.maxBytes()))
		return
	}
	r.readStream(path, id, fh, f)
}

// readStream reads one input: it checks for binary content, sniffs the
// format when f is unknown, then hands over to the format's reader.
func (r *reader) readStream(origin, id string, in io.Reader, f format) {
	br := bufio.NewReaderSize(in, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		r.report(origin, err)
		return
	}
	if f == formatUnknown {
		f = sniff(head)
	}
	// JSONL is judged line by line (a binary line is one bad item, see
	// jsonItem); every other format is one item, judged whole.
	lineFormat := f == formatJSONL || (f == formatJSON && !startsWith(head, '['))
	if !lineFormat && bytes.IndexByte(head, 0) >= 0 {
		r.report(origin, ErrBinary)
		return
	}
	if f == formatJSONL {
		r.readJSONL(origin, br)
		return
	}
	if f == formatJSON && !startsWith(head, '[') {
		// One object per line, as in JSONL; a file holding an array is
		// read whole below.
		r.readJSONL(origin, br)
		return
	}
	limit := r.opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err != nil {
		r.report(origin, err)
		return
	}
	if int64(len(data)) > limit {
		r.report(origin, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit))
		return
	}
	var a Article
	switch f {
	case formatJSON:
		r.readJSONArray(origin, data)
		return
	case formatHTML:
		a, err = r.parseHTML(origin, data)
	case formatMarkdown:
		a, err = r.parseText(origin, data, true)
	default:
		a, err = r.parseText(origin, data, false)
	}
	if err != nil {
		r.report(origin, err)
		return
	}
	a.Origin = origin
	if a.ID == "" {
		a.ID = id
	}
	if a.ID == "" {
		a.ID = contentID(a)
	}
	r.send(a)
}

// htmlStarts are the lower-case openings that mark a document as HTML.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
	"<article", "<div", "<p>", "<p ", "<h1", "<script", "<style", "<link", "<!--", "<?xml"}

// sniff guesses the format of an input from its first bytes: JSONL if the
// first non-space character is '{', HTML if it starts with an HTML tag,
// Markdown if it has front matter or a leading heading, text otherwise.
func sniff(head []byte) format {
	s := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	s = bytes.TrimLeft(s, " \t\r\n\f")
	switch {
	case len(s) > 0 && s[0] == '{':
		return formatJSONL
	case len(s) > 0 && s[0] == '[':
		return formatJSON
	case len(s) > 0 && s[0] == '<':
		low := strings.ToLower(string(s[:min(len(s), 32)]))
		for _, p := range htmlStarts {
			if strings.HasPrefix(low, p) {
				return formatHTML
			}
		}
	case bytes.HasPrefix(s, []byte("---")), bytes.HasPrefix(s, []byte("#")):
		return formatMarkdown
	}
	return formatText
}

// startsWith reports whether the first non-space byte of head is c.
func startsWith(head []byte, c byte) bool {
	s := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	s = bytes.TrimLeft(s, " \t\r\n\f")
	return len(s) > 0 && s[0] == c
}

// checkUTF8 returns an error naming the first invalid byte of data.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	line := 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return fmt.Errorf("%w at line %d (byte %d)", ErrInvalidUTF8, line, i)
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return ErrInvalidUTF8
}
