package verbs

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// inertFlags are accepted by the parser for old files but change nothing
// in the coder; a pattern that relies on one is a silent mistake.
var inertFlags = map[string]bool{
	"refuse": true, "intent": true, "nopassive": true, "host": true, "comment": true,
}

// Key is a pattern's canonical form: the same words in any order of
// alternatives give the same key, so "fire|shoot+ $T" and "shoot+|fire $T"
// are recognised as one pattern.
func (p *Pattern) Key() string {
	var b strings.Builder
	for i, e := range p.Elems {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch e.Kind {
		case Target:
			b.WriteString("$T")
		case Gap:
			b.WriteString("..")
		default:
			alts := make([]string, 0, len(e.Words)+len(e.Phrases))
			for w := range e.Words {
				alts = append(alts, w)
			}
			for _, seq := range e.Phrases {
				alts = append(alts, strings.Join(seq, "_"))
			}
			sort.Strings(alts)
			b.WriteString(strings.Join(alts, "|"))
		}
	}
	if len(p.By) > 0 {
		// a pattern for some sources only is not the general one
		by := slices.Clone(p.By)
		sort.Strings(by)
		b.WriteString(" ;by=" + strings.Join(by, "|"))
	}
	return b.String()
}

// Lint reports the mistakes a pattern dictionary can hold without failing
// to parse: the same pattern with two codes (the first loaded would win
// silently), a repeated pattern that can never fire, and flags that do
// nothing. Each error names both lines.
func (ps *Patterns) Lint() []error {
	var errs []error
	seen := map[string]*Pattern{}
	for _, p := range ps.All {
		for _, f := range p.Flags {
			if inertFlags[f] {
				errs = append(errs, fmt.Errorf("%s: flag %q does nothing", p.Line, f))
			}
		}
		k := p.Key()
		q, dup := seen[k]
		if !dup {
			seen[k] = p
			continue
		}
		if q.Code != p.Code {
			errs = append(errs, fmt.Errorf("%s: %q is coded %s here and %s at %s", p.Line, p.Text, p.Code, q.Code, q.Line))
		} else {
			errs = append(errs, fmt.Errorf("%s: %q repeats %s and can never fire", p.Line, p.Text, q.Line))
		}
	}
	return errs
}

// Override returns ps with the patterns of user added; a user pattern
// identical to one of ps (same Key) replaces it.
func (ps *Patterns) Override(user *Patterns) *Patterns {
	if len(user.All) == 0 {
		return ps
	}
	replaced := map[string]bool{}
	for _, p := range user.All {
		replaced[p.Key()] = true
	}
	out := &Patterns{}
	for _, p := range ps.All {
		if !replaced[p.Key()] {
			out.add(p)
		}
	}
	for _, p := range user.All {
		out.add(p)
	}
	return out
}

// Ours returns the patterns written for Flashpoint, without the imported
// ones: what an import is checked against.
func (ps *Patterns) Ours() *Patterns {
	out := &Patterns{}
	for _, p := range ps.All {
		if !p.Imported {
			out.add(p)
		}
	}
	return out
}
