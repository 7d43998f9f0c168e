// Check-ins: progress and sliders on questionnaire forms, and the stacked Trends charts.
// No inline scripts (CSP); data arrives in data-* attributes.
(function () {
  "use strict";

  // ---- Questionnaire form -------------------------------------------------------------
  function isAnswered(question) {
    var inputs = question.querySelectorAll("input[name], textarea[name]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.type === "radio") { if (input.checked) { return true; } }
      else if (input.value.trim() !== "") { return true; }
    }
    return false;
  }

  function updateProgress(form) {
    var required = form.querySelectorAll("[data-question][data-required]");
    var done = 0;
    required.forEach(function (q) { if (isAnswered(q)) { done += 1; } });
    var bar = form.querySelector("[data-progress]");
    var text = form.querySelector("[data-progress-text]");
    if (bar) { bar.max = required.length; bar.value = done; }
    if (text) {
      var left = required.length - done;
      // The words come from the page, in its language: data-all and data-some ("{done} of {total} answered").
      var some = text.getAttribute("data-some") || "{done} of {total} answered";
      text.textContent = left === 0 ? (text.getAttribute("data-all") || "All answered")
        : some.replace("{done}", done).replace("{total}", required.length);
    }
  }

  function wireSliders(form) {
    form.querySelectorAll("[data-slider-for]").forEach(function (slider) {
      var box = document.getElementById(slider.dataset.sliderFor);
      if (!box) { return; }
      if (box.value === "") { slider.classList.add("untouched"); } else { slider.value = box.value; }
      slider.addEventListener("input", function () {
        box.value = slider.value;
        slider.classList.remove("untouched");
        box.dispatchEvent(new Event("input", { bubbles: true }));
      });
      box.addEventListener("input", function () {
        if (box.value !== "") { slider.value = box.value; slider.classList.remove("untouched"); }
      });
    });
  }

  function setUpForm(form) {
    form.classList.add("js");
    wireSliders(form);
    updateProgress(form);
    form.addEventListener("input", function () { updateProgress(form); });
    form.addEventListener("change", function () { updateProgress(form); });
  }

  // ---- Trends ---------------------------------------------------------------------------
  // Read from the page's colour scheme each time the charts are drawn (app.js).
  function colours() {
    var c = window.Stepdown.colour;
    return { dose: c("chart-1"), doseFill: c("chart-1-fill"), target: c("chart-2"), a: c("chart-3"),
             b: c("chart-4"), c: c("chart-2"), d: c("chart-5"), mark: c("chart-mark") };
  }

  function markLines(marks, colour) {
    return function (u) {
      if (!marks.length) { return; }
      var ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = colour;
      ctx.setLineDash([5, 4]);
      ctx.lineWidth = 1;
      marks.forEach(function (mark) {
        var x = Math.round(u.valToPos(mark.x, "x", true));
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
      });
      ctx.restore();
    };
  }

  // One axis per chart: sleep hours and sleep quality are two charts, and the four mood items are
  // four small charts (small multiples) rather than four crossing lines.
  function chartSpecs(data, COLORS, words) {
    var bars = uPlot.paths.bars({ size: [0.7, 10] });
    var stepped = uPlot.paths.stepped({ align: 1 });
    function line(label, values, color, extra) {
      var s = { label: label, stroke: color, width: 2, spanGaps: false, points: window.Stepdown.dots(4) };
      return [Object.assign(s, extra || {}), values];
    }
    return {
      dose: { y: [0, null], axis: words.g_a_day, series: [
        [{ label: words.grams, unit: " g", stroke: COLORS.dose, fill: COLORS.doseFill, paths: bars, points: { show: false } }, data.dose_g],
        line(words.plan_target, data.target_g, COLORS.target, { unit: " g", paths: stepped, points: { show: false } })
      ] },
      withdrawal: { y: [0, 48], axis: "0–48", series: [line(words.total, data.withdrawal, COLORS.a)] },
      craving: { y: [0, 100], axis: "0–100", series: [line(words.craving, data.craving, COLORS.b)] },
      sleep_hours: { y: [0, 12], axis: words.hours, series: [line(words.hours, data.sleep_hours, COLORS.a, { unit: " h" })] },
      sleep_quality: { y: [0, 4], axis: "0–4", height: 120, series: [line(words.quality, data.sleep_quality, COLORS.c)] },
      mood: { y: [0, 4], axis: "0–4", height: 110, series: [line(words.mood, data.mood, COLORS.a)] },
      energy: { y: [0, 4], axis: "0–4", height: 110, series: [line(words.energy, data.energy, COLORS.d)] },
      sedation: { y: [0, 4], axis: "0–4", height: 110, series: [line(words.sedation, data.sedation, COLORS.b)] },
      sociability: { y: [0, 4], axis: "0–4", height: 110, series: [line(words.sociability, data.sociability, COLORS.c)] },
      phq: { y: [0, 27], axis: words.total, series: [
        line("PHQ-9", data.phq9, COLORS.a, { spanGaps: true }),
        line("GAD-7", data.gad7, COLORS.b, { spanGaps: true })
      ] }
    };
  }

  function drawTrends(root) {
    if (!root.dataset.series || typeof uPlot === "undefined" || !window.Stepdown) { return; }
    var data = JSON.parse(root.dataset.series);
    var marks = data.marks.map(function (m) { return { x: Date.parse(m.day + "T00:00:00Z") / 1000, label: m.label }; });
    var palette = colours();
    // The page's words for the charts (data-words, in its language).
    var words = JSON.parse(root.dataset.words || "{}");
    var specs = chartSpecs(data, palette, words);
    root.querySelectorAll("[data-trend]").forEach(function (holder) {
      var spec = specs[holder.dataset.trend];
      if (!spec) { return; }
      var scales = { x: { time: true }, y: { range: function (u, min, max) {
        var high = spec.y[1] === null ? Math.max(1, (max || 0) * 1.1) : Math.max(spec.y[1], max || 0);
        return [spec.y[0], high];
      } } };
      var plot = window.Stepdown.plot(holder, {
        width: Math.max(280, holder.clientWidth || 600),
        height: spec.height || 170,
        cursor: { sync: { key: "stepdown-trends" }, drag: { x: false, y: false } },
        scales: scales,
        axes: [{}, { label: spec.axis, size: 50 }],
        hooks: { draw: [markLines(marks, palette.mark)] }
      }, data.days, spec.series, words.empty);
    });
  }

  window.addEventListener("resize", function () {
    document.querySelectorAll("[data-trends] [data-trend]").forEach(function (holder) {
      var plot = holder._plot;
      if (plot) { plot.setSize({ width: Math.max(280, holder.clientWidth), height: plot.height }); }
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-checkin-form]").forEach(setUpForm);
    document.querySelectorAll("[data-trends]").forEach(drawTrends);
    if (window.Stepdown) {
      window.Stepdown.onScheme(function () { document.querySelectorAll("[data-trends]").forEach(drawTrends); });
    }
  });
})();
