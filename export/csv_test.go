package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// readCSV parses out with encoding/csv (strict quoting) into maps by header.
func readCSV(t *testing.T, out []byte) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(out))
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	var recs []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		recs = append(recs, m)
	}
	return recs
}

func TestCSVFacts(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "csv", Filter{}, false)
	require.Equal(t, 9, n)
	require.Contains(t, string(out), "\r\n", "RFC 4180 line ends")
	recs := readCSV(t, out)
	require.Len(t, recs, 9)
	byID := map[string]map[string]string{}
	for _, r := range recs {
		byID[r["id"]] = r
	}

	crit := byID[ids["oneil-rutte"]]
	require.Equal(t, `Jean "Jacques" O'Neil, Jr.`, crit["subject"])
	require.Equal(t, "Mark Rutte", crit["object"])
	require.Equal(t, "2024-11", crit["date"])
	require.Equal(t, "month", crit["date_precision"])
	require.Equal(t, "0.5", crit["confidence"])
	require.Equal(t, "O'Neil criticized Rutte in November,\nsaying \"enough\".", crit["source_sentence"])
	require.Equal(t, "1", crit["source_count"])

	met := byID[ids["putin-xi"]]
	require.Equal(t, "Владимир Путин", met["subject"])
	require.Equal(t, "習近平", met["object"])
	require.Equal(t, "2", met["source_count"])
	require.Equal(t, "n2", met["source_article"], "the first source is the earliest recorded")
	require.Equal(t, "2024-05-16", met["source_published"])
	require.Equal(t, "Beijing", met["location"])

	nlLead := byID[ids["rutte-nl"]]
	require.Equal(t, "2010-10-14", nlLead["start"])
	require.Equal(t, "2024-07-02", nlLead["end"])
	require.Equal(t, "true", nlLead["ended"])
	require.Equal(t, "https://example.org/n1?a=1&b=2", nlLead["source_url"])
	require.Equal(t, "NATO, again", nlLead["source_title"])
	require.Equal(t, `He became prime minister on 14 October 2010.; His cabinet "fell"; he left on 2 July 2024.`, nlLead["source_time_sentences"],
		"the sentences that gave the dates, beside the one that states the fact")
	require.Equal(t, "", crit["source_time_sentences"])
}

func TestCSVEntities(t *testing.T) {
	s, _ := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "csv", Filter{Entity: "Putin"}, true)
	require.Equal(t, 3, n)
	recs := readCSV(t, out)
	require.Equal(t, []map[string]string{
		{"id": "country/russia", "name": "Russia", "type": "country", "aliases": "", "code": "RUS"},
		{"id": putin.ID, "name": "Владимир Путин", "type": "person", "aliases": "Putin", "code": ""},
		{"id": xi.ID, "name": "習近平", "type": "person", "aliases": "Xi Jinping", "code": ""},
	}, recs)
}

func TestEvents(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "events", Filter{}, false)
	require.Equal(t, 4, n, "events only, one row per source article: the meeting in Beijing has two")
	header, _, _ := strings.Cut(string(out), "\r\n")
	require.True(t, strings.HasPrefix(header, "event_id,event_date,date_precision,source_actor,"), header)
	require.True(t, strings.HasSuffix(header, ",sentence,url,article,published,plover_event,plover_mode,"+
		"source_country_code,target_country_code,source_sector,target_sector,claim_date,claim_confidence"), "new columns at the end: %s", header)
	recs := readCSV(t, out)
	byID := map[string]map[string]string{}
	byArticle := map[string]map[string]string{}
	for _, r := range recs {
		if _, ok := byID[r["event_id"]]; !ok {
			byID[r["event_id"]] = r
		}
		byArticle[r["event_id"]+"/"+r["article"]] = r
	}
	met := byArticle[ids["putin-xi"]+"/n2"]
	require.Equal(t, map[string]string{
		"event_id": ids["putin-xi"], "event_date": "2024-05-16", "date_precision": "day", "uncertain": "false",
		"source_actor": "Владимир Путин", "source_actor_id": putin.ID, "source_actor_type": "person", "source_country": "Russia",
		"predicate": "met", "cameo_code": "040",
		"target_actor": "習近平", "target_actor_id": xi.ID, "target_actor_type": "person", "target_country": "China",
		"location": "Beijing", "confidence": "0.85", "combined_confidence": "0.93", "source_count": "2",
		"sentence": "Путин met 習近平 in Beijing on Thursday.", "url": "https://example.org/n2", "article": "n2", "published": "2024-05-16",
		"plover_event": "CONSULT", "plover_mode": "",
		"source_country_code": "RUS", "target_country_code": "CHN", "source_sector": "", "target_sector": "",
		"claim_date": "2024-05-16", "claim_confidence": "0.85",
	}, met)
	// The second article's row: the same event and figures, its own story.
	met3 := byArticle[ids["putin-xi"]+"/n3"]
	require.Equal(t, []string{"The two leaders met in Beijing.", "", "n3", "2024-11-20", "0.93", "2"},
		[]string{met3["sentence"], met3["url"], met3["article"], met3["published"], met3["combined_confidence"], met3["source_count"]})
	// Rutte led the Netherlands in March 2023, and in November 2024 (after
	// his term, leading NATO) he still stands for it: one actor, one country
	// on every row.
	require.Equal(t, "Netherlands", byID[ids["rutte-oneil"]]["source_country"])
	require.Equal(t, "Netherlands", byID[ids["oneil-rutte"]]["target_country"])
	require.Equal(t, "111", byID[ids["oneil-rutte"]]["cameo_code"])
	require.Equal(t, "DISAPPROVE", byID[ids["oneil-rutte"]]["plover_event"])

	_, n = run(t, s, "events", Filter{Predicate: graph.Leads}, false)
	require.Zero(t, n)
}

// TestEventsParquet: the events table as Parquet holds the CSV table's rows
// with typed columns, the CAMEO code a string column ("040", not 40).
func TestEventsParquet(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	csvOut, _ := run(t, s, "events", Filter{}, false)
	out, n := run(t, s, "events-parquet", Filter{}, false)
	require.Equal(t, 4, n)
	f, rows := readParquet[eventRow](t, out)
	col, ok := f.Schema().Lookup("cameo_code")
	require.True(t, ok)
	require.Equal(t, parquet.ByteArray, col.Node.Type().Kind(), "cameo_code is a string column")
	var got [][]string
	for _, r := range rows {
		got = append(got, r.csv(nil))
	}
	want := readCSVRows(t, csvOut)
	require.Equal(t, want, got, "the same rows as the CSV table")
	for _, r := range rows {
		if r.EventID == ids["putin-xi"] {
			require.Equal(t, "040", r.CAMEOCode)
		}
	}
}

// readCSVRows returns the data rows of a CSV table (no header).
func readCSVRows(t *testing.T, out []byte) [][]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	return recs[1:]
}
