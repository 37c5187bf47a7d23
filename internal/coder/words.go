package coder

import (
	_ "embed"
	"fmt"
	"strings"
)

// set builds a word set; frames.go and sent.go still use it for the few
// lists that live beside their code.
func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// The closed-class word lists the clause analysis relies on are data
// (data/words.txt), so they can be read and edited without touching code.
//
//go:embed data/words.txt
var wordsTxt string

// wordClassNames are the classes words.txt must define, one per variable
// below; any other section in the file is an error.
var wordClassNames = []string{
	"boundaries", "conditionals", "modals", "futures", "negations", "beForms", "prepositions",
	"quantities", "coordination", "determiners", "pronouns", "possessivePronouns", "speculation",
	"locatives", "pairNouns", "nonTarget", "peopleRole", "subordinators", "clauseOpeners",
	"relatives", "peopleNouns", "reasonPreps", "absolutes", "directions", "weapons", "stateRoles",
	"speakingNouns", "asNotClause", "reflexives", "complementMarkers", "responseNouns",
	"agentMarkers", "ofMarkers", "affiliations", "desireVerbs", "cancelVerbs", "stopVerbs", "articles", "deontics", "refusalVerbs", "threatVerbs", "ownerWords", "objectPronouns", "timeNouns", "auxFutures", "vowVerbs", "placeVerbs", "coerciveVerbs", "personNouns",
}

// wordClasses is words.txt parsed during package initialisation; the file is
// embedded, so an error in it is a build defect and panics at once.
var wordClasses = func() map[string]map[string]bool {
	c, err := parseWords("words.txt", wordsTxt, wordClassNames)
	if err != nil {
		panic("coder: " + err.Error())
	}
	return c
}()

// wordClass returns a class of words.txt. Initialising the variables below
// through it (rather than in init) lets Go order any other package-level
// variable that uses them after the parse.
func wordClass(name string) map[string]bool {
	c, ok := wordClasses[name]
	if !ok {
		panic("coder: word class [" + name + "] is not in wordClassNames")
	}
	return c
}

// The word classes; data/words.txt says what each one means.
var (
	boundaries         = wordClass("boundaries")
	conditionals       = wordClass("conditionals")
	modals             = wordClass("modals")
	futures            = wordClass("futures")
	negations          = wordClass("negations")
	beForms            = wordClass("beForms")
	prepositions       = wordClass("prepositions")
	quantities         = wordClass("quantities")
	coordination       = wordClass("coordination")
	determiners        = wordClass("determiners")
	pronouns           = wordClass("pronouns")
	possessivePronouns = wordClass("possessivePronouns")
	speculation        = wordClass("speculation")
	locatives          = wordClass("locatives")
	pairNouns          = wordClass("pairNouns")
	nonTarget          = wordClass("nonTarget")
	peopleRole         = wordClass("peopleRole")
	subordinators      = wordClass("subordinators")
	clauseOpeners      = wordClass("clauseOpeners")
	relatives          = wordClass("relatives")
	peopleNouns        = wordClass("peopleNouns")
	reasonPreps        = wordClass("reasonPreps")
	absolutes          = wordClass("absolutes")
	agentMarkers       = wordClass("agentMarkers")
	ofMarkers          = wordClass("ofMarkers")
	affiliations       = wordClass("affiliations")
	desireVerbs        = wordClass("desireVerbs")
	cancelVerbs        = wordClass("cancelVerbs")
	stopVerbs          = wordClass("stopVerbs")
	articles           = wordClass("articles")
	deontics           = wordClass("deontics")
	refusalVerbs       = wordClass("refusalVerbs")
	threatVerbs        = wordClass("threatVerbs")
	ownerWords         = wordClass("ownerWords")
	objectPronouns     = wordClass("objectPronouns")
	timeNouns          = wordClass("timeNouns")
	auxFutures         = wordClass("auxFutures")
	vowVerbs           = wordClass("vowVerbs")
	placeVerbs         = wordClass("placeVerbs")
	coerciveVerbs      = wordClass("coerciveVerbs")
	personNouns        = wordClass("personNouns")
	directions         = wordClass("directions")
	weapons            = wordClass("weapons")
	stateRoles         = wordClass("stateRoles")
	speakingNouns      = wordClass("speakingNouns")
	asNotClause        = wordClass("asNotClause")
	reflexives         = wordClass("reflexives")
	complementMarkers  = wordClass("complementMarkers")
	responseNouns      = wordClass("responseNouns")
)

// parseWords reads the words.txt format: "[class]" opens a class, the words
// follow separated by spaces, "#" starts a comment. Every class in known
// must appear once and have words; errors name the file and line.
func parseWords(file, text string, known []string) (map[string]map[string]bool, error) {
	isKnown := make(map[string]bool, len(known))
	for _, k := range known {
		isKnown[k] = true
	}
	classes := map[string]map[string]bool{}
	headerLine := map[string]int{}
	wordLine := map[string]int{} // "class\x00word" → line, for duplicate errors
	class := ""
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		if h := strings.IndexByte(line, '#'); h >= 0 {
			line = line[:h]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			name, ok := strings.CutSuffix(line[1:], "]")
			if !ok || name == "" || strings.ContainsAny(name, "[] \t") {
				return nil, fmt.Errorf("%s:%d: malformed class header %q, want [class]", file, n, line)
			}
			if !isKnown[name] {
				return nil, fmt.Errorf("%s:%d: unknown class [%s]", file, n, name)
			}
			if first, dup := headerLine[name]; dup {
				return nil, fmt.Errorf("%s:%d: class [%s] repeated (first at line %d)", file, n, name, first)
			}
			class = name
			headerLine[name] = n
			classes[name] = map[string]bool{}
			continue
		}
		for _, w := range strings.Fields(line) {
			if class == "" {
				return nil, fmt.Errorf("%s:%d: word %q before any [class]", file, n, w)
			}
			key := class + "\x00" + w
			if first, dup := wordLine[key]; dup {
				return nil, fmt.Errorf("%s:%d: word %q repeated in [%s] (first at line %d)", file, n, w, class, first)
			}
			wordLine[key] = n
			classes[class][w] = true
		}
	}
	for _, k := range known {
		if _, ok := classes[k]; !ok {
			return nil, fmt.Errorf("%s: class [%s] missing", file, k)
		}
		if len(classes[k]) == 0 {
			return nil, fmt.Errorf("%s:%d: class [%s] has no words", file, headerLine[k], k)
		}
	}
	return classes, nil
}
