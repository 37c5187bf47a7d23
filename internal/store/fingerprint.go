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
	return Fingerprint{Hash: hex.EncodeToString(sum[:16]), SimHash: simHash(words)}
}

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
