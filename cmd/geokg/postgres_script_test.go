package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync/atomic"

	// The PostgreSQL driver, for creating the test databases.
	_ "github.com/lib/pq"
	"github.com/rogpeppe/go-internal/testscript"
)

// pgScriptDBs numbers the databases pgDB creates.
var pgScriptDBs atomic.Int64

// scriptCondition answers the scripts' own conditions: [postgres] holds
// when GEOKG_TEST_POSTGRES names a server the tests may create databases
// on.
func scriptCondition(cond string) (bool, error) {
	if cond == "postgres" {
		return os.Getenv("GEOKG_TEST_POSTGRES") != "", nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// pgDB is the testscript command "pgdb NAME": it creates a fresh database
// on the PostgreSQL server named by GEOKG_TEST_POSTGRES (see the
// [postgres] condition), sets the environment variable NAME to its URL and
// drops it when the script ends.
func pgDB(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: pgdb NAME")
	}
	admin := os.Getenv("GEOKG_TEST_POSTGRES")
	if admin == "" {
		ts.Fatalf("GEOKG_TEST_POSTGRES is not set")
	}
	u, err := url.Parse(admin)
	ts.Check(err)
	db, err := sql.Open("postgres", admin)
	ts.Check(err)
	name := fmt.Sprintf("geokg_script_%d_%d", os.Getpid(), pgScriptDBs.Add(1))
	_, err = db.Exec("CREATE DATABASE " + name)
	ts.Check(err)
	ts.Defer(func() {
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		db.Close()
	})
	u.Path = "/" + name
	ts.Setenv(args[0], u.String())
}

// sameFacts is the testscript command "samefacts GOT WANT": it compares
// two `export --format jsonl` files as sets of lines, with every
// "recorded_at" left out and each fact's sources as a set (when each run
// stored a thing, and the order that gives them).
func sameFacts(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: samefacts GOT WANT")
	}
	got, want := exportLines(ts, args[0]), exportLines(ts, args[1])
	same := strings.Join(got, "\n") == strings.Join(want, "\n")
	switch {
	case same && neg:
		ts.Fatalf("%s and %s hold the same facts", args[0], args[1])
	case !same && !neg:
		ts.Fatalf("%s and %s differ:\n%s\n---\n%s", args[0], args[1], strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// exportLines reads a JSONL export without its recorded_at fields, as
// sorted lines.
func exportLines(ts *testscript.TestScript, file string) []string {
	var out []string
	for _, line := range strings.Split(ts.ReadFile(file), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var v any
		ts.Check(json.Unmarshal([]byte(line), &v))
		dropRecordedAt(v)
		b, err := json.Marshal(v)
		ts.Check(err)
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

// dropRecordedAt deletes every "recorded_at" key in v and sorts every
// "sources" list.
func dropRecordedAt(v any) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, "recorded_at")
		for _, x := range v {
			dropRecordedAt(x)
		}
		if srcs, ok := v["sources"].([]any); ok {
			sort.Slice(srcs, func(i, j int) bool {
				a, _ := json.Marshal(srcs[i])
				b, _ := json.Marshal(srcs[j])
				return string(a) < string(b)
			})
		}
	case []any:
		for _, x := range v {
			dropRecordedAt(x)
		}
	}
}
