package geo

import (
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// span locates the first occurrence of sub in s.
func span(s, sub string) event.Span {
	i := strings.Index(s, sub)
	if i < 0 {
		panic("no " + sub + " in " + s)
	}
	return event.Span{Text: sub, Start: i, End: i + len(sub)}
}

func actor(s, sub, code, country string) event.Actor {
	a := event.Actor{Code: code, Country: country}
	if sub != "" {
		a.Span = span(s, sub)
	}
	return a
}

func TestAnnotate(t *testing.T) {
	type ev struct {
		sentence         string
		src, srcCode     string
		tgt, tgtCode     string
		trigger, clause  string
		wantName, wantCC string // "" = no location
		wantPrec         string
	}
	tests := []struct {
		name string
		ev   ev
	}{
		{"place in clause after trigger", ev{
			"Armenian forces fired on Azerbaijani positions near the Nakhchivan Autonomous Republic, the ministry said.",
			"Armenian forces", "ARMMIL", "Azerbaijani positions", "AZEMIL", "fired", "",
			"Nakhchivan", "AZE", "admin1"}},
		{"actor span is not the place", ev{
			"Moscow said it had struck targets in Kharkiv.",
			"Moscow", "RUS", "", "UKR", "struck", "",
			"Kharkiv", "UKR", "city"}},
		{"no place named", ev{
			"Azerbaijan has accused Armenian troops of initiating gunfire.",
			"Azerbaijan", "AZE", "Armenian troops", "ARMMIL", "accused", "",
			"", "", ""}},
		{"open sea is no location", ev{
			"Houthi rebels attacked a Greek tanker in the Red Sea.",
			"Houthi rebels", "YEMREB", "a Greek tanker", "GRCBUS", "attacked", "",
			"", "", ""}},
		{"nearest after trigger wins", ev{
			"After talks in Baku, Russian drones struck Odesa on Monday.",
			"Russian drones", "RUSMIL", "", "UKR", "struck", "Russian drones struck Odesa on Monday",
			"Odesa", "UKR", "city"}},
		{"country after a cue", ev{
			"US and British forces struck Houthi targets in Yemen.",
			"US and British forces", "USAMIL", "Houthi targets", "YEMREB", "struck", "",
			"Yemen", "YEM", "country"}},
		{"demonym target, region cue", ev{
			"Ukrainian drones hit an oil depot in the Ryazan region.",
			"Ukrainian drones", "UKRMIL", "", "RUS", "hit", "",
			"Ryazan", "RUS", "admin1"}},
	}
	g := Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.ev
			s := e.sentence
			evs := []event.Event{{
				SentenceIndex: 0,
				Sentence:      s,
				Source:        actor(s, e.src, e.srcCode, e.srcCode[:3]),
				Target:        actor(s, e.tgt, e.tgtCode, e.tgtCode[:3]),
				Trigger:       span(s, e.trigger),
			}}
			if e.clause != "" {
				evs[0].Clause = span(s, e.clause)
			}
			g.Annotate(event.Article{ID: "t"}, []event.Sentence{{Text: s}}, evs)
			loc := evs[0].Location
			if e.wantName == "" {
				if loc != nil {
					t.Fatalf("Location = %+v, want nil", *loc)
				}
				return
			}
			if loc == nil {
				t.Fatalf("Location = nil, want %s", e.wantName)
			}
			if !strings.Contains(loc.Name, e.wantName) || loc.Country != e.wantCC || loc.Precision != e.wantPrec {
				t.Errorf("Location = %+v, want %s %s %s", *loc, e.wantName, e.wantCC, e.wantPrec)
			}
			if loc.Text == "" || !strings.Contains(s, loc.Text) || loc.Confidence <= 0 {
				t.Errorf("Location text/confidence: %+v", *loc)
			}
		})
	}
}

