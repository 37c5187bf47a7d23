package text

// Word lists for the sentence splitter and the heading test. They are small
// and hand-written; lookups happen only at candidate boundaries.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles precede a name, so a period after them never ends a sentence:
// "Gen. Smith", "St. Petersburg".
var titles = set(
	"Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Rev", "Hon", "Fr",
	"Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt",
	"Sen", "Rep", "Gov", "Pres", "Amb", "Supt", "Insp", "Det", "Cllr",
	"St", "Mt", "Ft",
)

// numbered abbreviations are not boundaries before a number: "No. 10",
// "Jan. 6", "Art. 5".
var numbered = set(
	"No", "Nos", "Art", "Vol", "Sec", "Para", "Ch", "Fig", "Pt",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)

// suffixes may end a sentence; the period after them is a boundary only when
// a typical sentence start follows ("Apple Inc. The company ...").
var suffixes = set(
	"Inc", "Ltd", "Co", "Corp", "Bros", "Plc", "plc", "LLC", "Jr", "Sr",
	"vs", "etc", "approx", "est", "al", "cf", "viz",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"No", "Nos",
)

// starters are words that typically open a sentence; after an ambiguous
// abbreviation ("the U.S. The move") they mark a boundary.
var starters = set(
	"The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "You",
	"This", "That", "These", "Those", "There", "Their", "His", "Her", "Our", "My",
	"In", "On", "At", "But", "And", "Or", "So", "Yet", "For", "If", "As",
	"However", "Meanwhile", "After", "Before", "When", "While", "Although", "Though",
	"According", "Officials", "Some", "Many", "Most", "Both", "Earlier", "Later",
	"Last", "Since", "During", "Under", "Also", "Still", "Such", "Other", "Another",
	"Now", "Then", "Today", "Yesterday", "Despite", "Amid", "Following", "Separately",
	"Police", "Authorities", "What", "Why", "How", "Where", "Who", "Each", "Every",
	"All", "Several", "Analysts", "Critics", "No", "Neither", "One", "Two", "Three",
	"From", "With", "By", "Over", "Asked", "Instead", "Indeed", "Nevertheless",
	"Moreover", "Furthermore", "Thus", "Yet", "Here", "Such",
)

// minor words may stay lowercase in a title-case heading.
var minor = set(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for",
	"from", "by", "with", "as", "vs", "vs.", "via", "into", "onto", "over", "under",
	"after", "before", "amid", "about", "against", "between", "during", "without",
	"within", "upon", "than", "per", "is", "are", "its", "&", "-", "–", "—", "|",
)
