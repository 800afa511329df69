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
  // The header's search box is the search page's box (one box on the page).
  var input = document.getElementById("site-search");
  var lang = document.documentElement.lang || "en";
  var dateFormat = null;
  try { dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }); } catch (e) { dateFormat = null; }
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
  var LETTER = /[\p{L}\p{N}]/u;
  // A term matches where a word starts: after a space, a hyphen ("ara" in "putin-ara"), an
  // apostrophe ("europe" in "l'europe") or any other character that is not a letter or digit.
  function matches(text, terms) {
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i], at = text.indexOf(t);
      var ok = false;
      while (at !== -1) {
        if (at === 0 || !LETTER.test(text.charAt(at - 1))) { ok = true; break; }
        at = text.indexOf(t, at + 1);
      }
      if (!ok) return false;
    }
    return true;
  }
  // The date in the site's language (Intl's medium style: CLDR's, as the pages' dates).
  function localDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m || !dateFormat) return iso;
    return dateFormat.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
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
      time.textContent = " " + localDate(d[3]);
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
