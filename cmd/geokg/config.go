package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/geokg/geokg/ingest"
	"github.com/geokg/geokg/ingest/schedule"
	"github.com/geokg/geokg/queries"
	"github.com/geokg/geokg/store"
)

// Config is every setting geokg reads. Each key can come from a flag, a
// GEOKG_* environment variable (dots become underscores: GEOKG_INGEST_WORKERS)
// or the YAML config file, in that order of precedence, over the defaults
// set in defaultConfig. data/geokg.example.yaml documents every key.
type Config struct {
	// DB is the store: a bbolt directory path, or "memory".
	DB string `mapstructure:"db"`
	// LogLevel is debug, info, warn or error.
	LogLevel string `mapstructure:"log_level"`
	// LogFormat is text or json.
	LogFormat string `mapstructure:"log_format"`
	// Ingest holds the ingest settings.
	Ingest IngestConfig `mapstructure:"ingest"`
	// Sources are the sources `geokg schedule` pulls articles from,
	// decoded straight into schedule.Source (its mapstructure tags).
	Sources []schedule.Source `mapstructure:"sources"`
	// Schedule holds the settings of `geokg schedule`.
	Schedule ScheduleConfig `mapstructure:"schedule"`
	// Gizmo holds the settings of Gizmo queries (`query gizmo`, console).
	Gizmo GizmoConfig `mapstructure:"gizmo"`
	// Serve holds the settings of `geokg serve`.
	Serve ServeConfig `mapstructure:"serve"`
}

// ServeConfig holds the settings of `geokg serve`.
type ServeConfig struct {
	// Token, when set, lets HTTP clients ingest (POST /api/v1/ingest with
	// "Authorization: Bearer TOKEN"); without it only the per-run token of
	// the address file does.
	Token string `mapstructure:"token"`
}

// GizmoConfig holds the settings of Gizmo queries.
type GizmoConfig struct {
	// MaxMemory bounds the process's heap, in bytes, while a Gizmo query
	// runs; past it the query stops with an error. Negative means no bound.
	MaxMemory int64 `mapstructure:"max_memory"`
}

// IngestConfig holds the settings of `geokg ingest`.
type IngestConfig struct {
	// Workers is the number of concurrent extractions; 0 means one per CPU.
	Workers int `mapstructure:"workers"`
	// MaxBytes is the largest file or JSONL line accepted.
	MaxBytes int64 `mapstructure:"max_bytes"`
	// Published is the date given to text, Markdown and HTML articles that carry none.
	Published string `mapstructure:"published"`
	// Batch is how many articles share one transaction and flush to disk
	// (group commit: one bbolt transaction; on PostgreSQL one wait for
	// the WAL); 1 commits each article on its own.
	Batch int `mapstructure:"batch"`
	// MaxText caps one article's text, in bytes (the rest is cut with a
	// warning); negative means no cap.
	MaxText int `mapstructure:"max_text"`
	// ProgressEvery is how often a progress line goes to stderr when it is
	// not a terminal; 0 means never.
	ProgressEvery time.Duration `mapstructure:"progress_every"`
	// MemoryLimit is the Go runtime's soft memory limit during an ingest
	// or a bench, in bytes (see applyMemoryLimit); 0 or less leaves the
	// runtime's own, as does the GOMEMLIMIT environment variable.
	MemoryLimit int64 `mapstructure:"memory_limit"`
	// MaxResident bounds, in bytes, the resident memory of a process that
	// writes a bbolt store (ingest, schedule, serve): past it the store
	// releases its file's pages from the process. 0 sets no bound.
	MaxResident int64 `mapstructure:"max_resident"`
}

// ScheduleConfig holds the settings of `geokg schedule`.
type ScheduleConfig struct {
	// State is the source state file; empty means sources.state.json in
	// the store directory (kept in memory for the "memory" store).
	State string `mapstructure:"state"`
	// Timeout bounds one source's run.
	Timeout time.Duration `mapstructure:"timeout"`
	// HTTPTimeout bounds each HTTP request.
	HTTPTimeout time.Duration `mapstructure:"http_timeout"`
	// Backoff is the wait after a source's first failure; it doubles with
	// each further one up to MaxBackoff.
	Backoff time.Duration `mapstructure:"backoff"`
	// MaxBackoff caps the wait between retries of a failing source.
	MaxBackoff time.Duration `mapstructure:"max_backoff"`
	// UserAgent is sent with every HTTP request.
	UserAgent string `mapstructure:"user_agent"`
	// AllowHosts, when not empty, lists the only hosts feeds and their
	// links and redirects may be fetched from (names, *.domain, IPs, CIDRs).
	AllowHosts []string `mapstructure:"allow_hosts"`
	// DenyHosts lists hosts never fetched from, checked on every redirect
	// and on the address a name resolves to.
	DenyHosts []string `mapstructure:"deny_hosts"`
	// DenyPrivate refuses loopback, private and link-local addresses: set
	// it where geokg runs beside internal services (a server).
	DenyPrivate bool `mapstructure:"deny_private"`
}

