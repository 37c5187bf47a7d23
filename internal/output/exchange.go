package output

// Helpers shared by the exchange formats (GDELT, PLOVER, ICEWS): stable
// numeric ids, actor-code parsing, dates, country codes and names.

import (
	"hash/fnv"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
	"github.com/flashpoint/flashpoint/internal/verbs"
)

// numericID derives a stable positive 63-bit number from an event id,
// for formats whose ids must be integers.
func numericID(id string) int64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	n := int64(h.Sum64() & (1<<63 - 1))
	if n == 0 {
		n = 1
	}
	return n
}

// eventDay resolves an event date at any precision to the first day of
// its period: 2024-03-05, 2024-03 → 2024-03-01, 2024 → 2024-01-01,
// 2024-W10 → that week's Monday, 2020s → 2020-01-01. ok is false for
// an empty or unreadable date.
func eventDay(d string) (t time.Time, ok bool) {
	if len(d) >= 10 {
		if t, err := time.Parse(time.DateOnly, d[:10]); err == nil {
			return t, true
		}
	}
	if len(d) < 4 {
		return t, false
	}
	y, err := strconv.Atoi(d[:4])
	if err != nil {
		return t, false
	}
	rest := d[4:]
	switch {
	case rest == "" || rest == "s":
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), true
	case len(rest) == 3 && rest[0] == '-' && rest[1] >= '0' && rest[1] <= '9':
		m, err := strconv.Atoi(rest[1:])
		if err != nil || m < 1 || m > 12 {
			return t, false
		}
		return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), true
	case len(rest) >= 4 && rest[:2] == "-W":
		w, err := strconv.Atoi(rest[2:4])
		if err != nil || w < 1 || w > 53 {
			return t, false
		}
		// ISO week 1 holds January 4th.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
		return monday.AddDate(0, 0, 7*(w-1)), true
	}
	return t, false
}

// roleCodes splits a CAMEO actor code after its country part into
// three-letter role codes: AZEGOVMIL → GOV, MIL.
func roleCodes(a event.Actor) []string {
	rest := strings.TrimPrefix(a.Code, a.Country)
	if rest == a.Code && len(a.Code) >= 3 {
		rest = a.Code[3:]
	}
	var out []string
	for len(rest) >= 3 {
		out = append(out, rest[:3])
		rest = rest[3:]
	}
	return out
}

// sectors names CAMEO role codes as ICEWS and POLECAT do.
var sectors = map[string]string{
	"GOV": "Government", "MIL": "Military", "REB": "Rebels", "OPP": "Opposition", "COP": "Police",
	"JUD": "Judiciary", "LEG": "Legislative", "BUS": "Business", "MED": "Media", "EDU": "Education",
	"HLH": "Health", "CVL": "Civilian", "REF": "Refugees", "LAB": "Labor", "ELI": "Elites",
	"SPY": "Intelligence", "UAF": "Unidentified Armed Forces", "IGO": "International Organization",
	"NGO": "Non-Governmental Organization", "REL": "Religious", "CRM": "Criminal", "AGR": "Agriculture",
	"ENV": "Environment", "HRI": "Human Rights", "MNC": "Multinational Corporation", "INS": "Insurgents",
	"SEP": "Separatists", "PTY": "Political Party", "DEV": "Development", "IMG": "Immigrants", "MOD": "Moderate",
	"RAD": "Radical", "PRO": "Protesters", "SET": "Settlers", "UIS": "Unidentified State Actor",
}

func sectorNames(a event.Actor) []string {
	var out []string
	if isOrg(a.Country) {
		out = append(out, sectors[a.Country])
	}
	for _, r := range roleCodes(a) {
		if n, ok := sectors[r]; ok {
			out = append(out, n)
		}
	}
	return out
}

// clean makes a value safe for a tab-separated field.
func clean(s string) string {
	if strings.ContainsAny(s, "\t\r\n") {
		s = strings.NewReplacer("\t", " ", "\r", " ", "\n", " ").Replace(s)
	}
	return s
}

var (
	labelsOnce sync.Once
	labels     *verbs.Codes
)

// codeLabel is the CAMEO description of an event code, or the code.
func codeLabel(code string) string {
	labelsOnce.Do(func() { labels, _, _ = verbs.Default() })
	if labels != nil {
		if c, ok := labels.Get(code); ok && c.Label != "" {
			return c.Label
		}
	}
	return code
}

type country struct{ fips, name string }

// countries maps ISO 3166 alpha-3 codes to FIPS 10-4 codes (GDELT's geo
// columns) and English names (ICEWS's country columns).
var countries = func() map[string]country {
	m := map[string]country{}
	for _, line := range strings.Split(strings.TrimSpace(countryTable), "\n") {
		iso, rest, _ := strings.Cut(line, " ")
		fips, name, _ := strings.Cut(rest, " ")
		m[iso] = country{fips, name}
	}
	return m
}()

func fips(iso3 string) string { return countries[iso3].fips }

// isOrg reports whether an actor's country part names a kind of
// organisation rather than a country.
func isOrg(c string) bool { return c == "IGO" || c == "NGO" || c == "MNC" }

func countryName(iso3 string) string {
	if isOrg(iso3) {
		return ""
	}
	if c, ok := countries[iso3]; ok {
		return c.name
	}
	return iso3
}

