package ingest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// walk reads one command-line path: a file, read whatever its extension
// (unknown ones are sniffed), or a directory, walked recursively in
// lexical order. Inside a directory, hidden entries (names starting with
// ".") and files with unknown extensions are skipped silently.
func (r *reader) walk(arg string) {
	st, err := os.Stat(arg)
	if err != nil {
		r.report(arg, err)
		return
	}
	if !st.IsDir() {
		r.readFile(arg, fileID(arg), formatOf(arg))
		return
	}
	// WalkDir visits entries in lexical order.
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		if r.stopped() {
			return fs.SkipAll
		}
		if err != nil {
			r.report(path, err)
			if d != nil && d.IsDir() && path != arg {
				return fs.SkipDir
			}
			return nil
		}
		if path == arg {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatOf(d.Name())
		if f == formatUnknown {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link to a directory is not followed; one to a file is read.
			if st, err := os.Stat(path); err != nil || st.IsDir() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		r.readFile(path, fileID(path), f)
		return nil
	})
	if err != nil {
		r.report(arg, err)
	}
}

// fileID is the article ID of a file without one of its own: its path as
// given, cleaned, with forward slashes.
func fileID(path string) string { return filepath.ToSlash(filepath.Clean(path)) }
