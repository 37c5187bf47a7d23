package server

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/flashpoint/flashpoint/internal/output"
	"github.com/flashpoint/flashpoint/internal/store"
)

// Downloads: format=csv|jsonl|gdelt|plover on /api/v1/events and
// csv|jsonl on /api/v1/incidents stream every matching row (up to
// limit) as a file instead of a JSON page.

// Limits of a download.
const (
	DefaultDownload = 10000
	MaxDownload     = 100000
)

var downloadTypes = map[string]string{
	"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
	"gdelt": "text/tab-separated-values; charset=utf-8", "plover": "application/x-ndjson",
}

func downloadHeaders(w http.ResponseWriter, name, format string) {
	ext := map[string]string{"gdelt": "tsv", "plover": "jsonl"}[format]
	if ext == "" {
		ext = format
	}
	w.Header().Set("Content-Type", downloadTypes[format])
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+"-"+format+"."+ext+`"`)
}

// downloadEvents streams the events of f in format. History is left out
// by default from formats that cannot mark it.
func (s *Server) downloadEvents(w http.ResponseWriter, r *http.Request, f store.Filter, format string) {
	if f.Background == "" && !output.SaysBackground(format) {
		f.Background = store.BackgroundExclude
	}
	first := true
	var ow output.Writer
	for x, err := range s.cfg.Store.ExportEvents(r.Context(), f) {
		if err != nil {
			if first {
				s.answer(w, r, err)
			}
			return // headers are sent: the truncated file is all we can say
		}
		if first {
			first = false
			downloadHeaders(w, "events", format)
			ow, _ = output.New(format, w)
		}
		m := output.StoredMeta(x.URL, x.Publisher, x.Title, x.IngestedAt, x.Mentions, x.Sources, x.Articles)
		if output.WriteWith(ow, output.Public(&x.Event), m) != nil {
			return
		}
	}
	if first {
		downloadHeaders(w, "events", format)
		ow, _ = output.New(format, w)
	}
	ow.Close()
}

var incidentCSV = []string{"id", "source_country", "target_country", "root", "code", "quad_class", "date",
	"location", "background", "first_seen", "last_seen", "mentions", "articles", "sources", "claims", "denials"}

// downloadIncidents streams the incidents of f as csv or jsonl.
func (s *Server) downloadIncidents(w http.ResponseWriter, r *http.Request, f store.Filter, format string) {
	var rows []store.Incident
	for in, err := range s.cfg.Store.Incidents(r.Context(), f) {
		if s.answer(w, r, err) {
			return
		}
		rows = append(rows, in)
	}
	downloadHeaders(w, "incidents", format)
	if format == "jsonl" {
		enc := json.NewEncoder(w)
		for _, in := range rows {
			enc.Encode(in)
		}
		return
	}
	cw := csv.NewWriter(w)
	cw.Write(incidentCSV)
	for _, in := range rows {
		cw.Write([]string{strconv.FormatInt(in.ID, 10), in.SourceCountry, in.TargetCountry, in.Root, in.Code,
			strconv.Itoa(in.QuadClass), in.Date, in.Location, strconv.FormatBool(in.Background), in.FirstSeen, in.LastSeen,
			strconv.Itoa(in.Mentions), strconv.Itoa(in.Articles), strings.Join(in.Sources, ";"),
			strconv.Itoa(in.Claims), strconv.Itoa(in.Denials)})
	}
	cw.Flush()
}
