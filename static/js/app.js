// Every page: mark that JavaScript runs (CSS hides the narrow-screen navigation behind the
// menu button only then) and wire the header's menu button.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setUpMenu() {
    var toggle = document.querySelector("[data-menu-toggle]");
    var bar = document.querySelector("[data-topbar]");
    if (!toggle || !bar) {
      return;
    }
    var setOpen = function (open) {
      bar.classList.toggle("open", open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && bar.classList.contains("open")) {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", setUpMenu);
})();
