"""The limits of one design (designer/core/limits.py): they fire beyond the limit and stay
quiet on the example course."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from designer.core import limits
from designer.core.snapshot import Answer, Question, from_json
from tests.paths import EXAMPLE_JSON

SMALL = limits.Limits(
    nuggets_per_design=3,
    modules_per_design=2,
    objectives_per_design=2,
    files_per_design=1,
    questions_per_nugget=1,
    answers_per_question=2,
    title_chars=10,
    text_chars=20,
)


def test_the_example_course_is_within_the_default_limits():
    document = json.loads(EXAMPLE_JSON.read_text())
    assert limits.document_problems(document, limits.Limits()) == []
    assert limits.snapshot_problems(from_json(EXAMPLE_JSON.read_bytes()), limits.Limits()) == []


def test_document_counts_fire_before_the_items_are_read():
    document = json.loads(EXAMPLE_JSON.read_text())
    assert set(limits.document_problems(document, SMALL)) == {
        "too_many:nuggets:3",
        "too_many:modules:2",
        "too_many:objectives:2",
        "too_many:files:1",
    }


def test_document_check_ignores_what_the_reader_reports():
    """Malformed parts are the reader's business; the count check does not crash on them."""
    for broken in ([], {"design": []}, {"design": {"modules": "x", "nuggets": 3}}):
        assert limits.document_problems(broken, SMALL) == []


def test_snapshot_check_names_every_limit_it_breaks():
    snap = from_json(EXAMPLE_JSON.read_bytes())
    question = Question("single", "?", (Answer("a", True), Answer("b", False), Answer("c", False)))
    nugget = replace(snap.nuggets[0], questions=(question, question))
    snap = replace(snap, nuggets=(nugget, *snap.nuggets[1:]))
    assert set(limits.snapshot_problems(snap, SMALL)) == {
        "too_many:nuggets:3",
        "too_many:modules:2",
        "too_many:objectives:2",
        "too_many:files:1",
        "too_many:questions:1",
        "too_many:answers:2",
        "too_long:title:10",
        "too_long:text:20",
    }


def test_exceeds_counts_up_to_the_limit_inclusive():
    assert limits.exceeds(3, "nuggets", SMALL) is None
    assert limits.exceeds(4, "nuggets", SMALL) == "too_many:nuggets:3"
    assert limits.exceeds(2, "answers", SMALL) is None


def test_limits_from_the_environment_text():
    assert limits.parse("") == limits.Limits()
    parsed = limits.parse("nuggets_per_design=2000, page_size=100")
    assert (parsed.nuggets_per_design, parsed.page_size, parsed.modules_per_design) == (
        2000,
        100,
        100,
    )
    for bad in ("nuggets=5", "page_size=many", "page_size"):
        with pytest.raises(ValueError, match="DESIGNER_LIMITS"):
            limits.parse(bad)
