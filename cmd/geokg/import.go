package main

import "github.com/spf13/cobra"

// addExchangeCmds registers the commands of this file on parent.
func addExchangeCmds(parent *cobra.Command, a *app) {}
