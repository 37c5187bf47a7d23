// Package feeds polls RSS and Atom feeds and turns new items into
// articles: conditional GET (ETag, Last-Modified) so an unchanged feed
// costs one 304, exponential backoff on errors, HTML reduced to text.
package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"
	"time"
)

// Item is one entry of a feed.
type Item struct {
	ID        string // guid / id, else the link
	Title     string
	Link      string
	Published time.Time // zero when the feed gives no date
	Content   string    // full content if given, else the summary (may be HTML)
}

// Feed is a parsed RSS 2.0 or Atom document.
type Feed struct {
	Title string
	Items []Item
}

type rssDoc struct {
	Channel struct {
		Title string `xml:"title"`
		Items []struct {
			Title       string `xml:"title"`
			Link        string `xml:"link"`
			GUID        string `xml:"guid"`
			PubDate     string `xml:"pubDate"`
			Date        string `xml:"http://purl.org/dc/elements/1.1/ date"`
			Description string `xml:"description"`
			Encoded     string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
		} `xml:"item"`
	} `xml:"channel"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
}

type atomDoc struct {
	Title   string `xml:"title"`
	Entries []struct {
		ID        string     `xml:"id"`
		Title     string     `xml:"title"`
		Links     []atomLink `xml:"link"`
		Published string     `xml:"published"`
		Updated   string     `xml:"updated"`
		Summary   string     `xml:"summary"`
		Content   string     `xml:"content"`
	} `xml:"entry"`
}

// Parse reads an RSS 2.0 or Atom document.
func Parse(data []byte) (Feed, error) {
	// Not strict: real feeds carry HTML entities and stray ampersands.
	// (No HTML auto-closing: RSS's <link> has content.)
	decode := func(v any) error {
		d := xml.NewDecoder(bytes.NewReader(data))
		d.Strict, d.Entity = false, xml.HTMLEntity
		return d.Decode(v)
	}
	var root struct{ XMLName xml.Name }
	if err := decode(&root); err != nil {
		return Feed{}, fmt.Errorf("feeds: not XML: %w", err)
	}
	var f Feed
	switch root.XMLName.Local {
	case "rss":
		var doc rssDoc
		if err := decode(&doc); err != nil {
			return f, fmt.Errorf("feeds: RSS: %w", err)
		}
		f.Title = strings.TrimSpace(doc.Channel.Title)
		for _, it := range doc.Channel.Items {
			content := it.Encoded
			if strings.TrimSpace(content) == "" {
				content = it.Description
			}
			date := it.PubDate
			if date == "" {
				date = it.Date
			}
			f.Items = append(f.Items, item(it.GUID, it.Title, it.Link, date, content))
		}
	case "feed":
		var doc atomDoc
		if err := decode(&doc); err != nil {
			return f, fmt.Errorf("feeds: Atom: %w", err)
		}
		f.Title = strings.TrimSpace(doc.Title)
		for _, e := range doc.Entries {
			link := ""
			for _, l := range e.Links {
				if l.Rel == "" || l.Rel == "alternate" {
					link = l.Href
					break
				}
			}
			content := e.Content
			if strings.TrimSpace(content) == "" {
				content = e.Summary
			}
			date := e.Published
			if date == "" {
				date = e.Updated
			}
			f.Items = append(f.Items, item(e.ID, e.Title, link, date, content))
		}
	default:
		return f, fmt.Errorf("feeds: <%s> is neither RSS nor Atom", root.XMLName.Local)
	}
	return f, nil
}

func item(id, title, link, date, content string) Item {
	it := Item{ID: strings.TrimSpace(id), Title: strings.TrimSpace(title), Link: strings.TrimSpace(link),
		Content: strings.TrimSpace(content)}
	if it.ID == "" {
		it.ID = it.Link
	}
	it.Published, _ = parseTime(strings.TrimSpace(date))
	return it
}

// timeLayouts are the date forms seen in feeds: RFC 822/1123 variants
// for RSS, RFC 3339 for Atom and Dublin Core.
var timeLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04 -0700", time.RFC822Z, time.RFC822,
	"2006-01-02T15:04:05", "2006-01-02",
}

func parseTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
