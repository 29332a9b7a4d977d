package export

import (
	"context"
	"fmt"
	"io"
	"sort"
	"sync"
)

// WriteFunc writes one table of a selection to w and returns how many rows
// (facts, events or entities) it wrote.
type WriteFunc func(ctx context.Context, w io.Writer, sel *Selection) (int, error)

// Format is one export format: a name, a file extension and its writers.
type Format struct {
	// Name is what --format takes, such as "csv".
	Name string
	// Ext is the file extension without the dot, such as "csv".
	Ext string
	// Base names the main file when the output is a directory
	// ("facts", "graph", "events"); the file is Base + "." + Ext.
	Base string
	// Summary describes the format in one line for --help.
	Summary string
	// Binary marks formats that are not text (they are not written to a terminal).
	Binary bool
	// Facts writes the main table: one row per fact, or the whole graph.
	Facts WriteFunc
	// Rows names what the main table's count counts in messages, when
	// that is not facts (the events table has a row per event and
	// article: "event rows").
	Rows string
	// Entities writes the entity table; nil when the format has none.
	Entities WriteFunc
}

// FileName returns the name of the main file of the format in an output
// directory, such as "facts.csv".
func (f Format) FileName() string { return f.Base + "." + f.Ext }

// registry holds the registered formats by name.
var registry = struct {
	sync.RWMutex
	m map[string]Format
}{m: map[string]Format{}}

// Register adds a format. It panics when the name is empty, already taken,
// or the format has no Facts writer: registration happens at init time, so
// these are programming errors.
func Register(f Format) {
	registry.Lock()
	defer registry.Unlock()
	switch {
	case f.Name == "":
		panic("export: Register with an empty format name")
	case f.Facts == nil:
		panic("export: Register " + f.Name + " without a Facts writer")
	}
	if _, dup := registry.m[f.Name]; dup {
		panic("export: Register called twice for format " + f.Name)
	}
	if f.Base == "" {
		f.Base = "facts"
	}
	registry.m[f.Name] = f
}

// Lookup returns the format named name, or an error wrapping ErrUnknownFormat
// that lists the known formats.
func Lookup(name string) (Format, error) {
	registry.RLock()
	f, ok := registry.m[name]
	registry.RUnlock()
	if !ok {
		return Format{}, fmt.Errorf("%w %q (one of %v)", ErrUnknownFormat, name, Names())
	}
	return f, nil
}

// Formats returns every registered format in name order.
func Formats() []Format {
	registry.RLock()
	defer registry.RUnlock()
	out := make([]Format, 0, len(registry.m))
	for _, f := range registry.m {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the names of the registered formats in order.
func Names() []string {
	fs := Formats()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}
