package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/server"
	"github.com/geokg/geokg/store"
)

// cli runs geokg in-process on the store db and returns its stdout, its
// stderr and its error.
func cli(t *testing.T, db string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append([]string{"--db", db}, args...), nil, &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

// routedCommands are the read commands the routing test runs while a
// server holds the store, and again once it has stopped.
var routedCommands = [][]string{
	{"query", "facts", "--subject", "Olaf Scholz"},
	{"query", "facts", "--subject", "Olaf Scholz", "--json"},
	{"query", "timeline", "Emmanuel Macron", "--from", "2025"},
	{"query", "holders", "Atlantis"},
	{"ask", "whom did Olaf Scholz meet in February 2025?", "--today", "2026-01-15"},
	{"ask", "whom did Olaf Scholz meet in February 2025?", "--today", "2026-01-15", "--json"},
	{"export", "--format", "jsonl", "--entity", "Olaf Scholz"},
	{"export", "--format", "csv", "--entity", "Olaf Scholz"},
	{"query", "path", "Olaf Scholz", "Emmanuel Macron"},
	{"query", "path", "Olaf Scholz", "Emmanuel Macron", "--at", "2025-02-03", "--max-hops", "2", "--json"},
	{"query", "path", "Olaf Scholz", "Atlantis"},
	{"query", "neighbors", "Emmanuel Macron"},
	{"query", "neighbors", "Olaf", "Scholz", "--predicate", "met", "--at", "2025-02-03", "--json"},
	{"query", "entities", "ola"},
	{"query", "entities", "Emanuel", "--json"},
	{"query", "gizmo", `g.V("<geokg:entity/person/olaf-scholz>").Out("<geokg:rel/met>").Out("<geokg:name>").All()`},
	{"query", "gizmo", `g.V().Has("<geokg:type>", "person").Out("<geokg:name>").All()`, "--limit", "1", "--json"},
	{"query", "timeline", "Olaf Scholz", "--all-sources", "--json"},
}

// routedConsole are console lines the routing test types into `geokg
// console` while a server holds the store, and again once it has stopped:
// every command that asks the store, :why after each kind of answer, JSON
// output and a few failing lines.
var routedConsole = strings.Join([]string{
	"whom did Olaf Scholz meet?",
	":why 1",
	`:facts --subject "Olaf Scholz"`,
	":why 1",
	`:path "Olaf Scholz" "Emmanuel Macron"`,
	":why 1",
	":timeline Scholz",
	`:neighbors "Emmanuel Macron"`,
	":why 1",
	":entities ola",
	":at 2025-02-03",
	`:neighbors "Olaf Scholz" --predicate met`,
	`:facts --subject Atlantis`,
	"sing me a song",
	":json",
	"whom did Olaf Scholz meet?",
	`g.V("<geokg:entity/person/olaf-scholz>").Out("<geokg:rel/met>").All()`,
	":why 5",
	":quit",
}, "\n") + "\n"

// consoleStdin runs the geokg binary's console on the store db with lines
// on its standard input, and returns its stdout and stderr.
func consoleStdin(t *testing.T, db, lines string) (string, string) {
	t.Helper()
	bin, err := exec.LookPath("geokg")
	require.NoError(t, err, "testscript puts geokg on PATH")
	// A console that waits for the store instead of going through the
	// server would wait for the round's hour: the deadline turns that into
	// a failure.
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--db", db, "console", "--today", "2026-01-15", "--no-history")
	cmd.Stdin = strings.NewReader(lines)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	return stdout.String(), stderr.String()
}

// TestCLIThroughServer runs `geokg serve --schedule` in-process on a bbolt
// store while one of its rounds holds the store for writing (each article
// of the round is followed by an hour's pause): the CLI's queries, ask,
// export and ingest, finding the store locked, go through the server named
// by the address file and print what they print on the free store; the
// file is removed on shutdown, and a stale one is ignored.
func TestCLIThroughServer(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	in := filepath.Join(dir, "in")
	cfg := inboxConfig(t, dir, db, in, "1h")
	dropArticle(t, in, "a-scholz-macron", "2025-02-03", "Olaf Scholz met Emmanuel Macron in Berlin on Monday.")
	dropArticle(t, in, "b-other", "2025-02-05", "Giorgia Meloni met Pedro Sanchez in Rome on Wednesday.")
	t.Setenv(testDelayEnv, "1h")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done, _, stderr := startServe(t, ctx, cfg)
	// The first article is stored and the round holds the store; the
	// server answers from it meanwhile.
	factAbout(t, base, "Olaf Scholz", "Emmanuel Macron")
	_, err := store.Open(ctx, db, store.Options{ReadOnly: true})
	require.ErrorIs(t, err, store.ErrLocked, "the round holds the store")

	fi, err := os.Stat(filepath.Join(db, server.AddrFile))
	require.NoError(t, err, "serve writes its address file")
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the address file holds a token: owner only")

	via := make([][3]string, len(routedCommands))
	for i, args := range routedCommands {
		out, errOut, err := cli(t, db, args...)
		require.NotErrorIs(t, err, store.ErrLocked, "%v goes through the server: %s", args, errOut)
		via[i] = [3]string{out, errOut, fmt.Sprint(err)}
	}
	assert.Contains(t, via[10][2], `"Atlantis": no entity`, "an unknown entity of path fails, as without a server")
	assert.Contains(t, via[0][0], "Emmanuel Macron")
	assert.Contains(t, via[3][1], "warning:", "an unknown entity is a warning, as without a server")
	viaConsole, consoleErr := consoleStdin(t, db, routedConsole)
	assert.Contains(t, consoleErr, "the store is held by the geokg server at "+base)
	assert.Contains(t, viaConsole, `"Olaf Scholz met Emmanuel Macron in Berlin on Monday."`, ":why through the server")
	// At a terminal: Tab completes names through the server; the console
	// stays open across the server's shutdown (below).
	var pty *ptyConsole
	hist := filepath.Join(dir, "history")
	if runtime.GOOS != "windows" {
		pty = startConsole(t, "--db", db, "console", "--today", "2026-01-15", "--history", hist)
		pty.expect(`geokg> `)
		pty.send("whom did Olaf Sch\t meet?\r")
		pty.expect(`interpreted as: whom Olaf Scholz met`)
		pty.expect(`1\s+Emmanuel Macron`)
		pty.expect(`geokg> `)
	}

	// Ingest goes through the server with the address file's token.
	news := filepath.Join(dir, "news.jsonl")
	require.NoError(t, os.WriteFile(news, []byte(`{"id":"w1","published":"2025-02-04","text":"Keir Starmer met Donald Tusk in Warsaw on Tuesday."}`+"\n"), 0o644))
	out, errOut, err := cli(t, db, "ingest", news)
	require.NoError(t, err, errOut)
	assert.Regexp(t, `^articles read 1, new 1, .*errors 0\n$`, out)
	out, errOut, err = cli(t, db, "query", "facts", "--subject", "Keir Starmer")
	require.NoError(t, err, errOut)
	assert.Contains(t, out, "Donald Tusk", "the facts ingested through the server are queryable")

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err, stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
	_, err = os.Stat(filepath.Join(db, server.AddrFile))
	require.ErrorIs(t, err, os.ErrNotExist, "a clean shutdown removes the address file")
	if pty != nil {
		// The console that went through the server answers from the free
		// store now, and kept its history.
		pty.send(":neighbors Scholz\r")
		pty.expect(`Emmanuel Macron\s+person\s+1\s+met`)
		pty.expect(`geokg> `)
		pty.send(":quit\r")
		require.NoError(t, pty.wait())
		h, err := os.ReadFile(hist)
		require.NoError(t, err)
		assert.Equal(t, "whom did Olaf Scholz meet?\n:neighbors Scholz\n:quit\n", string(h))
	}

	// On the free store the commands print what they printed through the
	// server.
	for i, args := range routedCommands {
		out, errOut, err := cli(t, db, args...)
		assert.Equal(t, fmt.Sprint(err), via[i][2], "%v: the same error through the server", args)
		assert.Equal(t, out, via[i][0], "%v: the same output through the server", args)
		assert.Equal(t, errOut, via[i][1], "%v: the same messages through the server", args)
	}
	free, _ := consoleStdin(t, db, routedConsole)
	assert.Equal(t, free, viaConsole, "the console prints the same through the server")

	t.Run("stale address file", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		silent := ln.Addr().String()
		require.NoError(t, ln.Close())
		gone := exec.Command("true")
		require.NoError(t, gone.Run())
		for name, addr := range map[string]server.Address{
			"the address does not answer": {Addr: silent, PID: os.Getpid(), Token: "x"},
			"the process is gone":         {Addr: silent, PID: gone.Process.Pid, Token: "x"},
		} {
			t.Run(name, func(t *testing.T) {
				data, err := json.Marshal(addr)
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join(db, server.AddrFile), data, 0o600))
				holder, err := store.Open(context.Background(), db, store.Options{})
				require.NoError(t, err)
				defer holder.Close()
				_, _, err = cli(t, db, "query", "facts", "--subject", "Olaf Scholz")
				require.ErrorIs(t, err, store.ErrLocked, "a stale file is ignored: the lock error stands")
				_, _, err = cli(t, db, "ingest", news)
				require.ErrorIs(t, err, store.ErrLocked)
			})
		}
	})
}
