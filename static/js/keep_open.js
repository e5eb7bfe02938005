// Panels that htmx reloads (the quality panel) keep the groups a person opened.
(() => {
  const opened = new WeakMap();
  document.body.addEventListener("htmx:beforeSwap", (event) => {
    const keys = [...event.detail.target.querySelectorAll("details[data-keep-open][open]")].map(
      (d) => d.dataset.keepOpen,
    );
    opened.set(event.detail.target, new Set(keys));
  });
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const keys = opened.get(event.detail.target);
    if (!keys) return;
    event.detail.target.querySelectorAll("details[data-keep-open]").forEach((d) => {
      if (keys.has(d.dataset.keepOpen)) d.open = true;
    });
  });
})();
