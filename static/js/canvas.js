// The canvas: drag and drop with SortableJS, focus after a change, stale-write handling.
// Every change goes through the same POST endpoints as the keyboard buttons.
(function () {
  "use strict";

  function announce(text) {
    var region = document.getElementById("announce");
    if (region) {
      region.textContent = text;
    }
  }

  function board() {
    return document.getElementById("board");
  }

  function reloadBoard() {
    var current = board();
    if (current) {
      htmx.ajax("GET", current.dataset.boardUrl, { target: "#board", swap: "outerHTML" });
    }
  }

  function saveMove(item, list, index) {
    htmx.ajax("POST", item.dataset.moveUrl, {
      target: "#board",
      swap: "outerHTML",
      values: {
        module_id: list.dataset.moduleId,
        position: String(index),
        lock_version: item.dataset.lockVersion,
        focus: "title"
      }
    });
  }

  function makeSortable() {
    var current = board();
    if (!current || !current.dataset.editable || typeof Sortable === "undefined") {
      return;
    }
    current.querySelectorAll("ol.cards").forEach(function (list) {
      Sortable.create(list, {
        group: "canvas",
        draggable: ".nugget-card",
        handle: ".drag-handle",
        forceFallback: true,
        animation: 120,
        onEnd: function (event) {
          var moved = event.from !== event.to || event.oldDraggableIndex !== event.newDraggableIndex;
          if (moved) {
            saveMove(event.item, event.to, event.newDraggableIndex);
          }
        }
      });
    });
  }

  function restoreFocus() {
    var current = board();
    var wanted = current && current.dataset.focus;
    if (!wanted) {
      return;
    }
    var target = document.getElementById(wanted);
    if (!target) {
      // The button used is gone (a card moved to an edge): fall back to the card itself.
      var card = wanted.match(/^card-(\d+)-/);
      target = card ? document.getElementById("card-" + card[1] + "-title") : null;
    }
    if (target) {
      target.focus();
    }
  }

  // A board that came with a swap has no "ready" mark yet.
  function setUpNewBoard(restore) {
    var current = board();
    if (!current || current.dataset.ready) {
      return;
    }
    current.dataset.ready = "true";
    makeSortable();
    if (restore) {
      restoreFocus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpNewBoard(false);
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    setUpNewBoard(true);
    // The board was redrawn after a change: parts that depend on it (the quality panel)
    // listen for this.
    if (event.detail.elt && event.detail.elt.id === "board") {
      document.body.dispatchEvent(new CustomEvent("canvasChanged"));
    }
  });

  // A 409 names who changed the board in the meantime (`changed_by`) when the server knows.
  function conflictText(region, xhr) {
    var name = null;
    try {
      name = JSON.parse(xhr.responseText).changed_by;
    } catch (e) {
      name = null;
    }
    return name ? region.dataset.conflictBy.replace("{name}", name) : region.dataset.conflict;
  }

  document.addEventListener("htmx:responseError", function (event) {
    var region = document.getElementById("announce");
    var xhr = event.detail.xhr;
    announce(xhr.status === 409 ? conflictText(region, xhr) : region.dataset.failed);
    reloadBoard();
  });

  // Someone else changed the design (static/js/live.js): show their change, unless this
  // person is in the middle of a drag or has typed into a form on the board.
  document.body.addEventListener("designChanged", function () {
    var current = board();
    if (!current || current.querySelector(".sortable-chosen")) {
      return;
    }
    var typing = Array.prototype.some.call(
      current.querySelectorAll("input[type=text], input:not([type]), textarea"),
      function (field) { return field.value !== field.defaultValue; }
    );
    if (!typing) {
      reloadBoard();
    }
  });

  document.addEventListener("htmx:sendError", function () {
    announce(document.getElementById("announce").dataset.failed);
  });
})();
