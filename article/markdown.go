package article

import (
	"regexp"
	"strings"
)

// Markdown syntax the text extraction removes.
var (
	markdownLink   = regexp.MustCompile(`!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"\n]*")?\)`)
	markdownRefDef = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	markdownRefUse = regexp.MustCompile(`\[([^\]\n]+)\]\[[^\]\n]*\]`)
	markdownAuto   = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+)>`)
	markdownStrong = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	markdownEm     = regexp.MustCompile(`(^|[\s(\[“"'])[*_](\S(?:[^*_\n]*?\S)?)[*_]($|[\s.,;:!?)\]”"'])`)
	markdownCode   = regexp.MustCompile("`([^`\n]+)`")
	markdownList   = regexp.MustCompile(`^\s{0,6}(?:[-*+]|\d{1,9}[.)])\s+`)
	markdownRule   = regexp.MustCompile(`^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
	markdownSetext = regexp.MustCompile(`^\s{0,3}(?:=+|-+)\s*$`)
	markdownEscape = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>])`)
	frontMatterKey = regexp.MustCompile(`^([A-Za-z_]+):\s*(.*?)\s*$`)
)

// extractMarkdown fills doc with the plain text of Markdown s: headings,
// paragraphs, list items and quotations each on a line of their own,
// paragraphs separated by blank lines; the marks of emphasis, code, links
// and headings removed, images and link definitions dropped. YAML front
// matter gives the title, date, publisher and URL; else the first heading
// gives the title.
func extractMarkdown(s string, doc *Doc) {
	lines := strings.Split(s, "\n")
	lines = frontMatter(lines, doc)
	var paras []string
	var cur []string
	flush := func() {
		if p := strings.Join(strings.Fields(strings.Join(cur, " ")), " "); p != "" {
			paras = append(paras, p)
		}
		cur = nil
	}
	fenced := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			flush()
			fenced = !fenced
			continue
		case fenced:
			cur = append(cur, t)
			continue
		case t == "":
			flush()
			continue
		case markdownRule.MatchString(l) && len(cur) == 0, markdownRefDef.MatchString(l):
			flush()
			continue
		case markdownSetext.MatchString(l) && len(cur) > 0:
			heading := inlineMarkdown(strings.Join(cur, " "))
			if doc.Title == "" && strings.HasPrefix(t, "=") {
				doc.Title = heading
			}
			flush()
			continue
		}
		if strings.HasPrefix(t, "#") {
			flush()
			h := strings.TrimSpace(strings.TrimRight(strings.TrimLeft(t, "#"), "# "))
			if doc.Title == "" && strings.HasPrefix(t, "# ") {
				doc.Title = inlineMarkdown(h)
			}
			cur = append(cur, inlineMarkdown(h))
			flush()
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimSpace(strings.TrimPrefix(t, ">"))
		}
		// A list item starts a paragraph; inside a paragraph, a number
		// and a full stop ("1999. That year…") start one only as "1.".
		if m := markdownList.FindString(t); m != "" && (len(cur) == 0 || !isDigit(m[0]) || strings.HasPrefix(m, "1.") || strings.HasPrefix(m, "1)")) {
			flush()
			t = t[len(m):]
		}
		if t = inlineMarkdown(t); t != "" {
			cur = append(cur, t)
		}
	}
	flush()
	doc.Text = strings.Join(paras, "\n\n")
	if doc.Text != "" {
		doc.Text += "\n"
	}
}

// frontMatter reads a leading YAML front matter block ("---" … "---") of
// title, date, publisher (or site, source) and url keys into doc, and
// returns the lines after it.
func frontMatter(lines []string, doc *Doc) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines) && i < 100; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "---" || t == "..." {
			return lines[i+1:]
		}
		m := frontMatterKey.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		v := strings.Trim(m[2], `"'`)
		switch strings.ToLower(m[1]) {
		case "title":
			doc.Title = v
		case "date":
			doc.Date = parseDate(v)
		case "publisher", "site", "source":
			doc.Publisher = v
		case "url", "link":
			if strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
				doc.URL = v
			}
		}
	}
	return lines // no closing "---": not front matter
}

// inlineMarkdown removes the inline marks of one line: images, link
// targets, emphasis, code spans and backslash escapes.
func inlineMarkdown(s string) string {
	s = markdownLink.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "!") {
			return "" // an image is not text
		}
		return markdownLink.FindStringSubmatch(m)[1]
	})
	s = markdownRefUse.ReplaceAllString(s, "$1")
	s = markdownAuto.ReplaceAllString(s, "$1")
	s = markdownCode.ReplaceAllString(s, "$1")
	for range 3 { // nested emphasis
		s = markdownStrong.ReplaceAllString(s, "$2")
		s = markdownEm.ReplaceAllString(s, "$1$2$3")
	}
	s = markdownEscape.ReplaceAllString(s, "$1")
	return strings.TrimSpace(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
