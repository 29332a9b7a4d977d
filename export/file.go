package export

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// EntitiesBase names the entity table in an output directory: it is
// EntitiesBase + "." + the format's Ext, such as "entities.csv".
const EntitiesBase = "entities"

// Job is one table an export writes, to a file or to the caller's writer.
type Job struct {
	// Path is the file written; "" means the writer given to Run
	// (standard output).
	Path string
	// What names the table in messages: "facts" or "entities".
	What string
	// Table writes the table.
	Table WriteFunc
}

// Plan lists the tables an export of format f to out writes, following
// the file layout of `geokg export -o`:
//
//   - out "" or "-": one table to standard output;
//   - out a path that is not a directory: one file at out;
//   - out an existing directory, or a path ending in a separator (created
//     with its parents): the main table as f.FileName() and, for formats
//     with an entity table, EntitiesBase + "." + f.Ext beside it.
//
// With entities set only the entity table is written; it is an error
// wrapping ErrNoEntityTable when f has none.
func Plan(f Format, out string, entities bool) ([]Job, error) {
	if entities && f.Entities == nil {
		return nil, fmt.Errorf("%s: %w", f.Name, ErrNoEntityTable)
	}
	facts := Job{Table: f.Facts, What: cmp.Or(f.Rows, "facts")}
	ents := Job{Table: f.Entities, What: "entities"}
	one := func(path string) []Job {
		if entities {
			ents.Path = path
			return []Job{ents}
		}
		facts.Path = path
		return []Job{facts}
	}
	if out == "" || out == "-" {
		return one(""), nil
	}
	fi, err := os.Stat(out)
	isDir := err == nil && fi.IsDir()
	if !isDir && !strings.HasSuffix(out, "/") && !strings.HasSuffix(out, string(os.PathSeparator)) {
		return one(out), nil
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	facts.Path = filepath.Join(out, f.FileName())
	ents.Path = filepath.Join(out, EntitiesBase+"."+f.Ext)
	switch {
	case entities:
		return []Job{ents}, nil
	case f.Entities != nil:
		return []Job{facts, ents}, nil
	}
	return []Job{facts}, nil
}

// Run writes the job's table of sel, buffered, to its Path with WriteFile,
// or to stdout when it has none, and returns how many rows it wrote. An
// error of the table's writer is wrapped with the table's name, except
// ErrUnknownEntity, returned as it is.
func (j Job) Run(ctx context.Context, stdout io.Writer, sel *Selection) (int, error) {
	write := func(w io.Writer) (int, error) { return j.Table(ctx, w, sel) }
	var n int
	var err error
	if j.Path == "" {
		n, err = writeBuffered(stdout, write)
	} else {
		n, err = WriteFile(ctx, j.Path, write)
	}
	if err != nil && !errors.Is(err, ErrUnknownEntity) {
		err = fmt.Errorf("export %s: %w", j.What, err)
	}
	return n, err
}

// WriteFile writes path whole or not at all: write fills a temporary file
// beside path (through a buffer), which is made world-readable (0644) and
// renamed over path once complete. When write fails, or ctx is done by
// then, the temporary file is removed and path is left as it was.
//
// The temporary file is named ".BASE.geokg-PID-RANDOM.tmp" (PID the
// writing process); before writing, the ones of path that a process no
// longer running left behind (killed mid-export) are removed, as are
// those older than staleTemp.
func WriteFile(ctx context.Context, path string, write func(io.Writer) (int, error)) (n int, err error) {
	removeStaleTemps(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix(path)+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return 0, err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if n, err = writeBuffered(tmp, write); err != nil {
		return n, err
	}
	if err = ctx.Err(); err != nil {
		return n, err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return n, err
	}
	if err = tmp.Close(); err != nil {
		return n, err
	}
	return n, os.Rename(tmp.Name(), path)
}

// writeBuffered runs write on a buffer over w and flushes it.
func writeBuffered(w io.Writer, write func(io.Writer) (int, error)) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	n, err := write(bw)
	if err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// staleTemp is the age past which a temporary file of an export is
// removed even when its process cannot be checked.
const staleTemp = 24 * time.Hour

// tempPrefix is the start of the names of path's temporary files.
func tempPrefix(path string) string { return "." + filepath.Base(path) + ".geokg-" }

// removeStaleTemps removes the temporary files of path left by processes
// that are gone, or older than staleTemp; errors are ignored (the files
// are only clutter).
func removeStaleTemps(path string) {
	prefix := tempPrefix(path)
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), globEscape(prefix)+"*.tmp"))
	for _, m := range matches {
		rest := strings.TrimPrefix(filepath.Base(m), prefix)
		pidStr, _, ok := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidStr)
		if !ok || err != nil || pid == os.Getpid() {
			continue
		}
		fi, err := os.Stat(m)
		if err != nil {
			continue
		}
		if !processAlive(pid) || time.Since(fi.ModTime()) > staleTemp {
			os.Remove(m)
		}
	}
}

// globEscape escapes the characters filepath.Match treats specially.
func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`)
	return r.Replace(s)
}
