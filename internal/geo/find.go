package geo

import (
	"sync"

	"github.com/flashpoint/flashpoint/internal/text"
)

// cueKind says how a phrase was recognised as a place; it sets the
// mention's base confidence and steers disambiguation.
type cueKind uint8

const (
	cueNone      cueKind = iota // alias entry with no cue
	cuePrep                     // "in X", "near X", "X-based"
	cueDirection                // "northern X"
	cueStrong                   // "the city of X", "outskirts of X"
	cueRegion                   // "X region", "X province"
	cueVerb                     // "shelled X", "visited X": not for countries
)

// raw is a detected mention before resolution.
type raw struct {
	start, end int // byte span in the sentence (with direction / region words)
	key        string
	cue        string
	kind       cueKind
	alias      *alias // nil for gazetteer matches
}

// maxNameTokens bounds the words of a gazetteer name tried at one position.
const maxNameTokens = 6

type scratch struct {
	toks []token
	keys []byte
	buf  []byte
}

// spanKey builds the key of tokens [i, j) into sc.buf.
func (sc *scratch) spanKey(i, j int) []byte {
	b := sc.buf[:0]
	for k := i; k < j; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, sc.keys[sc.toks[k].kstart:sc.toks[k].kend]...)
	}
	sc.buf = b
	return b
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// Find lists place mentions in one sentence; prefer places in the countries
// given (ISO-3, e.g. the event's actors' and the article's countries).
func (g *Gazetteer) Find(sentence string, prefer []string) []Mention {
	return g.FindTokens(sentence, text.Tokens(sentence), prefer)
}

// FindTokens is Find on the sentence's tokens from the text stage
// (event.Sentence.Tokens), which it does not tokenise again.
func (g *Gazetteer) FindTokens(sentence string, toks []text.Token, prefer []string) []Mention {
	raws := g.detect(sentence, toks)
	out := make([]Mention, 0, len(raws))
	sc := &scope{prefer: prefer}
	for _, r := range raws {
		if m, ok := g.resolve(sentence, r, sc, nil); ok {
			out = append(out, m)
		}
	}
	return out
}

// detect finds the place phrases of sentence s given its tokens.
func (g *Gazetteer) detect(s string, shared []text.Token) []raw {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.toks, sc.keys = words(s, shared, sc.toks, sc.keys)
	return g.detectWords(s, sc)
}

