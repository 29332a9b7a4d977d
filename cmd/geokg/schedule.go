package main

import "github.com/spf13/cobra"

// addScheduleCmds registers the commands of this file on parent.
func addScheduleCmds(parent *cobra.Command, a *app) {}
