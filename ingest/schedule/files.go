package schedule

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/ingest"
)

// fileError is a problem with one file (missing, unreadable): for a dir
// source it is a bad item, for a file source the run's failure.
type fileError struct{ err error }

func (e fileError) Error() string { return e.err.Error() }
func (e fileError) Unwrap() error { return e.err }

// isJSONL reports whether a file is read line by line from an offset.
func isJSONL(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".jsonl" || ext == ".ndjson"
}

// resolve returns ref resolved against base (a feed's URL), or ref.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil || base == "" {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// jsonLine reads one JSONL line into its article. Bad lines are reported
// (ok is false); err is ctx's error.
func (j *job) jsonLine(ctx context.Context, origin string, line []byte) (arts []ingest.Article, ok bool, err error) {
	trimmed := bytes.TrimSpace(line)
	switch {
	case len(trimmed) == 0:
		return nil, true, nil
	case trimmed[0] != '{':
		j.bad(&ingest.ReadError{Origin: origin, Err: fmt.Errorf("%w: not an object", ingest.ErrBadJSON)})
		return nil, false, nil
	}
	ok = true
	err = ingest.Read(ctx, []string{"-"}, bytes.NewReader(trimmed), j.r.ReadOptions,
		func(a ingest.Article) error {
			a.Origin = origin
			arts = append(arts, a)
			return nil
		},
		func(e *ingest.ReadError) {
			e.Origin = origin
			ok = ok && e.Warning
			j.bad(e)
		})
	return arts, ok, err
}

// unchanged reports whether the file at path still holds, where prev
// recorded them, the first line and the last line taken: what tells a file
// appended to from one rewritten in place.
func unchanged(path string, prev *FileState) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	line, err := bufio.NewReader(io.LimitReader(f, 1<<20)).ReadBytes('\n')
	if err != nil || hashOf(line) != prev.Head {
		return false
	}
	if prev.TailLen <= 0 || prev.TailLen > prev.Offset || prev.TailLen > 16<<20 {
		return prev.TailLen == 0
	}
	tail := make([]byte, prev.TailLen)
	if _, err := f.ReadAt(tail, prev.Offset-prev.TailLen); err != nil {
		return false
	}
	return hashOf(tail) == prev.Tail
}

func hashOf(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// jsonlFile reads the complete lines appended to a JSONL file since the
// last run. A file replaced (another inode), truncated or rewritten (its
// first line, or the last line taken, changed) is read from the start; a last line without its
// newline is left for a later run.
func (j *job) jsonlFile(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fileError{err}
	}
	dev, ino := fileID(fi)
	prev := j.st.Files[path]
	cur := &FileState{Dev: dev, Inode: ino}
	if prev != nil && prev.Dev == dev && prev.Inode == ino && fi.Size() >= prev.Offset &&
		(prev.Offset == 0 || unchanged(path, prev)) {
		if fi.Size() == prev.Offset {
			return nil
		}
		cur.Offset, cur.Line, cur.Head, cur.Tail, cur.TailLen = prev.Offset, prev.Line, prev.Head, prev.Tail, prev.TailLen
	} else if prev != nil && prev.Offset > 0 {
		j.log.Info("file replaced or truncated; reading it from the start", "file", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fileError{err}
	}
	defer f.Close()
	if _, err := f.Seek(cur.Offset, io.SeekStart); err != nil {
		return fileError{err}
	}
	if j.st.Files == nil {
		j.st.Files = map[string]*FileState{}
	}
	limit := j.r.ReadOptions.MaxBytes
	if limit <= 0 {
		limit = ingest.DefaultMaxBytes
	}
	br := bufio.NewReaderSize(f, 64<<10)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		raw, err := br.ReadBytes('\n')
		if err == io.EOF {
			return nil // a partial last line waits for its end
		}
		if err != nil {
			return fileError{fmt.Errorf("%s: %w", path, err)}
		}
		origin := fmt.Sprintf("%s:%d", path, cur.Line+1)
		if cur.Line == 0 {
			cur.Head = hashOf(raw)
		}
		if int64(len(raw)) > limit+1 {
			j.bad(&ingest.ReadError{Origin: origin, Err: fmt.Errorf("%w: line longer than %d bytes", ingest.ErrTooLarge, limit)})
		} else {
			arts, _, err := j.jsonLine(ctx, origin, raw)
			if err != nil {
				return err
			}
			for _, a := range arts {
				if err := j.take(ctx, a); err != nil {
					return err
				}
			}
		}
		// The line is taken: its articles are stored before the offset
		// that passes it is recorded.
		cur.Line++
		cur.Offset += int64(len(raw))
		cur.Tail, cur.TailLen = hashOf(raw), int64(len(raw))
		cur.Size, cur.ModTime = fi.Size(), fi.ModTime().UnixNano()
		j.st.Files[path] = cur
		j.r.maybeSave()
	}
}

// file reads a whole file (text, Markdown, HTML, JSON) when its size or
// modification time changed since the last run.
func (j *job) file(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fileError{err}
	}
	if prev := j.st.Files[path]; prev != nil && prev.Size == fi.Size() && prev.ModTime == fi.ModTime().UnixNano() {
		return nil
	}
	var fileErr error
	err = ingest.Read(ctx, []string{path}, nil, j.r.ReadOptions,
		func(a ingest.Article) error { return j.take(ctx, a) },
		func(e *ingest.ReadError) {
			if e.Origin == path && !e.Warning && fileErr == nil {
				var pe *fs.PathError
				if errors.As(e.Err, &pe) {
					fileErr = e // unreadable: not recorded as read
				}
			}
			j.bad(e)
		})
	if err != nil {
		return err
	}
	if fileErr != nil {
		return nil
	}
	if j.st.Files == nil {
		j.st.Files = map[string]*FileState{}
	}
	j.st.Files[path] = &FileState{Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	j.r.maybeSave()
	return nil
}

// dir reads the new and changed files of a folder, recursively in lexical
// order, skipping hidden entries and unknown extensions as `geokg ingest`
// does, and forgets the files that are gone.
func (j *job) dir(ctx context.Context) error {
	root := j.src.Path
	fi, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory", root)
	}
	present := map[string]bool{}
	bad := func(path string, err error) { j.bad(&ingest.ReadError{Origin: path, Err: err}) }
	err = ingest.WalkArticleFiles(root, bad, func(path string) error {
		err := ctx.Err()
		if err != nil {
			return err
		}
		present[path] = true
		if isJSONL(path) {
			err = j.jsonlFile(ctx, path)
		} else {
			err = j.file(ctx, path)
		}
		var fe fileError
		if errors.As(err, &fe) {
			j.bad(&ingest.ReadError{Origin: path, Err: fe.err})
			return nil
		}
		return err
	})
	if err != nil {
		return err
	}
	for p := range j.st.Files {
		if !present[p] {
			delete(j.st.Files, p)
		}
	}
	return nil
}
