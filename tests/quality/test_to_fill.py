"""What a template left open is a to-do; what a person wrote is a finding."""

from __future__ import annotations

from dataclasses import replace

import pytest

from designer.core import didactic_templates
from designer.core.snapshot import DesignSnapshot, FormatError, from_json, to_json
from designer.quality import Finding, check
from designer.quality.to_fill import is_to_fill
from tests.quality.builders import design, nugget


def _finding(kind: str, key: str) -> Finding:
    return Finding("some.rule", "error", "de", "en", kind, key, blocking=True)


def test_placeholder_nuggets_and_open_fields_are_to_dos():
    snap = replace(
        design({"M1": [nugget("N1", placeholder=True), nugget("N2")]}),
        placeholder_fields=("target_group",),
    )
    assert is_to_fill(_finding("nugget", "N1"), snap)
    assert not is_to_fill(_finding("nugget", "N2"), snap)
    assert not is_to_fill(_finding("nugget", "gone"), snap)
    assert is_to_fill(_finding("design", "target_group"), snap)
    assert not is_to_fill(_finding("design", "prerequisites"), snap)
    assert not is_to_fill(_finding("module", "M1"), snap)


@pytest.mark.parametrize("template", didactic_templates.TEMPLATES, ids=lambda t: t.key)
def test_a_template_leaves_only_to_dos_and_no_error(template):
    snap = didactic_templates.template_snapshot(template, "de", "Kurs")
    assert all(n.placeholder for n in snap.nuggets)
    assert "target_group" in snap.placeholder_fields
    # What the template wrote is no placeholder.
    assert ("format_summary" in snap.placeholder_fields) == (not snap.grobkonzept.format_summary)
    faults = [f for f in check(snap) if not is_to_fill(f, snap)]
    assert [f for f in faults if f.severity == "error"] == []


def test_placeholders_travel_in_the_design_document():
    snap = replace(
        design({"M1": [nugget("N1", placeholder=True), nugget("N2")]}),
        placeholder_fields=("target_group", "planned_workload_minutes"),
    )
    text = to_json(snap)
    assert text.count('"placeholder": true') == 1
    assert from_json(text) == snap
    plain = to_json(replace(snap, placeholder_fields=()))
    assert "placeholder_fields" not in plain


def test_an_unknown_placeholder_field_is_named():
    text = to_json(replace(design({}), placeholder_fields=("target_group",)))
    with pytest.raises(FormatError) as refused:
        from_json(text.replace('"target_group"', '"salary"'))
    assert "design.placeholder_fields[0]" in str(refused.value)
    assert isinstance(from_json(text), DesignSnapshot)
