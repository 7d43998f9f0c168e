// Stepdown's small amount of JavaScript: charts and htmx glue. No inline scripts (CSP).
(function () {
  "use strict";

  function drawDailyChart(root) {
    var holder = root.querySelector('[data-chart="daily-totals"]');
    if (!holder || !holder.dataset.series || typeof uPlot === "undefined") { return; }
    var data = JSON.parse(holder.dataset.series);
    holder.textContent = "";
    var xs = data.days.map(function (d) { return Date.parse(d + "T12:00:00Z") / 1000; });
    var width = Math.max(280, holder.clientWidth || 600);
    var bars = uPlot.paths.bars({ size: [0.7, 12] });
    var opts = {
      width: width,
      height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      axes: [{}, { label: "grams a day", size: 60 }],
      series: [
        {},
        { label: "grams", stroke: "#2a7b6f", fill: "rgba(42,123,111,0.35)", paths: bars, points: { show: false } },
        { label: "7-day average", stroke: "#b45309", width: 2, points: { show: false } }
      ]
    };
    var plot = new uPlot(opts, [xs, data.total_g, data.avg_7d_g], holder);
    holder._plot = plot;
  }

  // Deferred scripts all run before DOMContentLoaded, so uPlot (loaded after this file) is ready then.
  document.addEventListener("DOMContentLoaded", function () { drawDailyChart(document); });
  // After htmx replaces the Today panel, draw the new chart from its fresh data.
  document.addEventListener("htmx:afterSettle", function () { drawDailyChart(document); });
  window.addEventListener("resize", function () {
    var holder = document.querySelector('[data-chart="daily-totals"]');
    if (holder && holder._plot) { holder._plot.setSize({ width: Math.max(280, holder.clientWidth), height: 240 }); }
  });
})();
