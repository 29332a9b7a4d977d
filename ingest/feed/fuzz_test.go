package feed

import (
	"errors"
	"testing"
)

// FuzzParse: no panic; a feed that parses has items with an ID each, and
// each entry it could not read is an error wrapping ErrBadItem.
func FuzzParse(f *testing.F) {
	f.Add([]byte(rssDoc))
	f.Add([]byte(atomDoc))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>`))
	f.Add([]byte(`<rss><channel><item><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate><description><![CDATA[<p>x</p>]]></description></item></channel></rss>`))
	f.Add([]byte("<rss><channel><item><guid>a</guid><description>x</description></item><item><guid>b</guid><description>&#0;</description></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := Parse(data)
		if err != nil {
			return
		}
		if fd.Type != "rss" && fd.Type != "atom" {
			t.Fatalf("type %q", fd.Type)
		}
		for _, it := range fd.Items {
			if it.ID == "" {
				t.Fatalf("item without ID: %+v", it)
			}
		}
		for _, err := range fd.Bad {
			if !errors.Is(err, ErrBadItem) {
				t.Fatalf("bad item error %v", err)
			}
		}
	})
}
