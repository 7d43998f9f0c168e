// Stepdown's small amount of JavaScript: charts and htmx glue. No inline scripts (CSP).
(function () {
  "use strict";

  // ---- One wrapper for every uPlot chart -------------------------------------------------
  // Days read "2 Dec" on axes and in the readout, as everywhere else in the app; the series key
  // is a static list (no "Time: --" placeholders); the readout under a chart names the day and
  // the values under the cursor; a chart with no values at all says "Nothing yet" instead of
  // drawing bare axes. Timestamps are noon UTC of each day (see tzDate), so UTC getters give
  // the day itself. Words and month names follow the page's language (<html lang>); the words
  // come from the page (<meta name="stepdown-chart">, data-label-* on a chart), with the
  // English here as the fallback.
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var SD = window.Stepdown = window.Stepdown || {};
  var LANG = document.documentElement.lang || "en";
  var ENGLISH = LANG.split("-")[0] === "en";

  // A word the page wrote on `element` as data-<prefix>-<name>, else the English fallback.
  SD.word = function (element, prefix, name, fallback) {
    return (element && element.getAttribute("data-" + prefix + "-" + name)) || fallback;
  };
  function shellWord(name, fallback) {
    return SD.word(document.querySelector('meta[name="stepdown-chart"]'), "word", name, fallback);
  }

  SD.dayLabel = function (ts) {
    var d = new Date(ts * 1000);
    if (ENGLISH) { return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]; }
    return d.toLocaleDateString(LANG, { day: "numeric", month: "short", timeZone: "UTC" });
  };
  // The value axis' ticks in the page's language ("2,5"); English keeps uPlot's own.
  SD.valueAxis = function (axis) {
    if (ENGLISH) { return axis; }
    return Object.assign({ values: function (u, splits) { return splits.map(function (v) { return v.toLocaleString(LANG); }); } }, axis);
  };
  // A number as the page's language writes it, to one decimal: "9.6", "9,6".
  SD.number = function (value) {
    var rounded = Math.round(value * 10) / 10;
    return ENGLISH ? String(rounded) : rounded.toLocaleString(LANG, { maximumFractionDigits: 1 });
  };
  SD.daySeconds = function (days) {
    return days.map(function (d) { return Date.parse(d + "T12:00:00Z") / 1000; });
  };
  SD.isEmpty = function (columns) {
    return columns.every(function (values) {
      return values.every(function (v) { return v === null || v === undefined; });
    });
  };
  SD.nothingYet = function (holder, text) {
    holder.textContent = "";
    var p = document.createElement("p");
    p.className = "chart-empty";
    p.setAttribute("data-testid", "chart-empty");
    p.textContent = text || shellWord("nothing-yet", "Nothing yet.");
    holder.appendChild(p);
  };

  // Colours come from the CSS custom properties (app.css) when a chart is drawn, so charts
  // follow the light or dark scheme; onScheme redraws them when the system setting changes.
  SD.css = function (name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  };
  SD.colour = function (name) { return SD.css("--sd-" + name); };
  SD.themeAxes = function (axes) {
    var ink = SD.colour("chart-axis");
    var grid = SD.colour("chart-grid");
    return axes.map(function (axis) {
      return Object.assign({ stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } }, axis);
    });
  };
  // A series' dots: hollow, filled with the page's background in either scheme.
  SD.dots = function (size) { return { show: true, size: size, fill: SD.css("--pico-background-color") }; };
  SD.onScheme = function (redraw) {
    var query = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    if (query && query.addEventListener) { query.addEventListener("change", redraw); }
  };

  // series: [[uPlot series options plus optional `unit`, values], ...]
  SD.plot = function (holder, opts, days, series, emptyText) {
    var columns = series.map(function (pair) { return pair[1]; });
    if (holder._plot) { holder._plot.destroy(); holder._plot = null; }
    if (SD.isEmpty(columns)) { SD.nothingYet(holder, emptyText); return null; }
    holder.textContent = "";
    var readout = document.createElement("p");
    readout.className = "chart-readout";
    readout.setAttribute("data-testid", "chart-readout");
    var axes = opts.axes || [{}, {}];
    axes[0] = Object.assign({ values: function (u, splits) { return splits.map(SD.dayLabel); } }, axes[0]);
    axes[1] = SD.valueAxis(axes[1]);
    axes = SD.themeAxes(axes);
    var hooks = opts.hooks || {};
    hooks.setCursor = (hooks.setCursor || []).concat([function (u) {
      var i = u.cursor.idx;
      if (i === null || i === undefined) { readout.textContent = ""; return; }
      var parts = [];
      series.forEach(function (pair) {
        var v = pair[1][i];
        if (v !== null && v !== undefined) { parts.push(pair[0].label + " " + SD.number(v) + (pair[0].unit || "")); }
      });
      var values = parts.length ? parts.join(" · ") : shellWord("nothing-recorded", "nothing recorded");
      readout.textContent = shellWord("readout", "{day}: {values}")
        .replace("{day}", SD.dayLabel(u.data[0][i])).replace("{values}", values);
    }]);
    var full = Object.assign({}, opts, {
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      legend: { show: false },
      axes: axes,
      hooks: hooks,
      series: [{}].concat(series.map(function (pair) { return pair[0]; }))
    });
    var plot = new uPlot(full, [SD.daySeconds(days)].concat(columns), holder);
    var key = document.createElement("p");
    key.className = "chart-key";
    series.forEach(function (pair) {
      if (SD.isEmpty([pair[1]])) { return; }  // no key for a series with nothing to draw
      var item = document.createElement("span");
      item.className = "chart-key-item";
      var swatch = document.createElement("span");
      swatch.className = "chart-swatch";
      swatch.style.backgroundColor = pair[0].stroke;  // CSSOM, allowed by the CSP
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(pair[0].label));
      key.appendChild(item);
    });
    holder.appendChild(key);
    holder.appendChild(readout);
    holder._plot = plot;
    return plot;
  };

  function drawDailyChart(root) {
    var holder = root.querySelector('[data-chart="daily-totals"]');
    if (!holder || !holder.dataset.series || typeof uPlot === "undefined") { return; }
    var data = JSON.parse(holder.dataset.series);
    var bars = uPlot.paths.bars({ size: [0.7, 12] });
    function label(name, fallback) { return SD.word(holder, "label", name, fallback); }
    SD.plot(holder, {
      width: Math.max(280, holder.clientWidth || 600),
      height: 240,
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      axes: [{}, { label: label("grams-a-day", "grams a day"), size: 60 }]
    }, data.days, [
      [{ label: label("grams", "grams"), unit: " g", stroke: SD.colour("chart-1"), fill: SD.colour("chart-1-fill"), paths: bars, points: { show: false } }, data.total_g],
      [{ label: label("average", "7-day average"), unit: " g", stroke: SD.colour("chart-2"), width: 2, points: { show: false } }, data.avg_7d_g]
    ], label("empty", "Nothing yet: log a dose and your days will appear here."));
  }

  // Deferred scripts all run before DOMContentLoaded, so uPlot (loaded after this file) is ready then.
  document.addEventListener("DOMContentLoaded", function () { drawDailyChart(document); });
  // After htmx replaces the Today panel, draw the new chart from its fresh data.
  document.addEventListener("htmx:afterSettle", function () { drawDailyChart(document); });
  SD.onScheme(function () { drawDailyChart(document); });
  window.addEventListener("resize", function () {
    var holder = document.querySelector('[data-chart="daily-totals"]');
    if (holder && holder._plot) { holder._plot.setSize({ width: Math.max(280, holder.clientWidth), height: 240 }); }
  });
  // A form that answers with a file download (the data export): the page stays, so say that the
  // file is being prepared and mark the button busy until the download begins. The page cannot
  // see a download start, so the form sends a fresh random token and the response that starts
  // the file sets a short-lived cookie (named by data-preparing) holding it; poll for that.
  function downloadToken() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-preparing")) { return; }
    var note = form.querySelector("[data-preparing-note]");
    var button = form.querySelector("button[type=submit]");
    if (button && button.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
    var cookie = form.getAttribute("data-preparing");
    var field = form.querySelector("[data-download-token]");
    var token = downloadToken();
    if (field) { field.value = token; }
    if (note) { note.textContent = note.getAttribute("data-preparing-text"); }
    if (button) { button.setAttribute("aria-busy", "true"); }
    var started = Date.now();
    var poll = window.setInterval(function () {
      var arrived = document.cookie.split("; ").indexOf(cookie + "=" + token) !== -1;
      // Without the cookie (blocked, or the server failed) stop waiting after five minutes.
      if (!arrived && Date.now() - started < 300000) { return; }
      window.clearInterval(poll);
      if (button) { button.removeAttribute("aria-busy"); }
      if (arrived) {
        document.cookie = cookie + "=; Max-Age=0; Path=" + form.getAttribute("action") + "; SameSite=Strict";
        if (note) { note.textContent = note.getAttribute("data-ready-text"); }
      }
    }, 500);
  });
})();
