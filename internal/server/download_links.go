package server

import "net/url"

// downloadLink is one download button of a dashboard view: the API's
// format= download of the rows the view shows.
type downloadLink struct {
	Label, Href string
}

// downloadLinks lists the downloads of the events and incidents an API
// query selects: events as CSV, JSONL, GDELT and PLOVER, incidents as
// CSV and JSONL. q is not changed.
func downloadLinks(q url.Values) []downloadLink {
	return append(eventDownloads(q), apiDownloads("incidents", q, "csv", "incidents CSV", "jsonl", "incidents JSONL")...)
}

// eventDownloads lists the event downloads only.
func eventDownloads(q url.Values) []downloadLink {
	return apiDownloads("events", q, "csv", "events CSV", "jsonl", "events JSONL", "gdelt", "GDELT", "plover", "PLOVER")
}

// apiDownloads makes the links to /api/v1/PATH?q&format=F for each
// pair of format and label.
func apiDownloads(path string, q url.Values, formatLabel ...string) []downloadLink {
	var out []downloadLink
	for i := 0; i+1 < len(formatLabel); i += 2 {
		v := url.Values{}
		for k, x := range q {
			v[k] = x
		}
		v.Set("format", formatLabel[i])
		out = append(out, downloadLink{Label: formatLabel[i+1], Href: "/api/v1/" + path + "?" + v.Encode()})
	}
	return out
}
