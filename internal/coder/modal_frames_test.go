package coder

import (
	"strings"
	"testing"
)

func TestIntentCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"042", "036"}, {"057", "030"}, {"062", "0312"}, {"060", "031"}, {"072", "0332"},
		{"075", "033"}, {"0841", "0353"}, {"081", "035"}, {"195", "1384"}, {"181", "1383"},
		{"204", "1385"}, {"202", "138"}, {"111", "111"}, {"0256", "0256"},
	} {
		if got := intentCode(tc.in); got != tc.want {
			t.Errorf("intentCode(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestHaltedCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"062", "160"}, {"046", "164"}, {"045", "165"}, {"072", "1622"}, {"070", "162"}, {"057", "161"}, {"190", "190"},
	} {
		if got := halted.of(tc.in); got != tc.want {
			t.Errorf("halted.of(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestDemandCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"0841", "1053"}, {"057", "107"}, {"046", "106"}, {"0874", "1056"}, {"072", "1032"}, {"190", "100"}, {"111", "100"},
	} {
		if got := demanded.of(tc.in); got != tc.want {
			t.Errorf("demanded.of(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestRefusalCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"074", "1224"}, {"046", "125"}, {"0841", "1243"}, {"0874", "1246"}, {"057", "127"}, {"036", "120"},
	} {
		if got := refused.of(tc.in); got != tc.want {
			t.Errorf("refused.of(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestThreatenedCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1661", "136"}, {"161", "1313"}, {"143", "133"}, {"1723", "1323"}, {"173", "137"}, {"057", "057"},
	} {
		if got := threatened.of(tc.in); got != tc.want {
			t.Errorf("threatened.of(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestCancelledCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"141", "082"}, {"1723", "0813"}, {"195", "087"}, {"163", "085"}, {"042", "042"},
	} {
		if got := cancelled.of(tc.in); got != tc.want {
			t.Errorf("cancelled.of(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseCodeMapErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"04 036\n04 030\n", "a.txt:2: prefix 04 listed twice"},
		{"04\n", "a.txt:1: want PREFIX CODE"},
		{"4x 036\n", "a.txt:1: want PREFIX CODE"},
	} {
		if _, err := parseCodeMap("a.txt", tc.in); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestModalFramesRegistered checks every code-map file in data/ belongs to
// a registered frame, so a file cannot be added and silently ignored.
func TestModalFramesRegistered(t *testing.T) {
	entries, err := frameFS.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, f := range modalFrames {
		registered[strings.Fields(f.name)[0]+".txt"] = true
		if len(f.codes) == 0 || f.cue == "" || f.explain == "" {
			t.Errorf("frame %s is incomplete", f.name)
		}
	}
	for _, e := range entries {
		if n := e.Name(); n != "words.txt" && n != "discards.txt" && n != "attack_kinds.txt" && !registered[n] {
			t.Errorf("data/%s is no registered modal frame", n)
		}
	}
}
