// Package coder turns the sentences of an article into CAMEO events:
// it finds actor phrases and verb patterns, works out who did what to
// whom clause by clause (voice, coordination, reciprocity, coreference)
// and reads the frames that wire reports are made of: reported speech,
// accusations with their claimed acts, denials linked to the claims they
// deny, refusals, threats and intentions.
package coder

import (
	"fmt"
	"sync"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// Coder codes articles with one set of dictionaries. It is safe for
// concurrent use: all per-article state lives in a doc value.
type Coder struct {
	Dict     *actors.Dict
	Codes    *verbs.Codes
	Patterns *verbs.Patterns
	Explain  bool // record dictionary entries and patterns on each event
	// Syntax parses the sentences that hold a trigger and an actor; nil
	// means the embedded model. NoParse codes from the token analysis
	// alone, to measure what the tree adds.
	Syntax  *syntax.Model
	NoParse bool
	// Places names the country that administers a place ("Kharkiv" →
	// UKR): an attack on a town is aimed at its country. The pipeline
	// sets it from the gazetteer; nil leaves places out of targets.
	Places  func(name string) (country string, ok bool)
	parsers sync.Pool
}

// New returns a coder with the embedded dictionaries.
func New() (*Coder, error) {
	d, err := actors.Default()
	if err != nil {
		return nil, err
	}
	codes, ps, err := verbs.Default()
	if err != nil {
		return nil, err
	}
	return &Coder{Dict: d, Codes: codes, Patterns: ps}, nil
}

// Code returns the events of one article, split into sentences by the
// text stage. Dates and places are left to the later stages.
func (c *Coder) Code(art event.Article, sents []event.Sentence) []event.Event {
	return c.code(art, sents, nil)
}

// code codes the sentences; with a document (whose sentences they are)
// it also adds the coder's syntax and actor layers to it.
func (c *Coder) code(art event.Article, sents []event.Sentence, layers *event.Doc) []event.Event {
	d := &doc{c: c, art: art, layers: layers}
	if !c.NoParse {
		p, _ := c.parsers.Get().(*syntax.Parser)
		if p == nil {
			m := c.Syntax
			if m == nil {
				m = syntax.Default()
			}
			p = m.NewParser()
		}
		d.parser = p
		defer c.parsers.Put(p)
	}
	d.nationals = c.readNationals(sents, art.Date)
	for i, s := range sents {
		d.pos = i
		d.sentence(s)
	}
	evs := d.finish()
	for i := range evs {
		evs[i].ID = fmt.Sprintf("%s-%d", art.ID, i+1)
	}
	d.link(evs)
	return evs
}

// doc is the state of coding one article.
type doc struct {
	c     *Coder
	art   event.Article
	ctx   context
	evs   []*draft
	kept  []*draft
	names names // people the article introduced
	// nationals are the countries the article gives people by apposition
	nationals nationals
	// unclaimed are attacks told in the passive with no agent ("oil
	// facilities were hit by drone strikes"): a later claim of
	// responsibility names who made them
	unclaimed []*draft
	// resignations are resignations told before the demand that they
	// yield to: the end of the article gives them their target
	resignations []*draft
	// scratch buffers reused from sentence to sentence
	scratch                         match
	present                         map[string]bool
	lowerBuf                        []string
	refAtBuf, groupAtBuf            []int
	speakerBuf, sayHeadBuf, usedBuf []bool
	matchBuf                        []*match
	// parser and its buffers are borrowed for the article
	parser *syntax.Parser
	words  []text.Word
	forms  []string
	// layers, if not nil, is the document that receives the coder's
	// layers; pos is the current sentence's position in it
	layers *event.Doc
	pos    int
}

// sentence codes one sentence.
func (d *doc) sentence(s event.Sentence) {
	toks := text.SentenceTokens(&s)
	if s.Index == 0 {
		// "MANILA, Sept 3 (AP) - A Chinese ship rammed…": the dateline
		// says where the report was filed; its place is no actor
		if dl, ok := text.ReadDateline(s.Text); ok {
			k := 0
			for k < len(toks) && toks[k].Start < dl.End {
				k++
			}
			toks = toks[k:]
		}
	}
	if len(toks) == 0 {
		return
	}
	sc := &sent{d: d, s: s, toks: toks}
	if d.c.discarded(toks) {
		// sport, markets and entertainment borrow the words of conflict
		// ("Brazil beat Argentina 2-1", "shares fell")
		return
	}
	sc.actors()
	if d.parser != nil && len(sc.refs) > 0 && sc.candidate() {
		// only sentences that can yield an event whose participants the
		// tree has to choose among are parsed: a trigger and two actors,
		// or an actor and a name that may be a targeted place
		sc.tree = parse(d.parser, toks, d.words, d.forms)
		d.words, d.forms = sc.tree.words, sc.tree.forms
		sc.adjuncts = sc.tree.adjunctEnds(sc.adjuncts)
		sc.dropModifiers()
		sc.rebindPronouns()
	}
	sc.triggers()
	sc.code()
	if d.layers != nil {
		d.record(sc)
	}
	d.ctx.endSentence()
}
