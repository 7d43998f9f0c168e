// Copy buttons: <button data-copy="INPUT-ID"> copies that field's text; a [data-copy-status]
// element for the same id says whether it worked. Loaded from a file: the CSP allows no inline
// script.
(function () {
  "use strict";

  function say(id, text) {
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (status) { status.textContent = text; }
  }

  function fallback(field) {
    field.focus();
    field.select();
    try { return document.execCommand("copy"); } catch (error) { return false; }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) { return; }
    var id = button.getAttribute("data-copy");
    var field = document.getElementById(id);
    if (!field) { return; }
    var done = function () { say(id, "Copied. Paste it into your calendar app."); };
    var failed = function () {
      say(id, fallback(field) ? "Copied. Paste it into your calendar app."
                              : "Could not copy: the link is selected, copy it by hand.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, failed);
    } else {
      failed();
    }
  });
})();
