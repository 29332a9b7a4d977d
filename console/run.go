package console

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/peterh/liner"
)

// HistoryLimit is how many lines the history file keeps.
const HistoryLimit = 1000

// RunOptions tune Run.
type RunOptions struct {
	// HistoryPath is the history file; "" keeps no history.
	HistoryPath string
	// Prompt is the prompt text; "" means "geokg> ".
	Prompt string
	// Interrupts delivers Ctrl-C (SIGINT) while a line runs: it cancels
	// that line only. SIGTERM on it ends the console.
	Interrupts <-chan os.Signal
}

// DefaultHistoryPath returns the history file in the user's cache
// directory ($XDG_CACHE_HOME/geokg/console_history), or "" when there is none.
func DefaultHistoryPath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "geokg", "console_history")
}

// Run is the interactive prompt: it reads lines with editing, history
// (kept in opts.HistoryPath) and tab completion (Console.Complete), and
// runs each with Exec under its own context, which an interrupt cancels.
// Ctrl-C at the prompt clears the line; Ctrl-D or :quit ends Run.
func Run(ctx context.Context, c *Console, opts RunOptions) error {
	ln := liner.NewLiner()
	defer ln.Close()
	ln.SetCtrlCAborts(true)
	ln.SetCompleter(c.Complete)
	if opts.HistoryPath != "" {
		if f, err := os.Open(opts.HistoryPath); err == nil {
			_, _ = ln.ReadHistory(f)
			f.Close()
		}
	}
	prompt := opts.Prompt
	if prompt == "" {
		prompt = "geokg> "
	}
	fmt.Fprintf(c.Out, "geokg console: ask a question, :help for commands, Ctrl-D to leave (today is %s)\n", c.Today)
	for {
		if ctx.Err() != nil {
			return nil
		}
		line, err := ln.Prompt(prompt)
		switch {
		case errors.Is(err, liner.ErrPromptAborted):
			continue
		case errors.Is(err, io.EOF):
			fmt.Fprintln(c.Out)
			return nil
		case err != nil:
			return err
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ln.AppendHistory(line)
		if err := saveHistory(ln, opts.HistoryPath); err != nil {
			fmt.Fprintln(c.Out, "warning: history:", err)
		}
		if quit := runLine(ctx, c, line, opts.Interrupts); quit {
			return nil
		}
	}
}

// runLine executes one line, cancelling it on an interrupt. It reports
// whether the console should end.
func runLine(ctx context.Context, c *Console, line string, interrupts <-chan os.Signal) bool {
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan struct{})
	terminated := make(chan bool, 1)
	go func() {
		select {
		case sig := <-interrupts:
			cancel()
			terminated <- sig == syscall.SIGTERM
		case <-done:
			terminated <- false
		}
	}()
	err := c.Exec(lctx, line)
	close(done)
	terminate := <-terminated
	return errors.Is(err, io.EOF) || terminate
}

// saveHistory writes the history file, creating its directory.
func saveHistory(ln *liner.State, path string) error {
	if path == "" {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := ln.WriteHistory(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
