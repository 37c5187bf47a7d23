package actors

import (
	_ "embed"

	"github.com/flashpoint/flashpoint/internal/wordclass"
)

// The closed-class English words the matcher relies on are data
// (data/words.txt), like the coder's.
//
//go:embed data/words.txt
var wordsTxt string

var wordClassNames = []string{"adjectival", "modifiedNouns", "functionWords", "nameStops", "nameParticles", "nameSuffixes", "besideNames", "nonNames", "familyNameFirst"}

var wordClasses = wordclass.MustParse("actors/data/words.txt", wordsTxt, wordClassNames)

// The word classes; data/words.txt says what each one means.
var (
	adjectival      = wordClasses.Class("adjectival")
	modifiedNouns   = wordClasses.Class("modifiedNouns")
	functionWords   = wordClasses.Class("functionWords")
	nameStops       = wordClasses.Class("nameStops")
	nameParticles   = wordClasses.Class("nameParticles")
	nameSuffixes    = wordClasses.Class("nameSuffixes")
	besideNames     = wordClasses.Class("besideNames")
	nonNames        = wordClasses.Class("nonNames")
	familyNameFirst = wordClasses.Class("familyNameFirst")
)
