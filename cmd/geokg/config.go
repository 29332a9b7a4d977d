package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
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
}

// IngestConfig holds the settings of `geokg ingest`.
type IngestConfig struct {
	// Workers is the number of concurrent extractions; 0 means one per CPU.
	Workers int `mapstructure:"workers"`
	// MaxBytes is the largest file or JSONL line accepted.
	MaxBytes int64 `mapstructure:"max_bytes"`
	// Published is the date given to text, Markdown and HTML articles that carry none.
	Published string `mapstructure:"published"`
}

// defaultConfig returns the defaults, visible in one place.
func defaultConfig() Config {
	return Config{
		DB:        "./geokg.db",
		LogLevel:  "warn",
		LogFormat: "text",
		Ingest:    IngestConfig{Workers: 0, MaxBytes: 10 << 20},
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
