// Taper planner: the preview and progress charts, print button, select-on-focus. No inline
// scripts (CSP); chart data rides in data-series attributes because htmx drops <script> blocks.
(function () {
  "use strict";

  function seconds(days) {
    return days.map(function (d) { return Date.parse(d + "T12:00:00Z") / 1000; });
  }

  function baseOptions(holder, yLabel) {
    return {
      width: Math.max(280, holder.clientWidth || 600),
      height: 260,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      // "2 Dec", the app's one date format (Stepdown.dayLabel in app.js)
      axes: window.Stepdown.themeAxes([{ values: function (u, splits) { return splits.map(window.Stepdown.dayLabel); } }, window.Stepdown.valueAxis({ label: yLabel, size: 56 })])
    };
  }

  // The chart's words come from the page, in its language (data-label-* on the chart); the
  // English here is the fallback.
  function words(holder, name, fallback) { return window.Stepdown.word(holder, "label", name, fallback); }

  function day(holder) {
    return { label: words(holder, "day", "Day"), value: function (u, v) { return v === null ? "" : window.Stepdown.dayLabel(v); } };
  }

  // The legend's values: grams in the page's language, and nothing (not uPlot's "--") away
  // from the cursor or on a day without a value.
  function grams(u, v) { return v === null || v === undefined ? "" : window.Stepdown.number(v) + " g"; }

  var stepped = function () { return uPlot.paths.stepped({ align: 1 }); };

  // Colours from the page's scheme (app.css), read when the chart is drawn.
  function colour(name) { return window.Stepdown.colour(name); }

  function drawPreview(holder, data) {
    var opts = baseOptions(holder, words(holder, "grams", "grams a day"));
    opts.series = [
      day(holder),
      { label: words(holder, "planned", "planned"), value: grams, stroke: colour("chart-1"), width: 2, paths: stepped(), points: { show: false } },
      { label: words(holder, "level", "modelled level"), value: grams, stroke: colour("chart-4"), width: 1.5, dash: [6, 4], points: { show: false } },
      { label: words(holder, "band-low", "band (low)"), value: grams, stroke: colour("chart-4-edge"), width: 1, points: { show: false } },
      { label: words(holder, "band-high", "band (high)"), value: grams, stroke: colour("chart-4-edge"), width: 1, points: { show: false } }
    ];
    opts.bands = [{ series: [4, 3], fill: colour("chart-4-band") }];
    return new uPlot(opts, [seconds(data.days), data.target_g, data.level_g, data.low_g, data.high_g], holder);
  }

  function drawProgress(holder, data) {
    var opts = baseOptions(holder, words(holder, "grams", "grams a day"));
    opts.series = [
      day(holder),
      { label: words(holder, "logged", "logged"), value: grams, stroke: colour("chart-2"), fill: colour("chart-2-fill"), paths: uPlot.paths.bars({ size: [0.7, 12] }), points: { show: false } },
      { label: words(holder, "planned", "planned"), value: grams, stroke: colour("chart-1"), width: 2, paths: stepped(), points: { show: false } }
    ];
    return new uPlot(opts, [seconds(data.days), data.logged_g, data.planned_g], holder);
  }

  var DRAW = { "plan-preview": drawPreview, "plan-progress": drawProgress };

  function drawAll(root) {
    if (typeof uPlot === "undefined") { return; }
    root.querySelectorAll("[data-chart]").forEach(function (holder) {
      var draw = DRAW[holder.dataset.chart];
      if (!draw || !holder.dataset.series || holder._plot) { return; }
      holder.textContent = "";
      holder._plot = draw(holder, JSON.parse(holder.dataset.series));
    });
  }

  // A new colour scheme: draw every chart again in its colours.
  function redrawAll() {
    document.querySelectorAll("[data-chart]").forEach(function (holder) {
      if (holder._plot && DRAW[holder.dataset.chart]) { holder._plot.destroy(); holder._plot = null; }
    });
    drawAll(document);
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document);
    if (window.Stepdown) { window.Stepdown.onScheme(redrawAll); }
  });
  document.addEventListener("htmx:afterSettle", function () { drawAll(document); });
  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-chart]").forEach(function (holder) {
      if (holder._plot && DRAW[holder.dataset.chart]) {
        holder._plot.setSize({ width: Math.max(280, holder.clientWidth), height: 260 });
      }
    });
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) { window.print(); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) { event.target.select(); }
  });
})();
