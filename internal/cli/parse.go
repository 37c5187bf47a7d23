package cli

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/flashpoint/flashpoint/internal/syntax"
	"github.com/flashpoint/flashpoint/internal/text"
)

func init() {
	commands["parse"] = command{"tag and parse text into Universal Dependencies trees (CoNLL-U)", runParse}
}

// maxParseInput bounds what parse reads into memory from one file.
const maxParseInput = 64 << 20

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("parse", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("input-format", "text", "text (split into sentences and words by Flashpoint) or conllu (keep its words and sentence breaks)")
	evalRawPath := fs.String("eval-raw", "", "score parsing the raw text of a CoNLL-U `file` (its '# text' lines) against its trees, tokenisation and sentence splits included")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: flashpoint parse [--input-format text|conllu] [FILE|-]")
		fmt.Fprintln(stderr, "\nWrites one CoNLL-U sentence per input sentence: UPOS, lemma, head and UD relation.")
		fmt.Fprintln(stderr, "\nexample:\n  echo 'Israeli troops killed two Palestinians in Hebron.' | flashpoint parse")
		fmt.Fprintln(stderr, "\noptions:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage
	}
	if *evalRawPath != "" {
		if err := evalRaw(*evalRawPath, syntax.Default().NewParser(), stdout); err != nil {
			fmt.Fprintln(stderr, "flashpoint parse:", err)
			return ExitUsage
		}
		return ExitOK
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "flashpoint parse: one input at a time, got %d\n", fs.NArg())
		return ExitUsage
	}
	in, name := stdin, "standard input"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintln(stderr, "flashpoint parse:", err)
			return ExitUsage
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	p := syntax.Default().NewParser()
	var err error
	switch *format {
	case "text":
		err = parseText(p, in, out)
	case "conllu":
		err = syntax.ReadCoNLLU(in, func(g *syntax.Gold) error {
			return syntax.WriteCoNLLU(out, p.Parse(g.Words), g.SentID, g.Text)
		})
	default:
		fmt.Fprintf(stderr, "flashpoint parse: unknown --input-format %q (text or conllu)\n", *format)
		return ExitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "flashpoint parse: %s: %v\n", name, err)
		return ExitUsage
	}
	return ExitOK
}

// parseText splits raw text into sentences and words as the coder does,
// so the trees printed are the trees the coder reads.
func parseText(p *syntax.Parser, in io.Reader, out io.Writer) error {
	b, err := io.ReadAll(io.LimitReader(in, maxParseInput+1))
	if err != nil {
		return err
	}
	if len(b) > maxParseInput {
		return fmt.Errorf("input larger than %d MiB", maxParseInput>>20)
	}
	var words []text.Word
	var forms []string
	for i, s := range text.Sentences(string(b)) {
		words = text.Words(words[:0], text.Tokens(s.Text))
		if len(words) == 0 {
			continue
		}
		forms = forms[:0]
		for _, w := range words {
			forms = append(forms, w.Text)
		}
		if err := syntax.WriteCoNLLU(out, p.Parse(forms), fmt.Sprintf("s%d", i+1), s.Text); err != nil {
			return err
		}
	}
	return nil
}
