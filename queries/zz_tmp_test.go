package queries

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/geokg/geokg/store"
)

func TestZZTimeline(t *testing.T) {
	db := os.Getenv("ZZDB")
	if db == "" {
		t.Skip()
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	e := NewWithOptions(st, Options{Evidence: true})
	for _, who := range []string{os.Getenv("ZZWHO")} {
		for range 5 {
			t0 := time.Now()
			as, err := e.Timeline(ctx, TimelineQuery{Entity: who})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %d answers %v", who, len(as), time.Since(t0))
		}
	}
}
