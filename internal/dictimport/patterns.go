package dictimport

import (
	"strings"
)

// pattern converts a "- … * … [code]" line into one pattern line per
// verb variant of the block: the one-word verbs as alternatives, each
// multi-word verb on its own.
func (v *verbFile) pattern(body, src string) {
	ex := src + " -" + body
	rest, code, ok := cutBracket(body)
	if !ok {
		v.rep.skip("pattern without a [code]", ex)
		return
	}
	if code == "---" {
		v.rep.skip("pattern coded [---] (this context is not an event): Flashpoint has no null code", ex)
		return
	}
	c, flags, why := convertCode(code)
	if why != "" {
		v.rep.skip(why, ex)
		return
	}
	items, ok := splitItems(rest)
	if !ok {
		v.rep.skip("unbalanced {} or ()", ex)
		return
	}
	star := -1
	for i, it := range items {
		if it.group == 0 && it.word == "*" {
			star = i
			break
		}
	}
	if star < 0 {
		v.rep.skip("no verb position *", ex)
		return
	}
	if star > 0 {
		v.rep.skip(preVerbReason(items[:star]), ex)
		return
	}
	tail, why := v.sequence(items[star+1:], false)
	if why != "" {
		v.rep.skip(why, ex)
		return
	}
	if len(tail) == 0 {
		v.rep.skip("pattern with nothing after the verb", ex)
		return
	}
	var heads [][]string
	if len(v.block.single) > 0 {
		heads = append(heads, []string{strings.Join(dedupe(strings.Split(strings.Join(v.block.single, "|"), "|")), "|")})
	}
	heads = append(heads, v.block.multi...)
	if len(heads) == 0 {
		v.rep.skip("pattern in a block without usable verbs", ex)
		return
	}
	for _, h := range heads {
		seq := append(append([]string{}, h...), tail...)
		v.emit(patLine{code: c, flags: flags, src: src, text: strings.Join(seq, " ")})
	}
}

func preVerbReason(pre []item) string {
	for _, it := range pre {
		switch {
		case has(it, "$"):
			return "source ($) before the verb: the coder finds the source itself"
		case has(it, "+"):
			return "target (+) before the verb"
		}
	}
	return "words before the verb (a subject constraint our patterns cannot state)"
}

func has(it item, w string) bool {
	if it.group == 0 {
		return it.word == w
	}
	for _, x := range it.items {
		if has(x, w) {
			return true
		}
	}
	return false
}

// sequence converts the items after the verb. Gaps stand where PETRARCH
// lets words intervene: before a noun (its modifiers) and before a
// prepositional group; a target follows its preposition directly.
func (v *verbFile) sequence(items []item, inGroup bool) ([]string, string) {
	var out []string
	for i, it := range items {
		switch {
		case it.group == '(' && inGroup:
			return nil, "nested () group"
		case it.group == '(':
			if len(it.items) == 0 || it.items[0].group != 0 || strings.ContainsAny(it.items[0].word, "$+^%*&") {
				return nil, "() group without a leading preposition"
			}
			sub, why := v.sequence(it.items[1:], true)
			if why != "" {
				return nil, why
			}
			out = append(out, "..", v.word(it.items[0].word))
			for j, s := range sub {
				if j == 0 && s == ".." && len(sub) > 1 && sub[1] == "$T" {
					continue
				}
				out = append(out, s)
			}
		case it.group == '{':
			words, why := v.phrase(it.items)
			if why != "" {
				return nil, why
			}
			out = append(append(out, ".."), words...)
		default:
			switch it.word {
			case "$":
				return nil, "source ($) after the verb: the coder finds the source itself"
			case "^":
				return nil, "^ (skip a noun phrase) has no Flashpoint form"
			case "%":
				return nil, "% (compound actor) has no Flashpoint form"
			case "*":
				return nil, "second verb position *"
			case "+":
				if i == 0 && !inGroup || inGroup && i == 0 {
					out = append(out, "$T")
				} else {
					out = append(out, "..", "$T")
				}
				continue
			}
			w := v.word(it.word)
			if w == "" {
				return nil, "undefined synset " + it.word
			}
			out = append(out, "..", w)
		}
	}
	// a gap leading into the group's first element is kept; only
	// trailing gaps are dropped
	for len(out) > 0 && out[len(out)-1] == ".." {
		out = out[:len(out)-1]
	}
	return out, ""
}

// phrase converts a {…} noun phrase: its words in order, consecutive.
func (v *verbFile) phrase(items []item) ([]string, string) {
	var out []string
	for _, it := range items {
		if it.group != 0 {
			return nil, "nested group inside {}"
		}
		if strings.ContainsAny(it.word, "$+^%*") {
			return nil, "actor marker inside {}"
		}
		w := v.word(it.word)
		if w == "" {
			return nil, "undefined synset " + it.word
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		return nil, "empty {}"
	}
	return out, ""
}

// word renders a pattern word or synset reference as an element: a
// synset becomes its alternatives, hyphens inside alternatives become
// token sequences ("sit_-_in"). "" for an undefined synset.
func (v *verbFile) word(w string) string {
	if !strings.HasPrefix(w, "&") {
		return strings.ToLower(strings.TrimSuffix(w, "_"))
	}
	alts, ok := v.synsets[strings.TrimSuffix(w, "_")]
	if !ok || len(alts) == 0 {
		return ""
	}
	alts = dedupe(alts)
	if len(alts) == 1 {
		return strings.ReplaceAll(alts[0], "_", " ")
	}
	out := make([]string, len(alts))
	for i, a := range alts {
		out[i] = strings.ReplaceAll(a, "-", "_-_")
	}
	return strings.Join(out, "|")
}

func dedupe(xs []string) []string {
	seen := map[string]bool{}
	out := xs[:0:0]
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// convertCode maps a PETRARCH code to ours and its flags: "X:X" (both
// ways) is recip, "042:043" (visit, hosted) is visit; other pairs and
// reverse-only codes cannot be stated.
func convertCode(code string) (string, string, string) {
	a, b, paired := strings.Cut(code, ":")
	switch {
	case a == "---" || code == "":
		return "", "", "null code [---]"
	case !paired:
		return a, "", ""
	case a == "":
		return "", "", "reverse-only code [:X] (an event from target to source)"
	case a == b:
		return a, "recip", ""
	case a == "042" && b == "043":
		return a, "visit", ""
	}
	return "", "", "paired code [X:Y] with a different reverse event"
}
