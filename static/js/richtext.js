// Rich text: every <textarea data-rich-text> becomes a WYSIWYG editor (Quill 2, vendored in
// static/vendor). The textarea stays in the form, hidden, and always holds the editor's HTML,
// so a normal submit and an htmx request both post HTML; the server sanitises it with nh3.
// Pasted text (from Word, web pages) keeps only the formats the editor offers.
// Works for textareas in the page and in htmx swaps (htmx:load); loads Quill only when needed.
(function () {
  "use strict";

  var script = document.currentScript;
  var loading = null;
  var FORMATS = ["bold", "italic", "header", "list", "link", "image", "table", "table-row",
    "table-body", "table-container"];

  function texts() {
    var node = document.getElementById("rich-text-texts");
    return node ? JSON.parse(node.textContent) : {};
  }

  function loadQuill() {
    if (window.Quill) {
      return Promise.resolve();
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var css = document.createElement("link");
        css.rel = "stylesheet";
        css.href = script.dataset.quillCss;
        document.head.appendChild(css);
        var js = document.createElement("script");
        js.src = script.dataset.quill;
        js.onload = resolve;
        js.onerror = reject;
        document.head.appendChild(js);
      });
    }
    return loading;
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function button(cls, label, value) {
    var node = el("button", { type: "button", "class": cls, "aria-label": label, title: label });
    if (value) {
      node.value = value;
    }
    return node;
  }

  function textButton(action, label) {
    return el("button", { type: "button", "class": "rt-text", "data-action": action }, label);
  }

  function group(children) {
    var span = el("span", { "class": "ql-formats" });
    children.forEach(function (child) {
      span.appendChild(child);
    });
    return span;
  }

  function buildToolbar(t, id) {
    var bar = el("div", { "class": "rt-toolbar", role: "toolbar", "aria-label": t.toolbar, "aria-controls": id });
    bar.appendChild(group([button("ql-header", t.heading, "2"), button("ql-header", t.subheading, "3")]));
    bar.appendChild(group([button("ql-bold", t.bold), button("ql-italic", t.italic)]));
    bar.appendChild(group([button("ql-list", t.bulleted, "bullet"), button("ql-list", t.numbered, "ordered")]));
    bar.appendChild(group([button("ql-link", t.link), button("ql-image", t.image), button("ql-table", t.table)]));
    var tableTools = group([textButton("row", t.addRow), textButton("column", t.addColumn),
      textButton("delete-row", t.deleteRow), textButton("delete-column", t.deleteColumn),
      textButton("delete-table", t.deleteTable)]);
    tableTools.classList.add("rt-table-tools");
    tableTools.hidden = true;
    bar.appendChild(tableTools);
    var html = textButton("html", t.html);
    html.setAttribute("aria-pressed", "false");
    html.title = t.htmlHint;
    bar.appendChild(group([html]));
    return bar;
  }

  // Images are stored with the asset's file name as src (the exports resolve it); the
  // editor shows them from their URL.
  function imageMap(area) {
    var images = JSON.parse(area.dataset.richTextImages || "[]");
    var toUrl = {};
    var toName = {};
    images.forEach(function (image) {
      if (image.url) {
        toUrl[image.src] = image.url;
        toName[image.url] = image.src;
      }
    });
    return { images: images, toUrl: toUrl, toName: toName };
  }

  function swapSources(html, mapping) {
    if (!html || !Object.keys(mapping).length) {
      return html;
    }
    var box = document.createElement("template");
    box.innerHTML = html;
    box.content.querySelectorAll("img[src]").forEach(function (img) {
      var src = img.getAttribute("src");
      if (mapping[src]) {
        img.setAttribute("src", mapping[src]);
      }
    });
    return box.innerHTML;
  }

  function imageDialog(t, quill, map) {
    var dialog = el("dialog", { "class": "rt-dialog", "aria-labelledby": "" });
    var heading = el("h2", { id: "rt-dialog-" + Math.random().toString(36).slice(2) }, t.imageTitle);
    dialog.setAttribute("aria-labelledby", heading.id);
    dialog.appendChild(heading);
    var form = el("form", { method: "dialog" });
    dialog.appendChild(form);
    if (!map.images.length) {
      form.appendChild(el("p", {}, t.noImages));
      var close = el("button", { value: "cancel" }, t.close);
      form.appendChild(close);
      return dialog;
    }
    var pickId = heading.id + "-pick";
    var altId = heading.id + "-alt";
    form.appendChild(el("label", { "for": pickId }, t.imageChoose));
    var pick = el("select", { id: pickId });
    map.images.forEach(function (image, index) {
      var option = el("option", { value: String(index) }, image.label || image.src);
      pick.appendChild(option);
    });
    form.appendChild(pick);
    form.appendChild(el("label", { "for": altId }, t.alt));
    var alt = el("input", { id: altId, type: "text" });
    form.appendChild(alt);
    form.appendChild(el("p", { "class": "help" }, t.altHint));
    var fill = function () {
      alt.value = map.images[Number(pick.value)].alt || "";
    };
    pick.addEventListener("change", fill);
    var actions = el("div", { "class": "actions" });
    actions.appendChild(el("button", { value: "insert", "class": "primary" }, t.insert));
    actions.appendChild(el("button", { value: "cancel" }, t.cancel));
    form.appendChild(actions);
    dialog.addEventListener("close", function () {
      if (dialog.returnValue !== "insert") {
        return;
      }
      var image = map.images[Number(pick.value)];
      var range = dialog.range || { index: Math.max(0, quill.getLength() - 1) };
      quill.focus();
      var attrs = alt.value.trim() ? ' alt="' + alt.value.trim().replace(/&/g, "&amp;").replace(/"/g, "&quot;") + '"' : "";
      quill.clipboard.dangerouslyPasteHTML(range.index,
        '<img src="' + (image.url || image.src).replace(/"/g, "&quot;") + '"' + attrs + ">", "user");
      quill.setSelection(range.index + 1, 0, "user");
    });
    dialog.fill = fill;
    return dialog;
  }

  function semanticHtml(quill, map) {
    var empty = quill.getLength() <= 1 && !quill.root.querySelector("img");
    if (empty) {
      return "";
    }
    var html = quill.getSemanticHTML().replace(/&nbsp;/g, " ").replace(/ data-row="[^"]*"/g, "");
    return swapSources(html, map.toName);
  }

  function load(quill, area, map) {
    var delta = quill.clipboard.convert({ html: swapSources(area.value, map.toUrl) });
    quill.setContents(delta, "silent");
  }

  function labelOf(area) {
    var label = area.id ? document.querySelector('label[for="' + area.id + '"]') : null;
    if (label && !label.id) {
      label.id = area.id + "-label";
    }
    return label;
  }

  function enhance(area) {
    if (area.dataset.richTextReady) {
      return;
    }
    area.dataset.richTextReady = "1";
    var t = texts();
    var map = imageMap(area);
    var id = (area.id || "rich") + "-editor";
    var box = el("div", { "class": "rich-text" });
    var bar = buildToolbar(t, id);
    var surface = el("div", { id: id, "class": "rt-surface" });
    box.appendChild(bar);
    box.appendChild(surface);
    area.parentNode.insertBefore(box, area.nextSibling);
    var quill;
    var dialog;
    var handlers = {
      link: function (value) {
        if (!value) {
          quill.format("link", false, "user");
          return;
        }
        var href = window.prompt(t.linkPrompt, "https://");
        if (href && /^(https?:\/\/|mailto:)/i.test(href.trim())) {
          var range = quill.getSelection(true);
          if (range.length) {
            quill.format("link", href.trim(), "user");
          } else {
            quill.insertText(range.index, href.trim(), { link: href.trim() }, "user");
            quill.setSelection(range.index + href.trim().length, 0, "user");
          }
        } else if (href) {
          window.alert(t.linkInvalid);
        }
      },
      image: function () {
        dialog.range = quill.getSelection(true);
        if (dialog.fill) {
          dialog.fill();
        }
        dialog.showModal();
      },
      table: function () {
        quill.getModule("table").insertTable(2, 2);
      },
    };
    quill = new window.Quill(surface, {
      theme: "snow",
      formats: FORMATS,
      modules: { toolbar: { container: bar, handlers: handlers }, table: true },
    });
    // Headings the content does not use (h1 is the page's, h5/h6 too deep) become h2/h4.
    quill.clipboard.addMatcher("h1, h5, h6", function (node, delta) {
      delta.ops.forEach(function (op) {
        if (op.attributes && op.attributes.header) {
          op.attributes.header = op.attributes.header === 1 ? 2 : 4;
        }
      });
      return delta;
    });
    dialog = imageDialog(t, quill, map);
    box.appendChild(dialog);
    load(quill, area, map);
    var root = quill.root;
    root.setAttribute("role", "textbox");
    root.setAttribute("aria-multiline", "true");
    var label = labelOf(area);
    if (label) {
      root.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () {
        quill.focus();
      });
    }
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (area.hasAttribute(name)) {
        root.setAttribute(name, area.getAttribute(name));
      }
    });
    area.hidden = true;

    var sync = function () {
      area.value = semanticHtml(quill, map);
      area.dispatchEvent(new Event("input", { bubbles: true }));
    };
    quill.on("text-change", sync);
    var tableTools = bar.querySelector(".rt-table-tools");
    quill.on("selection-change", function (range) {
      if (range === null) {
        area.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    // The table tools show while the cursor is in a table.
    quill.on("editor-change", function () {
      var range = quill.getSelection();
      if (range) {
        tableTools.hidden = quill.getModule("table").getTable(range)[0] === null;
      }
    });

    var htmlMode = false;
    bar.addEventListener("click", function (event) {
      var target = event.target.closest("button.rt-text");
      if (!target) {
        return;
      }
      var table = quill.getModule("table");
      var action = target.dataset.action;
      if (action === "html") {
        htmlMode = !htmlMode;
        if (!htmlMode) {
          load(quill, area, map);
          sync();
        }
        area.hidden = !htmlMode;
        surface.hidden = htmlMode;
        target.setAttribute("aria-pressed", String(htmlMode));
        bar.querySelectorAll("button:not(.rt-text), .rt-text:not([data-action=html])").forEach(function (other) {
          other.disabled = htmlMode;
        });
        (htmlMode ? area : quill).focus();
        return;
      }
      ({
        row: function () { table.insertRowBelow(); },
        column: function () { table.insertColumnRight(); },
        "delete-row": function () { table.deleteRow(); },
        "delete-column": function () { table.deleteColumn(); },
        "delete-table": function () { table.deleteTable(); tableTools.hidden = true; },
      })[action]();
    });
    area.form && area.form.addEventListener("submit", function () {
      if (htmlMode) {
        return;
      }
      area.value = semanticHtml(quill, map);
    });
  }

  function enhanceAll(root) {
    var areas = [];
    if (root.matches && root.matches("textarea[data-rich-text]")) {
      areas.push(root);
    }
    if (root.querySelectorAll) {
      areas = areas.concat(Array.prototype.slice.call(root.querySelectorAll("textarea[data-rich-text]")));
    }
    areas = areas.filter(function (area) {
      return !area.dataset.richTextReady;
    });
    if (!areas.length) {
      return;
    }
    loadQuill().then(function () {
      areas.forEach(enhance);
    });
  }

  window.KurswerkRichText = { enhance: enhanceAll };
  document.addEventListener("DOMContentLoaded", function () {
    enhanceAll(document);
  });
  document.addEventListener("htmx:load", function (event) {
    enhanceAll(event.target);
  });
})();
