package geo

import (
	"strings"
	"testing"
)

// findOne returns the mention whose text contains want.
func findOne(t *testing.T, sentence, want string, prefer []string) (Mention, bool) {
	t.Helper()
	for _, m := range Default().Find(sentence, prefer) {
		if strings.Contains(m.Text, want) {
			return m, true
		}
	}
	return Mention{}, false
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		sentence, text string
		country, prec  string
		name           string // resolved name contains this ("" = don't check)
	}{
		{"Armenian forces fired near the Nakhchivan Autonomous Republic.", "Nakhchivan Autonomous Republic", "AZE", "admin1", "Nakhchivan"},
		{"Shots were fired at posts in Nakhchivan.", "Nakhchivan", "AZE", "admin1", "Nakhchivan"},
		{"Troops massed in Nakhichevan on Sunday.", "Nakhichevan", "AZE", "admin1", "Nakhchivan"},
		{"Villagers in the Tavush region protested.", "Tavush region", "ARM", "admin1", "Tavush"},
		{"Residents of Tavush blocked the road.", "Tavush", "ARM", "admin1", "Tavush"},
		{"Azerbaijan retook the Karabakh region in 2023.", "Karabakh", "AZE", "admin1", "Karabakh"},
		{"Ethnic Armenians fled Nagorno-Karabakh.", "Nagorno-Karabakh", "AZE", "admin1", "Karabakh"},
		{"Azerbaijan set up a checkpoint on the Lachin corridor.", "Lachin corridor", "AZE", "city", "Lachin"},
		{"Protesters gathered in Stepanakert.", "Stepanakert", "AZE", "city", "Khankendi"},
		{"The president visited Khankendi.", "Khankendi", "AZE", "city", "Khankendi"},
		{"Missiles struck Kyiv overnight.", "Kyiv", "UKR", "city", "Kyiv"},
		{"Missiles struck Kiev overnight.", "Kiev", "UKR", "city", "Kyiv"},
		{"Air strikes hit Gaza on Tuesday.", "Gaza", "PSE", "admin1", "Gaza"},
		{"Aid entered the Gaza Strip.", "Gaza Strip", "PSE", "admin1", "Gaza"},
		{"Israeli forces advanced in northern Gaza.", "northern Gaza", "PSE", "admin1", "northern Gaza"},
		{"Families fled to southern Gaza.", "southern Gaza", "PSE", "admin1", "southern Gaza"},
		{"Raids continued in the West Bank.", "West Bank", "PSE", "admin1", "West Bank"},
		{"Settlers attacked villages in the occupied West Bank.", "occupied West Bank", "PSE", "admin1", "West Bank"},
		{"Troops raided Jenin refugee camp.", "Jenin", "PSE", "city", "Jenin"},
		{"Shelling was reported in Jenin.", "Jenin", "PSE", "city", "Jenin"},
		{"Russian shells hit Donetsk.", "Donetsk", "UKR", "city", "Donetsk"},
		{"Shelling hit Donetsk, Russia said.", "Donetsk", "UKR", "city", "Donetsk"},
		{"Israel struck targets in southern Lebanon.", "southern Lebanon", "LBN", "admin1", "southern Lebanon"},
		{"Militants attacked a post in Indian-administered Kashmir.", "Indian-administered Kashmir", "IND", "admin1", "Kashmir"},
		{"India struck sites in Pakistani-administered Kashmir.", "Pakistani-administered Kashmir", "PAK", "admin1", "Kashmir"},
		{"Curfew was imposed in Kashmir.", "Kashmir", "IND", "admin1", "Kashmir"},
		{"Fighting spread across Darfur.", "Darfur", "SDN", "admin1", "Darfur"},
		{"The RSF besieged El Fasher.", "El Fasher", "SDN", "city", "El Fasher"},
		{"The RSF besieged Al Fasher.", "Al Fasher", "SDN", "city", "El Fasher"},
		{"The RSF besieged al-Fasher.", "al-Fasher", "SDN", "city", "El Fasher"},
		{"Killings were reported in El Geneina.", "El Geneina", "SDN", "city", "Geneina"},
		{"Drones attacked Crimea.", "Crimea", "UKR", "admin1", "Crimea"},
		{"Fighting raged in the Donbas.", "Donbas", "UKR", "admin1", "Donbas"},
		{"Venezuela claims Essequibo.", "Essequibo", "GUY", "admin1", "Essequibo"},
		{"Gunmen attacked a bus in Balochistan.", "Balochistan", "PAK", "admin1", "Balochistan"},
		{"Drones hit a refinery in the Ryazan region.", "Ryazan region", "RUS", "admin1", "Ryazan"},
		{"A missile struck the Lviv region.", "Lviv region", "UKR", "admin1", "Lviv"},
		{"Troops clashed with rebels in Cauca.", "Cauca", "COL", "admin1", "Cauca"},
		{"Floods hit Sindh.", "Sindh", "PAK", "admin1", "Sindh"},
		{"Aid reached Tigray.", "Tigray", "ETH", "admin1", "Tigray"},
		{"Fano fighters clashed with the army in Amhara.", "Amhara", "ETH", "admin1", "Amhara"},
		{"Ukraine pushed into the Kursk region.", "Kursk region", "RUS", "admin1", "Kursk"},
		{"Shelling hit Belgorod.", "Belgorod", "RUS", "city", "Belgorod"},
		{"A tanker was seized off Sohar.", "Sohar", "OMN", "city", "Sohar"},
		{"Rockets were fired at Tel Aviv.", "Tel Aviv", "ISR", "city", "Tel Aviv"},
		{"Militants attacked police in Dera Ismail Khan district.", "Dera Ismail Khan", "PAK", "city", "Dera Ismail Khan"},
		{"The delegation landed at Ankara airport.", "Ankara", "TUR", "city", "Ankara"},
		{"Police fired tear gas in Nairobi.", "Nairobi", "KEN", "city", "Nairobi"},
		{"The summit took place in Washington.", "Washington", "USA", "city", "Washington"},
		{"Officials met in Bogota.", "Bogota", "COL", "city", "Bog"},
		{"Talks were held in Putrajaya.", "Putrajaya", "MYS", "city", "Putrajaya"},
		{"Strikes hit targets in Yemen.", "Yemen", "YEM", "country", "Yemen"},
		{"Shelling in eastern Ukraine continued.", "eastern Ukraine", "UKR", "country", "Ukraine"},
		{"He was arrested in the town of Handlova.", "Handlova", "SVK", "city", "Handlov"},
		{"A Moscow-based analyst spoke.", "Moscow", "RUS", "city", "Moscow"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			m, ok := findOne(t, tt.sentence, tt.text, nil)
			if !ok {
				t.Fatalf("Find(%q): no mention %q; got %+v", tt.sentence, tt.text, Default().Find(tt.sentence, nil))
			}
			p := m.Place
			if p.Country != tt.country || p.Precision != tt.prec || !strings.Contains(p.Name, tt.name) {
				t.Errorf("%q -> %s %s %q; want %s %s %q", tt.text, p.Country, p.Precision, p.Name, tt.country, tt.prec, tt.name)
			}
			if m.Confidence <= 0 || m.Confidence > 1 {
				t.Errorf("confidence %v out of range", m.Confidence)
			}
			if tt.sentence[m.Start:m.End] != m.Text {
				t.Errorf("span [%d:%d] is %q, text %q", m.Start, m.End, tt.sentence[m.Start:m.End], m.Text)
			}
		})
	}
}