func TestAnnotateClauseAndFallback(t *testing.T) {
	g := Default()
	s := "Russia shelled Kharkiv while Ukraine struck Belgorod."
	first := event.Event{
		Sentence: s, Source: actor(s, "Russia", "RUS", "RUS"), Target: actor(s, "", "UKR", "UKR"),
		Trigger: span(s, "shelled"), Clause: span(s, "Russia shelled Kharkiv"),
	}
	second := event.Event{
		Sentence: s, Source: actor(s, "Ukraine", "UKR", "UKR"), Target: actor(s, "", "RUS", "RUS"),
		Trigger: span(s, "struck"), Clause: span(s, "Ukraine struck Belgorod"),
	}
	evs := []event.Event{first, second}
	g.Annotate(event.Article{}, []event.Sentence{{Text: s}}, evs)
	if l := evs[0].Location; l == nil || l.Name != "Kharkiv" {
		t.Errorf("first event: %+v, want Kharkiv", l)
	}
	if l := evs[1].Location; l == nil || l.Name != "Belgorod" {
		t.Errorf("second event: %+v, want Belgorod", l)
	}

	// The clause names no place: the sentence's only place is used ...
	s = "In Nairobi, police fired tear gas as protesters marched."
	evs = []event.Event{{
		Sentence: s, Source: actor(s, "police", "KENCOP", "KEN"), Target: actor(s, "protesters", "KENCVL", "KEN"),
		Trigger: span(s, "fired"), Clause: span(s, "police fired tear gas"),
	}}
	g.Annotate(event.Article{}, []event.Sentence{{Text: s}}, evs)
	if l := evs[0].Location; l == nil || l.Name != "Nairobi" || l.Country != "KEN" {
		t.Errorf("single place fallback: %+v, want Nairobi", l)
	}
	// ... but not when the sentence names two.
	s = "After a visit to Paris, police in Kenya fired tear gas in Nairobi while officials met in Mombasa."
	evs = []event.Event{{
		Sentence: s, Source: actor(s, "officials", "KENGOV", "KEN"), Target: actor(s, "", "KEN", "KEN"),
		Trigger: span(s, "met"), Clause: span(s, "officials met"),
	}}
	g.Annotate(event.Article{}, []event.Sentence{{Text: s}}, evs)
	if l := evs[0].Location; l != nil {
		t.Errorf("two places outside the clause: %+v, want nil", *l)
	}
}

func TestLoadAliases(t *testing.T) {
	g, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	user := `# user aliases
Camp Alpha; Alpha Base | IRQ | city | 33.3,44.4 | Camp Alpha
Kyiv | UKR | city | 50.45,30.52 | Kyiv (user)
`
	if err := g.LoadAliases(strings.NewReader(user)); err != nil {
		t.Fatal(err)
	}
	m := g.Find("Drones struck Camp Alpha overnight.", nil)
	if len(m) != 1 || m[0].Place.Country != "IRQ" || m[0].Place.Name != "Camp Alpha" {
		t.Errorf("user alias: %+v", m)
	}
	if p, _ := g.Lookup("Kyiv", nil); p.Name != "Kyiv (user)" {
		t.Errorf("override: %+v", p)
	}
	if p, _ := g.Lookup("Kiev", nil); p.Name != "Kyiv" {
		t.Errorf("other phrases of an overridden entry keep theirs: %+v", p)
	}
	for _, bad := range []string{
		"Foo | XX | city | 1,2 | Foo",
		"Foo | FOO | town | 1,2 | Foo",
		"Foo | FOO | city | 100,2 | Foo",
		"Foo | FOO | city | 1,2",
		"Foo | AZE | city | - | Nowhereville",
	} {
		if err := g.LoadAliases(strings.NewReader(bad)); err == nil {
			t.Errorf("LoadAliases(%q): no error", bad)
		}
	}
}

// TestScene: an event whose sentence names no place takes the town the
// sentence before it put the story in, when that town is in one of the
// event's parties' countries; a country alone, or another country's town,
// is no scene.
func TestScene(t *testing.T) {
	g := Default()
	tests := []struct {
		name, text       string
		src, tgt         string
		wantName, wantCC string
	}{
		{"town of the sentence before", "Protests against the government turned violent in Belgrade on Friday. The protesters clashed with the police.",
			"SRB", "SRB", "Belgrade", "SRB"},
		{"another country's town is no scene", "Talks were held in Geneva on Monday. The protesters clashed with the police.",
			"SRB", "SRB", "", ""},
		{"a country alone is no scene", "Protests spread across Serbia on Friday. The protesters clashed with the police.",
			"SRB", "SRB", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := text.Document(tt.text)
			s1 := doc.Sentences[1].Text
			evs := []event.Event{{SentenceIndex: 1, Sentence: s1, Trigger: span(s1, "clashed"),
				Source: actor(s1, "The protesters", tt.src+"CVL", tt.src),
				Target: actor(s1, "the police", tt.tgt+"COP", tt.tgt)}}
			g.AnnotateDoc(event.Article{ID: "a"}, doc, evs)
			got, gotCC := "", ""
			if l := evs[0].Location; l != nil {
				got, gotCC = l.Name, l.Country
			}
			if got != tt.wantName || gotCC != tt.wantCC {
				t.Errorf("location %q %q, want %q %q", got, gotCC, tt.wantName, tt.wantCC)
			}
		})
	}
}
