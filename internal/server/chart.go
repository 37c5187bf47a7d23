package server

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/flashpoint/flashpoint/internal/tension"
)

// chart is the dyad page's timeline, drawn server-side as inline SVG:
// conflict weight per period (bars) with the baseline (line), alert
// episodes shaded with a spike marker at each peak, and incidents per
// QuadClass stacked below. Every column has a hit area the page's
// script makes clickable (and draggable, to zoom to a range). The
// drawing is chartWidth units wide and scales to the width of its box.
type chart struct {
	Width, Height int
	TopH, QuadY   float64
	QuadH         float64
	Left, Right   float64 // the plot's x range
	Top           float64 // y of the weight plot's top
	Base          float64 // y of the weight axis
	Bottom        float64 // y of the incidents axis
	BaseTick      float64 // lower ends of the date tick marks on the two axes
	BottomTick    float64
	Columns       []column
	Baseline      string // polyline points
	Episodes      []episode
	Ticks         []tick // x axis: dates
	WeightTicks   []tick // y axis of the weight bars (X holds y)
	QuadTicks     []tick // y axis of the incident bars (X holds y)
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
	chartWidth = 1000.0
	chartTop   = 12.0
	chartTopH  = 150.0
	chartGap   = 28.0
	chartQuadH = 70.0
	chartLeft  = 40.0
	chartRight = 10.0
	tickGap    = 56.0 // least room between two date labels
)

func buildChart(days []tension.Day, alerts []tension.Alert, p tension.Period) chart {
	c := chart{TopH: chartTopH, QuadH: chartQuadH, Width: int(chartWidth), Left: chartLeft, Right: chartWidth - chartRight}
	c.QuadY = chartTop + chartTopH + chartGap
	c.Top, c.Base, c.Bottom = chartTop, chartTop+chartTopH, c.QuadY+chartQuadH
	c.BaseTick, c.BottomTick = c.Base+5, c.Bottom+5
	c.Height = int(c.Bottom + 24)
	if len(days) == 0 {
		c.Empty = true
		return c
	}
	colW := (c.Right - c.Left) / float64(len(days))
	for _, d := range days {
		c.MaxWeight = math.Max(c.MaxWeight, math.Max(d.Weight, d.Baseline))
		c.MaxIncidents = max(c.MaxIncidents, d.Incidents)
	}
	// The bars scale to the top tick of their axis.
	var wmax, imax float64
	c.WeightTicks, wmax = axisTicks(math.Max(c.MaxWeight, 1), c.Base, chartTopH)
	c.QuadTicks, imax = axisTicks(float64(max(c.MaxIncidents, 1)), c.Bottom, chartQuadH)
	base := c.Base
	var pts []string
	c.Ticks = dateTicks(days, colW, p)
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
		e.Marker = fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f", px-6, chartTop-10, px+6, chartTop-10, px, chartTop)
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

// axisTicks picks round tick values from 0 up to at least hi (1, 2 or
// 5 times a power of ten apart, at most five ticks) and places them on
// an axis whose 0 is at y0 and whose top is h above it. It returns the
// ticks (X holds the y) and the top value.
func axisTicks(hi, y0, h float64) ([]tick, float64) {
	exp := math.Floor(math.Log10(hi / 4))
	step := math.Pow(10, exp)
	for _, m := range []float64{1, 2, 5, 10} {
		if hi/(step*m) <= 4 {
			step *= m
			break
		}
	}
	n := int(math.Ceil(hi / step))
	top := float64(n) * step
	var out []tick
	for i := 0; i <= n; i++ {
		v := float64(i) * step
		out = append(out, tick{X: y0 - v/top*h, Label: strconv.FormatFloat(v, 'f', max(0, int(-exp)), 64)})
	}
	return out, top
}

// dateTicks marks the columns where a month (over long ranges a
// quarter or a year; over short daily ones a week, on Mondays) begins,
// at least tickGap apart and with room for the label before the edge.
func dateTicks(days []tension.Day, colW float64, p tension.Period) []tick {
	perMonth := colW * 30 / periodDays(p)
	months := 1
	switch {
	case perMonth*3 < tickGap:
		months = 12
	case perMonth < tickGap:
		months = 3
	}
	weeks := p == tension.Daily && colW*7 >= tickGap
	var out []tick
	prev, ticked := "", "" // the month of the day before, of the last tick
	for i, d := range days {
		m, label := d.Day[:7], ""
		newMonth := m != prev
		prev = m
		switch {
		case weeks:
			if t, err := time.Parse(time.DateOnly, d.Day); err == nil && (t.Weekday() == time.Monday || i == 0) {
				label = d.Day[5:]
				if m != ticked {
					label = d.Day
				}
			}
		case newMonth:
			mon := int(m[5]-'0')*10 + int(m[6]-'0')
			if (mon-1)%months == 0 || i == 0 {
				label = m
				if months == 12 {
					label = m[:4]
				}
			}
		}
		if label == "" {
			continue
		}
		x := chartLeft + colW*float64(i)
		if len(out) > 0 && x-out[len(out)-1].X < max(tickGap, labelWidth(out[len(out)-1].Label)) || x > chartWidth-tickGap {
			continue
		}
		ticked = m
		out = append(out, tick{X: x, Label: label})
	}
	return out
}

// labelWidth is about the room a tick label takes, with a space.
func labelWidth(label string) float64 { return 6.5*float64(len(label)) + 8 }

func periodDays(p tension.Period) float64 {
	switch p {
	case tension.Weekly:
		return 7
	case tension.Monthly:
		return 30
	}
	return 1
}
