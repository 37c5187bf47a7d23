package syntax

// The parser is greedy arc-hybrid (Kuhlmann et al. 2011) with labelled
// transitions scored by one averaged perceptron: class 0 is SHIFT, 1..L are
// LEFT-label, L+1..2L are RIGHT-label. Token 0 is the artificial root, kept
// at the stack bottom; it takes its single dependent only as the very last
// transition, so every parse is a tree with exactly one root word.

const (
	noTok   = -1
	tagNone = NumPOS + 2
	tagRoot = NumPOS + 3
)

var (
	wordNone = hstr("\x00none")
	wordRoot = hstr("\x00root")
)

// pstate is a parser configuration plus the incremental facts the features
// read (leftmost/rightmost children, valencies, label sets).
type pstate struct {
	n      int // words; tokens are 1..n, 0 is the root
	stack  []int32
	b      int32
	head   []int32
	lab    []uint8
	l1, l2 []int32 // leftmost and second-leftmost child, 0 = none
	r1, r2 []int32 // rightmost and second-rightmost child
	nl, nr []uint8
	lset   []uint64
	rset   []uint64
	word   []uint64 // word hash per token
	tag    []uint64 // tag per token
	alt    []uint64 // the output tagger's tag per token (tag is the parser's tagger's)
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

func (s *pstate) reset(n int) {
	s.n = n
	m := n + 1
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	s.head = grow(s.head, m)
	s.lab = grow(s.lab, m)
	s.l1, s.l2 = grow(s.l1, m), grow(s.l2, m)
	s.r1, s.r2 = grow(s.r1, m), grow(s.r2, m)
	s.nl, s.nr = grow(s.nl, m), grow(s.nr, m)
	s.lset, s.rset = grow(s.lset, m), grow(s.rset, m)
	s.word, s.tag, s.alt = grow(s.word, m), grow(s.tag, m), grow(s.alt, m)
	for i := range m {
		s.head[i] = -1
		s.lab[i] = 0
		s.l1[i], s.l2[i], s.r1[i], s.r2[i] = 0, 0, 0, 0
		s.nl[i], s.nr[i] = 0, 0
		s.lset[i], s.rset[i] = 0, 0
	}
	s.word[0], s.tag[0], s.alt[0] = wordRoot, uint64(tagRoot), uint64(tagRoot)
}

func (s *pstate) done() bool { return len(s.stack) == 1 && int(s.b) > s.n }

func (s *pstate) st(k int) int32 {
	if k < len(s.stack) {
		return s.stack[len(s.stack)-1-k]
	}
	return noTok
}

func (s *pstate) buf(k int) int32 {
	if i := int(s.b) + k; i <= s.n {
		return int32(i)
	}
	return noTok
}

// valid reports which transition kinds are allowed: shift, left, right
// with a non-root label, right with the root label.
func (s *pstate) valid() (sh, left, right, rightRoot bool) {
	hasBuf := int(s.b) <= s.n
	sh = hasBuf
	left = hasBuf && len(s.stack) >= 2
	right = len(s.stack) >= 3
	rightRoot = len(s.stack) == 2 && !hasBuf
	return
}

func (s *pstate) attach(h, d int32, l uint8) {
	s.head[d] = h
	s.lab[d] = l
	if d < h {
		if s.l1[h] == 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		} else if s.l2[h] == 0 || d < s.l2[h] {
			s.l2[h] = d
		}
		s.nl[h]++
		s.lset[h] |= 1 << (l & 63)
	} else {
		if s.r1[h] == 0 || d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		} else if s.r2[h] == 0 || d > s.r2[h] {
			s.r2[h] = d
		}
		s.nr[h]++
		s.rset[h] |= 1 << (l & 63)
	}
}

// Transitions. A RIGHT from the last word onto the root takes the root
// label; every other arc's label comes from the label classifier.
const (
	mvShift = iota
	mvLeft
	mvRight
	numMoves
)

// arc returns the head and dependent that move mv would connect.
func (s *pstate) arc(mv int) (h, d int32) {
	d = s.stack[len(s.stack)-1]
	if mv == mvLeft {
		return s.b, d
	}
	return s.stack[len(s.stack)-2], d
}

func (s *pstate) apply(mv int, label uint8) {
	if mv == mvShift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(mv)
	s.stack = s.stack[:len(s.stack)-1]
	s.attach(h, d, label)
}

// forced returns the only valid move, or -1 if there is a choice: SHIFT
// when the stack holds just the root, RIGHT once the buffer is empty.
// Such configurations need no scoring (nor training).
func (s *pstate) forced() int {
	switch {
	case len(s.stack) == 1:
		return mvShift
	case int(s.b) > s.n:
		return mvRight
	}
	return -1
}

