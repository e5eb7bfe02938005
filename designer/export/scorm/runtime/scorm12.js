/* Kurswerk SCORM 1.2 adapter: window.KurswerkLms for the page script (kurswerk.js).
 * Finds the LMS's API object, initialises once, reports status and score, commits and
 * finishes exactly once (also when the page is hidden or unloaded). */
(function () {
  "use strict";

  var LOCATION_LIMIT = 255;
  var SUSPEND_LIMIT = 4096;

  function findIn(win) {
    for (var hops = 0; win && hops < 20; hops += 1) {
      try {
        if (win.API) { return win.API; }
      } catch (e) { return null; } /* another origin: stop climbing */
      if (!win.parent || win.parent === win) { return null; }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    var api = findIn(window);
    if (!api && window.opener) { api = findIn(window.opener); }
    return api;
  }

  function pad(value, width) {
    var s = String(value);
    while (s.length < width) { s = "0" + s; }
    return s;
  }

  /* CMITimespan of SCORM 1.2: HHHH:MM:SS.SS */
  function timespan(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor((centis % 360000) / 6000);
    var seconds = Math.floor((centis % 6000) / 100);
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 2) + "." + pad(centis % 100, 2);
  }

  var api = null;
  var started = false;
  var finished = false;
  var startedAt = 0;
  var status = "";

  function get(name) { return api ? String(api.LMSGetValue(name)) : ""; }
  function set(name, value) { if (api) { api.LMSSetValue(name, String(value)); } }

  var lms = {
    suspendLimit: SUSPEND_LIMIT,

    start: function () {
      if (!started) {
        started = true;
        startedAt = Date.now();
        api = findApi();
        if (api && String(api.LMSInitialize("")) !== "true") { api = null; }
        status = get("cmi.core.lesson_status");
        if (api && (status === "not attempted" || status === "")) {
          status = "incomplete";
          set("cmi.core.lesson_status", status);
        }
      }
      /* Only a resumed attempt has a location and suspend data to read. */
      if (get("cmi.core.entry") !== "resume") { return { location: "", state: "" }; }
      return { location: get("cmi.core.lesson_location"), state: get("cmi.suspend_data") };
    },

    masteryScore: function () {
      var value = parseFloat(get("cmi.student_data.mastery_score"));
      return isNaN(value) ? null : value / 100;
    },

    /* report: {completed, passed (true/false/null), raw, max (null when no score)} */
    report: function (result, location, state) {
      if (!api || finished) { return; }
      /* As a percentage: LMSs (Moodle among them) compare score.raw with mastery_score. */
      if (result.raw !== null) {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", result.max ? Math.round(10000 * result.raw / result.max) / 100 : 0);
      }
      if (result.completed) {
        status = result.passed === null ? "completed" : (result.passed ? "passed" : "failed");
        set("cmi.core.lesson_status", status);
      }
      set("cmi.core.lesson_location", String(location || "").slice(0, LOCATION_LIMIT));
      if (state.length <= SUSPEND_LIMIT) { set("cmi.suspend_data", state); }
      api.LMSCommit("");
    },

    finish: function () {
      if (!api || finished) { return; }
      finished = true;
      set("cmi.core.session_time", timespan(Date.now() - startedAt));
      set("cmi.core.exit", status === "incomplete" ? "suspend" : "");
      api.LMSCommit("");
      api.LMSFinish("");
    }
  };

  window.addEventListener("pagehide", lms.finish);
  window.addEventListener("unload", lms.finish);
  window.KurswerkLms = lms;
}());
