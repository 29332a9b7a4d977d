package extract

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/graph"
)

// gazetteerWith returns the embedded gazetteer with the file name
// replaced by text.
func gazetteerWith(t *testing.T, name, text string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.Gazetteer, "gazetteer", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.Gazetteer, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m["gazetteer/"+name] = &fstest.MapFile{Data: []byte(text)}
	return m
}

// TestGazetteerPlacesAndMovementsChecked: a place must lie in a country of
// countries.tsv and may not take a country's name ("Georgia" stays the
// country); a movement's country must be a code of countries.tsv, and a
// sector needs a country.
func TestGazetteerPlacesAndMovementsChecked(t *testing.T) {
	for _, c := range []struct{ name, file, text string }{
		{"place in no country", "places.tsv", "Kharkiv\t\tRuritania\n"},
		{"place named as a country", "places.tsv", "Georgia\t\tUnited States\n"},
		{"place named as a capital", "places.tsv", "Moscow\t\tUnited States\n"},
		{"alias named as a country", "places.tsv", "Chhattisgarh\tIndia\tIndia\n"},
		{"movement of an unknown code", "organizations.tsv", "Northern Front\t\t\tleader\tXYZ\tREB\n"},
		{"sector with no country", "organizations.tsv", "Northern Front\t\t\tleader\t\tREB\n"},
		{"one country's title of no country", "offices.tsv", "Prime Minister\thead\tprime minister\t\t\ttaoiseach=Ruritania\n"},
		{"one country's title with no country", "offices.tsv", "Prime Minister\thead\tprime minister\t\t\ttaoiseach\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadGazetteer(gazetteerWith(t, c.file, c.text))
			if !errors.Is(err, ErrGazetteer) {
				t.Fatalf("got %v, want ErrGazetteer", err)
			}
		})
	}
	if _, err := loadGazetteer(gazetteerWith(t, "places.tsv", "Kharkiv\tKharkov\tUkraine\n")); err != nil {
		t.Fatal(err)
	}
}

// TestPlacesAndCaseReading: a place of places.tsv is a place with its
// country, never inside a longer name; a country's name or adjective is
// read in any case unless common_words.tsv lists it; persons keep their
// capitals.
func TestPlacesAndCaseReading(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, word string
		kind       byte
		name, in   string
	}{
		{"Shells fell on Kharkiv overnight.", "Kharkiv", kPlace, "Kharkiv", "Ukraine"},
		{"Shells fell on Kharkov overnight.", "Kharkov", kPlace, "Kharkiv", "Ukraine"},
		{"Troops landed in New Mexico overnight.", "New Mexico", kPlace, "New Mexico", "United States"},
		{"Police detained activists in Georgia overnight.", "Georgia", kCountry, "Georgia", ""},
		{"Alaska Airlines cancelled flights overnight.", "Alaska", 0, "", ""},
		{"Officials said tunisian rioters fled.", "tunisian", kCountry, "Tunisia", ""},
		{"Officials said iSrael protested.", "iSrael", kCountry, "Israel", ""},
		{"Officials said chinese officials protested.", "chinese", kCountry, "China", ""},
		{"Officials said the turkey was roasted.", "turkey", 0, "", ""},
		{"Officials said the china cups broke.", "china", 0, "", ""},
		{"Officials said chad was torn.", "chad", 0, "", ""},
		{"Officials said jordan rivers ran dry.", "jordan", 0, "", ""},
		{"Officials said guinea pigs escaped.", "guinea", 0, "", ""},
	} {
		t.Run(c.text, func(t *testing.T) {
			d := newDoc(g, graph.DayOf(2025, time.March, 1))
			var got *unit
			for _, u := range d.buildUnits(c.text, 0) {
				if u.text == c.word || u.text == "the "+c.word {
					got = u
				}
			}
			if c.kind == 0 {
				if got != nil && got.kind != kWord {
					t.Fatalf("%q read as %c %v", c.word, got.kind, got.ref)
				}
				return
			}
			if got == nil || got.kind != c.kind || got.ref == nil || got.ref.name != c.name {
				t.Fatalf("%q: got %+v, want %c %s", c.word, got, c.kind, c.name)
			}
			if in := ""; c.in != "" || got.in != nil {
				if got.in != nil {
					in = got.in.name
				}
				if in != c.in {
					t.Fatalf("%q lies in %q, want %q", c.word, in, c.in)
				}
			}
		})
	}
}
