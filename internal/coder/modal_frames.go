package coder

import (
	"embed"
	"fmt"
	"strings"
)

// The modality frames: how a construction around a predicate changes the
// act it names. Each is registered here, once, with its data file (a code
// map, data/*.txt), the word class or construction that cues it (in
// data/words.txt) and the words --explain prints; docs/dictionaries.md
// describes them.
type modalFrame struct {
	name     string  // as --explain prints it: "refused (refused.txt)"
	cue      string  // what cues it, for the docs and dict stats
	codes    codeMap // the act's code prefix → the frame's code
	fallback string  // the code when no prefix matches; "" keeps the act's
	explain  string  // "rejection code"
}

//go:embed data/*.txt
var frameFS embed.FS

func frame(file, cue, fallback, explain string) *modalFrame {
	b, err := frameFS.ReadFile("data/" + file)
	if err != nil {
		panic("coder: " + err.Error())
	}
	return &modalFrame{name: strings.TrimSuffix(file, ".txt") + " (" + file + ")", cue: cue,
		codes: mustCodeMap(file, string(b)), fallback: fallback, explain: explain}
}

var (
	announced  = frame("announced.txt", "auxFutures, vowVerbs: \"will deliver\", \"vowed to strike\"", "", "intent code")
	halted     = frame("halted.txt", "stopVerbs: \"suspended military cooperation\"", "", "reduction code")
	demanded   = frame("demanded.txt", "deontics under a speech verb: \"said Sudan must return\"", "100", "the speaker's demand")
	refused    = frame("refused.txt", "refusalVerbs: \"refused to deploy\"", "120", "rejection code")
	threatened = frame("threatened.txt", "threatVerbs, conditionals: \"will expel … unless\"", "", "threat code")
	cancelled  = frame("cancelled.txt", "cancelVerbs: \"called off the strike\"", "", "concession code")
	appealed   = frame("appealed.txt", "an appeal's content: \"called on NATO to supply air defences\"", "020", "appeal code")
	prepared   = frame("prepared.txt", "prepareVerbs: \"prepared to resume shelling\"", "", "force posture code")
)

// modalFrames lists the frames in the order the docs give them.
var modalFrames = []*modalFrame{announced, halted, demanded, refused, threatened, cancelled, appealed, prepared}

// of returns the frame's code for an act's code: the longest prefix's, else
// the fallback, else the act's own.
func (f *modalFrame) of(code string) string {
	if c := f.codes.of(code); c != code {
		return c
	}
	if f.fallback != "" {
		return f.fallback
	}
	return code
}

// covers reports whether a line of the frame's file maps the code.
func (f *modalFrame) covers(code string) bool { return f.codes.of(code) != code }

// explainLine is what --explain says of the frame and the code it gave.
func (f *modalFrame) explainLine(code string) string { return f.name + ": " + f.explain + " " + code }

// codeMap maps a prefix of an event code to the code it becomes.
type codeMap map[string]string

func mustCodeMap(name, s string) codeMap {
	m, err := parseCodeMap(name, s)
	if err != nil {
		panic("coder: " + err.Error())
	}
	return m
}

func parseCodeMap(name, s string) (codeMap, error) {
	m := codeMap{}
	for i, line := range strings.Split(s, "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 || strings.Trim(f[0]+f[1], "0123456789") != "" {
			return nil, fmt.Errorf("%s:%d: want PREFIX CODE, digits only", name, i+1)
		}
		if _, dup := m[f[0]]; dup {
			return nil, fmt.Errorf("%s:%d: prefix %s listed twice", name, i+1, f[0])
		}
		m[f[0]] = f[1]
	}
	return m, nil
}

// intentCode turns an act announced for the future into what it is now
// ("will deliver" 072 → 0332, "will strike" 195 → 1384).
func intentCode(code string) string { return announced.of(code) }

// of returns the code the longest matching prefix maps code to, or code.
func (m codeMap) of(code string) string {
	for n := len(code); n >= 2; n-- {
		if c, ok := m[code[:n]]; ok {
			return c
		}
	}
	return code
}
