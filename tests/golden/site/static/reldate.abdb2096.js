/* briefgen: "3 days ago" beside each date, computed in the reader's browser when the page is read
   (a relative date written at build time is wrong the day after). The absolute date stays in the
   HTML as it is; without JavaScript or Intl.RelativeTimeFormat nothing is added. Whole days,
   months and years are counted down (10.7 months reads "10 months ago", never "1 year ago"). */
(function () {
  "use strict";
  if (!window.Intl || !Intl.RelativeTimeFormat) return;
  var lang = document.documentElement.lang || "en";
  var rtf = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  function phrase(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!m) return "";
    var y = +m[1], mo = +m[2] - 1, d = +m[3];
    var days = Math.round((today - Date.UTC(y, mo, d)) / 86400000);
    if (days < 0) return "";
    if (days < 31) return rtf.format(-days, "day");
    var months = (now.getFullYear() - y) * 12 + (now.getMonth() - mo) - (now.getDate() < d ? 1 : 0);
    if (months < 12) return rtf.format(-Math.max(1, months), "month");
    return rtf.format(-Math.floor(months / 12), "year");
  }
  var times = document.querySelectorAll("time[data-rel]");
  for (var i = 0; i < times.length; i++) {
    var text = phrase(times[i].getAttribute("datetime"));
    if (!text) continue;
    var span = document.createElement("span");
    span.className = "relative";
    span.textContent = " (" + text + ")";
    times[i].parentNode.insertBefore(span, times[i].nextSibling);
  }
})();
