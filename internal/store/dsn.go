package store

import (
	"regexp"
	"strings"
)

// IsPostgres reports whether db names a PostgreSQL database: a
// postgres:// or postgresql:// URL (scheme in any case) or a libpq
// key/value string such as "host=localhost dbname=fp". Anything else is
// a SQLite path; a libpq string taken for one would silently create a
// file of that name.
func IsPostgres(db string) bool {
	l := strings.ToLower(strings.TrimSpace(db))
	return strings.HasPrefix(l, "postgres://") || strings.HasPrefix(l, "postgresql://") || libpqDSN.MatchString(db)
}

// libpqDSN matches a libpq key/value connection string: it starts with
// one of libpq's connection keywords followed by "=".
var libpqDSN = regexp.MustCompile(`^\s*(host|hostaddr|port|dbname|user|password|sslmode|service|application_name|connect_timeout)\s*=`)

// secretParam matches a password given as a parameter, in a URL query
// (password=, sslpassword=) or a libpq string (password='…' or bare).
var secretParam = regexp.MustCompile(`(?i)((?:^|[\s?&;])(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&;]*)`)

// userPassword matches the password of a URL's user info, in a URL or
// in a message quoting one (which need not parse as a URL).
var userPassword = regexp.MustCompile(`([A-Za-z][A-Za-z0-9+.-]*://[^\s/@:]*):[^\s/]*@`)

// Redact hides passwords in a database or queue URL, or in a message
// quoting one, for messages and logs: user-info passwords, password=
// parameters of URLs and libpq strings.
func Redact(s string) string {
	s = userPassword.ReplaceAllString(s, "${1}:xxxxx@")
	return secretParam.ReplaceAllString(s, "${1}xxxxx")
}

// postgresURL lower-cases the scheme of a postgres:// URL, which pgx
// only recognises in lower case.
func postgresURL(u string) string {
	if i := strings.Index(u, "://"); i > 0 && IsPostgres(u) {
		return strings.ToLower(u[:i]) + u[i:]
	}
	return u
}

// redactedError is err with passwords hidden from its message; errors.Is
// and errors.As still see err.
type redactedError struct{ err error }

func (e redactedError) Error() string { return Redact(e.err.Error()) }
func (e redactedError) Unwrap() error { return e.err }
