// Package dictimport converts the event-data field's dictionaries (the
// Open Event Data Alliance's PETRARCH2 verb dictionary and Phoenix actor
// and agent dictionaries) into Flashpoint's pattern and actor formats.
// Our own entries stay on top: a converted entry identical to one of
// ours is dropped and counted, never loaded in its place.
package dictimport

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// Output names of the generated files.
const (
	VerbsFile  = "petrarch_verbs.txt"
	ActorsFile = "phoenix_actors.txt"
	AgentsFile = "phoenix_agents.txt"
)

// Output is one generated file: its name and whether it is a pattern
// file (internal/verbs) or an actor dictionary (internal/actors).
type Output struct {
	Name     string
	Patterns bool
	Data     []byte
}

// kind tells a dictionary file's format from its name.
func kind(path string) string {
	b := strings.ToLower(filepath.Base(path))
	switch {
	case strings.Contains(b, "verb") || strings.HasPrefix(b, "cameo"):
		return "verbs"
	case strings.Contains(b, "actor"):
		return "actors"
	case strings.Contains(b, "agent"):
		return "agents"
	case strings.Contains(b, "discard"):
		return "discards"
	case strings.Contains(b, "issue"):
		return "issues"
	}
	return ""
}

// Import converts files (read in base-name order, so the output does not
// depend on how they were listed) from the given format ("petrarch", or
// "tabari" for actor files, whose format PETRARCH kept).
func Import(from string, files []string) ([]Output, *Report, error) {
	if from != "petrarch" && from != "tabari" {
		return nil, nil, fmt.Errorf("unknown format %q: want petrarch or tabari", from)
	}
	files = append([]string{}, files...)
	sort.Slice(files, func(i, j int) bool { return filepath.Base(files[i]) < filepath.Base(files[j]) })
	t, err := loadTables()
	if err != nil {
		return nil, nil, err
	}
	codes, all, err := verbs.Load(nil)
	if err != nil {
		return nil, nil, err
	}
	ours := all.Ours()
	dict, err := actors.Own()
	if err != nil {
		return nil, nil, err
	}
	rep := newReport()
	vf := &verbFile{rep: rep, synsets: map[string][]string{}}
	ao := &actorOut{t: t, rep: rep, isCountry: dict.IsCountry, ours: func(s string) bool { return dict.Has(s) }, seen: map[string]string{}}
	ag := &agentOut{t: t, rep: rep, ours: func(s string) bool { return dict.Has(s) }, seen: map[string]string{}}
	srcs := map[string][]string{}
	for _, f := range files {
		k := kind(f)
		if k == "" {
			return nil, nil, fmt.Errorf("%s: cannot tell which dictionary this is from its name (want *verbs*/CAMEO*, *actors*, *agents*, *discards*, *issue*)", f)
		}
		if from == "tabari" && k != "actors" {
			return nil, nil, fmt.Errorf("%s: TABARI %s dictionaries differ from PETRARCH's; --from tabari converts actor files only", f, k)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		name := filepath.Base(f)
		srcs[k] = append(srcs[k], name)
		r := bytes.NewReader(b)
		switch k {
		case "verbs":
			vf.name = name
			err = vf.read(r)
		case "actors":
			err = ao.read(name, r)
		case "agents":
			err = ag.read(name, r)
		default:
			countUnconverted(k, name, b, rep)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	var outs []Output
	if len(srcs["verbs"]) > 0 {
		lines := checkPatterns(vf.lines, codes, ours, rep)
		var b bytes.Buffer
		header(&b, "", srcs["verbs"], "Embedded as the second tier of verb patterns: ours win where both match, and the coder takes one of these only when the dependency tree confirms its source and target.")
		for _, l := range lines {
			if l.comment != "" {
				fmt.Fprintf(&b, "\n# %s\n", l.comment)
			}
			fmt.Fprintln(&b, l.String())
		}
		rep.Converted[VerbsFile] = len(lines)
		outs = append(outs, Output{Name: VerbsFile, Patterns: true, Data: b.Bytes()})
	}
	if len(srcs["actors"]) > 0 {
		outs = append(outs, listFile(ActorsFile, "actors", srcs["actors"], ao.lines))
		rep.Converted[ActorsFile] = ao.entries
	}
	if len(srcs["agents"]) > 0 {
		outs = append(outs, listFile(AgentsFile, "agents", srcs["agents"], ag.lines))
		rep.Converted[AgentsFile] = ag.entries
	}
	return outs, rep, nil
}

func listFile(name, format string, srcs, lines []string) Output {
	var b bytes.Buffer
	use := "Embedded after our own dictionaries (the importer drops the names that are ours)."
	if format == "agents" {
		use = "Not loaded by default; to use it: flashpoint code --dict internal/actors/data/imported/" + name
	}
	header(&b, format, srcs, use)
	for _, l := range lines {
		fmt.Fprintln(&b, l)
	}
	return Output{Name: name, Data: b.Bytes()}
}

// header names the sources, the licence and the command; an actor file's
// first line names its format, as --dict requires.
func header(b *bytes.Buffer, format string, srcs []string, use string) {
	if format != "" {
		fmt.Fprintf(b, "# format: %s\n", format)
	}
	fmt.Fprintf(b, "# Converted from %s: PETRARCH2/Phoenix dictionaries,\n", strings.Join(srcs, ", "))
	fmt.Fprintln(b, "# Copyright (c) 2014 Open Event Data, MIT licence (see NOTICE).")
	fmt.Fprintln(b, "# Generated by 'flashpoint dict import --from petrarch'; do not edit, re-run it.")
	fmt.Fprintf(b, "# %s\n", use)
}

// countUnconverted reports every entry of a dictionary kind Flashpoint
// has no place for.
func countUnconverted(k, name string, b []byte, rep *Report) {
	reason := map[string]string{
		"discards": "discard list: Flashpoint has no discard stage (not added by an importer)",
		"issues":   "issue coding: Flashpoint events have no issue field (not added by an importer)",
	}[k]
	sc := bufio.NewScanner(bytes.NewReader(b))
	n := 0
	for sc.Scan() {
		n++
		if line := stripComment(sc.Text()); line != "" && !strings.HasPrefix(line, "<") {
			rep.skip(reason, fmt.Sprintf("%s:%d %s", name, n, line))
		}
	}
}
