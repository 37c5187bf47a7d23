package syntax

import (
	"cmp"
	"slices"
	"unicode/utf8"
)

// The lemmatiser is learned from the treebank: a table of (lower-cased form,
// UPOS) -> lemma for every pair seen in training, and for unseen forms a
// suffix rewrite rule (strip n bytes, append a string) chosen by the longest
// form suffix seen with that UPOS. PROPN lemmas are the form itself.

const maxRuleSuffix = 7

type lemRule struct {
	strip uint8
	add   string
}

type lemmatizer struct {
	table map[uint64]string  // lemKey(low, pos) -> lemma
	rules map[uint64]lemRule // ruleKey(pos, suffix) -> rule
}

func lemKey(low uint64, pos POS) uint64 { return f1(uint64(pos)+100, low) }

func ruleKey(pos POS, suf []byte) uint64 { return f2(200, uint64(pos), hbytes(suf)+uint64(len(suf))) }

// lemma returns the lemma of word (lower-cased bytes low, hash lowH).
// It allocates only for unseen words whose lemma is not the word itself.
func (l *lemmatizer) lemma(word string, low []byte, lowH uint64, pos POS) string {
	if pos == PROPN {
		return word
	}
	if s, ok := l.table[lemKey(lowH, pos)]; ok {
		return s
	}
	r := l.rule(low, pos)
	if int(r.strip) > len(low) {
		r = lemRule{}
	}
	stem := low[:len(low)-int(r.strip)]
	if r.add == "" && len(stem) == len(word) && string(stem) == word {
		return word
	}
	s := string(stem) + r.add
	if !utf8.ValidString(s) {
		return string(low)
	}
	return s
}

func (l *lemmatizer) rule(low []byte, pos POS) lemRule {
	for k := min(maxRuleSuffix, len(low)); k >= 0; k-- {
		if r, ok := l.rules[ruleKey(pos, low[len(low)-k:])]; ok {
			return r
		}
	}
	return lemRule{}
}

// trainLemmatizer builds the table and rules from gold sentences; weight
// as for Train (the target domain's lemma wins ties between treebanks).
func trainLemmatizer(sents []*Gold, weight []int) *lemmatizer {
	type pair struct {
		low string
		pos POS
	}
	counts := map[pair]map[string]int{}
	var buf []byte
	for si, g := range sents {
		for i, w := range g.Words {
			if g.UPOS[i] == PROPN || g.Lemma[i] == "_" {
				continue
			}
			buf = appendLower(buf[:0], w)
			k := pair{string(buf), g.UPOS[i]}
			if counts[k] == nil {
				counts[k] = map[string]int{}
			}
			counts[k][g.Lemma[i]] += weightOf(weight, si)
		}
	}
	keys := make([]pair, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b pair) int {
		return cmp.Or(cmp.Compare(a.low, b.low), cmp.Compare(a.pos, b.pos))
	})
	l := &lemmatizer{table: make(map[uint64]string, len(keys)), rules: map[uint64]lemRule{}}
	type ctxKey struct {
		pos POS
		suf string
	}
	votes := map[ctxKey]map[lemRule]int{}
	for _, k := range keys {
		best, bestN := "", -1
		for lem, n := range counts[k] {
			if n > bestN || n == bestN && lem < best {
				best, bestN = lem, n
			}
		}
		l.table[lemKey(hstr(k.low), k.pos)] = best
		// Rules are learned on lower case, from types rather than tokens.
		lowLem := string(appendLower(nil, best))
		p := 0
		for p < len(k.low) && p < len(lowLem) && k.low[p] == lowLem[p] {
			p++
		}
		r := lemRule{strip: uint8(min(len(k.low)-p, 255)), add: lowLem[p:]}
		for n := int(r.strip); n <= min(len(k.low), int(r.strip)+3, maxRuleSuffix); n++ {
			c := ctxKey{k.pos, k.low[len(k.low)-n:]}
			if votes[c] == nil {
				votes[c] = map[lemRule]int{}
			}
			votes[c][r]++
		}
	}
	for c, v := range votes {
		var best lemRule
		bestN, total := -1, 0
		for r, n := range v {
			total += n
			if n > bestN || n == bestN && (r.strip < best.strip || r.strip == best.strip && r.add < best.add) {
				best, bestN = r, n
			}
		}
		if total < 2 && len(c.suf) > 1 {
			continue // too little evidence for a long context
		}
		l.rules[ruleKey(c.pos, []byte(c.suf))] = best
	}
	return l
}

func weightOf(weight []int, i int) int {
	if weight == nil {
		return 1
	}
	return weight[i]
}
