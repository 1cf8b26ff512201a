/* claimgraph web view. Reads only the JSON API. Every piece of document text is untrusted: it is put on the
   page with textContent / createTextNode, never as HTML. */
(function () {
  "use strict";

  // Colours and kinds come from the server's vocabulary (/api/ontology, claimgraph/ontology.yaml).
  var TYPE_COLORS = {};
  var RELATION_COLORS = {};
  var ACTIVITY_LABELS = {};
  var SYMMETRIC = {};
  var state = { renderer: null, graph: null, focus: null, lastTie: null, years: null };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function api(path) {
    return fetch(path, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { throw new Error(b.detail || r.statusText); });
      return r.json();
    });
  }

  function panel() {
    var p = document.getElementById("panel");
    while (p.firstChild) p.removeChild(p.firstChild);
    return p;
  }

  function filterQuery(withCommunity) {
    // the filters as the API's query; the community is the graph's alone (other routes refuse it)
    var params = new URLSearchParams();
    document.querySelectorAll("#kinds input:checked").forEach(function (box) { params.append("kind", box.value); });
    var min = parseInt(document.getElementById("min-sources").value, 10) || 1;
    params.set("min_sources", String(min));
    var conf = parseFloat(document.getElementById("min-confidence").value);
    if (conf > 0 && conf <= 1) params.set("min_confidence", String(conf));
    if (document.getElementById("hide-hedged").checked) params.set("no_hedged", "true");
    var community = document.getElementById("community").value;
    if (community !== "" && withCommunity) params.set("community", community);
    if (state.years) { params.set("since", state.years.from); params.set("until", state.years.to); }
    return params.toString();
  }

  // --- timeline: claims by year (document date, else a year the sentence names); choosing years filters ---

  function timelineQuery() {
    var params = new URLSearchParams(filterQuery());
    params.delete("since");
    params.delete("until");
    if (state.focus && state.focus.center) params.set("entity", state.focus.center);
    return params.toString();
  }

  function loadTimeline() {
    return api("/api/timeline?" + timelineQuery()).then(drawTimeline);
  }

  function drawTimeline(data) {
    var box = document.getElementById("timeline");
    while (box.firstChild) box.removeChild(box.firstChild);
    var who = state.focus && state.focus.center && state.graph && state.graph.hasNode(state.focus.center)
      ? state.graph.getNodeAttribute(state.focus.center, "label") : "the graph";
    var head = el("div", "Claims of " + who + " by year", "timeline-head");
    if (state.years) {
      var all = el("button", "all years", "linkish");
      all.id = "timeline-clear";
      all.addEventListener("click", function () { state.years = null; loadGraph(); });
      head.appendChild(document.createTextNode(" · " + (state.years.from === state.years.to ? state.years.from
        : state.years.from + "–" + state.years.to) + " chosen · "));
      head.appendChild(all);
    }
    box.appendChild(head);
    var bars = el("div", null, "bars");
    var most = 1;
    data.years.forEach(function (y) { most = Math.max(most, y.claims); });
    if (!data.years.length) bars.appendChild(el("span", "No dated claims (no document dates, no years named).", "hint"));
    data.years.forEach(function (y) {
      var bar = el("button", null, "bar");
      var chosen = state.years && y.year >= state.years.from && y.year <= state.years.to;
      if (chosen) bar.className += " chosen";
      bar.setAttribute("data-year", y.year);
      bar.setAttribute("aria-label", y.year + ": " + y.claims + " claim(s)");
      bar.title = y.year + ": " + y.claims + " claim(s)" + (y.dated_by_sentence ? ", " + y.dated_by_sentence +
        " dated by a year the sentence names" : "");
      var fill = el("span", null, "fill");
      fill.style.height = Math.max(8, Math.round(100 * y.claims / most)) + "%";
      bar.appendChild(fill);
      bar.appendChild(el("span", y.year, "year"));
      bar.addEventListener("click", function (event) {
        if (event.shiftKey && state.years) {
          state.years = { from: y.year < state.years.from ? y.year : state.years.from,
            to: y.year > state.years.to ? y.year : state.years.to };
        } else {
          state.years = { from: y.year, to: y.year };
        }
        loadGraph();
      });
      bars.appendChild(bar);
    });
    box.appendChild(bars);
  }

  function loadGraph() {
    exportLinks();
    return api("/api/graph?" + filterQuery(true)).then(drawGraph).then(loadTimeline);
  }

  function exportLinks() {
    var query = filterQuery();
    ["gexf", "graphml"].forEach(function (fmt) {
      document.getElementById("export-" + fmt).href = "/export/graph." + fmt + (query ? "?" + query : "");
    });
  }

  function exportPng() {
    // the renderer's layers (edges, nodes, labels) drawn into one picture on white, right after a render
    var r = state.renderer;
    if (!r) return;
    r.refresh();
    var layers = r.getCanvases();
    var first = layers[Object.keys(layers)[0]];
    var out = document.createElement("canvas");
    out.width = first.width;
    out.height = first.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    Object.keys(layers).forEach(function (name) { ctx.drawImage(layers[name], 0, 0); });
    var link = document.createElement("a");
    link.download = "claimgraph.png";
    link.href = out.toDataURL("image/png");
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function drawGraph(data) {
    var graph = new graphology.MultiDirectedGraph();
    var maxRank = 0;
    data.nodes.forEach(function (n) { maxRank = Math.max(maxRank, n.pagerank || 0); });
    data.nodes.forEach(function (n) {
      graph.addNode(n.id, {
        label: n.label, x: n.x, y: n.y, color: TYPE_COLORS[n.type] || "#999",
        size: 4 + 14 * Math.sqrt((n.pagerank || 0) / (maxRank || 1)), entityType: n.type,
        alleged: Object.keys(n.alleged || {})
      });
    });
    data.edges.forEach(function (e) {
      var color = RELATION_COLORS[e.relation] || "#999";
      if (e.hedged_share > 0.5) color = color + "66";  // mostly hedged: faint
      graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        sources: e.sources, disputed: e.contradicting_claims > 0,
        size: e.contradicting_claims > 0 ? 4 : 1 + Math.min(e.sources, 5), color: e.contradicting_claims > 0 ? "#000000" : color,
        label: e.relation + (e.contradicting_claims > 0 ? " (contradicted)" : ""), relation: e.relation
      });
    });
    if (state.renderer) state.renderer.kill();
    state.graph = graph;
    var big = data.edges.length > BIG_GRAPH;
    state.labels = [];
    state.renderer = new Sigma(graph, document.getElementById("graph"), {
      renderEdgeLabels: false, enableEdgeEvents: !big, stagePadding: 40, defaultDrawNodeLabel: drawLabel, defaultEdgeType: big ? "line" : "arrow", labelRenderedSizeThreshold: 6
    });
    state.renderer.on("beforeRender", function () { state.labels = []; });
    state.renderer.on("clickNode", function (event) { showEntity(event.node); });
    state.renderer.on("clickEdge", function (event) { showTie(event.edge); });
    state.renderer.on("enterEdge", function (event) { hoverEdge(event.edge); });
    state.renderer.on("leaveEdge", function () { hoverEdge(null); });
    state.renderer.on("clickStage", function () { clearFocus(); });
    document.getElementById("graph").setAttribute("data-nodes", String(data.nodes.length));
    document.getElementById("graph").setAttribute("data-edges", String(data.edges.length));
    activityChoices(data.nodes);
    if (state.focus && state.focus.center && graph.hasNode(state.focus.center)) select(state.focus.center, false);
    else if (state.focus) clearFocus();
  }

  function drawLabel(context, data, settings) {
    // a node's label to its right, or to its left where the right would run past the canvas (never clipped),
    // and not at all where it would cover a label already drawn
    if (!data.label) return;
    var size = settings.labelSize;
    context.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
    var width = context.measureText(data.label).width;
    var ratio = window.devicePixelRatio || 1;
    var room = context.canvas.width / ratio;
    var drawn = state.labels || [];
    var right = data.x + data.size + 3;
    var left = Math.max(2, data.x - data.size - 3 - width);
    var places = right + width > room - 2 ? [left] : [right, left];
    var box = null;
    for (var p = 0; p < places.length && !box; p++) {  // right of the node, else left; never over another label
      var candidate = [places[p], data.y - size * 0.8, places[p] + width, data.y + size * 0.4];
      var free = drawn.every(function (o) {
        return !(candidate[0] < o[2] && o[0] < candidate[2] && candidate[1] < o[3] && o[1] < candidate[3]);
      });
      if (free) box = candidate;
    }
    if (!box) return;
    var x = box[0];
    context.fillStyle = (settings.labelColor && settings.labelColor.color) || "#000";
    context.fillText(data.label, x, data.y + size / 3);
    drawn.push(box.concat([room]));
  }

  // --- focus: one actor and its neighbours, a path, or the actors alleged to do something; the rest dimmed ---

  // Past this many ties the edges are not pickable (hover and click on an edge): picking draws every edge a
  // second time, which doubles the first draw; ties stay reachable from the actors' cards.
  var BIG_GRAPH = 3000;
  var DIM_NODE = "#d9d9d9";
  var DIM_EDGE = "#ececec";

  function setFocus(focus) {
    state.focus = focus;
    var r = state.renderer;
    var box = document.getElementById("graph");
    box.setAttribute("data-selected", focus && focus.center ? focus.center : "");
    box.setAttribute("data-highlighted", focus ? String(focus.nodes.size) : "0");
    box.setAttribute("data-focus", focus ? focus.kind : "");
    if (!r) return;
    r.setSetting("nodeReducer", focus ? function (node, attrs) {
      if (focus.nodes.has(node)) {
        return Object.assign({}, attrs, { zIndex: 1, forceLabel: true, highlighted: node === focus.center });
      }
      return Object.assign({}, attrs, { color: DIM_NODE, label: null, zIndex: 0 });
    } : null);
    r.setSetting("edgeReducer", focus ? function (edge, attrs) {
      if (focus.edges.has(edge)) {
        return Object.assign({}, attrs, { zIndex: 1, size: Math.max(attrs.size, 3), color: focus.edgeColor || attrs.color });
      }
      return Object.assign({}, attrs, { color: DIM_EDGE, zIndex: 0 });
    } : null);
    r.refresh();
  }

  function clearFocus() {
    var had = state.focus && state.focus.center;
    setFocus(null);
    if (had) loadTimeline();
    var status = document.getElementById("focus-status");
    if (status) status.textContent = "";
  }

  function moveTo(nodes) {
    var r = state.renderer;
    if (!r || !nodes.length) return;
    var xs = [], ys = [];
    nodes.forEach(function (n) {
      var d = r.getNodeDisplayData(n);
      if (d) { xs.push(d.x); ys.push(d.y); }
    });
    if (!xs.length) return;
    var x = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
    var y = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
    var spread = Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), Math.max.apply(null, ys) - Math.min.apply(null, ys));
    r.getCamera().animate({ x: x, y: y, ratio: Math.min(1, Math.max(0.25, spread * 1.4)) }, { duration: 300 });
  }

  function select(id, move) {
    var g = state.graph;
    if (!g || !g.hasNode(id)) { clearFocus(); return; }
    var nodes = new Set([id]);
    var edges = new Set();
    g.forEachEdge(id, function (edge, attrs, source, target) { nodes.add(source); nodes.add(target); edges.add(edge); });
    setFocus({ kind: "actor", center: id, nodes: nodes, edges: edges });
    document.getElementById("focus-status").textContent = g.getNodeAttribute(id, "label") + " and its " +
      (nodes.size - 1) + " neighbour(s). Escape clears.";
    if (move !== false) { moveTo(Array.from(nodes)); loadTimeline(); }
  }

  function hoverEdge(edge) {
    var tip = document.getElementById("edge-tip");
    if (!edge || !state.graph) { tip.textContent = ""; tip.style.display = "none"; return; }
    var g = state.graph;
    var a = g.getEdgeAttributes(edge);
    tip.textContent = g.getNodeAttribute(g.source(edge), "label") + " —" + a.relation + "→ " +
      g.getNodeAttribute(g.target(edge), "label") + " (" + a.sources + " source(s)" + (a.disputed ? ", disputed" : "") + ")";
    tip.style.display = "block";
  }

  function activityLabel(name) {
    return ACTIVITY_LABELS[name] || String(name).replace(/_/g, " ");
  }

  function activityChoices(nodes) {
    var select = document.getElementById("activity");
    var chosen = select.value;
    var counts = {};
    nodes.forEach(function (n) { Object.keys(n.alleged || {}).forEach(function (a) { counts[a] = (counts[a] || 0) + 1; }); });
    while (select.options.length > 1) select.remove(1);
    Object.keys(counts).sort().forEach(function (a) {
      var option = document.createElement("option");
      option.value = a;
      option.textContent = activityLabel(a) + " (" + counts[a] + ")";
      select.appendChild(option);
    });
    select.value = counts[chosen] ? chosen : "";
  }

  function focusActivity() {
    var activity = document.getElementById("activity").value;
    var g = state.graph;
    if (!activity || !g) { clearFocus(); return; }
    var nodes = new Set();
    g.forEachNode(function (node, attrs) { if (attrs.alleged.indexOf(activity) >= 0) nodes.add(node); });
    setFocus({ kind: "activity", center: null, nodes: nodes, edges: new Set() });
    document.getElementById("focus-status").textContent = nodes.size + " actor(s) alleged: " +
      activityLabel(activity) + " (claims, not facts). Escape clears.";
    moveTo(Array.from(nodes));
  }

  function showEntity(id) {
    select(id);
    return api("/api/entities/" + encodeURIComponent(id) + "?" + filterQuery()).then(function (entity) {
      var p = panel();
      p.appendChild(el("h2", entity.name, "entity-name"));
      p.appendChild(el("p", entity.type + (entity.country ? " · " + entity.country : "")));
      var alleged = entity.ties.ALLEGED || [];
      if (alleged.length) {
        var badges = el("div", null, "badges");
        badges.appendChild(el("span", "Alleged (claims, not facts): ", "hint"));
        alleged.forEach(function (tie) {
          var badge = el("button", activityLabel(tie.object) + " · " + tie.sources, "badge activity");
          badge.title = tie.claims + " claim(s) from " + tie.sources + " source(s)";
          badge.addEventListener("click", function () { showTie(tie.id); });
          badges.appendChild(badge);
        });
        p.appendChild(badges);
      }
      p.appendChild(el("p", "Also seen as: " + (entity.aliases.join(", ") || "-")));
      p.appendChild(el("p", "Documents: " + entity.doc_ids.join(", ")));
      Object.keys(entity.ties).sort().forEach(function (kind) {
        if (kind === "ALLEGED") return;  // shown as badges above
        p.appendChild(el("h2", kind));
        entity.ties[kind].forEach(function (tie) {
          var text = tie.subject + " → " + tie.object + "  (" + tie.claims + " claim(s), " + tie.sources + " source(s)" +
            (tie.hedged_share > 0 ? ", hedged" : "") + (tie.contradicting_claims > 0 ? ", contradicted" : "") + ")";
          var button = el("button", text, "tie");
          button.addEventListener("click", function () { showTie(tie.id); });
          p.appendChild(button);
        });
      });
    });
  }

  function highlighted(sentence, names) {
    // split the sentence around each actor's surface text; every part is a text node
    var container = el("div", null, "sentence");
    var marks = [];
    names.forEach(function (item) {
      if (!item.text) return;
      var at = sentence.indexOf(item.text);
      if (at >= 0) marks.push({ start: at, end: at + item.text.length, cls: item.cls });
    });
    marks.sort(function (a, b) { return a.start - b.start; });
    var pos = 0;
    marks.forEach(function (m) {
      if (m.start < pos) return;
      container.appendChild(document.createTextNode(sentence.slice(pos, m.start)));
      container.appendChild(el("mark", sentence.slice(m.start, m.end), m.cls));
      pos = m.end;
    });
    container.appendChild(document.createTextNode(sentence.slice(pos)));
    return container;
  }

  function evidenceBox(c, tieId) {
    var box = el("div", null, "evidence" + (c.negated ? " denial" : ""));
    var head = el("div");
    if (c.hedged) head.appendChild(el("span", "hedged", "badge hedged"));
    if (c.negated) head.appendChild(el("span", "denied", "badge negated"));
    head.appendChild(el("span", c.attributed_to ? "According to " + c.attributed_to : "Claimed by the document"));
    box.appendChild(head);
    box.appendChild(highlighted(c.sentence, [{ text: c.subject_text, cls: "actor-a" }, { text: c.object_text, cls: "actor-b" }]));
    var source = el("div");
    var link = el("button", (c.title || c.doc_id) + (c.published ? " (" + c.published + ")" : ""), "linkish");
    link.addEventListener("click", function () { showDocument(c.doc_id, c.char_start, c.char_end, tieId); });
    source.appendChild(link);
    if (c.url && /^https?:\/\//i.test(c.url)) {
      var external = el("a", " original ↗");
      external.href = c.url;
      external.rel = "noopener noreferrer";
      external.target = "_blank";
      source.appendChild(external);
    }
    box.appendChild(source);
    return box;
  }

  function showTie(id) {
    return api("/api/ties/" + encodeURIComponent(id)).then(function (tie) {
      state.lastTie = id;
      var p = panel();
      var asserting = tie.claims.filter(function (c) { return !c.negated; });
      var denying = tie.claims.filter(function (c) { return c.negated; });
      var title = el("h2", tie.subject.name + " — " + tie.relation + " — " + tie.object.name, "tie-title");
      p.appendChild(title);
      if (asserting.length && denying.length) title.appendChild(el("span", "disputed", "badge disputed"));
      p.appendChild(el("p", "A claim made in " + asserting.length + " sentence(s)" +
        (denying.length ? " and denied in " + denying.length : "") + "; not an established fact.", "hint"));
      var columns = el("div", null, denying.length ? "columns" : null);
      var claimed = el("div", null, "assertions");
      if (denying.length) claimed.appendChild(el("h3", "Asserted"));
      asserting.forEach(function (c) { claimed.appendChild(evidenceBox(c, id)); });
      columns.appendChild(claimed);
      if (denying.length) {
        var denied = el("div", null, "denials");
        denied.appendChild(el("h3", "Denied"));
        denying.forEach(function (c) { denied.appendChild(evidenceBox(c, id)); });
        columns.appendChild(denied);
      }
      p.appendChild(columns);
      var g = state.graph;
      if (g && g.hasEdge(id)) {
        setFocus({ kind: "tie", center: null, nodes: new Set([g.source(id), g.target(id)]), edges: new Set([id]) });
      }
    });
  }

  function renderText(container, text, mentions, from, to) {
    // text[from:to] with its mentions as links to their actors; every part is a text node
    var pos = from;
    mentions.forEach(function (m) {
      if (m.start < pos || m.end > to) return;
      container.appendChild(document.createTextNode(text.slice(pos, m.start)));
      var mark = el("button", text.slice(m.start, m.end), "mention");
      mark.title = (m.name || m.text) + " (" + m.type + ")";
      if (m.entity_id) mark.addEventListener("click", function () { showEntity(m.entity_id); });
      container.appendChild(mark);
      pos = m.end;
    });
    container.appendChild(document.createTextNode(text.slice(pos, to)));
  }

  function showDocument(docId, from, to, tieId) {
    return api("/api/documents/" + encodeURIComponent(docId)).then(function (doc) {
      var p = panel();
      if (tieId) {
        var back = el("button", "← back to the tie", "linkish back");
        back.addEventListener("click", function () { showTie(tieId); });
        p.appendChild(back);
      }
      p.appendChild(el("h2", doc.title || doc.doc_id, "doc-title"));
      var meta = el("p", [doc.source, doc.published].filter(Boolean).join(" · ") || "", "doc-meta hint");
      if (doc.url && /^https?:\/\//i.test(doc.url)) {
        var link = el("a", (meta.textContent ? " · " : "") + doc.url);
        link.href = doc.url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        meta.appendChild(link);
      }
      p.appendChild(meta);
      var body = el("div", null, "doctext");
      body.id = "doctext";
      var text = doc.text;
      var has = typeof from === "number" && typeof to === "number" && from >= 0 && to <= text.length && from < to;
      if (has) {
        renderText(body, text, doc.mentions, 0, from);
        var claimed = el("mark", null, "claimed");
        claimed.id = "claimed";
        renderText(claimed, text, doc.mentions, from, to);
        body.appendChild(claimed);
        renderText(body, text, doc.mentions, to, text.length);
      } else {
        renderText(body, text, doc.mentions, 0, text.length);
      }
      p.appendChild(body);
      if (has) claimed.scrollIntoView({ block: "center" });
    });
  }

  function edgeKey(g, hop) {
    var forward = hop.subject_id + "~" + hop.relation + "~" + hop.object_id;
    var backward = hop.object_id + "~" + hop.relation + "~" + hop.subject_id;
    return g.hasEdge(forward) ? forward : g.hasEdge(backward) ? backward : null;
  }

  function startOf(hops, name) {
    // where the path starts: the end of the first hop that the second hop does not share
    var first = hops[0];
    if (hops.length > 1) {
      var next = hops[1];
      var shared = first.object_id === next.subject_id || first.object_id === next.object_id;
      return shared ? first.subject_id : first.object_id;
    }
    return first.subject.toLowerCase().indexOf(name.toLowerCase()) >= 0 ? first.subject_id : first.object_id;
  }

  function showPath() {
    var a = document.getElementById("path-a").value.trim();
    var b = document.getElementById("path-b").value.trim();
    if (!a || !b) return;
    var query = filterQuery();
    api("/api/path?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b) + (query ? "&" + query : "")).then(function (result) {
      var p = panel();
      p.appendChild(el("h2", "Path from " + a + " to " + b));
      if (!result.paths.length) { p.appendChild(el("p", "No path with these filters.")); return; }
      p.appendChild(el("p", "Each hop is a claim, in the direction it was claimed; not an established fact.", "hint"));
      var list = el("ol", null, "path");
      var hops = result.paths[0].hops;
      var at = startOf(hops, a);
      var nodes = new Set();
      var edges = new Set();
      var g = state.graph;
      hops.forEach(function (hop) {
        var along = hop.subject_id === at || SYMMETRIC[hop.relation] === true;
        var from = hop.subject_id === at ? hop.subject : hop.object;
        var to = hop.subject_id === at ? hop.object : hop.subject;
        at = hop.subject_id === at ? hop.object_id : hop.subject_id;
        var asserting = hop.evidence.filter(function (ev) { return !ev.negated; });
        var hedged = asserting.length > 0 && asserting.every(function (ev) { return ev.hedged; });
        var sources = {};
        asserting.forEach(function (ev) { sources[ev.attributed_to || ev.doc_id] = true; });
        var item = el("li", null, along ? "along" : "against");
        item.appendChild(el("span", SYMMETRIC[hop.relation] ? from + " —" + hop.relation + "— " + to
          : hop.subject + " —" + hop.relation + "→ " + hop.object, "hop"));
        if (!along) item.appendChild(el("span", " (claimed in this direction, read back along the path)", "hint"));
        if (hedged) item.appendChild(el("span", "hedged", "badge hedged"));
        item.appendChild(el("span", " " + Object.keys(sources).length + " source(s)", "hint"));
        asserting.slice(0, 1).forEach(function (ev) {
          var quote = el("div", null, "hint quote");
          quote.appendChild(document.createTextNode("“" + ev.sentence.replace(/^["“”]+|["“”]+$/g, "") + "” — "));
          var open = el("button", ev.attributed_to || ev.doc_id, "linkish");
          open.addEventListener("click", function () { showDocument(ev.doc_id, ev.char_start, ev.char_end); });
          quote.appendChild(open);
          item.appendChild(quote);
        });
        list.appendChild(item);
        nodes.add(hop.subject_id);
        nodes.add(hop.object_id);
        var key = g ? edgeKey(g, hop) : null;
        if (key) edges.add(key);
      });
      p.appendChild(list);
      setFocus({ kind: "path", center: null, nodes: nodes, edges: edges, edgeColor: "#d62728" });
      document.getElementById("focus-status").textContent = "Path drawn in red: " + hops.length + " hop(s). Escape clears.";
      moveTo(Array.from(nodes));
    }).catch(function (err) { panel().appendChild(el("p", err.message)); });
  }

  function search(term) {
    var box = document.getElementById("results");
    while (box.firstChild) box.removeChild(box.firstChild);
    if (term.length < 2) { box.style.display = "none"; return; }
    api("/api/entities?q=" + encodeURIComponent(term)).then(function (found) {
      var list = document.getElementById("suggestions");
      while (list.firstChild) list.removeChild(list.firstChild);
      found.forEach(function (e) {
        var option = document.createElement("option");
        option.value = e.name;
        list.appendChild(option);
        var button = el("button", e.name + " (" + e.type + ")");
        button.addEventListener("click", function () { box.style.display = "none"; showEntity(e.entity_id); });
        box.appendChild(button);
      });
      box.style.display = found.length ? "block" : "none";
    });
  }

  function legend() {
    var box = document.getElementById("legend");
    Object.keys(TYPE_COLORS).forEach(function (t) {
      var row = el("div");
      var sw = el("span", null, "swatch");
      sw.style.background = TYPE_COLORS[t];
      row.appendChild(sw);
      row.appendChild(document.createTextNode(t));
      box.appendChild(row);
    });
    Object.keys(RELATION_COLORS).forEach(function (r) {
      var row = el("div");
      var line = el("span", null, "line");
      line.style.background = RELATION_COLORS[r];
      row.appendChild(line);
      row.appendChild(document.createTextNode(r));
      box.appendChild(row);
    });
    box.appendChild(el("p", "Faint: mostly hedged. Black and thick: contradicted (a claim denies it). Size: PageRank.", "hint"));
  }

  function controls() {
    var kinds = document.getElementById("kinds");
    Object.keys(RELATION_COLORS).forEach(function (r) {
      var label = el("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = r;
      box.addEventListener("change", loadGraph);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + r));
      kinds.appendChild(label);
    });
    document.getElementById("min-sources").addEventListener("change", loadGraph);
    document.getElementById("min-confidence").addEventListener("change", loadGraph);
    document.getElementById("hide-hedged").addEventListener("change", loadGraph);
    document.getElementById("community").addEventListener("change", loadGraph);
    document.getElementById("path-go").addEventListener("click", showPath);
    ["path-a", "path-b"].forEach(function (field) {
      document.getElementById(field).addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); showPath(); }
      });
    });
    document.getElementById("activity").addEventListener("change", focusActivity);
    document.getElementById("export-png").addEventListener("click", exportPng);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { clearFocus(); document.getElementById("activity").value = ""; }
    });
    var input = document.getElementById("search");
    input.addEventListener("input", function () { search(input.value.trim()); });
  }

  function communities() {
    return api("/api/graph").then(function (data) {
      var sizes = {};
      var labels = {};
      data.nodes.forEach(function (n) {
        if (n.community < 0) return;
        sizes[n.community] = (sizes[n.community] || 0) + 1;
        labels[n.community] = n.community_label;
      });
      var select = document.getElementById("community");
      Object.keys(sizes).sort(function (a, b) { return sizes[b] - sizes[a] || Number(a) - Number(b); }).forEach(function (c) {
        var option = document.createElement("option");
        option.value = c;
        option.textContent = (labels[c] || "community " + c) + " (" + sizes[c] + ")";
        select.appendChild(option);
      });
      drawGraph(data);
      return loadTimeline();
    });
  }

  api("/api/ontology").then(function (vocabulary) {
    vocabulary.actor_types.forEach(function (t) { TYPE_COLORS[t.name] = t.colour; });
    vocabulary.relations.forEach(function (k) {
      if (!k.activity) RELATION_COLORS[k.name] = k.colour;
      if (k.symmetric) SYMMETRIC[k.name] = true;
    });
    (vocabulary.activities || []).forEach(function (a) { ACTIVITY_LABELS[a.name] = a.label || a.name; });
    legend();
    controls();
    return communities();
  });
  window.claimgraph = { showEntity: showEntity, showTie: showTie, showDocument: showDocument, select: select,
    clearFocus: clearFocus, graph: function () { return state.graph; }, renderer: function () { return state.renderer; },
    labels: function () { return state.labels || []; } };
})();
