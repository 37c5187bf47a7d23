package when

import (
	"strings"
	"testing"

	"github.com/flashpoint/flashpoint/internal/event"
)

// span locates sub in s (the first occurrence after the text "after", if given).
func span(t *testing.T, s, sub string) event.Span {
	t.Helper()
	if sub == "" {
		return event.Span{}
	}
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	return event.Span{Text: sub, Start: i, End: i + len(sub)}
}

type evCase struct {
	name     string
	sent     int    // index of the event's sentence
	trigger  string // substring of the sentence
	clause   string // substring; "" = whole sentence
	date     string
	prec     string
	text     string
	backgrnd bool
}

func runAnnotate(t *testing.T, artDate string, sents []event.Sentence, cases []evCase) {
	t.Helper()
	evs := make([]event.Event, len(cases))
	for i, c := range cases {
		s := sents[c.sent].Text
		evs[i] = event.Event{SentenceIndex: c.sent, Sentence: s,
			Trigger: span(t, s, c.trigger), Clause: span(t, s, c.clause)}
	}
	Annotate(event.Article{ID: "t", Date: artDate}, sents, evs)
	for i, c := range cases {
		ev := evs[i]
		if ev.Date != c.date || ev.DatePrecision != c.prec || ev.DateText != c.text || ev.Background != c.backgrnd {
			t.Errorf("%s: got date=%q prec=%q text=%q bg=%v; want %q %q %q %v", c.name,
				ev.Date, ev.DatePrecision, ev.DateText, ev.Background, c.date, c.prec, c.text, c.backgrnd)
		}
	}
}

func sentences(paras ...[]string) []event.Sentence {
	var out []event.Sentence
	for p, ss := range paras {
		for _, s := range ss {
			out = append(out, event.Sentence{Index: len(out), Text: s, Paragraph: p})
		}
	}
	return out
}

func TestAnnotateSpeechVerb(t *testing.T) {
	sents := sentences([]string{
		"Iran launched more than 300 drones and missiles at Israel late on Saturday in its first direct attack, the Israeli military said on Sunday.",
		"The United States has paused all military aid to Ukraine, a White House official said on Monday, days after a heated exchange.",
		"The Azerbaijan Defence Ministry reported on April 1 that Armenian forces engaged with small arms near the border.",
		"Mali's army said on Monday it had suffered losses in fierce fighting with rebels late last week.",
		"The ministry told reporters on Friday that troops shelled the town.",
	})
	runAnnotate(t, "2024-04-14", sents[:1], []evCase{
		{"launch takes its own date", 0, "launched", "", "2024-04-13", "day", "late on Saturday", false},
		{"the speech act takes the speech date", 0, "said", "", "2024-04-14", "day", "Sunday", false},
	})
	runAnnotate(t, "2025-03-04", sents, []evCase{
		{"speech date as last resort", 1, "paused", "The United States has paused all military aid to Ukraine", "2025-03-03", "day", "Monday", false},
	})
	runAnnotate(t, "2024-04-02", sents, []evCase{
		{"reported act dated by the report", 2, "engaged", "Armenian forces engaged with small arms near the border", "2024-04-01", "day", "April 1", false},
	})
	runAnnotate(t, "2024-07-29", sents, []evCase{
		{"own expression beats the speech date", 3, "fighting", "", "2024-W30", "week", "late last week", false},
		{"speech act", 3, "said", "", "2024-07-29", "day", "Monday", false},
	})
	runAnnotate(t, "2024-07-29", sents, []evCase{
		{"told reporters", 4, "shelled", "troops shelled the town", "2024-07-26", "day", "Friday", false},
	})
}

func TestAnnotateClause(t *testing.T) {
	sents := sentences([]string{
		"Mali's military government on Saturday rejected a U.N. report that accused its troops of killing at least 500 people in Moura in March 2022, calling the findings biased.",
		"Thousands marched in Caracas on Tuesday against the result of Sunday's presidential election, and security forces fired tear gas.",
		"Russia and China on Friday vetoed a draft resolution.",
		"Russia struck Ukraine's energy system overnight, officials said.",
		"Poland ordered the closure of the consulate on Monday, saying Russian agents were behind a fire that destroyed a shopping centre last year.",
		"North Korea warned on Saturday it would respond with force to drills due to start on Monday.",
	})
	runAnnotate(t, "2023-05-14", sents, []evCase{
		{"adjacent before the trigger", 0, "rejected", "Mali's military government on Saturday rejected a U.N. report", "2023-05-13", "day", "Saturday", false},
		{"background in the relative clause", 0, "killing", "that accused its troops of killing at least 500 people in Moura in March 2022", "2022-03", "month", "March 2022", true},
		{"participle covered by the lead date", 0, "calling", "calling the findings biased", "2023-05-13", "day", "Saturday", false},
		{"no clause: nearest after the trigger", 0, "rejected", "", "2023-05-13", "day", "Saturday", false},
	})
	runAnnotate(t, "2024-07-31", sents, []evCase{
		{"possessive skipped for a coordinated clause", 1, "fired", "security forces fired tear gas", "2024-07-30", "day", "Tuesday", false},
		{"possessive dates its noun", 1, "election", "", "2024-07-28", "day", "Sunday's", false},
		{"marched", 1, "marched", "", "2024-07-30", "day", "Tuesday", false},
	})
	runAnnotate(t, "2024-03-23", sents, []evCase{
		{"subject on Friday verb", 2, "vetoed", "", "2024-03-22", "day", "Friday", false},
	})
	runAnnotate(t, "2024-08-26", sents, []evCase{
		{"overnight is the article date", 3, "struck", "", "2024-08-26", "day", "overnight", false},
	})
	runAnnotate(t, "2025-05-12", sents, []evCase{
		{"last year is background", 4, "destroyed", "a fire that destroyed a shopping centre last year", "2024", "year", "last year", true},
		{"order on Monday", 4, "ordered", "", "2025-05-12", "day", "Monday", false},
	})
	runAnnotate(t, "2023-03-12", sents, []evCase{
		{"warned", 5, "warned", "", "2023-03-11", "day", "Saturday", false},
	})
}