func TestOpenSeaIsNoPlace(t *testing.T) {
	for _, s := range []string{
		"Houthis attacked a ship in the Red Sea.",
		"A drone was downed over the Black Sea.",
		"The tanker was hit in the Gulf of Aden.",
	} {
		if ms := Default().Find(s, nil); len(ms) != 0 {
			t.Errorf("Find(%q) = %+v, want none", s, ms)
		}
	}
}

func TestCountryNotResolvedAsTown(t *testing.T) {
	for _, tt := range []struct{ sentence, text, country string }{
		{"The ship docked in China.", "China", "CHN"},
		{"Israel struck targets in Lebanon.", "Lebanon", "LBN"},
		{"Refugees arrived in Jordan.", "Jordan", "JOR"},
		{"Clashes erupted in Panama.", "Panama", "PAN"},
		{"Troops were sent to Mexico.", "Mexico", "MEX"},
	} {
		for _, prefer := range [][]string{nil, {"USA"}} {
			m, ok := findOne(t, tt.sentence, tt.text, prefer)
			if !ok || m.Place.Country != tt.country || m.Place.Precision != PrecCountry {
				t.Errorf("%q (prefer %v) -> %+v, want the country %s", tt.sentence, prefer, m.Place, tt.country)
			}
		}
	}
}

