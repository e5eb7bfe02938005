"""Every text of the interface has a German translation, the compiled catalogue is up to date
with its .po source, and the German follows the glossary (docs/glossary.md): one word per
concept."""

from __future__ import annotations

import ast
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from tests.paths import ROOT

TRANSLATIONS = ROOT / "designer" / "translations"
CATALOGUE = TRANSLATIONS / "de" / "LC_MESSAGES" / "messages.po"
GLOSSARY = ROOT / "docs" / "glossary.md"
METHODS = [("designer/**.py", "python"), ("templates/**.html", "jinja2")]
KEYWORDS = {
    "_": None,
    "gettext": None,
    "_l": None,
    "lazy_gettext": None,
    "ngettext": (1, 2),
    "translate_plural": (1, 2),
    "N_": None,
}


def catalogues():
    return sorted(TRANSLATIONS.glob("**/*.po"))


def read_catalogue() -> Catalog:
    with CATALOGUE.open("rb") as fh:
        return read_po(fh)


def source_messages() -> dict[str, str]:
    found = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map=METHODS, keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, f"{filename}:{lineno}")
    return found


def test_there_is_one_catalogue():
    assert catalogues() == [CATALOGUE]


def untranslated(catalog: Catalog, sources: dict[str, str]) -> dict[str, str]:
    """msgid -> where the source uses it, for every source text without German."""
    german = {_singular(m.id) for m in catalog if m.id and _filled(m.string)}
    return {msgid: where for msgid, where in sources.items() if msgid not in german}


def mo_is_stale(catalog: Catalog, mo: Path) -> bool:
    """True when the compiled file is missing or says something else than the .po."""
    if not mo.exists():
        return True
    expected = io.BytesIO()
    write_mo(expected, catalog)
    expected.seek(0)
    with mo.open("rb") as fh:
        return _pairs(read_mo(fh)) != _pairs(read_mo(expected))


def test_every_message_has_a_german_translation():
    sources = source_messages()
    assert len(sources) > 100
    missing = untranslated(read_catalogue(), sources)
    assert not missing, f"untranslated: {missing}"


def test_compiled_catalogue_exists_and_matches_its_source():
    assert not mo_is_stale(read_catalogue(), CATALOGUE.with_suffix(".mo")), (
        "run pybabel compile -d designer/translations -l de"
    )


def test_a_missing_translation_and_a_stale_or_missing_mo_are_detected(tmp_path):
    catalog = Catalog(locale="de")
    catalog.add("Module", "Modul")
    catalog.add("Nugget", "")
    assert untranslated(catalog, {"Module": "a:1", "Nugget": "b:2"}) == {"Nugget": "b:2"}
    mo = tmp_path / "messages.mo"
    assert mo_is_stale(catalog, mo)
    with mo.open("wb") as fh:
        write_mo(fh, catalog)
    assert not mo_is_stale(catalog, mo)
    catalog["Nugget"].string = "Lernnugget"
    assert mo_is_stale(catalog, mo)
    assert untranslated(catalog, {"Module": "a:1", "Nugget": "b:2"}) == {}


def test_no_msgid_appears_twice_in_the_source_file():
    """Concatenated catalogues are how two translations of one text came about."""
    ids = re.findall(r'^msgid "(.*)"\n((?:".*"\n)*)', CATALOGUE.read_text(), re.MULTILINE)
    joined = [head + "".join(re.findall(r'"(.*)"', rest)) for head, rest in ids]
    assert len(joined) == len(set(joined))


