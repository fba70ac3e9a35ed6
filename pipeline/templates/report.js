// vnmetrics report: details on hover/click, metrics filters (state kept in the URL fragment), sorting.
// Untrusted strings only ever reach the page through textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vnm-data").textContent);
  var panel = document.getElementById("detail-body");
  var LABELS = { official: "official", date: "date", metric: "figure" };
  var pinned = null;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function idsOf(node) {
    return (node.getAttribute("data-ids") || "").split(" ").filter(Boolean);
  }

  function fieldText(value) {
    if (Array.isArray(value)) return value.join("; ");
    if (typeof value === "boolean") return value ? "yes" : "no";
    return String(value);
  }

  function show(ids) {
    var box = el("div");
    if (pinned) box.appendChild(el("p", "pin", "pinned — Esc or click elsewhere to release"));
    ids.forEach(function (id) {
      var row = data[id];
      if (!row) return;
      var card = el("div", "row k-" + row.type);
      card.setAttribute("data-key", id);
      card.appendChild(el("h4", null, LABELS[row.type] + " " + id + " · " + row.doc));
      var dl = el("dl");
      Object.keys(row).forEach(function (name) {
        if (name === "type" || name === "doc" || name === "docidx") return;
        var value = row[name];
        if (value === null || value === undefined || value === "" ||
            (Array.isArray(value) && !value.length)) return;
        dl.appendChild(el("dt", null, name));
        dl.appendChild(el("dd", null, fieldText(value)));
      });
      card.appendChild(dl);
      var links = el("p");
      var toText = el("a", null, "in the text");
      toText.href = "#hl-" + id;
      links.appendChild(toText);
      if (row.type === "metric") {
        links.appendChild(document.createTextNode(" · "));
        var toRow = el("a", null, "in the table");
        toRow.href = "#row-" + id;
        links.appendChild(toRow);
      }
      card.appendChild(links);
      box.appendChild(card);
    });
    panel.replaceChildren(box);
  }

  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.hl[data-ids]"));
  function select(ids) {
    var wanted = {};
    ids.forEach(function (id) { wanted[id] = true; });
    marks.forEach(function (m) {
      m.classList.toggle("sel", idsOf(m).some(function (id) { return wanted[id]; }));
    });
  }

  // one line per item, for the native tooltip (useful when the panel is off screen)
  function summary(id) {
    var r = data[id];
    if (!r) return id;
    if (r.type === "metric") {
      return "figure: " + r.indicator + " = " + r.figure + " (" + r.kind +
        (r.period ? ", " + r.period : "") + ")" + (r.indicator_id ? " [" + r.indicator_id + "]" : "");
    }
    if (r.type === "official") return "official: " + r.name + (r.titles && r.titles.length ? " — " + r.titles.join("; ") : "");
    return "date: " + r.text + " → " + r.value + " (" + r.role + ")";
  }

  document.addEventListener("mouseover", function (event) {
    var target = event.target.closest("mark.hl[data-ids]");
    if (!target) return;
    if (!target.title) target.title = idsOf(target).map(summary).join("\n");
    if (pinned) return;
    show(idsOf(target));
    select(idsOf(target));
  });
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-ids]");
    if (!target) {
      if (pinned && !event.target.closest("#detail")) { pinned = null; select([]); }
      return;
    }
    pin(idsOf(target));
    if (target.classList.contains("jump")) {
      var anchor = document.getElementById("hl-" + idsOf(target)[0]);
      if (anchor) { event.preventDefault(); anchor.scrollIntoView({ block: "center" }); }
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { pinned = null; select([]); }
  });
  function pin(ids) { pinned = ids; show(ids); select(ids); }

  // --- metrics filters -------------------------------------------------------------------
  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var table = document.getElementById("metric-table");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var haystack = rows.map(function (r) { return fold(r.textContent); });
  var controls = { q: "f-q", kind: "f-kind", unit: "f-unit", province: "f-province" };
  var count = document.getElementById("metric-count");

  function state() {
    var s = {};
    Object.keys(controls).forEach(function (k) { s[k] = document.getElementById(controls[k]).value; });
    return s;
  }

  function apply(updateHash) {
    var s = state();
    var terms = fold(s.q).split(/\s+/).filter(Boolean);
    var visible = 0;
    rows.forEach(function (row, i) {
      var ok = (!s.kind || row.getAttribute("data-kind") === s.kind) &&
        (!s.unit || row.getAttribute("data-unit") === s.unit) &&
        (!s.province || row.getAttribute("data-province") === s.province) &&
        terms.every(function (t) { return haystack[i].indexOf(t) >= 0; });
      row.hidden = !ok;
      if (ok) visible += 1;
    });
    count.setAttribute("data-visible", String(visible));
    count.textContent = visible + " of " + rows.length + " figures";
    if (updateHash) writeHash(s);
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    Object.keys(controls).forEach(function (k) {
      if (!params.has(k)) return;
      var node = document.getElementById(controls[k]);
      var value = params.get(k);
      if (node.tagName === "SELECT" && !Array.prototype.some.call(node.options,
          function (o) { return o.value === value; })) return;
      node.value = value;
    });
    return params;
  }

  function writeHash(s) {
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { if (s[k]) params.set(k, s[k]); });
    var text = params.toString();
    try {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    } catch (e) { /* some file:// contexts refuse; the filters still work */ }
  }

  var form = document.getElementById("metric-filters");
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });

  // --- sorting -----------------------------------------------------------------------------
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var descending = th.classList.contains("asc");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.classList.remove("asc", "desc"); });
      th.classList.add(descending ? "desc" : "asc");
      var keyed = rows.map(function (row, i) {
        var cell = row.cells[col];
        var raw = cell.getAttribute("data-sort");
        var num = raw === null || raw === "" ? NaN : Number(raw);
        return { row: row, i: i, num: num, text: cell.textContent };
      });
      keyed.sort(function (a, b) {
        var r;
        if (!isNaN(a.num) || !isNaN(b.num)) {
          r = (isNaN(a.num) ? Infinity : a.num) - (isNaN(b.num) ? Infinity : b.num);
        } else {
          r = a.text.localeCompare(b.text, "vi");
        }
        return (descending ? -r : r) || a.i - b.i;
      });
      var body = table.tBodies[0];
      keyed.forEach(function (k) { body.appendChild(k.row); });
    });
  });

  var params = readHash();
  apply(false);
  if (params.has("sel")) {
    // "#sel=m3": hover then click the item's first highlight, as a reader would (links can point at an item)
    var wanted = params.get("sel").split(/[ ,]+/).filter(Boolean);
    var first = marks.filter(function (m) { return idsOf(m).indexOf(wanted[0]) >= 0; })[0];
    if (first) {
      first.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      first.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }
    pin(wanted);
  }
  document.body.setAttribute("data-ready", "1");
})();
