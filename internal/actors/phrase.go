package actors

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/text"
)

// Phrase is an actor as written in a sentence: dictionary mentions
// combined into one coded actor ("Armenia's defence ministry" → ARMGOVMIL).
type Phrase struct {
	Start, End int    // token range [Start, End)
	Code       string // full actor code; "" when only a role is known
	Role       string // role when Code is "" ("the ministry" → GOV)
	// Head is the token index of the phrase's head word, used to tell a
	// possessor ("Ukraine's reconstruction") from an actor.
	Adjective bool // a country or demonym modifying a non-actor noun
	AgentOnly bool // a role word with no country: needs the context
	Person    bool // a titled person not in the dictionaries
	NameStart int  // with Person: the first token of the person's name
	Entries   []*Entry
}

// Country returns the country part of the phrase's code.
func (p *Phrase) Country() string { return CountryOf(p.Code) }

func isCap(w string) bool {
	return w != "" && ((w[0] >= 'A' && w[0] <= 'Z') || strings.HasPrefix(w, "Ö") || strings.HasPrefix(w, "É"))
}

// stateKind reports whether a mention names a state or body that an
// agent can attach to.
func stateKind(e *Entry) bool {
	return e.Kind == Country || e.Kind == Demonym || e.Kind == Capital || e.Kind == Named
}

