// Package demo holds Flashpoint's demo corpus: wire-style articles
// written for the project by a generator from our own templates plus a
// few hand-written items, with the true events and episodes recorded so
// tests can measure the whole pipeline. The corpus is generated once,
// committed under data/ and embedded; Build codes it into a database.
package demo

import "time"

// country is one side of a dyad as the templates write it.
type country struct {
	Code, Name, Adj string
	Places          []string // border places events happen near
	City            string   // where talks are held
}

// dyadPlan is how the generator drives one dyad.
type dyadPlan struct {
	A, B country
	// Daily rates of articles about material conflict, verbal conflict
	// and cooperation on ordinary days.
	Material, Verbal, Coop float64
	Quiet                  bool // no episode, no material conflict: must raise no alert
	Continent              string
}

// Episode is a period when a dyad's conflict rates are multiplied by
// Factor (escalation > 1, de-escalation < 1).
type Episode struct {
	Dyad   string  `json:"dyad"` // "AZE-ARM" as planned (A-B)
	Start  string  `json:"start"`
	End    string  `json:"end"` // inclusive
	Factor float64 `json:"factor"`
	Kind   string  `json:"kind"` // escalation or de-escalation
}

var (
	aze = country{"AZE", "Azerbaijan", "Azerbaijani", []string{"Tegh", "Sotk", "Nakhchivan"}, "Baku"}
	arm = country{"ARM", "Armenia", "Armenian", []string{"Tegh", "Sotk", "Jermuk"}, "Yerevan"}
	ind = country{"IND", "India", "Indian", []string{"Kupwara", "Uri", "Poonch"}, "New Delhi"}
	pak = country{"PAK", "Pakistan", "Pakistani", []string{"Kotli", "Muzaffarabad"}, "Islamabad"}
	chn = country{"CHN", "China", "Chinese", []string{"Scarborough Shoal", "Second Thomas Shoal"}, "Beijing"}
	phl = country{"PHL", "the Philippines", "Philippine", []string{"Scarborough Shoal", "Second Thomas Shoal"}, "Manila"}
	ven = country{"VEN", "Venezuela", "Venezuelan", []string{"Lethem"}, "Caracas"}
	guy = country{"GUY", "Guyana", "Guyanese", []string{"Lethem"}, "Georgetown"}
	srb = country{"SRB", "Serbia", "Serbian", []string{"Zubin Potok", "Leposavic"}, "Belgrade"}
	xkx = country{"XKX", "Kosovo", "Kosovan", []string{"Zubin Potok", "Leposavic"}, "Pristina"}
	rwa = country{"RWA", "Rwanda", "Rwandan", []string{"Goma", "Rubavu"}, "Kigali"}
	cod = country{"COD", "Congo", "Congolese", []string{"Goma", "Bukavu"}, "Kinshasa"}
	grc = country{"GRC", "Greece", "Greek", nil, "Athens"}
	tur = country{"TUR", "Turkey", "Turkish", nil, "Ankara"}
	bra = country{"BRA", "Brazil", "Brazilian", nil, "Brasilia"}
	arg = country{"ARG", "Argentina", "Argentine", nil, "Buenos Aires"}
	ken = country{"KEN", "Kenya", "Kenyan", nil, "Nairobi"}
	eth = country{"ETH", "Ethiopia", "Ethiopian", nil, "Addis Ababa"}
	usa = country{"USA", "the United States", "American", nil, "Washington"}
	mex = country{"MEX", "Mexico", "Mexican", nil, "Mexico City"}
)

// plans are the corpus's dyads: six with conflict on four continents,
// four quiet ones.
var plans = []dyadPlan{
	{A: aze, B: arm, Material: 0.05, Verbal: 0.08, Coop: 0.05, Continent: "Asia"},
	{A: ind, B: pak, Material: 0.06, Verbal: 0.08, Coop: 0.02, Continent: "Asia"},
	{A: chn, B: phl, Material: 0.05, Verbal: 0.1, Coop: 0.02, Continent: "Asia"},
	{A: ven, B: guy, Material: 0.01, Verbal: 0.06, Coop: 0.03, Continent: "South America"},
	{A: srb, B: xkx, Material: 0.03, Verbal: 0.08, Coop: 0.03, Continent: "Europe"},
	{A: rwa, B: cod, Material: 0.06, Verbal: 0.08, Coop: 0.02, Continent: "Africa"},
	{A: grc, B: tur, Verbal: 0.02, Coop: 0.16, Quiet: true, Continent: "Europe"},
	{A: bra, B: arg, Verbal: 0.01, Coop: 0.16, Quiet: true, Continent: "South America"},
	{A: ken, B: eth, Verbal: 0.01, Coop: 0.14, Quiet: true, Continent: "Africa"},
	{A: usa, B: mex, Verbal: 0.02, Coop: 0.15, Quiet: true, Continent: "North America"},
}

// episodes are the planned escalations and de-escalations. The
// AZE-ARM border escalation around 2024-04-01 is the seed report's.
var episodes = []Episode{
	{"AZE-ARM", "2024-03-29", "2024-04-04", 14, "escalation"},
	{"AZE-ARM", "2024-04-20", "2024-05-31", 0.2, "de-escalation"},
	{"IND-PAK", "2023-11-08", "2023-11-13", 12, "escalation"},
	{"CHN-PHL", "2023-12-08", "2023-12-13", 20, "escalation"},
	{"CHN-PHL", "2024-03-04", "2024-03-09", 18, "escalation"},
	{"VEN-GUY", "2023-12-01", "2023-12-08", 25, "escalation"},
	{"VEN-GUY", "2024-01-10", "2024-03-10", 0.2, "de-escalation"},
	{"SRB-XKX", "2023-09-24", "2023-09-28", 14, "escalation"},
	{"RWA-COD", "2024-02-05", "2024-02-10", 16, "escalation"},
}

// Corpus span.
var (
	corpusStart = time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)
	corpusEnd   = time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)
)

var wires = []string{"Caspian Wire", "Meridian News", "Harbor Times", "Global Desk", "Northern Ledger", "Daily Compass"}
