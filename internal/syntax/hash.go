package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes: strings are hashed once per token (FNV-1a),
// and templates combine those hashes with integer mixing only, so feature
// extraction allocates nothing and needs no vocabulary.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	golden    = 0x9E3779B97F4A7C15
)

func mix(x uint64) uint64 { // splitmix64 finaliser
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	x ^= x >> 31
	return x
}

func hstr(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hlower hashes the lower-cased s without building it.
func hlower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h ^= uint64(c)
			h *= fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		var buf [4]byte
		m := utf8.EncodeRune(buf[:], unicode.ToLower(r))
		for _, b := range buf[:m] {
			h ^= uint64(b)
			h *= fnvPrime
		}
		i += n
	}
	return h
}

func f1(t, a uint64) uint64       { return mix(a ^ (t+1)*golden) }
func f2(t, a, b uint64) uint64    { return mix(f1(t, a) + b*0xD6E8FEB86659FD93) }
func f3(t, a, b, c uint64) uint64 { return mix(f2(t, a, b) + c*0xA0761D6478BD642F) }
