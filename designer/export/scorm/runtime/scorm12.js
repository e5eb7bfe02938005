/* Kurswerk SCORM 1.2 adapter: window.KurswerkLms for the course player (player.js).
 * Finds the LMS's API object, initialises once, keeps each unit's result in
 * cmi.objectives (found by id), journals every answered question in cmi.interactions
 * (write-only in 1.2, so each check adds entries), reports status and score, and
 * commits and finishes exactly once (also when the page is hidden or unloaded). */
(function () {
  "use strict";

  var LOCATION_LIMIT = 255;
  var SUSPEND_LIMIT = 4096;
  var TEXT_LIMIT = 255;

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
    while (s.length < (width || 2)) { s = "0" + s; }
    return s;
  }

  /* CMITimespan of SCORM 1.2: HHHH:MM:SS.SS */
  function timespan(ms) {
    var centis = Math.max(0, Math.round(ms / 10));
    var hours = Math.floor(centis / 360000);
    var minutes = Math.floor((centis % 360000) / 6000);
    var seconds = Math.floor((centis % 6000) / 100);
    return pad(hours, 4) + ":" + pad(minutes) + ":" + pad(seconds) + "." + pad(centis % 100);
  }

  /* CMITime of SCORM 1.2: HH:MM:SS */
  function clock(date) {
    return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());
  }

  /* CMIFeedback: choice "a,c", matching "a.b,b.a", fill-in the text. */
  var RESPONSES = {
    choice: function (ids) { return ids.join(","); },
    matching: function (pairs) {
      return pairs.filter(function (p) { return p[1]; })
        .map(function (p) { return p[0] + "." + p[1]; }).join(",");
    },
    "fill-in": function (text) { return String(text).slice(0, TEXT_LIMIT); }
  };

  var api = null;
  var started = false;
  var finished = false;
  var startedAt = 0;
  var status = "";

  function get(name) { return api ? String(api.LMSGetValue(name)) : ""; }
  function set(name, value) { if (api) { api.LMSSetValue(name, String(value)); } }
  function count(list) { return parseInt(get(list + "._count"), 10) || 0; }

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
      /* Only a resumed attempt has a location and suspend data to read, and an
       * attempt opened for review (which shows the learner's answers again). */
      if (get("cmi.core.entry") !== "resume" && get("cmi.core.lesson_mode") !== "review") {
        return { location: "", state: "" };
      }
      return { location: get("cmi.core.lesson_location"), state: get("cmi.suspend_data") };
    },

    masteryScore: function () {
      var value = parseFloat(get("cmi.student_data.mastery_score"));
      return isNaN(value) ? null : value / 100;
    },

    /* result: {description, completed, passed (true/false/null), raw, max (quizzes only)} */
    objective: function (id, result) {
      if (!api || finished) { return; }
      var total = count("cmi.objectives");
      var n = total;
      for (var i = 0; i < total; i += 1) {
        if (get("cmi.objectives." + i + ".id") === id) { n = i; break; }
      }
      var prefix = "cmi.objectives." + n;
      if (n === total) { set(prefix + ".id", id); }
      if (result.max) {
        set(prefix + ".score.min", 0);
        set(prefix + ".score.max", result.max);
        set(prefix + ".score.raw", result.raw);
      }
      var value = result.passed === null ? "completed" : (result.passed ? "passed" : "failed");
      if (result.completed) { set(prefix + ".status", value); }
    },

    /* interaction: {id, objective, type, response, correct (list of patterns), right} */
    interaction: function (interaction) {
      if (!api || finished) { return; }
      var prefix = "cmi.interactions." + count("cmi.interactions");
      var respond = RESPONSES[interaction.type];
      set(prefix + ".id", interaction.id);
      set(prefix + ".objectives.0.id", interaction.objective);
      set(prefix + ".time", clock(new Date()));
      set(prefix + ".type", interaction.type);
      interaction.correct.slice(0, 10).forEach(function (pattern, i) {
        set(prefix + ".correct_responses." + i + ".pattern", respond(pattern));
      });
      set(prefix + ".weighting", 1);
      set(prefix + ".student_response", respond(interaction.response));
      set(prefix + ".result", interaction.right ? "correct" : "wrong");
    },

    /* summary: {completed, passed (true/false/null), percent (null until every quiz is answered)}.
     * The score is a percentage: LMSs (Moodle among them) compare score.raw with mastery_score. */
    report: function (summary, location, state) {
      if (!api || finished) { return; }
      if (summary.percent !== null) {
        set("cmi.core.score.min", 0);
        set("cmi.core.score.max", 100);
        set("cmi.core.score.raw", summary.percent);
      }
      if (summary.completed) {
        status = summary.passed === null ? "completed" : (summary.passed ? "passed" : "failed");
        set("cmi.core.lesson_status", status);
      }
      lms.save(location, state);
    },

    save: function (location, state) {
      if (!api || finished) { return; }
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
