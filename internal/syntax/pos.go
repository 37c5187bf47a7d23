package syntax

import "strings"

// POS is a Universal Dependencies part-of-speech tag (UPOS).
type POS uint8

// The 17 UPOS tags. The values double as the tagger's class ids.
const (
	ADJ POS = iota
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
	NumPOS = int(X) + 1
)

var posNames = [...]string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func (p POS) String() string {
	if int(p) < len(posNames) {
		return posNames[p]
	}
	return "_"
}

// ParsePOS maps a UD tag name to its POS.
func ParsePOS(s string) (POS, bool) {
	for i, n := range posNames {
		if n == s {
			return POS(i), true
		}
	}
	return X, false
}

// Rel is a UD dependency relation, including language subtypes.
type Rel uint16

// RelNone is the zero Rel ("_"), used where no relation is assigned.
const RelNone Rel = 0

// relNames lists the UD v2 relations and the English subtypes. The order is
// part of the model format only through the names (models store names), so
// entries may be appended freely.
var relNames = [...]string{"_", "root",
	"acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "advmod:emph", "amod", "appos",
	"aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "clf", "compound", "compound:prt",
	"conj", "cop", "csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse",
	"dislocated", "expl", "fixed", "flat", "flat:foreign", "goeswith", "iobj", "list", "mark",
	"nmod", "nmod:desc", "nmod:npmod", "nmod:poss", "nmod:tmod", "nmod:unmarked", "nsubj",
	"nsubj:outer", "nsubj:pass", "nummod", "obj", "obl", "obl:agent", "obl:npmod", "obl:tmod",
	"obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "vocative", "xcomp"}

var relIndex = func() map[string]Rel {
	m := make(map[string]Rel, len(relNames))
	for i, n := range relNames {
		m[n] = Rel(i)
	}
	return m
}()

var relBase = func() []Rel {
	b := make([]Rel, len(relNames))
	for i, n := range relNames {
		b[i] = Rel(i)
		if j := strings.IndexByte(n, ':'); j > 0 {
			b[i] = relIndex[n[:j]]
		}
	}
	return b
}()

// Named relations used by callers and tests.
var (
	RelRoot  = relIndex["root"]
	RelPunct = relIndex["punct"]
)

func (r Rel) String() string {
	if int(r) < len(relNames) {
		return relNames[r]
	}
	return "_"
}

// ParseRel maps a UD relation name (e.g. "nsubj:pass") to its Rel.
func ParseRel(s string) (Rel, bool) {
	r, ok := relIndex[s]
	return r, ok
}

// Base returns the relation without its subtype (nsubj:pass -> nsubj).
func (r Rel) Base() Rel {
	if int(r) < len(relBase) {
		return relBase[r]
	}
	return r
}
