package server

import "net/http"

// openAPI: GET /api/v1/openapi.json — the embedded OpenAPI 3.1 document
// (a test checks it documents exactly the registered API routes).
func (s *Server) openAPI(w http.ResponseWriter, _ *http.Request) {
	b, err := webFS.ReadFile("openapi.json")
	if err != nil {
		writeError(w, http.StatusInternalServerError, "openapi document missing")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}
