package resolve

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/geokg/geokg/data"
	"github.com/geokg/geokg/store"
)

// ErrNicknames reports a malformed line of the nickname table.
var ErrNicknames = errors.New("malformed nickname line")

// nicknames holds the rows of the nickname table: two first names are
// equivalent when they are the same or appear in one row. The relation is
// deliberately not transitive ("Pat" is Patrick or Patricia, which differ).
type nicknames struct {
	rows   map[string][]int // alias key of a first name → rows holding it
	forms  [][]string       // each row's forms, the formal one first
	formal map[string]bool  // alias keys of formal first names
}

// loadNicknames reads gazetteer/nicknames.tsv from fsys.
func loadNicknames(fsys fs.FS) (*nicknames, error) {
	f, err := fsys.Open("gazetteer/nicknames.tsv")
	if err != nil {
		return nil, fmt.Errorf("nicknames: %w", err)
	}
	defer f.Close()
	n := &nicknames{rows: map[string][]int{}, formal: map[string]bool{}}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		formal := strings.TrimSpace(cols[0])
		if formal == "" || len(cols) < 2 {
			return nil, fmt.Errorf("nicknames line %d: %w", line, ErrNicknames)
		}
		forms := []string{formal}
		for _, v := range strings.Split(cols[1], ";") {
			if v = strings.TrimSpace(v); v != "" {
				forms = append(forms, v)
			}
		}
		row := len(n.forms)
		n.forms = append(n.forms, forms)
		n.formal[store.AliasKey(formal)] = true
		for _, v := range forms {
			k := store.AliasKey(v)
			n.rows[k] = append(n.rows[k], row)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("nicknames: %w", err)
	}
	return n, nil
}

// equivalent reports whether first names a and b may name the same person.
func (n *nicknames) equivalent(a, b string) bool {
	ka, kb := store.AliasKey(a), store.AliasKey(b)
	if ka == "" || kb == "" {
		return false
	}
	if ka == kb {
		return true
	}
	for _, ra := range n.rows[ka] {
		for _, rb := range n.rows[kb] {
			if ra == rb {
				return true
			}
		}
	}
	return false
}

// variants returns the other first names equivalent to first.
func (n *nicknames) variants(first string) []string {
	k := store.AliasKey(first)
	seen := map[string]bool{k: true}
	var out []string
	for _, r := range n.rows[k] {
		for _, v := range n.forms[r] {
			if vk := store.AliasKey(v); !seen[vk] {
				seen[vk] = true
				out = append(out, v)
			}
		}
	}
	return out
}

// defaultNicknames loads the embedded table.
func defaultNicknames() (*nicknames, error) { return loadNicknames(data.Gazetteer) }
