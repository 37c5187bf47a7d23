// Flashpoint dashboard: helpers shared by the pages' scripts, the
// search forms and the alerts' "show all". No framework; every string
// that comes from the data (article text, titles, names) goes through
// textContent, never innerHTML.
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

function badge(cls, text) {
  return el("span", { class: "badge " + cls }, text);
}

// CAMEO labels by code, read once per page from the code table.
let labelsOnce = null;
function codeLabels() {
  if (!labelsOnce) {
    labelsOnce = getJSON("/api/v1/codes")
      .then((b) => new Map(b.items.map((c) => [c.code, c.label])))
      .catch(() => new Map());
  }
  return labelsOnce;
}

// codeSpans is a code with its label beside it.
function codeSpans(labels, code, quad) {
  const label = labels.get(code) || (code.length === 2 ? labels.get(code + "0") : "") || "";
  return [el("span", { class: "code q" + quad }, code), " ", el("span", { class: "code-label" }, label)];
}

// renderIncident is one incident with its reports: the sentence each
// gave and a link to its article, by title.
function renderIncident(inc, labels) {
  const li = el("li", { class: "incident" });
  const head = el("div", { class: "incident-head" });
  head.append(el("a", { href: "/incident/" + inc.id, class: "incident-link" }, "incident " + inc.id), " ");
  head.append(...codeSpans(labels, inc.code, inc.quad_class));
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
    const href = "/article/" + encodeURIComponent(ev.doc_id) + "#ev-" + encodeURIComponent(ev.id);
    item.append(el("a", { href: href }, ev.article_title || ev.doc_id));
    if (ev.claimed_by) item.append(" ", badge("claim", "claim: " + ev.claimed_by));
    if (ev.denies) item.append(" ", badge("deny", "denial"));
    ul.append(item);
  }
  li.append(ul);
  return li;
}

// allIncidents reads every page of an incidents query (up to max) and
// keeps those keep accepts.
async function allIncidents(query, keep, max) {
  const out = [];
  let cursor = "";
  for (let n = 0; n < (max || 2000); ) {
    const page = await getJSON("/api/v1/incidents?" + query + (cursor ? "&cursor=" + encodeURIComponent(cursor) : ""));
    n += page.items.length;
    out.push(...page.items.filter(keep));
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return out;
}

// An alert's "show all" lists every conflict incident of its episode
// in place (the link itself leads to the same search on the overview).
function initShowAll() {
  for (const a of document.querySelectorAll("a.show-all")) {
    a.addEventListener("click", async (e) => {
      e.preventDefault();
      const list = a.closest(".alert-card").querySelector(".all-incidents");
      if (!list.hidden) {
        list.hidden = true;
        a.textContent = a.dataset.label;
        return;
      }
      a.dataset.label = a.dataset.label || a.textContent;
      a.textContent = "Loading…";
      try {
        const [labels, items] = await Promise.all([codeLabels(), allIncidents(a.dataset.query, (i) => i.quad_class >= 3 && !i.background)]);
        list.replaceChildren(...items.map((i) => renderIncident(i, labels)));
        list.hidden = false;
        a.textContent = "Hide the " + items.length + " incidents";
      } catch (err) {
        a.textContent = "Could not load the incidents: " + err.message;
      }
    });
  }
}

// Search forms leave their empty fields out of the URL.
function initForms() {
  for (const f of document.querySelectorAll("form.filters")) {
    f.addEventListener("submit", () => {
      for (const x of f.elements) if (x.name && x.type !== "checkbox" && x.value === "") x.disabled = true;
    });
  }
  window.addEventListener("pageshow", () => {
    for (const x of document.querySelectorAll("form.filters [disabled]")) x.disabled = false;
  });
}

document.addEventListener("DOMContentLoaded", () => {
  initForms();
  initShowAll();
});
