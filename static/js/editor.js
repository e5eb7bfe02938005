// The nugget editor: the fields of other activity kinds hidden (they stay in the page without
// JavaScript). The content field's rich-text editor is static/js/richtext.js.
(function () {
  "use strict";

  function showFieldsOfKind() {
    var select = document.getElementById("activity_kind");
    if (!select) {
      return;
    }
    var update = function () {
      document.querySelectorAll("fieldset[data-kind]").forEach(function (set) {
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
    showFieldsOfKind();
  });
})();
