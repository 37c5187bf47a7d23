package coder

import (
	"slices"
	"sort"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/text"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// ref is one coded actor in a sentence.
type ref struct {
	code       string
	start, end int // token range
	adjective  bool
	pair       bool // first of "both nations": joins the next ref
	pronoun    bool // "it", "they": never a gap-crossed target
	capital    bool // a capital or seat standing for its state
	demonym    bool // a bare demonym ("pro-Russian"): a modifier a gap may pass
	owned      bool // resolved from a possessive pronoun: "its troops"
	context    bool // country supplied by the context, not the text
	explain    []string
	agent      bool // the role came from a role word ("British warplanes")
	coreferent bool // "the accused": the person named earlier, no new mention
	person     bool // one person by name: "Qasem Soleimani", "President Bill Clinton"
}

// group is a compound actor: "Russia and China", "the EU and Britain".
type group struct {
	refs       []int // indexes into sent.refs
	start, end int   // token range
}

// match is one verb pattern matched in the sentence.
type match struct {
	p          *verbs.Pattern
	start, end int // token range of the whole match
	head       int // trigger token
	target     int // group index filled by $T, or -1
	spec       int
	covered    []int // literal tokens
	gapActor   int   // first actor group a gap passed over, or -1
	// forRoles are the patterns of the same words for other sources
	// ("left Iraq": 0874 by=MIL, 160 by=BUS), tried in turn when the
	// source lacks the winner's role
	forRoles []*verbs.Pattern
}

// sent is the state of coding one sentence.
type sent struct {
	d       *doc
	s       event.Sentence
	toks    []text.Token
	lower   []string
	refs    []ref
	refAt   []int // token → ref index or -1
	groups  []group
	groupAt []int // token → group index starting there, or -1
	matches []*match
	speaker []bool // token → part of the speaker of a speech verb
	// ownedOps are the operation nouns that gave an agentless act its
	// agent ("killed in what the group said was an Israeli strike"):
	// the same act, not a second one
	ownedOps []int
	sayHead  []bool // token → a speech verb
	// tokSpans are the token offsets drafts keep for their evidence.
	tokSpans []tokSpan
	// subjectOf remembers the source group chosen for each match.
	lastSource []ref
	lastTarget []ref
	tree       *tree           // nil when the sentence was not parsed
	present    map[string]bool // the sentence's lower-cased words, built on demand
	mask       verbs.Mask      // and their hashes
	// adjuncts maps a token that opens an adverbial of a verb ("on
	// Monday", "again") to the token after it; -1 elsewhere. Pattern
	// words after a trigger may step over them.
	adjuncts []int
}

// importedCandidate reports whether an imported pattern is worth matching
// at token i: the tree must be there to confirm it, its trigger must be a
// verb that is not one of wishing or asking (modality, not an act), and
// every word it needs must occur in the sentence. The field's dictionary
// is large, so this check keeps its cost per sentence small.
func (sc *sent) importedCandidate(p *verbs.Pattern, i int) bool {
	t := sc.tree
	if t == nil {
		return false
	}
	w := t.word(i)
	if pos := t.pos(w); p.Head == 0 && pos != syntax.VERB || desireVerbs[t.lemma(w)] {
		return false
	}
	for k := 1; k < len(p.Elems); k++ {
		if e := &p.Elems[k]; e.Kind == verbs.Lit && !sc.anyPresent(e) {
			return false
		}
	}
	return true
}

// anyPresent reports whether one of the element's words, or the first
// word of one of its phrases, is a word of the sentence: a mask test
// first, then the smaller side is walked.
func (sc *sent) anyPresent(e *verbs.Elem) bool {
	if sc.present == nil {
		// one map per article, cleared per sentence
		if sc.d.present == nil {
			sc.d.present = make(map[string]bool, 64)
		}
		clear(sc.d.present)
		sc.present = sc.d.present
		for _, w := range sc.lower {
			sc.present[w] = true
			sc.mask.Add(w)
		}
	}
	if !e.Mask.Meets(&sc.mask) {
		return false
	}
	if len(e.Alts) < len(sc.lower) {
		for _, w := range e.Alts {
			if sc.present[w] {
				return true
			}
		}
		return false
	}
	for _, w := range sc.lower {
		if e.Words[w] {
			return true
		}
	}
	for _, seq := range e.Phrases {
		if sc.present[seq[0]] {
			return true
		}
	}
	return false
}

// otherName reports whether a capitalised word that is no actor's stands
// after the sentence's first word: a place the tree may find targeted.
// personReference reports whether the words [at, end) are a definite
// description of the private person the article named last ("the
// attacker").
func (sc *sent) personReference(at, end int) bool {
	return at > 0 && articles[sc.lower[at-1]] && individuals[sc.lower[end-1]] && sc.d.ctx.lastPerson != ""
}

// isLowerWord reports whether w starts with a lower-case letter.
func isLowerWord(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' }

// publicationName reports whether a capitalised word that ends the names
// of publications follows the role word at start, inside the phrase or
// right after it ("the Military Times", "the Police Gazette").
func (sc *sent) publicationName(start, end int) bool {
	for k := start + 1; k <= end && k < len(sc.toks); k++ {
		if isCapital(sc.toks[k].Text) && titleHeads[sc.lower[k]] {
			return true
		}
	}
	return false
}

// relationSide reports whether the actor phrase [start, end) only names
// the other side of a relation noun: "Israel's (militia) ally", "Iran's
// proxies", "neighbours of Russia".
func (sc *sent) relationSide(start, end int) bool {
	n := len(sc.lower)
	if end < n && relationNouns[sc.lower[end]] {
		return true // "Israel's militia ally", "US allies"
	}
	if k := end; k < n && sc.lower[k] == "'s" {
		k++
		if k+1 < n && isLowerWord(sc.toks[k].Text) && !relationNouns[sc.lower[k]] {
			k++ // "Israel's militia ally"
		}
		if k < n && relationNouns[sc.lower[k]] {
			return true
		}
	}
	return start >= 2 && sc.lower[start-1] == "of" && relationNouns[sc.lower[start-2]]
}

// placeDescription reports whether the actor phrase [start, end) only
// describes the place named before a comma: "Niamey, Niger's capital",
// "Sofia, the capital of Bulgaria", "Chibok, a town in Nigeria's north".
func (sc *sent) placeDescription(start, end int) bool {
	n := len(sc.lower)
	// ", X's capital"
	if start > 0 && sc.lower[start-1] == "," && end+1 < n && sc.lower[end] == "'s" && placeNouns[sc.lower[end+1]] {
		return true
	}
	// ", the capital of X", ", a town in X"
	k := start - 1
	if k < 2 || sc.lower[k] != "of" && sc.lower[k] != "in" {
		return false
	}
	k--
	for k > 0 && !placeNouns[sc.lower[k]] && isLowerWord(sc.toks[k].Text) && k > start-5 {
		k-- // "a small town in", "the northern city of"
	}
	if !placeNouns[sc.lower[k]] {
		return false
	}
	for k > 0 && sc.lower[k-1] != "," && isLowerWord(sc.toks[k-1].Text) && k > start-7 {
		k--
	}
	return k > 1 && sc.lower[k-1] == "," && isCapital(sc.toks[k-2].Text)
}

// knownAt reports whether an actor phrase of the dictionaries or a person
// the article named starts at token i.
func (sc *sent) knownAt(i int) bool {
	if k, _ := sc.d.names.at(sc.lower, sc.toks, i); k > 0 {
		return true
	}
	for _, p := range sc.d.c.Dict.Phrases(sc.toks[i:min(i+4, len(sc.toks))], sc.d.art.Date) {
		if p.Start == 0 && p.Code != "" {
			return true
		}
	}
	return false
}

// actorDate is the date the sentence's actors hold their offices on: the
// article's, or the earlier year the sentence says it tells of ("a coup
// removed Thaksin in 2006": Thaksin as the prime minister he then was).
func (sc *sent) actorDate() string {
	date := sc.d.art.Date
	if len(date) < 4 {
		return date
	}
	for t := 1; t < len(sc.toks); t++ {
		w := sc.lower[t]
		if len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && strings.Trim(w, "0123456789") == "" &&
			(sc.lower[t-1] == "in" || sc.lower[t-1] == "since") && w < date[:4] {
			return w + "-07-01"
		}
	}
	return date
}

// learnName records a person the article introduces, under name.
func (sc *sent) learnName(name []string, code string) {
	sc.d.names.learn(name, code)
	sc.d.ctx.sawPerson(code)
}

// definite reports whether the noun at i has a definite article, maybe
// across a number: "the agency", "the three officers". A role word of the
// dictionaries is not one: where the phrase matcher left it ("the
// military strike"), it modifies another noun.
func (sc *sent) definite(i int) bool {
	k := i
	if k > 1 && quantities[sc.lower[k-1]] {
		k--
	}
	return k > 0 && articles[sc.lower[k-1]] && !sc.roleWord(i)
}

// roleWord reports whether the word at i is a role word of the
// dictionaries by itself ("military", "government").
func (sc *sent) roleWord(i int) bool {
	for _, p := range sc.d.c.Dict.Phrases(sc.toks[i:i+1], sc.d.art.Date) {
		if p.Code == "" {
			return true
		}
	}
	return false
}

// articleName reports whether a one-word surname alias of the
// dictionaries is a name the article gave one of its own people.
func (sc *sent) articleName(p actors.Phrase) bool {
	if p.End-p.Start != 1 || len(p.Entries) != 1 || !p.Entries[0].Surname() {
		return false
	}
	k, code := sc.d.names.at(sc.lower, sc.toks, p.Start)
	return k == 1 && code != "" && code != p.Code
}

// nameWords are the lower-cased words of a dictionary name.
func nameWords(name string) []string {
	words := strings.Fields(name)
	for i, w := range words {
		words[i] = actors.Key(w)
	}
	return words
}

// adjectivalParticiple reports whether the -ed word at i describes the
// common noun after it in an object's place ("extradite accused
// criminals", "freed detained activists"): a description, no predicate.
func (sc *sent) adjectivalParticiple(i int) bool {
	t := sc.tree
	if t == nil || i == 0 || i+1 >= len(sc.toks) || !strings.HasSuffix(sc.lower[i], "ed") || isCapital(sc.toks[i+1].Text) {
		return false
	}
	if t.pos(t.word(i+1)) != syntax.NOUN {
		return false
	}
	p := t.pos(t.word(i - 1))
	return p == syntax.VERB || p == syntax.ADP || p == syntax.X // the tagger's X: a rare verb form
}

// attributiveAdjective reports whether the parser reads the word at i as
// an adjective before the noun it modifies ("hold free elections"): a
// verb pattern's word ("free+") is no predicate there.
func (sc *sent) attributiveAdjective(i int) bool {
	t := sc.tree
	if t == nil {
		return false
	}
	w := t.word(i)
	h := t.head(w)
	return t.pos(w) == syntax.ADJ && t.rel(w) == relAmod && h > w && t.pos(h) == syntax.NOUN
}

func (sc *sent) otherName() bool {
	for i := 1; i < len(sc.toks); i++ {
		if sc.refAt[i] < 0 && isCapital(sc.toks[i].Text) {
			return true
		}
	}
	return false
}

// quoteSpeaker finds the sentence's quotation and who speaks it: the
// actor phrase a speech word stands next to outside the quote ("…," the
// ministry said; the ministry said: "…"). It returns the quote's bounds
// (the quotation marks' tokens) and the speaker, or nil.
func (sc *sent) quoteSpeaker(phrases []actors.Phrase) (from, to int, speaker *actors.Phrase) {
	from, to = -1, -1
	for i, t := range sc.toks {
		if q := t.Text; q == "\"" || q == "“" || q == "”" {
			if from < 0 {
				from = i
			} else {
				to = i
				break
			}
		}
	}
	if to < 0 {
		return -1, -1, nil
	}
	near := func(a, b int) bool { // a speech word in [a, b)
		for k := max(a, 0); k < b && k < len(sc.lower); k++ {
			if speechWords[sc.lower[k]] {
				return true
			}
		}
		return false
	}
	for i := range phrases {
		p := &phrases[i]
		if p.Code == "" {
			continue
		}
		if p.Start > to && p.Start <= to+6 && near(to+1, p.End+3) {
			return from, to, p // "…," the ministry said
		}
		if p.End <= from && p.End >= from-5 && near(p.End, from) {
			speaker = p // the ministry said: "…" (the last one before it)
		}
	}
	return from, to, speaker
}

// candidate reports whether some word of the sentence can start a verb
// pattern: only such sentences are worth parsing.
func (sc *sent) candidate() bool {
	for i, w := range sc.lower {
		if sc.refAt[i] < 0 && len(sc.d.c.Patterns.ByFirst[w]) > 0 {
			return true
		}
	}
	return false
}

func (sc *sent) actors() {
	n := len(sc.toks)
	sc.lower = grow(&sc.d.lowerBuf, n)
	for i, t := range sc.toks {
		sc.lower[i] = actors.Key(t.Text)
	}
	sc.refAt = grow(&sc.d.refAtBuf, n)
	for i := range sc.refAt {
		sc.refAt[i] = -1
	}
	ctx := &sc.d.ctx
	phrases := sc.d.c.Dict.Phrases(sc.toks, sc.actorDate())
	quoteFrom, quoteTo, speaker := sc.quoteSpeaker(phrases)
	pi := 0
	for i := 0; i < n; i++ {
		if pi < len(phrases) && phrases[pi].Start == i && sc.articleName(phrases[pi]) {
			// "John" after "John Bolton": the article's person, not a
			// dictionary surname of someone else ("Radek John")
			pi++
		}
		if pi < len(phrases) && phrases[pi].Start == i {
			p := phrases[pi]
			pi++
			r := ref{start: p.Start, end: p.End, code: p.Code, adjective: p.Adjective,
				capital: len(p.Entries) == 1 && p.Entries[0].Kind == actors.Capital,
				demonym: len(p.Entries) == 1 && p.Entries[0].Kind == actors.Demonym && actors.ParseCode(p.Code).Role == ""}
			for _, e := range p.Entries {
				r.agent = r.agent || e.Kind == actors.Agent
			}
			// the phrase's last entry is its head: "Hamas leader Yahya
			// Sinwar" is a person, "Sinwar's Hamas" is not
			last := p.Entries[len(p.Entries)-1]
			r.person = p.Person || last.Kind == actors.Named && last.Person()
			for _, e := range p.Entries {
				r.explain = append(r.explain, e.Src+" "+e.Kind.String()+" \""+e.Phrase+"\" → "+e.Code)
			}
			if i > 0 && platformPreps[sc.lower[i-1]] && platforms[sc.lower[p.End-1]] {
				// "praised the endorsement on Twitter": the medium, not a party
				i = p.End - 1
				continue
			}
			if e := p.Entries[len(p.Entries)-1]; len(p.Entries) == 1 && e.Surname() &&
				(e.OutOfOffice() || i > 0 && prepositions[sc.lower[i-1]]) && sc.placeAt(i) != "" && sc.placeAt(i) != actors.CountryOf(p.Code) {
				// "withdrew from Goma", "rebels attacked Goma": a town of
				// another country that is also someone's surname is the
				// town, after a preposition or when the person is out of
				// office on the date
				i = p.End - 1
				continue
			}
			if sc.inPlaceName(p.Start, p.End) {
				// "Dera Ismail Khan": a person's name inside a place's
				i = p.End - 1
				continue
			}
			if sc.relationSide(p.Start, p.End) && actors.ParseCode(p.Code).State() {
				// "Israel's militia ally", "allies of Russia": the other
				// side of a relation is not who the phrase names (a
				// body's "EU partners", "NATO allies" are its members)
				i = p.End - 1
				continue
			}
			if p.Code != "" && sc.placeDescription(p.Start, p.End) {
				// "met in Niamey, Niger's capital,", "in Sofia, the
				// capital of Bulgaria": a country that only says where a
				// place is
				i = p.End - 1
				continue
			}
			if r.capital && i > 0 && articles[sc.lower[i-1]] && p.End < n && isLowerWord(sc.toks[p.End].Text) {
				// "a Kabul car bombing", "the Moscow talks": a capital
				// modifying a noun says where, not who
				i = p.End - 1
				continue
			}
			if p.Code == "" && weapons[sc.lower[p.End-1]] && !(i > 0 && possessivePronouns[sc.lower[i-1]]) {
				// "missiles and drones", "warplanes": weapons are actors
				// only when a country or owner names them
				i = p.End - 1
				continue
			}
			if p.Code == "" && (!p.Person && sc.insideName(p.Start, p.End) ||
				p.Person && !titleRoles[p.Role] && sc.insideName(p.Start, p.Start+1)) {
				// "the International Labor Office", "the International
				// Refugee Support Office": a capitalised role word inside
				// a name no dictionary knows is part of that name, not a
				// role ("Vice Foreign Minister" is one, and only a
				// title's role is followed by a person's name)
				i = p.End - 1
				continue
			}
			if p.Code == "" && sc.publicationName(p.Start, p.End) {
				// "the Military Times", "Police Gazette": a publication's
				// name, not a role
				i = p.End - 1
				continue
			}
			if p.Code == "" && i > 0 && unnamedQualifiers[sc.lower[i-1]] {
				// "world leaders", "African leaders", "Western diplomats":
				// no one actor, and no context makes them one
				i = p.End - 1
				continue
			}
			if p.Code == "" {
				r.owned = i > 0 && possessivePronouns[sc.lower[i-1]]
				r.context = true
				r.code = sc.resolveRole(p.Role, i, p.End)
				nameStart, nameEnd := p.NameStart, p.End
				if !p.Person {
					nameStart, nameEnd = p.End, p.End+sc.nationalNameAt(p.End)
				}
				if c := sc.d.nationals.of(sc.lower[nameStart:nameEnd]); (p.Person || nameEnd > nameStart) && c != "" {
					// "journalist Jamal Khashoggi" of "Khashoggi, a
					// Saudi national" later in the article
					r.code, r.context, r.person, r.end = c+p.Role, false, true, nameEnd
					r.explain = append(r.explain, "nationality the article gives \""+sc.span(nameStart, nameEnd)+"\" → "+c)
					if !p.Person {
						sc.learnName(sc.lower[nameStart:nameEnd], r.code)
					}
					p.End = nameEnd
				}
				r.coreferent = sc.personReference(i, p.End)
				if r.code == "" {
					i = p.End - 1
					continue
				}
				r.explain = append(r.explain, "context → "+r.code)
			}
			sc.add(r)
			if p.Person {
				// "Judge Paul Kellar": later "Kellar" is the same judge
				sc.learnName(sc.lower[p.NameStart:p.End], r.code)
			} else if r.person && !last.Surname() && isCapital(sc.toks[p.Start].Text) {
				// "Osama bin Laden": later "Osama" is the same man (the
				// dictionary knows his full name and surname)
				sc.d.names.givenName(nameWords(last.Phrase), r.code)
			}
			i = p.End - 1
			continue
		}
		if k, code := sc.d.names.at(sc.lower, sc.toks, i); k > 0 {
			// a person the article introduced earlier ("Tarrant", "Rebic")
			sc.add(ref{start: i, end: i + k, code: code, person: true, explain: []string{"person named earlier \"" + sc.span(i, i+k) + "\" → " + code}})
			sc.d.ctx.sawPerson(code)
			i += k - 1
			continue
		}
		w := sc.lower[i]
		switch {
		case firstPersons[w] && speaker != nil && i > quoteFrom && i < quoteTo:
			// "We condemn the attack," the ministry said: the speaker
			sc.add(ref{start: i, end: i + 1, code: speaker.Code, pronoun: true,
				explain: []string{"\"" + sc.toks[i].Text + "\" in a quote → its speaker " + sc.span(speaker.Start, speaker.End) + ", " + speaker.Code}})
		case pronouns[w] && !(w == "it" && i+1 < n && sc.lower[i+1] == "was"):
			code := ""
			if (w == "they" || w == "them") && sc.lastPlural(i) {
				break
			}
			person := personPronouns[w]
			if k := i - 1; k > 0 && (speechParticiples[sc.lower[k]] || sc.lower[k] == "that" && speechParticiples[sc.lower[k-1]]) &&
				len(sc.refs) > 0 && !sc.refs[0].adjective && sc.refs[0].start <= 2 {
				// "India launched strikes…, saying it had hit…": the one
				// who says is the clause's subject, the sentence's first actor
				code = sc.refs[0].code
			}
			for k := len(sc.refs) - 1; k >= 0 && code == ""; k-- {
				if !sc.refs[k].adjective && !sc.prepObject(sc.refs[k].start) && (!person || personLike(sc.refs[k].code)) {
					code = sc.refs[k].code
				}
			}
			if code == "" && len(ctx.lastSubject) > 0 && (!person || personLike(ctx.lastSubject[0])) {
				code = ctx.lastSubject[0]
			}
			if code != "" {
				sc.add(ref{start: i, end: i + 1, code: code, pronoun: true, explain: []string{"pronoun \"" + w + "\" → " + code}})
			}
		case i > 0 && articles[sc.lower[i-1]] && individuals[w] && ctx.lastPerson != "":
			// "the accused" after "An Australian, Brenton Tarrant": the
			// person the article is about
			sc.add(ref{start: i, end: i + 1, code: ctx.lastPerson, coreferent: true, explain: []string{"definite \"the " + w + "\" → the person named last, " + ctx.lastPerson}})
		case !isCapital(sc.toks[i].Text) && (i+1 == n || sc.refAt[i+1] < 0 && !isCapital(sc.toks[i+1].Text)) && ctx.namedWith(w) != "" && sc.definite(i):
			// "the agency" after "the International Atomic Energy Agency"
			code := ctx.namedWith(w)
			sc.add(ref{start: i, end: i + 1, code: code, explain: []string{"definite \"the " + w + "\" → " + code}})
		case w == "the" && i+1 < n && (sc.lower[i+1] == "group" || sc.lower[i+1] == "party" || sc.lower[i+1] == "court" && ctx.byRole["JUD"] != "") && ctx.lastNamed != "":
			code := ctx.lastNamed
			if sc.lower[i+1] == "court" {
				code = ctx.byRole["JUD"]
			}
			sc.add(ref{start: i, end: i + 2, code: code, explain: []string{"definite \"the " + sc.lower[i+1] + "\" → " + code}})
			i++
		case (w == "both" || w == "two") && i+1 < n && pairNouns[sc.lower[i+1]]:
			a, b, ok := ctx.pair(sc.lower[i+1], sc.namedCountries())
			if !ok {
				break
			}
			x := []string{"\"" + w + " " + sc.lower[i+1] + "\" → " + a + ", " + b}
			sc.add(ref{start: i, end: i + 1, code: a, explain: x, pair: true})
			sc.add(ref{start: i + 1, end: i + 2, code: b, explain: x})
			i++
		}
	}
	sc.appositions()
	sc.buildGroups()
}

// appositions learns the people the article introduces beside a coded
// description: "An Australian, Brenton Tarrant, aged 28, …" and "Brenton
// Tarrant, an Australian, …" make Tarrant AUSCVL for the rest of the
// article.
func (sc *sent) appositions() {
	for _, r := range sc.refs {
		if r.pronoun || r.adjective || r.start < 0 || r.code == "" {
			continue
		}
		described := r.start > 0 && articles[sc.lower[r.start-1]] || r.agent
		if !described {
			continue
		}
		// description, Name,
		if a, b := r.end+1, sc.nameRun(r.end+1); r.end < len(sc.lower) && sc.lower[r.end] == "," && b > a {
			sc.learnName(sc.lower[a:b], r.code)
		}
		// Name, description
		lo := r.start
		if lo > 0 && articles[sc.lower[lo-1]] {
			lo--
		}
		if lo >= 2 && sc.lower[lo-1] == "," {
			a := lo - 1
			for a > 0 && sc.isNameTok(a-1) {
				a--
			}
			if a < lo-1 && (a == 0 || !sc.isNameTok(a-1)) {
				sc.learnName(sc.lower[a:lo-1], r.code)
			}
		}
	}
}

// nameRun returns the end of a run of capitalised words at i that no
// actor phrase holds, followed by a comma; i when there is none.
func (sc *sent) nameRun(i int) int {
	j := i
	for j < len(sc.toks) && j-i < 4 && sc.isNameTok(j) {
		j++
	}
	if j == i || j >= len(sc.toks) || sc.lower[j] != "," {
		return i
	}
	return j
}

func (sc *sent) isNameTok(t int) bool {
	return sc.refAt[t] < 0 && isCapital(sc.toks[t].Text) && len(sc.toks[t].Text) > 1
}

// resolveRole codes an actor named only by its role ("the ministry",
// "police", "its troops") from the sentence and article context.
func (sc *sent) resolveRole(role string, at, end int) string {
	ctx := &sc.d.ctx
	prev := ""
	if at > 0 {
		prev = sc.lower[at-1]
	}
	if c := sc.placeOwner(end); c != "" {
		// "the mayor of Gdansk", "police in Marseille": the place's country
		return c + role
	}
	if end+1 < len(sc.toks) && sc.lower[end] == "of" && isCapital(sc.toks[end+1].Text) && !sc.knownAt(end+1) {
		// "the government of Abdrabbuh Mansur Hadi": the role belongs to
		// the person named, whose surname the dictionaries may know, not
		// to the article's last government
		for k := end + 2; k < len(sc.toks) && k <= end+4 && isCapital(sc.toks[k].Text); k++ {
			if sc.knownAt(k) {
				for _, p := range sc.d.c.Dict.Phrases(sc.toks[k:min(k+4, len(sc.toks))], sc.actorDate()) {
					if c := actors.ParseCode(p.Code); p.Start == 0 && c.State() {
						return c.Country + role
					}
				}
			}
		}
		return ""
	}
	if sc.personReference(at, end) {
		// "the attacker", "the suspect": the person the article named
		return ctx.lastPerson
	}
	if articles[prev] && end-at == 1 {
		// "the court" after "the International Court of Justice", "the
		// council" after "the U.N. Security Council": a definite noun is
		// the last named actor whose name it heads or holds
		if c := ctx.namedWith(sc.lower[at]); c != "" {
			return c
		}
	}
	if possessivePronouns[prev] {
		// "its troops": the owner is the sentence's first actor; an armed
		// group's or organisation's units are the group itself
		if len(sc.refs) > 0 {
			if o := sc.refs[0].code; nonState(o) {
				return o
			}
		}
		for _, r := range sc.refs {
			if c := actors.ParseCode(r.code); c.State() {
				return c.Country + role
			}
		}
		if len(ctx.lastSubject) > 0 {
			return actors.CountryOf(ctx.lastSubject[0]) + role
		}
	}
	if c := ctx.byRole[role]; c != "" && (prev == "the" || role == "MIL" || role == "COP") {
		// "the ministry", or "troops" once the article has named whose
		return c
	}
	if peopleRole[role] {
		// "killed hundreds of people in southern Israel": people belong
		// to the country they are in
		for k := at + 1; k < len(sc.toks) && k <= at+4; k++ {
			if sc.lower[k] != "in" {
				continue
			}
			for _, p := range sc.d.c.Dict.Phrases(sc.toks[k+1:min(k+4, len(sc.toks))], sc.d.art.Date) {
				if c, ok := sideCountry(p.Code); ok && p.Start <= 1 {
					return c + role
				}
			}
			break
		}
	}
	if c := sc.placeBefore(at); c != "" && peopleRole[role] {
		// "the Jenin refugee camp", "Kharkiv residents": people of the
		// place named right before them
		return c + role
	}
	if c := sc.originOf(end); c != "" && peopleRole[role] {
		// "a missionary from Calgary", "refugees from Syria": people
		// are of where they come from
		return c + role
	}
	if peopleRole[role] || localRoles[role] {
		// "a suspect was detained in Lyon": people and local bodies no
		// word places belong to the country the sentence happens in
		if c := sc.sentencePlace(); c != "" {
			return c + role
		}
	}
	if c := ctx.byRole[role]; (peopleRole[role] || institutionRoles[role]) && c != "" {
		// "Protesters' demands" after "Hong Kong protesters": the people
		// the article last placed; "members of parliament" after "the
		// Parliament of Iraq": the legislature it named
		return c
	}
	if prev == "the" && stateRoles[role] && ctx.firstCountry != "" {
		// "the president", "the military said": the article's own country
		return ctx.firstCountry + role
	}
	if c := ctx.country(); c != "" {
		if actors.ParseCode(c).Body() {
			return c // an organisation's units share its code
		}
		return c + role
	}
	// no context yet: the first country named later in the sentence
	for _, p := range sc.d.c.Dict.Phrases(sc.toks[at:], sc.d.art.Date) {
		if c, ok := sideCountry(p.Code); p.Code != "" && ok {
			return c + role
		}
	}
	return ""
}

func (sc *sent) add(r ref) {
	sc.refs = append(sc.refs, r)
	for t := r.start; t < r.end; t++ {
		sc.refAt[t] = len(sc.refs) - 1
	}
	if ctx := &sc.d.ctx; ctx.perpetrator == "" && r.end > 0 && perpetrators[sc.lower[r.end-1]] && actors.RoleOf(r.code) == "CVL" {
		ctx.perpetrator, ctx.perpetratorAt = r.code, sc.s.Index
	}
	if !r.coreferent {
		// a coreferent ("the accused") names no new actor for the context
		sc.d.ctx.saw(r.code)
	}
	if !r.context && !r.pronoun && r.end-r.start > 1 {
		// the capitalised words of a name are what a definite noun
		// can refer back with ("the court", "the agency")
		var words []string
		for t := r.start; t < r.end; t++ {
			if isCapital(sc.toks[t].Text) {
				words = append(words, sc.lower[t])
			}
		}
		sc.d.ctx.sawName(words, r.code)
	}
	if r.agent && !r.pronoun && r.end-r.start > 1 && isLowerWord(sc.toks[r.end-1].Text) && !sc.roleWord(r.end-1) {
		// "Turkish police officers": "the two officers" later are they
		// (a role word of its own, "the government", keeps its rules)
		sc.d.ctx.sawName([]string{sc.lower[r.end-1]}, r.code)
	}
}

// buildGroups joins coordinated actors into compound actors.
func (sc *sent) buildGroups() {
	sc.groupAt = grow(&sc.d.groupAtBuf, len(sc.toks))
	for i := range sc.groupAt {
		sc.groupAt[i] = -1
	}
	for i := 0; i < len(sc.refs); i++ {
		g := group{refs: []int{i}, start: sc.refs[i].start, end: sc.refs[i].end}
		first, listed := i, false
		for i+1 < len(sc.refs) && (sc.refs[i].pair || !sc.refs[i+1].pair && sc.coordinated(g.end, sc.refs[i+1].start)) {
			listed = listed || sc.refs[i].pair || sc.conjoined(g.end, sc.refs[i+1].start)
			i++
			g.refs = append(g.refs, i)
			g.end = sc.refs[i].end
		}
		if !listed && len(g.refs) > 1 {
			// commas without "and": "in Ukraine, the Pentagon said" is no list
			i = first
			g = group{refs: []int{i}, start: sc.refs[i].start, end: sc.refs[i].end}
		}
		// "U.S. and British warplanes": the role distributes backwards
		for k := len(g.refs) - 2; k >= 0; k-- {
			a, b := &sc.refs[g.refs[k]], sc.refs[g.refs[k+1]]
			if ac := actors.ParseCode(a.code); ac.Role == "" && ac.State() && actors.RoleOf(b.code) != "" && b.agent && b.start == a.end+1 && sc.lower[a.end] == "and" {
				a.code += actors.RoleOf(b.code)
			}
		}
		sc.groups = append(sc.groups, g)
		sc.groupAt[g.start] = len(sc.groups) - 1
	}
}

// coordinated reports whether the tokens [a, b) only join two actors.
func (sc *sent) coordinated(a, b int) bool {
	if b <= a || b-a > 5 {
		return false
	}
	joined, conj, article := false, false, false
	for t := a; t < b; t++ {
		w := sc.lower[t]
		if w == "and" || w == "," || w == "or" {
			joined = true
		}
		conj = conj || w == "and" || w == "or"
		article = article || w == "a" || w == "an"
		if article && !conj && w != "a" && w != "an" {
			// ", a White House official said": an apposition, not a list
			return false
		}
		if w == "," && t+1 < b && sc.lower[t+1] == "and" && clauseSubject(sc.lower, b) {
			// ", and Israel released…": a new clause, not a list
			return false
		}
		if w == "as" && t+1 < b && sc.lower[t+1] == "well" {
			joined, conj = true, true // "as well as"
			continue
		}
		if !coordination[w] && w != "country" && w != "'s" {
			return false
		}
	}
	return joined && (conj || !article)
}

// conjoined reports whether the gap [a, b) holds a conjunction.
func (sc *sent) conjoined(a, b int) bool {
	for t := a; t < b; t++ {
		if w := sc.lower[t]; w == "and" || w == "or" || w == "as" {
			return true
		}
	}
	return false
}

// groupOf returns the group containing token t, or -1.
func (sc *sent) groupOf(t int) int {
	for gi, g := range sc.groups {
		if t >= g.start && t < g.end {
			return gi
		}
	}
	return -1
}

// triggers matches the verb patterns and keeps the best non-overlapping set.
func (sc *sent) triggers() {
	ps := sc.d.c.Patterns
	all := sc.d.matchBuf[:0]
	defer func() { sc.d.matchBuf = all[:0] }()
	for i := range sc.toks {
		if sc.refAt[i] >= 0 {
			// words inside an actor phrase ("Rapid Support Forces") are not verbs
			continue
		}
		if i > 0 && isCapital(sc.toks[i].Text) && sc.toks[i-1].Text != "\"" && sc.toks[i-1].Text != "“" {
			// a capitalised word inside a sentence is a name ("March", "Strike Force")
			continue
		}
		if i >= 2 && sc.lower[i-1] == "-" && sc.refAt[i-2] < 0 && sc.toks[i-1].Start == sc.toks[i-2].End {
			// the second half of a hyphenated modifier ("fire-fighting
			// planes", "peace-keeping force") is no predicate; after an
			// actor it names the agent ("a Qatar-mediated truce")
			continue
		}
		if i > 0 && nonPoliticalModifiers[sc.lower[i-1]] {
			// "a cardiac arrest", "a panic attack": no political act
			continue
		}
		nounUse := i > 0 && articles[sc.lower[i-1]] && (strings.HasSuffix(sc.lower[i], "ed") || participle(sc.lower[i])) ||
			i > 1 && articles[sc.lower[i-2]] && strings.HasSuffix(sc.lower[i-1], "ly") && strings.HasSuffix(sc.lower[i], "ed") ||
			sc.adjectivalParticiple(i) || sc.attributiveAdjective(i)
		// "our targets", "their attacks": nouns; an appeal or demand is
		// one in either form ("its call for Venezuela to…")
		possessed := i > 0 && (possessiveDeterminers[sc.lower[i-1]] || sc.lower[i-1] == "'s") // (lower holds one apostrophe)
		for _, p := range ps.ByFirst[sc.lower[i]] {
			if p.Has("noevent") && i > 0 && sc.lower[i-1] == "-" {
				// "Saudi-led forces": the agentive compound is the
				// actor's name, not the words a no-event pattern blocks
				continue
			}
			if (nounUse || possessed && !contentTaking(p)) && !p.Nominal {
				// "the accused", "the wounded", "a wanted man": a
				// participle after an article names people, it is no
				// predicate
				continue
			}
			if p.Imported && !sc.importedCandidate(p, i) {
				continue
			}
			if m := sc.try(p, i); m != nil {
				all = append(all, m)
			}
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].p.Imported != all[b].p.Imported {
			return !all[a].p.Imported // ours win where both match
		}
		if all[a].spec != all[b].spec {
			return all[a].spec > all[b].spec
		}
		return all[a].start < all[b].start
	})
	used := grow(&sc.d.usedBuf, len(sc.toks))
	for i, m := range all {
		if used[m.head] {
			continue
		}
		if len(m.p.By) > 0 {
			for _, o := range all[i+1:] {
				if len(o.p.By) > 0 && o.head == m.head && slices.Equal(o.covered, m.covered) {
					m.forRoles = append(m.forRoles, o.p)
				}
			}
		}
		clash := false
		for _, t := range m.covered {
			if used[t] {
				clash = true
			}
		}
		if clash {
			continue
		}
		for _, t := range m.covered {
			used[t] = true
		}
		sc.matches = append(sc.matches, m)
	}
	sort.Slice(sc.matches, func(a, b int) bool { return sc.matches[a].head < sc.matches[b].head })
}

// try matches pattern p at token i.
func (sc *sent) try(p *verbs.Pattern, i int) *match {
	// most patterns tried do not match: they are tried on a scratch
	// match whose covered buffer is reused, and only a match is copied
	m := &sc.d.scratch
	*m = match{p: p, start: i, target: -1, head: -1, gapActor: -1, covered: m.covered[:0]}
	if !sc.matchFrom(p, 0, i, m) && !sc.matchPassive(p, i, m) {
		return nil
	}
	kept := *m
	kept.covered = append([]int(nil), m.covered...)
	m = &kept
	if m.head < 0 {
		m.head = i
	}
	if m.target >= 0 && sc.otherPredicate(m) {
		return nil
	}
	if p.Has("accuse") && !sc.accusing(m) {
		return nil
	}
	if m.target < 0 && m.gapActor >= 0 {
		// "demanded that Prime Minister Hasina step down"
		m.target = m.gapActor
	}
	if m.target < 0 {
		// a pattern word that is also an actor ("killing … people"): that actor is the target
		for _, t := range m.covered {
			if t <= m.head || sc.refAt[t] < 0 {
				continue
			}
			r := sc.refs[sc.refAt[t]]
			if g := sc.groupOf(r.start); g >= 0 && (!r.context || peopleRole[actors.RoleOf(r.code)]) {
				m.target = g
				break
			}
		}
	}
	return m
}

// matchPassive matches a pattern "verb .. noun …" whose noun the tree
// makes the passive subject of the verb at token i: "the curfew was
// lifted", "sanctions were imposed on Iran", "two diplomats were
// expelled". The rest of the pattern follows the verb.
func (sc *sent) matchPassive(p *verbs.Pattern, i int, m *match) bool {
	t := sc.tree
	if t == nil || p.Head != 0 || len(p.Elems) < 3 || p.Elems[0].Kind != verbs.Lit || p.Elems[1].Kind != verbs.Gap ||
		p.Elems[2].Kind != verbs.Lit || !p.Elems[0].Words[sc.lower[i]] {
		return false
	}
	v := t.word(i)
	if v < 0 || !t.passive(v) {
		return false
	}
	s := t.child(v, relNsubjPass)
	if s < 0 {
		return false
	}
	n := t.tok(s)
	if n >= i {
		return false
	}
	m.covered = append(m.covered, n)
	if !p.Elems[2].Words[sc.lower[n]] {
		// a phrase the subject opens: "the state of emergency was lifted"
		ok := false
		for _, seq := range p.Elems[2].Phrases {
			if n+len(seq) <= i && sc.matchSeq(seq, n) {
				for k := 1; k < len(seq); k++ {
					m.covered = append(m.covered, n+k)
				}
				ok = true
				break
			}
		}
		if !ok {
			m.covered = m.covered[:0]
			return false
		}
	}
	m.covered = append(m.covered, i)
	m.head, m.start = i, n
	m.spec += 4
	return sc.matchFrom(p, 3, i+1, m)
}

func isCapital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func (sc *sent) matchFrom(p *verbs.Pattern, ei, ti int, m *match) bool {
	if ei == len(p.Elems) {
		m.end = ti
		return true
	}
	e := p.Elems[ei]
	switch e.Kind {
	case verbs.Lit:
		for _, seq := range e.Phrases {
			if sc.matchSeq(seq, ti) {
				save := len(m.covered)
				for k := range seq {
					m.covered = append(m.covered, ti+k)
				}
				if ei == p.Head {
					m.head = ti
					if slices.Contains(seq, "-") {
						m.head = ti + len(seq) - 1 // "re-open": the verb is the last part
					}
				}
				m.spec += 2 * len(seq)
				if sc.matchFrom(p, ei+1, ti+len(seq), m) {
					return true
				}
				m.covered = m.covered[:save]
				m.spec -= 2 * len(seq)
			}
		}
		if ti >= len(sc.toks) || !e.Words[sc.lower[ti]] {
			if ei > 0 && ti < len(sc.adjuncts) && sc.adjuncts[ti] > ti {
				// "threatened on Monday to break relations": an
				// adverbial between the pattern's words is stepped over
				return sc.matchFrom(p, ei, sc.adjuncts[ti], m)
			}
			return false
		}
		save := len(m.covered)
		m.covered = append(m.covered, ti)
		if ei == p.Head {
			m.head = ti
		}
		m.spec += 2
		if sc.matchFrom(p, ei+1, ti+1, m) {
			return true
		}
		m.covered = m.covered[:save]
		m.spec -= 2
		return false
	case verbs.Target:
		t := ti
		for k := 0; k < 2 && t < len(sc.toks) && determiners[sc.lower[t]] && sc.groupAt[t] < 0; k++ {
			// (a determiner that opens an actor, "both nations", is kept)
			t++
		}
		if t < len(sc.toks) && sc.groupAt[t] >= 0 && !(violent(p.Code) && sc.originModifier(sc.groups[sc.groupAt[t]].end)) {
			// ("attacked a U.S.-funded school": force is not aimed at the
			// funder; a veto of a "U.S.-drafted" text is at its drafter)
			g := sc.groups[sc.groupAt[t]]
			m.target = sc.groupAt[t]
			m.spec++
			if sc.matchFrom(p, ei+1, g.end, m) {
				return true
			}
			if g.end < len(sc.lower) && (sc.lower[g.end] == "'s" || sc.lower[g.end] == "’s") && ei+1 < len(p.Elems) &&
				sc.matchFrom(p, ei+1, g.end+1, m) {
				// "rejected India's claim": the possessive stands between
				// the target and the pattern's noun
				return true
			}
			if c := sc.relativeAfter(g.end); c > 0 && ei+1 < len(p.Elems) && sc.matchFrom(p, ei+1, c, m) {
				// "asked Carrie Lam, who is supported by Beijing, to
				// resign": a relative clause stands between the target
				// and the rest of the pattern
				return true
			}
			m.target = -1
			m.spec--
		}
		// the target may stand elsewhere (passive voice, fronted object)
		if ei == len(p.Elems)-1 {
			return sc.matchFrom(p, ei+1, ti, m)
		}
		return false
	case verbs.Gap:
		for k := 0; k <= verbs.MaxGap && ti+k <= len(sc.toks); k++ {
			t := ti + k
			if sc.matchFrom(p, ei+1, t, m) {
				return true
			}
			if t >= len(sc.toks) || sc.lower[t] == ";" || sc.lower[t] == "." {
				return false
			}
			// a gap may pass an actor only to reach a word of the pattern
			// inside it ("expelled two Ugandan diplomats")
			if r := sc.refAt[t]; r >= 0 {
				// a gap passes an actor only to reach a word of the pattern
				// inside it ("expelled two Ugandan diplomats") or past a
				// demonym used as an adjective ("the Congolese city of")
				if ei+1 >= len(p.Elems) || p.Elems[ei+1].Kind != verbs.Lit ||
					!sc.refs[r].adjective && !sc.refs[r].demonym && !sc.litInside(p.Elems[ei+1], sc.refs[r]) &&
						!sc.modifiesLit(sc.refs[r], p.Elems[ei+1]) &&
						!sc.possessesLit(sc.refs[r], p.Elems[ei+1]) && !originCompound(sc.lower, sc.refs[r].end) {
					return false
				}
				if sc.groupAt[t] >= 0 && m.gapActor < 0 && !sc.refs[r].pronoun && !originCompound(sc.lower, sc.refs[r].end) {
					m.gapActor = sc.groupAt[t]
				}
			}
		}
	}
	return false
}

// otherPredicate reports whether the target a pattern reached after its
// head hangs, in the tree, from a predicate coordinated with the head
// rather than from the head's own clause: "signed on to the agreement,
// with Eritrea the only state unsigned" is no agreement with Eritrea.
func (sc *sent) otherPredicate(m *match) bool {
	t := sc.tree
	g := sc.groups[m.target]
	if t == nil || g.start <= m.head || !slices.Contains(sc.lower[m.head:g.start], ",") {
		return false // a clause of its own is set off by a comma
	}
	if sc.absoluteAfter(g.end) {
		return true
	}
	h := t.word(m.head)
	w := t.word(g.start) // a list's first member: the parse of its tail is the weaker
	for steps := 0; w >= 0 && w != h && steps < 12; steps++ {
		if r := t.rel(w); (r == relConj || r == relAdvcl || r == relParataxis) && (t.pos(w) == syntax.VERB || t.pos(w) == syntax.ADJ) && t.head(w) == h {
			return true
		}
		w = t.head(w)
	}
	return false
}

// accusing reports whether an accusation pattern's match accuses: not a
// participle modifying a noun ("over alleged Revolutionary Guards plots"),
// and, for a bare "alleged $T" with no "that" or "of", an accused the
// pattern itself found ("alleged, by way of example, Mahan had…" names
// none the dictionaries know).
func (sc *sent) accusing(m *match) bool {
	t := sc.tree
	if t == nil || m.p.Nominal {
		return true // "the allegations that…" is a noun's frame
	}
	w := t.word(m.head)
	if t.rel(w) == relAmod || m.head > 0 && (prepositions[sc.lower[m.head-1]] || determiners[sc.lower[m.head-1]]) {
		return false // "over alleged plots", "the alleged attack"
	}
	last := m.p.Elems[len(m.p.Elems)-1]
	return m.target >= 0 || last.Kind != verbs.Target || t.passive(w) ||
		m.end < len(sc.lower) && complementMarkers[sc.lower[m.end]]
}

// absoluteAfter reports whether the token at e, right after an actor,
// opens the subject of a small clause of its own: "with Hungary the only
// member opposed" (a parse may still hang the actor on the main verb).
func (sc *sent) absoluteAfter(e int) bool {
	t := sc.tree
	if t == nil || e >= len(sc.toks) {
		return false
	}
	d := t.word(e)
	if d < 0 || t.pos(d) != syntax.DET {
		return false
	}
	n := t.head(d)
	return n >= 0 && t.rel(n) == relNsubj && t.head(n) > n
}

// relativeAfter returns the token after a relative clause set off by
// commas at t (", who is supported by Beijing,"), or 0 when there is none.
func (sc *sent) relativeAfter(t int) int {
	if t+1 >= len(sc.lower) || sc.lower[t] != "," || !relatives[sc.lower[t+1]] {
		return 0
	}
	for k := t + 2; k < len(sc.lower) && k <= t+16; k++ {
		if sc.lower[k] == "," {
			return k + 1
		}
	}
	return 0
}

// matchSeq reports whether the tokens at ti spell seq (hyphens are
// tokens of their own in both).
func (sc *sent) matchSeq(seq []string, ti int) bool {
	if ti+len(seq) > len(sc.lower) {
		return false
	}
	for k, w := range seq {
		if sc.lower[ti+k] != w {
			return false
		}
	}
	return true
}

// nonState reports whether a code names a group or organisation whose
// members and units share its code.
func nonState(code string) bool {
	c := actors.ParseCode(code)
	return c.Role == "REB" || c.Role == "OPP" || c.Body()
}

// lastPlural codes "they"/"them" at token t as the sentence's last
// compound actor ("arrested three Americans and two Spaniards, accusing
// them of…"), adding one ref per member. It reports whether it did.
func (sc *sent) lastPlural(t int) bool {
	var members []ref
	listed := false
	for i := len(sc.refs) - 1; i >= 0; i-- {
		r := sc.refs[i]
		if r.adjective || r.pronoun {
			continue
		}
		members = append([]ref{r}, members...)
		if i == 0 || !sc.coordinated(sc.refs[i-1].end, r.start) {
			break
		}
		listed = listed || sc.conjoined(sc.refs[i-1].end, r.start)
	}
	if len(members) < 2 || !listed {
		// "storm parliament, police in response fired at them": a
		// comma alone makes no list
		return false
	}
	for k, m := range members {
		r := ref{start: t, end: t + 1, code: m.code, pronoun: true, pair: k < len(members)-1,
			explain: []string{"pronoun \"" + sc.lower[t] + "\" → " + m.code}}
		sc.refs = append(sc.refs, r)
	}
	// all members share token t; refAt points at the first
	sc.refAt[t] = len(sc.refs) - len(members)
	return true
}

// litInside reports whether a pattern word names a token of the actor.
func (sc *sent) litInside(e verbs.Elem, r ref) bool {
	for t := r.start; t < r.end; t++ {
		if e.Words[sc.lower[t]] {
			return true
		}
	}
	return false
}

// originCompound reports whether the actor ending at t is the origin in a
// compound ("U.S.-made missiles", "Iran-backed militants") rather than an
// owner ("a Greek-managed tanker").
func originCompound(lower []string, t int) bool {
	if t+1 >= len(lower) || lower[t] != "-" {
		return false
	}
	return !ownerWords[lower[t+1]]
}

// modifiesLit reports whether the actor modifies the pattern word after
// it, right before it or across up to three lower-case modifiers of its own:
// "signed the African Union trade agreement", "the Hamas attack".
func (sc *sent) modifiesLit(r ref, e verbs.Elem) bool {
	for t := r.end; t < len(sc.lower) && t <= r.end+3; t++ {
		w := sc.lower[t]
		if e.Words[w] && !prepositions[w] {
			return t == r.end || sc.headedBy(r.end-1, t)
		}
		if sc.refAt[t] >= 0 || prepositions[w] || articles[w] || !isLowerWord(sc.toks[t].Text) {
			return false
		}
	}
	return false
}

// headedBy reports whether the tree attaches token d under token h
// within two steps ("African Union" → "trade" → "agreement"); without a
// tree, no.
func (sc *sent) headedBy(d, h int) bool {
	t := sc.tree
	if t == nil {
		return false
	}
	w, hw := t.word(d), t.word(h)
	for range 3 {
		if w < 0 {
			return false
		}
		if w = t.head(w); w == hw {
			return true
		}
	}
	return false
}

// originModifier reports whether the actor ending at t only says where
// the noun after it comes from or who backs it ("a U.S.-funded school",
// "British-backed coup"): an origin compound whose second half is a
// participle (not a name's second half, "Park Geun-hye").
func (sc *sent) originModifier(t int) bool {
	if !originCompound(sc.lower, t) || t+1 >= len(sc.toks) {
		return false
	}
	if sc.tree != nil {
		p := sc.tree.pos(sc.tree.word(t + 1))
		return p == syntax.VERB || p == syntax.ADJ
	}
	return strings.HasSuffix(sc.lower[t+1], "ed")
}

// possessesLit reports whether the actor is the possessor of the pattern
// word after it ("rejected the group's proposal").
func (sc *sent) possessesLit(r ref, e verbs.Elem) bool {
	t := r.end
	return t+1 < len(sc.lower) && (sc.lower[t] == "'s" || sc.lower[t] == "’s") && e.Words[sc.lower[t+1]]
}

// clauseSubject guesses whether the actor starting at b opens a clause:
// a past-tense verb follows it within two words.
func clauseSubject(lower []string, b int) bool {
	for t := b + 1; t < len(lower) && t <= b+3; t++ {
		if strings.HasSuffix(lower[t], "ed") && lower[t] != "armed" && lower[t] != "based" {
			return true
		}
	}
	return false
}

// placeOwner returns the country of a place named right after a role
// phrase ending at end ("the mayor of Gdansk", "the governor of Kherson
// region"), from the gazetteer; "" when there is none.
func (sc *sent) placeOwner(end int) string {
	if end+1 >= len(sc.toks) || sc.lower[end] != "of" && sc.lower[end] != "in" {
		return ""
	}
	return sc.placeAt(end + 1)
}

// placeBefore returns the country of a place the capitalised word or two
// right before token at name, or "".
func (sc *sent) placeBefore(at int) string {
	for k := at - 1; k >= 0 && k >= at-2 && isCapital(sc.toks[k].Text) && sc.refAt[k] < 0; k-- {
		if k == 0 || !isCapital(sc.toks[k-1].Text) || sc.refAt[k-1] >= 0 {
			return sc.placeAt(k)
		}
	}
	return ""
}

// originOf returns the country of a "from" phrase at end ("from Calgary",
// "from Syria"), or "".
func (sc *sent) originOf(end int) string {
	if end+1 >= len(sc.toks) || sc.lower[end] != "from" || !isCapital(sc.toks[end+1].Text) {
		return ""
	}
	if c := sc.placeAt(end + 1); c != "" {
		return c
	}
	for _, p := range sc.d.c.Dict.Phrases(sc.toks[end+1:min(end+4, len(sc.toks))], sc.d.art.Date) {
		if c := actors.ParseCode(p.Code); p.Start == 0 && c.State() && c.Role == "" && !p.Adjective {
			return c.Country
		}
	}
	return ""
}

// sentencePlace returns the country of the first place the sentence puts
// something in ("in Lyon", "across Iran"), or "".
func (sc *sent) sentencePlace() string {
	for t := 0; t+1 < len(sc.toks); t++ {
		if !locatives[sc.lower[t]] {
			continue
		}
		if c := sc.placeAt(t + 1); c != "" {
			return c
		}
		if r := sc.refAt[t+1]; r >= 0 && !sc.refs[r].context {
			if c := actors.ParseCode(sc.refs[r].code); c.State() && c.Role == "" {
				return c.Country
			}
		} else if r < 0 && isCapital(sc.toks[t+1].Text) {
			// a country named later than the refs built so far ("the
			// killing of people by German colonial troops in Tanzania")
			for _, p := range sc.d.c.Dict.Phrases(sc.toks[t+1:min(t+4, len(sc.toks))], sc.d.art.Date) {
				if c := actors.ParseCode(p.Code); p.Start == 0 && c.State() && c.Role == "" && !p.Adjective {
					return c.Country
				}
			}
		}
	}
	return ""
}

// inPlaceName reports whether the capitalised word before the phrase
// [start, end) makes, with it, a place the gazetteer knows: "Dera Ismail
// Khan" holds the name of "Ismail Khan".
func (sc *sent) inPlaceName(start, end int) bool {
	if sc.d.c.Places == nil || start == 0 || !isCapital(sc.toks[start-1].Text) || sc.refAt[start-1] >= 0 || !isCapital(sc.toks[start].Text) {
		return false
	}
	_, ok := sc.d.c.Places(sc.span(start-1, end))
	return ok
}

// placeAt returns the country of the place named by the capitalised
// words at a, as the gazetteer knows it, or "".
func (sc *sent) placeAt(a int) string {
	if sc.d.c.Places == nil || timeNouns[sc.lower[a]] {
		return "" // "in March" is a date
	}
	b := a
	for b < len(sc.toks) && b-a < 3 && isCapital(sc.toks[b].Text) {
		b++
	}
	if b == a {
		return ""
	}
	c, ok := sc.d.c.Places(sc.span(a, b))
	if !ok || !actors.ParseCode(c).State() {
		return ""
	}
	return c
}

// insideName reports whether the capitalised words [a, b) stand inside a
// longer run of capitalised words no actor holds, two or more of them
// around it, past the sentence's first word.
func (sc *sent) insideName(a, b int) bool {
	if !isCapital(sc.toks[a].Text) {
		return false
	}
	around := 0
	for k := a - 1; k >= 1 && isCapital(sc.toks[k].Text) && sc.refAt[k] < 0; k-- {
		around++
	}
	for k := b; k < len(sc.toks) && isCapital(sc.toks[k].Text); k++ {
		around++
	}
	return around >= 2
}

// namedCountries are the countries of the actors the sentence has named so
// far: "both nations" after "Russia urged" is not Russia.
func (sc *sent) namedCountries() map[string]bool {
	m := map[string]bool{}
	for _, r := range sc.refs {
		m[actors.CountryOf(r.code)] = true
	}
	return m
}

// grow returns n zero values from the article's buffer: a sentence's
// per-token tables live only while it is coded.
func grow[T any](buf *[]T, n int) []T {
	if cap(*buf) < n {
		*buf = make([]T, n, max(n, 2*cap(*buf)))
	}
	b := (*buf)[:n]
	clear(b)
	return b
}

// personLike reports whether an actor code can stand for a person ("he",
// "she"): a state's office or force, an organisation's official, a group;
// not a country as a whole.
func personLike(code string) bool {
	c := actors.ParseCode(code)
	return c.Role != "" || !c.State()
}
