package geo

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// placesIn resolves every place mention of an article as Annotate does,
// with the given actors' countries, and returns them by mention text.
func placesIn(g *Gazetteer, body string, actors ...string) map[string]Mention {
	sents := text.Document(body).Sentences
	sc, raws := g.articleScope(sents, actors)
	out := map[string]Mention{}
	for i, rs := range raws {
		for _, r := range rs {
			if m, ok := g.resolve(sents[i].Text, r, sc, &anchor{sent: i, start: r.start}); ok {
				out[m.Text] = m
			}
		}
	}
	return out
}

// TestImportedPlaces resolves places only the imported gazetteer knows, and
// ambiguous names by the article's context: its actors' countries, its
// dateline, the countries it names and the places near those it names.
func TestImportedPlaces(t *testing.T) {
	g := imported(t)
	tests := []struct {
		name    string
		text    string
		actors  []string
		mention string
		country string // "" with id 0: no place
		id      int64
		source  string // "imported" or "embedded"
	}{
		// Banjska: a village in Kosovo, and a larger one in Bulgaria (whose
		// Bansko the embedded data also calls Banjska).
		{"named country", "Serbian gunmen attacked police in Banjska, in northern Kosovo, on Sunday.", []string{"SRB"},
			"Banjska", "XKX", 9100001, "imported"},
		{"dateline", "ZVECAN, Kosovo, Sept 24 (Reuters) - Police said two men were arrested in Banjska.", nil,
			"Banjska", "XKX", 9100001, "imported"},
		{"actor country", "Bulgarian police patrolled the streets of Banjska on Monday.", []string{"BGR"},
			"Banjska", "BGR", 9200001, "imported"},
		{"no context: population decides", "Shots were heard in Banjska.", nil,
			"Banjska", "BGR", 9200001, "imported"},
		// Lipovica: in Kosovo near Zvecan, and in northern Serbia; both
		// countries are the article's, the place it names decides.
		{"nearby place", "Serbian police clashed with Kosovo police near Zvecan on Sunday. Two officers were hurt in Lipovica.",
			[]string{"SRB", "XKX"}, "Lipovica", "XKX", 9100002, "imported"},
		// An imported village in none of the article's countries and far
		// from its places is a name clash, not the place.
		{"outside the context", "Israeli troops raided homes in Lipovica, the army said.", []string{"ISR", "PSE"},
			"Lipovica", "", 0, ""},
		{"village", "Azerbaijani forces shelled Sotk, Armenia's defence ministry said.", []string{"AZE", "ARM"},
			"Sotk", "ARM", 9400001, "imported"},
		{"alternate name from alternateNamesV2", "Azerbaijani troops fired on the village of Zod.", []string{"AZE"},
			"Zod", "ARM", 9400001, "imported"},
		{"shoal with no country", "Chinese coast guard ships blocked a Philippine resupply mission near the Second Thomas Shoal.",
			[]string{"CHN", "PHL"}, "Second Thomas Shoal", "", 9500001, "imported"},
		{"shoal by its Philippine name", "Manila accused Beijing of ramming a boat near Ayungin Shoal.", []string{"PHL", "CHN"},
			"Ayungin Shoal", "", 9500001, "imported"},
		{"landmark", "The prime minister hosted the talks at Chequers on Friday.", []string{"GBR"},
			"Chequers", "GBR", 9600001, "imported"},
		{"monument near a city the article names", "Thousands of Serbs gathered at Gazimestan, near Pristina, on Vidovdan.", []string{"SRB"},
			"Gazimestan", "XKX", 9100003, "imported"},
		// An imported name of a place the embedded data has is that place.
		{"imported name of an embedded place", "Barricades went up in Zveçani.", []string{"SRB"},
			"Zveçani", "XKX", 783770, "embedded"},
		// Embedded places resolve as before with the import loaded.
		{"embedded city", "Missiles struck Kyiv overnight.", []string{"RUS", "UKR"}, "Kyiv", "UKR", 703448, "embedded"},
		{"embedded city in another context", "Talks were held in Moscow.", []string{"ISR"}, "Moscow", "RUS", 524901, "embedded"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := placesIn(g, tc.text, tc.actors...)
			m, ok := got[tc.mention]
			if tc.id == 0 {
				if ok {
					t.Errorf("%q resolved to %+v, want no place", tc.mention, m.Place)
				}
				return
			}
			if !ok {
				t.Fatalf("%q not found as a place; found %v", tc.mention, got)
			}
			p := m.Place
			src := "embedded" // or an alias of the embedded data
			if strings.HasPrefix(p.Source, impDir) {
				src = "imported"
			}
			if p.Country != tc.country || p.GeonameID != tc.id || src != tc.source {
				t.Errorf("%q → %s %s id %d from %s, want %s id %d from %s", tc.mention, p.Name, p.Country, p.GeonameID, src,
					tc.country, tc.id, tc.source)
			}
		})
	}
}

