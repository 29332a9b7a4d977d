package feed

import "testing"

// FuzzParse: no panic; a feed that parses has items with an ID each.
func FuzzParse(f *testing.F) {
	f.Add([]byte(rssDoc))
	f.Add([]byte(atomDoc))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>`))
	f.Add([]byte(`<rss><channel><item><pubDate>Fri, 31 Dec 9999 23:59:59 GMT</pubDate><description><![CDATA[<p>x</p>]]></description></item></channel></rss>`))
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
	})
}
