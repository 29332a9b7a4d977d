package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/export"
)

func newExportCmd(a *app) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the graph's facts to a file for analysis",
		Long: `Export writes every fact with its names, dates (ISO, at the precision
known: 2024, 2024-10 or 2024-10-01), role, location, confidence and sources.

Formats:
  jsonl  one fact per line, the schema of 'geokg query facts --json'`,
		Example: `  geokg export --format jsonl -o facts.jsonl
  geokg export --db /var/lib/geokg | jq -r .subject`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "jsonl" {
				return fmt.Errorf("--format %q: supported formats: jsonl", format)
			}
			ctx := cmd.Context()
			store, err := a.openStore(ctx, true)
			if err != nil {
				return err
			}
			defer store.Close()
			var w io.Writer = a.stdout
			var f *os.File
			if out != "" && out != "-" {
				f, err = os.Create(out)
				if err != nil {
					return err
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 1<<16)
			n, err := export.JSONL(ctx, store, bw)
			if err != nil {
				return err
			}
			if err := bw.Flush(); err != nil {
				return err
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return err
				}
				a.log.Info("exported", "facts", n, "file", out)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format: jsonl")
	cmd.Flags().StringVarP(&out, "output", "o", "", "output file (default standard output)")
	return cmd
}
