// The print view's "Print" button (no inline handlers: the CSP forbids them).
document.getElementById("print-button")?.addEventListener("click", () => window.print());