func (s *pstate) validMove(mv int) bool {
	sh, left, right, rightRoot := s.valid()
	switch mv {
	case mvShift:
		return sh
	case mvLeft:
		return left
	}
	return right || rightRoot
}

// labelFeats describes the arc h -> d at the moment it is made; in
// arc-hybrid d's subtree is then complete, and h's nearer children known.
func (s *pstate) labelFeats(dst []uint64, h, d int32) []uint64 {
	dw, dt, hw, ht := s.w(d), s.t(d), s.w(h), s.t(h)
	dir := uint64(0)
	dist := distBucket(h - d)
	if d > h {
		dir, dist = 1, distBucket(d-h)
	}
	dwt, hwt := f1(100, dw)+dt, f1(100, hw)+ht
	DL, DR := child(d, s.l1), child(d, s.r1)
	hset := s.lset[h]
	if dir == 1 {
		hset = s.rset[h]
	}
	dset := s.lset[d]<<1 ^ s.rset[d]*golden
	prev, next := d-1, d+1
	if int(next) > s.n {
		next = noTok
	}
	if prev == 0 {
		prev = noTok
	}
	dlw, drw := s.w(DL), s.w(DR)
	dst = append(dst,
		f1(1, dw), f1(2, dt), f1(3, dwt), f1(4, hw), f1(5, ht), f1(6, hwt),
		f3(7, dt, ht, dir), f3(8, dw, ht, dir), f3(9, dt, hw, dir), f3(10, dw, hw, dir),
		f3(11, f1(0, dt), ht, dist*2+dir), f3(12, dwt, hwt, dir),
		f2(13, dt, dset), f3(14, dt, s.l(DL), s.l(DR)),
		f2(15, dt, dlw), f3(16, dt, dlw, ht), f1(17, drw), f2(18, dw, dlw),
		f3(19, ht, hset, dir), f3(20, dt, ht, hset), f3(21, dt, ht, s.lset[h]^s.rset[h]*golden),
		f2(22, dt, s.t(prev)), f2(23, dt, s.t(next)), f3(24, dt, s.t(next), ht),
		f3(25, dt, ht, uint64(min(s.nl[d]+s.nr[d], 6))*2+dir),
		f3(26, hw, dt, dlw), f2(27, hw, dir), f3(28, ht, dir, s.w(child(h, s.l1))),
		f3(29, dt, ht, s.t(DL)), f3(30, dt, s.t(DL), s.t(DR)),
		f3(31, dw, dt, dir), f3(32, hw, ht, dir), f3(33, dt, dlw, dir),
		f3(34, dt, s.t(prev), s.t(next)), f2(35, dlw, ht), f3(36, dt, ht, s.w(child(d, s.l2))),
		f3(37, dt, hw, s.l(DL)), f3(38, dw, ht, s.l(DR)), f2(39, ht, s.t(s.inRange(h+1))),
	)
	da, ha := s.a(d), s.a(h)
	return append(dst, f2(40, dt, da), f3(41, da, ha, dir), f3(42, da, ht, dir))
}

// inRange returns i if it is a word token, else noTok.
func (s *pstate) inRange(i int32) int32 {
	if i < 1 || int(i) > s.n {
		return noTok
	}
	return i
}

func (s *pstate) w(i int32) uint64 {
	if i < 0 {
		return wordNone
	}
	return s.word[i]
}

func (s *pstate) a(i int32) uint64 {
	if i < 0 {
		return uint64(tagNone)
	}
	return s.alt[i]
}

func (s *pstate) t(i int32) uint64 {
	if i < 0 {
		return uint64(tagNone)
	}
	return s.tag[i]
}

// child returns the given child (0 = none) or noTok.
func child(i int32, arr []int32) int32 {
	if i < 0 || arr[i] == 0 {
		return noTok
	}
	return arr[i]
}

func (s *pstate) l(i int32) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(s.lab[i])
}

