package verbs

import "strings"

// irregular lists past tense and past participle forms that the
// regular rules cannot produce. Forms are space-separated.
var irregular = map[string]string{
	"arise": "arose arisen", "be": "was were been is are am being", "beat": "beat beaten",
	"become": "became become", "begin": "began begun", "bid": "bid", "bring": "brought",
	"build": "built", "buy": "bought", "catch": "caught", "choose": "chose chosen",
	"come": "came come", "cut": "cut", "deal": "dealt", "do": "did done does",
	"draw": "drew drawn", "drive": "drove driven", "eat": "ate eaten", "fall": "fell fallen",
	"feel": "felt", "fight": "fought", "find": "found", "flee": "fled", "fly": "flew flown",
	"forbid": "forbade forbidden", "forgive": "forgave forgiven", "freeze": "froze frozen",
	"get": "got gotten", "give": "gave given", "go": "went gone goes", "hang": "hung hanged",
	"have": "had has", "hear": "heard", "hide": "hid hidden", "hit": "hit", "hold": "held",
	"hurt": "hurt", "keep": "kept", "know": "knew known", "lay": "laid", "lead": "led",
	"leave": "left", "lend": "lent", "let": "let", "lose": "lost", "make": "made",
	"mean": "meant", "meet": "met", "overrun": "overran overrun", "overtake": "overtook overtaken",
	"overthrow": "overthrew overthrown", "pay": "paid", "put": "put", "quit": "quit",
	"read": "read", "ride": "rode ridden", "rise": "rose risen", "run": "ran run",
	"say": "said says", "see": "saw seen", "seek": "sought", "sell": "sold", "send": "sent",
	"set": "set", "shake": "shook shaken", "shoot": "shot", "shut": "shut", "sink": "sank sunk",
	"slay": "slew slain", "speak": "spoke spoken", "spend": "spent", "split": "split",
	"spread": "spread", "stand": "stood", "steal": "stole stolen", "stick": "stuck",
	"strike": "struck stricken", "swear": "swore sworn", "take": "took taken",
	"teach": "taught", "tear": "tore torn", "tell": "told", "think": "thought",
	"throw": "threw thrown", "undertake": "undertook undertaken", "upset": "upset",
	"wage": "waged", "wake": "woke woken", "wear": "wore worn", "win": "won",
	"withdraw": "withdrew withdrawn", "withhold": "withheld", "write": "wrote written",
	"broadcast": "broadcast", "forecast": "forecast", "offset": "offset", "sweep": "swept",
	"bind": "bound", "lie": "lay lain lied", "spin": "spun", "string": "strung",
	"shed": "shed", "outlaw": "outlawed", "bomb": "bombed", "bear": "bore borne",
	"oversee": "oversaw overseen", "uphold": "upheld", "override": "overrode overridden",
	"rebuild": "rebuilt", "retake": "retook retaken", "reopen": "reopened",
	"foresee": "foresaw foreseen", "mislead": "misled", "mistake": "mistook mistaken",
	"misunderstand": "misunderstood",
}

// Inflections returns the forms of a verb lemma: base, third person,
// past, past participle and -ing, covering the regular spelling rules
// and the irregular table above.
func Inflections(lemma string) []string {
	forms := []string{lemma, thirdPerson(lemma), ingForm(lemma)}
	if irr, ok := irregular[lemma]; ok {
		forms = append(forms, strings.Fields(irr)...)
	} else {
		forms = append(forms, pastForm(lemma))
	}
	return dedupe(forms)
}

// Plurals returns a noun with its regular plural.
func Plurals(noun string) []string {
	return dedupe([]string{noun, thirdPerson(noun)})
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "o") && len(w) <= 3:
		return w + "es"
	}
	return w + "s"
}

func pastForm(w string) string {
	switch {
	case strings.HasSuffix(w, "e"):
		return w + "d"
	case len(w) > 1 && w[len(w)-1] == 'y' && !isVowel(w[len(w)-2]):
		return w[:len(w)-1] + "ied"
	case doublesFinal(w):
		return w + w[len(w)-1:] + "ed"
	}
	return w + "ed"
}

func ingForm(w string) string {
	switch {
	case strings.HasSuffix(w, "ie"):
		return w[:len(w)-2] + "ying"
	case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "ye"), strings.HasSuffix(w, "oe"):
		return w + "ing"
	case strings.HasSuffix(w, "e") && len(w) > 2:
		return w[:len(w)-1] + "ing"
	case doublesFinal(w):
		return w + w[len(w)-1:] + "ing"
	}
	return w + "ing"
}

// doublesFinal reports whether a short consonant-vowel-consonant verb
// doubles its last letter (stop → stopped, ban → banned). Longer verbs
// stressed on the first syllable do not (open → opened), so only
// one-syllable verbs and a few known ones double.
func doublesFinal(w string) bool {
	if doubling[w] {
		return true
	}
	n := len(w)
	if n < 3 || n > 4 {
		return false
	}
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	if isVowel(c1) || !isVowel(v) || isVowel(c2) || strings.IndexByte("wxy", c2) >= 0 {
		return false
	}
	// one vowel group only: "stop", "ban", "plan"
	for i := 0; i < n-2; i++ {
		if isVowel(w[i]) {
			return false
		}
	}
	return true
}

var doubling = map[string]bool{
	"commit": true, "admit": true, "submit": true, "omit": true, "permit": true,
	"control": true, "patrol": true, "expel": true, "compel": true, "propel": true,
	"repel": true, "rebel": true, "refer": true, "prefer": true, "confer": true,
	"occur": true, "deter": true, "transfer": true, "regret": true, "equip": true,
	"acquit": true, "embed": true, "kidnap": true, "worship": true, "abet": true,
}

func dedupe(in []string) []string {
	out := in[:0]
	seen := map[string]bool{}
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
