package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

// faultCorpus writes n articles, each naming people of its own (so that
// every one adds to the store), as one JSONL file; it returns the path
// and the article IDs in file order.
func faultCorpus(t *testing.T, n int) (string, []string) {
	t.Helper()
	var b strings.Builder
	var ids []string
	for i := range n {
		id := fmt.Sprintf("df-%04d", i)
		text := fmt.Sprintf("Prime Minister Anna Berg%d of Sweden met President Jonas Lind%d of Finland in Helsinki on 3 March 2024. "+
			"Foreign Minister Erik Dahl%d criticized Russia on Monday, report %d.", i, i, i, i)
		line, err := json.Marshal(map[string]string{"id": id, "published": "2024-03-05", "text": text})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
		ids = append(ids, id)
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path, ids
}

// mountTmpfs mounts a tmpfs of size bytes on a fresh directory, or skips
// the test saying why it cannot.
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("disk-full test: needs Linux to mount a small tmpfs")
	}
	if os.Geteuid() != 0 {
		t.Skip("disk-full test: needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+strconv.Itoa(size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("disk-full test: cannot mount a tmpfs here (%v: %s)", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// exportedArticles returns the IDs of the articles the facts of a JSONL
// export cite, sorted.
func exportedArticles(t *testing.T, export string) []string {
	t.Helper()
	seen := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(export), "\n") {
		if l == "" {
			continue
		}
		var f struct {
			Sources []struct {
				Article string `json:"article"`
			} `json:"sources"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &f), "%s", l)
		for _, s := range f.Sources {
			seen[s.Article] = true
		}
	}
	var ids []string
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// badValues is the end of what `geokg check` prints when it found bad
// values (and no damaged page).
var badValues = regexp.MustCompile(`(?m)^geokg: check: \d+ bad values; run 'geokg check --repair' to remove them$`)

// newArticles reads N from the summary line's "new N".
var newArticles = regexp.MustCompile(`new (\d+),`)

// TestIngestDiskFull ingests into a store on a 1 MiB tmpfs that fills
// long before the input ends: ingest stops at the first failed write
// with one clear error and a non-zero exit, and the store still opens,
// passes `geokg check` and exports exactly the articles reported stored —
// the first ones of the file.
func TestIngestDiskFull(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary on a mounted tmpfs; skipped with -short")
	}
	dir := mountTmpfs(t, 1<<20)
	bin := geokgBin(t)
	corpus, ids := faultCorpus(t, 400)
	db := filepath.Join(dir, "db")

	cmd := exec.Command(bin, "--db", db, "ingest", corpus)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.Error(t, err, "ingest on a full disk must fail; stdout: %s", stdout.String())
	errText := strings.TrimSpace(stderr.String())
	require.Regexp(t, `^geokg: no space left on device: ingest stopped at .*corpus\.jsonl:\d+; the articles before it are stored$`, errText,
		"one clear error, nothing per article")
	require.NotContains(t, errText, "goroutine ")
	m := newArticles.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, "the summary is printed: %s", stdout.String())
	stored, _ := strconv.Atoi(m[1])
	require.Positive(t, stored, "some articles fit")
	require.Less(t, stored, len(ids), "the disk filled before the end")

	out, err := exec.Command(bin, "--db", db, "check").CombinedOutput()
	require.NoError(t, err, "check after a full disk: %s", out)
	require.Contains(t, string(out), "no bad values")
	var export bytes.Buffer
	cmd = exec.Command(bin, "--db", db, "export", "--format", "jsonl")
	cmd.Stdout, cmd.Stderr = &export, &stderr
	require.NoError(t, cmd.Run(), "export after a full disk: %s", stderr.String())
	require.Equal(t, ids[:stored], exportedArticles(t, export.String()),
		"the store holds exactly the articles reported stored")
	t.Logf("disk full after %d of %d articles: one error line, exit 1; the store opens, checks clean and exports those %d articles",
		stored, len(ids), stored)
}

// damageCase is one way of damaging a store file.
type damageCase struct {
	name   string
	damage func(data []byte) []byte
}

// faultCasesEnv names the number of byte-flip cases of
// TestDamagedStoreCLI; the README figure uses 14, the default keeps the
// suite fast.
const faultCasesEnv = "GEOKG_FAULT_FLIPS"

// inlineMeta is how Cayley's bucket "meta" starts in a store's file: its
// key, its bucket header (root page 0: kept inline in the value;
// sequence 0), then its page's header: id 0, leaf flags.
var inlineMeta = append([]byte("meta"), append(make([]byte, 24), 0x02, 0x00)...)

// damageCases cuts the file at six sizes, zeroes the page of an inline
// bucket (what made bbolt loop for ever in the hangs the flips found),
// and flips bytes of its pages in use at seeded random places, in
// flipSeeds ways.
func damageCases(data []byte, pageSize, flipSeeds int) []damageCase {
	var cases []damageCase
	for _, size := range []int{0, pageSize, 2 * pageSize, 4 * pageSize, len(data) / 2, len(data) - pageSize} {
		cases = append(cases, damageCase{fmt.Sprintf("truncated to %d bytes", size),
			func(d []byte) []byte { return d[:size] }})
	}
	// A flipped byte of a key size made bbolt read an inline bucket from
	// zero bytes: a page neither leaf nor branch, which bbolt reads as a
	// branch page whose first child is itself. Here the bucket Cayley
	// reads first, every copy of it in the file (freed pages keep old ones).
	cases = append(cases, damageCase{"the page of the inline bucket meta zeroed", func(d []byte) []byte {
		for at := bytes.Index(d, inlineMeta); at >= 0; at = bytes.Index(d, inlineMeta) {
			page := at + len("meta") + 16
			clear(d[page : page+32]) // its header and its first element
		}
		return d
	}})
	var used []int // pages past the two meta pages that hold data
	for p := 2 * pageSize; p+pageSize <= len(data); p += pageSize {
		if bytes.ContainsFunc(data[p:p+pageSize], func(r rune) bool { return r != 0 }) {
			used = append(used, p)
		}
	}
	for seed := range flipSeeds {
		flips := []int{1, 8, 64}[seed%3]
		cases = append(cases, damageCase{fmt.Sprintf("%d bytes flipped (seed %d)", flips, seed), func(d []byte) []byte {
			rng := rand.New(rand.NewSource(int64(seed)))
			for range flips {
				d[used[rng.Intn(len(used))]+rng.Intn(pageSize)] ^= 0xFF
			}
			return d
		}})
	}
	return cases
}

// TestDamagedStoreCLI damages a store file (cut short, bytes flipped) in
// 12 ways (20 with GEOKG_FAULT_FLIPS=14) and runs export, query, ingest and check on each: every command
// either works or says "damaged store", names the file and points to
// `geokg check` — never a Go panic or stack dump — and check reports the
// damage it finds.
func TestDamagedStoreCLI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary 48 times; skipped with -short")
	}
	if raceEnabled {
		// Under -race, bbolt reading a damaged page trips checkptr, a
		// fatal error no program can recover from; the binary users run
		// has no checkptr. The test command runs this test again
		// without -race (README, .ci/run).
		t.Skip("a race-detector build cannot survive a damaged page (checkptr); run without -race")
	}
	bin := geokgBin(t)
	corpus, _ := faultCorpus(t, 120)
	base := t.TempDir()
	clean := filepath.Join(base, "clean")
	out, err := exec.Command(bin, "--db", clean, "ingest", corpus).CombinedOutput()
	require.NoError(t, err, "%s", out)
	data, err := os.ReadFile(filepath.Join(clean, store.BoltFile))
	require.NoError(t, err)
	require.Contains(t, string(data), string(inlineMeta), "the store keeps Cayley's meta bucket inline")
	article := filepath.Join(base, "one.jsonl")
	require.NoError(t, os.WriteFile(article, []byte(`{"id":"after","published":"2025-03-01","text":"Mark Rutte met Keir Starmer in London on Friday."}`+"\n"), 0o644))

	commands := [][]string{
		{"export", "--format", "jsonl", "-o", filepath.Join(base, "out.jsonl")},
		{"query", "facts"},
		{"ingest", article},
		{"check"},
	}
	counts := map[string]int{}
	flips := 6
	if v := os.Getenv(faultCasesEnv); v != "" {
		var err error
		flips, err = strconv.Atoi(v)
		require.NoError(t, err, "%s", faultCasesEnv)
	}
	cases := damageCases(data, os.Getpagesize(), flips)
	for i, c := range cases {
		db := filepath.Join(base, fmt.Sprintf("d%02d", i))
		require.NoError(t, os.MkdirAll(db, 0o755))
		file := filepath.Join(db, store.BoltFile)
		require.NoError(t, os.WriteFile(file, c.damage(bytes.Clone(data)), 0o644))
		for _, args := range commands {
			// A guard against a hang, not a speed check: generous for a
			// loaded machine.
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			out, err := exec.CommandContext(ctx, bin, append([]string{"--db", db}, args...)...).CombinedOutput()
			require.NotErrorIs(t, ctx.Err(), context.DeadlineExceeded, "%s: geokg %s still running after 3 minutes", c.name, args[0])
			cancel()
			text := string(out)
			require.NotContains(t, text, "goroutine ", "%s: geokg %s: a stack dump:\n%s", c.name, args[0], text)
			require.NotContains(t, text, "panic:", "%s: geokg %s", c.name, args[0])
			if err == nil {
				counts["worked"]++
				continue
			}
			if args[0] == "check" && badValues.MatchString(text) {
				// Pages whole, but a flipped byte of a record left a
				// value that does not read back (a quad without its
				// object): check lists it, as it should.
				counts["bad values"]++
				counts["found by check"]++
				continue
			}
			require.Contains(t, text, "damaged store", "%s: geokg %s: %s", c.name, args[0], text)
			require.Contains(t, text, file, "%s: geokg %s names the file", c.name, args[0])
			if args[0] != "check" {
				require.Contains(t, text, "run geokg check", "%s: geokg %s", c.name, args[0])
			}
			counts["damaged store"]++
			if args[0] == "check" {
				counts["found by check"]++
			}
		}
	}
	t.Logf("%d damaged stores x %d commands: %d worked, %d said \"damaged store\", check listed bad values in %d (check found damage in %d stores); no panic, no hang",
		len(cases), len(commands), counts["worked"], counts["damaged store"], counts["bad values"], counts["found by check"])
}
