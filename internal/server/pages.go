package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

//go:embed web/templates/*.html web/static web/data/countries.svg openapi.json
var webFS embed.FS

// pageNames are the dashboard pages, each web/templates/NAME.html
// rendered inside layout.html.
var pageNames = []string{"overview", "dyad", "map", "article", "alerts", "incident", "error"}

// parsePages parses each page with the layout and the shared parts
// (web/templates/parts.html: download buttons, evidence, event cards).
func parsePages() (map[string]*template.Template, error) {
	codes, _, err := verbs.Default()
	if err != nil {
		return nil, err
	}
	funcs := template.FuncMap{
		"cameo":   func(code string) string { return cameoLabel(codes, code) },
		"quad":    quadName,
		"pct":     func(x float64) string { return fmt.Sprintf("%.0f", x) },
		"f1":      func(x float64) string { return fmt.Sprintf("%.1f", x) },
		"f2":      func(x float64) string { return fmt.Sprintf("%.2f", x) },
		"path":    url.PathEscape,
		"dyadURL": func(name string) string { return "/dyad/" + url.PathEscape(name) },
		"join":    strings.Join,
	}
	out := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", "web/templates/parts.html", "web/templates/"+n+".html")
		if err != nil {
			return nil, err
		}
		out[n] = t
	}
	return out, nil
}

func quadName(q int) string {
	switch q {
	case 1:
		return "verbal cooperation"
	case 2:
		return "material cooperation"
	case 3:
		return "verbal conflict"
	case 4:
		return "material conflict"
	}
	return "unknown"
}

// render executes a page into a buffer first so a template error
// becomes a clean 500, not half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any) {
	b, err := s.renderBytes(name, title, data)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeHTML(w, status, b)
}

func (s *Server) renderBytes(name, title string, data any) ([]byte, error) {
	var buf bytes.Buffer
	err := s.pages[name].Execute(&buf, map[string]any{"Title": title, "Page": name, "Data": data})
	return buf.Bytes(), err
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b)
}

// pageError renders an error page: 400 for bad input, 404, else 500.
func (s *Server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := http.StatusInternalServerError, "internal error"
	var br *badRequest
	switch {
	case errors.As(err, &br):
		status, msg = http.StatusBadRequest, br.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.As(err, new(busyError)):
		w.Header().Set("Retry-After", "1")
		status, msg = http.StatusServiceUnavailable, err.Error()
	default:
		s.cfg.Log.Printf("server: %s: %v", r.URL.Path, err)
	}
	s.render(w, r, status, "error", http.StatusText(status), map[string]any{"Status": status, "Message": msg})
}