// countryTable: ISO3 FIPS name.
const countryTable = `
AFG AF Afghanistan
ALB AL Albania
DZA AG Algeria
AND AN Andorra
AGO AO Angola
ATG AC Antigua and Barbuda
ARG AR Argentina
ARM AM Armenia
AUS AS Australia
AUT AU Austria
AZE AJ Azerbaijan
BHS BF Bahamas
BHR BA Bahrain
BGD BG Bangladesh
BRB BB Barbados
BLR BO Belarus
BEL BE Belgium
BLZ BH Belize
BEN BN Benin
BTN BT Bhutan
BOL BL Bolivia
BIH BK Bosnia and Herzegovina
BWA BC Botswana
BRA BR Brazil
BRN BX Brunei
BGR BU Bulgaria
BFA UV Burkina Faso
BDI BY Burundi
KHM CB Cambodia
CMR CM Cameroon
CAN CA Canada
CPV CV Cape Verde
CAF CT Central African Republic
TCD CD Chad
CHL CI Chile
CHN CH China
COL CO Colombia
COM CN Comoros
COG CF Republic of the Congo
COD CG Democratic Republic of the Congo
CRI CS Costa Rica
CIV IV Cote d'Ivoire
HRV HR Croatia
CUB CU Cuba
CYP CY Cyprus
CZE EZ Czech Republic
DNK DA Denmark
DJI DJ Djibouti
DMA DO Dominica
DOM DR Dominican Republic
ECU EC Ecuador
EGY EG Egypt
SLV ES El Salvador
GNQ EK Equatorial Guinea
ERI ER Eritrea
EST EN Estonia
SWZ WZ Eswatini
ETH ET Ethiopia
FJI FJ Fiji
FIN FI Finland
FRA FR France
GAB GB Gabon
GMB GA Gambia
GEO GG Georgia
DEU GM Germany
GHA GH Ghana
GRC GR Greece
GRD GJ Grenada
GTM GT Guatemala
GIN GV Guinea
GNB PU Guinea-Bissau
GUY GY Guyana
HTI HA Haiti
HND HO Honduras
HUN HU Hungary
ISL IC Iceland
IND IN India
IDN ID Indonesia
IRN IR Iran
IRQ IZ Iraq
IRL EI Ireland
ISR IS Israel
ITA IT Italy
JAM JM Jamaica
JPN JA Japan
JOR JO Jordan
KAZ KZ Kazakhstan
KEN KE Kenya
KIR KR Kiribati
PRK KN North Korea
KOR KS South Korea
KWT KU Kuwait
KGZ KG Kyrgyzstan
LAO LA Laos
LVA LG Latvia
LBN LE Lebanon
LSO LT Lesotho
LBR LI Liberia
LBY LY Libya
LIE LS Liechtenstein
LTU LH Lithuania
LUX LU Luxembourg
MDG MA Madagascar
MWI MI Malawi
MYS MY Malaysia
MDV MV Maldives
MLI ML Mali
MLT MT Malta
MHL RM Marshall Islands
MRT MR Mauritania
MUS MP Mauritius
MEX MX Mexico
FSM FM Micronesia
MDA MD Moldova
MCO MN Monaco
MNG MG Mongolia
MNE MJ Montenegro
MAR MO Morocco
MOZ MZ Mozambique
MMR BM Myanmar
NAM WA Namibia
NRU NR Nauru
NPL NP Nepal
NLD NL Netherlands
NZL NZ New Zealand
NIC NU Nicaragua
NER NG Niger
NGA NI Nigeria
MKD MK North Macedonia
NOR NO Norway
OMN MU Oman
PAK PK Pakistan
PLW PS Palau
PSE WE Occupied Palestinian Territory
PAN PM Panama
PNG PP Papua New Guinea
PRY PA Paraguay
PER PE Peru
PHL RP Philippines
POL PL Poland
PRT PO Portugal
QAT QA Qatar
ROU RO Romania
RUS RS Russian Federation
RWA RW Rwanda
KNA SC Saint Kitts and Nevis
LCA ST Saint Lucia
VCT VC Saint Vincent and the Grenadines
WSM WS Samoa
SMR SM San Marino
STP TP Sao Tome and Principe
SAU SA Saudi Arabia
SEN SG Senegal
SRB RI Serbia
SYC SE Seychelles
SLE SL Sierra Leone
SGP SN Singapore
SVK LO Slovakia
SVN SI Slovenia
SLB BP Solomon Islands
SOM SO Somalia
ZAF SF South Africa
SSD OD South Sudan
ESP SP Spain
LKA CE Sri Lanka
SDN SU Sudan
SUR NS Suriname
SWE SW Sweden
CHE SZ Switzerland
SYR SY Syria
TWN TW Taiwan
TJK TI Tajikistan
TZA TZ Tanzania
THA TH Thailand
TLS TT Timor-Leste
TGO TO Togo
TON TN Tonga
TTO TD Trinidad and Tobago
TUN TS Tunisia
TUR TU Turkey
TKM TX Turkmenistan
TUV TV Tuvalu
UGA UG Uganda
UKR UP Ukraine
ARE AE United Arab Emirates
GBR UK United Kingdom
USA US United States
URY UY Uruguay
UZB UZ Uzbekistan
VUT NH Vanuatu
VAT VT Holy See
VEN VE Venezuela
VNM VM Vietnam
YEM YM Yemen
ZMB ZA Zambia
ZWE ZI Zimbabwe
XKX KV Kosovo
HKG HK Hong Kong
MAC MC Macau
PRI RQ Puerto Rico
GRL GL Greenland
ESH WI Western Sahara
`