def _pairs(catalog) -> dict:
    def hashable(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {hashable(m.id): hashable(m.string) for m in catalog if m.id}


def _singular(msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def _filled(string) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


# --- the glossary -------------------------------------------------------------------------


@dataclass
class Glossary:
    terms: dict[str, str] = field(default_factory=dict)  # English form (casefolded) -> German
    not_used: set[str] = field(default_factory=set)
    wording: list[tuple[re.Pattern, re.Pattern, str]] = field(default_factory=list)


def _table(text: str, heading: str) -> list[list[str]]:
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in rows[2:]]


def _forms(cell: str) -> list[tuple[str, ...]]:
    """`design / designs; course design` -> [("design", "designs"), ("course design",)]."""
    return [tuple(f.strip() for f in re.split(r" / ", alt)) for alt in cell.split(";")]


def _pattern(text: str) -> re.Pattern:
    return re.compile("".join(".+" if p == "…" else re.escape(p) for p in re.split("(…)", text)))


def parse_glossary(text: str) -> Glossary:
    glossary = Glossary()
    for english, german, not_used, _note in _table(text, "Terms"):
        german_forms = _forms(german)[0]
        for english_forms in _forms(english):
            for number, form in enumerate(english_forms):
                glossary.terms[form.casefold()] = german_forms[min(number, len(german_forms) - 1)]
        glossary.not_used |= {w.strip() for w in not_used.split(",") if w.strip()}
    for english, german in _table(text, "Wording"):
        glossary.wording.append((_pattern(english), _pattern(german), german))
    return glossary


def _uses(word: str, text: str) -> bool:
    """Whole word (not part of a file name such as design.json), exact spelling, but either
    case at the start ("der Nugget", "Der Nugget")."""
    first = f"[{re.escape(word[0].lower())}{re.escape(word[0].upper())}]"
    return re.search(rf"(?<![\w-]){first}{re.escape(word[1:])}(?![\w-]|\.\w)", text) is not None


def glossary_conflicts(messages: dict[str, str], glossary: Glossary) -> dict[str, str]:
    """msgid -> what in its German breaks the glossary."""
    conflicts = {}
    for msgid, german in messages.items():
        german = re.sub(r"%\(\w+\)s", "%s", german)
        expected = glossary.terms.get(msgid.casefold())
        if expected and german.casefold() != expected.casefold():
            conflicts[msgid] = f"{german!r}: the glossary says {expected!r}"
            continue
        banned = sorted(w for w in glossary.not_used if _uses(w, german))
        if banned:
            conflicts[msgid] = f"{german!r} uses {banned}, which the glossary does not use"
            continue
        for english, german_pattern, shape in glossary.wording:
            if english.fullmatch(msgid) and not german_pattern.fullmatch(german):
                conflicts[msgid] = f"{german!r} should read {shape!r}"
    return conflicts


def catalogue_messages() -> dict[str, str]:
    found = {}
    for m in read_catalogue():
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            found.update(zip(m.id, m.string, strict=False))
        else:
            found[m.id] = m.string
    return found


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_glossary_names_the_core_concepts(glossary):
    assert glossary.terms["design"] == "Kurskonzept"
    assert glossary.terms["learning types"] == "Lernformen"
    assert glossary.terms["delivery mode"] == "Durchführungsform"
    assert glossary.terms["nugget"] == "Lernnugget"
    assert {"Lerntyp", "Design", "der Nugget"} <= glossary.not_used


def test_catalogue_follows_the_glossary(glossary):
    conflicts = glossary_conflicts(catalogue_messages(), glossary)
    assert not conflicts, "\n".join(f"{k!r}: {v}" for k, v in conflicts.items())


# The seven msgids that two of the former area catalogues translated differently, with both
# translations: each pair must break the glossary at least once.
FORMER_CONFLICTS = {
    "Design": ("Design", "Entwurf"),
    "Learning type": ("Lerntyp", "Lernform"),
    "Take theirs": ("Die andere übernehmen", "Gespeicherte übernehmen"),
    "State": ("Status", "Zustand"),
    "Note": ("Notiz", "Anmerkung"),
    "Assessment": ("Leistungsüberprüfung", "Prüfung und Leistungsnachweis"),
    "Enter a whole number (0 or more).": (
        "Geben Sie eine ganze Zahl ein (0 oder mehr).",
        "Bitte eine ganze Zahl eingeben (0 oder mehr).",
    ),
}


@pytest.mark.parametrize("msgid", FORMER_CONFLICTS)
def test_the_glossary_settles_each_former_conflict(glossary, msgid):
    verdicts = [
        msgid in glossary_conflicts({msgid: german}, glossary) for german in FORMER_CONFLICTS[msgid]
    ]
    assert any(verdicts), f"both translations of {msgid!r} pass: the glossary does not decide"


def test_glossary_check_fires_on_a_tiny_catalogue(glossary):
    tiny = {
        "Design": "Entwurf",
        "Designs": "Kurskonzepte",
        "Minutes by learning type": "Minuten nach Lerntyp",
        "Enter a date (YYYY-MM-DD).": "Geben Sie ein Datum ein.",
        "Note for the authors": "Notiz für die Autor/innen",
        "Edit nugget": "Lernnugget bearbeiten",
        "The nugget %(t)s": "Der Nugget %(t)s",
    }
    assert set(glossary_conflicts(tiny, glossary)) == {
        "Design",
        "Minutes by learning type",
        "Enter a date (YYYY-MM-DD).",
        "Note for the authors",
        "The nugget %(t)s",
    }


def test_glossary_check_stays_quiet_on_a_consistent_catalogue(glossary):
    good = {
        "Design": "Kurskonzept",
        "designs": "Kurskonzepte",
        "Learning type": "Lernform",
        "Enter a date (YYYY-MM-DD).": "Bitte ein Datum (JJJJ-MM-TT) eingeben.",
        "Draft": "Entwurf",
        "Nuggets of the library": "Lernnuggets der Bibliothek",
    }
    assert glossary_conflicts(good, glossary) == {}


# --- German texts that live in Python code (quality rules, export labels, vocabularies) ---


# Headings people write in their own plans, recognised on import ("Lerntyp", "Notizen").
RECOGNISED_HEADINGS = ROOT / "designer" / "importers" / "plan_table.py"


def _python_strings() -> dict[str, list[str]]:
    """Every string literal of designer/ except docstrings, by file."""
    found = {}
    for path in sorted((ROOT / "designer").rglob("*.py")):
        if path == RECOGNISED_HEADINGS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        strings = [
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ]
        found[str(path.relative_to(ROOT))] = strings
    return found


def german_only_words(glossary: Glossary, english_texts: list[str]) -> set[str]:
    """Not-used words that are no English word of the interface (so "Design" is left out)."""
    return {w for w in glossary.not_used if not any(_uses(w, t) for t in english_texts)}


def test_german_texts_in_code_follow_the_glossary(glossary):
    words = german_only_words(glossary, list(catalogue_messages()))
    assert {"Lerntyp", "der Nugget"} <= words and "Design" not in words
    found = {
        f"{path}: {text[:60]!r}"
        for path, strings in _python_strings().items()
        for text in strings
        for word in words
        if _uses(word, text)
    }
    assert not found, "\n".join(sorted(found))
