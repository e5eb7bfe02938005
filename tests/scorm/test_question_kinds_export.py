"""A design with matching and short-answer questions still exports as valid SCORM
packages. How the learner answers them is the course player's part (issue 14 item 7,
SCORM side); this only guards that the export of such a design works."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest

from designer.core.snapshot import Answer, Question
from designer.export.scorm.validate import validate_package
from tests.scorm.helpers import VERSIONS, example, export

MATCH = Question(
    "match",
    "Ordnen Sie zu.",
    (
        Answer("Hund", False, match="bellt"),
        Answer("Katze", False, match="miaut"),
        Answer("", False, match="quakt"),
    ),
)
SHORT = Question("shortanswer", "Hauptstadt?", (Answer("Paris", True),))


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("questions", [(MATCH, SHORT), (MATCH,)], ids=["both", "only-match"])
def test_a_design_with_the_new_kinds_exports_a_valid_package(version, questions):
    snap = example()
    nuggets = tuple(
        replace(n, questions=(*n.questions, *questions) if len(questions) > 1 else questions)
        if n.key == "N5"
        else n
        for n in snap.nuggets
    )
    package = export(replace(snap, nuggets=nuggets), version)
    assert validate_package(io.BytesIO(package)) == []
