package when

import "strings"

// A sentence without a time expression of its own is normally dated to
// the article date. It takes the previous sentence's date instead only
// when it opens by pointing back at what that sentence narrated:
//
//	"The latter conflict saw Azerbaijan reclaiming..."  (the latter / the former)
//	"That war...", "These clashes...", "It was..."        (demonstrative or "it")
//	"The exchange took place at Ankara airport..."        ("the" + an event noun)
//	"Peskov also rejected..."                             ("also" among the first words)
//
// A new subject that merely reacts ("Israel's foreign ministry dismissed
// the accusation") keeps the article date, as the gold set codes it.

// eventNouns are the nouns that, after "The", refer back to a narrated event.
var eventNouns = map[string]bool{
	"conflict": true, "war": true, "wars": true, "operation": true, "offensive": true,
	"exchange": true, "swap": true, "attack": true, "attacks": true, "strike": true,
	"strikes": true, "raid": true, "raids": true, "fighting": true, "clashes": true,
	"incident": true, "assault": true, "campaign": true, "invasion": true,
	"bombing": true, "shelling": true, "massacre": true, "killings": true,
	"talks": true, "meeting": true, "visit": true, "deal": true, "agreement": true,
	"ceasefire": true, "truce": true, "ceremony": true, "protest": true, "protests": true,
}

// continues reports whether the sentence opens by pointing back, and
// which of the previous expressions it picks (wLatter, wFormer or 0).
func continues(s string) (int, bool) {
	var words [6]string
	n := 0
	for i := 0; i < len(s) && n < len(words); {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && (isLetter(s[j]) && s[j] != 0xE2 || s[j] == '\'') {
			j++
		}
		if j == i {
			break // punctuation ends the opening
		}
		words[n] = strings.ToLower(s[i:j])
		n++
		i = j
	}
	if n == 0 {
		return 0, false
	}
	switch words[0] {
	case "it", "that", "this", "these", "those":
		return 0, true
	case "the":
		switch {
		case words[1] == "latter":
			return wLatter, true
		case words[1] == "former":
			return wFormer, true
		case eventNouns[words[1]]:
			return 0, true
		}
	}
	for _, w := range words[1:n] {
		if w == "also" {
			return 0, true
		}
	}
	return 0, false
}
