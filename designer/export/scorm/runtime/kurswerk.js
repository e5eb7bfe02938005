/* Kurswerk page script: "mark as done" buttons and quizzes of an exported page.
 * Talks to the LMS only through window.KurswerkLms (one adapter per SCORM version), so
 * this file is the same in SCORM 1.2 and 2004 packages. Nothing is reported on load:
 * a page counts as completed once every task on it is done by the learner. */
(function () {
  "use strict";

  var main = document.querySelector("[data-kw-sco]");
  var lms = window.KurswerkLms;
  if (!main || !lms) { return; }

  var texts = JSON.parse(main.getAttribute("data-kw-texts") || "{}");
  var tasks = Array.prototype.slice.call(main.querySelectorAll("[data-kw-task]"));
  var quizzes = Array.prototype.slice.call(main.querySelectorAll("[data-kw-quiz]"));
  var resumed = lms.start();
  /* The pass mark the LMS took from the manifest (or its own), else the page's. A page
   * whose quizzes have different pass marks has none: each quiz passes by its own. */
  var mastery = quizzes.length ? lms.masteryScore() : null;
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
    return String(template || "").replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  function serialise() {
    var full = JSON.stringify(state);
    return full.length <= lms.suspendLimit ? full : JSON.stringify({ d: state.d, q: {} });
  }

  function markOf(form) {
    return isNaN(mastery) ? parseFloat(form.getAttribute("data-kw-mastery")) : mastery;
  }

  function passes(result, mark) {
    return result.max > 0 && result.raw / result.max >= mark - 1e-9;
  }

  /* Passed: the page's score reaches its pass mark, else every quiz reaches its own. */
  function pagePassed(total) {
    if (!isNaN(mastery)) { return passes(total, mastery); }
    return quizzes.every(function (form) {
      return passes(results[form.getAttribute("data-kw-quiz")], markOf(form));
    });
  }

  function report() {
    var done = tasks.every(function (b) { return state.d.indexOf(b.getAttribute("data-kw-task")) >= 0; });
    var raw = 0;
    var max = 0;
    var scored = 0;
    quizzes.forEach(function (form) {
      var r = results[form.getAttribute("data-kw-quiz")];
      if (r) { raw += r.raw; max += r.max; scored += 1; }
    });
    var allScored = quizzes.length > 0 && scored === quizzes.length;
    lms.report({
      completed: done && scored === quizzes.length,
      passed: allScored ? pagePassed({ raw: raw, max: max }) : null,
      raw: scored ? raw : null,
      max: max
    }, location, serialise());
  }

  /* ---- "mark as done" */

  function showDone(button) {
    button.setAttribute("aria-pressed", "true");
    button.classList.add("kw-is-done");
    var status = button.parentNode.querySelector(".kw-status");
    if (status) { status.textContent = texts.done || ""; }
  }

  tasks.forEach(function (button) {
    var id = button.getAttribute("data-kw-task");
    if (state.d.indexOf(id) >= 0) { showDone(button); }
    button.addEventListener("click", function () {
      if (state.d.indexOf(id) < 0) { state.d.push(id); }
      location = id;
      showDone(button);
      report();
    });
  });

  /* ---- quizzes */

  function questionsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll(".kw-question"));
  }

  function inputsOf(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll("input"));
  }

  function chosen(form) {
    return questionsOf(form).map(function (fieldset) {
      return inputsOf(fieldset).filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    });
  }

  function showQuestion(fieldset) {
    var right = inputsOf(fieldset).every(function (input) {
      return input.checked === (input.getAttribute("data-kw-correct") === "1");
    });
    fieldset.classList.toggle("kw-right", right);
    fieldset.classList.toggle("kw-wrong", !right);
    fieldset.querySelector(".kw-verdict").textContent = right ? texts.correct : texts.wrong;
    inputsOf(fieldset).forEach(function (input) {
      var feedback = input.parentNode.querySelector(".kw-feedback");
      if (feedback) { feedback.hidden = !input.checked; }
    });
    var general = fieldset.querySelector(".kw-qfeedback");
    if (general) { general.hidden = false; }
    return right;
  }

  function evaluate(form) {
    var fieldsets = questionsOf(form);
    var raw = fieldsets.filter(showQuestion).length;
    var result = { raw: raw, max: fieldsets.length };
    results[form.getAttribute("data-kw-quiz")] = result;
    var percent = result.max ? Math.round(100 * raw / result.max) : 0;
    var passed = passes(result, markOf(form));
    form.querySelector(".kw-result").textContent =
      format(texts.result, { raw: raw, max: result.max, percent: percent }) + " " +
      (passed ? texts.passed : texts.failed);
  }

  function restore(form, answers) {
    questionsOf(form).forEach(function (fieldset, index) {
      var values = answers[index] || [];
      inputsOf(fieldset).forEach(function (input) { input.checked = values.indexOf(input.value) >= 0; });
    });
  }

  quizzes.forEach(function (form) {
    var id = form.getAttribute("data-kw-quiz");
    if (state.q[id]) {
      restore(form, state.q[id]);
      evaluate(form);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = chosen(form);
      var complete = answers.every(function (a) { return a.length > 0; });
      if (!complete) {
        form.querySelector(".kw-result").textContent = texts.unanswered;
        return;
      }
      state.q[id] = answers;
      location = id;
      evaluate(form);
      report();
    });
  });

  /* ---- resume where the learner left off */

  var target = location ? document.getElementById(location) : null;
  if (target && target.scrollIntoView) { target.scrollIntoView(); }
}());
