/* Kurswerk course player: navigation, progress, "mark as done" and quizzes of the learner
 * view (templates/learner/player.html). The same file runs in the in-app preview and in
 * SCORM packages. It talks to an LMS only through window.KurswerkLms (scorm12.js and
 * scorm2004.js, loaded before it); without one (the preview) it keeps progress for the
 * open page only. Nothing is reported on load: a unit counts once the learner did it. */
(function () {
  "use strict";

  var main = document.getElementById("main");
  if (!main) { return; }
  var root = document.documentElement;
  root.classList.remove("kw-nojs");
  root.classList.add("kw-js");

  function all(scope, selector) { return Array.prototype.slice.call(scope.querySelectorAll(selector)); }

  var offline = {
    suspendLimit: 64000,
    start: function () { return { location: "", state: "" }; },
    masteryScore: function () { return null; },
    objective: function () {},
    interaction: function () {},
    report: function () {},
    save: function () {},
    connected: function () { return true; }
  };
  var isSco = main.hasAttribute("data-kw-sco");
  var lms = (isSco && window.KurswerkLms) || offline;
  var texts = JSON.parse(main.getAttribute("data-kw-texts") || "{}");
  var units = all(main, "[data-kw-unit]");
  var tasks = all(main, "[data-kw-task]");
  var quizzes = all(main, "[data-kw-quiz]");
  var resumed = lms.start();
  var refusedNote = document.querySelector("[data-kw-refused]");
  /* The pass mark the LMS took from the manifest (or its own), else the page's. A page
   * whose quizzes have different pass marks declares none: each quiz passes by its own. */
  var mastery = main.hasAttribute("data-kw-mastery") ? lms.masteryScore() : null;
  if (mastery === null) { mastery = parseFloat(main.getAttribute("data-kw-mastery")); }
  var state = readState(resumed.state);
  var location = resumed.location;
  var results = {};

  function readState(raw) {
    try {
      var parsed = JSON.parse(raw);
      if (parsed && Array.isArray(parsed.d) && typeof parsed.q === "object") { return parsed; }
    } catch (e) { /* no or foreign suspend data: start afresh */ }
    return { d: [], q: {} };
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function serialise() {
    var full = JSON.stringify(state);
    return full.length <= lms.suspendLimit ? full : JSON.stringify({ d: state.d, q: {} });
  }

  function titleOf(anchor) {
    var heading = document.getElementById(anchor + "-h");
    return heading ? heading.textContent.trim() : anchor;
  }

  function isDone(anchor) { return state.d.indexOf(anchor) >= 0 || anchor in state.q; }

  /* ---- results of the whole page */

  function passes(result, mark) {
    return result.max > 0 && result.raw / result.max >= mark - 1e-9;
  }

  function markOf(form) {
    return isNaN(mastery) ? parseFloat(form.getAttribute("data-kw-mastery")) : mastery;
  }

  function summary() {
    var raw = 0;
    var max = 0;
    var scored = quizzes.filter(function (form) { return results[form.getAttribute("data-kw-quiz")]; });
    scored.forEach(function (form) {
      var r = results[form.getAttribute("data-kw-quiz")];
      raw += r.raw;
      max += r.max;
    });
    var allScored = quizzes.length > 0 && scored.length === quizzes.length;
    var passed = null;
    if (allScored) {
      passed = isNaN(mastery) ? quizzes.every(function (form) {
        return passes(results[form.getAttribute("data-kw-quiz")], markOf(form));
      }) : passes({ raw: raw, max: max }, mastery);
    }
    return {
      completed: tasks.every(function (b) { return isDone(b.getAttribute("data-kw-task")); }) &&
        quizzes.every(function (form) { return isDone(form.getAttribute("data-kw-quiz")); }),
      passed: passed,
      /* The score only once every quiz is answered (an LMS compares it with the pass mark). */
      percent: allScored && max ? Math.round(10000 * raw / max) / 100 : null
    };
  }

  /* Whether what the learner did reached the LMS: a SCO page without an LMS that took
   * the connection (no API, Initialize or Commit refused) says so instead of a result. */
  function recorded() {
    return !isSco || (lms !== offline && lms.connected());
  }

  function report() {
    lms.report(summary(), location, serialise());
    showProgress();
    if (refusedNote) { refusedNote.hidden = recorded(); }
  }

  /* ---- navigation and progress */

  var links = all(document, "[data-kw-goto]");
  var navLinks = all(document, ".kw-nav [data-kw-goto]");
  var nav = document.getElementById("kw-nav");
  var menu = document.querySelector(".kw-menu");
  var progress = document.querySelector("[data-kw-progress]");
  var current = null;

  function unitOf(anchor) {
    return units.filter(function (u) { return u.id === anchor; })[0] || null;
  }

  /* Shows one unit; `byLearner` (a link, the address) also moves the focus to its
   * heading and keeps the place in the LMS for resuming. */
  function show(anchor, byLearner) {
    var unit = unitOf(anchor) || (current ? null : units[0]);
    if (!unit || unit === current) { return; }
    current = unit;
    if (lms.shown) { lms.shown(unit.id); }
    units.forEach(function (u) { u.classList.toggle("kw-current", u === unit); });
    navLinks.forEach(function (a) {
      if (a.getAttribute("data-kw-goto") === unit.id) { a.setAttribute("aria-current", "step"); }
      else { a.removeAttribute("aria-current"); }
    });
    if (byLearner && location !== unit.id) {
      location = unit.id;
      lms.save(location, serialise());
    }
    if (byLearner) {
      var heading = document.getElementById(unit.id + "-h");
      window.scrollTo(0, 0);
      if (heading) { heading.focus(); }
    }
  }

  function showProgress() {
    var tracked = tasks.map(function (b) { return b.getAttribute("data-kw-task"); })
      .concat(quizzes.map(function (f) { return f.getAttribute("data-kw-quiz"); }));
    var done = tracked.filter(isDone).length;
    all(document, "[data-kw-state]").forEach(function (span) {
      var finished = isDone(span.getAttribute("data-kw-state"));
      span.textContent = " (" + (finished ? texts.state_done : texts.state_open) + ")";
      span.parentNode.classList.toggle("kw-is-done", finished);
    });
    if (!progress || !tracked.length) { return; }
    progress.hidden = false;
    var bar = progress.querySelector("progress");
    bar.max = tracked.length;
    bar.value = done;
    progress.querySelector(".kw-progress-text").textContent =
      format(texts.progress, { done: done, total: tracked.length });
  }

  function openMenu(open) {
    if (!menu || !nav) { return; }
    menu.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("kw-nav-open", open);
  }

  if (menu && nav) {
    menu.hidden = false;
    menu.addEventListener("click", function () { openMenu(menu.getAttribute("aria-expanded") !== "true"); });
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      openMenu(false);
      show(link.getAttribute("data-kw-goto"), true);
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#" + link.getAttribute("data-kw-goto"));
      }
    });
  });

  /* Back and forward in the browser, and links to a unit from elsewhere. */
  window.addEventListener("hashchange", function () {
    var anchor = window.location.hash.slice(1);
    if (unitOf(anchor)) { show(anchor, true); }
  });

  /* ---- "mark as done" */

  function showDone(button) {
    button.setAttribute("aria-pressed", "true");
    button.classList.add("kw-is-done");
    var status = button.parentNode.querySelector(".kw-status");
    if (status) { status.textContent = texts.done || ""; }
  }

  tasks.forEach(function (button) {
    var id = button.getAttribute("data-kw-task");
    if (isDone(id)) { showDone(button); }
    button.addEventListener("click", function () {
      if (state.d.indexOf(id) < 0) { state.d.push(id); }
      location = id;
      showDone(button);
      lms.objective(id, { description: titleOf(id), completed: true, passed: null });
      report();
    });
  });

  /* ---- quizzes */

  function questionsOf(form) { return all(form, ".kw-question"); }

  function kindOf(fieldset) { return fieldset.getAttribute("data-kw-kind"); }

  function normal(value) { return String(value).trim().toLocaleLowerCase(); }

  function accepted(fieldset) {
    var input = fieldset.querySelector("input[type=text]");
    return JSON.parse(input.getAttribute("data-kw-accept") || "[]");
  }

  /* The learner's answer to one question: chosen identifiers, a target per item, or the text. */
  function answerOf(fieldset) {
    var kind = kindOf(fieldset);
    if (kind === "match") { return all(fieldset, "select").map(function (s) { return s.value; }); }
    if (kind === "shortanswer") { return [fieldset.querySelector("input[type=text]").value]; }
    return all(fieldset, "input").filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function answered(fieldset, answer) {
    if (kindOf(fieldset) === "match") { return answer.every(function (v) { return v !== ""; }); }
    if (kindOf(fieldset) === "shortanswer") { return answer[0].trim() !== ""; }
    return answer.length > 0;
  }

  function restoreAnswer(fieldset, answer) {
    var kind = kindOf(fieldset);
    if (kind === "match") {
      all(fieldset, "select").forEach(function (s, i) { s.value = answer[i] || ""; });
    } else if (kind === "shortanswer") {
      fieldset.querySelector("input[type=text]").value = answer[0] || "";
    } else {
      all(fieldset, "input").forEach(function (i) { i.checked = answer.indexOf(i.value) >= 0; });
    }
  }

  /* Shows right or wrong and the feedback; returns the interaction for the LMS. */
  function mark(fieldset) {
    var kind = kindOf(fieldset);
    var right;
    var response;
    var correct;
    if (kind === "match") {
      var selects = all(fieldset, "select");
      right = selects.every(function (s) { return s.value === s.getAttribute("data-kw-right"); });
      selects.forEach(function (s) {
        var ok = s.value === s.getAttribute("data-kw-right");
        s.parentNode.classList.toggle("kw-right", ok);
        s.parentNode.classList.toggle("kw-wrong", !ok);
        s.parentNode.querySelector(".kw-pair-verdict").textContent = ok ? texts.correct : texts.wrong;
      });
      response = selects.map(function (s) { return [s.getAttribute("data-kw-item"), s.value]; });
      correct = [selects.map(function (s) { return [s.getAttribute("data-kw-item"), s.getAttribute("data-kw-right")]; })];
    } else if (kind === "shortanswer") {
      var typed = fieldset.querySelector("input[type=text]").value;
      var list = accepted(fieldset);
      var hit = list.map(normal).indexOf(normal(typed));
      right = hit >= 0;
      all(fieldset, "[data-kw-feedback]").forEach(function (p) {
        p.hidden = !right || p.getAttribute("data-kw-feedback") !== String(hit);
      });
      fieldset.querySelector("[data-kw-expected]").hidden = right;
      response = typed.trim();
      correct = list;
    } else {
      var inputs = all(fieldset, "input");
      right = inputs.every(function (i) { return i.checked === (i.getAttribute("data-kw-correct") === "1"); });
      inputs.forEach(function (i) {
        var feedback = i.parentNode.querySelector(".kw-feedback");
        if (feedback) { feedback.hidden = !i.checked; }
      });
      response = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
      correct = [inputs.filter(function (i) { return i.getAttribute("data-kw-correct") === "1"; })
        .map(function (i) { return i.value; })];
    }
    fieldset.classList.toggle("kw-right", right);
    fieldset.classList.toggle("kw-wrong", !right);
    fieldset.querySelector(".kw-verdict").textContent = right ? texts.correct : texts.wrong;
    var general = fieldset.querySelector(".kw-qfeedback");
    if (general) { general.hidden = false; }
    return {
      id: fieldset.id,
      type: fieldset.getAttribute("data-kw-interaction"),
      description: fieldset.querySelector(".kw-qtext").textContent.trim(),
      response: response,
      correct: correct,
      right: right
    };
  }

  function evaluate(form) {
    var id = form.getAttribute("data-kw-quiz");
    var interactions = questionsOf(form).map(mark);
    var raw = interactions.filter(function (i) { return i.right; }).length;
    var result = { raw: raw, max: interactions.length };
    results[id] = result;
    return { result: result, passed: passes(result, markOf(form)), interactions: interactions };
  }

  /* The score, and passed or failed only where the LMS took the result. */
  function showResult(form, outcome) {
    var result = outcome.result;
    var percent = result.max ? Math.round(100 * result.raw / result.max) : 0;
    var verdict = !recorded() ? texts.unsent : (outcome.passed ? texts.passed : texts.failed);
    form.querySelector(".kw-result").textContent =
      format(texts.result, { raw: result.raw, max: result.max, percent: percent }) + " " + verdict;
  }

  quizzes.forEach(function (form) {
    var id = form.getAttribute("data-kw-quiz");
    if (state.q[id]) {
      questionsOf(form).forEach(function (fieldset, index) { restoreAnswer(fieldset, state.q[id][index] || []); });
      showResult(form, evaluate(form));
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fieldsets = questionsOf(form);
      var answers = fieldsets.map(answerOf);
      var complete = fieldsets.every(function (fieldset, index) { return answered(fieldset, answers[index]); });
      if (!complete) {
        form.querySelector(".kw-result").textContent = texts.unanswered;
        return;
      }
      state.q[id] = answers;
      location = id;
      var outcome = evaluate(form);
      outcome.interactions.forEach(function (interaction) {
        interaction.objective = id;
        lms.interaction(interaction);
      });
      lms.objective(id, {
        description: titleOf(id),
        completed: true,
        passed: outcome.passed,
        raw: outcome.result.raw,
        max: outcome.result.max
      });
      report();
      showResult(form, outcome);
    });
  });

  /* ---- where the learner starts: the address, else where they left off */

  var wanted = window.location.hash.slice(1);
  show(unitOf(wanted) ? wanted : (unitOf(location) ? location : units[0] && units[0].id), false);
  if (!unitOf(wanted) && location && document.getElementById(location) && units.length === 1) {
    document.getElementById(location).scrollIntoView();
  }
  showProgress();
  if (refusedNote) { refusedNote.hidden = recorded(); }
}());
