package geo

import (
	"fmt"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Explain prints every place mention of text with its cue, the context the
// text gives (dateline, countries named, unambiguous places), the
// candidates considered (top 5, with population, country, score, the
// gazetteer each comes from and what the context added) and the
// resolution, for `flashpoint geocode "text"`. The text is read as one
// article without actors.
func Explain(w io.Writer, g *Gazetteer, text string) {
	if info, ok := g.Imported(); ok {
		fmt.Fprintf(w, "gazetteers: embedded, and imported %s (%d places)\n", info.Path, info.Entries)
	}
	sc, sentRaws := g.articleScope([]event.Sentence{{Text: text}}, nil)
	raws := sentRaws[0]
	if len(raws) == 0 {
		fmt.Fprintln(w, "no place mentions")
		return
	}
	if len(sc.notes) > 0 {
		fmt.Fprintf(w, "context: %s\n", strings.Join(sc.notes, "; "))
	}
	for _, r := range raws {
		cue := r.cue
		if cue == "" {
			cue = "none"
		}
		fmt.Fprintf(w, "%q [%d:%d] cue=%s key=%q\n", text[r.start:r.end], r.start, r.end, cue, r.key)
		self := &anchor{sent: 0, start: r.start}
		if r.alias != nil {
			if r.alias.skip {
				fmt.Fprintf(w, "  alias %s: never a location (%s)\n", r.alias.source, r.alias.place.Name)
				continue
			}
			fmt.Fprintf(w, "  alias %s\n", r.alias.source)
		} else {
			cs := g.candidates(r.key, r.kind, sc, self)
			fmt.Fprintf(w, "  candidates (%d):\n", len(cs))
			for k, c := range cs {
				if k == 5 {
					break
				}
				p := g.placeOf(c.e)
				fmt.Fprintf(w, "    %d. %s, %s %s (%s %s) pop %d, score %.2f via %s\n", k+1, p.Name, p.Admin1,
					p.Country, p.Precision, c.e.fcode, p.Population, c.score, strings.Join(c.why(sc), ", "))
			}
		}
		m, ok := g.resolve(text, r, sc, self)
		if !ok {
			fmt.Fprintln(w, "  -> unresolved")
			continue
		}
		p := m.Place
		fmt.Fprintf(w, "  -> %s (%s, %s) %.4f,%.4f geonameid %d confidence %.2f, %s\n",
			p.Name, p.Country, p.Precision, p.Lat, p.Lon, p.GeonameID, m.Confidence, sourceText(p.Source))
	}
}

// why lists how a candidate matched and what the context did to it.
func (c *cand) why(sc *scope) []string {
	out := []string{"name"}
	if c.alt {
		out[0] = "alternate name"
	}
	if c.e.imported {
		out = append(out, "imported")
	} else {
		out = append(out, "embedded")
	}
	if c.pref {
		out = append(out, "country in context")
	}
	if c.nearAt >= 0 {
		out = append(out, fmt.Sprintf("%.0f km from %s", c.near, sc.anchors[c.nearAt].name))
	}
	if c.out {
		out = append(out, "not taken: "+outOfContext)
	}
	return out
}

func sourceText(src string) string {
	switch {
	case src == SourceEmbedded || src == "":
		return "embedded gazetteer"
	case strings.HasPrefix(src, "alias "):
		return src
	}
	return "imported gazetteer " + src
}

// placeTrace is the explain line of an event's place: what was resolved,
// from which gazetteer, on which cue and context.
func (g *Gazetteer) placeTrace(m Mention, r raw, cs []cand, sc *scope) string {
	p := m.Place
	var b strings.Builder
	fmt.Fprintf(&b, "place %q → %s (%s, %s", m.Text, p.Name, p.Country, p.Precision)
	if p.Feature != "" && p.Precision != PrecCountry {
		fmt.Fprintf(&b, " %s", p.Feature)
	}
	b.WriteString(")")
	if p.GeonameID > 0 {
		fmt.Fprintf(&b, " geonameid %d", p.GeonameID)
	}
	fmt.Fprintf(&b, ", %s", sourceText(p.Source))
	if m.Cue != "" {
		fmt.Fprintf(&b, "; cue %q", m.Cue)
	}
	if len(cs) > 0 {
		why := cs[0].why(sc)[2:]
		if len(cs) > 1 {
			why = append(why, fmt.Sprintf("%d candidates", len(cs)))
		}
		if len(why) > 0 {
			fmt.Fprintf(&b, "; %s", strings.Join(why, ", "))
		}
	}
	fmt.Fprintf(&b, "; confidence %.2f", m.Confidence)
	return b.String()
}
