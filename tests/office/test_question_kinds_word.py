"""The Feinkonzept's quiz appendix lists matching pairs as "item → answer" (distractors
named as such) and accepted short answers, in the design's language."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest

from designer.core.assets import NoAssets
from designer.core.snapshot import Answer, Question
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from tests.office.test_word_export import _texts

MATCH = Question(
    "match",
    "Ordnen Sie zu.",
    (
        Answer("PDF statt Papier", False, match="Substitution"),
        Answer("Gemeinsames Dokument", False, match="Modification"),
        Answer("", False, match="Redefinition"),
    ),
)
SHORT = Question("shortanswer", "Wofür steht das A?", (Answer("Augmentation", True, "Genau."),))


def _feinkonzept(snap) -> str:
    out = io.BytesIO()
    fmt = get_format("docx")
    fmt.write(snap, out, ExportContext(NoAssets(), fmt.read_options({"document": "feinkonzept"})))
    return _texts(docx.Document(io.BytesIO(out.getvalue())))


def _with_new_kinds(snap, language):
    """The example whose quiz N5 asks these matching and short-answer questions in place
    of its own (after its three choice questions)."""
    nuggets = tuple(
        replace(n, questions=(*_choices(n.questions), MATCH, SHORT)) if n.key == "N5" else n
        for n in snap.nuggets
    )
    return replace(snap, nuggets=nuggets, language=language)


def _choices(questions):
    return tuple(q for q in questions if q.kind not in ("match", "shortanswer"))


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "de",
            [
                "4. Ordnen Sie zu. (Zuordnung)",
                "PDF statt Papier → Substitution",
                "→ Redefinition (Ablenker)",
                "5. Wofür steht das A? (Kurzantwort)",
                "✓ Augmentation – akzeptiert – Genau.",
            ],
        ),
        (
            "en",
            [
                "4. Ordnen Sie zu. (Matching)",
                "Gemeinsames Dokument → Modification",
                "→ Redefinition (distractor)",
                "5. Wofür steht das A? (Short answer)",
                "✓ Augmentation – accepted – Genau.",
            ],
        ),
    ],
)
def test_the_appendix_lists_pairs_and_accepted_answers(example, language, lines):
    text = _feinkonzept(_with_new_kinds(example, language)).splitlines()
    for line in lines:
        assert line in text
    assert not any(line.startswith("☐ PDF statt Papier") for line in text)  # no choice box


def test_choice_questions_keep_their_ticks(example):
    text = _feinkonzept(_with_new_kinds(example, "de"))
    assert "☑ Substitution – richtig" in text and "☐ Modification" in text
