package store

// A check of a bbolt file's page tree, read with ReadAt before bbolt is
// let walk it. bbolt trusts what a page says: a page that is not a leaf
// is read as a branch page and its elements' page ids followed, with no
// check that they lead anywhere new, and Tx.Check skips inline buckets
// (those kept in their parent's value, page id 0). A damaged element of
// a parent page (its key size grown, so that the value bbolt reads is
// zero bytes further on) makes an inline bucket whose page header says
// neither leaf nor branch: bbolt's cursor reads it as a branch page whose
// first child is page 0, the inline page itself, and pushes it on its
// stack forever (Cursor.First never returns, in a loop no recover and no
// context stops). So every page bbolt would reach from the meta page is
// checked here first, as bbolt reads it: the page header (its id, its
// type, its overflow below the high water mark), the elements within the
// page, the keys in order and within their parent's range (bbolt's own
// rules, tx_check.go), no page reached twice (a cycle), each bucket value
// a bucket header, each inline bucket a leaf page holding no bucket and
// lying within its value; and the freelist page bbolt reads when it opens.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// bbolt's page layout (version 2, page.go and bucket.go of bbolt 1.3).
const (
	boltBranchPage   = 0x01
	boltLeafPage     = 0x02
	boltFreelistPage = 0x10
	boltElemSize     = 16 // a branch element: pos, ksize, pgid; a leaf one: flags, pos, ksize, vsize
	boltBucketFlag   = 0x01
	boltBucketHeader = 16 // root pgid, sequence
	// maxTreeProblems bounds the problems checkBoltTree collects.
	maxTreeProblems = 100
)

// errPageTree is what a page of the tree that bbolt cannot walk safely
// wraps.
var errPageTree = errors.New("damaged page")

// boltTree checks the page tree of one bbolt file.
type boltTree struct {
	f        io.ReaderAt
	pageSize uint64
	hwm      uint64   // pages below it are in use
	seen     []uint64 // a bit per page reached
	problems []error
}

// checkBoltTree checks every page bbolt would read from meta page m of f
// (see the top of this file) and returns what it found wrong, one error
// per bucket that cannot be walked (its own pages; its nested buckets are
// checked on their own), at most maxTreeProblems.
func checkBoltTree(f io.ReaderAt, m boltMeta) []error {
	t := &boltTree{f: f, pageSize: uint64(m.pageSize), hwm: m.pgid, seen: make([]uint64, (m.pgid+63)/64)}
	if m.freelist != boltNoFreelist {
		t.add(t.freelist(m.freelist))
	}
	t.add(t.bucket("", m.root, nil))
	return t.problems
}

// checkBoltPages checks the bbolt file (read-only: it must exist and not
// be empty) before bbolt opens it: its meta pages (checkBoltMeta), then
// its page tree (checkBoltTree). Damage is an error wrapping ErrDamaged
// that names the file and lists up to maxProblems problems.
func checkBoltPages(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	m, err := checkBoltMeta(f, file, true)
	if err != nil {
		return err
	}
	if problems := checkBoltTree(f, m); len(problems) > 0 {
		return damagedPages(file, problems)
	}
	return nil
}

// add records err, if any, while fewer than maxTreeProblems are.
func (t *boltTree) add(err error) {
	if err != nil && len(t.problems) < maxTreeProblems {
		t.problems = append(t.problems, err)
	}
}

// page reads page id and its overflow, checking its header: the id it
// names, and its overflow below the high water mark. It marks the pages
// reached: one reached twice is an error.
func (t *boltTree) page(id uint64) ([]byte, error) {
	if id < 2 || id >= t.hwm {
		return nil, fmt.Errorf("%w: page %d is out of range (pages 2 to %d hold data)", errPageTree, id, t.hwm-1)
	}
	hdr := make([]byte, boltPageHeader)
	if _, err := t.f.ReadAt(hdr, int64(id*t.pageSize)); err != nil {
		return nil, fmt.Errorf("%w: page %d: %w", errPageTree, id, err)
	}
	if got := binary.NativeEndian.Uint64(hdr); got != id {
		return nil, fmt.Errorf("%w: page %d says it is page %d", errPageTree, id, got)
	}
	overflow := uint64(binary.NativeEndian.Uint32(hdr[12:]))
	if overflow >= t.hwm-id {
		return nil, fmt.Errorf("%w: page %d overflows %d pages, past the last page %d", errPageTree, id, overflow, t.hwm-1)
	}
	for p := id; p <= id+overflow; p++ {
		if t.seen[p/64]&(1<<(p%64)) != 0 {
			return nil, fmt.Errorf("%w: page %d is reached twice (pages that point back at each other, or a page shared)", errPageTree, p)
		}
		t.seen[p/64] |= 1 << (p % 64)
	}
	buf := make([]byte, (overflow+1)*t.pageSize)
	if _, err := t.f.ReadAt(buf, int64(id*t.pageSize)); err != nil {
		return nil, fmt.Errorf("%w: page %d: %w", errPageTree, id, err)
	}
	return buf, nil
}

