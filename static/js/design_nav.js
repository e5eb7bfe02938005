// The design's navigation: the current section in view, and the quality light. Pages
// with htmx load the light themselves (and refresh it after changes); on the others it
// is fetched once here, so that the light shows on every page of the design.
document.addEventListener("DOMContentLoaded", () => {
  // Where the row scrolls sideways (phones), the current section is brought into view.
  const current = document.querySelector(".design-nav a[aria-current=page]");
  if (current) current.scrollIntoView({ block: "nearest", inline: "nearest" });
  if (window.htmx) return;
  for (const slot of document.querySelectorAll(".design-nav .nav-quality[hx-get]")) {
    fetch(slot.getAttribute("hx-get"), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : ""))
      .then((html) => {
        slot.innerHTML = html;
      });
  }
});
