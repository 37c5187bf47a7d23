package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/event"
)

// Truth is what the generator put in the corpus.
type Truth struct {
	Start    string      `json:"start"`
	End      string      `json:"end"`
	Dyads    []TruthDyad `json:"dyads"`
	Episodes []Episode   `json:"episodes"`
	Events   []TrueEvent `json:"events"`
	Copies   []Copy      `json:"copies"` // near-duplicate wire copies
	// Seed is the id of the hand-written re-telling of the seed report.
	Seed string `json:"seed"`
}

// TruthDyad is one planned dyad.
type TruthDyad struct {
	Dyad      string `json:"dyad"` // A-B as planned
	Continent string `json:"continent"`
	Quiet     bool   `json:"quiet"`
}

// TrueEvent is one happening an article reports.
type TrueEvent struct {
	Article string `json:"article"`
	Day     string `json:"day"` // when it happened
	Source  string `json:"source"`
	Target  string `json:"target"`
	Kind    string `json:"kind"` // material, verbal, cooperation, background
	Claimed bool   `json:"claimed,omitempty"`
	Denied  bool   `json:"denied,omitempty"`
}

// Copy records a wire copy of an earlier article.
type Copy struct {
	Article string `json:"article"`
	Of      string `json:"of"`
}

// Generate writes the corpus: deterministic for a given seed.
func Generate(seed uint64) ([]event.Article, Truth) {
	g := &gen{rng: rand.New(rand.NewPCG(seed, 0x666c)), truth: Truth{
		Start: corpusStart.Format(time.DateOnly), End: corpusEnd.Format(time.DateOnly), Episodes: episodes}}
	for _, p := range plans {
		g.truth.Dyads = append(g.truth.Dyads, TruthDyad{p.A.Code + "-" + p.B.Code, p.Continent, p.Quiet})
	}
	for d := corpusStart; !d.After(corpusEnd); d = d.AddDate(0, 0, 1) {
		for i := range plans {
			g.day(&plans[i], d)
		}
	}
	g.handWritten()
	sort.SliceStable(g.arts, func(i, j int) bool { return g.arts[i].Date < g.arts[j].Date })
	return g.arts, g.truth
}

type gen struct {
	rng   *rand.Rand
	arts  []event.Article
	truth Truth
	n     int
	burst int // escalation reports written so far: rotates their templates
}

// factor is the planned multiplier of a dyad's conflict on day d.
func factor(p *dyadPlan, d time.Time) float64 {
	day := d.Format(time.DateOnly)
	for _, e := range episodes {
		if e.Dyad == p.A.Code+"-"+p.B.Code && day >= e.Start && day <= e.End {
			return e.Factor
		}
	}
	return 1
}

func (g *gen) poisson(l float64) int {
	L, k, p := math.Exp(-l), 0, 1.0
	for {
		p *= g.rng.Float64()
		if p <= L {
			return k
		}
		k++
	}
}

