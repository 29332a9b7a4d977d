package store

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"os"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/clog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRedact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"postgres://bob:s3cret@db:5432/geokg", "postgres://bob:xxxxx@db:5432/geokg"},
		{"postgresql://bob:p@ss@db/x?sslmode=disable", "postgresql://bob:xxxxx@db/x?sslmode=disable"},
		{"cockroach://root@db:26257/geokg", "cockroach://root@db:26257/geokg"},
		{"./geokg.db", "./geokg.db"},
		{"memory", "memory"},
		{"open postgres://a:b@h/x: dial postgres://c:d@h/y", "open postgres://a:xxxxx@h/x: dial postgres://c:xxxxx@h/y"},
	} {
		assert.Equal(t, c.want, Redact(c.in), c.in)
	}
}

// TestCayleyLogsRedacted checks that Cayley's own log lines reach slog at
// debug level with credentials hidden, and never standard error.
func TestCayleyLogsRedacted(t *testing.T) {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})))
	defer slog.SetDefault(old)
	clog.Errorf("Couldn't open database at %s: %#v", "postgres://bob:s3cret@127.0.0.1:1/x", struct{ A int }{1})
	out := buf.String()
	assert.Contains(t, out, "postgres://bob:xxxxx@127.0.0.1:1/x")
	assert.Contains(t, out, "level=DEBUG")
	assert.NotContains(t, out, "s3cret")
}

// TestPostgresErrorHidesPassword opens a PostgreSQL DSN nobody listens on:
// neither the error nor anything printed to standard error shows the
// password.
func TestPostgresErrorHidesPassword(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	stderr := os.Stderr
	os.Stderr = w
	log.SetOutput(w) // where a library logging through package log writes
	_, openErr := Open(context.Background(), "postgres://bob:s3cret@127.0.0.1:1/x?sslmode=disable&connect_timeout=2", Options{})
	os.Stderr = stderr
	log.SetOutput(stderr)
	w.Close()
	printed, _ := io.ReadAll(r)
	require.Error(t, openErr)
	assert.NotContains(t, openErr.Error(), "s3cret")
	assert.True(t, strings.Contains(openErr.Error(), "bob:xxxxx@") || !strings.Contains(openErr.Error(), "bob"), openErr.Error())
	assert.NotContains(t, string(printed), "s3cret")
}
