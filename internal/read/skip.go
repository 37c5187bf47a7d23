package read

import (
	_ "embed"
	"os"
	"path"
	"strings"
)

// notArticles lists the file-name patterns a directory walk passes over.
//
//go:embed notarticles.txt
var notArticles string

var skipPatterns = func() []string {
	var ps []string
	for _, l := range strings.Split(notArticles, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			ps = append(ps, strings.ToLower(l))
		}
	}
	return ps
}()

// notArticle returns the pattern of notarticles.txt that name matches, or "".
func notArticle(name string) string {
	name = strings.ToLower(name)
	for _, p := range skipPatterns {
		if ok, _ := path.Match(p, name); ok {
			return p
		}
	}
	return ""
}

// excluded reports whether fi is one of the files never to be read (the
// command's own output: 'code . > out.jsonl' must not code out.jsonl).
func excluded(fi os.FileInfo, skip []os.FileInfo) bool {
	for _, s := range skip {
		if os.SameFile(fi, s) {
			return true
		}
	}
	return false
}
