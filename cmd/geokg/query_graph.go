package main

import "github.com/spf13/cobra"

// addGraphQueryCmds registers the commands of this file on parent.
func addGraphQueryCmds(parent *cobra.Command, a *app) {}
