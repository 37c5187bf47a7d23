// Flashpoint dashboard: the two interactive bits, the dyad page's
// day list and the map's points. No framework; every string that comes
// from the data (article text, names) goes through textContent, never
// innerHTML.
"use strict";

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// ---- dyad page: clicking a column lists that period's incidents ----

function badge(cls, text) {
  return el("span", { class: "badge " + cls }, text);
}

function renderIncident(inc) {
  const li = el("li", { class: "incident" });
  const head = el("div", { class: "incident-head" });
  head.append(el("span", { class: "code q" + inc.quad_class }, inc.code));
  head.append(" " + inc.source_country + "→" + inc.target_country + " " + inc.date);
  if (inc.location) head.append(" · " + inc.location);
  head.append(" · " + inc.articles + (inc.articles === 1 ? " report" : " reports"));
  if (inc.claims > 0) head.append(" ", badge("claim", "claimed"));
  if (inc.denials > 0) head.append(" ", badge("deny", "denied"));
  if (inc.background) head.append(" ", badge("bg", "background"));
  li.append(head);
  const ul = el("ul", { class: "evidence" });
  for (const ev of inc.events || []) {
    const item = el("li");
    item.append(el("blockquote", { class: "sentence" }, ev.sentence));
    const a = el("a", { href: "/article/" + encodeURIComponent(ev.doc_id) + "#ev-" + encodeURIComponent(ev.id) }, ev.doc_id);
    item.append(a);
    if (ev.claimed_by) item.append(" ", badge("claim", "claim: " + ev.claimed_by));
    if (ev.denies) item.append(" ", badge("deny", "denial"));
    ul.append(item);
  }
  li.append(ul);
  return li;
}

async function showPeriod(panel, day, until) {
  const list = document.getElementById("day-incidents");
  const title = document.getElementById("day-title");
  const hint = document.getElementById("day-hint");
  title.textContent = day === until ? "Incidents on " + day : "Incidents " + day + " – " + until;
  hint.textContent = "Loading…";
  list.replaceChildren();
  document.querySelectorAll(".day-hit.selected").forEach((r) => r.classList.remove("selected"));
  const hit = document.querySelector('.day-hit[data-day="' + CSS.escape(day) + '"]');
  if (hit) hit.classList.add("selected");
  const q = panel.dataset.query + "&since=" + encodeURIComponent(day) + "&until=" + encodeURIComponent(until) + "&expand=events&limit=100";
  try {
    const page = await getJSON("/api/v1/incidents?" + q);
    const items = page.items.filter((i) => !i.background);
    hint.textContent = items.length === 0 ? "No incidents." : items.length + (items.length === 1 ? " incident" : " incidents") + (page.next_cursor ? " (first 100)" : "");
    for (const inc of items) list.append(renderIncident(inc));
  } catch (err) {
    hint.textContent = "Could not load incidents: " + err.message;
  }
}

function initDyad() {
  const panel = document.getElementById("day-panel");
  if (!panel) return;
  const hits = document.querySelectorAll(".day-hit");
  const open = (r) => showPeriod(panel, r.dataset.day, r.dataset.until);
  hits.forEach((r) => {
    r.addEventListener("click", () => open(r));
    r.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(r); } });
  });
  document.querySelectorAll(".spike-marker").forEach((m) => {
    m.addEventListener("click", () => {
      const d = m.dataset.day;
      for (const r of hits) if (r.dataset.day <= d && d <= r.dataset.until) return open(r);
    });
  });
  const focus = panel.dataset.focus;
  if (focus) {
    for (const r of hits) {
      if (r.dataset.day <= focus && focus <= r.dataset.until) {
        open(r);
        r.scrollIntoView({ block: "nearest", inline: "center" });
        break;
      }
    }
  }
}

// ---- map: incidents as points ----

const SVGNS = "http://www.w3.org/2000/svg";

async function initMap() {
  const svg = document.getElementById("map");
  if (!svg) return;
  const form = document.getElementById("map-filters");
  const status = document.getElementById("map-status");
  const layer = document.getElementById("points");
  const list = document.getElementById("map-list");
  const q = new URLSearchParams();
  for (const name of ["since", "until", "code"]) {
    const v = form.elements[name].value.trim();
    if (v) q.set(name, v);
  }
  try {
    const page = await getJSON("/api/v1/points?" + q.toString());
    layer.replaceChildren();
    list.replaceChildren();
    for (const p of page.items) {
      const a = document.createElementNS(SVGNS, "a");
      a.setAttribute("href", "/article/" + encodeURIComponent(p.article) + "#ev-" + encodeURIComponent(p.event));
      const c = document.createElementNS(SVGNS, "circle");
      c.setAttribute("cx", p.lon.toFixed(2));
      c.setAttribute("cy", (-p.lat).toFixed(2));
      c.setAttribute("r", "1.4");
      c.setAttribute("class", "point q" + p.quad_class);
      const t = document.createElementNS(SVGNS, "title");
      t.textContent = p.date + " " + p.code + " " + p.source_country + "→" + p.target_country + (p.place ? " · " + p.place : "");
      c.append(t);
      a.append(c);
      layer.append(a);
    }
    status.textContent = page.items.length + " located incidents" + (page.items.length >= page.limit ? " (first " + page.limit + ")" : "");
  } catch (err) {
    status.textContent = "Could not load incidents: " + err.message;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  initDyad();
  initMap();
});
