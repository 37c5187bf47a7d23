package coder

import (
	_ "embed"

	"github.com/flashpoint/flashpoint/internal/wordclass"
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
	"relatives", "peopleNouns", "individuals", "localRoles", "institutionRoles", "petitioners", "unnamedQualifiers", "possessiveDeterminers", "operationNouns", "gatherings", "titleHeads", "platforms", "platformPreps", "nonPoliticalModifiers", "demandWords", "exampleMarkers", "reasonPreps", "absolutes", "directions", "weapons", "stateRoles",
	"speakingNouns", "asNotClause", "reflexives", "complementMarkers", "responseNouns",
	"agentMarkers", "authoredNouns", "ofMarkers", "affiliations", "oppositions", "topicPreps", "desireVerbs", "cancelVerbs", "stopVerbs", "articles", "deontics", "refusalVerbs", "threatVerbs", "ownerWords", "objectPronouns", "aspectuals", "titleRoles", "aerialAgents", "droneAgents", "missileWords", "heavyWeapons", "smallArms", "sidesNouns", "announceVerbs", "targetPreps", "verbalObjects", "controlVerbs", "personPronouns", "timeNouns", "auxFutures", "vowVerbs", "placeVerbs", "coerciveVerbs", "personNouns", "killWords", "placeNouns", "perpetrators", "followers", "relationNouns", "attributions", "attackNouns", "prepareVerbs", "willingWords", "circumstancePreps", "woundWords", "firstPersons", "speechWords", "speechParticiples",
}

// wordClasses is words.txt parsed during package initialisation; the file is
// embedded, so an error in it is a build defect and panics at once.
var wordClasses = wordclass.MustParse("coder/data/words.txt", wordsTxt, wordClassNames)

// wordClass returns a class of words.txt. Initialising the variables below
// through it (rather than in init) lets Go order any other package-level
// variable that uses them after the parse.
func wordClass(name string) map[string]bool { return wordClasses.Class(name) }

// The word classes; data/words.txt says what each one means.
var (
	boundaries            = wordClass("boundaries")
	conditionals          = wordClass("conditionals")
	modals                = wordClass("modals")
	futures               = wordClass("futures")
	negations             = wordClass("negations")
	beForms               = wordClass("beForms")
	prepositions          = wordClass("prepositions")
	quantities            = wordClass("quantities")
	coordination          = wordClass("coordination")
	determiners           = wordClass("determiners")
	pronouns              = wordClass("pronouns")
	possessivePronouns    = wordClass("possessivePronouns")
	speculation           = wordClass("speculation")
	locatives             = wordClass("locatives")
	pairNouns             = wordClass("pairNouns")
	nonTarget             = wordClass("nonTarget")
	peopleRole            = wordClass("peopleRole")
	subordinators         = wordClass("subordinators")
	clauseOpeners         = wordClass("clauseOpeners")
	relatives             = wordClass("relatives")
	peopleNouns           = wordClass("peopleNouns")
	individuals           = wordClass("individuals")
	localRoles            = wordClass("localRoles")
	institutionRoles      = wordClass("institutionRoles")
	petitioners           = wordClass("petitioners")
	unnamedQualifiers     = wordClass("unnamedQualifiers")
	possessiveDeterminers = wordClass("possessiveDeterminers")
	operationNouns        = wordClass("operationNouns")
	gatherings            = wordClass("gatherings")
	titleHeads            = wordClass("titleHeads")
	platforms             = wordClass("platforms")
	platformPreps         = wordClass("platformPreps")
	nonPoliticalModifiers = wordClass("nonPoliticalModifiers")
	demandWords           = wordClass("demandWords")
	exampleMarkers        = wordClass("exampleMarkers")
	authoredNouns         = wordClass("authoredNouns")
	killWords             = wordClass("killWords")
	placeNouns            = wordClass("placeNouns")
	perpetrators          = wordClass("perpetrators")
	followers             = wordClass("followers")
	relationNouns         = wordClass("relationNouns")
	attributions          = wordClass("attributions")
	attackNouns           = wordClass("attackNouns")
	prepareVerbs          = wordClass("prepareVerbs")
	willingWords          = wordClass("willingWords")
	circumstancePreps     = wordClass("circumstancePreps")
	woundWords            = wordClass("woundWords")
	firstPersons          = wordClass("firstPersons")
	speechWords           = wordClass("speechWords")
	speechParticiples     = wordClass("speechParticiples")
	reasonPreps           = wordClass("reasonPreps")
	absolutes             = wordClass("absolutes")
	agentMarkers          = wordClass("agentMarkers")
	ofMarkers             = wordClass("ofMarkers")
	affiliations          = wordClass("affiliations")
	oppositions           = wordClass("oppositions")
	topicPreps            = wordClass("topicPreps")
	desireVerbs           = wordClass("desireVerbs")
	cancelVerbs           = wordClass("cancelVerbs")
	stopVerbs             = wordClass("stopVerbs")
	articles              = wordClass("articles")
	deontics              = wordClass("deontics")
	refusalVerbs          = wordClass("refusalVerbs")
	threatVerbs           = wordClass("threatVerbs")
	ownerWords            = wordClass("ownerWords")
	objectPronouns        = wordClass("objectPronouns")
	aspectuals            = wordClass("aspectuals")
	titleRoles            = wordClass("titleRoles")
	aerialAgents          = wordClass("aerialAgents")
	droneAgents           = wordClass("droneAgents")
	missileWords          = wordClass("missileWords")
	heavyWeapons          = wordClass("heavyWeapons")
	smallArms             = wordClass("smallArms")
	sidesNouns            = wordClass("sidesNouns")
	announceVerbs         = wordClass("announceVerbs")
	targetPreps           = wordClass("targetPreps")
	verbalObjects         = wordClass("verbalObjects")
	controlVerbs          = wordClass("controlVerbs")
	personPronouns        = wordClass("personPronouns")
	timeNouns             = wordClass("timeNouns")
	auxFutures            = wordClass("auxFutures")
	vowVerbs              = wordClass("vowVerbs")
	placeVerbs            = wordClass("placeVerbs")
	coerciveVerbs         = wordClass("coerciveVerbs")
	personNouns           = wordClass("personNouns")
	directions            = wordClass("directions")
	weapons               = wordClass("weapons")
	stateRoles            = wordClass("stateRoles")
	speakingNouns         = wordClass("speakingNouns")
	asNotClause           = wordClass("asNotClause")
	reflexives            = wordClass("reflexives")
	complementMarkers     = wordClass("complementMarkers")
	responseNouns         = wordClass("responseNouns")
)
