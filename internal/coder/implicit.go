package coder

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// implicitAgent returns who did an act the text names no one for, where
// only one actor can have done it (the gold conventions code a passive
// without an agent only then): an arrest is the police's, a nation-wide
// measure the government's, of the country where it happens; an
// impeachment the legislature's of the impeached's country; a coup the
// army's of the country whose leader it removes; protests no word gives an
// actor to are the civilians' of the place. nil otherwise.
func (sc *sent) implicitAgent(a *analysis, code string) []ref {
	if a.future || a.negated || a.hypothetic {
		return nil
	}
	noAgent := func() bool { return sc.tree == nil || sc.tree.agent(sc.tree.word(a.m.head), sc.lower) < 0 }
	switch {
	case a.passive && strings.HasPrefix(code, "173") && len(a.tgt) > 0 && noAgent():
		// "a suspect has been arrested": the police of the place, else
		// of the arrested
		country := sc.sentencePlace()
		if c := actors.ParseCode(a.tgt[0].code); country == "" && c.State() {
			country = c.Country
		}
		return implied(country, "COP", "implicit agent of a passive arrest")
	case a.passive && nationWide(code) && !strings.HasPrefix(code, "173") && noAgent():
		// "the hijab was banned in public offices", "that ban was lifted
		// in 2011": the government of the place, else of the article
		country := sc.sentencePlace()
		if country == "" {
			country = sc.d.ctx.firstCountry
		}
		return implied(country, "GOV", "implicit agent of a passive nation-wide measure")
	case a.passive && strings.HasPrefix(a.m.p.Text, "impeach") && len(a.tgt) > 0 && noAgent():
		// "Bill Clinton was impeached in 1998": only a legislature
		// impeaches, that of the impeached's country
		if c := actors.ParseCode(a.tgt[0].code); c.Country != "" {
			return implied(c.Country, "LEG", "implicit agent of an impeachment")
		}
	case code == "180" && len(a.tgt) > 0 && strings.HasPrefix(a.m.p.Text, "coup"):
		// "a military coup removed Thaksin": a coup is the army's of the
		// country whose leader it removes
		if c := actors.ParseCode(a.tgt[0].code); c.State() {
			return implied(c.Country, "MIL", "implicit agent of a coup")
		}
	case len(a.tgt) == 0 && verbs.Root(code) == "14" &&
		(sc.tree == nil || sc.tree.rel(sc.tree.word(a.m.head)) != relCompound && !sc.negatedWord(sc.tree.head(sc.tree.word(a.m.head)))):
		// "protests erupted in Lima", "thousands marched in Belgrade"
		// ("protest organisers" is no protest, nor are protests "not
		// reported")
		return implied(sc.sentencePlace(), "CVL", "unnamed protesters in a place of theirs")
	}
	return nil
}

// implied is the context ref of country's role, with why it was implied;
// nil without a country.
func implied(country, role, why string) []ref {
	if country == "" {
		return nil
	}
	code := country + role
	return []ref{{code: code, start: -1, context: true, explain: []string{why + " → " + code}}}
}