// TestImportedEmbeddedUnchanged: the names the embedded tests resolve
// resolve the same with the test import loaded.
func TestImportedEmbeddedUnchanged(t *testing.T) {
	for _, s := range benchSentences {
		want := Default().Find(s, []string{"AZE", "ARM"})
		got := imported(t).Find(s, []string{"AZE", "ARM"})
		if len(got) != len(want) {
			t.Errorf("%q: %d mentions with the import, %d without", s, len(got), len(want))
			continue
		}
		for i := range got {
			if got[i].Place.GeonameID != want[i].Place.GeonameID || got[i].Place.Name != want[i].Place.Name {
				t.Errorf("%q: %v with the import, %v without", s, got[i].Place, want[i].Place)
			}
		}
	}
}

// TestAnnotateImported codes an event's place from the imported gazetteer,
// with its explain line naming the gazetteer file.
func TestAnnotateImported(t *testing.T) {
	g := imported(t)
	body := "ZVECAN, Kosovo (Reuters) - Serbian gunmen attacked Kosovo police in Banjska on Sunday."
	sents := text.Sentences(body)
	s := sents[0].Text
	trig := strings.Index(s, "attacked")
	ev := event.Event{SentenceIndex: 0, Sentence: s,
		Source:  event.Actor{Code: "SRB", Country: "SRB", Span: event.Span{Start: strings.Index(s, "Serbian"), End: strings.Index(s, " gunmen")}},
		Target:  event.Actor{Code: "XKXCOP", Country: "XKX", Span: event.Span{Start: strings.Index(s, "Kosovo police"), End: strings.Index(s, " in Banjska")}},
		Trigger: event.Span{Text: "attacked", Start: trig, End: trig + len("attacked")},
		Explain: []string{"pattern ..."},
	}
	evs := []event.Event{ev}
	g.Annotate(event.Article{ID: "a", Text: body}, sents, evs)
	loc := evs[0].Location
	if loc == nil || loc.GeonameID != 9100001 || loc.Country != "XKX" || loc.Admin1 != "Mitrovica" {
		t.Fatalf("location %+v", loc)
	}
	trace := evs[0].Explain[len(evs[0].Explain)-1]
	for _, want := range []string{`place "Banjska" → Banjska (XKX, city PPL) geonameid 9100001`, "imported gazetteer " + impDir,
		`cue "in"`, "country in context", "km from Zvecan", "2 candidates"} {
		if !strings.Contains(trace, want) {
			t.Errorf("explain line lacks %q: %s", want, trace)
		}
	}
}

func TestExplainImported(t *testing.T) {
	var b strings.Builder
	Explain(&b, imported(t), "ZVECAN, Kosovo (Reuters) - Police were attacked in Banjska and near Lipovica.")
	out := b.String()
	for _, want := range []string{"gazetteers: embedded, and imported " + impDir, "context: XKX (dateline ZVECAN)",
		"dateline place Zvecan (XKX)", "1. Banjska, Mitrovica XKX (city PPL) pop 0", "via name, imported, country in context, ",
		"Bansko, ", "via alternate name, embedded", "-> Banjska (XKX, city)", "imported gazetteer " + impDir} {
		if !strings.Contains(out, want) {
			t.Errorf("Explain lacks %q:\n%s", want, out)
		}
	}
}

func TestParseDateline(t *testing.T) {
	for _, tc := range []struct{ s, name, qual string }{
		{"BAKU, April 3 (Wire) - Azerbaijan accused Armenia.", "BAKU", ""},
		{"ZVECAN, Kosovo, Sept 24 (Reuters) - Police said.", "ZVECAN", "Kosovo"},
		{"UNITED NATIONS (AP) — The council met.", "UNITED NATIONS", ""},
		{"Kyiv, 5 March (Reuters) - Drones hit.", "Kyiv", ""},
		{"date 2024-04-03\nBAKU, April 3 (Wire) - Azerbaijan accused.", "BAKU", ""},
		{"Police in Kosovo said - nothing.", "", ""},
		{"Kyiv said on Monday - drones.", "", ""},
		{"Azerbaijan accused Armenia of shelling.", "", ""},
	} {
		name, qual, ok := parseDateline(tc.s)
		if name != tc.name || qual != tc.qual || ok != (tc.name != "") {
			t.Errorf("%q: %q %q %v, want %q %q", tc.s, name, qual, ok, tc.name, tc.qual)
		}
	}
}

// TestScopeBounded: a long article naming the same places again and again
// gives each one anchor; anchors are at most maxAnchors.
func TestScopeBounded(t *testing.T) {
	g := Default()
	if sc, _ := g.articleScope(text.Document(strings.Repeat("Shelling hit Kyiv, Lviv and Kharkiv overnight. ", 3000)).Sentences, []string{"UKR"}); len(sc.anchors) != 3 {
		t.Errorf("%d anchors, want 3", len(sc.anchors))
	}
	var b strings.Builder
	n := 0
	for i := range g.entries {
		if e := &g.entries[i]; e.kind == kCity && e.country == "UKR" && e.pop >= 50000 && n < 3*maxAnchors {
			fmt.Fprintf(&b, "Shelling hit %s overnight. ", e.name)
			n++
		}
	}
	if sc, _ := g.articleScope(text.Document(b.String()).Sentences, []string{"UKR"}); len(sc.anchors) != maxAnchors {
		t.Errorf("%d anchors from %d places, want %d", len(sc.anchors), n, maxAnchors)
	}
}
