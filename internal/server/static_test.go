package server

import (
	"net/http"
	"testing"
)

// /static/ serves files, never a listing of its folders.
func TestStaticNoListing(t *testing.T) {
	_, ts := newTestServer(t, Config{Store: demoStore(t)})
	for path, want := range map[string]int{"/static/": 404, "/static/app.js": 200} {
		if code, _, _ := call(t, http.MethodGet, ts.URL+path, "", "", nil); code != want {
			t.Errorf("GET %s = %d, want %d", path, code, want)
		}
	}
}
