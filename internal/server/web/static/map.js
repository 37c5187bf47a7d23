// Flashpoint map: the search's located incidents clustered by place,
// each circle sized by its count; wheel, buttons or +/- zoom, dragging
// pans, and the view is kept in the address (#lon,lat,zoom).
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const WORLD = { x: -180, y: -90, w: 360, h: 180 };
const MAX_ZOOM = 64;
const CELL_PX = 30; // incidents closer than this on screen share a circle

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

// radiusPx is a circle's radius on screen for n incidents (the legend
// draws 1, 10 and 100 with it).
function radiusPx(n) {
  return 3 + 1.3 * Math.sqrt(n);
}

// cluster groups points by grid cell of the given size (map units).
function cluster(points, cell) {
  const cells = new Map();
  for (const p of points) {
    const key = Math.floor(p.lon / cell) + "," + Math.floor(-p.lat / cell);
    let c = cells.get(key);
    if (!c) cells.set(key, (c = { lon: 0, lat: 0, quad: 0, items: [] }));
    c.lon += p.lon;
    c.lat += p.lat;
    c.quad = Math.max(c.quad, p.quad_class);
    c.items.push(p);
  }
  return [...cells.values()].map((c) => ({ ...c, lon: c.lon / c.items.length, lat: c.lat / c.items.length }));
}

function initMap() {
  const svg = document.getElementById("map");
  if (!svg) return;
  const layer = document.getElementById("points");
  const status = document.getElementById("map-status");
  const list = document.getElementById("map-list");
  const listTitle = document.getElementById("map-list-title");
  let view = { ...WORLD };
  let points = [];
  let labels = new Map();
  let queued = false;

  const scale = () => svg.getBoundingClientRect().width / view.w; // px per map unit
  const zoom = () => WORLD.w / view.w;

  function setView(cx, cy, z) {
    z = Math.min(MAX_ZOOM, Math.max(1, z));
    const w = WORLD.w / z, h = WORLD.h / z;
    const x = Math.min(WORLD.x + WORLD.w - w, Math.max(WORLD.x, cx - w / 2));
    const y = Math.min(WORLD.y + WORLD.h - h, Math.max(WORLD.y, cy - h / 2));
    view = { x, y, w, h };
    svg.setAttribute("viewBox", [x, y, w, h].map((v) => +v.toFixed(3)).join(" "));
    svg.dataset.zoom = z.toFixed(2);
    const c = [(x + w / 2).toFixed(2), (-(y + h / 2)).toFixed(2), z.toFixed(2)];
    history.replaceState(null, "", z > 1 ? "#" + c.join(",") : location.pathname + location.search);
    if (!queued) {
      queued = true;
      requestAnimationFrame(() => { queued = false; draw(); });
    }
  }

  // zoomBy scales the view by f around the map point (px, py).
  function zoomBy(f, px, py) {
    const z = Math.min(MAX_ZOOM, Math.max(1, zoom() * f));
    const k = zoom() / z; // new width / old width
    const cx = px + (view.x + view.w / 2 - px) * k;
    const cy = py + (view.y + view.h / 2 - py) * k;
    setView(cx, cy, z);
  }

  function toMap(e) {
    const r = svg.getBoundingClientRect();
    return [view.x + (e.clientX - r.left) / r.width * view.w, view.y + (e.clientY - r.top) / r.height * view.h];
  }

  function draw() {
    const k = scale();
    if (!k) return;
    layer.replaceChildren();
    for (const c of cluster(points, CELL_PX / k)) {
      const n = c.items.length;
      const g = svgEl("g", { class: "cluster", tabindex: "0", "data-n": n });
      const r = radiusPx(n) / k;
      g.append(svgEl("circle", { cx: c.lon.toFixed(3), cy: (-c.lat).toFixed(3), r: r.toFixed(3), class: "point q" + c.quad }));
      if (n > 1) {
        g.append(svgEl("text", { x: c.lon.toFixed(3), y: (-c.lat).toFixed(3), dy: "0.35em", "font-size": (10 / k).toFixed(3) }, String(n)));
      }
      const places = [...new Set(c.items.map((p) => p.place).filter(Boolean))];
      g.append(svgEl("title", {}, n + (n === 1 ? " incident" : " incidents") + (places.length ? " · " + places.slice(0, 3).join(", ") : "")));
      g.addEventListener("click", () => showList(c));
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") showList(c); });
      layer.append(g);
    }
  }

  function showList(c) {
    const items = [...c.items].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 100);
    listTitle.hidden = false;
    listTitle.textContent = c.items.length + (c.items.length === 1 ? " incident" : " incidents") + " here" + (c.items.length > 100 ? " (newest 100)" : "");
    list.replaceChildren(...items.map((p) => {
      const li = el("li");
      li.append(el("a", { href: "/incident/" + p.incident }, p.date), " ", ...codeSpans(labels, p.code, p.quad_class));
      li.append(" " + p.source_country + "→" + p.target_country + (p.place ? " · " + p.place : ""));
      return li;
    }));
    listTitle.scrollIntoView({ block: "nearest" });
  }

  // Drag to pan; a press that does not move stays a click.
  let drag = null;
  svg.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...view }, moved: false, id: e.pointerId };
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(drag.id);
    drag.moved = true;
    const k = svg.getBoundingClientRect().width / drag.view.w;
    setView(drag.view.x + drag.view.w / 2 - dx / k, drag.view.y + drag.view.h / 2 - dy / k, zoom());
  });
  const endDrag = () => {
    if (drag && drag.moved) svg.addEventListener("click", (e) => e.stopPropagation(), { capture: true, once: true });
    drag = null;
  };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", () => { drag = null; });
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const [px, py] = toMap(e);
    zoomBy(e.deltaY < 0 ? 1.5 : 1 / 1.5, px, py);
  }, { passive: false });
  svg.addEventListener("dblclick", (e) => {
    const [px, py] = toMap(e);
    zoomBy(2, px, py);
  });
  const center = () => [view.x + view.w / 2, view.y + view.h / 2];
  document.getElementById("zoom-in").addEventListener("click", () => zoomBy(2, ...center()));
  document.getElementById("zoom-out").addEventListener("click", () => zoomBy(0.5, ...center()));
  document.getElementById("zoom-reset").addEventListener("click", () => setView(0, 0, 1));
  svg.addEventListener("keydown", (e) => {
    if (e.key === "+" || e.key === "=") zoomBy(2, ...center());
    if (e.key === "-") zoomBy(0.5, ...center());
  });
  window.addEventListener("resize", () => draw());

  const m = /^#(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(location.hash);
  if (m) setView(+m[1], -m[2], +m[3]);
  load();

  async function load() {
    const queries = (svg.dataset.points || "").split(" ");
    try {
      const [ls, ...pages] = await Promise.all([codeLabels(), ...queries.map((q) => getJSON("/api/v1/points?" + q))]);
      labels = ls;
      const seen = new Set();
      points = [];
      let limited = false, since = "", until = "";
      for (const page of pages) {
        limited = limited || page.items.length >= page.limit;
        since = page.since || since;
        until = page.until || until;
        for (const p of page.items) if (!seen.has(p.incident)) seen.add(p.incident), points.push(p);
      }
      status.textContent = points.length + " located incidents" + (since ? " from " + since + (until ? " to " + until : "") : "") + (limited ? " (the latest " + pages[0].limit + " of each query)" : "");
      draw();
    } catch (err) {
      status.textContent = "Could not load incidents: " + err.message;
    }
  }
}

document.addEventListener("DOMContentLoaded", initMap);
