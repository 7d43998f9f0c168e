// Coping tools: a live clock for the urge timer and the guided breathing exercise.
// Loaded as a static file (the CSP forbids inline scripts); both pages work without it.
(function () {
  "use strict";

  function pad(n) { return n < 10 ? "0" + n : String(n); }

  // The urge timer's start comes from the server (the session), so a reload keeps counting.
  function startUrgeClock(root) {
    var started = Date.parse(root.dataset.startedAt || "");
    if (isNaN(started)) { return; }
    var face = root.querySelector("[data-timer-elapsed]");
    var cueEl = root.querySelector("[data-timer-cue]");
    var cues = [];
    try { cues = JSON.parse(root.dataset.cues || "[]"); } catch (e) { cues = []; }
    function tick() {
      var seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
      if (face) { face.textContent = Math.floor(seconds / 60) + ":" + pad(seconds % 60); }
      var text = null;
      cues.forEach(function (cue) { if (seconds >= cue.at) { text = cue.text; } });
      // The cue region is aria-live: only touch it when the words really change.
      if (text && cueEl && cueEl.textContent !== text) { cueEl.textContent = text; }
    }
    tick();
    window.setInterval(tick, 1000);
  }

  // Breathing: in for N seconds (the circle grows), out for M (it shrinks). The CSS transition
  // lengths in learn.css match the default 4 and 6 seconds.
  function setupBreathing(root) {
    var circle = root.querySelector("[data-breath-circle]");
    var cue = root.querySelector("[data-breath-cue]");
    var count = root.querySelector("[data-breath-count]");
    var button = root.querySelector("[data-breath-toggle]");
    if (!circle || !cue || !count || !button) { return; }
    var inSeconds = parseInt(root.dataset.inSeconds, 10) || 4;
    var outSeconds = parseInt(root.dataset.outSeconds, 10) || 6;
    var timer = null;
    var phase = "out";
    var left = 0;
    var breaths = 0;
    // The words come from the page, in its language (the template writes them).
    var words = {
      breatheIn: root.dataset.cueIn || "Breathe in slowly… (breath {n})",
      breatheOut: root.dataset.cueOut || "Breathe out gently…",
      stopped: root.dataset.cueStopped || "Stopped. Breathe normally; start again whenever you like.",
      start: root.dataset.labelStart || "Start",
      stop: root.dataset.labelStop || "Stop"
    };

    function setPhase(name) {
      phase = name;
      left = name === "in" ? inSeconds : outSeconds;
      circle.classList.toggle("is-in", name === "in");
      if (name === "in") {
        breaths += 1;
        // The breath number makes each announcement new, so screen readers read every one.
        cue.textContent = words.breatheIn.replace("{n}", String(breaths));
      } else {
        cue.textContent = words.breatheOut;
      }
      count.textContent = String(left);
    }

    function tick() {
      left -= 1;
      if (left <= 0) { setPhase(phase === "in" ? "out" : "in"); } else { count.textContent = String(left); }
    }

    function start() {
      breaths = 0;
      root.classList.add("is-running");
      setPhase("in");
      timer = window.setInterval(tick, 1000);
      button.textContent = words.stop;
    }

    function stop() {
      window.clearInterval(timer);
      timer = null;
      root.classList.remove("is-running");
      circle.classList.remove("is-in");
      cue.textContent = words.stopped;
      count.textContent = "";
      button.textContent = words.start;
    }

    button.hidden = false;
    button.addEventListener("click", function () { if (timer) { stop(); } else { start(); } });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var urge = document.querySelector("[data-started-at]");
    if (urge) { startUrgeClock(urge); }
    var breathe = document.querySelector("[data-breathe]");
    if (breathe) { setupBreathing(breathe); }
  });
})();
