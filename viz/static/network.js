/* The edukg network page. Reads the JSON in #edukg-data, draws it with vis-network and explains every tie.
 *
 * Text from documents reaches the page only through textContent and DOM nodes, never through innerHTML,
 * so a name or a quote can hold any characters. The drawn set is rebuilt from the filters on every change;
 * positions come from the layout computed before the page was written and are kept when an item leaves and
 * comes back, so the picture does not jump. Physics runs once, to polish that layout, and stops.
 */
(function () {
  "use strict";
  const started = performance.now();
  const DATA = JSON.parse(document.getElementById("edukg-data").textContent);
  const actors = new Map(DATA.actors.map((a) => [a.id, a]));
  const ties = new Map(DATA.ties.map((t) => [t.id, t]));
  const colours = Object.fromEntries(DATA.types.map((t) => [t.code, t.colour]));
  const communities = new Map(DATA.communities.map((c) => [c.id, c]));
  const GAINED = "#2e9e5b", LOST = "#d93025", TIE = "#a0a6ad";
  const positions = new Map();
  DATA.actors.forEach((a) => positions.set(a.id, { x: a.x, y: a.y }));
  DATA.communities.forEach((c) => positions.set(communityNode(c.id), { x: c.x, y: c.y }));

  const state = {
    types: new Set(DATA.types.map((t) => t.code)),
    community: "all",
    year: null, // null: all years
    expanded: new Set(), // communities shown as their actors (large networks only)
  };

  function communityNode(id) { return "community:" + id; }
  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  }
  function yearsText(years) {
    if (!years || !years.length) return "undated";
    return years.length === 1 ? String(years[0]) : years[0] + "–" + years[years.length - 1];
  }
  function activeIn(tie, year) { return tie.years.includes(year); }
  function tieState(tie) {
    if (state.year === null) return "on";
    const now = activeIn(tie, state.year), before = activeIn(tie, state.year - 1);
    if (now) return before ? "on" : "gained";
    return before ? "lost" : "off";
  }
  function actorShown(a) {
    return state.types.has(a.type) && (state.community === "all" || String(a.community) === state.community);
  }
  function collapsed(a) { return DATA.mode === "communities" && !state.expanded.has(a.community); }

  // ---- what to draw ----------------------------------------------------------------------------------------
  function wanted() {
    const nodes = new Map(), edges = new Map();
    const counts = { gained: 0, lost: 0, on: 0 };
    const withTie = new Set();
    for (const t of DATA.ties) {
      const a = actors.get(t.from), b = actors.get(t.to);
      if (!actorShown(a) || !actorShown(b) || collapsed(a) || collapsed(b)) continue;
      const s = tieState(t);
      if (s === "off") continue;
      counts[s] += 1;
      withTie.add(a.id); withTie.add(b.id);
      edges.set(t.id, tieItem(t, s));
    }
    for (const a of DATA.actors) {
      if (!actorShown(a) || collapsed(a)) continue;
      if (state.year !== null && !withTie.has(a.id)) continue;
      nodes.set(a.id, actorItem(a));
    }
    if (DATA.mode === "communities") addCommunities(nodes, edges);
    return { nodes, edges, counts };
  }

  function actorItem(a) {
    const p = positions.get(a.id);
    const colour = colours[a.type] || "#9aa0a6";
    return { id: a.id, label: a.label, x: p.x, y: p.y, size: a.size, shape: "dot",
             color: { background: colour, border: "#3c4043", highlight: { background: colour, border: "#000" } },
             title: tooltip(a.label + " (" + a.type + ")") };
  }
  function tieItem(t, s) {
    const colour = s === "gained" ? GAINED : s === "lost" ? LOST : TIE;
    return { id: t.id, from: t.from, to: t.to, width: 1 + 1.5 * Math.log2(t.weight),
             color: { color: colour, highlight: "#1a73e8" }, dashes: s === "lost",
             title: tooltip(t.weight + " shared collaboration" + (t.weight === 1 ? "" : "s") + " · " + yearsText(t.years)) };
  }
  function tooltip(text) { return el("div", text); }

  function addCommunities(nodes, edges) {
    const visibleMembers = new Map();
    for (const a of DATA.actors) {
      if (actorShown(a) && collapsed(a)) visibleMembers.set(a.community, (visibleMembers.get(a.community) || 0) + 1);
    }
    for (const [cid, n] of visibleMembers) {
      const c = communities.get(cid), p = positions.get(communityNode(cid));
      const label = c.size > 1 ? c.label + " +" + (c.size - 1) : c.label;
      nodes.set(communityNode(cid), { id: communityNode(cid), label: label, x: p.x, y: p.y, shape: "dot",
        size: 10 + 4 * Math.sqrt(n), color: { background: "#e8eaed", border: "#5f6368" },
        title: tooltip("community " + cid + ": " + c.size + " actors; click to see them") });
    }
    for (const c of DATA.communities) {
      if (!visibleMembers.has(c.id)) continue;
      for (const l of c.links) {
        if (l.to <= c.id || !visibleMembers.has(l.to)) continue;
        const id = "link:" + c.id + ":" + l.to;
        edges.set(id, { id: id, from: communityNode(c.id), to: communityNode(l.to),
                        width: 1 + Math.log2(l.weight), color: { color: TIE } });
      }
    }
  }

  // ---- the network -----------------------------------------------------------------------------------------
  // The first drawing goes in before the network is made, so vis-network stabilises it in one bounded batch
  // (stabilization.iterations) instead of animating it; then physics is switched off for good.
  const first = wanted();
  const nodeSet = new vis.DataSet([...first.nodes.values()]), edgeSet = new vis.DataSet([...first.edges.values()]);
  const network = new vis.Network(document.getElementById("network"), { nodes: nodeSet, edges: edgeSet }, {
    layout: { improvedLayout: false }, // positions come with the data
    nodes: { font: { size: 14, strokeWidth: 3, strokeColor: "#fff" }, borderWidth: 1 },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 1 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: DATA.actors.length > 300 },
    physics: { solver: "barnesHut",
               barnesHut: { gravitationalConstant: -8000, springLength: 150, springConstant: 0.03, avoidOverlap: 0.3 },
               // the layout arrives nearly settled: a large network needs fewer polishing steps, and each costs more
               stabilization: { enabled: true, iterations: Math.round(Math.min(250, Math.max(30, 40000 / (first.nodes.size || 1)))),
                                updateInterval: 25, fit: true } },
  });
  window.edukgTimes = { script: started, network: performance.now() };
  let stopped = false;
  function stopPhysics() {
    if (stopped) return;
    stopped = true;
    network.setOptions({ physics: { enabled: false } });
    // fit() only schedules a redraw: the page counts as settled once that frame has been painted
    network.once("afterDrawing", () => {
      window.edukgStabilizedAt = performance.now();
      document.body.dataset.stabilized = "true";
    });
    network.fit();
    network.redraw();
  }
  network.once("stabilizationIterationsDone", stopPhysics);
  network.once("stabilized", stopPhysics);
  if (!first.nodes.size) stopPhysics();

  function draw() {
    const keep = network.getPositions();
    for (const id in keep) positions.set(id, keep[id]);
    const w = wanted();
    nodeSet.remove(nodeSet.getIds().filter((id) => !w.nodes.has(id)));
    edgeSet.remove(edgeSet.getIds().filter((id) => !w.edges.has(id)));
    nodeSet.update([...w.nodes.values()]);
    edgeSet.update([...w.edges.values()]);
    status(w);
  }

  function status(w) {
    const parts = [w.nodes.size + " shown", w.edges.size + " ties"];
    if (state.year !== null) {
      parts.push(w.counts.gained + " gained in " + state.year, w.counts.lost + " lost");
      if (DATA.undated_ties) parts.push(DATA.undated_ties + " undated ties not in year views");
    }
    parts.push(DATA.actors.length + " actors and " + DATA.ties.length + " ties in the network");
    document.getElementById("status").textContent = parts.join(" · ");
  }

  // ---- details panel ---------------------------------------------------------------------------------------
  const details = document.getElementById("details");

  function showTie(id) {
    const t = ties.get(id);
    if (!t) return;
    const a = actors.get(t.from), b = actors.get(t.to);
    const out = [el("h2", a.label + " — " + b.label),
                 el("p", t.weight + " shared collaboration" + (t.weight === 1 ? "" : "s") + " · " + yearsText(t.years),
                    { class: "muted" })];
    for (const cid of t.via) {
      const c = DATA.collaborations[cid];
      if (!c) continue;
      const sec = el("section", null, { class: "collaboration" });
      sec.append(el("h3", c.label), el("p", (c.kind || "collaboration") + " · " + yearsText(c.years), { class: "muted" }));
      const seen = new Set();
      for (const who of [a, b]) {
        const part = c.parts[who.id];
        if (!part) continue;
        sec.append(el("h4", who.label + ": " + (part.role || "participant")));
        for (const ev of part.evidence) {
          const key = ev.quote + "\u0000" + ev.document;
          if (seen.has(key)) { sec.append(el("p", "(the sentence above)", { class: "muted" })); continue; }
          seen.add(key);
          sec.append(evidence(ev));
        }
        if (!part.evidence.length) sec.append(el("p", "no sentence recorded", { class: "muted" }));
      }
      out.push(sec);
    }
    details.replaceChildren(...out);
  }

  function evidence(ev) {
    const q = el("blockquote", ev.quote || "(a register row)", { class: "evidence" });
    q.append(el("cite", ev.document || ev.source, { title: ev.source }));
    return q;
  }

  function showActor(id) {
    const a = actors.get(id);
    if (!a) return;
    const out = [el("h2", a.label), el("p", a.type.replace(/_/g, " ") + (a.community >= 0 ? " · community " + a.community : ""),
                                       { class: "muted" })];
    const names = el("dl");
    for (const lang of ["fi", "sv", "en"]) names.append(el("dt", lang), el("dd", a.labels[lang] || "—"));
    for (const [lang, label] of Object.entries(a.labels)) {
      if (!["fi", "sv", "en"].includes(lang)) names.append(el("dt", lang), el("dd", label));
    }
    out.push(el("h3", "Names"), names, el("h3", "Metrics"), metricsList(a.metrics));
    const projects = el("ul", null, { class: "plain" }), funders = new Map(), sources = new Map();
    for (const [cid, role] of a.parts) {
      const c = DATA.collaborations[cid];
      if (!c) continue;
      projects.append(el("li", c.label + " (" + (c.kind || "collaboration") + ", " + yearsText(c.years) + ") — " + role));
      for (const [other, part] of Object.entries(c.parts)) {
        if (other !== id && /funder/.test(part.role) && !/funder/.test(role)) funders.set(other, actors.get(other).label);
      }
      const mine = c.parts[id];
      if (mine) for (const ev of mine.evidence) sources.set(ev.source || ev.document, ev.document || ev.source);
    }
    out.push(el("h3", "Projects and other collaborations"), projects);
    out.push(el("h3", "Funders"), listOf([...funders.values()], "none recorded"));
    out.push(el("h3", "Sources"), listOf([...sources.values()], "none recorded"));
    details.replaceChildren(...out);
  }

  function metricsList(m) {
    const dl = el("dl");
    const names = { degree: "degree", weighted_degree: "weighted degree", betweenness: "betweenness",
                    eigenvector: "eigenvector", pagerank: "PageRank", constraint: "constraint (Burt)",
                    effective_size: "effective size", core: "k-core", community: "community" };
    for (const [k, label] of Object.entries(names)) {
      if (!(k in m)) continue;
      const v = m[k];
      dl.append(el("dt", label), el("dd", v === null ? "—" : typeof v === "number" && !Number.isInteger(v) ? v.toFixed(4) : v));
    }
    return dl;
  }

  function listOf(items, empty) {
    if (!items.length) return el("p", empty, { class: "muted" });
    const ul = el("ul", null, { class: "plain" });
    items.sort().forEach((x) => ul.append(el("li", x)));
    return ul;
  }

  function showCommunity(cid) {
    const c = communities.get(cid);
    const members = DATA.actors.filter((a) => a.community === cid).slice(0, 15);
    const btn = el("button", "Show its " + c.size + " actors", { type: "button" });
    btn.addEventListener("click", () => expand(cid));
    details.replaceChildren(el("h2", "Community " + cid), el("p", c.size + " actors; the most central:", { class: "muted" }),
                            listOf(members.map((a) => a.label), ""), btn);
  }

  function expand(cid) {
    state.expanded.add(cid);
    document.getElementById("collapse").hidden = false;
    draw();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      const id = params.nodes[0];
      if (String(id).startsWith("community:")) showCommunity(Number(String(id).slice(10)));
      else showActor(id);
    } else if (params.edges.length && ties.has(params.edges[0])) {
      showTie(params.edges[0]);
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && String(params.nodes[0]).startsWith("community:")) expand(Number(String(params.nodes[0]).slice(10)));
  });

  // ---- controls --------------------------------------------------------------------------------------------
  const typeList = document.getElementById("types");
  for (const t of DATA.types) {
    const box = el("input", null, { type: "checkbox", value: t.code });
    box.checked = true;
    box.addEventListener("change", () => { box.checked ? state.types.add(t.code) : state.types.delete(t.code); draw(); });
    const label = el("label");
    const swatch = el("span", null, { class: "swatch" });
    swatch.style.background = t.colour;
    label.append(box, " ", swatch, " " + t.code.replace(/_/g, " ") + " (" + t.count + ")");
    const li = el("li");
    li.append(label);
    typeList.append(li);
  }

  const select = document.getElementById("community");
  for (const c of DATA.communities) {
    if (c.id < 0) continue;
    select.append(el("option", c.id + ": " + c.label + (c.size > 1 ? " +" + (c.size - 1) : ""), { value: String(c.id) }));
  }
  select.addEventListener("change", () => {
    state.community = select.value;
    if (select.value !== "all" && DATA.mode === "communities") state.expanded.add(Number(select.value));
    draw();
  });

  const slider = document.getElementById("year"), yearLabel = document.getElementById("year-label");
  slider.max = String(DATA.years.length);
  slider.disabled = !DATA.years.length;
  slider.addEventListener("input", () => {
    const i = Number(slider.value);
    state.year = i === 0 ? null : DATA.years[i - 1];
    yearLabel.textContent = state.year === null ? "all years" : String(state.year);
    draw();
  });

  const names = document.getElementById("actor-names"), byName = new Map();
  for (const a of DATA.actors) {
    // acronyms and other names find the actor too (a user types the short name the sector uses)
    for (const label of new Set([a.label, ...Object.values(a.labels), ...(a.also || [])])) {
      if (!byName.has(label.toLowerCase())) { byName.set(label.toLowerCase(), a.id); names.append(el("option", null, { value: label })); }
    }
  }
  const search = document.getElementById("search");
  search.addEventListener("change", () => find(search.value));
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") find(search.value); });
  function find(text) {
    const q = text.trim().toLowerCase();
    if (!q) return;
    let id = byName.get(q);
    if (!id) for (const [name, aid] of byName) if (name.includes(q)) { id = aid; break; }
    if (!id) { document.getElementById("status").textContent = "No actor matches “" + text + "”"; return; }
    const a = actors.get(id);
    state.types.add(a.type);
    typeList.querySelectorAll("input").forEach((b) => { if (b.value === a.type) b.checked = true; });
    if (DATA.mode === "communities") state.expanded.add(a.community);
    if (state.community !== "all" && String(a.community) !== state.community) { state.community = "all"; select.value = "all"; }
    draw();
    if (nodeSet.get(id)) { network.selectNodes([id]); network.focus(id, { scale: 1.2 }); }
    showActor(id);
  }

  document.getElementById("collapse").addEventListener("click", () => {
    state.expanded.clear();
    document.getElementById("collapse").hidden = true;
    draw();
  });
  document.getElementById("reset").addEventListener("click", () => {
    state.types = new Set(DATA.types.map((t) => t.code));
    typeList.querySelectorAll("input").forEach((b) => { b.checked = true; });
    state.community = "all"; select.value = "all";
    state.year = null; slider.value = "0"; yearLabel.textContent = "all years";
    state.expanded.clear();
    document.getElementById("collapse").hidden = true;
    draw();
    network.fit();
  });

  if (DATA.focus && actors.has(DATA.focus)) showActor(DATA.focus);
  status(first);
  if (DATA.focus && nodeSet.get(DATA.focus)) network.selectNodes([DATA.focus]);
  // for tests and notebooks that drive the page
  window.edukg = { network: network, nodes: nodeSet, edges: edgeSet, data: DATA, showTie: showTie,
                   showActor: showActor, expand: expand, find: find };
})();
