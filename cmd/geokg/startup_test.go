package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// compileCalls are the calls that compile a regular expression.
var compileCalls = map[string]bool{
	"regexp.MustCompile": true, "regexp.Compile": true,
	"regexp.MustCompilePOSIX": true, "regexp.CompilePOSIX": true,
}

// TestNothingCompiledAtLoad: no package geokg links compiles a regular
// expression while the program loads — in a package-level variable's
// initializer or an init function, outside a function literal left for
// later (sync.OnceValue's, a deferred fill) — since every geokg process
// links every package, and a query pays at start-up for what only ingest
// or ask use. An expression is compiled by the first call that needs it.
func TestNothingCompiledAtLoad(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if n := d.Name(); path != root && (n == "testdata" || strings.HasPrefix(n, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		if f.Name.Name == "main" && filepath.Dir(path) != filepath.Join(root, "cmd", "geokg") {
			return nil // another program (a tool's), not linked into geokg
		}
		files++
		for _, n := range loadTimeCode(f) {
			for _, pos := range compilesNow(n) {
				t.Errorf("%s: a regular expression compiled when the program loads; compile it on first use (sync.OnceValue)", fset.Position(pos))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("read %d Go files under %s; want the module's", files, root)
	}
}

// loadTimeCode returns what of f runs when the program loads: its
// package-level variables' initializers and its init functions' bodies.
func loadTimeCode(f *ast.File) []ast.Node {
	var out []ast.Node
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			if d.Tok != token.VAR {
				continue
			}
			for _, s := range d.Specs {
				for _, v := range s.(*ast.ValueSpec).Values {
					out = append(out, v)
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil && d.Name.Name == "init" && d.Body != nil {
				out = append(out, d.Body)
			}
		}
	}
	return out
}

// compilesNow returns the positions of the regexp compile calls in n that
// run when n does: a function literal's body runs only when the literal
// is called on the spot (func() T { … }()), not when it is handed on.
func compilesNow(n ast.Node) []token.Pos {
	var out []token.Pos
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if lit, ok := n.Fun.(*ast.FuncLit); ok {
				out = append(out, compilesNow(lit.Body)...)
			}
			if sel, ok := n.Fun.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && compileCalls[pkg.Name+"."+sel.Sel.Name] {
					out = append(out, n.Pos())
				}
			}
		}
		return true
	})
	return out
}

// TestCompilesNow: the rule tells a compile that runs on load from one
// left for later.
func TestCompilesNow(t *testing.T) {
	for _, c := range []struct {
		src  string
		want int
	}{
		{`var r = regexp.MustCompile("a")`, 1},
		{`var rs = []*regexp.Regexp{regexp.MustCompile("a"), regexp.Compile("b")}`, 2},
		{`var m = func() *regexp.Regexp { return regexp.MustCompile("a") }()`, 1},
		{`func init() { r = regexp.MustCompilePOSIX("a") }`, 1},
		{`var r = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("a") })`, 0},
		{`var r = later(func() { x = regexp.MustCompile("a") })`, 0},
		{`func f() *regexp.Regexp { return regexp.MustCompile("a") }`, 0},
		{`var s = strings.Fields("a b")`, 0},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package x\n"+c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for _, n := range loadTimeCode(f) {
			got += len(compilesNow(n))
		}
		if got != c.want {
			t.Errorf("%s: %d compiles on load, want %d", c.src, got, c.want)
		}
	}
}
