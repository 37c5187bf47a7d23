package geo

// Word lists used by the mention finder, as keys (lower case, ASCII).

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// preps are prepositions after which a capitalised name is a place.
var preps = set("in", "near", "at", "outside", "across", "around", "into", "from", "to", "towards",
	"toward", "throughout", "inside", "via", "through", "within", "over", "off", "beyond", "nearby", "onto")

// ofHeads are nouns that make "<noun> of X" a place cue ("the city of X",
// "the outskirts of X", "north of X").
var ofHeads = set("city", "town", "village", "villages", "region", "province", "district", "outskirts",
	"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "capital",
	"centre", "center", "suburbs", "suburb", "part", "parts", "area", "areas", "heart", "vicinity", "port",
	"governorate", "municipality", "county", "edge", "streets", "settlement", "hamlet", "community",
	"oblast", "state", "island", "enclave", "neighbourhood", "neighborhood", "district", "borough")

// directions before a name are a cue and part of the mention ("northern Gaza").
var directions = set("northern", "southern", "eastern", "western", "central", "northeastern",
	"northwestern", "southeastern", "southwestern", "north", "south", "east", "west", "occupied")

// regionWords after a name are a cue that the name is a division.
var regionWords = set("region", "province", "district", "department", "governorate", "oblast",
	"county", "prefecture", "municipality", "krai", "kray", "rayon", "state", "regions", "provinces")

// facilityWords may follow a name without making it part of a longer one
// ("Ankara Airport", "Gaza City").
var facilityWords = set("airport", "airbase", "air", "base", "port", "harbour", "harbor", "square",
	"crossing", "city", "camp", "border", "checkpoint", "military")

// noStart words never begin a place name even when capitalised: function
// words at a sentence start, titles, months and days.
var noStart = set("in", "at", "on", "the", "a", "an", "from", "near", "to", "of", "and", "but", "for",
	"with", "by", "as", "after", "before", "during", "when", "while", "this", "that", "these", "those",
	"it", "its", "he", "she", "they", "we", "his", "her", "their", "our", "i", "you", "if", "since",
	"mr", "mrs", "ms", "dr", "president", "minister", "prime", "foreign", "defence", "defense",
	"general", "gen", "col", "lt", "sgt", "king", "queen", "prince", "pope", "sheikh", "chancellor",
	"secretary", "senator", "sen", "rep", "governor", "mayor", "ambassador", "commander", "chief",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"there", "here", "where", "what", "who", "why", "how", "however", "meanwhile", "also", "both",
	"some", "many", "several", "all", "no", "not", "one", "two", "three", "reuters",
	"associated", "ap", "afp", "bbc", "cnn", "ministry", "government", "parliament", "congress", "army",
	"police", "national", "international", "european", "supreme", "union")

// connectors may stand inside a multi-word name ("Rio de Janeiro",
// "Bosnia and Herzegovina", "Ras al-Khaimah").
var connectors = set("de", "del", "la", "le", "les", "el", "al", "ad", "as", "ar", "an", "ash", "at",
	"az", "ed", "es", "ul", "of", "and", "da", "do", "dos", "das", "di", "du", "van", "von", "der",
	"den", "y", "e", "sur", "upon", "on", "bin", "ibn", "bani", "beni", "abu")

// reportVerbs after a bare name mark it as an actor ("Kyiv said").
var reportVerbs = set("said", "says", "say", "announced", "announces", "accused", "accuses", "denied",
	"denies", "claimed", "claims", "warned", "warns", "stated", "insisted", "insists", "urged", "urges",
	"called", "calls", "rejected", "rejects", "condemned", "condemns", "responded", "responds", "has",
	"have", "had", "is", "was", "will", "would", "wants", "demanded", "demands", "threatened",
	"threatens", "agreed", "agrees", "signed", "signs", "launched", "launches", "blamed", "blames")

// placeVerbs take a place as object ("shelled Donetsk", "visited Ankara");
// a country after them is more likely an actor, so they cue only towns and
// divisions.
var placeVerbs = set("hit", "hits", "struck", "strikes", "shelled", "shells", "bombed", "bombs",
	"raided", "raids", "stormed", "besieged", "besieges", "captured", "captures", "seized", "seizes",
	"recaptured", "liberated", "entered", "enters", "visited", "visits", "visiting", "reached", "reaches",
	"left", "leaves", "evacuated", "evacuates", "targeted", "targets", "pounded", "pounds", "encircled",
	"surrounded", "overran", "rocked", "shook", "flooded", "toured", "landed", "occupied")

// nameHeads directly before a name make it a place ("the capital
// Putrajaya", "the border town Torkham").
var nameHeads = set("city", "town", "village", "capital", "port", "province", "region", "district",
	"settlement", "hamlet", "enclave", "outpost", "exclave", "oblast", "governorate")