func TestAnnotateDefaultAndBackground(t *testing.T) {
	sents := sentences(
		[]string{
			"Azerbaijan has accused Armenian troops of initiating gunfire along their border.",
			"Both nations have been locked in a conflict, with two major wars erupting in the 1990s and again in 2020.",
			"The latter conflict saw Azerbaijan reclaiming significant territories.",
			"Armenia's foreign ministry condemned the move.",
		},
		[]string{
			"It was the worst fighting in years.",
		},
		[]string{
			"Kremlin spokesman Dmitry Peskov said on Tuesday that Putin had no plans to meet Zelenskiy.",
			"Peskov also rejected Ukrainian accusations that Moscow was stalling.",
		},
		[]string{
			"Russia released Evan Gershkovich on Thursday as part of a prisoner swap.",
			"The exchange took place at Ankara airport.",
			"Israel's foreign ministry dismissed the accusation as baseless.",
		},
	)
	runAnnotate(t, "2024-04-02", sents[:5], []evCase{
		{"no expression: article date", 0, "accused", "", "2024-04-02", "day", "", false},
		{"decade: background, no date", 1, "erupting", "two major wars erupting in the 1990s", "", "decade", "the 1990s", true},
		{"year 2020", 1, "erupting", "again in 2020", "2020", "year", "2020", true},
		{"the latter takes the last expression", 2, "reclaiming", "", "2020", "year", "", true},
		{"a new subject does not carry", 3, "condemned", "", "2024-04-02", "day", "", false},
		{"no carry across paragraphs", 4, "fighting", "", "2024-04-02", "day", "", false},
	})
	runAnnotate(t, "2025-03-13", sents, []evCase{
		{"also carries the previous date", 6, "rejected", "", "2025-03-11", "day", "", false},
	})
	runAnnotate(t, "2024-08-02", sents, []evCase{
		{"the exchange carries", 8, "took place", "", "2024-08-01", "day", "", false},
		{"reaction keeps the article date", 9, "dismissed", "", "2024-08-02", "day", "", false},
	})
}

func TestAnnotateBadArticleDate(t *testing.T) {
	evs := []event.Event{{Sentence: "Fighting on Monday.", Trigger: event.Span{Text: "Fighting", End: 8}}}
	Annotate(event.Article{Date: "soon"}, nil, evs)
	if evs[0].Date != "soon" || evs[0].DateText != "" {
		t.Errorf("got %+v", evs[0])
	}
}

func TestContinues(t *testing.T) {
	tests := []struct {
		s    string
		pick int
		ok   bool
	}{
		{"The latter conflict saw...", wLatter, true},
		{"The former war ended.", wFormer, true},
		{"That war killed thousands.", 0, true},
		{"It was the first.", 0, true},
		{"The exchange took place.", 0, true},
		{"Peskov also rejected it.", 0, true},
		{"The ministry said.", 0, false},
		{"Israel, which also struck, said.", 0, false},
		{"", 0, false},
	}
	for _, tc := range tests {
		pick, ok := continues(tc.s)
		if pick != tc.pick || ok != tc.ok {
			t.Errorf("continues(%q) = %d, %v; want %d, %v", tc.s, pick, ok, tc.pick, tc.ok)
		}
	}
}

func TestYearModifierDatesOnlyItsNoun(t *testing.T) {
	s := "Armenia condemned the move as a breach of the 2020 ceasefire agreement."
	trig := strings.Index(s, "condemned")
	evs := []event.Event{{Sentence: s, Trigger: event.Span{Text: "condemned", Start: trig, End: trig + 9},
		Clause: event.Span{Start: 0, End: len(s)}}}
	Annotate(event.Article{ID: "a", Date: "2023-04-24", Text: s}, []event.Sentence{{Text: s}}, evs)
	if evs[0].Date != "2023-04-24" || evs[0].Background {
		t.Errorf("the condemnation took the agreement's year: %s background=%v", evs[0].Date, evs[0].Background)
	}
}
