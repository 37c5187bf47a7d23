package geo

import (
	_ "embed"

	"github.com/flashpoint/flashpoint/internal/wordclass"
)

// set builds a word set for the few lists that live beside their code.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// The closed-class English words the mention finder relies on are data
// (data/words.txt), like the coder's and the actor matcher's.
//
//go:embed data/words.txt
var wordsTxt string

var wordClassNames = []string{"preps", "ofHeads", "directions", "regionWords", "facilityWords", "noStart", "connectors", "reportVerbs", "placeVerbs", "nameHeads"}

var wordClasses = wordclass.MustParse("geo/data/words.txt", wordsTxt, wordClassNames)

// The word classes; data/words.txt says what each one means.
var (
	preps         = wordClasses.Class("preps")
	ofHeads       = wordClasses.Class("ofHeads")
	directions    = wordClasses.Class("directions")
	regionWords   = wordClasses.Class("regionWords")
	facilityWords = wordClasses.Class("facilityWords")
	noStart       = wordClasses.Class("noStart")
	connectors    = wordClasses.Class("connectors")
	reportVerbs   = wordClasses.Class("reportVerbs")
	placeVerbs    = wordClasses.Class("placeVerbs")
	nameHeads     = wordClasses.Class("nameHeads")
)
