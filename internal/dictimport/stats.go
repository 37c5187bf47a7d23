package dictimport

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// Default locations of the generated files, relative to the repository.
var (
	DefaultPatterns = filepath.Join("internal/verbs/data/imported", VerbsFile)
	DefaultDicts    = []string{filepath.Join("internal/actors/data/imported", ActorsFile), filepath.Join("internal/actors/data/imported", AgentsFile)}
)

// DictStats counts dictionary entries by source.
type DictStats struct {
	PatternFiles, DictFiles []string
	Codes                   *verbs.Codes
	Ours, Imported          *verbs.Patterns
	OurActors, AllActors    map[actors.Kind]int
}

// Stats loads our embedded dictionaries and the imported files (the
// default generated files when none are given and they exist).
func Stats(patternFiles, dictFiles []string) (*DictStats, error) {
	if len(patternFiles) == 0 && exists(DefaultPatterns) {
		patternFiles = []string{DefaultPatterns}
	}
	if len(dictFiles) == 0 {
		for _, f := range DefaultDicts {
			if exists(f) {
				dictFiles = append(dictFiles, f)
			}
		}
	}
	codes, loaded, err := verbs.Load(nil)
	if err != nil {
		return nil, err
	}
	ours := loaded.Ours()
	imp := &verbs.Patterns{}
	for _, f := range patternFiles {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		err = imp.Parse(f, r, codes)
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	our, err := actors.Own()
	if err != nil {
		return nil, err
	}
	all, err := actors.Load(dictFiles)
	if err != nil {
		return nil, err
	}
	return &DictStats{PatternFiles: patternFiles, DictFiles: dictFiles, Codes: codes, Ours: ours, Imported: imp,
		OurActors: our.Counts(), AllActors: all.Counts()}, nil
}

func exists(f string) bool { _, err := os.Stat(f); return err == nil }

// Write prints entries by source, patterns per CAMEO root and the codes
// without a pattern.
func (s *DictStats) Write(w io.Writer) {
	fmt.Fprintf(w, "imported pattern files: %s\nimported actor files: %s\n\n", list(s.PatternFiles), list(s.DictFiles))
	fmt.Fprintf(w, "%-22s %8s %9s\n", "entries", "ours", "imported")
	fmt.Fprintf(w, "%-22s %8d %9d\n", "verb patterns", len(s.Ours.All), len(s.Imported.All))
	for k := actors.Country; k <= actors.Modifier; k++ {
		fmt.Fprintf(w, "%-22s %8d %9d\n", "actors: "+k.String(), s.OurActors[k], s.AllActors[k]-s.OurActors[k])
	}
	ours, imp := perRoot(s.Ours), perRoot(s.Imported)
	fmt.Fprintf(w, "\n%-30s %8s %9s\n", "patterns per CAMEO root", "ours", "imported")
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		label := ""
		if c, ok := s.Codes.Get(root + "0"); ok {
			label = c.Label
		}
		fmt.Fprintf(w, "%s %-27s %8d %9d\n", root, trim(label, 27), ours[root], imp[root])
	}
	have, haveImp := codesOf(s.Ours), codesOf(s.Imported)
	var none, stillNone []string
	for _, c := range s.Codes.All() {
		if !have[c.Code] {
			none = append(none, c.Code)
			if !haveImp[c.Code] {
				stillNone = append(stillNone, c.Code)
			}
		}
	}
	fmt.Fprintf(w, "\nCAMEO codes with no pattern of ours (%d of %d): %s\n", len(none), len(s.Codes.All()), strings.Join(none, " "))
	fmt.Fprintf(w, "... and none imported either (%d): %s\n", len(stillNone), strings.Join(stillNone, " "))
}

func perRoot(ps *verbs.Patterns) map[string]int {
	m := map[string]int{}
	for _, p := range ps.All {
		m[verbs.Root(p.Code)]++
	}
	return m
}

func codesOf(ps *verbs.Patterns) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps.All {
		m[p.Code] = true
	}
	return m
}

func list(fs []string) string {
	if len(fs) == 0 {
		return "none"
	}
	return strings.Join(fs, ", ")
}

func trim(s string, n int) string {
	if len(s) > n {
		return s[:n-1] + "…"
	}
	return s
}
