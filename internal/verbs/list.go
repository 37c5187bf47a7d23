package verbs

import "sort"

// All returns every code of the table in code order (for look-ups and
// the server's code list).
func (c *Codes) All() []Code {
	out := make([]Code, 0, len(c.byCode))
	seen := map[*Code]bool{} // a root ("19") may alias its base code ("190")
	for _, e := range c.byCode {
		if !seen[e] {
			seen[e] = true
			out = append(out, *e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}
