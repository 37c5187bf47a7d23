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
	p.wire.Do(func() {
		if p.Geo != nil && p.Coder.Places == nil {
			// the coder asks the gazetteer whose country a targeted town is
			p.Coder.Places = func(name string) (string, bool) {
				pl, ok := p.Geo.Lookup(name, nil)
				return pl.Country, ok && pl.Precision != geo.PrecCountry
			}
		}
	})
	sents := text.Sentences(art.Text)
	evs := p.Coder.Code(art, sents)
	if p.Geo != nil {
		p.Geo.Annotate(art, sents, evs)
	}
	when.Annotate(art, sents, evs)
	return merge.Restatements(evs), nil
}
