// The quality light in the design's navigation. Pages with htmx load it themselves (and
// refresh it after changes); on the others it is fetched once here, so that the light
// shows on every page of the design.
document.addEventListener("DOMContentLoaded", () => {
  if (window.htmx) return;
  for (const slot of document.querySelectorAll(".design-nav .nav-quality[hx-get]")) {
    fetch(slot.getAttribute("hx-get"), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : ""))
      .then((html) => {
        slot.innerHTML = html;
      });
  }
});
