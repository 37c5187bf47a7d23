package verbs

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// irregular maps a verb lemma to the past tense and past participle
// forms the regular rules cannot produce (data/irregular.txt).
var irregular = parseIrregular(irregularTxt)

//go:embed data/irregular.txt
var irregularTxt string

// pastOfAnother holds the irregular forms that are also a lemma of their
// own but not listed as one ("found" of "find", "wound" of "wind").
var pastOfAnother = func() map[string]bool {
	m := map[string]bool{}
	for _, forms := range irregular {
		for _, f := range forms {
			if _, lemma := irregular[f]; !lemma {
				m[f] = true
			}
		}
	}
	return m
}()

// parseIrregular reads "lemma form form…" lines; the file is embedded, so
// a malformed line is a build defect and panics at start-up.
func parseIrregular(txt string) map[string][]string {
	m := map[string][]string{}
	for i, line := range strings.Split(txt, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) < 2 || m[f[0]] != nil {
			panic(fmt.Sprintf("verbs: data/irregular.txt:%d: want a new lemma and its forms", i+1))
		}
		m[f[0]] = f[1:]
	}
	return m
}

// Inflections returns the forms of a verb lemma: base, third person,
// past, past participle and -ing, covering the regular spelling rules
// and the irregular table above.
func Inflections(lemma string) []string {
	forms := []string{lemma, thirdPerson(lemma)}
	if pastOfAnother[lemma] {
		// "found" is far more often the past of "find" than "found" (a
		// state): the base form of such a lemma matches nothing
		forms = forms[1:]
	}
	if irr, ok := irregular[lemma]; ok {
		if !slices.ContainsFunc(irr, func(f string) bool { return strings.HasSuffix(f, "ing") }) {
			forms = append(forms, ingForm(lemma)) // the file lists a doubled -ing form itself
		}
		forms = append(forms, irr...)
	} else {
		forms = append(forms, ingForm(lemma))
		forms = append(forms, pastForm(lemma))
	}
	if n := len(lemma); n > 3 && lemma[n-1] == 'l' && isVowel(lemma[n-2]) && !isVowel(lemma[n-3]) {
		// British spelling doubles a final l after one vowel: "cancelled",
		// "travelling"; American does not
		forms = append(forms, lemma+"led", lemma+"ed", lemma+"ling", lemma+"ing")
	}
	return dedupe(forms)
}

// Present reports whether form is a present-tense form of lemma that no
// past form shares: "runs", "control" (not "hit", whose past is "hit").
func Present(form, lemma string) bool {
	if form == thirdPerson(lemma) {
		return true
	}
	if form != lemma {
		return false
	}
	if irr, ok := irregular[lemma]; ok {
		return !slices.Contains(irr, lemma)
	}
	return pastForm(lemma) != lemma
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
