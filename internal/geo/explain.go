package geo

import (
	"fmt"
	"io"
)

// Explain prints every place mention of text with its cue, the candidates
// considered (top 5, with population and country) and the resolution, for
// `flashpoint geocode "text"`.
func Explain(w io.Writer, g *Gazetteer, text string) {
	raws := g.detect(text)
	if len(raws) == 0 {
		fmt.Fprintln(w, "no place mentions")
		return
	}
	for _, r := range raws {
		cue := r.cue
		if cue == "" {
			cue = "none"
		}
		fmt.Fprintf(w, "%q [%d:%d] cue=%s key=%q\n", text[r.start:r.end], r.start, r.end, cue, r.key)
		if r.alias != nil {
			if r.alias.skip {
				fmt.Fprintf(w, "  alias %s: never a location (%s)\n", r.alias.source, r.alias.place.Name)
				continue
			}
			fmt.Fprintf(w, "  alias %s\n", r.alias.source)
		} else {
			cs := g.candidates(r.key, r.kind, nil)
			fmt.Fprintf(w, "  candidates (%d):\n", len(cs))
			for k, c := range cs {
				if k == 5 {
					break
				}
				p := g.place(c.ref)
				how := "name"
				if c.alt {
					how = "alternate name"
				}
				fmt.Fprintf(w, "    %d. %s, %s %s (%s %s) pop %d, score %.2f via %s\n", k+1, p.Name, p.Admin1,
					p.Country, p.Precision, g.entries[c.ref].fcode, p.Population, c.score, how)
			}
		}
		m, ok := g.resolve(text, r, nil)
		if !ok {
			fmt.Fprintln(w, "  -> unresolved")
			continue
		}
		p := m.Place
		fmt.Fprintf(w, "  -> %s (%s, %s) %.4f,%.4f geonameid %d confidence %.2f\n",
			p.Name, p.Country, p.Precision, p.Lat, p.Lon, p.GeonameID, m.Confidence)
	}
}
