// Command simcorpus writes a simulated world's articles as JSONL to
// standard output, for benchmarks of `geokg ingest` as a whole process:
//
//	go run ./internal/simworld/simcorpus -articles 10000 > /tmp/sim10k.jsonl
//	go run ./internal/simworld/simcorpus -articles 100000 -events-per-article 10 > /tmp/sim1m.jsonl
//	/usr/bin/time -v geokg --db /tmp/db ingest /tmp/sim10k.jsonl
//
// The same seed and size always give the same articles.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/geokg/geokg/internal/simworld"
)

func main() {
	n := flag.Int("articles", 1000, "how many articles to write")
	seed := flag.Uint64("seed", 1, "the world's seed")
	events := flag.Int("events-per-article", 1, "events each article reports (its lead and a round-up of the week's others)")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	if err := simworld.New(*seed, simworld.Options{Articles: *n, EventsPerArticle: *events}).WriteArticles(out); err != nil {
		fmt.Fprintln(os.Stderr, "simcorpus:", err)
		os.Exit(1)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "simcorpus:", err)
		os.Exit(1)
	}
}
