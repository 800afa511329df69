/* briefgen search: loads the site's JSON index and matches every query word as a word prefix,
   ignoring case and accents. Results are built with textContent: nothing from the index is
   ever parsed as HTML. No external resources. */
(function () {
  "use strict";
  var script = document.currentScript;
  var indexUrl = script.getAttribute("data-index");
  var prefix = script.getAttribute("data-prefix");
  var none = script.getAttribute("data-none");
  var some = script.getAttribute("data-some");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var docs = null;
  var LIMIT = 100;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\u00df/g, "ss");
  }
  function words(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }
  function matches(text, terms) {
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], at = text.indexOf(t);
      var ok = false;
      while (at !== -1) {
        if (at === 0 || text.charAt(at - 1) === " ") { ok = true; break; }
        at = text.indexOf(t, at + 1);
      }
      if (!ok) return false;
    }
    return true;
  }
  function show(query) {
    list.textContent = "";
    var terms = words(query);
    if (!terms.length) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < docs.length && found < LIMIT; i++) {
      var d = docs[i];
      if (!matches(" " + d[4] + " " + fold(d[1]) + " ", terms)) continue;
      found++;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = prefix + d[0];
      a.textContent = d[1];
      var time = document.createElement("time");
      time.dateTime = d[3];
      time.textContent = " " + d[3];
      li.appendChild(a);
      li.appendChild(time);
      if (d[2]) {
        var k = document.createElement("p");
        k.className = "kicker";
        k.textContent = d[2];
        li.insertBefore(k, a);
      }
      list.appendChild(li);
    }
    status.textContent = found ? some.replace("{n}", String(found)) : none;
  }
  function run() {
    var q = new URLSearchParams(window.location.search).get("q") || "";
    input.value = q;
    if (docs) { show(q); return; }
    // search.json lists one shard per month; fetch them all at once, keep their order (newest first).
    var base = new URL(indexUrl, window.location.href);
    fetch(base).then(function (r) { return r.json(); }).then(function (index) {
      return Promise.all(index.shards.map(function (s) {
        return fetch(new URL(s.url + "?v=" + encodeURIComponent(s.v), base)).then(function (r) { return r.json(); });
      }));
    }).then(function (parts) {
      docs = [];
      parts.forEach(function (p) { docs = docs.concat(p.docs); });
      show(q);
    });
  }
  if (input) {
    input.addEventListener("input", function () { if (docs) show(input.value); });
    run();
  }
})();
