package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/geokg/geokg/queries"
)

// TestAskHelpFilledOnShow: building the command tree, which every geokg
// process does before it runs one command, does not read the ask form
// table for ask's help (the table, built on first use, would then be
// built by every query); the help still lists every form when shown,
// however it is asked for.
func TestAskHelpFilledOnShow(t *testing.T) {
	root := newRootCmd(&app{stdout: io.Discard, stderr: io.Discard})
	ask, _, err := root.Find([]string{"ask"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ask.Long, formsPlaceholder) {
		t.Errorf("ask's help was filled when the command tree was built:\n%s", ask.Long)
	}
	for _, args := range [][]string{{"ask", "--help"}, {"help", "ask"}, {"ask", "-h"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, nil, &out, io.Discard); err != nil {
			t.Fatalf("%q: %v", args, err)
		}
		help := out.String()
		if strings.Contains(help, strings.TrimSpace(formsPlaceholder)) {
			t.Errorf("%q prints the placeholder of the forms:\n%s", args, help)
		}
		for _, f := range queries.Forms() {
			// Long lines are wrapped: their first words are enough.
			first := strings.Join(strings.Fields(f.Help)[:3], " ")
			if !strings.Contains(help, first) {
				t.Errorf("%q does not list the form %q", args, f.Help)
			}
		}
		if !strings.Contains(help, "Names go through aliases") || !strings.Contains(help, "--json prints") {
			t.Errorf("%q lost the rest of ask's help:\n%s", args, help)
		}
	}
}
