package demo

import (
	"strings"

	"github.com/flashpoint/flashpoint/internal/event"
)

// SeedID is the hand-written re-telling of the seed report's situation:
// the Azerbaijan-Armenia border shooting of 1 April 2024, in our own words.
const SeedID = "demo-2024-04-02-aze-arm-border"

// handItem is a hand-written article with the happenings it reports.
type handItem struct {
	art    event.Article
	events []TrueEvent
}

// handItems are written for the demo, not copied from any report.
var handItems = []handItem{
	{event.Article{ID: SeedID, Date: "2024-04-02", Source: "Caspian Wire",
		Title: "Azerbaijan and Armenia trade blame over border shooting",
		Text: strings.Join([]string{
			"Azerbaijan accused Armenian troops of opening fire on its positions along the border on Monday, the latest flare-up between the two neighbours while peace talks drag on.",
			"Azerbaijan's defence ministry said Armenian forces fired small arms near Nakhchivan.",
			"Armenia's defence ministry denied the claim and accused Azerbaijan of shooting first.",
			"\n\nHow the dispute began\n\nIn 2020, Azerbaijan and Armenia fought a six-week war over Karabakh.",
			"Talks on a peace treaty have made slow progress since then.",
			"\n\nThe United States urged Azerbaijan and Armenia to show restraint.",
		}, " ")},
		[]TrueEvent{
			{SeedID, "2024-04-01", "ARM", "AZE", "material", true, true},
			{SeedID, "2024-04-01", "AZE", "ARM", "verbal", false, false},
			{SeedID, "2024-04-02", "ARM", "AZE", "verbal", false, false},
			{SeedID, "2020", "AZE", "ARM", "background", false, false},
		}},
	// Two other outlets report the seed's shooting in their own words:
	// the happening rests on three independent reports.
	{event.Article{ID: "demo-2024-04-02-aze-arm-nakhchivan", Date: "2024-04-02", Source: "Harbor Times",
		Title: "Azerbaijan says Armenian troops opened fire near Nakhchivan",
		Text: strings.Join([]string{
			"Armenian troops opened fire on Azerbaijani positions near Nakhchivan on Monday, according to Azerbaijan's defence ministry.",
			"Officials did not give further details.",
		}, " ")},
		[]TrueEvent{
			{"demo-2024-04-02-aze-arm-nakhchivan", "2024-04-01", "ARM", "AZE", "material", true, false},
		}},
	{event.Article{ID: "demo-2024-04-02-aze-arm-positions", Date: "2024-04-02", Source: "Global Desk",
		Title: "Baku reports attack on its border positions",
		Text: strings.Join([]string{
			"Armenian soldiers attacked Azerbaijani positions near Nakhchivan on Monday, Azerbaijani officials said.",
			"Independent verification was not possible.",
		}, " ")},
		[]TrueEvent{
			{"demo-2024-04-02-aze-arm-positions", "2024-04-01", "ARM", "AZE", "material", true, false},
		}},
	{event.Article{ID: "demo-2024-04-02-aze-arm-followup", Date: "2024-04-02", Source: "Meridian News",
		Title: "Shots exchanged on Armenia-Azerbaijan frontier",
		Text: strings.Join([]string{
			"Azerbaijani forces shelled Armenian positions near Sotk on Monday, Armenian officials said.",
			"Armenia accused Azerbaijan of provoking tensions.",
			"Baku said its troops had only returned fire.",
		}, " ")},
		[]TrueEvent{
			{"demo-2024-04-02-aze-arm-followup", "2024-04-01", "AZE", "ARM", "material", false, false},
			{"demo-2024-04-02-aze-arm-followup", "2024-04-02", "ARM", "AZE", "verbal", false, false},
		}},
	{event.Article{ID: "demo-2024-04-03-aze-arm-night", Date: "2024-04-03", Source: "Northern Ledger",
		Title: "New night of gunfire on the Armenia-Azerbaijan border",
		Text: strings.Join([]string{
			"Armenian forces shelled Azerbaijani positions near Tegh on Tuesday.",
			"Azerbaijan threatened Armenia over the dispute.",
			"Neither side published casualty figures.",
		}, " ")},
		[]TrueEvent{
			{"demo-2024-04-03-aze-arm-night", "2024-04-02", "ARM", "AZE", "material", false, false},
			{"demo-2024-04-03-aze-arm-night", "2024-04-03", "AZE", "ARM", "verbal", false, false},
		}},
	{event.Article{ID: "demo-2024-04-20-aze-arm-border-deal", Date: "2024-04-20", Source: "Global Desk",
		Title: "Armenia and Azerbaijan agree on a first stretch of border",
		Text: strings.Join([]string{
			"Armenia and Azerbaijan signed an agreement on the border in Baku.",
			"Officials did not give further details.",
		}, " ")},
		[]TrueEvent{
			{"demo-2024-04-20-aze-arm-border-deal", "2024-04-20", "ARM", "AZE", "cooperation", false, false},
		}},
}

// handWritten adds the hand-written items.
func (g *gen) handWritten() {
	for _, h := range handItems {
		a := h.art
		a.URL = "https://example.org/flashpoint-demo/" + a.ID
		g.arts = append(g.arts, a)
		g.truth.Events = append(g.truth.Events, h.events...)
	}
	g.truth.Seed = SeedID
}
