/* Kurswerk LTI adapter: window.KurswerkLms for the course player (player.js) in a page
 * launched from an LMS. It reports to Kurswerk (the address is in this script's
 * "results" parameter):
 *  - the learner's progress and score, which Kurswerk passes on to the LMS's gradebook
 *    (LTI Assignment and Grade Services);
 *  - per unit what the learner did, for the design's learner results: opened in this
 *    launch (once per unit and page), the seconds the unit was shown while the page was
 *    in the foreground, done (marked done or quiz submitted), and per quiz question
 *    whether the answer was right.
 * Activity is sent with the next report and when the page is hidden or left (the
 * seconds of one unit are capped per report: a tab left open does not count for hours).
 * Progress is not resumed. */
(function () {
  "use strict";
  var MAX_SECONDS = 1800; /* per unit and report, as the server accepts */
  var MAX_UNITS = 50; /* a report is sent at once when this many units wait */
  var source = document.currentScript && document.currentScript.src;
  var results = source ? new URL(source).searchParams.get("results") : null;
  var last = "";
  var refused = !results || !window.fetch; /* Kurswerk did not take the last report */
  var pending = {}; /* anchor -> {opened, seconds, done} not yet sent */
  var answers = {}; /* question id -> right, not yet sent */
  var opened = {}; /* anchors shown in this page */
  var current = null;
  var since = null; /* when the current unit became visible in the foreground */

  function foreground() { return document.visibilityState !== "hidden"; }

  function unit(anchor) {
    if (!pending[anchor]) { pending[anchor] = {}; }
    return pending[anchor];
  }

  /* Adds the time the current unit has been shown since `since`. */
  function tally() {
    var now = Date.now();
    if (current && since !== null) {
      var entry = unit(current);
      entry.seconds = Math.min(MAX_SECONDS, (entry.seconds || 0) + (now - since) / 1000);
    }
    since = current && foreground() ? now : null;
  }

  function activity() {
    var units = {};
    Object.keys(pending).forEach(function (anchor) {
      var entry = pending[anchor];
      var sent = {};
      var seconds = Math.round(entry.seconds || 0);
      if (entry.opened) { sent.opened = true; }
      if (seconds) { sent.seconds = seconds; }
      if (entry.done) { sent.done = true; }
      if (Object.keys(sent).length) { units[anchor] = sent; }
    });
    return units;
  }

  function post(body, leaving) {
    if (!results) { return; }
    var text = JSON.stringify(body);
    if (leaving && navigator.sendBeacon) {
      navigator.sendBeacon(results, new Blob([text], { type: "application/json" }));
      return;
    }
    if (!window.fetch) { return; }
    window.fetch(results, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: text,
      keepalive: true,
      credentials: "omit"
    }).then(function (response) {
      refused = !response.ok;
    }).catch(function () {
      refused = true; /* the next report carries the progress again */
    });
  }

  /* Sends the waiting activity, with `score` ({completed, percent}) when it changed. */
  function send(score, leaving) {
    tally();
    var body = {};
    var units = activity();
    if (Object.keys(units).length) { body.units = units; }
    if (Object.keys(answers).length) { body.answers = answers; }
    if (score) { body.completed = score.completed; body.percent = score.percent; }
    pending = {};
    answers = {};
    if (Object.keys(body).length) { post(body, leaving); }
  }

  document.addEventListener("visibilitychange", function () {
    if (foreground()) { since = current ? Date.now() : null; } else { send(null, true); }
  });
  window.addEventListener("pagehide", function () { send(null, true); });

  window.KurswerkLms = {
    suspendLimit: 64000,
    start: function () { return { location: "", state: "" }; },
    masteryScore: function () { return null; },
    /* The player shows a unit: its time starts, and it counts as opened once per page. */
    shown: function (anchor) {
      tally();
      current = anchor;
      since = foreground() ? Date.now() : null;
      if (!opened[anchor]) {
        opened[anchor] = true;
        unit(anchor).opened = true;
      }
      if (Object.keys(pending).length >= MAX_UNITS) { send(null, false); }
    },
    /* A unit marked done or a quiz submitted (the details go to SCORM LMSs only). */
    objective: function (anchor, result) {
      if (result && result.completed) { unit(anchor).done = true; }
    },
    /* One question of a submitted quiz: right or wrong. */
    interaction: function (interaction) {
      answers[interaction.id] = !!interaction.right;
    },
    /* summary: {completed, passed, percent (null until every quiz is answered)} */
    report: function (summary) {
      var score = { completed: !!summary.completed, percent: summary.percent };
      var key = JSON.stringify(score);
      send(key === last ? null : score, false);
      last = key;
    },
    save: function () {},
    /* Whether Kurswerk took the last report (the player says so instead of a result). */
    connected: function () { return !refused; }
  };
})();
