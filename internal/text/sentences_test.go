package text

import (
	"os"
	"strings"
	"testing"
)

func texts(body string) []string {
	var out []string
	for _, s := range Sentences(body) {
		out = append(out, s.Text)
	}
	return out
}

func TestSentencesSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"titles", "Gen. Smith met Mr. Jones and Mrs. Brown in St. Petersburg. They talked.",
			[]string{"Gen. Smith met Mr. Jones and Mrs. Brown in St. Petersburg.", "They talked."}},
		{"ranks", "Sen. Jim Risch and Rep. Mike McCaul met Lt. Col. Alexander Vindman and Maj. Capt. Dr. Jones. Talks went on.",
			[]string{"Sen. Jim Risch and Rep. Mike McCaul met Lt. Col. Alexander Vindman and Maj. Capt. Dr. Jones.", "Talks went on."}},
		{"acronym mid", "U.S. President Joe Biden met U.N. officials. He left.",
			[]string{"U.S. President Joe Biden met U.N. officials.", "He left."}},
		{"acronym end", "China imposed sanctions on the U.S. The move angered Washington.",
			[]string{"China imposed sanctions on the U.S.", "The move angered Washington."}},
		{"acronym end uk", "Troops left the U.K. It was calm. Talks with the U.S. Navy went on.",
			[]string{"Troops left the U.K.", "It was calm.", "Talks with the U.S. Navy went on."}},
		{"initials", "John F. Kennedy was shot in 1963. Lee H. Oswald was arrested.",
			[]string{"John F. Kennedy was shot in 1963.", "Lee H. Oswald was arrested."}},
		{"decimals", "Prices rose 4.2% to $3.49 a gallon. Analysts were surprised.",
			[]string{"Prices rose 4.2% to $3.49 a gallon.", "Analysts were surprised."}},
		{"am pm", "He arrived at 10 a.m. on Monday and left at 5 p.m. The talks failed.",
			[]string{"He arrived at 10 a.m. on Monday and left at 5 p.m.", "The talks failed."}},
		{"etc lower", "Tanks, guns, etc. were deployed. Talks stalled.",
			[]string{"Tanks, guns, etc. were deployed.", "Talks stalled."}},
		{"etc end", "They sent tanks, guns, etc. The talks stalled.",
			[]string{"They sent tanks, guns, etc.", "The talks stalled."}},
		{"dates and numbers", "The vote is on Jan. 6 at No. 10 Downing Street. Sept. 11 and Aug. 5 follow. It was calm.",
			[]string{"The vote is on Jan. 6 at No. 10 Downing Street.", "Sept. 11 and Aug. 5 follow.", "It was calm."}},
		{"months", "Talks began on Feb. 2, Oct. 3, Nov. 4 and Dec. 5 last year. None succeeded.",
			[]string{"Talks began on Feb. 2, Oct. 3, Nov. 4 and Dec. 5 last year.", "None succeeded."}},
		{"companies", "Acme Co. Ltd. and Apple Inc. said profits rose. Shares fell.",
			[]string{"Acme Co. Ltd. and Apple Inc. said profits rose.", "Shares fell."}},
		{"company end", "Shares were sold to Apple Inc. The deal closed.",
			[]string{"Shares were sold to Apple Inc.", "The deal closed."}},
		{"vs", "Russia vs. Ukraine talks ended. Next came Iran.",
			[]string{"Russia vs. Ukraine talks ended.", "Next came Iran."}},
		{"eg ie", "Some states, e.g. France, objected, i.e. they voted no. Others did not.",
			[]string{"Some states, e.g. France, objected, i.e. they voted no.", "Others did not."}},
		{"ellipsis lower", "He paused... and then spoke. Then he left.",
			[]string{"He paused... and then spoke.", "Then he left."}},
		{"ellipsis upper", "He waited\u2026 Nothing happened. Really?! Yes.",
			[]string{"He waited\u2026", "Nothing happened.", "Really?!", "Yes."}},
		{"quote comma", `"We will fight," he said. "We will win."`,
			[]string{`"We will fight," he said.`, `"We will win."`}},
		{"quote spans", `He said: "The attack was planned. We have proof." Officials denied it.`,
			[]string{`He said: "The attack was planned.`, `We have proof."`, "Officials denied it."}},
		{"curly quote", "The minister called it \u201ca provocation.\u201d Baku rejected the claim.",
			[]string{"The minister called it \u201ca provocation.\u201d", "Baku rejected the claim."}},
		{"single quote", "He called it 'overwhelming.' Seoul responded.",
			[]string{"He called it 'overwhelming.'", "Seoul responded."}},
		{"question lower", `He asked, "Why?" and left. Nobody answered!`,
			[]string{`He asked, "Why?" and left.`, "Nobody answered!"}},
		{"paren", "(The U.N. confirmed this.) Talks resumed.",
			[]string{"(The U.N. confirmed this.)", "Talks resumed."}},
		{"hyphen after abbr", "A U.S.-drafted resolution failed. Russia vetoed it.",
			[]string{"A U.S.-drafted resolution failed.", "Russia vetoed it."}},
		{"no final punct", "Diplomats urged both sides to refrain from any actions or rhetoric",
			[]string{"Diplomats urged both sides to refrain from any actions or rhetoric"}},
		{"trailing space", "  One sentence here.   ", []string{"One sentence here."}},
		{"empty", "", nil},
		{"only advert", "Advertisement\n\nADVERTISEMENT", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSentencesStructure(t *testing.T) {
	type sent struct {
		text      string
		paragraph int
		heading   string
	}
	tests := []struct {
		name string
		in   string
		want []sent
	}{
		{"headings and adverts",
			"Armenia accused Azerbaijan of shelling. Baku denied it.\n\nAdvertisment\n\nBackground of the Dispute\n\n" +
				"The two sides fought in 2020.\n\nADVERTISEMENT\nAlso read: Armenia and Azerbaijan agree on talks\n\nSponsored\n\n" +
				"What Comes Next\n\nDiplomats urged both sides to show restraint and avoid any further",
			[]sent{
				{"Armenia accused Azerbaijan of shelling.", 0, ""},
				{"Baku denied it.", 0, ""},
				{"The two sides fought in 2020.", 1, "Background of the Dispute"},
				{"Diplomats urged both sides to show restraint and avoid any further", 2, "What Comes Next"},
			}},
		{"single newline paragraphs",
			"Line one ends here.\nLine two ends here.\nInternational Response and Peace Prospects\nMore prose follows.\nRead more: Some other story",
			[]sent{
				{"Line one ends here.", 0, ""},
				{"Line two ends here.", 1, ""},
				{"More prose follows.", 2, "International Response and Peace Prospects"},
			}},
		{"hard wrapped",
			"The quick brown fox jumped over the\nlazy dog in the morning and then it\nran away. A second sentence follows\nhere.",
			[]sent{
				{"The quick brown fox jumped over the\nlazy dog in the morning and then it\nran away.", 0, ""},
				{"A second sentence follows\nhere.", 0, ""},
			}},
		{"wrapped with heading",
			"Talks Collapse\nThe talks collapsed on Monday after the two\ndelegations failed to agree on a text.",
			[]sent{
				{"The talks collapsed on Monday after the two\ndelegations failed to agree on a text.", 0, "Talks Collapse"},
			}},
		{"sentence case line is prose",
			"Why the talks failed\n\nThe talks failed.",
			[]sent{
				{"Why the talks failed", 0, ""},
				{"The talks failed.", 1, ""},
			}},
		{"crlf",
			"First one.\r\n\r\nHeading Here\r\n\r\nSecond one.\r\n",
			[]sent{
				{"First one.", 0, ""},
				{"Second one.", 1, "Heading Here"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			checkOffsets(t, tt.in, got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d sentences %q, want %d", len(got), texts(tt.in), len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Paragraph != w.paragraph || g.Heading != w.heading || g.Index != i {
					t.Errorf("sentence %d = {%d %q p%d %q}, want {%d %q p%d %q}",
						i, g.Index, g.Text, g.Paragraph, g.Heading, i, w.text, w.paragraph, w.heading)
				}
			}
		})
	}
}

func TestIsAdvert(t *testing.T) {
	for line, want := range map[string]bool{
		"Advertisment": true, "Advertisement": true, "ADVERTISEMENT": true, "Sponsored": true,
		"Read more": true, "Read more:": true, "Also read: Iran fires missiles": true,
		"READ MORE | Talks resume": true, "Related talks failed.": false,
		"Sponsored by the state, the plan failed.": false, "Advertising revenue fell.": false,
	} {
		if got := isAdvert(line); got != want {
			t.Errorf("isAdvert(%q) = %v, want %v", line, got, want)
		}
	}
}

func TestIsHeadingLike(t *testing.T) {
	for line, want := range map[string]bool{
		"Background of the Conflict":                 true,
		"International Response and Peace Prospects": true,
		"Recent Developments and Accusations":        true,
		"BACKGROUND":                                 true,
		"The talks failed.":                          false,
		"Why the talks failed":                       false,
		"the Conflict":                               false,
		"What They Said:":                            false,
		"One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen": false,
	} {
		if got := isHeadingLike(line); got != want {
			t.Errorf("isHeadingLike(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestArticle checks the handwritten article in testdata end to end.
func TestArticle(t *testing.T) {
	b, err := os.ReadFile("testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := string(b)
	got := Sentences(body)
	checkOffsets(t, body, got)
	want := []struct {
		prefix  string
		heading string
	}{
		{"Armenia accused", ""},
		{"Azerbaijan's defence", ""},
		{"The two countries", "Background of the Dispute"},
		{"Some 1,500", "Background of the Dispute"},
		{"Prices of food", "Background of the Dispute"},
		{"U.S. Secretary", "Background of the Dispute"},
		{`"We urge restraint.`, "Background of the Dispute"},
		{`There is no military solution," he said.`, "Background of the Dispute"},
		{"Gen. Ivan Petrov", "Background of the Dispute"},
		{"The U.N. Security", "Background of the Dispute"},
		{"Diplomats from", "What Comes Next"},
		{"The mediators", "What Comes Next"},
		{"Turkey, Iran, etc.", "What Comes Next"},
		{"Analysts were sceptical", "What Comes Next"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d: %q", len(got), len(want), texts(body))
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].Text, w.prefix) || got[i].Heading != w.heading {
			t.Errorf("sentence %d = %q (heading %q), want prefix %q (heading %q)", i, got[i].Text, got[i].Heading, w.prefix, w.heading)
		}
	}
	if s := got[len(got)-1].Text; !strings.HasSuffix(s, "refrain from rhetoric") {
		t.Errorf("last sentence %q lost its unpunctuated ending", s)
	}
}

// TestSeed runs the canonical seed article when the shared folder is present.
func TestSeed(t *testing.T) {
	b, err := os.ReadFile("../../../shared/seed/000_0234d3e6c749b628.txt")
	if err != nil {
		t.Skip("shared seed not present:", err)
	}
	body := string(b)
	// The reader strips the date line; do the same here.
	if f := strings.Fields(body); len(f) > 2 && f[0] == "date" {
		body = body[strings.Index(body, f[1])+len(f[1]):]
	}
	got := Sentences(body)
	checkOffsets(t, body, got)
	if len(got) != 11 {
		t.Fatalf("got %d sentences, want 11: %q", len(got), texts(body))
	}
	for _, s := range got {
		if strings.Contains(s.Text, "Advertisment") {
			t.Errorf("advert residue in sentence %q", s.Text)
		}
	}
	checks := []struct {
		i         int
		heading   string
		paragraph int
	}{
		{0, "", 0}, {3, "Background of the Conflict", 1}, {7, "Recent Developments and Accusations", 2},
		{10, "International Response and Peace Prospects", 3},
	}
	for _, c := range checks {
		if got[c.i].Heading != c.heading || got[c.i].Paragraph != c.paragraph {
			t.Errorf("sentence %d: heading %q paragraph %d, want %q %d", c.i, got[c.i].Heading, got[c.i].Paragraph, c.heading, c.paragraph)
		}
	}
	if last := got[10].Text; !strings.HasSuffix(last, "refrain from any actions or rhetoric") {
		t.Errorf("last sentence = %q", last)
	}
}

func TestLongSentencesAreCut(t *testing.T) {
	body := strings.Repeat("Russia and Ukraine clashed near Kharkiv and France condemned Iran ", 5000)
	sents := Sentences(body)
	if len(sents) < 100 {
		t.Fatalf("%d pieces from a 330 kB run-on sentence", len(sents))
	}
	for _, s := range sents {
		if len(s.Text) > MaxSentence {
			t.Fatalf("piece of %d bytes", len(s.Text))
		}
		if body[s.Start:s.Start+len(s.Text)] != s.Text {
			t.Fatalf("offsets do not slice back")
		}
	}
}
