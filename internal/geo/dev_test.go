package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

// TestDevGoldLocations checks the shared evaluation set (read in place,
// never copied): for each gold event location, Find on the document text
// should find a mention whose text or resolved name contains the gold name.
func TestDevGoldLocations(t *testing.T) {
	f, err := os.Open("../../../shared/eval/dev.jsonl")
	if err != nil {
		t.Skip("dev set absent:", err)
	}
	defer f.Close()
	type doc struct {
		ID     string
		Text   string
		Events []struct {
			Source, Target string
			Location       *struct{ Name, Country string }
		}
	}
	g := Default()
	total, found, country := 0, 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d doc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		var prefer []string
		for _, e := range d.Events {
			for _, c := range []string{e.Source, e.Target} {
				if len(c) >= 3 {
					prefer = addCountry(prefer, c[:3])
				}
			}
		}
		ms := g.Find(d.Text, prefer)
		for _, e := range d.Events {
			if e.Location == nil {
				continue
			}
			total++
			want := norm.Key(e.Location.Name)
			ok, okCountry := false, false
			for _, m := range ms {
				if strings.Contains(norm.Key(m.Text), want) || strings.Contains(norm.Key(m.Place.Name), want) {
					ok = true
					okCountry = okCountry || m.Place.Country == e.Location.Country
				}
			}
			if ok {
				found++
			} else {
				t.Logf("%s: no mention for %q (%s)", d.ID, e.Location.Name, e.Location.Country)
			}
			if okCountry {
				country++
			}
		}
	}
	if total == 0 {
		t.Skip("no gold locations")
	}
	rate := float64(found) / float64(total)
	t.Logf("gold locations found: %d/%d (%.0f%%), with the right country: %d", found, total, 100*rate, country)
	if rate < 0.8 {
		t.Errorf("found rate %.2f < 0.80", rate)
	}
}
