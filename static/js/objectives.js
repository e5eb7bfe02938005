// Objectives editor: warns while typing about vague verbs and suggests verbs for the
// chosen Bloom level. The word lists come from designer/core/bloom.py through #bloom-data.
(() => {
  const source = document.getElementById("bloom-data");
  if (!source) return;
  const data = JSON.parse(source.textContent);
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const phrases = [...data.vague.de, ...data.vague.en].sort((a, b) => b.length - a.length);
  const patterns = phrases.map((phrase) => [
    phrase,
    new RegExp(
      "(?<![\\p{L}\\p{N}_-])" + phrase.split(/\s+/).map(escape).join("\\s+") + "(?![\\p{L}\\p{N}_-])",
      "iu",
    ),
  ]);

  const vagueVerbs = (text) => {
    const found = [];
    for (const [phrase, pattern] of patterns) {
      const covered = found.some((f) => f.toLowerCase().includes(phrase.toLowerCase()));
      if (!covered && pattern.test(text)) found.push(phrase);
    }
    return found;
  };

  const checkInput = (input) => {
    const output = document.getElementById(input.dataset.vagueCheck);
    if (!output) return;
    const found = vagueVerbs(input.value);
    output.textContent = found.length ? data.message.replace("{verbs}", found.join(", ")) : "";
  };

  const showVerbs = (select) => {
    const output = document.getElementById(select.dataset.verbHint);
    if (!output) return;
    const level = data.levels[select.value];
    output.textContent = level ? data.suggest.replace("{verbs}", level[data.language].join(", ")) : "";
  };

  document.querySelectorAll("[data-vague-check]").forEach((input) => {
    input.addEventListener("input", () => checkInput(input));
  });
  document.querySelectorAll("[data-verb-hint]").forEach((select) => {
    select.addEventListener("change", () => showVerbs(select));
    showVerbs(select);
  });
})();