// freelist checks the freelist page id: its type, and its page ids
// within the page and below the high water mark.
func (t *boltTree) freelist(id uint64) error {
	p, err := t.page(id)
	if err != nil {
		return fmt.Errorf("freelist: %w", err)
	}
	if flags := binary.NativeEndian.Uint16(p[8:]); flags != boltFreelistPage {
		return fmt.Errorf("freelist: %w: page %d has flags %#x, not a freelist page", errPageTree, id, flags)
	}
	n, start := uint64(binary.NativeEndian.Uint16(p[10:])), uint64(boltPageHeader)
	if n == 0xFFFF { // the count is in the first element
		n, start = binary.NativeEndian.Uint64(p[boltPageHeader:]), boltPageHeader+8
	}
	if n > (uint64(len(p))-start)/8 {
		return fmt.Errorf("freelist: %w: page %d lists %d pages, more than it holds", errPageTree, id, n)
	}
	for i := range n {
		if free := binary.NativeEndian.Uint64(p[start+8*i:]); free < 2 || free >= t.hwm {
			return fmt.Errorf("freelist: %w: page %d lists page %d, out of range", errPageTree, id, free)
		}
	}
	return nil
}

// bucket checks the bucket at path whose root page is root, or, for
// root 0, whose inline page is the rest of its value v after the bucket
// header.
func (t *boltTree) bucket(path string, root uint64, v []byte) error {
	var err error
	if root == 0 {
		err = t.inline(path, v)
	} else {
		err = t.tree(path, root, nil, nil)
	}
	switch {
	case err == nil:
		return nil
	case path == "":
		return fmt.Errorf("root bucket: %w", err)
	}
	return fmt.Errorf("bucket %s: %w", path, err)
}

// inline checks the inline bucket whose value is v: bbolt reads its page
// after the bucket header, and must find a leaf page (anything else it
// reads as a branch page, whose child page 0 is that page again), whose
// elements lie within v and hold no bucket (bbolt keeps a bucket inline
// only when it holds none).
func (t *boltTree) inline(path string, v []byte) error {
	if len(v) < boltBucketHeader+boltPageHeader {
		return fmt.Errorf("%w: inline bucket of %d bytes, shorter than its headers", errPageTree, len(v))
	}
	p := v[boltBucketHeader:]
	if flags := binary.NativeEndian.Uint16(p[8:]); flags != boltLeafPage {
		return fmt.Errorf("%w: inline bucket whose page has flags %#x, not a leaf page", errPageTree, flags)
	}
	_, err := t.elements(path, p, 0, nil, nil, true)
	return err
}

// tree checks page id of the bucket at path and the pages under it; its
// keys must be at least lo and below hi (nil: no bound). It returns the
// first problem.
func (t *boltTree) tree(path string, id uint64, lo, hi []byte) error {
	p, err := t.page(id)
	if err != nil {
		return err
	}
	switch flags := binary.NativeEndian.Uint16(p[8:]); flags {
	case boltBranchPage:
		keys, err := t.elements(path, p, id, lo, hi, false)
		if err != nil {
			return err
		}
		for i, k := range keys {
			next := hi
			if i+1 < len(keys) {
				next = keys[i+1]
			}
			child := binary.NativeEndian.Uint64(p[boltPageHeader+i*boltElemSize+8:])
			if err := t.tree(path, child, k, next); err != nil {
				return err
			}
		}
		return nil
	case boltLeafPage:
		_, err := t.elements(path, p, id, lo, hi, false)
		return err
	default:
		return fmt.Errorf("%w: page %d has flags %#x, not a branch or leaf page", errPageTree, id, flags)
	}
}

