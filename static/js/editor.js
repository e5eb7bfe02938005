// The nugget editor: a small formatting toolbar for the content field, and the fields of
// other activity kinds hidden (they stay in the page without JavaScript).
(function () {
  "use strict";

  function wrap(area, before, after) {
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var chosen = area.value.slice(start, end);
    area.setRangeText(before + chosen + after, start, end, "select");
    area.focus();
  }

  function list(area, tag) {
    var start = area.selectionStart;
    var end = area.selectionEnd;
    var lines = area.value.slice(start, end).split("\n").filter(function (line) {
      return line.trim() !== "";
    });
    var items = (lines.length ? lines : [""]).map(function (line) {
      return "  <li>" + line + "</li>";
    });
    area.setRangeText("<" + tag + ">\n" + items.join("\n") + "\n</" + tag + ">", start, end, "select");
    area.focus();
  }

  function setUpToolbar(toolbar) {
    var area = document.getElementById(toolbar.getAttribute("aria-controls"));
    if (!area) {
      return;
    }
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) {
        return;
      }
      if (button.dataset.wrap) {
        wrap(area, "<" + button.dataset.wrap + ">", "</" + button.dataset.wrap + ">");
      } else if (button.dataset.list) {
        list(area, button.dataset.list);
      } else if (button.dataset.link) {
        var href = window.prompt(button.dataset.prompt, "https://");
        if (href) {
          wrap(area, '<a href="' + href.replace(/"/g, "&quot;") + '">', "</a>");
        }
      }
    });
  }

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

  // The studio's inspector brings the form with htmx after the page has loaded.
  function setUp(root) {
    root.querySelectorAll(".richtext-toolbar").forEach(setUpToolbar);
    showFieldsOfKind(root);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUp(document);
  });
  document.addEventListener("htmx:load", function (event) {
    if (event.target !== document.body && event.target.querySelector) {
      setUp(event.target);
    }
  });
})();
