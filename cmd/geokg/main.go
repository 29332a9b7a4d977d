// Command geokg builds a geopolitical knowledge graph from news articles
// and answers questions about it over time.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if code := runMain(); code != 0 {
		os.Exit(code)
	}
}

// runMain runs geokg as the binary does — on os.Args and the standard
// streams, its context cancelled by SIGINT or SIGTERM — and returns its
// exit status. Tests' copy of the binary (testscript) calls it too.
func runMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		return exitCode(err)
	}
	return 0
}

// run executes geokg with args, reading stdin and writing to stdout and
// stderr; tests call it in-process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	root := newRootCmd(&app{stdin: stdin, stdout: stdout, stderr: stderr})
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil && !isSilent(err) {
		fmt.Fprintln(stderr, "geokg:", err)
	}
	return err
}
