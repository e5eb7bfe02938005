/* Kurswerk SCORM 2004 adapter: window.KurswerkLms for the page script (kurswerk.js).
 * Finds the LMS's API_1484_11 object, initialises once, reports completion, success and
 * score, commits and terminates exactly once (also when the page is hidden or unloaded). */
(function () {
  "use strict";

  var LOCATION_LIMIT = 1000;
  var SUSPEND_LIMIT = 64000;

  function findIn(win) {
    for (var hops = 0; win && hops < 20; hops += 1) {
      try {
        if (win.API_1484_11) { return win.API_1484_11; }
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

  /* timeinterval (second, 10, 2): ISO 8601 duration such as PT1H2M3.45S */
  function duration(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor((centis % 360000) / 6000);
    var seconds = (centis % 6000) / 100;
    return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") + seconds.toFixed(2) + "S";
  }

  var api = null;
  var started = false;
  var finished = false;
  var startedAt = 0;
  var completion = "";

  function get(name) { return api ? String(api.GetValue(name)) : ""; }
  function set(name, value) { if (api) { api.SetValue(name, String(value)); } }

  var lms = {
    suspendLimit: SUSPEND_LIMIT,

    start: function () {
      if (!started) {
        started = true;
        startedAt = Date.now();
        api = findApi();
        if (api && String(api.Initialize("")) !== "true") { api = null; }
        completion = get("cmi.completion_status");
        if (api && completion !== "completed") {
          completion = "incomplete";
          set("cmi.completion_status", completion);
        }
      }
      /* Only a resumed attempt has a location and suspend data to read. */
      if (get("cmi.entry") !== "resume") { return { location: "", state: "" }; }
      return { location: get("cmi.location"), state: get("cmi.suspend_data") };
    },

    masteryScore: function () {
      var value = parseFloat(get("cmi.scaled_passing_score"));
      return isNaN(value) ? null : value;
    },

    /* report: {completed, passed (true/false/null), raw, max (null when no score)} */
    report: function (result, location, state) {
      if (!api || finished) { return; }
      if (result.raw !== null) {
        set("cmi.score.min", 0);
        set("cmi.score.max", result.max);
        set("cmi.score.raw", result.raw);
        set("cmi.score.scaled", result.max ? Math.round(10000 * result.raw / result.max) / 10000 : 0);
      }
      if (result.passed !== null) {
        set("cmi.success_status", result.passed ? "passed" : "failed");
      }
      if (result.completed) {
        completion = "completed";
        set("cmi.completion_status", completion);
      }
      set("cmi.location", String(location || "").slice(0, LOCATION_LIMIT));
      if (state.length <= SUSPEND_LIMIT) { set("cmi.suspend_data", state); }
      api.Commit("");
    },

    finish: function () {
      if (!api || finished) { return; }
      finished = true;
      set("cmi.session_time", duration(Date.now() - startedAt));
      set("cmi.exit", completion === "completed" ? "normal" : "suspend");
      api.Commit("");
      api.Terminate("");
    }
  };

  window.addEventListener("pagehide", lms.finish);
  window.addEventListener("unload", lms.finish);
  window.KurswerkLms = lms;
}());
