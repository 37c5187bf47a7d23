// Package pipeline composes the stages that turn one article into
// events: text → actors/verbs/coder → geo → when → merge.
package pipeline

import (
	"sync"

	"github.com/flashpoint/flashpoint/internal/coder"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/geo"
	"github.com/flashpoint/flashpoint/internal/merge"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/when"
)

// Pipeline codes articles. It is safe for concurrent use.
type Pipeline struct {
	Coder *coder.Coder
	Geo   *geo.Gazetteer // nil: no geolocation
	wire  sync.Once
}

// New returns a pipeline with the embedded dictionaries and gazetteer.
func New() (*Pipeline, error) {
	c, err := coder.New()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Coder: c, Geo: geo.Default()}, nil
}

// Process codes one article: its events with dates and places.
func (p *Pipeline) Process(art event.Article) ([]event.Event, error) {
	evs, _ := p.run(art, false)
	return evs, nil
}

// ProcessDoc is Process that also returns the document the stages read:
// the article's sentences and tokens, made once by the text stage, with
// the layers the coder (syntax, actors), geo and time stages added to it.
// The events are those Process returns; the coder's layers are filled
// only here, so Process does not pay for them.
func (p *Pipeline) ProcessDoc(art event.Article) ([]event.Event, *event.Doc, error) {
	evs, doc := p.run(art, true)
	return evs, doc, nil
}

func (p *Pipeline) run(art event.Article, layers bool) ([]event.Event, *event.Doc) {
	p.wire.Do(func() {
		if p.Geo != nil && p.Coder.Places == nil {
			// the coder asks the gazetteer whose country a targeted town is
			p.Coder.Places = func(name string) (string, bool) {
				pl, ok := p.Geo.Lookup(name, nil)
				return pl.Country, ok && pl.Precision != geo.PrecCountry
			}
		}
	})
	doc := text.Document(art.Text)
	var evs []event.Event
	if layers {
		evs = p.Coder.CodeDoc(art, doc)
	} else {
		evs = p.Coder.Code(art, doc.Sentences)
	}
	if p.Geo != nil {
		p.Geo.AnnotateDoc(art, doc, evs)
	}
	when.AnnotateDoc(art, doc, evs)
	return merge.Restatements(evs), doc
}
