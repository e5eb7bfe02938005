/*
 * Kurswerk live updates and presence for one design.
 *
 * Opt in: put `data-live-design="<design id>"` on <body> or on a container, and load
 * this file. Optional attributes on the same element:
 *   data-live-url    the feed (default /designs/<id>/events)
 *   data-live-user   the viewer's user id: their own events do not fire designChanged
 * Inside (or anywhere on the page) an element `[data-presence]` lists the other people
 * looking at the design right now (initials with the full name as text).
 *
 * Every 3 s (every 30 s while the tab is hidden, slower after errors) the script asks
 * GET <feed>?after=<last id> and, for each new event, dispatches on the element
 *   "kurswerk:event"   detail = {id, kind, actor: {id, name}, created_at, text, payload}
 * and, once per batch that holds an event by someone else, "designChanged" on <body>
 * (use hx-trigger="designChanged from:body" to reload a part of the page).
 */
(function () {
  "use strict";

  var VISIBLE_MS = 3000;
  var HIDDEN_MS = 30000;
  var MAX_BACKOFF_MS = 60000;

  function start(root) {
    var designId = root.getAttribute("data-live-design");
    var url = root.getAttribute("data-live-url") || "/designs/" + designId + "/events";
    var me = root.getAttribute("data-live-user");
    var lastId = null;
    var failures = 0;
    var timer = null;

    function delay() {
      var base = document.hidden ? HIDDEN_MS : VISIBLE_MS;
      return Math.min(base * Math.pow(2, failures), MAX_BACKOFF_MS);
    }

    function schedule(ms) {
      clearTimeout(timer);
      timer = setTimeout(poll, ms);
    }

    function renderPresence(people) {
      document.querySelectorAll("[data-presence]").forEach(function (box) {
        var list = box.querySelector("[data-presence-list]") || box;
        list.textContent = "";
        people.forEach(function (person) {
          var item = document.createElement("li");
          item.className = "avatar";
          item.title = person.name;
          var initials = document.createElement("span");
          initials.setAttribute("aria-hidden", "true");
          initials.textContent = person.initials;
          var name = document.createElement("span");
          name.className = "visually-hidden";
          name.textContent = person.name;
          item.appendChild(initials);
          item.appendChild(name);
          list.appendChild(item);
        });
        box.hidden = people.length === 0;
      });
    }

    function deliver(events) {
      var byOthers = false;
      events.forEach(function (event) {
        root.dispatchEvent(new CustomEvent("kurswerk:event", { bubbles: true, detail: event }));
        if (!event.actor || String(event.actor.id) !== me) byOthers = true;
      });
      if (byOthers) document.body.dispatchEvent(new CustomEvent("designChanged"));
    }

    function poll() {
      var query = lastId === null ? "" : "?after=" + encodeURIComponent(lastId);
      fetch(url + query, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        cache: "no-store",
      })
        .then(function (response) {
          if (!response.ok) throw new Error("feed answered " + response.status);
          return response.json();
        })
        .then(function (data) {
          failures = 0;
          if (lastId !== null) deliver(data.events || []);
          lastId = data.last_id;
          renderPresence(data.presence || []);
        })
        .catch(function () {
          failures += 1;
        })
        .then(function () {
          schedule(delay());
        });
    }

    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) schedule(0);
    });
    poll();
  }

  function init() {
    var root = document.querySelector("[data-live-design]");
    if (root) start(root);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
