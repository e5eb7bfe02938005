"""Workspace checklists in the app: copy, edit criteria, rules and parameters, conflicts."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import WorkspaceChecklist
from designer.queries.quality import stored_checklist

BASE = "/w/akademie-nord/checklists"


@pytest.fixture
def copied(client, login, people):
    login(people["designer"])
    response = client.post(f"{BASE}/copy", data={"source": "didactic_basics"})
    assert response.status_code == 302
    row = db.session.scalar(select(WorkspaceChecklist))
    assert response.headers["Location"].endswith(f"{BASE}/{row.id}")
    return row


def _row(row_id: int) -> WorkspaceChecklist:
    db.session.expire_all()
    return db.session.get(WorkspaceChecklist, row_id)


def test_lists_builtin_and_own(client, login, people, copied):
    page = client.get(BASE).get_data(as_text=True)
    assert "Didaktische Grundqualität" in page
    assert "Didaktische Grundqualität (Kopie)" in page
    assert client.get(f"{BASE}/builtin/legal").status_code == 200
    assert client.get(f"{BASE}/builtin/nope").status_code == 404


def test_edit_names_and_manual_question(client, login, copied):
    url = f"{BASE}/{copied.id}"
    response = client.post(
        f"{url}/names",
        data={"name_de": "Unsere Liste", "name_en": "Our list", "lock_version": "1"},
    )
    assert response.status_code == 302
    row = _row(copied.id)
    assert (row.name, row.data["name"]["en"]) == ("Unsere Liste", "Our list")

    response = client.post(
        f"{url}/manual",
        data={
            "new-category": "content",
            "new-question_de": "Gibt es ein Glossar?",
            "new-question_en": "Is there a glossary?",
            "new-help_de": "Fachbegriffe",
            "new-help_en": "Terms",
            "new-lock_version": str(row.lock_version),
        },
    )
    assert response.status_code == 302
    key = re.search(r"#criterion-(.+)$", response.headers["Location"]).group(1)
    checklist = stored_checklist(_row(copied.id))
    assert checklist.criterion(key).question_en == "Is there a glossary?"

    response = client.post(
        f"{url}/manual/{key}",
        data={
            f"c-{key}-category": "organisation",
            f"c-{key}-question_de": "Gibt es ein Glossar der Fachbegriffe?",
            f"c-{key}-question_en": "Is there a glossary of terms?",
            f"c-{key}-lock_version": str(_row(copied.id).lock_version),
        },
    )
    assert response.status_code == 302
    criterion = stored_checklist(_row(copied.id)).criterion(key)
    assert (criterion.category, criterion.help_de) == ("organisation", "")

    # An empty question is refused next to the field; nothing is saved.
    response = client.post(
        f"{url}/manual/{key}",
        data={
            f"c-{key}-category": "content",
            f"c-{key}-question_de": "",
            f"c-{key}-question_en": "x",
        },
    )
    assert response.status_code == 422
    assert stored_checklist(_row(copied.id)).criterion(key).category == "organisation"


def test_rule_severity_blocking_and_parameters(client, copied):
    url = f"{BASE}/{copied.id}/rules/workload.module_share"
    prefix = "c-workload.module_share-"
    response = client.post(
        url,
        data={
            f"{prefix}severity": "error",
            f"{prefix}blocking": "y",
            f"{prefix}param:max_share_percent": "70",
            f"{prefix}lock_version": "1",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    criterion = stored_checklist(_row(copied.id)).criterion("workload.module_share")
    assert (criterion.severity, criterion.blocking) == ("error", True)
    assert criterion.params == {"max_share_percent": 70.0}

    version = {f"{prefix}lock_version": str(_row(copied.id).lock_version)}
    response = client.post(
        url,
        data={
            f"{prefix}severity": "warning",
            f"{prefix}param:max_share_percent": "viel",
            **version,
        },
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="c-workload.module_share-param-max_share_percent-error"' in html
    assert html.count("Diese Einstellung ist nicht gültig.") == 1
    response = client.post(
        url,
        data={f"{prefix}severity": "warning", f"{prefix}param:max_share_percent": "inf", **version},
    )
    assert response.status_code == 422
    assert stored_checklist(_row(copied.id)).criterion("workload.module_share").severity == "error"


def test_add_and_remove_rules(client, copied):
    url = f"{BASE}/{copied.id}"

    def version(prefix: str = "") -> dict[str, str]:
        return {f"{prefix}lock_version": str(_row(copied.id).lock_version)}

    response = client.post(
        f"{url}/rules", data={"rule-rule": "sequence.long_input", **version("rule-")}
    )
    assert response.status_code == 302
    assert "sequence.long_input" in {c.key for c in stored_checklist(_row(copied.id)).criteria}
    response = client.post(f"{url}/criteria/sequence.long_input/remove", data=version())
    assert response.status_code == 302
    assert "sequence.long_input" not in {c.key for c in stored_checklist(_row(copied.id)).criteria}
    assert client.post(f"{url}/criteria/nope/remove", data=version()).status_code == 404


def test_stale_version_conflicts(client, copied):
    url = f"{BASE}/{copied.id}/names"
    assert (
        client.post(url, data={"name_de": "A", "name_en": "A", "lock_version": "1"}).status_code
        == 302
    )
    response = client.post(url, data={"name_de": "B", "name_en": "B", "lock_version": "1"})
    assert response.status_code == 409
    assert _row(copied.id).name == "A"


def test_reviewer_reads_but_cannot_edit(client, login, people, copied):
    client.post("/logout")
    login(people["reviewer"])
    page = client.get(f"{BASE}/{copied.id}")
    assert page.status_code == 200
    assert "/names" not in page.get_data(as_text=True)
    response = client.post(
        f"{BASE}/{copied.id}/names", data={"name_de": "X", "name_en": "X", "lock_version": "1"}
    )
    assert response.status_code == 403


def test_workspace_copy_is_offered_for_review(client, copied, example_design, people):
    page = client.get(f"/designs/{example_design.id}/review/submit").get_data(as_text=True)
    assert copied.key in page


def test_word_list_parameters(client, copied):
    key = "objective.nugget_unlinked"
    prefix = f"c-{key}-"
    url = f"{BASE}/{copied.id}/rules/{key}"
    response = client.post(
        url,
        data={
            f"{prefix}severity": "warning",
            f"{prefix}param:organisational_kinds": ["label", "live_session"],
            f"{prefix}param:organisational_terms": "Begrüßung, Pause",
            f"{prefix}lock_version": str(_row(copied.id).lock_version),
        },
    )
    assert response.status_code == 302
    params = stored_checklist(_row(copied.id)).criterion(key).params
    assert params == {
        "organisational_kinds": ("label", "live_session"),
        "organisational_terms": ("Begrüßung", "Pause"),
    }
    response = client.post(
        url,
        data={
            f"{prefix}severity": "warning",
            f"{prefix}param:organisational_kinds": "lecture",
            f"{prefix}lock_version": str(_row(copied.id).lock_version),
        },
    )
    assert response.status_code == 422
    assert stored_checklist(_row(copied.id)).criterion(key).params == params
