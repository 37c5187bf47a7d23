package read

import "time"

// parseDate accepts YYYY-MM-DD or an RFC 3339 timestamp (a zone-less
// timestamp is taken as UTC) and returns the UTC calendar day.
func parseDate(s string) (string, bool) {
	const day = "2006-01-02"
	if len(s) == len(day) {
		t, err := time.Parse(day, s)
		return t.Format(day), err == nil
	}
	if len(s) < len(day)+6 {
		return "", false
	}
	b := []byte(s)
	switch b[10] {
	case 'T', 't', ' ':
		b[10] = 'T'
	default:
		return "", false
	}
	if c := b[len(b)-1]; c == 'z' {
		b[len(b)-1] = 'Z'
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, string(b)); err == nil {
			return t.UTC().Format(day), true
		}
	}
	return "", false
}
