package schedule

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/store"
)

// StateFile is the name of the state file in a store directory, where it
// is kept unless the config names another (see StatePath).
const StateFile = "sources.state.json"

// Errors of source selection; callers test them with errors.Is.
var (
	// ErrNoSources is returned by Select when no source is configured.
	ErrNoSources = errors.New("no sources configured: add a sources: list to the config file (see data/geokg.example.yaml)")
	// ErrNoSuchSource is returned by Select for a name no source has.
	ErrNoSuchSource = errors.New("no such source in the config")
)

// StatePath returns where the state of the sources is kept: configured
// when it is set, else StateFile in the store directory db. A store
// without a directory (the "memory" store, or a database URL such as
// postgres://...) gives "", and the state is then kept in memory only.
func StatePath(configured, db string) string {
	if configured != "" {
		return configured
	}
	if b, err := store.BackendFor(db); err != nil || !b.Dir {
		return ""
	}
	return filepath.Join(db, StateFile)
}

// Select returns the sources named in only, in their configured order, or
// all of them when only is empty. A name no source has is an error
// wrapping ErrNoSuchSource that starts with the name; nothing to run is
// ErrNoSources.
func Select(sources []Source, only []string) ([]Source, error) {
	keep := map[string]bool{}
	for _, n := range only {
		keep[n] = true
	}
	var out []Source
	found := map[string]bool{}
	for _, s := range sources {
		if len(keep) > 0 && !keep[s.Name] {
			continue
		}
		found[s.Name] = true
		out = append(out, s)
	}
	for _, n := range only {
		if !found[n] {
			return nil, fmt.Errorf("%s: %w", n, ErrNoSuchSource)
		}
	}
	if len(out) == 0 {
		return nil, ErrNoSources
	}
	return out, nil
}

// SourceStatus is what is known of one source for `geokg sources`: its
// configuration joined with its recorded state.
type SourceStatus struct {
	// Name is the source's name.
	Name string `json:"name"`
	// Kind is its kind as configured; "" when it is not configured.
	Kind string `json:"kind"`
	// Where is its URL, else its path.
	Where string `json:"where"`
	// Schedule is "every 15m0s", "cron */15 * * * *", or "" for none.
	Schedule string `json:"schedule"`
	// Configured is false for a source known only from the state file.
	Configured bool `json:"configured"`
	// LastRun is when the last run started.
	LastRun time.Time `json:"last_run,omitzero"`
	// LastSuccess is when the last run that did not fail ended.
	LastSuccess time.Time `json:"last_success,omitzero"`
	// NextRun is when the next run is due.
	NextRun time.Time `json:"next_run,omitzero"`
	// Runs counts the runs.
	Runs int `json:"runs"`
	// Items counts the items taken (stored, or found already stored).
	Items int `json:"items_seen"`
	// Stored counts the articles new or updated in the store.
	Stored int `json:"stored"`
	// Errors counts the bad items and failed runs.
	Errors int `json:"errors"`
	// Failures counts consecutive failed runs.
	Failures int `json:"consecutive_failures"`
	// LastError is the last run's error, or its last bad item's.
	LastError string `json:"last_error,omitempty"`
}

// Status joins the configured sources with their recorded state: one
// entry per configured source, in order, then one per source the state
// still holds but the config no longer lists (Configured false), by name.
// A nil state is an empty one. The result is never nil (JSON []).
func Status(sources []Source, state *State) []SourceStatus {
	if state == nil {
		state = &State{}
	}
	out := []SourceStatus{}
	listed := map[string]bool{}
	for _, s := range sources {
		st := SourceStatus{Name: s.Name, Kind: s.Kind, Where: s.Where(), Configured: true}
		switch {
		case s.Cron != "":
			st.Schedule = "cron " + s.Cron
		case s.Every > 0:
			st.Schedule = "every " + s.Every.String()
		}
		st.fill(state.Sources[s.Name])
		listed[s.Name] = true
		out = append(out, st)
	}
	for _, name := range state.Names() {
		if !listed[name] {
			st := SourceStatus{Name: name}
			st.fill(state.Sources[name])
			out = append(out, st)
		}
	}
	return out
}

// fill copies the recorded counters of a source, if any.
func (st *SourceStatus) fill(rec *SourceState) {
	if rec == nil {
		return
	}
	st.LastRun, st.LastSuccess, st.NextRun = rec.LastRun, rec.LastSuccess, rec.NextRun
	st.Runs, st.Items, st.Stored, st.Errors = rec.Runs, rec.Items, rec.Stored, rec.Errors
	st.Failures, st.LastError = rec.Failures, rec.LastError
}

// Totals adds up the results of a run over the sources: the sum of their
// summaries and how many sources failed.
func Totals(results []Result) (total ingest.Summary, failed int) {
	for _, res := range results {
		total.Add(res.Summary)
		if res.Err != nil {
			failed++
		}
	}
	return total, failed
}
