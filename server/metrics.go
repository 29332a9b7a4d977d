package server

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/geokg/geokg/store"
)

// statsTimeout bounds the store count made for a scrape.
const statsTimeout = 10 * time.Second

// Metrics are the server's Prometheus metrics, all named geokg_*, on a
// registry of their own: request latencies per endpoint, the store's
// counts (read on scrape) and the ingest rounds and errors per source.
type Metrics struct {
	reg     *prometheus.Registry
	latency *prometheus.HistogramVec
	rounds  *prometheus.CounterVec
	errs    *prometheus.CounterVec
	counts  *storeCollector
}

// newMetrics registers the metrics; stats counts facts, entities and
// articles for the gauges.
func newMetrics(stats func(context.Context) (store.Stats, error)) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "geokg_http_request_duration_seconds",
			Help:    "Latency of HTTP requests, by endpoint and status code.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"endpoint", "code"}),
		rounds: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_ingest_rounds_total",
			Help: "Ingest rounds run, by source.",
		}, []string{"source"}),
		errs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_ingest_errors_total",
			Help: "Ingest rounds that failed, by source.",
		}, []string{"source"}),
		counts: newStoreCollector(stats),
	}
	m.reg.MustRegister(m.latency, m.rounds, m.errs, m.counts,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{Namespace: "geokg"}))
	return m
}

// observe records one request.
func (m *Metrics) observe(endpoint string, code int, d time.Duration) {
	m.latency.WithLabelValues(endpoint, strconv.Itoa(code)).Observe(d.Seconds())
}

// IngestRound counts one ingest round of source, and an error when err is
// not nil.
func (m *Metrics) IngestRound(source string, err error) {
	m.rounds.WithLabelValues(source).Inc()
	if err != nil {
		m.errs.WithLabelValues(source).Inc()
	}
}

// Registry returns the registry the metrics are on.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// handler serves the metrics in the Prometheus exposition format.
func (m *Metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// storeCollector reads the store's counts on each scrape.
type storeCollector struct {
	stats                 func(context.Context) (store.Stats, error)
	facts, entities, arts *prometheus.Desc
	up                    *prometheus.Desc
}

func newStoreCollector(stats func(context.Context) (store.Stats, error)) *storeCollector {
	return &storeCollector{
		stats:    stats,
		facts:    prometheus.NewDesc("geokg_facts", "Facts in the store.", nil, nil),
		entities: prometheus.NewDesc("geokg_entities", "Entities in the store.", nil, nil),
		arts:     prometheus.NewDesc("geokg_articles", "Articles in the store.", nil, nil),
		up:       prometheus.NewDesc("geokg_store_up", "1 when the store could be read at the last scrape.", nil, nil),
	}
}

// Describe sends the descriptions of the store's gauges.
func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.facts
	ch <- c.entities
	ch <- c.arts
	ch <- c.up
}

// Collect reads the store's counts; when the store cannot be read (locked
// by a writer), only geokg_store_up 0 is sent.
func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), statsTimeout)
	defer cancel()
	n, err := c.stats(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.up, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(c.facts, prometheus.GaugeValue, float64(n.Facts))
	ch <- prometheus.MustNewConstMetric(c.entities, prometheus.GaugeValue, float64(n.Entities))
	ch <- prometheus.MustNewConstMetric(c.arts, prometheus.GaugeValue, float64(n.Articles))
}
