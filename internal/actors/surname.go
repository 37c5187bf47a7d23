package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flashpoint/flashpoint/internal/text"
)

// Surname aliases: news writes a dated office-holder by surname alone
// ("Clinton met Yeltsin", "Arafat accused Israel") while the imported
// dictionary lists full names ("Bill Clinton", "Yasser Arafat"). At load
// time every dated named entry that looks like a person's name gives an
// alias of its surname, with the same code and dates (none for the
// countries of [familyNameFirst], whose last name word is a given name).
// An alias codes a token only when
//   - the token is capitalised and not part of another, unknown name
//     (no capitalised word right before or after it other than a
//     dictionary word or one of [besideNames] and [nameStops]);
//   - exactly one code is valid for the surname on the article date
//     ("Clinton" is USAGOV in 1996 through Bill Clinton, in 2010 through
//     Hillary Clinton; two codes valid on one date code nothing);
//   - no other entry stands on the same words: a country, demonym,
//     capital, agent, modifier or undated named entry there, an undated
//     person of another code with the same surname, or a word of
//     [nonNames] or [besideNames] keeps the alias from being derived at
//     all; a dated full entry on the same words wins by rank whenever it
//     is valid on the date (an alias ranks above a full entry only when
//     that entry is out of office).
//
// When no code is valid on the date, the surname codes the bare country
// its holders share, as their full names do out of office, but only when
// they all share one.

// personSurname returns the tokens [k, end) of the surname of a person's
// name, or ok=false when the phrase does not look like one: at least two
// words, all capitalised but for name particles and initials, the last
// (before a suffix such as "Jr." or "III") an alphabetic word of three
// letters or more that is not an acronym and not one of [nonNames] or
// [besideNames]. A
// particle before the surname belongs to it ("bin Laden", "Le Pen"); one
// joined by a hyphen does not ("al-Assad" → "Assad"). Words are the
// tokens between spaces; nothing is allocated.
func personSurname(phrase string, toks []text.Token) (k, end int, ok bool) {
	if len(toks) < 2 {
		return 0, 0, false
	}
	var buf [64]byte
	key := func(a, b int) string { return string(appendKey(buf[:0], phrase[toks[a].Start:toks[b-1].End])) }
	// wordStart returns the first token of the word ending at token end-1
	wordStart := func(end int) int {
		s := end - 1
		for s > 0 && toks[s].Start == toks[s-1].End {
			s--
		}
		return s
	}
	end = len(toks)
	for end > 0 {
		s := wordStart(end)
		if !nameSuffixes[key(s, end)] {
			break
		}
		end = s
	}
	if end == 0 {
		return 0, 0, false
	}
	s := wordStart(end)
	before := s // the end of the words before the last
	// particles joined by hyphens: "al-Assad", "el-Sisi"
	hyphened := false
	for s+2 < end && toks[s+1].Text == "-" && nameParticles[key(s, s+1)] {
		s, hyphened = s+2, true
	}
	last := phrase[toks[s].Start:toks[end-1].End]
	if !surnameWord(last) || nonNames[lastPart(last)] || besideNames[lastPart(last)] {
		return 0, 0, false
	}
	k = s
	given := 0 // words before the surname that are not particles
	particles := !hyphened
	for e := before; e > 0; {
		ws := wordStart(e)
		if particles && e-ws == 1 && nameParticles[key(ws, e)] {
			k = ws // "bin Laden", "de Klerk"
			e = ws
			continue
		}
		particles = false
		w := phrase[toks[ws].Start:toks[e-1].End]
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !nameParticles[key(ws, e)] || strings.ContainsAny(w, "0123456789") {
			return 0, 0, false
		}
		given++
		e = ws
	}
	return k, end, given > 0
}

// surnameWord reports whether w can be a surname: capitalised, letters
// (and inner apostrophes or hyphens) only, three letters or more, some
// in lower case.
func surnameWord(w string) bool {
	letters, lower := 0, false
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsMark(r):
			if i == 0 && !unicode.IsUpper(r) {
				return false
			}
			letters++
			lower = lower || unicode.IsLower(r)
		case (r == '\'' || r == '’' || r == '-') && i > 0 && i < len(w)-1:
		default:
			return false
		}
	}
	return letters >= 3 && lower
}

func lastPart(w string) string {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		return w[i+1:]
	}
	return w
}

