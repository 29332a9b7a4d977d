package main

import "github.com/spf13/cobra"

// addTimeQueryCmds registers the commands of this file on parent.
func addTimeQueryCmds(parent *cobra.Command, a *app) {}
