// Skin tracker: the ΔITA trend chart and the region editor on each photo. No inline scripts (CSP).
(function () {
  "use strict";

  // ---- Trend chart -------------------------------------------------------------------------
  function drawTrend() {
    var holder = document.querySelector('[data-chart="skin-trend"]');
    if (!holder || !holder.dataset.series || typeof uPlot === "undefined") { return; }
    var data = JSON.parse(holder.dataset.series);
    if (holder._plot) { holder._plot.destroy(); holder._plot = null; }
    holder.textContent = "";
    var SD = window.Stepdown;  // colours from the page's scheme (app.css), read at draw time
    var line = SD.colour("chart-1");
    var noise = SD.colour("chart-2");
    var width = Math.max(280, holder.clientWidth || 600);
    var hasBand = data.upper.length > 0 && data.upper[0] !== null;
    var series = [
      {},
      { label: "ΔITA°", stroke: line, width: 2, points: { show: true, size: 8, fill: line } }
    ];
    var values = [data.t, data.delta];
    var bands = [];
    if (hasBand) {
      series.push({ label: "noise, upper", stroke: noise, width: 1, dash: [6, 4], points: { show: false } });
      series.push({ label: "noise, lower", stroke: noise, width: 1, dash: [6, 4], points: { show: false } });
      values.push(data.upper, data.lower);
      bands.push({ series: [2, 3], fill: SD.colour("chart-2-band") });
    }
    // Month names in the page's language ("2 Dec", "2 déc."); English keeps the day first.
    var lang = document.documentElement.lang || "en";
    var locale = lang === "en" ? "en-GB" : lang;
    var opts = {
      width: width,
      height: 240,
      // The text above the chart explains the line and the band; a legend would crowd a phone.
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: {
        // The server pads a short series to at least four weeks, so one session is not a dot
        // on an axis of years.
        x: { time: true, range: function () { return [data.xmin, data.xmax]; } },
        y: { range: function (u, min, max) { var pad = Math.max(2, (max - min) * 0.2); return [min - pad, max + pad]; } }
      },
      // Dates as "2 Dec", as everywhere else in Stepdown (uPlot's default is "12/2").
      axes: SD.themeAxes([
        { values: function (u, splits) { return splits.map(function (t) { return new Date(t * 1000).toLocaleDateString(locale, { day: "numeric", month: "short" }); }); } },
        { label: holder.getAttribute("data-label-axis") || "ΔITA° (exposed − arm)", size: 60 }
      ]),
      series: series,
      bands: bands
    };
    holder._plot = new uPlot(opts, values, holder);
  }

  window.addEventListener("resize", function () {
    var holder = document.querySelector('[data-chart="skin-trend"]');
    if (holder && holder._plot) { holder._plot.setSize({ width: Math.max(280, holder.clientWidth), height: 240 }); }
  });

  // ---- Region editor -----------------------------------------------------------------------
  // Coordinates are kept in the stored photo's pixels; the canvas shows a scaled preview.
  var HINTS = {
    rect: "Drag across the skin.",
    polygon: "Tap each corner of the area; tap the first point again (or press Measure) to close it.",
    corners: "Tap the card's four corners, starting at the brown \"dark skin\" patch, then going round to the bluish-green, black and white corners."
  };

  function RegionEditor(root) {
    this.root = root;
    this.prefix = root.dataset.prefix;
    this.width = Number(root.dataset.width);
    this.height = Number(root.dataset.height);
    this.canvas = root.querySelector("[data-canvas]");
    this.ctx = this.canvas.getContext("2d");
    this.hint = root.querySelector("[data-hint]");
    this.inputs = {};
    var self = this;
    ["kind", "x", "y", "width", "height", "points", "corners"].forEach(function (name) {
      self.inputs[name] = root.querySelector('[data-role="' + name + '"]');
    });
    var region = JSON.parse(root.dataset.region || "null");
    this.mode = "rect";
    this.rect = null;
    this.points = [];
    this.corners = [];
    if (this.inputs.corners.value) { this.corners = JSON.parse(this.inputs.corners.value); }
    if (region && region.kind === "polygon") {
      this.points = region.points.slice();
      this.setMode("polygon", true);
    } else if (region) {
      this.rect = { x: region.x, y: region.y, w: region.width, h: region.height };
    }
    this.image = new Image();
    this.image.onload = function () { self.resize(); };
    this.image.src = root.dataset.src;
    this.bind();
  }

  RegionEditor.prototype.scale = function () { return this.canvas.width / this.width; };

  RegionEditor.prototype.resize = function () {
    var cssWidth = Math.max(200, this.canvas.parentElement.clientWidth);
    this.canvas.width = cssWidth;
    this.canvas.height = Math.round(cssWidth * this.height / this.width);
    this.draw();
  };

  RegionEditor.prototype.toImage = function (event) {
    var box = this.canvas.getBoundingClientRect();
    var s = this.scale() * (box.width / this.canvas.width);
    var x = (event.clientX - box.left) / s;
    var y = (event.clientY - box.top) / s;
    return [Math.min(Math.max(x, 0), this.width), Math.min(Math.max(y, 0), this.height)];
  };

  RegionEditor.prototype.setMode = function (mode, quiet) {
    this.mode = mode;
    this.root.querySelectorAll("[data-mode]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.mode === mode ? "true" : "false");
    });
    // The page writes each hint in its language; the English here is the fallback.
    if (this.hint) { this.hint.textContent = this.hint.getAttribute("data-hint-" + mode) || HINTS[mode]; }
    if (mode === "rect" || mode === "polygon") { this.inputs.kind.value = mode; }
    if (!quiet) { this.sync(); this.draw(); }
  };

  RegionEditor.prototype.bind = function () {
    var self = this;
    var start = null;
    this.canvas.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      var p = self.toImage(event);
      if (self.mode === "rect") {
        start = p;
        self.canvas.setPointerCapture(event.pointerId);
        self.rect = { x: p[0], y: p[1], w: 0, h: 0 };
      } else if (self.mode === "polygon") {
        var first = self.points[0];
        var close = first && self.points.length >= 3 &&
          Math.hypot(first[0] - p[0], first[1] - p[1]) * self.scale() < 14;
        if (!close) { self.points.push([Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10]); }
        self.sync();
      } else if (self.mode === "corners") {
        if (self.corners.length >= 4) { self.corners = []; }
        self.corners.push([Math.round(p[0]), Math.round(p[1])]);
        self.sync();
      }
      self.draw();
    });
    this.canvas.addEventListener("pointermove", function (event) {
      if (self.mode !== "rect" || !start) { return; }
      var p = self.toImage(event);
      self.rect = {
        x: Math.min(start[0], p[0]), y: Math.min(start[1], p[1]),
        w: Math.abs(p[0] - start[0]), h: Math.abs(p[1] - start[1])
      };
      self.sync();
      self.draw();
    });
    function finish() { start = null; self.sync(); self.draw(); }
    this.canvas.addEventListener("pointerup", finish);
    this.canvas.addEventListener("pointercancel", finish);
    this.root.querySelectorAll("[data-mode]").forEach(function (button) {
      button.addEventListener("click", function () { self.setMode(button.dataset.mode); });
    });
    this.root.querySelector('[data-action="clear"]').addEventListener("click", function () {
      if (self.mode === "corners") { self.corners = []; }
      else if (self.mode === "polygon") { self.points = []; }
      else { self.rect = null; }
      self.sync();
      self.draw();
    });
    ["x", "y", "width", "height"].forEach(function (name) {
      self.inputs[name].addEventListener("input", function () {
        self.rect = {
          x: Number(self.inputs.x.value) || 0, y: Number(self.inputs.y.value) || 0,
          w: Number(self.inputs.width.value) || 0, h: Number(self.inputs.height.value) || 0
        };
        self.setMode("rect");
      });
    });
    window.addEventListener("resize", function () { if (self.image.complete) { self.resize(); } });
  };

  // Write the drawing into the form: the number inputs always hold the rectangle around it.
  RegionEditor.prototype.sync = function () {
    var box = null;
    if (this.inputs.kind.value === "polygon" && this.points.length >= 3) {
      var xs = this.points.map(function (p) { return p[0]; });
      var ys = this.points.map(function (p) { return p[1]; });
      box = { x: Math.min.apply(null, xs), y: Math.min.apply(null, ys) };
      box.w = Math.max.apply(null, xs) - box.x;
      box.h = Math.max.apply(null, ys) - box.y;
      this.inputs.points.value = JSON.stringify(this.points);
    } else {
      this.inputs.points.value = "";
      box = this.rect;
    }
    if (box && box.w >= 1 && box.h >= 1) {
      var x = Math.floor(box.x), y = Math.floor(box.y);
      this.inputs.x.value = x;
      this.inputs.y.value = y;
      this.inputs.width.value = Math.max(1, Math.min(Math.round(box.w), this.width - x));
      this.inputs.height.value = Math.max(1, Math.min(Math.round(box.h), this.height - y));
    }
    this.inputs.corners.value = this.corners.length === 4 ? JSON.stringify(this.corners) : "";
  };

  RegionEditor.prototype.draw = function () {
    var ctx = this.ctx, s = this.scale();
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.image.complete) { ctx.drawImage(this.image, 0, 0, this.canvas.width, this.canvas.height); }
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffd400";
    ctx.fillStyle = "rgba(255,212,0,0.18)";
    if (this.inputs.kind.value === "polygon" && this.points.length) {
      ctx.beginPath();
      this.points.forEach(function (p, i) { if (i) { ctx.lineTo(p[0] * s, p[1] * s); } else { ctx.moveTo(p[0] * s, p[1] * s); } });
      if (this.points.length >= 3) { ctx.closePath(); ctx.fill(); }
      ctx.stroke();
      this.points.forEach(function (p) { ctx.fillRect(p[0] * s - 4, p[1] * s - 4, 8, 8); });
    } else if (this.rect && this.rect.w > 0 && this.rect.h > 0) {
      ctx.fillRect(this.rect.x * s, this.rect.y * s, this.rect.w * s, this.rect.h * s);
      ctx.strokeRect(this.rect.x * s, this.rect.y * s, this.rect.w * s, this.rect.h * s);
    }
    ctx.fillStyle = "#00b3ff";
    ctx.strokeStyle = "#00b3ff";
    this.corners.forEach(function (p, i) {
      ctx.beginPath();
      ctx.arc(p[0] * s, p[1] * s, 6, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillText(String(i + 1), p[0] * s + 8, p[1] * s - 8);
    });
  };

  document.addEventListener("DOMContentLoaded", function () {
    drawTrend();
    if (window.Stepdown) { window.Stepdown.onScheme(drawTrend); }
    document.querySelectorAll("[data-region-editor]").forEach(function (root) { root._editor = new RegionEditor(root); });
  });
})();
