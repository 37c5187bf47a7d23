package server

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// chart is the dyad page's timeline, drawn server-side as inline SVG:
// conflict weight per period (bars) with the baseline (line), alert
// episodes shaded with a spike marker at each peak, and incidents per
// QuadClass stacked below. Every column has a hit area the page's
// script makes clickable.
type chart struct {
	Width, Height int
	TopH, QuadY   float64
	QuadH         float64
	Columns       []column
	Baseline      string // polyline points
	Episodes      []episode
	Ticks         []tick
	MaxWeight     float64
	MaxIncidents  int
	Empty         bool
}

type column struct {
	X, W        float64
	Day, Until  string // the period's first and last day
	Weight      float64
	WeightY     float64
	WeightH     float64
	Quads       []bar
	Incidents   int
	Index       float64
	Title       string
	InAlert     bool
	HasIncident bool
}

type bar struct {
	Class string
	Y, H  float64
}

type episode struct {
	X, W   float64
	PeakX  float64
	Peak   string
	Title  string
	Marker string // triangle points
}

type tick struct {
	X     float64
	Label string
}

const (
	chartTop   = 10.0
	chartTopH  = 150.0
	chartGap   = 26.0
	chartQuadH = 70.0
	chartLeft  = 36.0
)

func buildChart(days []tension.Day, alerts []tension.Alert, p tension.Period) chart {
	c := chart{TopH: chartTopH, QuadH: chartQuadH}
	c.QuadY = chartTop + chartTopH + chartGap
	c.Height = int(c.QuadY + chartQuadH + 22)
	if len(days) == 0 {
		c.Empty, c.Width = true, 600
		return c
	}
	colW := math.Max(3, math.Min(14, 960/float64(len(days))))
	c.Width = int(chartLeft + colW*float64(len(days)) + 10)
	for _, d := range days {
		c.MaxWeight = math.Max(c.MaxWeight, math.Max(d.Weight, d.Baseline))
		c.MaxIncidents = max(c.MaxIncidents, d.Incidents)
	}
	wmax := math.Max(c.MaxWeight, 1)
	imax := float64(max(c.MaxIncidents, 1))
	base := chartTop + chartTopH
	var pts []string
	lastMonth := ""
	for i, d := range days {
		x := chartLeft + colW*float64(i)
		col := column{X: x, W: colW, Day: d.Day, Until: periodEnd(d.Day, p), Weight: d.Weight, Incidents: d.Incidents,
			Index: d.Index, HasIncident: d.Incidents > 0}
		col.WeightH = d.Weight / wmax * chartTopH
		col.WeightY = base - col.WeightH
		y := c.QuadY + chartQuadH
		for q := 0; q < 4; q++ {
			if d.Quad[q] == 0 {
				continue
			}
			h := float64(d.Quad[q]) / imax * chartQuadH
			y -= h
			col.Quads = append(col.Quads, bar{Class: fmt.Sprintf("q%d", q+1), Y: y, H: h})
		}
		col.Title = fmt.Sprintf("%s: %d incidents (%d/%d/%d/%d by QuadClass), conflict weight %.1f, index %.1f",
			d.Day, d.Incidents, d.Quad[0], d.Quad[1], d.Quad[2], d.Quad[3], d.Weight, d.Index)
		for _, a := range alerts {
			if d.Day <= a.LastDay && col.Until >= a.FirstDay {
				col.InAlert = true
			}
		}
		c.Columns = append(c.Columns, col)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x+colW/2, base-d.Baseline/wmax*chartTopH))
		if m := d.Day[:7]; m != lastMonth {
			if p != tension.Monthly || strings.HasSuffix(m, "-01") || i == 0 {
				if len(c.Ticks) == 0 || x-c.Ticks[len(c.Ticks)-1].X > 44 {
					c.Ticks = append(c.Ticks, tick{X: x, Label: m})
				}
			}
			lastMonth = m
		}
	}
	c.Baseline = strings.Join(pts, " ")
	for _, a := range alerts {
		first, last, peak := -1, -1, -1
		for i, col := range c.Columns {
			if col.Until >= a.FirstDay && col.Day <= a.LastDay {
				if first < 0 {
					first = i
				}
				last = i
			}
			if col.Day <= a.PeakDay && a.PeakDay <= col.Until {
				peak = i
			}
		}
		if first < 0 {
			continue
		}
		if peak < 0 {
			peak = first
		}
		px := chartLeft + colW*(float64(peak)+0.5)
		e := episode{X: chartLeft + colW*float64(first), W: colW * float64(last-first+1), PeakX: px, Peak: a.PeakDay,
			Title: fmt.Sprintf("alert %s %s..%s, peak %s: %.1fx baseline, %d incidents, %d reports",
				a.DyadName, a.FirstDay, a.LastDay, a.PeakDay, a.Ratio, a.Incidents, a.Reports)}
		e.Marker = fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f", px-6, chartTop-2, px+6, chartTop-2, px, chartTop+8)
		c.Episodes = append(c.Episodes, e)
	}
	return c
}

// periodEnd returns the last day of the period starting on day.
func periodEnd(day string, p tension.Period) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	switch p {
	case tension.Weekly:
		t = t.AddDate(0, 0, 6)
	case tension.Monthly:
		t = t.AddDate(0, 1, -1)
	}
	return t.Format("2006-01-02")
}
