package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/ingest/schedule"
)

// configFor parses args with the real root command and returns the config
// the ingest subcommand would see.
func configFor(t *testing.T, env map[string]string, args ...string) Config {
	t.Helper()
	a := &app{getenv: func(k string) string { return env[k] }}
	root := newRootCmd(a)
	var got Config
	ingest, _, err := root.Find([]string{"ingest"})
	require.NoError(t, err)
	ingest.RunE = func(cmd *cobra.Command, _ []string) error { got = a.cfg; return nil }
	for k, v := range env {
		t.Setenv(k, v)
	}
	root.SetArgs(append([]string{"ingest"}, append(args, "x")...))
	root.SetOut(os.Stderr)
	require.NoError(t, root.Execute())
	return got
}

func TestConfigPrecedence(t *testing.T) {
	t.Chdir(t.TempDir())
	file := filepath.Join(t.TempDir(), "geokg.yaml")
	require.NoError(t, os.WriteFile(file, []byte("db: /from/file\ningest:\n  workers: 3\nlog_level: info\n"), 0o644))

	def := configFor(t, nil)
	require.Equal(t, defaultConfig(), def, "defaults")

	fromFile := configFor(t, nil, "--config", file)
	require.Equal(t, "/from/file", fromFile.DB)
	require.Equal(t, 3, fromFile.Ingest.Workers)
	require.Equal(t, "info", fromFile.LogLevel)

	t.Run("env", func(t *testing.T) {
		env := map[string]string{"GEOKG_DB": "/from/env", "GEOKG_INGEST_WORKERS": "5"}
		fromEnv := configFor(t, env, "--config", file)
		require.Equal(t, "/from/env", fromEnv.DB, "env beats file")
		require.Equal(t, 5, fromEnv.Ingest.Workers, "env beats file for nested keys")
		require.Equal(t, "info", fromEnv.LogLevel, "file still beats default")

		fromFlag := configFor(t, env, "--config", file, "--db", "/from/flag", "--workers", "7")
		require.Equal(t, "/from/flag", fromFlag.DB, "flag beats env")
		require.Equal(t, 7, fromFlag.Ingest.Workers)
	})
	t.Run("GEOKG_CONFIG", func(t *testing.T) {
		viaEnvFile := configFor(t, map[string]string{"GEOKG_CONFIG": file})
		require.Equal(t, "/from/file", viaEnvFile.DB, "GEOKG_CONFIG names the file")
	})
}

// TestExampleConfigMatchesDefaults keeps data/geokg.example.yaml honest:
// loading it must give exactly the defaults.
func TestExampleConfigMatchesDefaults(t *testing.T) {
	t.Chdir(t.TempDir())
	file := filepath.Join(t.TempDir(), "example.yaml")
	require.NoError(t, os.WriteFile(file, data.ExampleConfig, 0o644))
	require.Equal(t, defaultConfig(), configFor(t, nil, "--config", file))
}

func TestBadConfig(t *testing.T) {
	t.Chdir(t.TempDir())
	file := filepath.Join(t.TempDir(), "bad.yaml")
	require.NoError(t, os.WriteFile(file, []byte("db: [unclosed\n"), 0o644))
	a := &app{getenv: func(string) string { return "" }}
	root := newRootCmd(a)
	root.SetArgs([]string{"ingest", "--config", file, "x"})
	root.SetOut(os.Stderr)
	root.SetErr(os.Stderr)
	err := root.Execute()
	require.ErrorContains(t, err, "bad.yaml")
}

// TestSourcesDecodeIntoSchedule checks that the sources: list decodes
// straight into schedule.Source, every key included.
func TestSourcesDecodeIntoSchedule(t *testing.T) {
	t.Chdir(t.TempDir())
	file := filepath.Join(t.TempDir(), "geokg.yaml")
	require.NoError(t, os.WriteFile(file, []byte(`sources:
  - name: wire
    kind: RSS
    url: https://example.org/feed.xml
    every: 15m
    follow_links: true
  - name: inbox
    kind: dir
    path: in
    cron: "@daily"
`), 0o644))
	got := configFor(t, nil, "--config", file).Sources
	require.Equal(t, []schedule.Source{
		{Name: "wire", Kind: "RSS", URL: "https://example.org/feed.xml", Every: 15 * time.Minute, FollowLinks: true},
		{Name: "inbox", Kind: "dir", Path: "in", Cron: "@daily"},
	}, got)
	require.NoError(t, schedule.CheckAll(got, true))
	require.Equal(t, schedule.KindRSS, got[0].Kind, "checking lowers the kind")
}
