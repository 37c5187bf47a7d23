package output

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// PLOVER JSONL with POLECAT's field names, one event per line. The
// field-by-field mapping is in docs/store.md ("Exports").

func init() { register("plover", newPLOVER) }

// ploverEvent is one record. Field order follows POLECAT's data
// dictionary: event, actors, location, provenance.
type ploverEvent struct {
	ID             string   `json:"id"`
	EventDate      string   `json:"event_date"`
	DatePrecision  string   `json:"date_precision"`
	EventType      string   `json:"event_type"`
	Mode           string   `json:"mode"`
	Context        []string `json:"context"`
	EventIntensity float64  `json:"event_intensity"`
	QuadCode       int      `json:"quad_code"`
	CAMEOCode      string   `json:"cameo_code"`

	Actor            string   `json:"actor"`
	ActorRaw         string   `json:"actor_name_raw"`
	ActorCountry     string   `json:"actor_country"`
	ActorRole        string   `json:"actor_role"`
	ActorSectors     []string `json:"actor_sectors"`
	Recipient        string   `json:"recipient"`
	RecipientRaw     string   `json:"recipient_name_raw"`
	RecipientCountry string   `json:"recipient_country"`
	RecipientRole    string   `json:"recipient_role"`
	RecipientSectors []string `json:"recipient_sectors"`

	Placename  string   `json:"placename"`
	City       string   `json:"city"`
	Province   string   `json:"province"`
	Country    string   `json:"country"`
	Latitude   *float64 `json:"latitude"`
	Longitude  *float64 `json:"longitude"`
	GeonamesID int64    `json:"geonames_id,omitempty"`
	Feature    string   `json:"feature_type"`

	StoryID    string  `json:"story_id"`
	SentenceID int     `json:"sentence_id"`
	SourceText string  `json:"source_text"`
	Trigger    string  `json:"trigger"`
	ClaimedBy  *string `json:"claimed_by"`
	Denies     *string `json:"denies"`
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

func (p *ploverWriter) Write(e *event.Event) error {
	r := ploverEvent{
		ID: e.ID, EventDate: e.Date, DatePrecision: e.DatePrecision,
		EventType: strings.ToUpper(e.Plover), Mode: strings.ToLower(e.PloverMode), Context: []string{},
		EventIntensity: e.Goldstein, QuadCode: e.QuadClass, CAMEOCode: e.Code,
		Actor: e.Source.Code, ActorRaw: e.Source.Text, ActorCountry: e.Source.Country,
		ActorSectors: nonNil(sectorNames(e.Source)),
		Recipient:    e.Target.Code, RecipientRaw: e.Target.Text, RecipientCountry: e.Target.Country,
		RecipientSectors: nonNil(sectorNames(e.Target)),
		StoryID:          e.DocID, SentenceID: e.SentenceIndex, SourceText: e.Sentence, Trigger: e.Trigger.Text,
		ClaimedBy: e.ClaimedBy, Denies: e.Denies,
	}
	if s := r.ActorSectors; len(s) > 0 {
		r.ActorRole = s[0]
	}
	if s := r.RecipientSectors; len(s) > 0 {
		r.RecipientRole = s[0]
	}
	if l := e.Location; l != nil {
		r.Placename, r.Country, r.GeonamesID, r.Feature = l.Text, l.Country, l.GeonameID, l.Precision
		switch l.Precision {
		case "city":
			r.City, r.Province = l.Name, l.Admin1
		case "admin1":
			r.Province = l.Name
		}
		lat, lon := l.Lat, l.Lon
		r.Latitude, r.Longitude = &lat, &lon
	}
	return p.enc.Encode(&r)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (p *ploverWriter) Close() error { return p.w.Flush() }
