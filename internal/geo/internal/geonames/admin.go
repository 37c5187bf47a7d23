package geonames

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/geo/internal/norm"
)

// adminSuffixes are dropped to give the short form of a division's name.
var adminSuffixes = []string{
	" Autonomous Republic", " Autonomous Oblast", " Autonomous Okrug", " Oblast'", " oblast", " Oblast", " Region", " Province",
	" Department", " District", " Governorate", " Rayon", " Kray", " Krai", " Republic", " State",
	" Municipality", " County", " Division", " Prefecture", " Voivodeship", " City", " Emirate",
}

var compass = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "capital": true}

// AdminNames returns the other names a division is written by: the short
// form without "Oblast", "Province", ... ("Ryazan" for "Ryazan Oblast"),
// never a bare compass word, and the ASCII spelling.
func AdminNames(name string) []string {
	out := []string{}
	short := name
	for _, s := range adminSuffixes {
		if strings.HasSuffix(short, s) && len(short) > len(s)+2 {
			short = strings.TrimSuffix(short, s)
			break
		}
	}
	short = strings.TrimPrefix(short, "Republic of ")
	if compass[strings.ToLower(short)] {
		short = name // "South Governorate" must not become a place called "South"
	}
	if short != name {
		out = append(out, short)
	}
	if a := norm.ASCII(name); a != name {
		out = append(out, a)
	}
	return out
}
