package schedule

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Kinds of source.
const (
	KindRSS   = "rss"
	KindAtom  = "atom"
	KindJSONL = "jsonl"
	KindDir   = "dir"
	KindHTML  = "html"
)

// ErrConfig is wrapped by every error about a source's configuration.
var ErrConfig = errors.New("bad source configuration")

// Source is one configured place to pull articles from: an entry of the
// "sources:" list of the config file, decoded into it directly (the
// mapstructure tags are the config keys).
type Source struct {
	// Name identifies the source in logs, state and `geokg sources`.
	Name string `mapstructure:"name"`
	// Kind is rss, atom, jsonl, dir or html, in any case (Check lowers it).
	Kind string `mapstructure:"kind"`
	// URL is fetched over HTTP(S) (rss, atom, jsonl, html).
	URL string `mapstructure:"url"`
	// Path is a local file (rss, atom, jsonl, html) or folder (dir).
	Path string `mapstructure:"path"`
	// Every is the interval between runs, e.g. 15m; Cron is the alternative.
	Every time.Duration `mapstructure:"every"`
	// Cron is a standard 5-field cron spec ("*/15 * * * *") or a
	// descriptor ("@hourly"), in local time.
	Cron string `mapstructure:"cron"`
	// FollowLinks makes rss and atom items be read from their linked page
	// (its main text) rather than from the item's own text.
	FollowLinks bool `mapstructure:"follow_links"`

	cron cron.Schedule
}

// Check validates s, lowers its Kind and prepares its schedule. needSchedule is false for
// one-off runs (`geokg schedule --once`), where every and cron may be left
// out.
func (s *Source) Check(needSchedule bool) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("source %q: %w: %s", s.Name, ErrConfig, fmt.Sprintf(format, args...))
	}
	if s.Name == "" {
		return fmt.Errorf("source: %w: name is required", ErrConfig)
	}
	s.Kind = strings.ToLower(s.Kind)
	switch s.Kind {
	case KindRSS, KindAtom, KindJSONL, KindHTML:
		if (s.URL == "") == (s.Path == "") {
			return bad("give either url or path")
		}
	case KindDir:
		if s.Path == "" || s.URL != "" {
			return bad("a dir source needs a path and no url")
		}
	default:
		return bad("kind %q: want rss, atom, jsonl, dir or html", s.Kind)
	}
	if s.FollowLinks && s.Kind != KindRSS && s.Kind != KindAtom {
		return bad("follow_links applies to rss and atom sources only")
	}
	if s.Every < 0 {
		return bad("every must be positive")
	}
	if s.Every > 0 && s.Cron != "" {
		return bad("give every or cron, not both")
	}
	if s.Cron != "" {
		c, err := cron.ParseStandard(s.Cron)
		if err != nil {
			return bad("cron %q: %v", s.Cron, err)
		}
		s.cron = c
	}
	if needSchedule && s.Every == 0 && s.Cron == "" {
		return bad("give every (e.g. 15m) or cron (e.g. \"*/15 * * * *\")")
	}
	return nil
}

// Next returns the time of the first scheduled run after t. A source
// without a schedule (checked with needSchedule false) is never due again:
// Next returns the zero time.
func (s *Source) Next(t time.Time) time.Time {
	switch {
	case s.cron != nil:
		return s.cron.Next(t)
	case s.Every > 0:
		return t.Add(s.Every)
	}
	return time.Time{}
}

// Where returns the source's URL or path, for messages.
func (s *Source) Where() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// CheckAll validates sources and that their names are unique.
func CheckAll(sources []Source, needSchedule bool) error {
	seen := map[string]bool{}
	var errs []error
	for i := range sources {
		if err := sources[i].Check(needSchedule); err != nil {
			errs = append(errs, err)
			continue
		}
		if seen[sources[i].Name] {
			errs = append(errs, fmt.Errorf("source %q: %w: name used twice", sources[i].Name, ErrConfig))
		}
		seen[sources[i].Name] = true
	}
	return errors.Join(errs...)
}
