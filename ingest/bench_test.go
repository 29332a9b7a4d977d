package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/ingest/extract"
	"github.com/geokg/geokg/ingest/resolve"
	"github.com/geokg/geokg/store"
)

// genCorpus writes n generated news articles, each a few paragraphs of
// varied sentences about leaders, countries and organizations, to a JSONL
// file and returns its path.
func genCorpus(tb testing.TB, dir string, n int) string {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	people := []string{"Anna Lindqvist", "Marco Bellini", "Kenji Watanabe", "Amara Okafor", "Pierre Dubois",
		"Elena Petrova", "Rahul Mehta", "Sofia Alvarez", "Tomasz Nowak", "Lars Eriksen", "Hana Kim", "Omar Haddad"}
	countries := []string{"France", "Germany", "Japan", "India", "Brazil", "Poland", "Kenya", "Canada", "Turkey", "Indonesia"}
	orgs := []string{"NATO", "the European Union", "the United Nations", "the African Union", "ASEAN"}
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	templates := []func() string{
		func() string {
			return fmt.Sprintf("%s Prime Minister %s met President %s of %s in %s on %s.", pick(countries), pick(people), pick(people), pick(countries), pick(countries), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s criticized %s over its trade policy on %s.", pick(people), pick(countries), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s imposed sanctions on %s on %s.", pick(orgs), pick(countries), pick(days))
		},
		func() string {
			return fmt.Sprintf("%s was sworn in as president of %s on %s, succeeding %s.", pick(people), pick(countries), pick(days), pick(people))
		},
		func() string {
			return fmt.Sprintf("%s and %s signed an agreement on energy cooperation in October 2024.", pick(countries), pick(countries))
		},
		func() string {
			return fmt.Sprintf("Officials said the talks would continue next month, and markets in %s were calm.", pick(countries))
		},
	}
	f, err := os.Create(filepath.Join(dir, "corpus.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var paras []string
		for range 4 {
			var sents []string
			for range 4 {
				sents = append(sents, templates[r.IntN(len(templates))]())
			}
			paras = append(paras, strings.Join(sents, " "))
		}
		rec := map[string]string{
			"id":        fmt.Sprintf("gen-%05d", i),
			"title":     fmt.Sprintf("Generated article %d", i),
			"published": base.AddDate(0, 0, i%700).Format("2006-01-02"),
			"text":      strings.Join(paras, "\n"),
		}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
	}
	return f.Name()
}

// BenchmarkIngestBbolt ingests a generated corpus of 1,000 articles into a
// fresh bbolt store with the real extractor and reports articles per second.
func BenchmarkIngestBbolt(b *testing.B) {
	const n = 1000
	corpus := genCorpus(b, b.TempDir(), n)
	ex, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	res, err := resolve.New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var facts int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("db%d", i)), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		p := &Pipeline{Store: st, Extractor: ex, Resolver: res}
		b.StartTimer()
		sum, err := p.Run(ctx, []string{corpus}, nil, ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if sum.New != n || sum.Errors != 0 {
			b.Fatalf("summary %v", sum)
		}
		facts = sum.FactsAdded
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(facts), "facts/run")
}