// noteSurname adds the surname alias of a named entry that is a person's
// name: dated, an alias that may code; undated, a bearer that only keeps
// the aliases of other codes from coding (deriveSurnames sorts them out
// once every file is read). The alias shares the entry's strings and
// slices; its outside field points at the full entry, for the note
// --explain prints.
func (d *Dict) noteSurname(e *Entry, toks []text.Token) {
	if e.Kind != Named {
		return
	}
	k, end, ok := personSurname(e.Phrase, toks)
	e.person = ok
	if !ok || familyNameFirst[CountryOf(e.Code)] {
		return
	}
	a := &Entry{Code: e.Code, Kind: Named, Phrase: e.Phrase[toks[k].Start:toks[end-1].End], Src: e.Src, From: e.From, To: e.To,
		words: e.words[k:end:end], exact: e.exact[k:end:end], upper: e.upper[k:end:end], outside: e, surname: true}
	n := &d.root
	var buf [64]byte
	for _, w := range a.words {
		n = n.child(appendKey(buf[:0], w))
	}
	if !hasSurname(n) {
		d.pending = append(d.pending, n)
	}
	n.entries = append(n.entries, a)
}

func hasSurname(n *node) bool {
	for _, e := range n.entries {
		if e.surname {
			return true
		}
	}
	return false
}

func undated(e *Entry) bool { return e.From == "" && e.To == "" }

// deriveSurnames keeps, on each node given surname aliases, those that
// may code: none if another kind of entry or an undated named entry
// stands on the same words or undated people of two codes bear the name;
// with one undated bearer, only the aliases of its code; never one that
// repeats the code and dates of a full entry or of another alias.
func (d *Dict) deriveSurnames() {
	for _, n := range d.pending {
		blocked := false
		bearer := "" // the code of undated bearers
		for _, e := range n.entries {
			switch {
			case !e.surname && (e.Kind != Named || undated(e)):
				blocked = true
			case e.surname && undated(e):
				if bearer != "" && bearer != e.Code {
					blocked = true
				}
				bearer = e.Code
			}
		}
		kept := n.entries[:0]
		for i, e := range n.entries {
			if e.surname && (blocked || undated(e) || bearer != "" && e.Code != bearer || repeats(n.entries[:i], e)) {
				continue
			}
			kept = append(kept, e)
		}
		clear(n.entries[len(kept):])
		n.entries = kept
	}
	d.pending = nil
}

// repeats reports whether an entry before e (kept or not) has e's code
// and dates, as a full entry or an alias that may code.
func repeats(before []*Entry, e *Entry) bool {
	for _, b := range before {
		if b.Code == e.Code && b.From == e.From && b.To == e.To && b.Kind == Named && !undated(b) {
			return true
		}
	}
	return false
}

// surnameAt resolves the surname aliases among n's entries for the
// tokens [i, j]: the one entry valid on date if all valid ones share a
// code, else (none valid) a country-only stand-in if all share a
// country, else nil.
func (d *Dict) surnameAt(n *node, toks []text.Token, i, j int, date string) *Entry {
	if r, _ := utf8.DecodeRuneInString(toks[j].Text); !unicode.IsUpper(r) {
		return nil
	}
	if i > 0 && d.otherName(toks[i-1].Text) || j+1 < len(toks) && d.otherName(toks[j+1].Text) {
		return nil
	}
	var valid, any *Entry
	country := ""
	for _, e := range n.entries {
		if !e.surname {
			continue
		}
		if e.ValidOn(date) {
			if valid != nil && valid.Code != e.Code {
				return nil // two people hold the name on the date
			}
			if valid == nil {
				valid = e
			}
			continue
		}
		c := CountryOf(e.Code)
		if len(c) != 3 || c == e.Code || country != "" && c != country {
			country = "-"
		} else if country == "" {
			country, any = c, e
		}
	}
	if valid != nil {
		out := *valid
		out.Src = surnameNote(valid)
		return &out
	}
	if any == nil || country == "-" {
		return nil
	}
	out := *any
	out.Code = country
	out.From, out.To = "", ""
	out.Src = surnameNote(any) + " (out of office: country only)"
	out.outOfOffice = true
	return &out
}

// surnameNote is the source --explain prints for a surname alias: the
// full entry's line and name. It is made when the alias codes, not for
// every alias at load time.
func surnameNote(a *Entry) string {
	return a.Src + ` (surname of "` + a.outside.Phrase + `")`
}

// otherName reports whether w, next to a surname, is a capitalised word
// that makes it part of another name ("Chelsea Clinton", "Clinton
// Foundation"): not a dictionary word other than a name, not a word of
// [besideNames] or [nameStops].
func (d *Dict) otherName(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || size == len(w) || besideNames[w] || nameStops[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return false
		}
	}
	var buf [64]byte
	if n := d.root.next[string(appendKey(buf[:0], w))]; n != nil {
		for _, e := range n.entries {
			if e.Kind != Named {
				return false
			}
		}
	}
	return true
}
