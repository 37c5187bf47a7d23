package event

// Parse is the syntax layer's entry for one sentence the coder parsed:
// its syntactic words with their tags and dependency tree. Sentences the
// coder did not parse have no entry.
type Parse struct {
	Sent  int    // position of the sentence in Doc.Sentences
	Words []Word // in sentence order; heads index this slice
}

// Word is a syntactic word in the Universal Dependencies sense: a token,
// or one part of a token that carries a contracted clitic ("did" +
// "n't"), so several words may share a token.
type Word struct {
	Tok        int // its token: Doc.Sentences[Sent].Tokens[Tok]
	Start, End int // its bytes in the sentence
	UPOS       string
	Lemma      string
	Head       int    // index in Parse.Words of its head, -1 for the root
	Rel        string // UD relation to the head ("nsubj", "obl:agent")
}

// ActorMark is one actor mention the coder resolved: a Mark whose Value
// is the CAMEO actor code.
type ActorMark struct {
	Mark
	// How says what resolved it: "dictionary" (an entry names the actor),
	// "role" (a role word beside a named country, "British warplanes"),
	// "context" (a role word the article's context completes, "the
	// ministry"), "pronoun", "name" (a person named earlier),
	// "definite" ("the agency" after its full name), "pair" ("both
	// nations") or "coreference" ("the accused").
	How string
	// Entries are the dictionary entries and reasoning behind the code,
	// as --explain prints them; read-only.
	Entries []string
}
