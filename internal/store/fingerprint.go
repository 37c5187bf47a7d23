package store

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Fingerprint is what the store needs to recognise an article it has
// seen: an exact hash of the normalised text and a SimHash for wire
// copies with small edits.
type Fingerprint struct {
	Hash    string // hex SHA-256 (first 16 bytes) of the normalised text
	SimHash uint64 // 64-bit SimHash over word 3-shingles
	// Short: fewer than minNearWords words, too few shingles for SimHash
	// distance to mean "copy"; such a text matches only exactly.
	Short bool
}

// FingerprintOf computes the fingerprint of an article body (the title
// is used when the body is empty). Normalisation lower-cases letters,
// drops punctuation and collapses whitespace, so re-flowed or
// re-punctuated copies hash alike.
func FingerprintOf(title, text string) Fingerprint {
	if text == "" {
		text = title
	}
	words := normalWords(text)
	h := sha256.New()
	for i, w := range words {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	sum := h.Sum(nil)
	return Fingerprint{Hash: hex.EncodeToString(sum[:16]), SimHash: simHash(words), Short: len(words) < minNearWords}
}

// minNearWords is the fewest words a text needs to be matched as a
// near-duplicate. With few shingles each bit of a SimHash is a vote of
// two or three, mostly ties that come out 0: distinct short texts
// ("Armenia protests", "Armenia condemns") land within distance 3 of
// each other and crowd the same 16-bit blocks, so the candidate search
// turned quadratic and flagged distinct texts as copies. Ten shingles
// make each bit a real majority; a one-word edit then moves a few.
const minNearWords = 12

// normalWords splits text into lower-case words of letters and digits.
func normalWords(text string) []string {
	words := make([]string, 0, len(text)/6)
	buf := make([]byte, 0, 32)
	flush := func() {
		if len(buf) > 0 {
			words = append(words, string(buf))
			buf = buf[:0]
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return words
}

// simHash is Charikar's SimHash over word 3-shingles hashed with
// FNV-1a; texts shorter than three words use the words themselves.
func simHash(words []string) uint64 {
	var acc [64]int32
	add := func(h uint64) {
		for b := 0; b < 64; b++ {
			if h&(1<<b) != 0 {
				acc[b]++
			} else {
				acc[b]--
			}
		}
	}
	const k = 3
	if len(words) < k {
		for _, w := range words {
			add(mix(fnv(w, 0)))
		}
	} else {
		for i := 0; i+k <= len(words); i++ {
			h := fnv(words[i], 0)
			h = fnv(words[i+1], h)
			h = fnv(words[i+2], h)
			add(mix(h))
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if acc[b] > 0 {
			out |= 1 << b
		}
	}
	return out
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv continues an FNV-1a hash h (0 starts a new one) over s and a
// separator, so shingle boundaries matter.
func fnv(s string, h uint64) uint64 {
	if h == 0 {
		h = fnvOffset
	}
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= ' '
	h *= fnvPrime
	return h
}

// mix spreads FNV's weak high bits (a splitmix64 finaliser), which
// SimHash needs: every bit must be an independent vote.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Hamming is the number of differing bits between two SimHashes.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// nearDistance is the largest Hamming distance between SimHashes of
// articles treated as copies of one another.
const nearDistance = 3

// blocks splits a SimHash into four 16-bit blocks: two hashes within
// distance 3 agree on at least one block (pigeonhole), so an indexed
// equality lookup on each block finds every candidate.
func blocks(h uint64) [4]int64 {
	return [4]int64{int64(h & 0xffff), int64(h >> 16 & 0xffff), int64(h >> 32 & 0xffff), int64(h >> 48)}
}

// noBlock is stored in every block of a short text: no 16-bit block
// equals it, so a short text is never a near-duplicate candidate.
const noBlock = -1

// storedBlocks are the blocks stored with an article.
func (fp Fingerprint) storedBlocks() [4]int64 {
	if fp.Short {
		return [4]int64{noBlock, noBlock, noBlock, noBlock}
	}
	return blocks(fp.SimHash)
}
