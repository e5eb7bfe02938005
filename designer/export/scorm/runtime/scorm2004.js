/* Kurswerk SCORM 2004 adapter: window.KurswerkLms for the course player (player.js).
 * Finds the LMS's API_1484_11 object, initialises once, keeps each unit's result in
 * cmi.objectives (found by id) and each answered question in cmi.interactions (one per
 * question, updated when answered again), reports completion, success and score, and
 * commits and terminates exactly once (also when the page is hidden or unloaded). */
(function () {
  "use strict";

  var LOCATION_LIMIT = 1000;
  var SUSPEND_LIMIT = 64000;
  var TEXT_LIMIT = 250;

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

  function pad(value) { return (value < 10 ? "0" : "") + value; }

  /* time (second, 10, 0): local time such as 2026-11-30T06:45:12 */
  function timestamp(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds());
  }

  /* A localized string of at most 250 characters that does not start with "{". */
  function plain(value) {
    return String(value).replace(/\[[,.]\]/g, " ").replace(/^\{/, "(").slice(0, TEXT_LIMIT);
  }

  var RESPONSES = {
    choice: function (ids) { return ids.join("[,]"); },
    matching: function (pairs) {
      return pairs.filter(function (p) { return p[1]; })
        .map(function (p) { return p[0] + "[.]" + p[1]; }).join("[,]");
    },
    "fill-in": function (text) { return plain(text); }
  };

  var api = null;
  var started = false;
  var finished = false;
  var startedAt = 0;
  var completion = "";

  function get(name) { return api ? String(api.GetValue(name)) : ""; }
  function set(name, value) { if (api) { api.SetValue(name, String(value)); } }

  /* The index of the list entry (cmi.objectives or cmi.interactions) with this id, a new one if none. */
  function indexOf(list, id) {
    var count = parseInt(get(list + "._count"), 10) || 0;
    for (var n = 0; n < count; n += 1) {
      if (get(list + "." + n + ".id") === id) { return { n: n, fresh: false }; }
    }
    return { n: count, fresh: true };
  }

  function setScore(prefix, raw, max) {
    set(prefix + ".score.min", 0);
    set(prefix + ".score.max", max);
    set(prefix + ".score.raw", raw);
    set(prefix + ".score.scaled", max ? Math.round(10000 * raw / max) / 10000 : 0);
  }

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
      /* Only a resumed attempt has a location and suspend data to read, and an
       * attempt opened for review (which shows the learner's answers again). */
      if (get("cmi.entry") !== "resume" && get("cmi.mode") !== "review") {
        return { location: "", state: "" };
      }
      return { location: get("cmi.location"), state: get("cmi.suspend_data") };
    },

    masteryScore: function () {
      var value = parseFloat(get("cmi.scaled_passing_score"));
      return isNaN(value) ? null : value;
    },

    /* result: {description, completed, passed (true/false/null), raw, max (quizzes only)} */
    objective: function (id, result) {
      if (!api || finished) { return; }
      var entry = indexOf("cmi.objectives", id);
      var prefix = "cmi.objectives." + entry.n;
      if (entry.fresh) {
        set(prefix + ".id", id);
        set(prefix + ".description", plain(result.description));
      }
      if (result.max) { setScore(prefix, result.raw, result.max); }
      if (result.passed !== null) { set(prefix + ".success_status", result.passed ? "passed" : "failed"); }
      if (result.completed) { set(prefix + ".completion_status", "completed"); }
    },

    /* interaction: {id, objective, type, description, response, correct (list of patterns), right} */
    interaction: function (interaction) {
      if (!api || finished) { return; }
      var entry = indexOf("cmi.interactions", interaction.id);
      var prefix = "cmi.interactions." + entry.n;
      var respond = RESPONSES[interaction.type];
      if (entry.fresh) {
        set(prefix + ".id", interaction.id);
        set(prefix + ".type", interaction.type);
        set(prefix + ".objectives.0.id", interaction.objective);
        set(prefix + ".description", plain(interaction.description));
        set(prefix + ".weighting", 1);
        interaction.correct.slice(0, 10).forEach(function (pattern, i) {
          var value = interaction.type === "fill-in" ? "{case_matters=false}" + plain(pattern) : respond(pattern);
          set(prefix + ".correct_responses." + i + ".pattern", value);
        });
      }
      set(prefix + ".timestamp", timestamp(new Date()));
      set(prefix + ".learner_response", respond(interaction.response));
      set(prefix + ".result", interaction.right ? "correct" : "incorrect");
    },

    /* summary: {completed, passed (true/false/null), percent (null until every quiz is answered)} */
    report: function (summary, location, state) {
      if (!api || finished) { return; }
      if (summary.percent !== null) { setScore("cmi", summary.percent, 100); }
      if (summary.passed !== null) { set("cmi.success_status", summary.passed ? "passed" : "failed"); }
      if (summary.completed) {
        completion = "completed";
        set("cmi.completion_status", completion);
      }
      lms.save(location, state);
    },

    save: function (location, state) {
      if (!api || finished) { return; }
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
