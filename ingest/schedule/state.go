package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/geokg/geokg/ingest/feed"
)

// stateVersion is the version of the state file's format.
const stateVersion = 1

// MaxSeen is how many item ids a source remembers; the oldest are
// forgotten first. Feeds show far fewer items at a time, and an item
// forgotten and seen again is skipped by the store anyway.
const MaxSeen = 10000

// State is what the scheduler remembers between runs, per source name.
type State struct {
	Version int                     `json:"version"`
	Sources map[string]*SourceState `json:"sources"`
}

// SourceState is what is remembered of one source: its counters for
// `geokg sources`, and where it stopped.
type SourceState struct {
	// LastRun is when the last run started.
	LastRun time.Time `json:"last_run,omitzero"`
	// LastSuccess is when the last run that did not fail ended.
	LastSuccess time.Time `json:"last_success,omitzero"`
	// NextRun is when the next run is due.
	NextRun time.Time `json:"next_run,omitzero"`
	// LastError is the error of the last run, or of its last bad item;
	// empty when the last run went through cleanly.
	LastError string `json:"last_error,omitempty"`
	// Failures counts consecutive failed runs (it sets the backoff).
	Failures int `json:"failures,omitempty"`
	// Runs counts the runs.
	Runs int `json:"runs"`
	// Items counts the items taken (stored, or found already stored).
	Items int `json:"items"`
	// Stored counts the articles that were new or updated in the store.
	Stored int `json:"stored"`
	// Errors counts the bad items and failed runs.
	Errors int `json:"errors"`
	// Validators are the HTTP validators of the last full fetch.
	Validators feed.Validators `json:"validators,omitzero"`
	// Seen are the ids of the feed items taken, oldest first.
	Seen []string `json:"seen,omitempty"`
	// Files are the files of a jsonl or dir source, by path.
	Files map[string]*FileState `json:"files,omitempty"`

	seen map[string]bool
}

// FileState is how far a file was read.
type FileState struct {
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime_ns"`
	Dev     uint64 `json:"dev,omitempty"`
	Inode   uint64 `json:"inode,omitempty"`
	// Head is the hash of the first line (JSONL), to tell a rewritten file.
	Head string `json:"head,omitempty"`
	// Tail is the hash of the last line taken, TailLen its length.
	Tail    string `json:"tail,omitempty"`
	TailLen int64  `json:"tail_len,omitempty"`
	// Offset is the byte offset after the last complete line taken (JSONL);
	// Line is its line number.
	Offset int64 `json:"offset,omitempty"`
	Line   int   `json:"line,omitempty"`
}

// Source returns the state of the named source, created when missing.
func (s *State) Source(name string) *SourceState {
	if s.Sources == nil {
		s.Sources = map[string]*SourceState{}
	}
	st := s.Sources[name]
	if st == nil {
		st = &SourceState{}
		s.Sources[name] = st
	}
	return st
}

// Names returns the source names in the state, sorted.
func (s *State) Names() []string {
	names := make([]string, 0, len(s.Sources))
	for n := range s.Sources {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// HasSeen reports whether the item id was taken.
func (st *SourceState) HasSeen(id string) bool {
	if st.seen == nil {
		st.seen = make(map[string]bool, len(st.Seen))
		for _, s := range st.Seen {
			st.seen[s] = true
		}
	}
	return st.seen[id]
}

// MarkSeen records the item id as taken, forgetting the oldest beyond MaxSeen.
func (st *SourceState) MarkSeen(id string) {
	if st.HasSeen(id) {
		return
	}
	st.Seen = append(st.Seen, id)
	st.seen[id] = true
	if over := len(st.Seen) - MaxSeen; over > 0 {
		for _, old := range st.Seen[:over] {
			delete(st.seen, old)
		}
		st.Seen = append([]string(nil), st.Seen[over:]...)
	}
}

// ErrCorruptState is returned by LoadState for a state file that is empty
// or not the JSON it writes; Runner moves such a file aside (MoveAside)
// and starts afresh.
var ErrCorruptState = errors.New("corrupt state file")

// LoadState reads the state file at path; a missing file is an empty
// state, an empty or unreadable one an error wrapping ErrCorruptState.
func LoadState(path string) (*State, error) {
	s := &State{Version: stateVersion, Sources: map[string]*SourceState{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("state %s: %w", path, err)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("state %s: %w: empty file", path, ErrCorruptState)
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("state %s: %w: %v", path, ErrCorruptState, err)
	}
	if s.Version > stateVersion {
		return nil, fmt.Errorf("state %s: version %d is newer than this geokg (%d)", path, s.Version, stateVersion)
	}
	if s.Sources == nil {
		s.Sources = map[string]*SourceState{}
	}
	return s, nil
}

// MoveAside renames the state file at path to path.corrupt-TIMESTAMP
// (now, UTC) so that a fresh state can be started beside it, and returns
// the new name.
func MoveAside(path string, now time.Time) (string, error) {
	aside := path + ".corrupt-" + now.UTC().Format("20060102T150405Z")
	if err := os.Rename(path, aside); err != nil {
		return "", fmt.Errorf("state %s: %w", path, err)
	}
	return aside, nil
}

// Save writes the state to path atomically: a temporary file beside it,
// fsynced, renamed over path, and the directory fsynced, so that after a
// crash path holds either the old state or the new one, whole.
func (s *State) Save(path string) error {
	s.Version = stateVersion
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("state %s: %w", path, err)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("state %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return fmt.Errorf("state %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	_, err = tmp.Write(append(data, '\n'))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("state %s: %w", path, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // best effort: not every system syncs directories
		d.Close()
	}
	return nil
}
