package coder

// Closed-class word lists the clause analysis relies on.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// boundaries end a clause for subject and object search.
var boundaries = set(";", ":", "when", "after", "before", "while", "because", "if", "unless",
	"although", "though", "whereas", "where", "which", "who", "whom", "whose", "that", "since",
	"until", "despite", "—", "–", "(", ")", "but", "whether")

// conditionals make a predicate hypothetical when they open its clause.
var conditionals = set("if", "unless", "whether")

// modals make a predicate speculative unless its pattern is a threat or
// an intention.
var modals = set("could", "might", "may", "would", "should", "can")

var futures = set("will", "would", "to", "'ll", "shall")

var negations = set("not", "n't", "never", "no", "neither", "nor", "without")

var beForms = set("is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets")

// prepositions before an actor make it an object, not a subject.
var prepositions = set("of", "in", "on", "at", "to", "from", "with", "against", "into", "near",
	"for", "over", "about", "by", "between", "across", "toward", "towards", "through", "under",
	"like", "among", "amid", "around", "outside", "inside", "within", "behind", "than",
	"via", "per", "onto", "upon", "along", "beyond", "despite", "after", "before", "during", "throughout")

// quantities let "of" introduce a subject: "hundreds of residents".
var quantities = set("hundreds", "thousands", "dozens", "millions", "scores", "tens", "some",
	"many", "most", "all", "one", "two", "three", "four", "five", "several", "groups", "group",
	"number", "crowds", "members", "supporters", "each", "both", "none", "parts", "part")

// coordination may stand between the members of a compound actor.
var coordination = set(",", "and", "or", "both", "well", "several", "the", "three", "two", "a", "an",
	"four", "five", "his", "her", "its", "their", "other", "senior", "also")

var determiners = set("the", "a", "an", "both", "its", "their", "his", "her", "several", "two",
	"three", "some", "all", "other", "these", "those", "this", "such")

var pronouns = set("it", "they", "he", "she", "them")
var possessivePronouns = set("its", "their", "his", "her")

// speculation marks a clause as analysis, not event.
var speculation = set("analysts", "seen", "expected", "likely", "possible", "possibly", "potential",
	"risk", "fears", "feared", "concerns")

// locatives introduce where something happened.
var locatives = set("in", "near", "outside", "inside", "across", "around", "within", "at")

// pairNouns after "both" or "the two" stand for the last two countries named.
var pairNouns = set("nations", "countries", "sides", "neighbours", "neighbors", "states", "governments", "parties")

// nonTarget prepositions introduce circumstances, never the target.
var nonTarget = set("under", "over", "about", "despite", "after", "before", "during", "amid",
	"including", "like", "than", "via", "along", "beyond", "behind", "since", "by", "until", "as")

// peopleRole marks roles whose agent words ("people", "journalists")
// can be written into a pattern and still be the target.
var peopleRole = set("CVL", "REF", "MED")

// subordinators open a clause; before a subject they are not prepositions.
var subordinators = set("after", "before", "since", "until")

// clauseOpeners start relative and subordinate clauses, whose subject
// is never the main clause's.
var clauseOpeners = set("that", "which", "who", "whom", "whose", "when", "after", "before", "while", "as",
	"because", "if", "unless", "although", "though", "since", "until", "where", "whether")

// relatives open relative clauses.
var relatives = set("that", "which", "who")

// peopleNouns in a pattern name civilian victims.
var peopleNouns = set("people", "civilians", "father", "mother", "son", "daughter", "man", "woman",
	"men", "women", "children", "villagers", "students", "girls", "boys", "passengers", "workers",
	"residents", "tourists", "worshippers", "pilgrims", "hostages")

// reasonPreps introduce the reason, object or time anchor of another
// event; a noun they govern is never an event by itself.
var reasonPreps = set("adjective", "for", "over", "since", "after", "about", "against", "of", "despite", "amid", "before")

// absolutes after a comma open a clause of their own.
var absolutes = set("with", "while", "as", "but", "although", "though", "despite", "whereas")

var directions = set("northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
	"northeastern", "northwestern", "southeastern", "southwestern", "occupied")

// weapons are role words ("Ukrainian drones" = UKRMIL) that name no
// actor without a country or owner.
var weapons = set("drones", "drone", "warplanes", "jets", "warships", "tanks", "artillery", "missiles")

// stateRoles are the roles of a state's institutions.
var stateRoles = set("GOV", "GOVMIL", "MIL", "COP", "SPY", "JUD", "LEG")

// speakingNouns stand between an actor and a relative clause it is the
// subject of: "a U.N. report that accused…".
var speakingNouns = set("report", "statement", "study", "inquiry", "investigation", "probe", "panel",
	"commission", "committee", "mission", "team", "spokesman", "spokeswoman", "spokesperson")

var asNotClause = set("well", "part", "such", "a", "an", "soon", "long", "much", "many", "far", "of", "to",
	"baseless", "groundless", "false", "unfounded", "biased", "one", "the")

var reflexives = set("itself", "themselves", "himself", "herself", "ourselves")

// complementMarkers introduce an accusation's accused act: "accused X
// of …", "blamed X for …", "allegations that …".
var complementMarkers = set("of", "for", "that", "over")

// responseNouns make "to" introduce a reason: "in response to the attack".
var responseNouns = set("response", "reaction", "reply", "retaliation", "answer")
