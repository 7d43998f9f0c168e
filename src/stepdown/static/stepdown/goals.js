// Stepdown goals: after a dose is logged on Today (htmx swaps #today-panel), ask the nudges and
// milestones to refresh themselves. They listen for "sd:dose-logged" (hx-trigger in their markup).
(function () {
  "use strict";
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail && event.detail.target;
    if (target && target.id === "today-panel") {
      document.body.dispatchEvent(new CustomEvent("sd:dose-logged", { bubbles: true }));
    }
  });
})();
