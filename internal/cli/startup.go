package cli

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/actors"
	"github.com/flashpoint/flashpoint/internal/geo"
	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// startupParts loads each part of the coding pipeline in turn, cold,
// and returns how long each took. Call it before anything else loads
// them: the parser model and the gazetteer are decoded once per process.
func startupParts() ([]string, []time.Duration, error) {
	names := []string{"dictionaries", "patterns", "parser model", "gazetteer"}
	var errs [2]error
	steps := []func(){
		func() { _, errs[0] = actors.Load(nil) },
		func() { _, _, errs[1] = verbs.Load(nil) },
		func() { syntax.Default() },
		func() { geo.Default() },
	}
	took := make([]time.Duration, len(steps))
	for i, f := range steps {
		t := time.Now()
		f()
		took[i] = time.Since(t)
	}
	for _, err := range errs {
		if err != nil {
			return nil, nil, err
		}
	}
	return names, took, nil
}

// startupWall times what a coding command does before its first article
// (codingFlags.pipeline, parts loaded concurrently, and the parser model
// ready), in a fresh process each time: the median of runs. It reports
// 0 when this program is not the flashpoint binary (a test).
func startupWall(runs int) time.Duration {
	exe, err := os.Executable()
	if err != nil || !strings.HasPrefix(filepath.Base(exe), "flashpoint") {
		return 0
	}
	var d []time.Duration
	for range runs {
		out, err := exec.Command(exe, "bench", "--startup-only").Output()
		if err != nil {
			return 0
		}
		v, err := time.ParseDuration(strings.TrimSpace(string(out)))
		if err != nil {
			return 0
		}
		d = append(d, v)
	}
	slices.Sort(d)
	return d[len(d)/2]
}

// startupOnly is the child of startupWall.
func startupOnly(stdout, stderr io.Writer) int {
	t := time.Now()
	var cf codingFlags
	if _, err := cf.pipeline(); err != nil {
		fmt.Fprintln(stderr, "flashpoint:", err)
		return ExitUsage
	}
	syntax.Default()
	fmt.Fprintln(stdout, time.Since(t))
	return ExitOK
}

func printStartup(w io.Writer) error {
	names, took, err := startupParts()
	if err != nil {
		return err
	}
	var sum time.Duration
	parts := make([]string, len(names))
	for i, n := range names {
		sum += took[i]
		parts[i] = fmt.Sprintf("%s %v", n, took[i].Round(time.Millisecond))
	}
	fmt.Fprintf(w, "start-up parts, one after another: %s; sum %v\n", strings.Join(parts, ", "), sum.Round(time.Millisecond))
	if wall := startupWall(3); wall > 0 {
		fmt.Fprintf(w, "start-up of a coding command (parts loaded concurrently, fresh process, median of 3): %v\n", wall.Round(time.Millisecond))
	}
	return nil
}
