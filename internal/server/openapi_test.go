package server

import (
	"encoding/json"
	"sort"
	"strings"
	"testing"
)

// Every API route is documented in openapi.json and every documented
// operation is served; the dashboard pages and assets are not API.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	s, _ := newTestServer(t, Config{Store: demoStore(t)})
	b, err := webFS.ReadFile("openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	documented := map[string]bool{}
	for path, ops := range doc.Paths {
		for method := range ops {
			documented[strings.ToUpper(method)+" "+path] = true
		}
	}
	served := map[string]bool{}
	for _, r := range s.Routes() {
		_, path, _ := strings.Cut(r, " ")
		if strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/metrics" {
			served[r] = true
		}
	}
	var missing, extra []string
	for r := range served {
		if !documented[r] {
			missing = append(missing, r)
		}
	}
	for r := range documented {
		if !served[r] {
			extra = append(extra, r)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 || len(extra) > 0 {
		t.Fatalf("routes not in openapi.json: %v; documented but not served: %v", missing, extra)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") || len(served) < 10 {
		t.Fatalf("openapi %q, %d routes", doc.OpenAPI, len(served))
	}
}
