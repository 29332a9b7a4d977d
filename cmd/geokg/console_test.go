package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/stretchr/testify/require"
)

// ptyConsole is a geokg console running in a pseudo-terminal.
type ptyConsole struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int // output before this offset has been matched
	done chan struct{}
}

// startConsole runs the geokg binary that testscript installed on PATH.
func startConsole(t *testing.T, args ...string) *ptyConsole {
	t.Helper()
	bin, err := exec.LookPath("geokg")
	require.NoError(t, err, "testscript puts geokg on PATH")
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	require.NoError(t, err)
	c := &ptyConsole{t: t, cmd: cmd, tty: tty, done: make(chan struct{})}
	go func() {
		defer close(c.done)
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			c.mu.Lock()
			c.out.Write(buf[:n])
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		tty.Close()
	})
	return c
}

// expect waits until the output after the last match matches re.
func (c *ptyConsole) expect(re string) {
	c.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		tail := c.out.String()[c.seen:]
		if loc := rx.FindStringIndex(tail); loc != nil {
			c.seen += loc[1]
			c.mu.Unlock()
			return
		}
		c.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t.Fatalf("no match for %q in console output:\n%s", re, c.out.String()[c.seen:])
}

// send types s into the terminal.
func (c *ptyConsole) send(s string) {
	c.t.Helper()
	_, err := io.WriteString(c.tty, s)
	require.NoError(c.t, err)
}

// wait waits for the console to exit and returns its error.
func (c *ptyConsole) wait() error {
	select {
	case <-c.done:
	case <-time.After(20 * time.Second):
		c.t.Fatal("console did not exit")
	}
	return c.cmd.Wait()
}

// TestConsolePTY drives the real prompt through a pseudo-terminal: a
// question, tab completion, :at, :why, Ctrl-C on a running query and at
// the prompt, Ctrl-D, and the history kept across sessions.
func TestConsolePTY(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("pseudo-terminals are Unix-only")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	news := filepath.Join(dir, "news.jsonl")
	require.NoError(t, os.WriteFile(news, []byte(strings.Join([]string{
		`{"id": "t-rutte", "title": "Rutte takes over at NATO", "published": "2024-10-01", "text": "BRUSSELS — Mark Rutte took office as NATO Secretary General on Tuesday, succeeding Jens Stoltenberg, who had led the alliance since October 2014."}`,
		`{"id": "t-palm", "title": "Trump meets Rutte", "published": "2024-11-30", "text": "PALM BEACH — President-elect Donald Trump met NATO Secretary General Mark Rutte in Palm Beach, Florida, on Friday."}`,
	}, "\n")+"\n"), 0o644))
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", news}, nil, &out, &errOut), errOut.String())
	hist := filepath.Join(dir, "history")
	args := []string{"--db", db, "console", "--today", "2026-01-15", "--history", hist}

	c := startConsole(t, args...)
	c.expect(`today is 2026-01-15`)
	c.expect(`geokg> `)

	// :at sets the date later questions use; Tab completes "NAT" to NATO.
	c.send(":at 1 June 2024\r")
	c.expect(`questions now use 2024-06-01`)
	c.expect(`geokg> `)
	c.send("who leads NAT\t?\r")
	c.expect(`interpreted as: leaders of NATO at 2024-06-01`)
	c.expect(`1\s+Jens Stoltenberg`)
	c.expect(`geokg> `)

	// :why shows the evidence sentence.
	c.send(":why 1\r")
	c.expect(`"Mark Rutte took office as NATO Secretary General on Tuesday, succeeding Jens Stoltenberg.*\(t-rutte, 2024-10-01`)
	c.expect(`geokg> `)

	// Tab completes commands too.
	c.send(":ti\tRutte\r")
	c.expect(`interpreted as: timeline of Mark Rutte`)
	c.expect(`Donald Trump met Mark Rutte`)
	c.expect(`geokg> `)

	// Ctrl-C cancels a running query, not the console.
	c.send("g.V().All(); while (true) {}\r")
	time.Sleep(300 * time.Millisecond)
	c.send("\x03")
	c.expect(`query cancelled`)
	c.expect(`geokg> `)
	c.send("who leads NATO now\r")
	c.expect(`leaders of NATO at 2026-01-15`)
	c.expect(`1\s+Mark Rutte`)
	c.expect(`geokg> `)

	// Ctrl-C at the prompt drops the line; Ctrl-D leaves. The line's echo
	// shows the prompt is reading keys before Ctrl-C is pressed (sent
	// while the terminal is still between modes, it would be a signal).
	c.send("who led")
	c.expect(`who led`)
	c.send("\x03")
	c.expect(`geokg> `)
	c.send("\x04")
	require.NoError(t, c.wait())

	h, err := os.ReadFile(hist)
	require.NoError(t, err)
	require.Contains(t, string(h), "who leads NATO now\n")
	require.NotContains(t, string(h), "who led\n", "an aborted line is not history")

	// A new session recalls the history with the Up arrow.
	c = startConsole(t, args...)
	c.expect(`geokg> `)
	c.send("\x1b[A\r")
	c.expect(`leaders of NATO at 2026-01-15`)
	c.expect(`geokg> `)
	c.send(":quit\r")
	require.NoError(t, c.wait())
}

// TestConsoleLetsWritersIn: an open console holds the store only while a
// line runs, so an ingest between two questions succeeds, and the next
// question (and Tab completion) sees what it stored.
func TestConsoleLetsWritersIn(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("pseudo-terminals are Unix-only")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	write := func(name, line string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(line+"\n"), 0o644))
		return p
	}
	first := write("first.jsonl", `{"id": "w-1", "published": "2024-10-01", "text": "Mark Rutte took office as NATO Secretary General on Tuesday."}`)
	second := write("second.jsonl", `{"id": "w-2", "published": "2025-03-14", "text": "Prime Minister Mark Carney met Keir Starmer in London on Friday."}`)
	ingest := func(path string) {
		t.Helper()
		var out, errOut bytes.Buffer
		require.NoError(t, run(context.Background(), []string{"--db", db, "ingest", path}, nil, &out, &errOut), errOut.String())
		require.Contains(t, out.String(), "new 1")
	}
	ingest(first)

	c := startConsole(t, "--db", db, "console", "--today", "2026-01-15", "--no-history")
	c.expect(`geokg> `)
	c.send("who leads NATO\r")
	c.expect(`1\s+Mark Rutte`)
	c.expect(`geokg> `)

	// The console is open and idle: a writer gets the store.
	ingest(second)

	// The next question sees the new facts; completion knows the new names.
	c.send("whom did Carn\t meet?\r")
	c.expect(`Mark Carney`)
	c.expect(`Keir Starmer`)
	c.expect(`geokg> `)
	c.send(":quit\r")
	require.NoError(t, c.wait())
}
