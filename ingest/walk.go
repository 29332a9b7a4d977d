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
	err = WalkArticleFiles(arg, r.report, func(path string) error {
		if r.stopped() {
			return fs.SkipAll
		}
		r.readFile(path, fileID(path), formatOf(path))
		return nil
	})
	if err != nil {
		r.report(arg, err)
	}
}

// WalkArticleFiles walks directory root recursively in lexical order and
// calls visit with the path of every article file in it, by the rules of
// `geokg ingest` and the scheduled folder sources alike: hidden entries
// (names starting with ".") and files with unknown extensions are skipped,
// a symbolic link to a file is read and one to a directory is not
// followed, other non-regular files are skipped. An entry that cannot be
// read goes to bad and the walk goes on. visit may return fs.SkipAll to
// stop; another error from it stops the walk and is returned.
func WalkArticleFiles(root string, bad func(path string, err error), visit func(path string) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			bad(path, err)
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path == root {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || formatOf(d.Name()) == formatUnknown {
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
		return visit(path)
	})
}

// fileID is the article ID of a file without one of its own: its path as
// given, cleaned, with forward slashes.
func fileID(path string) string { return filepath.ToSlash(filepath.Clean(path)) }
