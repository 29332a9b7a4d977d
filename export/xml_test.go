package export

import (
	"bytes"
	"encoding/xml"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/store"
)

// GraphML as networkx reads it back.
type gmlDoc struct {
	XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
	Keys    []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string    `xml:"edgedefault,attr"`
		Nodes       []gmlElem `xml:"node"`
		Edges       []gmlElem `xml:"edge"`
	} `xml:"graph"`
}

type gmlElem struct {
	ID       string `xml:"id,attr"`
	Source   string `xml:"source,attr"`
	Target   string `xml:"target,attr"`
	Directed string `xml:"directed,attr"`
	Data     []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

func (e gmlElem) data(key string) string {
	for _, d := range e.Data {
		if d.Key == key {
			return d.Value
		}
	}
	return ""
}

func TestGraphML(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "graphml", Filter{}, false)
	require.Equal(t, 9, n)
	var doc gmlDoc
	require.NoError(t, xml.Unmarshal(out, &doc))
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.For+"/"+k.Name] = k.Type
		require.Equal(t, k.For[:1]+"_"+k.Name, k.ID)
	}
	require.Equal(t, "double", types["edge/confidence"])
	require.Equal(t, "boolean", types["edge/ended"])
	require.Equal(t, "long", types["edge/source_count"])
	require.Equal(t, "string", types["edge/start"])
	require.Equal(t, "string", types["node/label"])
	require.Equal(t, "directed", doc.Graph.EdgeDefault)

	nodes := map[string]gmlElem{}
	for _, nd := range doc.Graph.Nodes {
		nodes[nd.ID] = nd
	}
	require.Len(t, nodes, 9)
	require.Equal(t, `Jean "Jacques" O'Neil, Jr.`, nodes[oneil.ID].data("n_label"))
	require.Equal(t, "Putin", nodes[putin.ID].data("n_aliases"))
	edges := map[string]gmlElem{}
	for _, e := range doc.Graph.Edges {
		require.Contains(t, nodes, e.Source, "edges join declared nodes")
		require.Contains(t, nodes, e.Target)
		edges[e.ID] = e
	}
	require.Len(t, edges, 9)
	met := edges[ids["putin-xi"]]
	require.Equal(t, "", met.Directed, "networkx refuses undirected edges in a directed graph")
	require.Equal(t, "met", met.data("e_label"))
	require.Equal(t, "2024-05-16", met.data("e_date"))
	require.Equal(t, "0.85", met.data("e_confidence"))
	require.Equal(t, "2", met.data("e_source_count"))
	lead := edges[ids["rutte-nl"]]
	require.Equal(t, rutte.ID, lead.Source)
	require.Equal(t, nl.ID, lead.Target)
	require.Equal(t, "", lead.Directed)
	require.Equal(t, "2010-10-14", lead.data("e_start"))
	require.Equal(t, "2024-07-02", lead.data("e_end"))
	require.Equal(t, "true", lead.data("e_ended"))
	require.Equal(t, "O'Neil criticized Rutte in November,\nsaying \"enough\".", edges[ids["oneil-rutte"]].data("e_source_sentence"))

	// A filtered graph declares only the nodes its edges use.
	out, n = run(t, s, "graphml", Filter{Predicate: graph.Met}, false)
	require.Equal(t, 2, n)
	doc = gmlDoc{}
	require.NoError(t, xml.Unmarshal(out, &doc))
	require.Len(t, doc.Graph.Nodes, 4)
}

// GEXF as Gephi reads it.
type gexfDoc struct {
	XMLName xml.Name `xml:"http://www.gexf.net/1.2draft gexf"`
	Version string   `xml:"version,attr"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Attrs []struct {
				ID   string `xml:"id,attr"`
				Type string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID    string `xml:"id,attr"`
			Label string `xml:"label,attr"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Type   string `xml:"type,attr"`
			Start  string `xml:"start,attr"`
			End    string `xml:"end,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func TestGEXF(t *testing.T) {
	s, ids := fixture(t, store.MemoryDSN)
	out, n := run(t, s, "gexf", Filter{}, false)
	require.Equal(t, 9, n)
	require.True(t, bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)))
	var doc gexfDoc
	require.NoError(t, xml.Unmarshal(out, &doc))
	require.Equal(t, "1.2", doc.Version)
	require.Equal(t, "dynamic", doc.Graph.Mode)
	require.Equal(t, "date", doc.Graph.TimeFormat)
	attrType := map[string]string{}
	for _, a := range doc.Graph.Attributes {
		for _, at := range a.Attrs {
			attrType[a.Class+"/"+at.ID] = at.Type
		}
	}
	require.Equal(t, "double", attrType["edge/confidence"])
	require.Equal(t, "string", attrType["node/type"])
	labels := map[string]string{}
	for _, nd := range doc.Graph.Nodes {
		labels[nd.ID] = nd.Label
	}
	require.Equal(t, "Владимир Путин", labels[putin.ID])
	type span struct{ typ, start, end string }
	got := map[string]span{}
	for _, e := range doc.Graph.Edges {
		require.Contains(t, labels, e.Source)
		require.Contains(t, labels, e.Target)
		got[e.ID] = span{e.Type, e.Start, e.End}
		for _, v := range e.Values {
			require.Contains(t, attrType, "edge/"+v.For, "attvalues use declared attributes")
		}
	}
	require.Equal(t, map[string]span{
		ids["putin-xi"]:    {"", "2024-05-16", "2024-05-16"}, // an event is its day
		ids["oneil-rutte"]: {"", "2024-11-01", "2024-11-30"}, // or its month
		ids["rutte-oneil"]: {"", "2023-03-01", "2023-03-01"},
		ids["rutte-nl"]:    {"", "2010-10-14", "2024-07-01"}, // the end is exclusive
		ids["rutte-nato"]:  {"", "2024-10-01", ""},           // still in office
		ids["stolt-nato"]:  {"", "2014-10-01", "2024-09-30"}, // ends where the successor starts
		ids["nl-nato"]:     {"", "1949-01-01", ""},
		ids["putin-ru"]:    {"", "2012-05-07", ""},
		ids["xi-cn"]:       {"", "2013-03-14", ""},
	}, got)
}

func TestInterval(t *testing.T) {
	pub := graph.DayOf(2024, time.March, 5)
	former := graph.Fact{Predicate: graph.Leads, Start: graph.YearOf(2010), Ended: true,
		Sources: []graph.Source{{Published: graph.DayOf(2024, time.June, 1)}, {Published: pub}}}
	s, e := interval(former)
	require.Equal(t, "2010-01-01", s)
	require.Equal(t, "2024-03-04", e, "an ended state closes before its first report")
	backwards := graph.Fact{Predicate: graph.Leads, Start: graph.DayOf(2024, time.May, 1), End: graph.DayOf(2024, time.May, 1)}
	s, e = interval(backwards)
	require.Equal(t, "2024-05-01", s)
	require.Equal(t, "", e, "an empty interval keeps its start only")
	s, e = interval(graph.Fact{Predicate: graph.Met})
	require.Equal(t, [2]string{"", ""}, [2]string{s, e})
}
