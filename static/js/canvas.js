// The studio: drag and drop (SortableJS), keyboard moves, the card menu, the inspector and
// the library drawer. Every change goes through the same POST endpoints as the forms and
// answers with the fragments it touched (out-of-band swaps), so the board never reloads
// as a whole after one's own change.
(function () {
  "use strict";

  var OPPOSITE = { up: "down", down: "up", prev: "next", next: "prev" };
  var KEYS = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "prev", ArrowRight: "next" };
  var lastMove = null; // {pid, inverse, module, position}: the way back of the last key move
  var keepFocus = false; // a change from the drawer keeps the focus in the drawer

  function byId(id) {
    return document.getElementById(id);
  }

  function base() {
    var studio = byId("studio");
    return studio ? studio.dataset.base : "";
  }

  function announce(text) {
    var region = byId("announce");
    if (region) {
      region.textContent = text;
    }
  }

  function post(url, values) {
    return htmx.ajax("POST", url, { target: "#announce", swap: "none", values: values || {} });
  }

  // ------------------------------------------------------------------ the board

  function lists() {
    return Array.prototype.slice.call(document.querySelectorAll("#lanes ol.cards"));
  }

  function cardsOf(list) {
    return Array.prototype.slice.call(list.querySelectorAll(":scope > .nugget-card"));
  }

  function reloadBoard() {
    closeMenu(false);
    var current = byId("board");
    if (current) {
      htmx.ajax("GET", current.dataset.boardUrl, { target: "#board", swap: "outerHTML" });
    }
  }

  function saveMove(card, moduleId, position) {
    post(base() + "/canvas/placements/" + card.dataset.pid + "/move", {
      module_id: String(moduleId),
      position: String(position),
      lock_version: card.dataset.lock
    });
  }

  function makeSortable(root) {
    var board = byId("board");
    if (!board || !board.dataset.editable || typeof Sortable === "undefined") {
      return;
    }
    var found = root.matches && root.matches("ol.cards") ? [root] : [];
    found = found.concat(Array.prototype.slice.call(root.querySelectorAll("ol.cards")));
    found.forEach(function (list) {
      if (list.dataset.sortable) {
        return;
      }
      list.dataset.sortable = "true";
      Sortable.create(list, {
        group: "studio",
        draggable: ".nugget-card",
        handle: ".drag-handle",
        forceFallback: true,
        animation: 120,
        onStart: function () {
          closeMenu(false);
        },
        onEnd: function (event) {
          var moved = event.from !== event.to || event.oldDraggableIndex !== event.newDraggableIndex;
          if (moved) {
            lastMove = null;
            saveMove(event.item, event.to.dataset.moduleId, event.newDraggableIndex);
          }
        }
      });
    });
  }

  // Where a key sends a card: up/down in its module; left/right to the neighbouring module
  // at the same position (or its end). The opposite key right after a move takes the card
  // back to exactly where it was, so ← then → restores the order.
  function keyTarget(card, direction) {
    var pid = card.dataset.pid;
    if (lastMove && lastMove.pid === pid && lastMove.inverse === direction) {
      return { module: lastMove.module, position: lastMove.position };
    }
    var list = card.parentElement;
    var all = lists();
    var lane = all.indexOf(list);
    var index = cardsOf(list).indexOf(card);
    var count = cardsOf(list).length;
    if (direction === "up" && index > 0) {
      return { module: list.dataset.moduleId, position: index - 1 };
    }
    if (direction === "down" && index < count - 1) {
      return { module: list.dataset.moduleId, position: index + 1 };
    }
    var neighbour = all[lane + (direction === "prev" ? -1 : 1)];
    if ((direction === "prev" || direction === "next") && neighbour) {
      return { module: neighbour.dataset.moduleId, position: Math.min(index, cardsOf(neighbour).length) };
    }
    return null;
  }

  function moveByKey(card, direction) {
    var target = keyTarget(card, direction);
    if (!target) {
      announce(byId("card-keys").dataset.edge);
      return;
    }
    var list = card.parentElement;
    lastMove = {
      pid: card.dataset.pid,
      inverse: OPPOSITE[direction],
      module: list.dataset.moduleId,
      position: cardsOf(list).indexOf(card)
    };
    saveMove(card, target.module, target.position);
  }

  function restoreFocus() {
    var holder = byId("studio-focus");
    var wanted = holder && holder.dataset.focus;
    var keep = keepFocus;
    keepFocus = false;
    if (!wanted) {
      return;
    }
    holder.dataset.focus = "";
    if (keep) {
      return;
    }
    var target = byId(wanted);
    if (target) {
      target.focus();
    }
  }

  // --------------------------------------------------------------- the card menu

  function menu() {
    return byId("card-menu");
  }

  function openButton() {
    var open = menu() && menu().parentElement.querySelector(".card-menu-button[aria-expanded=true]");
    return open || null;
  }

  function closeMenu(returnFocus) {
    var m = menu();
    if (!m || m.hidden) {
      return;
    }
    var button = openButton();
    m.hidden = true;
    byId("card-menu-home").appendChild(m);
    if (button) {
      button.setAttribute("aria-expanded", "false");
      if (returnFocus) {
        button.focus();
      }
    }
  }

  function fillModules(select, current) {
    select.innerHTML = "";
    document.querySelectorAll("#lanes > .lane[id^=module-]:not(#module-new)").forEach(function (lane) {
      var option = document.createElement("option");
      option.value = lane.querySelector("ol.cards").dataset.moduleId;
      option.textContent = lane.querySelector("h2").textContent;
      option.selected = option.value === current;
      select.appendChild(option);
    });
  }

  function openMenu(button) {
    var m = menu();
    var card = button.closest(".nugget-card");
    closeMenu(false);
    card.appendChild(m);
    m.dataset.pid = card.dataset.pid;
    ["up", "down", "prev", "next"].forEach(function (direction) {
      m.querySelector("[data-act=" + direction + "]").parentElement.hidden = !keyTarget(card, direction);
    });
    fillModules(byId("card-menu-module"), card.parentElement.dataset.moduleId);
    m.hidden = false;
    placeBeside(m, button);
    button.setAttribute("aria-expanded", "true");
    m.querySelector("button").focus({ preventScroll: true });
  }

  // Menus are fixed to the viewport next to their button, so that the board's own
  // scrolling area does not cut them off; scrolling closes them.
  function placeBeside(popup, button) {
    var rect = button.getBoundingClientRect();
    var width = popup.offsetWidth;
    var height = popup.offsetHeight;
    var top = rect.bottom + 4;
    if (top + height > window.innerHeight - 8 && rect.top - height - 4 > 8) {
      top = rect.top - height - 4;
    }
    popup.style.top = Math.max(8, top) + "px";
    popup.style.left = Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8)) + "px";
  }

  function menuAction(act) {
    var m = menu();
    var card = byId("card-" + m.dataset.pid);
    closeMenu(act !== "open" && act !== "comments");
    if (!card) {
      return;
    }
    var url = base() + "/canvas/placements/" + card.dataset.pid;
    if (act === "open" || act === "comments") {
      openInspector(card.dataset.pid, act === "comments");
    } else if (OPPOSITE[act]) {
      moveByKey(card, act);
    } else if (act === "to-module") {
      var moduleId = byId("card-menu-module").value;
      var target = document.querySelector("ol.cards[data-module-id='" + moduleId + "']");
      saveMove(card, moduleId, target ? cardsOf(target).length : 0);
    } else if (act === "duplicate" || act === "remove") {
      post(url + "/" + act);
    }
  }

  // ------------------------------------------------------------------ the inspector

  function inspector() {
    return byId("inspector");
  }

  function markSelected(pid) {
    document.querySelectorAll(".nugget-card.selected").forEach(function (card) {
      card.classList.remove("selected");
    });
    var card = pid && byId("card-" + pid);
    if (card) {
      card.classList.add("selected");
    }
  }

  function openInspector(pid, toComments) {
    var aside = inspector();
    aside.dataset.pid = pid;
    aside.hidden = false;
    byId("studio").classList.add("inspecting");
    markSelected(pid);
    htmx.ajax("GET", base() + "/canvas/placements/" + pid + "/inspector", {
      target: "#inspector",
      swap: "innerHTML"
    }).then(function () {
      var goal = toComments ? byId("inspector-comments-heading") : byId("inspector-heading");
      if (goal) {
        goal.setAttribute("tabindex", "-1");
        goal.focus();
      }
    });
  }

  function closeInspector() {
    var aside = inspector();
    var pid = aside.dataset.pid;
    aside.hidden = true;
    aside.innerHTML = "";
    aside.dataset.pid = "";
    byId("studio").classList.remove("inspecting");
    markSelected(null);
    var title = pid && byId("card-" + pid + "-title");
    if (title) {
      title.focus();
    }
  }

  // ---------------------------------------------------------------------- the drawer

  function openDrawer(moduleId) {
    var drawer = byId("drawer");
    if (!drawer) {
      return;
    }
    var select = byId("drawer-module");
    fillModules(select, moduleId || select.value);
    drawer.hidden = false;
    byId("studio").classList.add("drawer-open");
    byId("drawer-toggle").setAttribute("aria-expanded", "true");
    if (!drawer.dataset.loaded) {
      drawer.dataset.loaded = "true";
      htmx.ajax("GET", drawer.dataset.url, { target: "#drawer-results", swap: "innerHTML" });
    }
    byId("drawer-q").focus();
  }

  function closeDrawer() {
    var drawer = byId("drawer");
    drawer.hidden = true;
    byId("studio").classList.remove("drawer-open");
    var toggle = byId("drawer-toggle");
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }

  // -------------------------------------------------------------------------- events

  document.addEventListener("click", function (event) {
    var target = event.target;
    var button = target.closest(".card-menu-button");
    if (button) {
      if (button.getAttribute("aria-expanded") === "true") {
        closeMenu(true);
      } else {
        openMenu(button);
      }
      return;
    }
    var action = target.closest("#card-menu [data-act]");
    if (action) {
      menuAction(action.dataset.act);
      return;
    }
    if (menu() && !menu().hidden && !target.closest("#card-menu")) {
      closeMenu(false);
    }
    var open = target.closest("a.card-open");
    if (open && !(event.ctrlKey || event.metaKey || event.shiftKey)) {
      event.preventDefault();
      openInspector(open.closest(".nugget-card").dataset.pid, false);
      return;
    }
    if (target.closest(".inspector-close")) {
      closeInspector();
      return;
    }
    var toggle = target.closest("#drawer-toggle, [data-drawer-module]");
    if (toggle && byId("drawer")) {
      event.preventDefault();
      if (toggle.id === "drawer-toggle" && !byId("drawer").hidden) {
        closeDrawer();
      } else {
        openDrawer(toggle.dataset.drawerModule);
      }
      return;
    }
    if (target.closest(".drawer-close")) {
      closeDrawer();
      return;
    }
    var place = target.closest("[data-place]");
    if (place) {
      keepFocus = true;
      post(base() + "/canvas/modules/" + byId("drawer-module").value + "/place", {
        nugget_id: place.dataset.place
      });
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (menu() && !menu().hidden) {
        closeMenu(true);
        event.preventDefault();
      } else if (event.target.closest && event.target.closest("#drawer")) {
        closeDrawer();
        event.preventDefault();
      }
      return;
    }
    var direction = KEYS[event.key];
    var link = event.target.closest && event.target.closest("a.card-open");
    if (!direction || !link || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    moveByKey(link.closest(".nugget-card"), direction);
  });

  // Any other action forgets the way back of the last key move.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var path = event.detail.requestConfig && event.detail.requestConfig.path;
    if (lastMove && path && path.indexOf("/move") === -1) {
      lastMove = null;
    }
  });

  // A lane about to be replaced must not take the open menu with it.
  ["htmx:oobBeforeSwap", "htmx:beforeSwap"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var m = menu();
      if (m && !m.hidden && event.target.contains && event.target.contains(m)) {
        closeMenu(false);
      }
    });
  });

  document.addEventListener("toggle", function (event) {
    var details = event.target;
    if (details.classList && details.classList.contains("lane-menu") && details.open) {
      placeBeside(details.querySelector(".lane-menu-body"), details.querySelector("summary"));
    }
  }, true);

  window.addEventListener("scroll", function () {
    closeMenu(false);
    document.querySelectorAll("details.lane-menu[open]").forEach(function (details) {
      details.open = false;
    });
  }, true);

  htmx.onLoad(function (element) {
    makeSortable(element);
  });

  document.addEventListener("htmx:afterSettle", function () {
    restoreFocus();
    var aside = inspector();
    if (aside && !aside.hidden && aside.dataset.pid) {
      if (!byId("card-" + aside.dataset.pid)) {
        closeInspector(); // the nugget was removed from the design
      } else {
        markSelected(aside.dataset.pid);
      }
    }
  });

  // The quality panel follows every saved change of the studio.
  document.addEventListener("htmx:afterRequest", function (event) {
    var config = event.detail.requestConfig;
    if (event.detail.successful && config && config.verb === "post") {
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
    var region = byId("announce");
    var xhr = event.detail.xhr;
    lastMove = null;
    announce(xhr.status === 409 ? conflictText(region, xhr) : region.dataset.failed);
    reloadBoard();
  });

  // Someone else changed the design (static/js/live.js): show their change, unless this
  // person is in the middle of a drag or has typed into a form on the board.
  document.body.addEventListener("designChanged", function () {
    var current = byId("board");
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
    announce(byId("announce").dataset.failed);
  });
})();
