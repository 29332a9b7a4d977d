package main

import "github.com/spf13/cobra"

// addAskCmds registers the commands of this file on parent.
func addAskCmds(parent *cobra.Command, a *app) {}
