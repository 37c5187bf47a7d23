// Package verbs holds the CAMEO code table and the verb-pattern
// dictionaries that map English predicates to CAMEO event codes.
//
// Both are data files embedded from data/ (format in docs/patterns.md);
// users add or override patterns with their own files.
package verbs

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"sync"
)

//go:embed data/cameo.txt data/patterns/*.txt data/imported/*.txt
var dataFS embed.FS

var (
	defaultOnce     sync.Once
	defaultCodes    *Codes
	defaultPatterns *Patterns
	defaultErr      error
)

// Default returns the embedded code table and pattern dictionary.
func Default() (*Codes, *Patterns, error) {
	defaultOnce.Do(func() {
		defaultCodes, defaultPatterns, defaultErr = Load(nil)
	})
	return defaultCodes, defaultPatterns, defaultErr
}

// Load reads the embedded dictionaries plus user pattern files. User
// files must pass Lint (the embedded ones do in this package's tests); a
// user pattern identical to an embedded one replaces it, so users can
// recode a pattern without editing the binary.
func Load(userFiles []string) (*Codes, *Patterns, error) {
	f, err := dataFS.Open("data/cameo.txt")
	if err != nil {
		return nil, nil, err
	}
	codes, err := ParseCodes("cameo.txt", f)
	f.Close()
	if err != nil {
		return nil, nil, err
	}
	ps := &Patterns{}
	names, err := fs.Glob(dataFS, "data/patterns/*.txt")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(names)
	imported, err := fs.Glob(dataFS, "data/imported/*.txt")
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(imported)
	for _, n := range append(names, imported...) {
		f, err := dataFS.Open(n)
		if err != nil {
			return nil, nil, err
		}
		first := len(ps.All)
		err = ps.Parse(path.Base(n), f, codes)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
		if path.Dir(n) == "data/imported" {
			for _, p := range ps.All[first:] {
				p.Imported = true
			}
		}
	}
	// the embedded files are linted by this package's tests (and the
	// imported ones when they are generated); what a user brings is
	// linted here, on every load
	user := &Patterns{}
	for _, n := range userFiles {
		f, err := os.Open(n)
		if err != nil {
			return nil, nil, fmt.Errorf("pattern file: %w", err)
		}
		err = user.Parse(n, f, codes)
		f.Close()
		if err != nil {
			return nil, nil, err
		}
	}
	if errs := user.Lint(); len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	return codes, ps.Override(user), nil
}
