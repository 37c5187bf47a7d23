package store

import (
	"database/sql"
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// eventColumns lists the events table's columns in the order of
// eventArgs and scanEvent. Explain, Clause and actor Entries are
// pipeline diagnostics and are not stored.
var eventColumns = []string{
	"id", "doc_id",
	"source_code", "source_country", "source_text", "source_start", "source_end",
	"target_code", "target_country", "target_text", "target_start", "target_end",
	"code", "root", "quad_class", "goldstein", "plover", "plover_mode",
	"date", "date_precision", "date_text", "background",
	"loc_text", "loc_name", "loc_geonameid", "loc_lat", "loc_lon", "loc_country", "loc_admin1", "loc_precision", "loc_confidence",
	"claimed_by", "denies", "assertion", "confidence",
	"sentence_index", "sentence", "trigger_text", "trigger_start", "trigger_end",
	"incident_id",
}

var eventColumnList = strings.Join(eventColumns, ", ")

// prefixed returns the column list qualified with a table alias.
func prefixed(alias string, cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = alias + "." + c
	}
	return strings.Join(q, ", ")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

func nullString(p *string) sql.NullString {
	if p == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: *p, Valid: true}
}

// eventArgs returns the insert arguments of e in eventColumns order.
func eventArgs(e *event.Event, docID string, incident int64) []any {
	args := []any{
		e.ID, docID,
		e.Source.Code, e.Source.Country, e.Source.Text, e.Source.Start, e.Source.End,
		e.Target.Code, e.Target.Country, e.Target.Text, e.Target.Start, e.Target.End,
		e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, e.PloverMode,
		e.Date, e.DatePrecision, e.DateText, e.Background,
	}
	if l := e.Location; l != nil {
		args = append(args, l.Text, l.Name, l.GeonameID, l.Lat, l.Lon, l.Country, l.Admin1, l.Precision, l.Confidence)
	} else {
		args = append(args, nil, nil, nil, nil, nil, nil, nil, nil, nil)
	}
	inc := sql.NullInt64{Int64: incident, Valid: incident > 0}
	return append(args, nullString(e.ClaimedBy), nullString(e.Denies), e.Assertion, e.Confidence,
		e.SentenceIndex, e.Sentence, e.Trigger.Text, e.Trigger.Start, e.Trigger.End, inc)
}

// scanEvent reads one row of eventColumns, then into after (if any),
// and returns the Event and the row's incident id (0 when none).
func scanEvent(rows *sql.Rows, after ...any) (event.Event, int64, error) {
	var (
		e                            event.Event
		locText, locName, locCountry sql.NullString
		locAdmin1, locPrecision      sql.NullString
		locGeo                       sql.NullInt64
		locLat, locLon, locConf      sql.NullFloat64
		claimed, denies              sql.NullString
		incident                     sql.NullInt64
	)
	err := rows.Scan(append([]any{
		&e.ID, &e.DocID,
		&e.Source.Code, &e.Source.Country, &e.Source.Text, &e.Source.Start, &e.Source.End,
		&e.Target.Code, &e.Target.Country, &e.Target.Text, &e.Target.Start, &e.Target.End,
		&e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &e.PloverMode,
		&e.Date, &e.DatePrecision, &e.DateText, &e.Background,
		&locText, &locName, &locGeo, &locLat, &locLon, &locCountry, &locAdmin1, &locPrecision, &locConf,
		&claimed, &denies, &e.Assertion, &e.Confidence,
		&e.SentenceIndex, &e.Sentence, &e.Trigger.Text, &e.Trigger.Start, &e.Trigger.End,
		&incident,
	}, after...)...)
	if err != nil {
		return e, 0, err
	}
	if locPrecision.Valid {
		e.Location = &event.Location{
			Text: locText.String, Name: locName.String, GeonameID: locGeo.Int64,
			Lat: locLat.Float64, Lon: locLon.Float64, Country: locCountry.String,
			Admin1: locAdmin1.String, Precision: locPrecision.String, Confidence: locConf.Float64,
		}
	}
	if claimed.Valid {
		e.ClaimedBy = &claimed.String
	}
	if denies.Valid {
		e.Denies = &denies.String
	}
	return e, incident.Int64, nil
}
