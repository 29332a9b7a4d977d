package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/geokg/geokg/graph"
)

// JSONL field names, in order of preference.
var (
	jsonIDKeys    = []string{"id", "_id", "guid"}
	jsonTitleKeys = []string{"title", "headline"}
	jsonDateKeys  = []string{"published", "date", "publishedAt", "published_at", "datePublished", "pubDate"}
	jsonURLKeys   = []string{"url", "link"}
	jsonTextKeys  = []string{"text", "body", "content"}
)

// readJSONL reads one JSON object per line. Blank lines are skipped; a
// line that is too long, binary (a NUL byte), not valid UTF-8, not a JSON object or without
// text is reported as "origin:LINE" and the reading goes on. An
// unparseable date is a warning: the article is emitted with a zero date
// and a ReadError wrapping graph.ErrBadDate.
func (r *reader) readJSONL(origin string, br *bufio.Reader) {
	limit := r.opts.maxBytes()
	for n := 1; ; n++ {
		if r.stopped() {
			return
		}
		line, tooLong, err := readLine(br, limit)
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		where := origin + ":" + strconv.Itoa(n)
		if err != nil && err != io.EOF {
			r.report(where, err)
			return
		}
		switch {
		case tooLong:
			r.report(where, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, limit))
		case len(bytes.TrimSpace(line)) > 0:
			r.jsonItem(where, line)
		}
		if err == io.EOF {
			return
		}
	}
}

// readLine reads one line (without its end) of at most limit bytes. When
// the line is longer, the rest of it is skipped and tooLong is true. err
// is io.EOF at the end of the input.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > limit+1 { // +1: the '\n'
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, tooLong, err
	}
}

// parseJSONLine decodes one JSONL item. bad is set when the item is
// rejected; warn when it is kept despite a problem (a bad date).
func parseJSONLine(line []byte) (a Article, warn, bad error) {
	if bytes.IndexByte(line, 0) >= 0 {
		return a, nil, ErrBinary
	}
	if err := checkUTF8(line); err != nil {
		return a, nil, err
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) {
			return a, nil, fmt.Errorf("%w: not an object", ErrBadJSON)
		}
		return a, nil, fmt.Errorf("%w: %v", ErrBadJSON, err)
	}
	if obj == nil {
		return a, nil, fmt.Errorf("%w: not an object", ErrBadJSON)
	}
	get := func(keys []string) string {
		for _, k := range keys {
			if v := jsonString(obj[k]); v != "" {
				return v
			}
		}
		return ""
	}
	a.Text = normalizeText(get(jsonTextKeys))
	if a.Text == "" {
		return a, nil, ErrNoText
	}
	a.ID = get(jsonIDKeys)
	a.Title = collapse(get(jsonTitleKeys))
	a.URL = get(jsonURLKeys)
	if d := get(jsonDateKeys); d != "" {
		a.Published, warn = parseDate(d)
	}
	return a, warn, nil
}

// jsonString returns a JSON string or number as a trimmed string, and ""
// for anything else.
func jsonString(raw json.RawMessage) string {
	if len(raw) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String()
	}
	return ""
}

// parseDate reads a publication date as graph.ParseDate does, plus a few
// more layouts common in feeds and HTML metadata. A failure wraps
// graph.ErrBadDate.
func parseDate(s string) (graph.Date, error) {
	d, err := graph.ParseDate(s)
	if err == nil {
		return d, nil
	}
	if t, ok := parseTime(strings.TrimSpace(s)); ok {
		return graph.DateFromTime(t), nil
	}
	return graph.Date{}, err
}

// readJSONArray reads a JSON array of article objects; each bad element
// is reported as "origin:LINE" (the line it starts on) and the others are
// read. A document that is not an array is reported whole.
func (r *reader) readJSONArray(origin string, data []byte) {
	if err := checkUTF8(data); err != nil {
		r.report(origin, err)
		return
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var items []json.RawMessage
	if err := json.Unmarshal(data, &items); err != nil {
		r.report(origin, fmt.Errorf("%w: %v", ErrBadJSON, err))
		return
	}
	// Find where each element starts, for its line number.
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // '['
		r.report(origin, fmt.Errorf("%w: %v", ErrBadJSON, err))
		return
	}
	for i := range items {
		if r.stopped() {
			return
		}
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
		where := origin + ":" + strconv.Itoa(1+bytes.Count(data[:off], []byte("\n")))
		r.jsonItem(where, items[i])
	}
}

// jsonItem reads one JSON article found at where and emits or reports it.
func (r *reader) jsonItem(where string, raw []byte) {
	a, warn, bad := parseJSONLine(raw)
	if bad != nil {
		r.report(where, bad)
		return
	}
	a.Origin = where
	if a.ID == "" {
		a.ID = contentID(a)
	}
	if warn != nil {
		r.warn(where, warn)
	}
	r.send(a)
}
