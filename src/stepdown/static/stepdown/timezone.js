// Sign-up: choose the browser's own time zone in the select marked data-browser-zone, unless
// the person already picked one (a form shown again with errors keeps their choice).
(function () {
  "use strict";
  function choose() {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (error) {
      return;
    }
    document.querySelectorAll("select[data-browser-zone]").forEach(function (select) {
      if (select.dataset.chosen === "true" || !zone) return;
      var option = select.querySelector('option[value="' + CSS.escape(zone) + '"]');
      if (option) select.value = zone;
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", choose);
  } else {
    choose();
  }
})();
