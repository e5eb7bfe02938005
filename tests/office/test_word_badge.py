"""The Word offer and Grobkonzept name the design's badge, its criteria and competences."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest

from designer.core.assets import NoAssets
from designer.core.snapshot import Badge
from designer.export.formats import get_format
from designer.export.registry import ExportContext


def _document(snap, kind: str):
    out = io.BytesIO()
    fmt = get_format("docx")
    fmt.write(snap, out, ExportContext(NoAssets(), fmt.read_options({"document": kind})))
    return docx.Document(io.BytesIO(out.getvalue()))


def _paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


@pytest.fixture(scope="module")
def badged(example):
    badge = Badge(
        name="Lernmedien-Profi", description="Für Lernmedien-Profis.", issuer="Akademie Nord"
    )
    return replace(example, badge=badge)


@pytest.mark.parametrize("kind", ["offer", "grobkonzept"])
def test_the_document_names_the_badge_and_its_criteria(badged, kind):
    paragraphs = _paragraphs(_document(badged, kind))
    texts = [text for _, text in paragraphs]
    at = texts.index("Badge")
    assert paragraphs[at][0].startswith("Heading")
    assert (
        texts[at + 1]
        == "Wer die Kriterien erfüllt, erhält das Badge „Lernmedien-Profi“ von Akademie Nord."
    )
    assert texts[at + 2] == "Für Lernmedien-Profis."
    assert texts[at + 3] == "Kriterien:"
    bullets = [t for style, t in paragraphs[at + 4 :] if style == "List Bullet"]
    assert bullets[0].startswith("Diese Nuggets abschließen: „Input: Lernzielgruppen im Betrieb“")
    assert (
        "Den Test „Selbsttest: Medien und Methoden“ mit mindestens 80 % richtigen Antworten "
        "bestehen." in bullets
    )
    assert "Das Badge steht für:" in texts
    assert any(t.endswith("(Analysieren)") for t in bullets)


@pytest.mark.parametrize("kind", ["offer", "grobkonzept"])
def test_no_badge_no_section(example, kind):
    assert "Badge" not in [p.text for p in _document(example, kind).paragraphs]


def test_english_design_english_badge_text(badged):
    english = replace(badged, language="en")
    texts = [p.text for p in _document(english, "offer").paragraphs]
    assert (
        "Learners who meet the criteria earn the badge “Lernmedien-Profi” from Akademie Nord."
        in texts
    )
    assert any(t.startswith("Pass the quiz “Selbsttest") for t in texts)