func (g *gen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

// day writes the articles about what happened between a dyad on day d
// (published the next day).
func (g *gen) day(p *dyadPlan, d time.Time) {
	f := factor(p, d)
	coop := p.Coop
	if f < 1 {
		coop *= 3 // de-escalation: more talks
	}
	for range g.poisson(p.Material * f) {
		g.article(p, d, "material")
	}
	if f > 1 {
		// An escalation is many distinct happenings, not one told many
		// times: every day two more, each a different kind of attack
		// (CAMEO root), place and direction, filed by different outlets,
		// so the store keeps them apart as incidents.
		for range burstPerDay {
			g.article(p, d, "escalation")
		}
	}
	for range g.poisson(p.Verbal * min(f, 4)) {
		g.article(p, d, "verbal")
	}
	for range g.poisson(coop) {
		g.article(p, d, "cooperation")
	}
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// article writes one report of a happening of the given kind on day d.
func (g *gen) article(p *dyadPlan, d time.Time, kind string) {
	x, y := p.A, p.B
	if g.rng.IntN(2) == 0 {
		x, y = y, x
	}
	wd := d.Weekday().String()
	day := d.Format(time.DateOnly)
	g.n++
	id := fmt.Sprintf("demo-%s-%s-%04d", day, strings.ToLower(p.A.Code+p.B.Code), g.n)
	var sents []string
	var title string
	ev := func(src, tgt country, k string, claimed, denied bool) {
		g.truth.Events = append(g.truth.Events, TrueEvent{id, day, src.Code, tgt.Code, k, claimed, denied})
	}
	switch kind {
	case "material":
		places := x.Places
		if len(places) == 0 {
			places = y.Places
		}
		place := g.pick(places)
		if g.rng.IntN(2) == 0 {
			sents = append(sents, fmt.Sprintf("%s forces shelled %s positions near %s on %s.", x.Adj, y.Adj, place, wd))
			title = fmt.Sprintf("%s forces shell %s positions", x.Adj, y.Adj)
			ev(x, y, "material", false, false)
		} else {
			sents = append(sents, fmt.Sprintf("%s accused %s of shelling its positions near %s on %s.", capital(y.Name), x.Name, place, wd))
			title = fmt.Sprintf("%s accuses %s of shelling", capital(y.Name), x.Name)
			ev(y, x, "verbal", false, false)
			denied := g.rng.IntN(3) > 0
			if denied {
				sents = append(sents, fmt.Sprintf("%s denied the accusation.", capital(x.Name)))
			}
			ev(x, y, "material", true, denied)
		}
	case "escalation":
		t := escalationTemplates[g.burst%len(escalationTemplates)]
		if g.burst%2 == 1 {
			x, y = y, x
		}
		places := x.Places
		if len(places) == 0 {
			places = y.Places
		}
		place := places[(g.burst/2)%len(places)]
		g.burst++
		if t.mobilise {
			sents = append(sents, fmt.Sprintf(t.text, capital(x.Name), y.Name, wd))
		} else {
			sents = append(sents, fmt.Sprintf(t.text, x.Adj, y.Adj, place, wd))
		}
		title = fmt.Sprintf(t.title, x.Adj, y.Adj)
		ev(x, y, "material", false, false)
	case "verbal":
		if g.rng.IntN(2) == 0 {
			sents = append(sents, fmt.Sprintf("%s accused %s of provoking tensions.", capital(x.Name), y.Name))
			title = fmt.Sprintf("%s accuses %s of provocation", capital(x.Name), y.Name)
		} else {
			sents = append(sents, fmt.Sprintf("%s threatened %s over the dispute.", capital(x.Name), y.Name))
			title = fmt.Sprintf("%s warns %s", capital(x.Name), y.Name)
		}
		ev(x, y, "verbal", false, false)
	default:
		switch g.rng.IntN(3) {
		case 0:
			sents = append(sents, fmt.Sprintf("%s and %s held talks in %s.", capital(x.Name), y.Name, x.City))
		case 1:
			sents = append(sents, fmt.Sprintf("%s and %s signed an agreement on trade in %s.", capital(x.Name), y.Name, x.City))
		default:
			sents = append(sents, fmt.Sprintf("The foreign ministers of %s and %s met in %s on %s.", x.Name, y.Name, x.City, wd))
		}
		title = fmt.Sprintf("%s and %s talk", capital(x.Name), y.Name)
		ev(x, y, "cooperation", false, false)
	}
	sents = append(sents, g.pick(fillers))
	if !p.Quiet && g.rng.IntN(3) == 0 {
		// A background paragraph: an old war, which must never count.
		yr := 1992 + g.rng.IntN(29)
		sents = append(sents, "\n\n"+fmt.Sprintf("In %d, %s and %s fought a war over the border.", yr, x.Name, y.Name))
		ev(x, y, "background", false, false)
	}
	sents = append(sents, g.pick(fillers2))
	// A filing line keeps two stories from one template from being the
	// same text (the store would drop the second as an exact duplicate).
	sents = append(sents, fmt.Sprintf("This report was filed from %s on %s.", g.pick([]string{x.City, y.City}), d.AddDate(0, 0, 1).Format("January 2")))
	text := strings.Join(sents, " ")
	text = strings.ReplaceAll(text, " \n\n", "\n\n")
	pub := d.AddDate(0, 0, 1).Format(time.DateOnly)
	wire := g.pick(wires)
	if kind == "escalation" {
		wire = wires[g.burst%len(wires)] // outlets in turn
	}
	a := event.Article{ID: id, Date: pub, Title: title, Text: text, Source: wire,
		URL: "https://example.org/flashpoint-demo/" + id}
	g.arts = append(g.arts, a)
	if g.rng.IntN(8) == 0 {
		// A wire copy: same story, another outlet, one word edited.
		c := a
		c.ID = id + "-copy"
		c.Source = wires[(indexOf(wires, wire)+1)%len(wires)]
		c.Text = strings.Replace(a.Text, "This report was filed", "This story was filed", 1)
		c.URL = "https://example.org/flashpoint-demo/" + c.ID
		g.arts = append(g.arts, c)
		g.truth.Copies = append(g.truth.Copies, Copy{c.ID, id})
	}
}

// burstPerDay is the extra material reports on each escalation day.
const burstPerDay = 2

// escalationTemplates are the escalation reports, each coded with its
// own CAMEO root (194 shelling, 171 seizure, 180 assault, 154
// mobilisation, 190 attack) so a week of them is many incidents.
// Arguments: attacker adjective, target adjective, place, weekday; a
// mobilise template takes attacker name, target name, weekday.
var escalationTemplates = []struct {
	text, title string
	mobilise    bool
}{
	{"%s forces shelled %s positions near %s on %s.", "%s forces shell %s positions", false},
	{"%s troops seized a %s patrol boat near %s on %s.", "%s troops seize %s patrol boat", false},
	{"%s gunmen attacked %s police near %s on %s.", "%s gunmen attack %s police", false},
	{"%s mobilised troops on the border with %s on %s.", "%s troops mass on %s border", true},
	{"%s soldiers attacked %s positions near %s on %s.", "%s soldiers attack %s positions", false},
}

func indexOf(s []string, x string) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return 0
}

var fillers = []string{
	"Analysts said the situation remained uncertain.",
	"Officials did not give further details.",
	"Diplomats in the region are watching closely.",
	"The statement came after weeks of sharp rhetoric.",
}

var fillers2 = []string{
	"Neither side published casualty figures.",
	"Markets in the region were little changed.",
	"Independent verification was not possible.",
	"The news agency could not confirm the account.",
}