// elements checks the elements of page p (page id, or an inline page):
// each within the page, keys in order within [lo, hi); a leaf element
// that is a bucket is checked as one (a problem of it is recorded, not
// returned), unless inline, where a bucket is a problem. It returns the
// keys, for a branch page's children.
func (t *boltTree) elements(path string, p []byte, id uint64, lo, hi []byte, inline bool) ([][]byte, error) {
	where := fmt.Sprintf("page %d", id)
	if inline {
		where = "inline page"
	}
	branch := binary.NativeEndian.Uint16(p[8:]) == boltBranchPage
	n := int(binary.NativeEndian.Uint16(p[10:]))
	if branch && n == 0 {
		return nil, fmt.Errorf("%w: %s is a branch page with no elements", errPageTree, where)
	}
	if boltPageHeader+n*boltElemSize > len(p) {
		return nil, fmt.Errorf("%w: %s has %d elements, more than it holds", errPageTree, where, n)
	}
	keys := make([][]byte, 0, n)
	prev := lo
	for i := range n {
		at := boltPageHeader + i*boltElemSize
		e := p[at:]
		var flags, pos, ksize, vsize uint64
		if branch {
			pos, ksize = uint64(binary.NativeEndian.Uint32(e)), uint64(binary.NativeEndian.Uint32(e[4:]))
		} else {
			flags, pos = uint64(binary.NativeEndian.Uint32(e)), uint64(binary.NativeEndian.Uint32(e[4:]))
			ksize, vsize = uint64(binary.NativeEndian.Uint32(e[8:])), uint64(binary.NativeEndian.Uint32(e[12:]))
		}
		if end := uint64(at) + pos + ksize + vsize; end > uint64(len(p)) {
			return nil, fmt.Errorf("%w: %s element %d reaches byte %d, past its %d bytes", errPageTree, where, i, end, len(p))
		}
		k := p[uint64(at)+pos : uint64(at)+pos+ksize]
		switch {
		case prev != nil && i > 0 && bytes.Compare(prev, k) >= 0:
			return nil, fmt.Errorf("%w: %s key %d %s is not after %s", errPageTree, where, i, short(k), short(prev))
		case prev != nil && i == 0 && bytes.Compare(prev, k) > 0:
			return nil, fmt.Errorf("%w: %s key %s is before its parent's %s", errPageTree, where, short(k), short(prev))
		case hi != nil && bytes.Compare(k, hi) >= 0:
			return nil, fmt.Errorf("%w: %s key %s is not before its parent's next key %s", errPageTree, where, short(k), short(hi))
		case flags&^boltBucketFlag != 0:
			return nil, fmt.Errorf("%w: %s element %d has flags %#x", errPageTree, where, i, flags)
		}
		prev = k
		keys = append(keys, k)
		if flags&boltBucketFlag == 0 {
			continue
		}
		if inline {
			return nil, fmt.Errorf("%w: %s holds bucket %s (an inline bucket holds none)", errPageTree, where, short(k))
		}
		v := p[uint64(at)+pos+ksize : uint64(at)+pos+ksize+vsize]
		if len(v) < boltBucketHeader {
			return nil, fmt.Errorf("%w: %s bucket %s has a %d-byte value, shorter than a bucket header", errPageTree, where, short(k), len(v))
		}
		sub := short(k)
		if path != "" {
			sub = path + "/" + sub
		}
		t.add(t.bucket(sub, binary.NativeEndian.Uint64(v), v))
	}
	return keys, nil
}

// errInlineBucket is what checkedBucket panics with for an inline bucket
// whose page bbolt cannot walk.
var errInlineBucket = errors.New("an inline bucket whose page is not a leaf page of values (its header is damaged)")

// bucketParent is a bbolt transaction or bucket: what holds buckets.
type bucketParent interface {
	Bucket(name []byte) *bolt.Bucket
}

// checkedBucket returns parent's bucket name (nil when there is none),
// having checked that bbolt can walk it: an inline bucket's page must be
// a leaf page holding no bucket (see the top of this file; checkBoltTree
// checks every page, this the one page of an inline bucket, at no cost
// for the others). It panics otherwise, as bbolt does on other damaged
// pages: the store recovers the panic as ErrDamaged naming its file.
func checkedBucket(parent bucketParent, name []byte) *bolt.Bucket {
	b := parent.Bucket(name)
	mustWalk(b, name)
	return b
}

// mustWalk panics when b, the bucket name, is an inline bucket bbolt
// cannot walk (see checkedBucket). Stats reads an inline bucket's one
// page without following it: a leaf page counts its bytes in
// InlineBucketInuse (at least its header), any other none.
func mustWalk(b *bolt.Bucket, name []byte) {
	if b == nil || b.Root() != 0 {
		return
	}
	if st := b.Stats(); st.InlineBucketInuse == 0 || st.BucketN > 1 {
		panic(fmt.Errorf("bucket %s: %w", short(name), errInlineBucket))
	}
}
