// Package event holds the data model shared by every pipeline stage:
// articles, sentences and the coded events with their evidence.
//
// Offsets inside the pipeline are byte offsets into the sentence text
// (Go strings); the output stage converts them to character offsets.
package event

// Article is one news report as read from the input.
type Article struct {
	ID     string `json:"id"`
	Date   string `json:"date"` // YYYY-MM-DD, UTC calendar day
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	// Origin names where the record came from ("file.jsonl:12"), for messages.
	Origin string `json:"-"`
}

// Sentence is one sentence of a cleaned article body.
type Sentence struct {
	Index int    // 0-based position among the article's sentences
	Text  string // the sentence as written
	Start int    // byte offset of the sentence in the cleaned body
	// Paragraph is the 0-based paragraph number; Heading is the nearest
	// section heading above the sentence ("" if none).
	Paragraph int
	Heading   string
	// Tokens are the sentence's words, numbers and punctuation marks,
	// built once by the text stage (text.Document) for every later stage;
	// nil when the sentence was split without them.
	Tokens []Token
}

// Token is a word, number or punctuation mark of a sentence: Start and
// End are byte offsets into the sentence and Text is exactly
// Sentence.Text[Start:End] (add Sentence.Start for the body's offsets).
type Token struct {
	Text       string
	Start, End int
}

// Doc is an article body annotated for every stage: the text stage splits
// it once into sentences and their tokens, and later stages add their
// findings as layers of spans over those tokens instead of tokenising the
// text again.
type Doc struct {
	Sentences []Sentence
	// Places is the geo stage's layer: every place mention it detected.
	Places []Mark
	// Times is the time stage's layer: every time expression it found.
	Times []Mark
	// Syntax is the coder's parse of the sentences it parsed, one entry
	// per parsed sentence in sentence order.
	Syntax []Parse
	// Actors is the coder's layer: every actor mention it resolved.
	Actors []ActorMark
}

// Mark is one span of a Doc layer, in sentence and token order.
type Mark struct {
	Sent       int // position of the sentence in Doc.Sentences
	First, End int // its tokens: Doc.Sentences[Sent].Tokens[First:End]
	Span           // its bytes in the sentence and its text
	// Value is what the stage read there: a time expression's ISO 8601
	// value (as Event.Date), a place mention's name as looked up.
	Value string
}

// Span is a piece of a sentence: byte offsets [Start, End).
type Span struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Actor is a coded participant of an event.
type Actor struct {
	Code    string `json:"code"`    // CAMEO actor code, e.g. AZEGOVMIL
	Country string `json:"country"` // country part: ISO-3 or IGO/NGO code
	Span
	// Entries lists the dictionary entries that produced the code,
	// as "file:line phrase", for --explain.
	Entries []string `json:"-"`
}

// Location is where an event happened, resolved against the gazetteer.
type Location struct {
	Text       string  `json:"text"` // as written in the sentence
	Name       string  `json:"name"` // resolved name
	GeonameID  int64   `json:"geonameid,omitempty"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Country    string  `json:"country"` // ISO-3
	Admin1     string  `json:"admin1,omitempty"`
	Precision  string  `json:"precision"` // country, admin1 or city
	Confidence float64 `json:"confidence"`
}

// Event is one coded happening: who did what to whom, where, when,
// on whose word, with the evidence that produced it.
type Event struct {
	ID        string  `json:"id"`
	DocID     string  `json:"doc_id"`
	Source    Actor   `json:"source"`
	Target    Actor   `json:"target"`
	Code      string  `json:"code"` // CAMEO event code, leading zero kept
	Root      string  `json:"root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	Plover    string  `json:"plover"`
	// PloverMode refines the PLOVER type where the CAMEO code says more.
	PloverMode string `json:"plover_mode,omitempty"`

	Date          string    `json:"date"`                // ISO 8601 at DatePrecision
	DatePrecision string    `json:"date_precision"`      // day, week, month, year, decade
	DateText      string    `json:"date_text,omitempty"` // the raw expression, "" if none
	Background    bool      `json:"background"`          // > 30 days before the article
	Location      *Location `json:"location"`            // null when the text names no place
	ClaimedBy     *string   `json:"claimed_by"`          // claimant's code, null for fact
	// Assertion says how the text puts the event: asserted (reported as
	// fact), claimed (on a party's contested word), intended (a
	// cooperative act announced or offered) or threatened.
	Assertion string `json:"assertion"`
	// Confidence in [0,1] rates how directly the text gives the
	// participants: from the dependency tree, from word order, or from
	// the article's context (pronouns, "the ministry").
	Confidence    float64 `json:"confidence"`
	Denies        *string `json:"denies"` // id of the event this one denies
	SentenceIndex int     `json:"sentence_index"`
	Sentence      string  `json:"sentence"`
	Trigger       Span    `json:"trigger"`
	// Clause is the part of the sentence the event was read from; later
	// stages use it to attach the right date and place to the event.
	Clause Span `json:"-"`
	// PlaceSpan is the locative phrase the dependency tree attaches to
	// the event's predicate ("in Hebron", "near the border"); the geo
	// stage looks for the event's place there first.
	PlaceSpan Span `json:"-"`
	// Explain records which dictionary entries and patterns fired.
	Explain []string `json:"explain,omitempty"`
}