// Phrases finds and codes the actor phrases of a tokenised sentence.
func (d *Dict) Phrases(toks []text.Token, date string) []Phrase {
	ms := d.Find(toks, date)
	var out []Phrase
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		e := m.Entry
		switch {
		case e.Kind == Modifier:
			continue
		case stateKind(e):
			p := Phrase{Start: m.Start, End: m.End, Code: e.Code, Entries: []*Entry{e}}
			i = d.extend(&p, toks, ms, i)
			for i+1 < len(ms) && ms[i+1].Start < p.End {
				i++ // a role word inside the person's name: "Defence Secretary Tom King"
			}
			out = append(out, p)
		case e.Kind == Agent && m.End-m.Start == 1 && m.End < len(toks) && adjectival[Key(toks[m.Start].Text)] && modifiedNouns[Key(toks[m.End].Text)]:
			// "military attack", "police operation": an adjective, not an actor
			continue
		case e.Kind == Agent:
			p := Phrase{Start: m.Start, End: m.End, Role: e.Code, AgentOnly: true, Entries: []*Entry{e}}
			i = d.agentPhrase(&p, toks, ms, i, &out)
			if p.AgentOnly || p.Code != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// next returns mention i+1 if it starts exactly at token pos.
func nextAt(ms []Mention, i, pos int) (Mention, bool) {
	if i+1 < len(ms) && ms[i+1].Start == pos {
		return ms[i+1], true
	}
	return Mention{}, false
}

// extend grows a state phrase rightwards over "'s", modifiers, agents,
// titles and names, and returns the index of the last mention used.
func (d *Dict) extend(p *Phrase, toks []text.Token, ms []Mention, i int) int {
	base := p.Entries[0]
	pos := p.End
	if pos < len(toks) && (toks[pos].Text == "'s" || toks[pos].Text == "’s" || toks[pos].Text == "'") {
		pos++
	}
	j := i
	for {
		m, ok := nextAt(ms, j, pos)
		if !ok {
			break
		}
		switch m.Entry.Kind {
		case Modifier:
			pos, j = m.End, j+1
			continue
		case Agent:
			if RoleOf(p.Code) == "" && !strings.HasPrefix(p.Code, "IGO") && !strings.HasPrefix(p.Code, "NGO") {
				p.Code = CountryOf(p.Code) + m.Entry.Code
			}
			p.Entries = append(p.Entries, m.Entry)
			p.End, pos, j = m.End, m.End, j+1
			// a title may be followed by the person's name
			if k, ok := nextAt(ms, j, pos); ok && k.Entry.Kind == Named && CountryOf(k.Entry.Code) == CountryOf(p.Code) {
				p.Code = k.Entry.Code
				p.Entries = append(p.Entries, k.Entry)
				p.End, pos, j = k.End, k.End, j+1
			}
			p.End = skipName(toks, p.End)
			return j
		case Named:
			// "Sudan's paramilitary Rapid Support Forces": the named actor
			// of the same country is more specific.
			if CountryOf(m.Entry.Code) == CountryOf(p.Code) || base.Kind == Demonym {
				if CountryOf(m.Entry.Code) == CountryOf(p.Code) {
					p.Code = m.Entry.Code
				}
				p.Entries = append(p.Entries, m.Entry)
				p.End, j = m.End, j+1
				return j
			}
		}
		break
	}
	// "Houthi targets", "Israeli territory": a demonym before a plain
	// noun is an adjective; a plural demonym on its own is people.
	if (base.Kind == Country || base.Kind == Capital) && p.End == base.end(p) && p.End+1 < len(toks) &&
		(toks[p.End].Text == "'s" || toks[p.End].Text == "’s") && isLowerWord(toks[p.End+1].Text) {
		// "Ukraine's energy system": a possessor modifying a thing
		p.Adjective = true
	}
	if base.Kind == Demonym && p.End == base.end(p) {
		w := toks[p.End-1].Text
		article := p.Start > 0 && (Key(toks[p.Start-1].Text) == "a" || Key(toks[p.Start-1].Text) == "an")
		next := tokAt(toks, p.End)
		if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !isCap(next) ||
			article && next != "-" && (next == "" || !isWord(next) || functionWords[Key(next)]) {
			// "thousands of Israelis", "a Spaniard": people
			p.Code = CountryOf(p.Code) + "CVL"
		} else if p.End < len(toks) && !isCap(toks[p.End].Text) && isWord(toks[p.End].Text) {
			p.Adjective = true
		}
	}
	return j
}

func (e *Entry) end(p *Phrase) int { return p.Start + len(e.words) }

func tokAt(toks []text.Token, i int) string {
	if i < len(toks) {
		return toks[i].Text
	}
	return ""
}

func isWord(w string) bool {
	return w != "" && ((w[0] >= 'a' && w[0] <= 'z') || (w[0] >= 'A' && w[0] <= 'Z'))
}

// skipName extends a title over a following capitalised name not in the
// dictionaries ("Foreign Minister Jeyhun Bayramov").
func skipName(toks []text.Token, pos int) int {
	start := pos
	for pos < len(toks) && isCap(toks[pos].Text) && isWord(toks[pos].Text) && !nameStops[toks[pos].Text] {
		if nonNames[toks[pos].Text] {
			// "the General Services Administration": a body's name, no
			// person's
			return start
		}
		pos++
	}
	return pos
}

// agentPhrase completes a phrase that starts with a role word: "the
// foreign ministers of Armenia and Azerbaijan", "the defence ministry in
// Berlin", "Prime Minister Nikol Pashinyan".
func (d *Dict) agentPhrase(p *Phrase, toks []text.Token, ms []Mention, i int, out *[]Phrase) int {
	role := p.Role
	pos := p.End
	// title + dictionary person: "Prime Minister Nikol Pashinyan"
	if m, ok := nextAt(ms, i, pos); ok && m.Entry.Kind == Named {
		p.Code, p.AgentOnly = m.Entry.Code, false
		p.Entries = append(p.Entries, m.Entry)
		p.End = m.End
		return i + 1
	}
	// "of"/"in" + state: the role belongs to that state
	if pos+1 < len(toks) && (toks[pos].Text == "of" || toks[pos].Text == "in") {
		if m, ok := nextAt(ms, i, pos+1); ok && (m.Entry.Kind == Country || m.Entry.Kind == Capital ||
			(m.Entry.Kind == Demonym && toks[pos].Text == "of") ||
			(m.Entry.Kind == Named && toks[pos].Text == "of")) {
			if toks[pos].Text == "in" && (m.Entry.Kind != Capital || placeBound[role]) {
				// "troops in Syria", "protesters in Nairobi": a place, not the owner
				return i
			}
			code := m.Entry.Code
			if RoleOf(code) == "" && !strings.HasPrefix(code, "IGO") && !strings.HasPrefix(code, "NGO") {
				code = CountryOf(code) + role
			}
			p.Code, p.AgentOnly = code, false
			p.Entries = append(p.Entries, m.Entry)
			p.End = m.End
			j := i + 1
			// "ministers of Armenia and Azerbaijan": the role distributes
			for j+1 < len(ms) && ms[j+1].Start == p.End+1 && toks[p.End].Text == "and" && ms[j+1].Entry.Kind == Country {
				if toks[pos].Text != "of" {
					break
				}
				*out = append(*out, *p)
				m2 := ms[j+1]
				*p = Phrase{Start: m2.Start, End: m2.End, Code: CountryOf(m2.Entry.Code) + role, Entries: []*Entry{p.Entries[0], m2.Entry}}
				j++
			}
			return j
		}
	}
	// title + unknown capitalised name: a person whose country the
	// context must give
	if isCap(toks[p.Start].Text) {
		if end := skipName(toks, pos); end > pos {
			p.End, p.Person, p.NameStart = end, true, pos
		}
	}
	return i
}

// placeBound roles are people whose "in X" says where they are, not
// whom they serve ("protesters in Nairobi" vs "the ministry in Berlin").
var placeBound = map[string]bool{"CVL": true, "REF": true, "MED": true, "BUS": true, "REB": true}

func isLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }
