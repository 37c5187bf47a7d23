package coder

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/attack_kinds.txt
var attackKindsTxt string

// attackCodes maps a word naming a kind of attack to its CAMEO code.
var attackCodes = parseAttackKinds(attackKindsTxt)

// parseAttackKinds reads "word code" lines; the file is embedded, so a
// malformed line is a build defect and panics at start-up.
func parseAttackKinds(txt string) map[string]string {
	m := map[string]string{}
	for i, line := range strings.Split(txt, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 || strings.Trim(f[1], "0123456789") != "" || m[f[0]] != "" {
			panic(fmt.Sprintf("coder: data/attack_kinds.txt:%d: want a new word and its code", i+1))
		}
		m[f[0]] = f[1]
	}
	return m
}

// attackKind reads the kind of attack an act happened in or was done by
// ("were killed in a suicide bombing", "were hit by drone strikes"): the
// bombing's 183x, an air
// or drone strike's 195/1952, shelling's 194; "" when none is named. The
// kinds and their codes are data (data/attack_kinds.txt).
func (sc *sent) attackKind(a *analysis) string {
	for t := a.m.end; t+1 < a.ce && t < len(sc.lower); t++ {
		// "in a suicide bombing", "hit by multiple drone strikes"
		if !(sc.lower[t] == "in" && determiners[sc.lower[t+1]] || sc.lower[t] == "by" && a.passive) {
			continue
		}
		code := ""
		for k := t + 1; k < a.ce && k <= t+5 && k < len(sc.lower); k++ {
			w := sc.lower[k]
			c, ok := attackCodes[w]
			if !ok {
				if code != "" {
					break
				}
				continue
			}
			if len(c) > len(code) {
				code = c
			}
		}
		return code
	}
	return ""
}

// subjectAttackKind reads the kind of attack that is the predicate's own
// subject ("a roadside bombing killed one soldier", "an Israeli airstrike
// killed three commanders"): its code, the most specific its words give,
// or "" when the subject is no attack.
func (sc *sent) subjectAttackKind(a *analysis) string {
	t := sc.tree
	if t == nil {
		return ""
	}
	s := t.child(t.word(a.m.head), relNsubj)
	if s < 0 {
		return ""
	}
	code, ok := attackCodes[sc.lower[t.tok(s)]]
	if !ok {
		return ""
	}
	for _, c := range t.children(nil, s, relCompound, relAmod) {
		if k := attackCodes[sc.lower[t.tok(c)]]; len(k) > len(code) {
			code = k
		}
	}
	return code
}

// attributedAgent returns the agent a later phrase of the clause ascribes
// an agentless attack to ("…, another attack ascribed to the Taliban",
// "…, blamed on Boko Haram", "…, carried out by ISIS"), or nil, and
// whether the agent itself claimed it ("in an attack claimed by…").
func (sc *sent) attributedAgent(a *analysis) (agent []ref, claimed bool) {
	for t := a.m.end; t+1 < a.ce && t+1 < len(sc.lower); t++ {
		if !attributions[sc.lower[t]] {
			continue
		}
		k := t + 1
		if sc.lower[k] == "out" {
			k++ // "carried out by"
		}
		if k >= a.ce || k >= len(sc.lower) || !agentMarkers[sc.lower[k]] && sc.lower[k] != "to" && sc.lower[k] != "on" {
			continue
		}
		if rs := sc.groupAfter(k + 1); len(rs) > 0 {
			for i := range rs {
				rs[i].explain = append(rs[i].explain[:len(rs[i].explain):len(rs[i].explain)], "the attack is ascribed to it")
			}
			return rs, sc.lower[t] == "claimed"
		}
		return nil, false
	}
	return nil, false
}

// attributed reports whether a later phrase ascribes the act to an agent.
func (sc *sent) attributed(a *analysis) bool {
	agent, _ := sc.attributedAgent(a)
	return len(agent) > 0
}

// matchedAttackKind reads the kind of attack the words of the match name
// ("the target of an Al-Qaeda suicide attack"): the most specific code,
// or "".
func (sc *sent) matchedAttackKind(a *analysis) string {
	code := ""
	for t := a.m.start; t < a.m.end && t < len(sc.lower); t++ {
		if c := attackCodes[sc.lower[t]]; len(c) > len(code) {
			code = c
		}
	}
	return code
}
