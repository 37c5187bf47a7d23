package norm

import "testing"

func TestKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Moscow", "moscow"},
		{"Nagorno-Karabakh", "nagorno karabakh"},
		{"Bogotá", "bogota"},
		{"Cote d'Ivoire", "cote divoire"},
		{"St.-Petersburg", "st petersburg"},
		{"  Ağcabǝdi  ", "agcabedi"},
		{"Khān Yūnis", "khan yunis"},
		{"U.S.", "u s"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"already key", "already key"},
		{"", ""},
	} {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsLatin(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want bool
	}{
		{"Kyiv", true}, {"Şamaxı", true}, {"Donec’k", true}, {"Москва", false}, {"東京", false}, {"123", false}, {"Kyiv Київ", false},
	} {
		if got := IsLatin(tt.in); got != tt.want {
			t.Errorf("IsLatin(%q) = %v", tt.in, got)
		}
	}
}

func TestASCII(t *testing.T) {
	if got := ASCII("Sant Julià de Lòria"); got != "Sant Julia de Loria" {
		t.Errorf("ASCII = %q", got)
	}
}
