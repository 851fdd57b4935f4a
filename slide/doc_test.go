package slide

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// TestEveryRuleHasATest: every [rule] of the package doc has a test named
// TestRule and the rule's name in CamelCase, and every such test names a
// rule of the doc.
func TestEveryRuleHasATest(t *testing.T) {
	src, err := os.ReadFile("slide.go")
	if err != nil {
		t.Fatal(err)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "slide.go", src, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	var p comment.Parser
	var rules []string
	for _, blk := range p.Parse(f.Doc.Text()).Content {
		list, ok := blk.(*comment.List)
		if !ok {
			continue
		}
		for _, item := range list.Items {
			var sb strings.Builder
			for _, para := range item.Content {
				for _, txt := range para.(*comment.Paragraph).Text {
					if plain, ok := txt.(comment.Plain); ok {
						sb.WriteString(string(plain))
					}
				}
			}
			if m := regexp.MustCompile(`^\[([a-z0-9-]+)\]`).FindStringSubmatch(sb.String()); m != nil {
				rules = append(rules, m[1])
			}
		}
	}
	if len(rules) < 20 {
		t.Fatalf("found %d rules in the package doc: %q", len(rules), rules)
	}
	tests := map[string]bool{}
	files, _ := filepath.Glob("*_test.go")
	for _, name := range files {
		tf, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range tf.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && strings.HasPrefix(fn.Name.Name, "TestRule") {
				tests[fn.Name.Name] = true
			}
		}
	}
	for _, r := range rules {
		name := "TestRule"
		for _, part := range strings.Split(r, "-") {
			rs := []rune(part)
			name += string(unicode.ToUpper(rs[0])) + string(rs[1:])
		}
		name = strings.ReplaceAll(name, "Uhd", "UHD")
		name = strings.ReplaceAll(name, "Hd", "HD")
		if !tests[name] {
			t.Errorf("rule [%s] has no test %s", r, name)
		}
		delete(tests, name)
	}
	for name := range tests {
		t.Errorf("%s names no rule of the package doc", name)
	}
}