func TestUSStateVsForeignTown(t *testing.T) {
	s := "Armenian and Azerbaijani officials met in Georgia."
	m, ok := findOne(t, s, "Georgia", []string{"ARM", "AZE"})
	if !ok || m.Place.Country != "GEO" {
		t.Errorf("Caucasus article: Georgia -> %+v, want GEO", m.Place)
	}
	for _, prefer := range [][]string{nil, {"GEO"}, {"USA", "GEO"}, {"RUS"}} {
		m, ok = findOne(t, "Protests broke out in Georgia.", "Georgia", prefer)
		if !ok || m.Place.Country != "GEO" || m.Place.Precision != PrecCountry {
			t.Errorf("prefer %v: Georgia -> %+v, want the country", prefer, m.Place)
		}
	}
	m, ok = findOne(t, "The governor signed the bill in Georgia.", "Georgia", []string{"USA"})
	if !ok || m.Place.Country != "USA" || m.Place.Precision != PrecAdmin1 {
		t.Errorf("US article: Georgia -> %+v, want the US state", m.Place)
	}
	// Paris, Texas must not win over Paris in a US-actor article.
	m, ok = findOne(t, "The US envoy arrived in Paris.", "Paris", []string{"USA"})
	if !ok || m.Place.Country != "FRA" {
		t.Errorf("Paris -> %+v, want FRA", m.Place)
	}
	// Donetsk is the Ukrainian city even in a Russian-actor article.
	m, ok = findOne(t, "Russian troops shelled Donetsk.", "Donetsk", []string{"RUS"})
	if !ok || m.Place.Country != "UKR" {
		t.Errorf("Donetsk -> %+v, want UKR", m.Place)
	}
}

func TestDemonymIsNotPlace(t *testing.T) {
	for _, s := range []string{
		"Armenian troops opened fire.",
		"Azerbaijan accused Armenian forces.",
		"Shells landed in Armenian territory.",
		"Russian and Ukrainian officials met.",
		"The attack near Israeli positions was repelled.",
	} {
		for _, m := range Default().Find(s, nil) {
			if demonyms[strings.ToLower(m.Text)] || strings.HasPrefix(strings.ToLower(m.Text), "armenian") {
				t.Errorf("Find(%q): demonym %q resolved as %+v", s, m.Text, m.Place)
			}
		}
	}
}

func TestActorMetonymIsNotPlace(t *testing.T) {
	for _, s := range []string{
		"Moscow said the talks had failed.",
		"Washington accused Beijing of espionage.",
		"Kyiv said it downed 20 drones.",
		"Tehran warned Israel.",
		"Azerbaijan has accused Armenia of provocations.",
	} {
		if ms := Default().Find(s, nil); len(ms) != 0 {
			t.Errorf("Find(%q) = %+v, want no place", s, ms)
		}
	}
	// The same names after a cue are places.
	if _, ok := findOne(t, "Talks were held in Moscow.", "Moscow", nil); !ok {
		t.Error("in Moscow: no mention")
	}
}

func TestLongestNameFirst(t *testing.T) {
	for _, tt := range []struct{ sentence, text string }{
		{"He was born in New York.", "New York"},
		{"Rockets hit Tel Aviv.", "Tel Aviv"},
		{"Rebels seized El Fasher.", "El Fasher"},
	} {
		ms := Default().Find(tt.sentence, nil)
		if len(ms) != 1 || ms[0].Text != tt.text {
			t.Errorf("Find(%q) = %+v, want one mention %q", tt.sentence, ms, tt.text)
		}
	}
	// A name that is only the start of a longer one is not a place.
	for _, s := range []string{"He landed at Ben Gurion Airport.", "He spoke to the Azerbaijan Defence Ministry."} {
		for _, m := range Default().Find(s, nil) {
			if m.Text == "Ben" || m.Text == "Azerbaijan" {
				t.Errorf("Find(%q): partial name %q", s, m.Text)
			}
		}
	}
}

func TestLookup(t *testing.T) {
	g := Default()
	for _, tt := range []struct{ name, country, prec string }{
		{"Nakhchivan", "AZE", "admin1"},
		{"Moscow", "RUS", "city"},
		{"Azerbaijan", "AZE", "country"},
		{"Bogotá", "COL", "city"},
		{"Kiev", "UKR", "city"},
		{"Georgia", "GEO", "country"},
	} {
		p, ok := g.Lookup(tt.name, nil)
		if !ok || p.Country != tt.country || p.Precision != tt.prec {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %s", tt.name, p, ok, tt.country, tt.prec)
		}
	}
	if _, ok := g.Lookup("Red Sea", nil); ok {
		t.Error("Lookup(Red Sea) found a place")
	}
	if _, ok := g.Lookup("Xqzzyville", nil); ok {
		t.Error("Lookup of nonsense found a place")
	}
}
