// The geokg web console. It reads only the JSON API under /api/v1 and draws
// with the vendored cytoscape (graph) and vis-timeline (timeline). No
// framework: each view is a form, a renderer and a little state.
"use strict";

(function () {
  const API = "/api/v1";
  const HISTORY_KEY = "geokg.history";
  const HISTORY_MAX = 15;
  const GRAPH_MAX_NODES = 80;
  const EXAMPLES = [
    "who led NATO in December 2024?",
    "who led the United Kingdom on 1 August 2024?",
    "which countries were members of NATO on 2024-06-01?",
    "when did Mark Rutte become Secretary General?",
    "whom did Mark Rutte meet in October 2024?",
    "how is Mark Rutte connected to Sweden?",
  ];

  const $ = (id) => document.getElementById(id);

  // el builds an element: el("td", {class: "x"}, "text", child...).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat(Infinity)) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // status shows a message in the status line; error marks it as one.
  function status(msg, error) {
    const s = $("status");
    s.textContent = msg || "";
    s.classList.toggle("error", !!error);
  }

  // APIError is an answer of the API with an error status.
  class APIError extends Error {
    constructor(status, body) {
      super((body && body.error) || "HTTP " + status);
      this.status = status;
      this.suggestions = (body && body.suggestions) || [];
    }
  }

  // api gets path with the non-empty params and returns the decoded JSON.
  async function api(path, params, init) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && String(v).trim() !== "") q.set(k, String(v).trim());
    }
    const url = API + path + (q.toString() ? "?" + q : "");
    const resp = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, init));
    let body = null;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!resp.ok) throw new APIError(resp.status, body);
    return body;
  }

  // fail shows err in the status line.
  function fail(err) {
    status(err.message || String(err), true);
  }

  // ---- dates ----

  // precisionOf names the precision of a date string as the API writes it.
  function precisionOf(d) {
    if (!d) return "";
    if (/^\d{4}$/.test(d)) return "year";
    if (/^\d{4}-\d{2}$/.test(d)) return "month";
    return "day";
  }

  // dateCell shows a date with its precision when it is not a day.
  function dateCell(d) {
    if (!d) return "";
    const p = precisionOf(d);
    return p === "day" ? d : el("span", {}, d, el("span", { class: "prec" }, "(" + p + ")"));
  }

  // toJSDate turns "2024", "2024-10" or "2024-10-01" into a Date (UTC).
  function toJSDate(d) {
    const parts = d.split("-").map(Number);
    return new Date(Date.UTC(parts[0], (parts[1] || 1) - 1, parts[2] || 1));
  }

  // padDate turns a date of any precision into a sortable YYYY-MM-DD.
  function padDate(d) {
    if (/^\d{4}$/.test(d)) return d + "-01-01";
    if (/^\d{4}-\d{2}$/.test(d)) return d + "-01";
    return d;
  }

  // factWhen is the time of a fact in words: its date, or its term.
  function factWhen(f) {
    if (f.date) return f.date;
    if (f.start && f.end) return f.start + " – " + f.end;
    if (f.start) return (f.ended ? "from " : "since ") + f.start;
    if (f.end) return "until " + f.end;
    return "";
  }

  // factLine describes a fact in one line.
  function factLine(f) {
    const role = f.role ? " (" + f.role + ")" : "";
    const when = factWhen(f);
    return f.subject + " " + f.predicate.replace(/_/g, " ") + " " + f.object + role + (when ? ", " + when : "");
  }

  // ---- the current selection and its download ----

  const selection = { entity: "", hops: "", at: "", predicate: "", label: "the whole graph" };

  // select sets the selection the Download button exports.
  function select(sel) {
    Object.assign(selection, { entity: "", hops: "", at: "", predicate: "" }, sel);
    const parts = [];
    if (selection.entity) parts.push("neighbourhood of " + selection.entity + " (" + (selection.hops || 1) + " hop" + ((selection.hops || 1) > 1 ? "s" : "") + ")");
    if (selection.predicate) parts.push(selection.predicate);
    if (selection.at) parts.push("as of " + selection.at);
    selection.label = parts.length ? parts.join(", ") : "the whole graph";
    $("selection").textContent = "Selection: " + selection.label;
    $("selection").title = "Download exports " + selection.label;
  }

  async function setupExport() {
    const doc = await api("/openapi.json");
    const params = doc.paths[API + "/export"].get.parameters;
    const fmt = params.find((p) => p.name === "format");
    const sel = $("export-format");
    for (const name of (fmt.schema.enum || ["jsonl"])) sel.append(el("option", { value: name }, name));
    sel.value = "jsonl";
    const pred = doc.paths[API + "/facts"].get.parameters.find((p) => p.name === "predicate");
    for (const name of (pred.schema.enum || [])) $("g-pred").append(el("option", { value: name }, name.replace(/_/g, " ")));
    $("export-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams({ format: sel.value });
      for (const k of ["entity", "hops", "at", "predicate"]) if (selection[k]) q.set(k, selection[k]);
      const a = el("a", { href: API + "/export?" + q, download: "" });
      document.body.append(a);
      a.click();
      a.remove();
      status("Downloading " + selection.label + " as " + sel.value + ".");
    });
  }

  // ---- tabs ----

  const tabs = ["ask", "timeline", "graph", "path", "gizmo", "stats"];
  const onShow = {};

  function showTab(name) {
    for (const t of tabs) {
      const on = t === name;
      $("tab-" + t).setAttribute("aria-selected", on ? "true" : "false");
      $("tab-" + t).tabIndex = on ? 0 : -1;
      $("view-" + t).hidden = !on;
    }
    if (onShow[name]) onShow[name]();
  }

  function setupTabs() {
    tabs.forEach((t, i) => {
      const b = $("tab-" + t);
      b.addEventListener("click", () => showTab(t));
      b.addEventListener("keydown", (ev) => {
        let j = -1;
        if (ev.key === "ArrowRight") j = (i + 1) % tabs.length;
        if (ev.key === "ArrowLeft") j = (i + tabs.length - 1) % tabs.length;
        if (ev.key === "Home") j = 0;
        if (ev.key === "End") j = tabs.length - 1;
        if (j >= 0) { ev.preventDefault(); showTab(tabs[j]); $("tab-" + tabs[j]).focus(); }
      });
    });
    showTab("ask");
  }

  // ---- entity names: the datalist of the entity boxes and the question's completion ----

  let entityTimer = null;

  // lookupEntities asks /entities for names starting with prefix.
  async function lookupEntities(prefix) {
    if (prefix.length < 2) return [];
    try {
      return (await api("/entities", { prefix: prefix, limit: 8 })) || [];
    } catch (e) {
      return [];
    }
  }

  function setupEntityLists() {
    const list = $("entity-names");
    document.querySelectorAll("input[list=entity-names]").forEach((inp) => {
      inp.addEventListener("input", () => {
        clearTimeout(entityTimer);
        entityTimer = setTimeout(async () => {
          const found = await lookupEntities(inp.value.trim());
          list.replaceChildren(...found.map((e) => el("option", { value: e.name }, e.type)));
        }, 150);
      });
    });
  }

  // The question box completes the entity name being typed: the last
  // words before the caret that start a known name.
  const completion = { items: [], active: -1, replaceFrom: 0 };

  function closeSuggest() {
    $("q-list").hidden = true;
    $("q").setAttribute("aria-expanded", "false");
    $("q").removeAttribute("aria-activedescendant");
    completion.items = [];
    completion.active = -1;
  }

  function renderSuggest() {
    const ul = $("q-list");
    ul.replaceChildren(...completion.items.map((e, i) => el("li", {
      id: "q-opt-" + i, role: "option", "aria-selected": i === completion.active ? "true" : "false",
      onmousedown: (ev) => { ev.preventDefault(); complete(i); },
    }, e.name, el("small", {}, e.type))));
    ul.hidden = completion.items.length === 0;
    $("q").setAttribute("aria-expanded", ul.hidden ? "false" : "true");
    if (completion.active >= 0) $("q").setAttribute("aria-activedescendant", "q-opt-" + completion.active);
    else $("q").removeAttribute("aria-activedescendant");
  }

  function complete(i) {
    const inp = $("q");
    const e = completion.items[i];
    const caret = inp.selectionStart;
    const before = inp.value.slice(0, completion.replaceFrom) + e.name;
    inp.value = before + inp.value.slice(caret);
    inp.setSelectionRange(before.length, before.length);
    closeSuggest();
    inp.focus();
  }

  function setupCompletion() {
    const inp = $("q");
    let timer = null;
    inp.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const text = inp.value.slice(0, inp.selectionStart);
        const m = text.match(/([\p{L}\p{N}'.-]+)$/u);
        if (!m || m[1].length < 2) { closeSuggest(); return; }
        const found = await lookupEntities(m[1]);
        // Replace the longest tail of the text (up to four words) that
        // starts the chosen name, so "Mark Ru" becomes "Mark Rutte".
        const words = text.match(/\S+\s*/g) || [];
        let from = text.length - m[1].length;
        for (let n = Math.min(4, words.length); n >= 1; n--) {
          const tail = words.slice(-n).join("");
          if (found.some((e) => e.name.toLowerCase().startsWith(tail.toLowerCase()))) { from = text.length - tail.length; break; }
        }
        completion.items = found.filter((e) => e.name.toLowerCase() !== text.slice(from).toLowerCase());
        completion.active = -1;
        completion.replaceFrom = from;
        renderSuggest();
      }, 120);
    });
    inp.addEventListener("keydown", (ev) => {
      if ($("q-list").hidden) return;
      const n = completion.items.length;
      if (ev.key === "ArrowDown") { ev.preventDefault(); completion.active = (completion.active + 1) % n; renderSuggest(); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); completion.active = (completion.active + n - 1) % n; renderSuggest(); }
      else if ((ev.key === "Enter" || ev.key === "Tab") && completion.active >= 0) { ev.preventDefault(); completion.swallow = ev.key === "Enter"; complete(completion.active); }
      else if (ev.key === "Escape") { closeSuggest(); }
    });
    // An Enter that took a suggestion does not also submit the question
    // (some input paths deliver its keypress despite the keydown's
    // preventDefault).
    inp.addEventListener("keypress", (ev) => {
      if (ev.key === "Enter" && completion.swallow) ev.preventDefault();
      completion.swallow = false;
    });
    inp.addEventListener("keyup", () => { completion.swallow = false; });
    inp.addEventListener("blur", () => setTimeout(closeSuggest, 100));
  }

  // ---- ask ----

  function history() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY)) || []; } catch (e) { return []; }
  }

  function remember(q) {
    const h = [q].concat(history().filter((x) => x !== q)).slice(0, HISTORY_MAX);
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(h)); } catch (e) { /* private mode */ }
    renderHistory();
  }

  function chip(text, fn) {
    return el("li", {}, el("button", { type: "button", onclick: fn }, text));
  }

  function renderHistory() {
    const h = history();
    $("history").replaceChildren(...h.map((q) => chip(q, () => ask(q))));
    $("history-clear").hidden = h.length === 0;
  }

  async function ask(q) {
    $("q").value = q;
    closeSuggest();
    status("Asking…");
    $("interpretation").textContent = "";
    $("answers").hidden = true;
    $("evidence").replaceChildren(el("p", { class: "muted" }, "Choose an answer to see its evidence."));
    try {
      const res = await api("/ask", { q: q, today: $("today").value });
      remember(q);
      renderAnswers(res);
      status(res.answers.length + " answer" + (res.answers.length === 1 ? "" : "s") + ".");
    } catch (err) {
      fail(err);
      if (err.suggestions && err.suggestions.length) {
        $("interpretation").replaceChildren("Try: ", el("ul", { class: "chips" }, err.suggestions.map((s) => chip(s, () => ask(s)))));
      }
    }
  }

  // sourcesOf returns the distinct sources of facts, by article.
  function sourcesOf(facts) {
    const seen = new Map();
    for (const f of facts) for (const s of f.sources || []) if (!seen.has(s.article)) seen.set(s.article, s);
    return Array.from(seen.values());
  }

  // unlisted counts the sources of facts their answer does not list
  // (source_count beyond the evidence listed).
  function unlisted(facts) {
    return facts.reduce((n, f) => n + Math.max(0, (f.source_count || 0) - (f.sources || []).length), 0);
  }

  function renderAnswers(res) {
    $("interpretation").textContent = res.interpretation ? "Read as: " + res.interpretation : "";
    const tb = $("answers").tBodies[0];
    tb.replaceChildren();
    res.answers.forEach((a, i) => {
      const srcs = sourcesOf(a.facts || []);
      const uncertain = (a.facts || []).some((f) => f.uncertain);
      const tr = el("tr", { "data-answer": i },
        el("td", {}, el("button", { type: "button", class: "name", onclick: () => showEvidence(tr, a) }, a.name), uncertain ? el("span", { class: "uncertain", title: "possibly in force: no stated start" }, " ?") : null),
        el("td", { class: "nowrap" }, dateCell(a.start)),
        el("td", { class: "nowrap" }, a.end ? dateCell(a.end) : (a.ended ? "ended" : "")),
        el("td", { class: "nowrap" }, dateCell(a.date)),
        el("td", {}, a.confidence != null ? a.confidence.toFixed(2) : ""),
        el("td", {}, srcs.map((s) => s.title || s.article).join("; "), unlisted(a.facts || []) > 0 ? " +" + unlisted(a.facts || []) + " more" : ""));
      tb.append(tr);
    });
    if (res.answers.length === 0) tb.append(el("tr", {}, el("td", { colspan: 6, class: "muted" }, "No answer in the graph.")));
    $("answers").hidden = false;
    if (res.answers.length > 0) select({ entity: res.answers[0].name, hops: 1 });
  }

  // sourceView renders one source: its sentence, title, date and link.
  function sourceView(s) {
    return [
      el("blockquote", {}, s.sentence || "(no sentence recorded)"),
      el("p", { class: "cite" }, s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title || s.article) : (s.title || s.article),
        s.published ? ", " + s.published : "", s.confidence != null ? " · confidence " + s.confidence.toFixed(2) : ""),
    ];
  }

  // EVIDENCE_PAGE is how many sources one click on "more sources" reads.
  const EVIDENCE_PAGE = 50;

  // moreSources returns, for a fact whose answer lists only its evidence
  // (source_count says how many sources it has in all), a button that
  // pages the others from /evidence into box, each source once; else null.
  function moreSources(f, box) {
    const listed = (f.sources || []).length;
    if (!f.source_count || f.source_count <= listed) return null;
    const seen = new Set((f.sources || []).map((s) => s.article + "\n" + s.sentence));
    let offset = 0;
    const btn = el("button", { type: "button", class: "more-sources" });
    const label = () => { btn.textContent = "Show more sources (" + (f.source_count - seen.size) + " not shown)"; };
    label();
    btn.addEventListener("click", async () => {
      btn.disabled = true;
      try {
        while (offset < f.source_count) {
          const page = await api("/evidence", { fact: f.id, offset: offset, limit: EVIDENCE_PAGE });
          offset += EVIDENCE_PAGE;
          const fresh = (page.sources || []).filter((s) => !seen.has(s.article + "\n" + s.sentence));
          for (const s of fresh) { seen.add(s.article + "\n" + s.sentence); box.append(...sourceView(s)); }
          if (fresh.length > 0 || (page.sources || []).length === 0) break;
        }
      } catch (err) {
        fail(err);
      }
      btn.disabled = false;
      if (offset >= f.source_count || seen.size >= f.source_count) btn.remove(); else label();
    });
    return btn;
  }

  // evidenceOf renders facts with their sentences, titles, dates and links;
  // a fact with more sources than its answer lists pages them on request.
  function evidenceOf(title, facts) {
    const out = [el("h3", {}, title)];
    for (const f of facts) {
      const box = el("div", { class: "sources" }, (f.sources || []).map(sourceView));
      out.push(el("div", { class: "fact" }, el("strong", {}, factLine(f)), box, moreSources(f, box)));
    }
    return out;
  }

  function showEvidence(tr, a) {
    for (const r of tr.parentNode.children) r.classList.toggle("chosen", r === tr);
    $("evidence").replaceChildren(...evidenceOf("Evidence for " + a.name, a.facts || []));
    select({ entity: a.name, hops: 1 });
  }

  function setupAsk() {
    $("examples").replaceChildren(...EXAMPLES.map((q) => chip(q, () => ask(q))));
    $("history-clear").addEventListener("click", () => { localStorage.removeItem(HISTORY_KEY); renderHistory(); });
    renderHistory();
    $("ask-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const q = $("q").value.trim();
      if (q) ask(q);
    });
  }

  // ---- timeline ----

  let timeline = null;
  let timelineSeq = 0;

  async function showTimeline(entity) {
    const seq = ++timelineSeq;
    $("tl-entity").value = entity;
    status("Loading the timeline of " + entity + "…");
    try {
      const facts = await api("/timeline", { entity: entity, from: $("tl-from").value, to: $("tl-to").value });
      if (seq !== timelineSeq) return;
      drawTimeline(entity, facts || []);
      select({ entity: entity, hops: 1 });
      status(facts.length + " facts about " + entity + ".");
    } catch (err) { fail(err); }
  }

  function drawTimeline(entity, facts) {
    const today = new Date();
    const items = [];
    const byID = {};
    for (const f of facts) {
      const other = f.subject === entity ? f.object : f.subject;
      const label = f.predicate.replace(/_/g, " ") + " " + other + (f.role ? " (" + f.role + ")" : "");
      const title = factLine(f);
      byID[f.id] = f;
      if (f.date) {
        items.push({ id: f.id, content: label, start: toJSDate(f.date), type: "point", title: title });
      } else if (f.start) {
        const open = !f.end;
        items.push({ id: f.id, content: label, start: toJSDate(f.start), end: f.end ? toJSDate(f.end) : today, type: "range", title: title + (open ? " (still in force)" : ""), className: open ? "open" : "" });
      } else if (f.end) {
        items.push({ id: f.id, content: "until: " + label, start: toJSDate(f.end), type: "point", title: title });
      }
    }
    const box = $("timeline");
    if (timeline) { timeline.destroy(); timeline = null; }
    box.replaceChildren();
    box.dataset.items = String(items.length);
    if (items.length === 0) { box.append(el("p", { class: "muted" }, "No dated facts about " + entity + ".")); return; }
    timeline = new vis.Timeline(box, new vis.DataSet(items), { stack: true, zoomKey: "ctrlKey", orientation: "top", margin: { item: 6 } });
    const ev = $("tl-evidence");
    const show = (id) => { const f = byID[id]; if (f) ev.replaceChildren(...evidenceOf(factLine(f), [f])); };
    timeline.on("select", (p) => show(p.items[0]));
    ev.replaceChildren(el("h3", {}, "Facts"), el("ul", { class: "chips" }, facts.filter((f) => f.date || f.start || f.end).map((f) =>
      chip(factLine(f), () => { timeline.setSelection([f.id], { focus: true }); show(f.id); }))));
  }

  function setupTimeline() {
    $("timeline-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const e = $("tl-entity").value.trim();
      if (e) showTimeline(e);
    });
    onShow.timeline = () => {
      if (!$("tl-entity").value && selection.entity) showTimeline(selection.entity);
      else if (timeline) timeline.redraw();
    };
  }

  // ---- graph ----

  let cy = null;
  const graph = { entity: "", hops: 1, predicate: "", dates: [], at: "", seq: 0 };

  // neighbourhood collects the nodes and edges within hops of entity, as
  // of at ("" for all time), one /neighbors call per node reached.
  async function neighbourhood(entity, hops, predicate, at) {
    const nodes = new Map();
    const edges = new Map();
    let frontier = [{ name: entity, level: 0 }];
    const asked = new Set();
    let centre = null;
    for (let level = 0; level < hops && frontier.length; level++) {
      const next = [];
      for (const n of frontier) {
        if (asked.has(n.name) || nodes.size >= GRAPH_MAX_NODES) continue;
        asked.add(n.name);
        const res = await api("/neighbors", { entity: n.name, at: at, predicate: predicate });
        for (const nb of res.neighbors || []) {
          for (const f of nb.facts || []) {
            const self = f.subject_id === nb.id ? f.object_id : f.subject_id;
            const selfName = f.subject_id === nb.id ? f.object : f.subject;
            const selfType = f.subject_id === nb.id ? f.object_type : f.subject_type;
            if (!nodes.has(self)) nodes.set(self, { id: self, name: selfName, type: selfType, level: level });
            if (level === 0 && !centre) centre = self;
            edges.set(f.id, f);
          }
          if (!nodes.has(nb.id) && nodes.size < GRAPH_MAX_NODES) {
            nodes.set(nb.id, { id: nb.id, name: nb.name, type: nb.type, level: level + 1 });
            next.push({ name: nb.name, level: level + 1 });
          }
        }
      }
      frontier = next;
    }
    if (nodes.size === 0) nodes.set("centre", { id: "centre", name: entity, type: "", level: 0 });
    return { nodes: Array.from(nodes.values()), edges: Array.from(edges.values()).filter((f) => nodes.has(f.subject_id) && nodes.has(f.object_id)), centre: centre };
  }

  const typeColours = { person: "#1f5fbf", country: "#2f855a", organization: "#b7791f", place: "#6b46c1", event: "#c05621", value: "#718096" };

  function drawGraph(g) {
    const box = $("graph");
    const elements = g.nodes.map((n) => ({ data: { id: n.id, label: n.name, level: n.level, colour: typeColours[n.type] || "#4a5568" } }))
      .concat(g.edges.map((f) => ({ data: { id: f.id, source: f.subject_id, target: f.object_id, label: f.predicate.replace(/_/g, " ") + (factWhen(f) ? "\n" + factWhen(f) : "") } })));
    if (!cy) {
      cy = cytoscape({
        container: box,
        wheelSensitivity: 0.3,
        maxZoom: 1.3,
        minZoom: 0.2,
        style: [
          { selector: "node", style: { label: "data(label)", "background-color": "data(colour)", color: "#1d2430", "font-size": 12, "text-valign": "bottom", "text-margin-y": 4, width: 22, height: 22, "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 2 } },
          { selector: "node[level = 0]", style: { width: 34, height: 34, "border-width": 3, "border-color": "#f0a400", "font-weight": "bold" } },
          { selector: "edge", style: { label: "data(label)", "font-size": 9, color: "#5b6472", "text-wrap": "wrap", "curve-style": "bezier", "target-arrow-shape": "triangle", width: 1.5, "line-color": "#a0aec0", "target-arrow-color": "#a0aec0", "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1 } },
        ],
      });
      cy.on("tap", "node", (ev) => recentre(ev.target.data("label")));
    }
    cy.elements().remove();
    cy.add(elements);
    cy.layout({ name: "concentric", concentric: (n) => 10 - n.data("level"), levelWidth: () => 1, minNodeSpacing: 90, animate: false, padding: 30 }).run();
    box.dataset.nodes = String(g.nodes.length);
    box.dataset.edges = String(g.edges.length);
    box.dataset.at = graph.at;
    box.dataset.entity = graph.entity;
    box.setAttribute("aria-label", "Neighbourhood of " + graph.entity + (graph.at ? " as of " + graph.at : "") + ": " + g.nodes.length + " entities, " + g.edges.length + " facts");
    $("graph-nodes").replaceChildren(...g.nodes.filter((n) => n.level > 0).map((n) => chip(n.name, () => recentre(n.name))));
  }

  // redrawGraph queries the neighbourhood as of the slider's date; a newer
  // call supersedes an older one still running.
  async function redrawGraph() {
    const seq = ++graph.seq;
    try {
      const g = await neighbourhood(graph.entity, graph.hops, graph.predicate, graph.at);
      if (seq !== graph.seq) return;
      drawGraph(g);
      select({ entity: graph.entity, hops: graph.hops, at: graph.at, predicate: graph.predicate });
      status(graph.entity + (graph.at ? " as of " + graph.at : ", all time") + ": " + g.nodes.length + " entities, " + g.edges.length + " facts.");
    } catch (err) { fail(err); }
  }

  // showGraph draws the neighbourhood of entity for all time and sets the
  // slider to the dates at which its facts begin, end or happen.
  async function showGraph(entity) {
    const seq = ++graph.seq;
    graph.entity = entity;
    graph.hops = Number($("g-hops").value) || 1;
    graph.predicate = $("g-pred").value;
    graph.at = "";
    $("g-entity").value = entity;
    status("Loading the graph of " + entity + "…");
    try {
      const g = await neighbourhood(entity, graph.hops, graph.predicate, "");
      if (seq !== graph.seq) return;
      const dates = new Set();
      for (const f of g.edges) for (const d of [f.start, f.end, f.date]) if (d) dates.add(padDate(d));
      graph.dates = Array.from(dates).sort();
      const s = $("g-slider");
      s.max = String(graph.dates.length);
      s.value = s.max;
      s.disabled = graph.dates.length === 0;
      sliderLabel();
      drawGraph(g);
      select({ entity: entity, hops: graph.hops, predicate: graph.predicate });
      status(entity + ", all time: " + g.nodes.length + " entities, " + g.edges.length + " facts.");
    } catch (err) { fail(err); }
  }

  function recentre(name) {
    showGraph(name);
  }

  function sliderLabel() {
    const i = Number($("g-slider").value);
    const label = i >= graph.dates.length ? "all time" : graph.dates[i];
    $("g-date").textContent = label;
    $("g-slider").setAttribute("aria-valuetext", label);
  }

  function setupGraph() {
    $("graph-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const e = $("g-entity").value.trim();
      if (e) showGraph(e);
    });
    let timer = null;
    $("g-slider").addEventListener("input", () => {
      sliderLabel();
      const i = Number($("g-slider").value);
      graph.at = i >= graph.dates.length ? "" : graph.dates[i];
      clearTimeout(timer);
      timer = setTimeout(redrawGraph, 120);
    });
    onShow.graph = () => {
      if (!graph.entity && selection.entity) showGraph(selection.entity);
      else if (cy) cy.resize();
    };
  }

  // ---- path ----

  function setupPath() {
    $("path-form").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const a = $("p-a").value.trim(), b = $("p-b").value.trim();
      if (!a || !b) return;
      status("Looking for paths…");
      try {
        const res = await api("/path", { a: a, b: b, at: $("p-at").value, max_hops: $("p-hops").value });
        const paths = res.paths || [];
        $("paths").replaceChildren(...paths.map((p) => el("li", {}, p.steps.map((s, i) => el("span", { class: "step" },
          i === 0 ? el("strong", {}, s.from) : null,
          " — ", el("button", { type: "button", onclick: () => $("p-evidence").replaceChildren(...evidenceOf(factLine(s.fact), [s.fact])) },
            s.fact.predicate.replace(/_/g, " ") + (factWhen(s.fact) ? " (" + factWhen(s.fact) + ")" : "")),
          " → ", el("strong", {}, s.to))))));
        if (paths.length === 0) $("paths").append(el("li", { class: "muted" }, "No path within " + $("p-hops").value + " hops."));
        select({ entity: a, hops: Math.max(1, ...paths.map((p) => p.hops)) });
        status(paths.length + " path" + (paths.length === 1 ? "" : "s") + " from " + res.from + " to " + res.to + ".");
      } catch (err) { fail(err); }
    });
  }

  // ---- gizmo ----

  function setupGizmo() {
    const run = async () => {
      status("Running the Gizmo query…");
      try {
        const q = new URLSearchParams();
        if ($("gizmo-timeout").value.trim()) q.set("timeout", $("gizmo-timeout").value.trim());
        if ($("gizmo-limit").value.trim()) q.set("limit", $("gizmo-limit").value.trim());
        const resp = await fetch(API + "/gizmo?" + q, { method: "POST", body: $("gizmo-q").value, headers: { "Content-Type": "text/plain" } });
        const body = await resp.json();
        if (!resp.ok) throw new APIError(resp.status, body);
        $("gizmo-out").textContent = JSON.stringify(body, null, 2);
        const n = Array.isArray(body) ? body.length : (body.results || []).length;
        status(n + " result" + (n === 1 ? "" : "s") + (resp.headers.get("X-Geokg-Truncated") === "true" ? " (cut at the result limit)" : "") + ".");
      } catch (err) { fail(err); $("gizmo-out").textContent = ""; }
    };
    $("gizmo-form").addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
    $("gizmo-q").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); } });
  }

  // ---- stats and sources ----

  async function showStats() {
    try {
      const [stats, sources] = await Promise.all([api("/stats"), api("/sources")]);
      $("stats").replaceChildren(...Object.entries(stats).flatMap(([k, v]) => [el("dt", {}, k.replace(/_/g, " ")), el("dd", {}, String(v))]));
      const t = $("sources");
      const list = sources || [];
      const cols = Array.from(new Set(list.flatMap((s) => Object.keys(s))));
      t.tHead.replaceChildren(el("tr", {}, cols.map((c) => el("th", { scope: "col" }, c.replace(/_/g, " ")))));
      t.tBodies[0].replaceChildren(...list.map((s) => el("tr", {}, cols.map((c) => el("td", {}, s[c] == null ? "" : (typeof s[c] === "object" ? JSON.stringify(s[c]) : String(s[c])))))));
      if (list.length === 0) t.tBodies[0].append(el("tr", {}, el("td", { class: "muted" }, "No sources configured (see geokg.example.yaml).")));
    } catch (err) { fail(err); }
  }

  // ---- start ----

  document.addEventListener("DOMContentLoaded", () => {
    setupTabs();
    setupAsk();
    setupCompletion();
    setupEntityLists();
    setupTimeline();
    setupGraph();
    setupPath();
    setupGizmo();
    onShow.stats = showStats;
    setupExport().catch(fail);
    $("q").focus();
  });
})();
