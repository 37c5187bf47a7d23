// Package server serves the event store over HTTP: a JSON API under
// /api/v1 (events, incidents, dyads, tension series, alerts, articles,
// actor and code look-ups, article submission), /healthz, /metrics in
// Prometheus text format, and a dashboard of server-rendered pages with
// embedded assets (no external scripts, fonts or tiles). See docs/api.md.
package server

import (
	"errors"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/coder"
	"github.com/flashpoint/flashpoint/internal/pipeline"
	"github.com/flashpoint/flashpoint/internal/store"
	"github.com/flashpoint/flashpoint/internal/tension"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

//go:generate go run ./gen/basemap

// Defaults of Config.
const (
	DefaultMaxBody  = 1 << 20 // bytes of a request body
	DefaultMaxPage  = 500     // rows of one page
	DefaultPage     = 100     // rows of a page when limit is not given
	DefaultTimeout  = 15 * time.Second
	MaxPostArticles = 1000 // articles in one POST
)

// Config configures a Server. Store is required.
type Config struct {
	Store *store.Store
	// Token enables POST /api/v1/articles for requests bearing it
	// ("Authorization: Bearer TOKEN"); empty makes the server read-only.
	Token   string
	MaxBody int64         // request body limit; 0: DefaultMaxBody
	MaxPage int           // largest page size; 0: DefaultMaxPage
	Timeout time.Duration // per-request deadline; 0: DefaultTimeout
	// RateLimit is the sustained requests per second allowed to one
	// client (remote IP), RateBurst how many it may send at once; over
	// it the answer is 429 with Retry-After. 0: DefaultRateLimit and
	// DefaultRateBurst; a negative RateLimit disables the limit.
	RateLimit float64
	RateBurst int
	// MaxExpensive bounds the article views built at once (text markup
	// and re-coding); 0: DefaultMaxExpensive. Over it requests wait up to
	// their deadline, then get 503.
	MaxExpensive int
	// Pipeline codes submitted articles and re-codes articles for the
	// explain trace; nil: pipeline.New() on first use.
	Pipeline *pipeline.Pipeline
	Log      *log.Logger // nil: the standard logger
}

// Server is the HTTP handler. Create it with New.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	handler http.Handler
	routes  []string
	metrics *metrics
	pages   map[string]*template.Template
	codes   *verbs.Codes
	plover  []string // the PLOVER types of codes, sorted (read only)
	roots   []option // the CAMEO roots of codes with their labels (read only)
	dict    *actors.Dict
	limiter *limiter // nil: no rate limit

	// writeMu serialises submissions: one store writer per process.
	writeMu sync.Mutex
	pipeMu  sync.Mutex
	pipe    *pipeline.Pipeline
	explain *pipeline.Pipeline

	heavy chan struct{} // slots for expensive work (expensive.go)
	views *viewCache

	memo *memo // answers kept until the tension series are rebuilt (memo.go)

	rangeMu sync.Mutex // guards the cached span of the tension series
	rng     tension.Range
	rngOK   bool
}

// New returns a server over cfg.Store.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no store")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.MaxPage <= 0 {
		cfg.MaxPage = DefaultMaxPage
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Log == nil {
		cfg.Log = log.Default()
	}
	if cfg.MaxExpensive <= 0 {
		cfg.MaxExpensive = DefaultMaxExpensive
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), metrics: newMetrics(), pipe: cfg.Pipeline,
		limiter: newLimiter(cfg.RateLimit, cfg.RateBurst),
		heavy:   make(chan struct{}, cfg.MaxExpensive), views: newViewCache(DefaultViewCache),
		memo: newMemo()}
	var err error
	if s.codes, _, err = verbs.Default(); err != nil {
		return nil, err
	}
	s.plover, s.roots = ploverTypes(s.codes), cameoRoots(s.codes)
	if s.dict, err = actors.Default(); err != nil {
		return nil, err
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	s.register()
	s.handler = s.middleware(s.mux)
	return s, nil
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Routes lists the registered patterns ("GET /api/v1/events").
func (s *Server) Routes() []string { return append([]string(nil), s.routes...) }

func (s *Server) handle(pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, pattern)
	s.mux.HandleFunc(pattern, h)
}

// register wires every route; one file per resource holds the handlers.
func (s *Server) register() {
	s.handle("GET /api/v1/events", s.listEvents)
	s.handle("GET /api/v1/incidents", s.listIncidents)
	s.handle("GET /api/v1/incidents/{id}", s.getIncident)
	s.handle("GET /api/v1/points", s.listPoints)
	s.handle("GET /api/v1/dyads", s.listDyads)
	s.handle("GET /api/v1/dyads/{dyad}/tension", s.getTension)
	s.handle("GET /api/v1/alerts", s.listAlerts)
	s.handle("GET /api/v1/articles/{id}", s.getArticle)
	s.handle("POST /api/v1/articles", s.postArticles)
	s.handle("GET /api/v1/actors", s.lookupActors)
	s.handle("GET /api/v1/codes", s.listCodes)
	s.handle("GET /api/v1/openapi.json", s.openAPI)
	s.handle("GET /healthz", s.healthz)
	s.handle("GET /metrics", s.serveMetrics)

	s.handle("GET /{$}", s.overviewPage)
	s.handle("GET /dyad/{dyad}", s.dyadPage)
	s.handle("GET /map", s.mapPage)
	s.handle("GET /alerts", s.alertsPage)
	s.handle("GET /incident/{id}", s.incidentPage)
	s.handle("GET /article/{id}", s.articlePage)
	static, _ := fs.Sub(webFS, "web/static")
	fileServer := http.StripPrefix("/static/", http.FileServerFS(static))
	s.handle("GET /static/", func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			// no directory listings
			writeError(w, http.StatusNotFound, "not found")
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fileServer.ServeHTTP(w, r)
	})
}

// pipeline returns the coding pipeline, built on first use (about 0.3 s).
func (s *Server) pipeline(explain bool) (*pipeline.Pipeline, error) {
	s.pipeMu.Lock()
	defer s.pipeMu.Unlock()
	if s.pipe == nil {
		p, err := pipeline.New()
		if err != nil {
			return nil, err
		}
		s.pipe = p
	}
	if !explain {
		return s.pipe, nil
	}
	if s.explain == nil {
		// A new coder over the same dictionaries (a Coder holds a pool
		// of parsers and must not be copied).
		b := s.pipe.Coder
		c := &coder.Coder{Dict: b.Dict, Codes: b.Codes, Patterns: b.Patterns, Explain: true}
		s.explain = &pipeline.Pipeline{Coder: c, Geo: s.pipe.Geo}
	}
	return s.explain, nil
}
