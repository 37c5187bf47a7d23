package coder

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/text"
)

// nationals are the countries an article gives people by apposition,
// anywhere in it ("Jamal Khashoggi, a Saudi national", "Brenton Tarrant,
// an Australian"): read before the sentences are coded, so that the first
// mention ("journalist Jamal Khashoggi") already has the person's country
// rather than the country of the place the story is in. Keyed by the
// lower-cased full name and by its surname.
type nationals map[string]string

// maxNationalName bounds the name words before the apposition.
const maxNationalName = 4

// readNationals scans the sentences for "NAME, a|an DEMONYM".
func (c *Coder) readNationals(sents []event.Sentence, date string) nationals {
	var n nationals
	for i := range sents {
		// (the tokens stay with the sentence for its coding)
		toks := text.SentenceTokens(&sents[i])
		sents[i].Tokens = toks
		for k := 2; k+2 < len(toks); k++ {
			if toks[k].Text != "," || !articles[actors.Key(toks[k+1].Text)] || actors.Key(toks[k+1].Text) == "the" {
				continue
			}
			country := c.demonymAt(toks[k+2:min(k+4, len(toks))], date)
			if country == "" {
				continue
			}
			start := k
			for start > 0 && k-start < maxNationalName && isCapital(toks[start-1].Text) {
				start--
			}
			if k-start < 2 {
				continue // one word is no person's full name
			}
			words := make([]string, 0, k-start)
			for _, t := range toks[start:k] {
				words = append(words, actors.Key(t.Text))
			}
			if n == nil {
				n = nationals{}
			}
			keepUnique(n, strings.Join(words, " "), country)
			keepUnique(n, words[len(words)-1], country)
		}
	}
	return n
}

// demonymAt returns the country of a demonym opening toks ("Saudi", "an
// Australian"), or "".
func (c *Coder) demonymAt(toks []text.Token, date string) string {
	for _, p := range c.Dict.Phrases(toks, date) {
		// ("an Emirati citizen" is one phrase: the demonym and a role)
		if p.Start == 0 && len(p.Entries) > 0 && p.Entries[0].Kind == actors.Demonym {
			if code := actors.ParseCode(p.Code); code.State() {
				return code.Country
			}
		}
	}
	return ""
}

// of returns the country the article gives the person named by words, or "".
func (n nationals) of(words []string) string {
	if len(n) == 0 || len(words) == 0 {
		return ""
	}
	if c := n[strings.Join(words, " ")]; c != "" {
		return c
	}
	return n[words[len(words)-1]]
}

// nationalNameAt returns the length of the full name at t of a person the
// article gives a nationality by apposition, or 0.
func (sc *sent) nationalNameAt(t int) int {
	if len(sc.d.nationals) == 0 {
		return 0
	}
	for k := min(maxNationalName, len(sc.toks)-t); k >= 2; k-- {
		if c := sc.d.nationals[strings.Join(sc.lower[t:t+k], " ")]; c != "" && isCapital(sc.toks[t].Text) {
			return k
		}
	}
	return 0
}
