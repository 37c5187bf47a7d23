package syntax

// The tagger is a greedy left-to-right averaged perceptron (Collins 2002;
// Honnibal's "POS tagger in 200 lines") with word, affix, shape, ambiguity
// class and previous-tag features. Frequent unambiguous words skip it.

const (
	tagStart  = NumPOS     // pseudo tag before the sentence
	tagStart2 = NumPOS + 1 // two before
)

func tokAt(toks []tokInfo, i int) *tokInfo {
	if i < 0 || i >= len(toks) {
		return &padTok
	}
	return &toks[i]
}

// tagFeats appends the features of word i given the two previous tags.
func tagFeats(dst []uint64, toks []tokInfo, i int, p1, p2 uint64) []uint64 {
	w := &toks[i]
	m1, m2 := tokAt(toks, i-1), tokAt(toks, i-2)
	n1, n2 := tokAt(toks, i+1), tokAt(toks, i+2)
	return append(dst,
		f1(0, 0),
		f1(1, w.low),
		f1(2, w.suf[0]),
		f1(3, w.suf[1]),
		f1(4, w.suf[2]),
		f1(5, w.suf[3]),
		f1(6, w.pre[0]),
		f1(7, w.pre[1]),
		f1(8, w.shape),
		f1(9, w.flags),
		f1(10, p1),
		f1(11, p2),
		f2(12, p1, p2),
		f2(13, p1, w.low),
		f1(14, m1.low),
		f1(15, m1.suf[2]),
		f1(16, m2.low),
		f1(17, n1.low),
		f1(18, n1.suf[2]),
		f1(19, n2.low),
		f1(20, w.amb),
		f1(21, n1.amb),
		f1(22, n2.amb),
		f2(23, p1, n1.amb),
		f2(24, w.amb, n1.amb),
		f3(25, p1, w.amb, n1.amb),
		f2(26, w.low, n1.low),
		f2(27, m1.low, w.low),
		f2(28, p1, w.suf[2]),
		f1(29, w.exact),
		f1(30, n1.suf[1]),
		f1(31, m1.shape),
		f1(32, n1.shape),
		f2(33, w.shape, w.flags),
		f2(34, p1, w.shape),
		f2(35, w.suf[2], w.flags&(flCap|flFirst)),
		f1(36, w.pre[2]),
		f2(37, m1.suf[2], w.suf[2]),
		f2(38, p1, n1.low),
		f2(39, n1.low, n2.low),
		f2(40, m1.low, n1.low),
	)
}

// tagSentence tags toks greedily into tags using score (which fills sc).
func tagSentence(toks []tokInfo, tags []POS, feats []uint64, score func([]uint64) int) []uint64 {
	p1, p2 := uint64(tagStart), uint64(tagStart2)
	for i := range toks {
		var t POS
		if toks[i].fixed >= 0 {
			t = POS(toks[i].fixed)
		} else {
			feats = tagFeats(feats[:0], toks, i, p1, p2)
			t = POS(score(feats))
		}
		tags[i] = t
		p2, p1 = p1, uint64(t)
	}
	return feats
}

// tagTwo tags toks with two taggers at once, a into ta and b into tb. The
// features depend on the previous two tags only through the history, so
// they are extracted once while both taggers agree on it (nearly always).
//
// With both (scoring the two taggers in one pass) a and b are not used.
func tagTwo(toks []tokInfo, ta, tb []POS, feats, fb []uint64, a, b func([]uint64) int, both func([]uint64) (int, int)) ([]uint64, []uint64) {
	a1, a2 := uint64(tagStart), uint64(tagStart2)
	b1, b2 := a1, a2
	for i := range toks {
		if f := toks[i].fixed; f >= 0 {
			ta[i], tb[i] = POS(f), POS(f)
		} else {
			feats = tagFeats(feats[:0], toks, i, a1, a2)
			if both != nil && b1 == a1 && b2 == a2 {
				x, y := both(feats)
				ta[i], tb[i] = POS(x), POS(y)
			} else if both != nil {
				x, _ := both(feats)
				fb = tagFeats(fb[:0], toks, i, b1, b2)
				_, y := both(fb)
				ta[i], tb[i] = POS(x), POS(y)
			} else {
				ta[i] = POS(a(feats))
				if b1 == a1 && b2 == a2 {
					tb[i] = POS(b(feats))
				} else {
					fb = tagFeats(fb[:0], toks, i, b1, b2)
					tb[i] = POS(b(fb))
				}
			}
		}
		a2, a1 = a1, uint64(ta[i])
		b2, b1 = b1, uint64(tb[i])
	}
	return feats, fb
}
