package text

import (
	"sort"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Document splits an article body into sentences (as Sentences) and each
// sentence into tokens (as Tokens), once, for every later stage: the
// coder and the parser read the tokens, and the geo and time stages add
// their layers (event.Doc.Places, event.Doc.Times) over them.
func Document(body string) *event.Doc {
	sents := Sentences(body)
	for i := range sents {
		sents[i].Tokens = Tokens(sents[i].Text)
	}
	return &event.Doc{Sentences: sents}
}

// DocOf returns a document of sentences split earlier (by Sentences or by
// hand), tokenising those that have no tokens; sents is not changed.
func DocOf(sents []event.Sentence) *event.Doc {
	doc := &event.Doc{Sentences: sents}
	for i := range sents {
		if sents[i].Tokens == nil && sents[i].Text != "" {
			doc.Sentences = append([]event.Sentence(nil), sents...)
			for j := i; j < len(sents); j++ {
				doc.Sentences[j].Tokens = SentenceTokens(&sents[j])
			}
			break
		}
	}
	return doc
}

// SentenceTokens returns the tokens the text stage gave the sentence, or
// tokenises it when it has none (a sentence split by Sentences alone or
// built by hand).
func SentenceTokens(s *event.Sentence) []Token {
	if s.Tokens != nil || s.Text == "" {
		return s.Tokens
	}
	return Tokens(s.Text)
}

// Cover returns the tokens [i, j) that bytes [start, end) of their
// sentence overlap: what a stage records as its layer's token range.
func Cover(toks []Token, start, end int) (i, j int) {
	i = sort.Search(len(toks), func(k int) bool { return toks[k].End > start })
	j = i + sort.Search(len(toks)-i, func(k int) bool { return toks[i+k].Start >= end })
	return i, j
}