// defaultConfig returns the defaults, visible in one place.
func defaultConfig() Config {
	return Config{
		DB:        "./geokg.db",
		LogLevel:  "warn",
		LogFormat: "text",
		Ingest:    IngestConfig{Workers: 0, MaxBytes: 10 << 20, Batch: 1, MaxText: ingest.DefaultMaxText, ProgressEvery: 10 * time.Second, MemoryLimit: defaultMemoryLimit, MaxResident: store.DefaultResidentCeiling},
		Schedule: ScheduleConfig{
			Timeout:     10 * time.Minute,
			HTTPTimeout: 30 * time.Second,
			Backoff:     30 * time.Second,
			MaxBackoff:  time.Hour,
			UserAgent:   "geokg (+https://github.com/geokg/geokg)",
			AllowHosts:  []string{},
			DenyHosts:   []string{},
		},
		Gizmo: GizmoConfig{MaxMemory: queries.DefaultGizmoMaxMemory},
	}
}

// setDefaults registers every default key with v so that environment
// variables are seen for keys no file mentions.
func setDefaults(v *viper.Viper) {
	d := defaultConfig()
	v.SetDefault("db", d.DB)
	v.SetDefault("log_level", d.LogLevel)
	v.SetDefault("log_format", d.LogFormat)
	v.SetDefault("ingest.workers", d.Ingest.Workers)
	v.SetDefault("ingest.max_bytes", d.Ingest.MaxBytes)
	v.SetDefault("ingest.published", d.Ingest.Published)
	v.SetDefault("ingest.batch", d.Ingest.Batch)
	v.SetDefault("ingest.max_text", d.Ingest.MaxText)
	v.SetDefault("ingest.memory_limit", d.Ingest.MemoryLimit)
	v.SetDefault("ingest.max_resident", d.Ingest.MaxResident)
	v.SetDefault("ingest.progress_every", d.Ingest.ProgressEvery)
	v.SetDefault("schedule.state", d.Schedule.State)
	v.SetDefault("schedule.timeout", d.Schedule.Timeout)
	v.SetDefault("schedule.http_timeout", d.Schedule.HTTPTimeout)
	v.SetDefault("schedule.backoff", d.Schedule.Backoff)
	v.SetDefault("schedule.max_backoff", d.Schedule.MaxBackoff)
	v.SetDefault("schedule.user_agent", d.Schedule.UserAgent)
	v.SetDefault("schedule.allow_hosts", d.Schedule.AllowHosts)
	v.SetDefault("schedule.deny_hosts", d.Schedule.DenyHosts)
	v.SetDefault("schedule.deny_private", d.Schedule.DenyPrivate)
	v.SetDefault("gizmo.max_memory", d.Gizmo.MaxMemory)
	v.SetDefault("serve.token", d.Serve.Token)
}

// loadConfig reads the config file (--config, else GEOKG_CONFIG, else
// ./geokg.yaml when present), the environment and the flags of cmd into a
// fresh viper instance.
func loadConfig(cmd *cobra.Command, getenv func(string) string) (Config, error) {
	v := viper.New()
	setDefaults(v)
	v.SetEnvPrefix("GEOKG")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()
	bind := func(key string, f *pflag.Flag) error {
		if f == nil {
			return nil
		}
		return v.BindPFlag(key, f)
	}
	if err := errors.Join(
		bind("db", cmd.Flags().Lookup("db")),
		bind("log_level", cmd.Flags().Lookup("log-level")),
		bind("log_format", cmd.Flags().Lookup("log-format")),
		bind("ingest.workers", cmd.Flags().Lookup("workers")),
		bind("ingest.max_bytes", cmd.Flags().Lookup("max-bytes")),
		bind("ingest.published", cmd.Flags().Lookup("published")),
		bind("ingest.batch", cmd.Flags().Lookup("batch")),
		bind("ingest.max_text", cmd.Flags().Lookup("max-text")),
		bind("ingest.progress_every", cmd.Flags().Lookup("progress-every")),
		bind("ingest.max_resident", cmd.Flags().Lookup("max-resident")),
		bind("gizmo.max_memory", cmd.Flags().Lookup("max-memory")),
		bind("serve.token", cmd.Flags().Lookup("token")),
	); err != nil {
		return Config{}, err
	}
	path, _ := cmd.Flags().GetString("config")
	if path == "" {
		path = getenv("GEOKG_CONFIG")
	}
	if path == "" {
		if _, err := os.Stat("geokg.yaml"); err == nil {
			path = "geokg.yaml"
		}
	}
	if path != "" {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return Config{}, fmt.Errorf("config: %w", err)
	}
	if c.DB == "" {
		return Config{}, errors.New("config: db must not be empty")
	}
	return c, nil
}

// newLogger builds the slog logger the config asks for.
func newLogger(c Config, w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		return nil, fmt.Errorf("config: log_level %q: want debug, info, warn or error", c.LogLevel)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch c.LogFormat {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("config: log_format %q: want text or json", c.LogFormat)
}
