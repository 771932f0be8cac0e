// detente: filters, sorting, chart points and the upload form. No network except the app's
// own /api/ (the static report makes no request at all). Text is inserted with textContent
// or by cloning already-escaped rows, never as HTML.
(function () {
  "use strict";

  function filterTable(form) {
    var table = document.getElementById(form.dataset.table);
    if (!table) return;
    var el = form.elements;
    var dyad = el.dyad ? el.dyad.value : "";
    var quads = Array.prototype.filter.call(form.querySelectorAll("input[name=quad]"), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    var from = el.from.value.trim(), to = el.to.value.trim(), q = el.q.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i], d = r.dataset;
      var ok = (!dyad || d.dyad === dyad) &&
        (["1", "2", "3", "4"].indexOf(d.quad) < 0 || quads.indexOf(d.quad) >= 0) &&
        (!from || (d.year && d.year >= from)) && (!to || (d.year && d.year <= to)) &&
        (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    }
    var out = form.querySelector(".shown");
    if (out) out.textContent = shown + " of " + rows.length + " events shown";
  }

  function sortTable(th) {
    var table = th.closest("table"), body = table.tBodies[0];
    var key = th.dataset.sort, num = th.dataset.type === "num";
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th[data-sort]").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.dataset[key] || "", y = b.dataset[key] || "";
      var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  function showPoint(pt) {
    var svg = pt.closest("svg"), block = svg.closest(".chart-block");
    var by = svg.dataset.by, dyad = svg.dataset.dyad, period = pt.dataset.period, line = pt.dataset.line;
    var panel = block.querySelector(".point-events");
    panel.textContent = "";
    var rows = document.querySelectorAll("table.events tbody tr");
    var hits = Array.prototype.filter.call(rows, function (r) {
      return r.dataset.dyad === dyad && r.dataset[by] === period && r.dataset.negated !== "1" &&
        (line === "both" || r.dataset.line === line);
    });
    var h = document.createElement("h3");
    h.textContent = period + " (" + (line === "both" ? "both directions" : line) + "): " +
      hits.length + (hits.length === 1 ? " event" : " events");
    panel.appendChild(h);
    var ul = document.createElement("ul");
    hits.forEach(function (r) {
      var li = document.createElement("li");
      var head = document.createElement("b");
      head.textContent = r.cells[0].textContent + " " + r.cells[1].textContent + " " + r.cells[2].textContent +
        " (" + r.cells[3].textContent + ")";
      li.appendChild(head);
      li.appendChild(document.createElement("br"));
      var s = r.querySelector("td.sentence").cloneNode(true);
      var span = document.createElement("span");
      span.className = "sentence";
      while (s.firstChild) span.appendChild(s.firstChild);
      li.appendChild(span);
      var doc = document.createElement("span");
      doc.className = "cite";
      doc.textContent = " — " + r.querySelector("td.doc").textContent;
      li.appendChild(doc);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  function analyse(form) {
    var status = document.getElementById("job-status"), bar = document.getElementById("job-progress");
    var result = document.getElementById("job-result");
    result.textContent = "";
    bar.hidden = false;
    bar.removeAttribute("value");
    status.textContent = "sending…";
    fetch(form.action, { method: "POST", body: new FormData(form), headers: { "X-Detente": "1" } })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || r.statusText); return j; }); })
      .then(function (job) { poll(job.id); })
      .catch(function (e) { status.textContent = "failed: " + e.message; bar.hidden = true; });

    function poll(id) {
      fetch("/api/jobs/" + encodeURIComponent(id)).then(function (r) { return r.json(); }).then(function (job) {
        status.textContent = job.message;
        bar.value = job.progress;
        bar.max = 1;
        if (job.state === "done") return done(job);
        if (job.state === "failed") { bar.hidden = true; return; }
        setTimeout(function () { poll(id); }, 300);
      });
    }

    function done(job) {
      bar.value = 1;
      var p = document.createElement("p");
      var a = document.createElement("a");
      a.href = "/document?id=" + encodeURIComponent(job.doc_id);
      a.textContent = "open the document";
      p.appendChild(document.createTextNode(job.events.length + (job.events.length === 1 ? " event" : " events") + " stored: "));
      p.appendChild(a);
      result.appendChild(p);
      var ul = document.createElement("ul");
      ul.className = "new-events";
      job.events.forEach(function (e) {
        var li = document.createElement("li");
        li.textContent = (e.date || "undated") + " " + e.source + " → " + e.target + " " + e.name + " (" + e.cameo + "): " + e.sentence;
        ul.appendChild(li);
      });
      result.appendChild(ul);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.filters").forEach(function (f) {
      f.addEventListener("input", function () { filterTable(f); });
      f.addEventListener("change", function () { filterTable(f); });
      f.addEventListener("submit", function (ev) { ev.preventDefault(); filterTable(f); });
    });
    document.querySelectorAll("th[data-sort]").forEach(function (th) {
      th.addEventListener("click", function () { sortTable(th); });
    });
    document.querySelectorAll("svg.chart .pt").forEach(function (pt) {
      pt.addEventListener("click", function () { showPoint(pt); });
      pt.addEventListener("keydown", function (ev) { if (ev.key === "Enter") showPoint(pt); });
    });
    document.querySelectorAll("form.network-period select").forEach(function (sel) {
      sel.addEventListener("change", function () {
        var scope = sel.closest("section") || document;
        scope.querySelectorAll("div.network").forEach(function (d) { d.hidden = d.dataset.period !== sel.value; });
      });
    });
    var form = document.getElementById("analyse");
    if (form) form.addEventListener("submit", function (ev) { ev.preventDefault(); analyse(form); });
  });
})();
