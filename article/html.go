package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipTags are elements whose content is never article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Svg: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Figcaption: true, atom.Figure: true, atom.Dialog: true, atom.Menu: true,
	atom.Head: true, atom.Video: true, atom.Audio: true, atom.Picture: true, atom.Img: true,
}

// blockTags are elements that make a paragraph of their own.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true,
	atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Body: true, atom.Address: true, atom.Hr: true,
}

// boilerplateWords are the words of a class or id that mark page chrome.
var boilerplateWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "footer": true, "sidebar": true,
	"share": true, "sharing": true, "social": true, "related": true, "comments": true, "comment": true,
	"newsletter": true, "promo": true, "advert": true, "advertisement": true, "ad": true, "ads": true,
	"cookie": true, "cookies": true, "subscribe": true, "subscription": true, "breadcrumb": true,
	"breadcrumbs": true, "popup": true, "modal": true, "banner": true, "skip": true, "masthead": true,
	"paywall": true, "byline": true, "caption": true, "credit": true, "tags": true, "pagination": true,
	"outbrain": true, "taboola": true, "recirc": true, "trending": true, "toolbar": true, "signup": true,
}

// chromeRoles are ARIA roles of page chrome.
var chromeRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "dialog": true, "alert": true}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isChrome reports whether element n is page chrome: hidden, with a chrome
// role, or with a class or id made of a boilerplate word.
func isChrome(n *html.Node) bool {
	if _, hidden := attrOK(n, "hidden"); hidden || attr(n, "aria-hidden") == "true" || chromeRoles[attr(n, "role")] {
		return true
	}
	if n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Body {
		return false
	}
	for _, v := range []string{attr(n, "class"), attr(n, "id")} {
		for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '\t' }) {
			if boilerplateWords[w] {
				return true
			}
		}
	}
	return false
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// extractHTML fills doc with the page's metadata and the text of its
// article: the paragraphs, headings, list items and quotations of its
// <article> (the one with the most text), else its <main>, else the element
// whose paragraphs hold the most text; navigation, scripts, styles,
// comments, forms, figures, footers and blocks that are mostly links are
// left out.
func extractHTML(s string, doc *Doc) {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return // html.Parse only fails on a failing reader
	}
	readMeta(root, doc)
	content := contentRoot(root)
	var blocks []string
	if content != nil {
		blocks = collectBlocks(content)
	}
	if doc.Title == "" {
		if h := find(content, atom.H1); h != nil {
			doc.Title = textOf(h)
		} else if t := find(root, atom.Title); t != nil {
			doc.Title = textOf(t)
		}
	}
	doc.Title = stripSiteName(doc.Title, doc.Publisher)
	if doc.Date.IsZero() {
		if t := find(content, atom.Time); t != nil {
			doc.Date = parseDate(attr(t, "datetime"))
		}
	}
	doc.Text = strings.Join(blocks, "\n\n")
	if doc.Text != "" {
		doc.Text += "\n"
	}
}

// readMeta reads og:title, og:site_name, og:url, article:published_time
// (and their usual variants) and the canonical link.
func readMeta(root *html.Node, doc *Doc) {
	meta := map[string]string{}
	var canonical string
	walk(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Meta:
			k := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
			if _, seen := meta[k]; !seen && k != "" {
				meta[k] = strings.TrimSpace(attr(n, "content"))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
				canonical = attr(n, "href")
			}
		case atom.Body:
			return false
		}
		return true
	})
	first := func(keys ...string) string {
		for _, k := range keys {
			if v := meta[k]; v != "" {
				return v
			}
		}
		return ""
	}
	doc.Title = first("og:title", "twitter:title", "dc.title", "headline")
	doc.Publisher = first("og:site_name", "publisher", "dc.publisher", "application-name")
	doc.URL = first("og:url")
	if doc.URL == "" {
		doc.URL = canonical
	}
	if !strings.HasPrefix(doc.URL, "http://") && !strings.HasPrefix(doc.URL, "https://") {
		doc.URL = ""
	}
	doc.Date = parseDate(first("article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate", "publish-date"))
}

// stripSiteName drops " | Site" or " - Site" from the end of a <title>.
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " — ", " – ", " · "} {
		if t, ok := strings.CutSuffix(title, sep+site); ok {
			return t
		}
	}
	return title
}

