package export

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/store"
)

// What a reader of facts.parquet declares; the file has more columns.
type pqSource struct {
	Article   string   `parquet:"article"`
	URL       *string  `parquet:"url"`
	Published *int32   `parquet:"published,date"`
	PubPrec   *string  `parquet:"published_precision"`
	Sentence  string   `parquet:"sentence"`
	TimeSents []string `parquet:"time_sentences,list"`
}

type pqFact struct {
	ID             string     `parquet:"id"`
	Subject        string     `parquet:"subject"`
	Object         string     `parquet:"object"`
	Role           *string    `parquet:"role"`
	Start          *int32     `parquet:"start,date"`
	StartPrecision *string    `parquet:"start_precision"`
	End            *int32     `parquet:"end,date"`
	Date           *int32     `parquet:"date,date"`
	DatePrecision  *string    `parquet:"date_precision"`
	Ended          bool       `parquet:"ended"`
	Confidence     float64    `parquet:"confidence"`
	RecordedAt     *int64     `parquet:"recorded_at,timestamp(microsecond)"`
	Sources        []pqSource `parquet:"sources,list"`
}

type pqEntity struct {
	ID      string   `parquet:"id"`
	Name    string   `parquet:"name"`
	Type    string   `parquet:"type"`
	Aliases []string `parquet:"aliases,list"`
}

// readParquet opens out and returns its file and rows.
func readParquet[T any](t *testing.T, out []byte) (*parquet.File, []T) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(out), int64(len(out)))
	require.NoError(t, err)
	r := parquet.NewGenericReader[T](f)
	defer r.Close()
	rows := make([]T, f.NumRows())
	n, err := r.Read(rows)
	if err != io.EOF {
		require.NoError(t, err)
	}
	require.Equal(t, len(rows), n)
	return f, rows
}

func days(y int, m time.Month, d int) int32 {
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func TestParquetFacts(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "parquet", Filter{}, false)
	require.Equal(t, 9, n)
	f, rows := readParquet[pqFact](t, out)
	require.EqualValues(t, 9, f.NumRows())

	// The file's own types, as DuckDB and pandas see them.
	leaf := func(path ...string) parquet.Type {
		col, ok := f.Schema().Lookup(path...)
		require.True(t, ok, "column %v", path)
		return col.Node.Type()
	}
	for _, c := range []string{"start", "end", "date"} {
		require.Equal(t, "DATE", leaf(c).LogicalType().String(), "%s is a DATE", c)
		require.Equal(t, "STRING", leaf(c+"_precision").LogicalType().String(), "%s_precision is a string", c)
	}
	require.Equal(t, parquet.Double, leaf("confidence").Kind())
	require.Equal(t, parquet.Boolean, leaf("ended").Kind())
	require.Equal(t, "TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)", leaf("recorded_at").LogicalType().String())
	require.Equal(t, "DATE", leaf("sources", "list", "element", "published").LogicalType().String())
	sources, ok := f.Schema().Lookup("sources", "list", "element", "sentence")
	require.True(t, ok)
	require.Equal(t, 1, sources.MaxRepetitionLevel, "sources is a list of structs")
	require.Equal(t, "LIST", f.Schema().Fields()[indexOf(t, f.Schema(), "sources")].Type().LogicalType().String())

	byID := map[string]pqFact{}
	for _, r := range rows {
		byID[r.ID] = r
	}
	lead := byID[ids["rutte-nato"]]
	require.Equal(t, "Mark Rutte", lead.Subject)
	require.Equal(t, days(2024, time.October, 1), *lead.Start)
	require.Equal(t, "month", *lead.StartPrecision)
	require.Nil(t, lead.End)
	require.Nil(t, lead.Date)
	require.Equal(t, "Secretary General", *lead.Role)
	require.InDelta(t, 0.9, lead.Confidence, 1e-12)
	require.Equal(t, testNow.Truncate(time.Second).UnixMicro(), *lead.RecordedAt, "Record keeps seconds")

	met := byID[ids["putin-xi"]]
	require.Equal(t, "習近平", met.Object)
	require.Equal(t, days(2024, time.May, 16), *met.Date)
	require.Equal(t, "day", *met.DatePrecision)
	require.Nil(t, met.Role)
	require.Len(t, met.Sources, 2)
	require.Equal(t, "n2", met.Sources[0].Article)
	require.Equal(t, "https://example.org/n2", *met.Sources[0].URL)
	require.Equal(t, days(2024, time.May, 16), *met.Sources[0].Published)
	require.Equal(t, "day", *met.Sources[0].PubPrec)
	require.Nil(t, met.Sources[1].URL)
	require.Equal(t, "The two leaders met in Beijing.", met.Sources[1].Sentence)
	require.Empty(t, met.Sources[0].TimeSents)
	require.Equal(t, []string{"Putin arrived in Beijing on 16 May 2024."}, met.Sources[1].TimeSents)

	require.True(t, byID[ids["rutte-nl"]].Ended)
	require.Equal(t, days(2024, time.July, 2), *byID[ids["rutte-nl"]].End)
}

func indexOf(t *testing.T, s *parquet.Schema, name string) int {
	for i, f := range s.Fields() {
		if f.Name() == name {
			return i
		}
	}
	t.Fatalf("no column %s", name)
	return -1
}

func TestParquetEntities(t *testing.T) {
	s, _ := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "parquet", Filter{}, true)
	require.Equal(t, 9, n)
	_, rows := readParquet[pqEntity](t, out)
	require.Len(t, rows, 9)
	byName := map[string]pqEntity{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	require.Equal(t, pqEntity{ID: xi.ID, Name: "習近平", Type: "person", Aliases: []string{"Xi Jinping"}}, byName["習近平"])
	require.Empty(t, byName["NATO"].Aliases)
}

func TestCreatedBy(t *testing.T) {
	require.Equal(t, "geokg version v1.2.3 (build abc123)", CreatedBy("v1.2.3", "abc123"))
	require.Equal(t, "geokg version devel", CreatedBy("devel", ""))
	require.Equal(t, "geokg version unknown", CreatedBy("", ""))
}