// detectWords finds the place phrases of sentence s, longest match first,
// in its words sc.toks and sc.keys.
func (g *Gazetteer) detectWords(s string, sc *scratch) []raw {
	toks, keys := sc.toks, sc.keys
	at := g.aliases.Load()
	word := func(i int) string { return string(keys[toks[i].kstart:toks[i].kend]) }

	var out []raw
	lastEnd, lastCue, lastKind := -1, "", cueNone // token index after the previous mention
	n := len(toks)
	for i := 0; i < n; {
		// Alias phrases: longest first; at least one word capitalised and
		// all words joined by spaces or hyphens.
		aliasL := 0
		var al *alias
		if at.first[word(i)] {
			for L := min(at.maxTokens, n-i); L >= 1; L-- {
				if !joinedRun(toks, i, i+L) || !anyCap(toks, i, i+L) {
					continue
				}
				if a := at.byKey[string(sc.spanKey(i, i+L))]; a != nil {
					aliasL, al = L, a
					break
				}
			}
		}
		// Gazetteer names: the capitalised run from i.
		gazL, runEnd := 0, i
		if startsName(toks, keys, i) {
			runEnd = i + 1
			for runEnd < n && runEnd-i < maxNameTokens && toks[runEnd].joined {
				if toks[runEnd].cap || connectors[word(runEnd)] && runEnd+1 < n && toks[runEnd+1].cap && toks[runEnd+1].joined {
					runEnd++
					continue
				}
				break
			}
			for L := runEnd - i; L >= 1; L-- {
				if !toks[i+L-1].cap {
					continue
				}
				if g.hasKey(sc.spanKey(i, i+L)) {
					gazL = L
					break
				}
			}
		}
		L := max(aliasL, gazL)
		if L == 0 {
			i++
			continue
		}
		if aliasL < gazL {
			al = nil
		}
		j := i + L
		// A match that is only the start of a longer capitalised name
		// ("Ben" of "Ben Gurion", "Azerbaijan" of "Azerbaijan Defence
		// Ministry") is no place, unless what follows is a facility word.
		if j < n && toks[j].joined && toks[j].cap && !facilityWords[word(j)] && !regionWords[word(j)] {
			i = max(runEnd, j)
			continue
		}
		key := string(sc.spanKey(i, j))
		r := raw{start: toks[i].start, end: toks[j-1].end, key: key, alias: al}
		// Cues after the name.
		if j < n && toks[j].joined && regionWords[word(j)] {
			r.cue, r.kind, r.end = word(j), cueRegion, toks[j].end
		} else if j < n && toks[j].hyph && word(j) == "based" {
			r.cue, r.kind = "-based", cuePrep
		}
		// Cues before it.
		p := i - 1
		dir := ""
		if p >= 0 && directions[word(p)] && (!toks[p].cap || p == 0) {
			dir = word(p)
			r.start = toks[p].start
			if p-1 >= 0 && toks[p].hyph && directions[word(p-1)] {
				dir = word(p-1) + "-" + dir
				r.start = toks[p-1].start
				p--
			}
			p--
		}
		// "in Russia's Ryazan region": the possessive name is a qualifier;
		// its cue passes to the place it qualifies.
		if p >= 0 && toks[p].poss {
			if k := len(out) - 1; k >= 0 && out[k].end == toks[p].end && lastEnd == p+1 {
				if r.kind == cueNone {
					r.cue, r.kind = out[k].cue, out[k].kind
				}
				out = out[:k]
			}
			for p >= 0 && toks[p].cap && (p == i-1 || toks[p+1].joined) {
				p--
			}
		}
		if p >= 0 && word(p) == "the" {
			p--
		}
		if r.kind == cueNone {
			switch {
			case p >= 1 && word(p) == "of" && ofHeads[word(p-1)]:
				r.cue, r.kind = word(p-1)+" of", cueStrong
			case p >= 0 && nameHeads[word(p)] && dir == "":
				r.cue, r.kind = word(p), cueStrong // "the capital Putrajaya"
			case p >= 0 && preps[word(p)]:
				r.cue, r.kind = word(p), cuePrep
			case p >= 0 && placeVerbs[word(p)] && dir == "":
				r.cue, r.kind = word(p), cueVerb
			case p >= 0 && (word(p) == "and" || word(p) == "or") && lastEnd == p,
				lastEnd == i && i > 0 && s[toks[i-1].end:toks[i].start] == ", ":
				r.cue, r.kind = lastCue, lastKind // "in Armenia and Azerbaijan", "in Gaza, Rafah"
			case dir != "":
				r.cue, r.kind = dir, cueDirection
			}
		}
		switch {
		case demonyms[key]:
			// "Armenian troops", "in Armenian territory": never a place.
		case toks[j-1].poss && r.kind != cueRegion:
			// "over Ethiopia's port deal": a possessor, not where it happened;
			// "in Russia's Ryazan region" passes its cue on above.
		case al != nil && r.kind == cueNone && (toks[j-1].poss || j < n && reportVerbs[word(j)]):
			// "Kyiv said", "Gaza's health ministry": an actor, not a place.
		case al == nil && r.kind == cueNone:
			// A gazetteer name without a cue: an actor or a person.
		case al == nil && L == 1 && noStart[key]:
			// "in May", "from Reuters".
		default:
			// Seas (skip aliases) are kept here so that Explain shows them;
			// resolve and Annotate drop them.
			if al != nil && r.kind == cueNone {
				r.cue = "alias"
			}
			out = append(out, r)
			lastEnd, lastCue, lastKind = j, r.cue, r.kind
			if r.kind == cueRegion {
				lastEnd++
			}
		}
		i = j
	}
	return out
}

// startsName reports whether a gazetteer name may begin at token i: a
// capitalised word that is not a function word or title, or "al-"/"el-"
// before a capitalised word.
func startsName(toks []token, keys []byte, i int) bool {
	t := toks[i]
	k := string(keys[t.kstart:t.kend])
	if t.cap {
		return !noStart[k]
	}
	return (k == "al" || k == "el" || k == "as" || k == "ad" || k == "an") &&
		i+1 < len(toks) && toks[i+1].hyph && toks[i+1].cap
}

func joinedRun(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if !toks[k].joined {
			return false
		}
	}
	return true
}

func anyCap(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].cap {
			return true
		}
	}
	return false
}
