package main

import (
	"strings"

	"github.com/spf13/cobra"
)

// fillHelpOnShow puts text() in place of placeholder in cmd's long help
// when the help is shown (--help, geokg help CMD), not when the command
// tree is built: every geokg process builds the whole tree before it runs
// one command, so a help text read from a table (ask's question forms, from
// the form table) would otherwise be paid for by every query.
func fillHelpOnShow(cmd *cobra.Command, placeholder string, text func() string) {
	cmd.SetHelpFunc(func(c *cobra.Command, args []string) {
		c.Long = strings.Replace(c.Long, placeholder, text(), 1)
		c.SetHelpFunc(nil) // the parent's, or cobra's own
		c.HelpFunc()(c, args)
	})
}
