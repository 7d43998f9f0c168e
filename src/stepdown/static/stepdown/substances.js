// Other substances and the Today page's kratom + substance warning.
(function () {
  "use strict";

  // Alcohol is counted in standard drinks; switching category keeps the unit sensible.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || input.name !== "category") return;
    var form = input.form;
    var unit = form && form.elements.namedItem("unit");
    if (!(unit instanceof HTMLSelectElement)) return;
    if (input.value === "alcohol") {
      unit.value = "standard_drink";
    } else if (unit.value === "standard_drink") {
      unit.value = "";
    }
  });

  // On Today, a dose logged with htmx refreshes the warning block below the due list, so
  // kratom taken after alcohol (or another interacting substance) is flagged at once.
  document.addEventListener("htmx:afterRequest", function (event) {
    var box = document.getElementById("recent-substance-warning");
    var detail = event.detail || {};
    if (!box || !detail.successful || !window.htmx) return;
    var path = detail.pathInfo && detail.pathInfo.requestPath;
    var urls = (box.getAttribute("data-dose-urls") || "").split(" ");
    if (path && urls.indexOf(path) !== -1) {
      window.htmx.trigger(document.body, "stepdown:dose-logged");
    }
  });
})();
