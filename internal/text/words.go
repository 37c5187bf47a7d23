package text

import "strings"

// Word is a syntactic word in the Universal Dependencies sense: a token,
// or one part of a token that carries a contracted clitic ("do" + "n't",
// "we" + "'ll"). Start and End are byte offsets into the tokenised
// string; Tok is the index of the token the word belongs to.
type Word struct {
	Text       string
	Start, End int
	Tok        int
}

// clitics are the contracted endings the UD English treebanks write as
// words of their own; possessive "'s" is already a token.
var clitics = [...]string{"n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d", "'m", "’m"}

// Words splits tokens into syntactic words, the units a dependency parser
// trained on UD reads. It appends to dst and returns it, so a caller can
// reuse one buffer for every sentence.
func Words(dst []Word, toks []Token) []Word {
	for i, t := range toks {
		if cut := cliticAt(t.Text); cut > 0 {
			dst = append(dst, Word{t.Text[:cut], t.Start, t.Start + cut, i},
				Word{t.Text[cut:], t.Start + cut, t.End, i})
			continue
		}
		dst = append(dst, Word{t.Text, t.Start, t.End, i})
	}
	return dst
}

// cliticAt returns where a contracted clitic starts in w, or 0.
func cliticAt(w string) int {
	if len(w) < 3 || !strings.ContainsAny(w, "'’") {
		return 0
	}
	lw := strings.ToLower(w)
	for _, c := range clitics {
		if strings.HasSuffix(lw, c) && len(w) > len(c) {
			return len(w) - len(c)
		}
	}
	return 0
}
