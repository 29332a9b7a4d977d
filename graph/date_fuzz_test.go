package graph

import "testing"

// FuzzParseDate: no panic; a date read is written back as a string that
// reads as the same date.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024", "2024-10", "2024-10-01", "2024-10-01T08:00:00Z", "9999-12-31", "0000-01-01", "2024-02-30", " 2024-1-1 ", "10000-01-02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil {
			t.Fatalf("%q read as %v, which does not read back: %v", s, d, err)
		}
		if back != d {
			t.Fatalf("%q read as %v, read back as %v", s, d, back)
		}
	})
}
