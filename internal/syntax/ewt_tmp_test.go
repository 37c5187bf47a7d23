package syntax

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestTmpEWT(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("MODEL"))
	m, err := Load(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	gold, _ := ReadFile(filepath.Join(treebankDir, os.Getenv("TEST")))
	Evaluate(m, gold).Print(os.Stdout, os.Getenv("TEST"))
}
