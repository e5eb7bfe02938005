"""services.plan_import: defaults, samples, preview and saving, without the web layer."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.importers.plans import analyse_table
from designer.models import Design
from designer.services import plan_import
from designer.services.errors import Invalid, PermissionDenied
from designer.storage.staging import PlanChoice
from tests.plan_import.plans import excel_plan


@pytest.fixture
def table(tmp_path):
    return analyse_table(excel_plan(tmp_path))


def test_default_choice_takes_the_guesses(table, tmp_path):
    choice = plan_import.default_choice(table, tmp_path / "teamleitung.xlsx")
    assert choice.mapping == {0: "module", 1: "title", 2: "duration", 3: "social_form", 4: None}
    assert choice.title == "Verlaufsplan Teamleitung" and choice.language == "de"


def test_samples_are_different_values_of_the_first_rows(table):
    samples = plan_import.samples(table, count=3)
    assert samples[0] == ["Einstieg", "Vertiefung"]
    assert samples[4] == ["Präsenz", "Webinar", "online"]
    assert all(len(v) <= 8 for v in plan_import.samples(table, length=8)[1])


def test_preview_speaks_the_readers_language_and_builds_the_chosen_design(table, tmp_path):
    choice = plan_import.default_choice(table, tmp_path / "x.xlsx")
    german = plan_import.preview(table, choice, "de")
    english = plan_import.preview(table, choice, "en")
    assert german.messages[0].startswith("Zeile 7") and english.messages[0].startswith("Row 7")
    assert german.snapshot == english.snapshot and german.snapshot.language == "de"
    assert [m.minutes for m in german.modules] == [35, 45] and german.minutes == 80


def test_create_design_refuses_a_choice_without_readable_rows(app, table, workspace, make_user):
    user = make_user("d@example.org", workspace=workspace, role="designer")
    store = app.extensions["file_store"]
    nothing = PlanChoice({0: "module", 2: "duration"}, "Leer", "de")
    with pytest.raises(Invalid) as exc:
        plan_import.create_design(user, workspace, table, nothing, store)
    assert exc.value.errors == {"mapping": "plan_no_rows"}
    odd = PlanChoice({1: "title", 4: "colour"}, "X", "de")
    with pytest.raises(Invalid):
        plan_import.create_design(user, workspace, table, odd, store)
    viewer = make_user("v@example.org", workspace=workspace, role="viewer")
    with pytest.raises(PermissionDenied):
        plan_import.create_design(
            viewer, workspace, table, PlanChoice({1: "title"}, "X", "de"), store
        )
    db.session.rollback()
    assert db.session.query(Design).count() == 0
