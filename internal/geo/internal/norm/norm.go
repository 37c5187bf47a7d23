// Package norm turns place names into lookup keys. The generator and the
// gazetteer share it so that keys built at generation time, at load time and
// at match time agree byte for byte.
package norm

import (
	"unicode"
	"unicode/utf8"
)

// foldPairs maps Latin letters with diacritics to ASCII: each line is a
// target followed by the runes that fold to it.
var foldPairs = []string{
	"a àáâãäåāăąǎȁȃȧạảấầẩẫậắằẳẵặ",
	"A ÀÁÂÃÄÅĀĂĄǍȀȂȦẠẢẤẦẨẪẬẮẰẲẴẶ",
	"c çćĉċč", "C ÇĆĈĊČ",
	"d ďđḍḏ", "D ĎĐḌḎÐ", "d ð",
	"e èéêëēĕėęěȅȇẹẻẽếềểễệǝə", "E ÈÉÊËĒĔĖĘĚȄȆẸẺẼẾỀỂỄỆƎƏ",
	"g ĝğġģǧ", "G ĜĞĠĢǦ",
	"h ĥħḥḫẖ", "H ĤĦḤḪ",
	"i ìíîïĩīĭįıǐȉȋịỉ", "I ÌÍÎÏĨĪĬĮİǏȈȊỊỈ",
	"j ĵǰ", "J Ĵ",
	"k ķǩḳ", "K ĶǨḲ",
	"l ĺļľŀłḷ", "L ĹĻĽĿŁḶ",
	"n ñńņňṇ", "N ÑŃŅŇṆ",
	"o òóôõöøōŏőơǒȍȏọỏốồổỗộớờởỡợ", "O ÒÓÔÕÖØŌŎŐƠǑȌȎỌỎỐỒỔỖỘỚỜỞỠỢ",
	"r ŕŗřṛ", "R ŔŖŘṚ",
	"s śŝşšșṣ", "S ŚŜŞŠȘṢ",
	"t ţťŧțṭ", "T ŢŤŦȚṬ",
	"u ùúûüũūŭůűųưǔȕȗụủứừửữự", "U ÙÚÛÜŨŪŬŮŰŲƯǓȔȖỤỦỨỪỬỮỰ",
	"w ŵẁẃẅ", "W ŴẀẂẄ",
	"y ýÿŷỳỹỵ", "Y ÝŶŸỲỸỴ",
	"z źżžẓ", "Z ŹŻŽẒ",
	"ss ß", "ae æ", "AE Æ", "oe œ", "OE Œ", "th þ", "TH Þ",
}

var fold = func() map[rune]string {
	m := make(map[rune]string, 512)
	for _, p := range foldPairs {
		i := 0
		for p[i] != ' ' {
			i++
		}
		to := p[:i]
		for _, r := range p[i+1:] {
			m[r] = to
		}
	}
	return m
}()

// isQuote reports apostrophe-like runes, which keys drop without a space
// ("Cote d'Ivoire" = "cote divoire").
func isQuote(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', 'ʻ', '`', 'ʿ', 'ʾ', '´':
		return true
	}
	return false
}

// AppendKey appends the key of s to dst: lower case, diacritics folded,
// every run of other characters one space, no leading or trailing space.
func AppendKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	emit := func() {
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				emit()
				dst = append(dst, c)
			case c >= 'A' && c <= 'Z':
				emit()
				dst = append(dst, c+'a'-'A')
			case c == '\'' || c == '`':
			default:
				space = true
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if f, ok := fold[r]; ok {
			emit()
			for j := 0; j < len(f); j++ {
				c := f[j]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				dst = append(dst, c)
			}
			continue
		}
		switch {
		case isQuote(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit()
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		case unicode.IsMark(r):
			// combining accents: drop
		default:
			space = true
		}
	}
	return dst
}

// Key returns the lookup key of s.
func Key(s string) string {
	// Fast path: already a key.
	ok := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ' && s[i-1] != ' '
	}
	if ok {
		return s
	}
	return string(AppendKey(make([]byte, 0, len(s)), s))
}

// ASCII folds Latin diacritics, keeping case and punctuation; other runes
// are kept as they are.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if f, ok := fold[r]; ok {
			b = append(b, f...)
		} else if r == '’' || r == 'ʼ' || r == 'ʻ' {
			b = append(b, '\'')
		} else {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// IsLatin reports whether s is written in Latin script: at least one Latin
// letter and no letter of another script.
func IsLatin(s string) bool {
	latin := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				latin = true
			}
			continue
		}
		if unicode.IsLetter(r) && !isQuote(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			latin = true
		}
	}
	return latin
}
