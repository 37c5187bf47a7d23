package actors

import "github.com/flashpoint/flashpoint/internal/text"

// Has reports whether phrase is already an entry of d (of any kind when
// kinds is empty), compared token by token in any case: the dictionary
// importer uses it to keep our own entries on top.
func (d *Dict) Has(phrase string, kinds ...Kind) bool {
	n := &d.root
	toks := text.Tokens(phrase)
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if n = n.next[Key(t.Text)]; n == nil {
			return false
		}
	}
	for _, e := range n.entries {
		if e.surname {
			continue // derived, not written
		}
		if len(kinds) == 0 {
			return true
		}
		for _, k := range kinds {
			if e.Kind == k {
				return true
			}
		}
	}
	return false
}

// Counts returns the number of entries of each kind, for 'dict stats'
// (written entries: surname aliases are not counted).
func (d *Dict) Counts() map[Kind]int {
	c := map[Kind]int{}
	var walk func(n *node)
	walk = func(n *node) {
		for _, e := range n.entries {
			if !e.surname {
				c[e.Kind]++
			}
		}
		for _, m := range n.next {
			walk(m)
		}
	}
	walk(&d.root)
	return c
}