// walk calls f on n and, while f returns true, on its descendants.
func walk(n *html.Node, f func(*html.Node) bool) {
	if n == nil || !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

// find returns the first element a under n that is not chrome; nil if none.
func find(n *html.Node, a atom.Atom) *html.Node {
	var out *html.Node
	walk(n, func(c *html.Node) bool {
		if out != nil || c.Type == html.ElementNode && (skipTags[c.DataAtom] && c.DataAtom != atom.Head || isChrome(c)) {
			return false
		}
		if c.Type == html.ElementNode && c.DataAtom == a {
			out = c
			return false
		}
		return true
	})
	return out
}

// textOf returns the text under n, white space collapsed.
func textOf(n *html.Node) string {
	var sb strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			sb.WriteString(c.Data)
			sb.WriteByte(' ')
		}
		return c.Type != html.ElementNode || !skipTags[c.DataAtom] || c == n
	})
	return strings.Join(strings.Fields(sb.String()), " ")
}

// contentRoot returns the element that holds the article.
func contentRoot(root *html.Node) *html.Node {
	var articles, mains []*html.Node
	var body *html.Node
	walk(root, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch {
		case n.DataAtom == atom.Body:
			body = n
		case skipTags[n.DataAtom] || isChrome(n):
			return false
		case n.DataAtom == atom.Article:
			articles = append(articles, n)
		case n.DataAtom == atom.Main || attr(n, "role") == "main":
			mains = append(mains, n)
		}
		return true
	})
	if best := mostParagraphText(articles); best != nil {
		return best
	}
	if best := mostParagraphText(mains); best != nil {
		return best
	}
	// No <article> or <main>: the element whose own <p> children hold the
	// most text (readability's idea), or the body.
	var best *html.Node
	bestLen := 0
	walk(body, func(n *html.Node) bool {
		if n.Type != html.ElementNode || skipTags[n.DataAtom] || isChrome(n) {
			return n.Type != html.ElementNode
		}
		l := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.P && !isChrome(c) {
				l += utf8.RuneCountInString(textOf(c))
			}
		}
		if l > bestLen {
			best, bestLen = n, l
		}
		return true
	})
	if best != nil {
		return best
	}
	return body
}

// mostParagraphText returns the node whose paragraphs hold the most text;
// nil when none has any.
func mostParagraphText(ns []*html.Node) *html.Node {
	var best *html.Node
	bestLen := 0
	for _, n := range ns {
		l := 0
		for _, b := range collectBlocks(n) {
			l += len(b)
		}
		if l > bestLen {
			best, bestLen = n, l
		}
	}
	return best
}

// block is a paragraph being collected: its text, and how much of it is
// link text.
type block struct {
	sb         strings.Builder
	linkRunes  int
	totalRunes int
}

// collectBlocks returns the text of each block under n, in order.
func collectBlocks(n *html.Node) []string {
	var out []string
	var cur block
	flush := func() {
		text := strings.TrimSpace(collapseSpaces(cur.sb.String()))
		words := len(strings.Fields(text))
		// A short block that is mostly links is navigation ("Next
		// article: …", a list of tags).
		linkHeavy := cur.totalRunes > 0 && cur.linkRunes*2 > cur.totalRunes && words < 30
		if text != "" && !linkHeavy {
			out = append(out, text)
		}
		cur = block{}
	}
	var visit func(c *html.Node, inLink, inHeader bool)
	visit = func(c *html.Node, inLink, inHeader bool) {
		switch c.Type {
		case html.TextNode:
			if inHeader {
				return // an article's header: only its headings are text
			}
			// Line breaks in the page's source are spaces; only <br>
			// breaks a line.
			cur.sb.WriteString(strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return ' '
				}
				return r
			}, c.Data))
			r := utf8.RuneCountInString(strings.TrimSpace(c.Data))
			cur.totalRunes += r
			if inLink {
				cur.linkRunes += r
			}
			return
		case html.ElementNode:
			if skipTags[c.DataAtom] || isChrome(c) {
				return
			}
			if c.DataAtom == atom.Br {
				cur.sb.WriteByte('\n')
				return
			}
		case html.DocumentNode:
		default:
			return // comments, doctypes
		}
		isBlock := c.Type == html.ElementNode && blockTags[c.DataAtom]
		if isBlock {
			flush()
		}
		header := inHeader
		switch c.DataAtom {
		case atom.Header:
			header = c != n // the header of the page, or of an article
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			header = false
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			visit(k, inLink || c.DataAtom == atom.A, header)
		}
		if isBlock {
			flush()
		}
	}
	visit(n, false, false)
	flush()
	return out
}

// collapseSpaces turns runs of white space into one space, except that a
// line break (from <br>) stays a line break.
func collapseSpaces(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if f := strings.Join(strings.Fields(l), " "); f != "" {
			out = append(out, f)
		}
	}
	return strings.Join(out, "\n")
}
