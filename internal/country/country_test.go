package country

import (
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	for _, tc := range []struct{ iso3, iso2, fips, name string }{
		{"AZE", "AZ", "AJ", "Azerbaijan"}, {"XKX", "XK", "KV", "Kosovo"}, {"PSE", "PS", "WE", "Palestine"},
		{"ARE", "AE", "AE", "United Arab Emirates"}, {"ABW", "AW", "", "Aruba"},
	} {
		c, ok := Get(tc.iso3)
		if !ok || c.ISO2 != tc.iso2 || c.FIPS != tc.fips || c.Name != tc.name {
			t.Errorf("Get(%s) = %+v, %v; want %s %s %q", tc.iso3, c, ok, tc.iso2, tc.fips, tc.name)
		}
		if b, ok := ByISO2(tc.iso2); !ok || b.ISO3 != tc.iso3 {
			t.Errorf("ByISO2(%s) = %+v", tc.iso2, b)
		}
	}
	if _, ok := Get("XYZ"); ok || Name("XYZ") != "" || FIPS("XYZ") != "" {
		t.Error("an unknown code must not resolve")
	}
	if len(All()) < 240 {
		t.Errorf("only %d countries", len(All()))
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"AZE AZ AJ Azerbaijan\nAZE AZ AJ Azerbaijan\n", "f:2: AZE repeats line 1"},
		{"AZE AZ AJ\n", "f:1: want ISO3 ISO2 FIPS NAME"},
		{"AZER AZ AJ Azerbaijan\n", "f:1: want ISO3 ISO2 FIPS NAME"},
	} {
		if _, err := parse("f", tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.text, err, tc.want)
		}
	}
}
