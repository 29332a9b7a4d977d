package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"geokg": func() {
			if code := runMain(); code != 0 {
				os.Exit(code)
			}
		},
	})
}

// TestScripts runs the CLI golden tests in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
