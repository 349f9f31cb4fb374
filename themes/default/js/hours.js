// "Open now" on a service point's page: reads the openings the page was
// built with (data attributes of the status element: the first day, and
// each opening as "day:from-to" in minutes after that day's midnight in
// Europe/Stockholm, flags u for unknown and o for an open end) and says,
// once, whether the place is open now and when it closes or opens. When
// now is outside the days the page describes (an old build) it says
// nothing; without JavaScript the week's table stands alone. Text is set
// with textContent only.
(function () {
  "use strict";
  var el = document.querySelector("[data-hours-now]");
  if (!el || !window.Intl || !Intl.DateTimeFormat) { return; }
  var get = function (name) { return el.getAttribute("data-" + name) || ""; };
  var DAY = 1440;
  var start = get("start").split("-");
  if (start.length !== 3) { return; }
  var startUTC = Date.UTC(+start[0], +start[1] - 1, +start[2]);
  var horizon = +get("days");

  // Now as a day after the first and a minute of that day, in Stockholm.
  var parts = {};
  try {
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = +p.value; });
  } catch (e) { return; }
  var today = Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - startUTC) / 864e5);
  if (!(today >= 0 && today < horizon)) { return; }
  var now = today * DAY + (parts.hour % 24) * 60 + parts.minute;

  // The openings in minutes after the first day's midnight, those that
  // touch joined.
  var open = [];
  get("openings").split(" ").forEach(function (s) {
    var m = /^(-?\d+):(\d+)-(\d+)([uo]*)$/.exec(s);
    if (!m) { return; }
    var o = { from: +m[1] * DAY + +m[2], to: +m[1] * DAY + +m[3], unknown: m[4].indexOf("u") >= 0, end: m[4].indexOf("o") >= 0 };
    var last = open[open.length - 1];
    if (last && last.to >= o.from && last.unknown === o.unknown && !last.end) {
      last.to = Math.max(last.to, o.to);
      last.end = o.end;
    } else {
      open.push(o);
    }
  });

  var weekdays = get("weekdays").split(" ");
  var months = get("months").split(" ");
  var sep = get("sep");
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  // when says a minute after the first day's midnight as the page's
  // language says it from today: "16.00", "i morgon 01.00", "måndag
  // 08.00", "måndag 6 juli 08.00".
  var when = function (t) {
    var day = Math.floor(t / DAY), min = t - day * DAY;
    var clock = pad(Math.floor(min / 60)) + sep + pad(min % 60);
    if (day === today) { return clock; }
    if (day === today + 1) { return get("tomorrow") + " " + clock; }
    var date = new Date(startUTC + day * 864e5);
    var name = weekdays[(date.getUTCDay() + 6) % 7];
    if (day - today < 7) { return name + " " + clock; }
    return name + " " + date.getUTCDate() + " " + months[date.getUTCMonth()] + " " + clock;
  };
  var say = function (key, arg) { return get(key).replace("%s", arg || ""); };

  // Open now (or may be), or closed until the next certain opening.
  var text = "";
  for (var i = 0; i < open.length && !text; i++) {
    var o = open[i];
    if (o.to <= now) { continue; }
    if (o.from <= now) {
      if (o.unknown && !o.end) {
        text = say("maybe");
      } else if (o.end || o.to >= horizon * DAY) {
        text = say("open-long");
      } else {
        text = say("open", when(o.to));
      }
    } else if (!o.unknown || o.end) {
      text = say("closed", when(o.from));
    }
  }
  el.textContent = text || say("closed-long");
}());
