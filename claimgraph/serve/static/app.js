/* claimgraph web view. Reads only the JSON API. Every piece of document text is untrusted: it is put on the
   page with textContent / createTextNode, never as HTML. */
(function () {
  "use strict";

  // Colours and kinds come from the server's vocabulary (/api/ontology, claimgraph/ontology.yaml).
  var TYPE_COLORS = {};
  var RELATION_COLORS = {};
  var state = { renderer: null, graph: null, highlight: null };

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

  function filterQuery() {
    var params = new URLSearchParams();
    document.querySelectorAll("#kinds input:checked").forEach(function (box) { params.append("kind", box.value); });
    var min = parseInt(document.getElementById("min-sources").value, 10) || 1;
    params.set("min_sources", String(min));
    var conf = parseFloat(document.getElementById("min-confidence").value);
    if (conf > 0 && conf <= 1) params.set("min_confidence", String(conf));
    if (document.getElementById("hide-hedged").checked) params.set("no_hedged", "true");
    var community = document.getElementById("community").value;
    if (community !== "") params.set("community", community);
    return params.toString();
  }

  function loadGraph() {
    return api("/api/graph?" + filterQuery()).then(drawGraph);
  }

  function drawGraph(data) {
    var graph = new graphology.MultiDirectedGraph();
    var maxRank = 0;
    data.nodes.forEach(function (n) { maxRank = Math.max(maxRank, n.pagerank || 0); });
    data.nodes.forEach(function (n) {
      graph.addNode(n.id, {
        label: n.label, x: n.x, y: n.y, color: TYPE_COLORS[n.type] || "#999",
        size: 4 + 14 * Math.sqrt((n.pagerank || 0) / (maxRank || 1)), entityType: n.type
      });
    });
    data.edges.forEach(function (e) {
      var color = RELATION_COLORS[e.relation] || "#999";
      if (e.hedged_share > 0.5) color = color + "66";  // mostly hedged: faint
      graph.addDirectedEdgeWithKey(e.id, e.source, e.target, {
        size: e.contradicting_claims > 0 ? 4 : 1 + Math.min(e.sources, 5), color: e.contradicting_claims > 0 ? "#000000" : color,
        label: e.relation + (e.contradicting_claims > 0 ? " (contradicted)" : ""), relation: e.relation, type: "arrow"
      });
    });
    if (state.renderer) state.renderer.kill();
    state.graph = graph;
    state.renderer = new Sigma(graph, document.getElementById("graph"), {
      renderEdgeLabels: false, enableEdgeEvents: true, defaultEdgeType: "arrow", labelRenderedSizeThreshold: 6
    });
    state.renderer.on("clickNode", function (event) { showEntity(event.node); });
    state.renderer.on("clickEdge", function (event) { showTie(event.edge); });
    document.getElementById("graph").setAttribute("data-nodes", String(data.nodes.length));
    document.getElementById("graph").setAttribute("data-edges", String(data.edges.length));
  }

  function showEntity(id) {
    return api("/api/entities/" + encodeURIComponent(id)).then(function (entity) {
      var p = panel();
      p.appendChild(el("h2", entity.name, "entity-name"));
      p.appendChild(el("p", entity.type + (entity.country ? " · " + entity.country : "")));
      p.appendChild(el("p", "Also seen as: " + (entity.aliases.join(", ") || "-")));
      p.appendChild(el("p", "Documents: " + entity.doc_ids.join(", ")));
      Object.keys(entity.ties).sort().forEach(function (kind) {
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

  function showTie(id) {
    return api("/api/ties/" + encodeURIComponent(id)).then(function (tie) {
      var p = panel();
      p.appendChild(el("h2", tie.subject.name + " — " + tie.relation + " — " + tie.object.name, "tie-title"));
      p.appendChild(el("p", "A claim made in " + tie.claims.length + " sentence(s); not an established fact.", "hint"));
      tie.claims.forEach(function (c) {
        var box = el("div", null, "evidence");
        var head = el("div");
        if (c.hedged) head.appendChild(el("span", "hedged", "badge hedged"));
        if (c.negated) head.appendChild(el("span", "denied", "badge negated"));
        head.appendChild(el("span", c.attributed_to ? "According to " + c.attributed_to : "Claimed by the document"));
        box.appendChild(head);
        box.appendChild(highlighted(c.sentence, [{ text: c.subject_text, cls: "actor-a" }, { text: c.object_text, cls: "actor-b" }]));
        var source = el("div");
        var link = el("button", (c.title || c.doc_id) + (c.published ? " (" + c.published + ")" : ""), "linkish");
        link.addEventListener("click", function () { showDocument(c.doc_id, c.char_start, c.char_end); });
        source.appendChild(link);
        if (c.url && /^https?:\/\//i.test(c.url)) {
          var external = el("a", " original ↗");
          external.href = c.url;
          external.rel = "noopener noreferrer";
          external.target = "_blank";
          source.appendChild(external);
        }
        box.appendChild(source);
        p.appendChild(box);
      });
    });
  }

  function showDocument(docId, from, to) {
    return api("/api/documents/" + encodeURIComponent(docId)).then(function (doc) {
      var p = panel();
      p.appendChild(el("h2", doc.title || doc.doc_id, "doc-title"));
      var body = el("div", null, "doctext");
      body.id = "doctext";
      var pos = 0;
      doc.mentions.forEach(function (m) {
        if (m.start < pos) return;
        body.appendChild(document.createTextNode(doc.text.slice(pos, m.start)));
        var mark = el("span", doc.text.slice(m.start, m.end), "mention");
        mark.title = (m.name || m.text) + " (" + m.type + ")";
        body.appendChild(mark);
        pos = m.end;
      });
      body.appendChild(document.createTextNode(doc.text.slice(pos)));
      p.appendChild(body);
    });
  }

  function showPath() {
    var a = document.getElementById("path-a").value.trim();
    var b = document.getElementById("path-b").value.trim();
    if (!a || !b) return;
    api("/api/path?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b)).then(function (result) {
      var p = panel();
      p.appendChild(el("h2", "Path from " + a + " to " + b));
      if (!result.paths.length) { p.appendChild(el("p", "No path with these filters.")); return; }
      var list = el("ol", null, "path");
      result.paths[0].hops.forEach(function (hop) {
        var item = el("li", hop.subject + " —" + hop.relation + "→ " + hop.object);
        hop.evidence.slice(0, 1).forEach(function (ev) {
          item.appendChild(el("div", "“" + ev.sentence + "” (" + (ev.attributed_to || ev.doc_id) + ")", "hint"));
        });
        list.appendChild(item);
      });
      p.appendChild(list);
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
    var input = document.getElementById("search");
    input.addEventListener("input", function () { search(input.value.trim()); });
  }

  function communities() {
    return api("/api/graph").then(function (data) {
      var seen = {};
      var select = document.getElementById("community");
      data.nodes.forEach(function (n) {
        if (n.community >= 0 && !seen[n.community]) {
          seen[n.community] = true;
          var option = document.createElement("option");
          option.value = String(n.community);
          option.textContent = n.community + ": " + n.community_label;
          select.appendChild(option);
        }
      });
      drawGraph(data);
    });
  }

  api("/api/ontology").then(function (vocabulary) {
    vocabulary.actor_types.forEach(function (t) { TYPE_COLORS[t.name] = t.colour; });
    vocabulary.relations.forEach(function (k) { if (!k.activity) RELATION_COLORS[k.name] = k.colour; });
    legend();
    controls();
    return communities();
  });
  window.claimgraph = { showEntity: showEntity, showTie: showTie, showDocument: showDocument };
})();
