// The nugget editor: the fields of other activity kinds hidden (they stay in the page without
// JavaScript). The content field's rich-text editor is static/js/richtext.js.
(function () {
  "use strict";

  function showFieldsOfKind(root) {
    var select = root.querySelector("#activity_kind");
    if (!select) {
      return;
    }
    var update = function () {
      root.querySelectorAll("fieldset[data-kind]").forEach(function (set) {
        var hasEntries =
          (set.dataset.kind === "quiz" && set.querySelector(".question")) ||
          set.querySelector(".has-error");
        set.hidden = set.dataset.kind !== select.value && !hasEntries;
      });
    };
    select.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    showFieldsOfKind(document);
  });
  // The studio's inspector brings the form with htmx after the page has loaded.
  document.addEventListener("htmx:load", function (event) {
    if (event.target !== document.body && event.target.querySelector) {
      showFieldsOfKind(event.target);
    }
  });
})();
