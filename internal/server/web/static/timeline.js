// Flashpoint dyad page: clicking a column of the timeline lists that
// period's incidents; dragging across columns zooms to their range.
"use strict";

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
    const [labels, page] = await Promise.all([codeLabels(), getJSON("/api/v1/incidents?" + q)]);
    const items = page.items.filter((i) => !i.background);
    hint.textContent = items.length === 0 ? "No incidents." : items.length + (items.length === 1 ? " incident" : " incidents") + (page.next_cursor ? " (first 100)" : "");
    for (const inc of items) list.append(renderIncident(inc, labels));
  } catch (err) {
    hint.textContent = "Could not load incidents: " + err.message;
  }
}

// initBrush: press on a column, drag to another, release: the page
// reloads showing that range (the zoom form's since and until).
function initBrush(svg) {
  const brush = document.getElementById("brush");
  const form = document.getElementById("zoom");
  if (!brush || !form) return;
  let start = null, end = null;
  const colAt = (e) => {
    const t = document.elementFromPoint(e.clientX, e.clientY);
    return t && t.classList && t.classList.contains("day-hit") ? t : null;
  };
  const span = () => {
    const [a, b] = +start.getAttribute("x") <= +end.getAttribute("x") ? [start, end] : [end, start];
    return { a, b };
  };
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0 || e.pointerType === "touch") return;
    start = end = colAt(e);
  });
  svg.addEventListener("pointermove", (e) => {
    if (!start) return;
    end = colAt(e) || end;
    const { a, b } = span();
    const x = +a.getAttribute("x");
    brush.setAttribute("x", x);
    brush.setAttribute("width", +b.getAttribute("x") + +b.getAttribute("width") - x);
  });
  svg.addEventListener("pointerup", () => {
    if (!start) return;
    const moved = start !== end;
    const { a, b } = span();
    start = end = null;
    if (!moved) {
      brush.setAttribute("width", 0);
      return; // a click: the column's own handler lists its incidents
    }
    form.elements.since.value = a.dataset.day;
    form.elements.until.value = b.dataset.until;
    form.requestSubmit();
  });
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
  const svg = document.getElementById("timeline");
  if (svg) initBrush(svg);
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

document.addEventListener("DOMContentLoaded", initDyad);
