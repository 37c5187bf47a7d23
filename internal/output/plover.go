package output

import (
	"bufio"
	"encoding/json"
	"github.com/flashpoint/flashpoint/internal/verbs"
	"io"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// PLOVER JSONL, one event per line, with the field names of the PLOVER
// manual's JSON tables (PLOVER JSON, entity, location, text and
// citation objects). Event type, mode and context come from the
// official CAMEO to PLOVER table (plover_table.go). Fields the manual
// does not define but invites ("providers should feel free to include
// named fields beyond those provided here") are marked below.

func init() { register("plover", newPLOVER) }

type ploverEvent struct {
	ID         string         `json:"id"`
	Date       string         `json:"date"` // YYYY-MM-DD; a coarser date is its first day
	Actor      []ploverEntity `json:"actor"`
	Recipient  []ploverEntity `json:"recipient,omitempty"`
	Event      []string       `json:"event"`
	Mode       []string       `json:"mode"`
	Context    []string       `json:"context"`
	EventLoc   *ploverLoc     `json:"event_loc,omitempty"`
	EventText  []string       `json:"event_text"`
	QuadCode   int            `json:"quad_code"`
	EventScale float64        `json:"event_scale"` // Goldstein
	Text       string         `json:"text"`
	TextInfo   ploverTextInfo `json:"text_info"`
	CiteInfo   ploverCite     `json:"cite_info"`
	Coder      string         `json:"coder"`
	CodedDate  string         `json:"coded_date,omitempty"`

	// Extensions: the precision of Date, the CAMEO code, and how the
	// text puts the event.
	DatePrecision string   `json:"date_precision,omitempty"`
	Background    bool     `json:"background"`
	CAMEOCode     string   `json:"cameo_code"`
	Assertion     string   `json:"assertion,omitempty"`
	Confidence    *float64 `json:"confidence,omitempty"`
	ClaimedBy     *string  `json:"claimed_by,omitempty"`
	Denies        *string  `json:"denies,omitempty"`
}

// ploverEntity is the manual's entity object.
type ploverEntity struct {
	Code       string `json:"code"`             // 3-character country or organisation type
	Sector     string `json:"sector,omitempty"` // 3 or 6 characters: GOV, GOVMIL
	EntityText string `json:"entity_text"`
	CAMEO      string `json:"cameo_actor"` // extension: the full CAMEO actor code
}

// ploverLoc is the manual's location object.
type ploverLoc struct {
	ExtractedPlace string   `json:"extracted_place"`
	ResolvedPlace  string   `json:"resolved_place"`
	GeonameID      int64    `json:"geonameid,omitempty"`
	Lat            *float64 `json:"lat,omitempty"` // none for a place no gazetteer holds
	Lon            *float64 `json:"lon,omitempty"`
	City           string   `json:"city,omitempty"`
	Province       string   `json:"province,omitempty"`
	Country        string   `json:"country,omitempty"`
	CountryCode    string   `json:"country_code"`
	Resolution     int      `json:"resolution"` // 4 city, 2 province, 1 country
}

type ploverTextInfo struct {
	Sequence int `json:"sequence"` // 0-based sentence number
	Start    int `json:"start"`    // trigger, in characters of the sentence
	End      int `json:"end"`
}

type ploverCite struct {
	Citation    string `json:"citation"` // the article id
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Publication string `json:"publication,omitempty"`
	Language    string `json:"language"`
	Codebook    string `json:"codebook"`
}

type ploverWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

func newPLOVER(w io.Writer) Writer {
	b := bufio.NewWriter(w)
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	return &ploverWriter{w: b, enc: enc}
}

func (p *ploverWriter) Write(e *event.Event) error { return p.WriteMeta(e, &Meta{}) }

func (p *ploverWriter) WriteMeta(ev *event.Event, m *Meta) error {
	e := Public(ev)
	r := ploverEvent{
		ID: e.ID, Actor: []ploverEntity{ploverActor(e.Source)},
		Event: []string{strings.ToUpper(e.Plover)}, Mode: []string{}, Context: []string{},
		EventText: []string{e.Trigger.Text}, QuadCode: e.QuadClass, EventScale: e.Goldstein,
		Text: e.Sentence, TextInfo: ploverTextInfo{e.SentenceIndex, e.Trigger.Start, e.Trigger.End},
		CiteInfo: ploverCite{Citation: e.DocID, URL: m.URL, Title: m.Title, Publication: m.Publisher,
			Language: "en", Codebook: "CAMEO2PLOVER-2021"},
		Coder: "flashpoint", DatePrecision: e.DatePrecision, Background: e.Background, CAMEOCode: e.Code,
		Assertion: e.Assertion, ClaimedBy: e.ClaimedBy, Denies: e.Denies,
	}
	if e.Confidence > 0 {
		c := e.Confidence
		r.Confidence = &c
	}
	if t, ok := eventDay(e.Date); ok {
		r.Date = t.Format(time.DateOnly)
	}
	if !m.Added.IsZero() {
		r.CodedDate = m.Added.UTC().Format(time.DateOnly)
	}
	if e.Target.Code != "" {
		r.Recipient = []ploverEntity{ploverActor(e.Target)}
	}
	if c, ok := verbs.PloverOf(e.Code); ok {
		r.Event[0] = c.Type
		if c.Mode != "" {
			r.Mode = append(r.Mode, c.Mode)
		}
		r.Context = append(r.Context, c.Contexts...)
	}
	if l := e.Location; l != nil {
		loc := &ploverLoc{ExtractedPlace: l.Text, ResolvedPlace: l.Name, GeonameID: l.GeonameID,
			Country: countryName(l.Country), CountryCode: l.Country, Resolution: 1}
		if l.Precision != "named" {
			lat, lon := l.Lat, l.Lon
			loc.Lat, loc.Lon = &lat, &lon
		}
		switch l.Precision {
		case "city":
			loc.City, loc.Province, loc.Resolution = l.Name, l.Admin1, 4
		case "admin1":
			loc.Province, loc.Resolution = l.Name, 2
		}
		r.EventLoc = loc
	}
	return p.enc.Encode(&r)
}

func ploverActor(a event.Actor) ploverEntity {
	roles := roleCodes(a)
	if isOrg(a.Country) && len(roles) > 0 {
		roles = roles[1:] // IGOUNO: the organisation's own code is no sector
	}
	sector := strings.Join(roles, "")
	if len(sector) > 6 {
		sector = sector[:6]
	}
	return ploverEntity{Code: a.Country, Sector: sector, EntityText: a.Text, CAMEO: a.Code}
}

func (p *ploverWriter) Close() error { return p.w.Flush() }
