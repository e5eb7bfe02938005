/*
 * Kurswerk conflict view: no lost work when two people save the same thing.
 *
 * Use: give the edit form `data-conflict-form` and a hidden input `lock_version`, include
 * templates/conflict/_compare.html once on the page, load this file. The form then saves
 * with fetch (Accept: application/json, X-CSRFToken from <meta name="csrf-token">):
 *
 *   200 {ok, lock_version, redirect?}  saved; follow `redirect` or keep editing
 *   422 {errors: {field: text}}        shown in the page's [data-conflict-error] box
 *   409 {message} without `current`    (two saves at the same instant) shown there too
 *   409 {current: {field: value, ..., lock_version}}
 *       a three-way comparison against the values the form was loaded with (`base`):
 *       fields the other person did not change keep what was typed; for every field
 *       they changed the panel shows both versions side by side (preselected: the
 *       other version where this person left the field alone, their own text where they
 *       typed). The person keeps theirs, takes the other, or chooses per field; "Save" writes the choices into
 *       the form, sets lock_version to current.lock_version and saves again.
 *
 * Pages that save another way (htmx on the canvas) call
 *   KurswerkConflict.remember(form)        when the form is loaded (forms present at page
 *                                          load are remembered by themselves)
 *   KurswerkConflict.show(form, current)
 * with the 409 body's `current`; an htmx request answered with 409 from inside a
 * `data-conflict-form` opens the panel by itself (htmx:responseError).
 */
(function () {
  "use strict";

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function fieldOf(form, name) {
    var el = form.elements.namedItem(name);
    return el && el.length !== undefined && !el.tagName ? el[0] : el;
  }

  function readValue(el) {
    if (!el) return "";
    if (el.type === "checkbox") return el.checked;
    return el.value;
  }

  function writeValue(el, value) {
    if (!el) return;
    if (el.type === "checkbox") {
      el.checked = value === true || value === "true" || value === "y";
    } else {
      el.value = value === null || value === undefined ? "" : String(value);
    }
  }

  function same(a, b) {
    var norm = function (v) {
      return v === null || v === undefined ? "" : String(v);
    };
    return norm(a) === norm(b);
  }

  function labelText(form, el, name) {
    var label = el && el.id ? form.querySelector('label[for="' + el.id + '"]') : null;
    return label ? label.textContent.trim() : name;
  }

  function panelFor(form) {
    var scope = form.closest("[data-conflict-scope]") || document;
    return scope.querySelector("[data-conflict-panel]");
  }

  var bases = new WeakMap();

  function remember(form) {
    var base = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) base[el.name] = readValue(el);
    });
    bases.set(form, base);
  }

  function show(form, current) {
    var panel = panelFor(form);
    var rows = panel.querySelector("[data-conflict-rows]");
    var template = panel.querySelector("template[data-conflict-row]");
    var base = bases.get(form) || {};
    rows.textContent = "";
    var differing = [];
    Object.keys(current).forEach(function (name) {
      if (name === "lock_version") return;
      var el = fieldOf(form, name);
      if (!el || same(readValue(el), current[name])) return;
      if (name in base && same(base[name], current[name])) return;
      var untouched = name in base && same(base[name], readValue(el));
      differing.push(name);
      var row = template.content.firstElementChild.cloneNode(true);
      row.dataset.field = name;
      row.querySelector('[data-slot="label"]').textContent = labelText(form, el, name);
      row.querySelector('[data-slot="mine"]').textContent = String(readValue(el));
      row.querySelector('[data-slot="theirs"]').textContent =
        current[name] === null ? "" : String(current[name]);
      row.querySelectorAll('input[type="radio"]').forEach(function (radio) {
        radio.name = "conflict-choice-" + name;
        radio.checked = radio.value === (untouched ? "theirs" : "mine");
      });
      rows.appendChild(row);
    });
    writeValue(fieldOf(form, "lock_version"), current.lock_version);
    // The other version is the new base: a later conflict compares against it.
    var base2 = bases.get(form) || {};
    Object.keys(current).forEach(function (name) {
      base2[name] = current[name];
    });
    bases.set(form, base2);
    if (!differing.length) {
      submit(form);
      return;
    }
    panel._conflict = { form: form, current: current };
    panel.hidden = false;
    panel.focus();
  }

  function apply(panel) {
    var state = panel._conflict;
    panel.querySelectorAll("tr[data-field]").forEach(function (row) {
      var chosen = row.querySelector('input[type="radio"]:checked');
      if (chosen && chosen.value === "theirs") {
        writeValue(fieldOf(state.form, row.dataset.field), state.current[row.dataset.field]);
      }
    });
    panel.hidden = true;
    submit(state.form);
  }

  function chooseAll(panel, which) {
    panel.querySelectorAll('input[type="radio"][value="' + which + '"]').forEach(function (r) {
      r.checked = true;
    });
  }

  function showErrors(form, errors) {
    var box = document.querySelector("[data-conflict-error]");
    var texts = Object.keys(errors).map(function (name) {
      var el = name ? fieldOf(form, name) : null;
      return (el ? labelText(form, el, name) + ": " : "") + errors[name];
    });
    if (box) {
      box.textContent = texts.join(" ");
      box.hidden = false;
    }
  }

  function submit(form) {
    var body = new FormData(form);
    return fetch(form.action || window.location.href, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRFToken": csrfToken() },
    }).then(function (response) {
      return response.json().then(function (data) {
        if (response.status === 409 && data.current) {
          show(form, data.current);
        } else if (response.status === 409) {
          showErrors(form, { "": data.message });
        } else if (response.ok) {
          writeValue(fieldOf(form, "lock_version"), data.lock_version);
          remember(form);
          form.dispatchEvent(new CustomEvent("kurswerk:saved", { bubbles: true, detail: data }));
          if (data.redirect) window.location.assign(data.redirect);
        } else if (data.errors) {
          showErrors(form, data.errors);
        }
      });
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-conflict-form]")) return;
    event.preventDefault();
    submit(form);
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-conflict-apply], [data-conflict-all]");
    if (!button) return;
    var panel = button.closest("[data-conflict-panel]");
    if (button.hasAttribute("data-conflict-apply")) apply(panel);
    else chooseAll(panel, button.getAttribute("data-conflict-all"));
  });

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var form = event.target.closest && event.target.closest("form[data-conflict-form]");
    if (!xhr || xhr.status !== 409 || !form) return;
    show(form, JSON.parse(xhr.responseText).current);
  });

  function init() {
    document.querySelectorAll("form[data-conflict-form]").forEach(remember);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  window.KurswerkConflict = { show: show, submit: submit, remember: remember };
})();