func distBucket(d int32) uint64 {
	switch {
	case d < 0:
		return 0
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func valOf(i int32, v []uint8) uint64 {
	if i < 0 {
		return 99
	}
	return uint64(min(v[i], 6))
}

func setOf(i int32, v []uint64) uint64 {
	if i < 0 {
		return 1 << 63
	}
	return v[i]
}

// feats appends the features of the configuration (Zhang & Nivre 2011
// templates adapted to arc-hybrid, where stack words have no heads yet).
func (s *pstate) feats(dst []uint64) []uint64 {
	S0, S1, S2 := s.st(0), s.st(1), s.st(2)
	B0, B1, B2 := s.buf(0), s.buf(1), s.buf(2)
	S0L, S0L2, S0R, S0R2 := child(S0, s.l1), child(S0, s.l2), child(S0, s.r1), child(S0, s.r2)
	S1L, S1R := child(S1, s.l1), child(S1, s.r1)
	B0L, B0L2 := child(B0, s.l1), child(B0, s.l2)

	s0w, s0t := s.w(S0), s.t(S0)
	s1w, s1t := s.w(S1), s.t(S1)
	b0w, b0t := s.w(B0), s.t(B0)
	b1w, b1t := s.w(B1), s.t(B1)
	s0wt, s1wt, b0wt, b1wt := f1(100, s0w)+s0t, f1(100, s1w)+s1t, f1(100, b0w)+b0t, f1(100, b1w)+b1t
	d := distBucket(-1)
	if S0 >= 0 && B0 >= 0 {
		d = distBucket(B0 - S0)
	}
	d2 := distBucket(-1)
	if S1 >= 0 {
		d2 = distBucket(S0 - S1)
	}
	s0vl, s0vr, b0vl := valOf(S0, s.nl), valOf(S0, s.nr), valOf(B0, s.nl)
	s0lt, s0rt, b0lt := s.t(S0L), s.t(S0R), s.t(B0L)
	s0ll, s0rl, b0ll := s.l(S0L), s.l(S0R), s.l(B0L)
	dst = append(dst,
		f1(1, s0w), f1(2, s0t), f1(3, s0wt),
		f1(4, s1w), f1(5, s1t), f1(6, s1wt),
		f1(7, b0w), f1(8, b0t), f1(9, b0wt),
		f1(10, b1w), f1(11, b1t), f1(12, b1wt),
		f1(13, s.w(B2)), f1(14, s.t(B2)),
		f1(15, s.t(S2)), f1(16, s.w(S2)),

		f2(17, s0wt, b0wt), f2(18, s0wt, b0w), f2(19, s0w, b0wt),
		f2(20, s0wt, b0t), f2(21, s0t, b0wt), f2(22, s0w, b0w),
		f2(23, s0t, b0t), f2(24, b0t, b1t),
		f2(25, s0t, s1t), f2(26, s0w, s1w), f2(27, s1wt, s0wt),
		f2(28, s1t, s0w), f2(29, s1w, s0t),

		f3(30, b0t, b1t, s.t(B2)), f3(31, s0t, b0t, b1t), f3(32, s1t, s0t, b0t),
		f3(33, s.t(S2), s1t, s0t), f3(34, s1t, s0t, b1t),
		f3(35, s0t, s0lt, b0t), f3(36, s0t, s0rt, b0t), f3(37, s0t, b0t, b0lt),
		f3(38, s1t, s0t, s0rt), f3(39, s1t, s.t(S1R), s0t), f3(40, s1t, s.t(S1L), s0t),

		f2(41, s0w, d), f2(42, s0t, d), f2(43, b0w, d), f2(44, b0t, d),
		f3(45, s0t, b0t, d), f3(46, s1t, s0t, d2), f2(47, s0w, d2), f2(48, s1w, d2),

		f2(49, s0w, s0vr), f2(50, s0t, s0vr), f2(51, s0w, s0vl), f2(52, s0t, s0vl),
		f2(53, b0w, b0vl), f2(54, b0t, b0vl), f2(55, s1t, valOf(S1, s.nr)), f2(56, s1t, valOf(S1, s.nl)),

		f1(57, s.w(S0L)), f1(58, s0lt), f1(59, s0ll),
		f1(60, s.w(S0R)), f1(61, s0rt), f1(62, s0rl),
		f1(63, s.w(B0L)), f1(64, b0lt), f1(65, b0ll),
		f2(66, s.t(S1L), s.l(S1L)), f2(67, s.t(S1R), s.l(S1R)),
		f1(68, s.t(S0L2)), f1(69, s.l(S0L2)), f1(70, s.t(S0R2)), f1(71, s.l(S0R2)),
		f1(72, s.t(B0L2)), f1(73, s.l(B0L2)),
		f3(74, s0t, s0ll, s.l(S0L2)), f3(75, s0t, s0rl, s.l(S0R2)), f3(76, b0t, b0ll, s.l(B0L2)),

		f2(77, s0w, setOf(S0, s.lset)), f2(78, s0t, setOf(S0, s.lset)),
		f2(79, s0w, setOf(S0, s.rset)), f2(80, s0t, setOf(S0, s.rset)),
		f2(81, b0w, setOf(B0, s.lset)), f2(82, b0t, setOf(B0, s.lset)),
		f2(83, s1t, setOf(S1, s.rset)),
	)
	// The output tagger's tags (alt): where the two taggers disagree the
	// tag is uncertain, and the output tagger knows the target domain's
	// conventions.
	s0a, b0a := s.a(S0), s.a(B0)
	return append(dst,
		f2(84, s0t, s0a), f2(85, b0t, b0a), f2(86, s1t, s.a(S1)), f2(87, b1t, s.a(B1)),
		f2(88, s0a, b0a), f3(89, s.a(S1), s0a, b0a), f3(90, s0a, b0a, b0t),
	)
}
