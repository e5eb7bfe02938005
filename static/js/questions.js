// The nugget editor's quiz questions: when a question's kind changes, show the answer
// fields of that kind (a matching question's pairs, a short-answer question's accepted
// answers) and hide the others. Without JavaScript the button "Show the fields of the
// chosen kinds" does the same through the server.
(function () {
  "use strict";

  function showKind(question, kind) {
    question.dataset.questionKind = kind;
    question.querySelectorAll("[data-kinds]").forEach(function (part) {
      part.hidden = part.dataset.kinds.split(" ").indexOf(kind) === -1;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-question-kind-select]").forEach(function (select) {
      var question = select.closest("[data-question-kind]");
      select.addEventListener("change", function () {
        showKind(question, select.value);
      });
    });
    document.querySelectorAll("[data-without-script]").forEach(function (button) {
      button.remove();
    });
  });
})();
