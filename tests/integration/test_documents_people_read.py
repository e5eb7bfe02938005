"""What a person downloads names things as people do: one file name per document and
SCORM version, objectives by number, rules by title, versions by number and date, and a
workload that its delivery modes add up to."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from openpyxl import load_workbook

from designer.core.office_labels import PLAN_COLUMNS
from designer.extensions import db
from designer.models import Review
from designer.services import revisions

KINDS = ("grobkonzept", "feinkonzept", "quality", "offer")


@pytest.fixture
def author(workspace, make_user):
    return make_user("d@example.org", workspace=workspace, role="designer")


@pytest.fixture
def author_client(client, author, login):
    login(author)
    return client


def _file_name(response) -> str:
    assert response.status_code == 200, response.data[:300]
    return re.search(r'filename="?([^";]+)', response.headers["Content-Disposition"])[1]


def _texts(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


def test_each_word_document_and_scorm_version_has_its_own_file_name(author_client, example_design):
    base = f"/designs/{example_design.id}/export"
    names = {
        kind: _file_name(author_client.get(f"{base}/docx", query_string={"document": kind}))
        for kind in KINDS
    }
    assert len(set(names.values())) == 4
    assert (
        names["quality"]
        == "Lernen-mit-digitalen-Medien-im-Betrieb-gestalten-Qualitaetsbericht.docx"
    )
    assert names["offer"].startswith("Lernen-mit-digitalen-Medien-im-Betrieb-gestalten-Angebot")
    assert _file_name(author_client.get(f"{base}/docx")) == names["feinkonzept"]
    scorm = {_file_name(author_client.get(f"{base}/{key}")) for key in ("scorm12", "scorm2004")}
    assert scorm == {
        "Lernen-mit-digitalen-Medien-im-Betrieb-gestalten-SCORM-1-2.zip",
        "Lernen-mit-digitalen-Medien-im-Betrieb-gestalten-SCORM-2004-4th-Edition.zip",
    }
    # A format of its own extension keeps the plain title.
    assert (
        _file_name(author_client.get(f"{base}/xlsx"))
        == "Lernen-mit-digitalen-Medien-im-Betrieb-gestalten.xlsx"
    )


def test_excel_names_objectives_by_their_number(author_client, example_design):
    data = author_client.get(f"/designs/{example_design.id}/export/xlsx").data
    workbook = load_workbook(io.BytesIO(data))
    plan = workbook.worksheets[0]
    column = list(PLAN_COLUMNS).index("objectives") + 1
    cells = [plan.cell(row, column).value for row in range(2, plan.max_row)]
    named = [c for c in cells if c]
    assert named and all(re.fullmatch(r"Lernziel \d+(, Lernziel \d+)*", c) for c in named)
    table = [r[0] for r in workbook["Grobkonzept"].iter_rows(values_only=True) if r and r[0]]
    assert "Lernziel 1" in table and not any(re.fullmatch(r"O\d+", str(v)) for v in table)


def test_quality_report_names_rules_and_versions(author, author_client, example_design):
    revision = revisions.save_named_version(author, example_design, "Stand für die Prüfung")
    db.session.add(
        Review(
            design_id=example_design.id, reviewer_id=author.id, submitted_revision=revision.number,
            decision="approved", revision_number=revision.number,
            snapshot_hash=revision.snapshot_hash, signed_at=example_design.created_at,
            seal_token="s" * 24,
        )
    )  # fmt: skip
    db.session.commit()
    version = f"Fassung {revision.number} vom {revision.created_at:%d.%m.%Y}"
    url = f"/designs/{example_design.id}/export/docx?document=quality"
    text = _texts(docx.Document(io.BytesIO(author_client.get(url).data)))
    assert text.count(version) == 2  # the state the report describes and the sign-off
    assert "Ein Modul trägt zu viel des Aufwands" in text
    assert not re.search(r"\b[0-9a-f]{12,}\b", text)  # no checksum
    assert not re.search(r"\b[a-z]+\.[a-z_]+\b", text.replace("z. B.", ""))  # no rule id
    page = author_client.get(f"/designs/{example_design.id}/quality/report").get_data(True)
    header = re.search(r'<p class="meta">(.*?)</p>', page, re.S)[1]
    assert version in header and not re.search(r"[0-9a-f]{12}", header)


def test_report_says_when_the_design_changed_after_its_last_version(
    author, author_client, example_design
):
    from designer.services import designs

    revision = revisions.save_named_version(author, example_design, "Erste Fassung")
    designs.update_grobkonzept(author, example_design, {"target_group": "Neu"}, None)
    db.session.commit()
    page = author_client.get(f"/designs/{example_design.id}/quality/report").get_data(True)
    stamp = f"Fassung {revision.number} vom {date.today():%d.%m.%Y}, seither geändert"
    assert stamp in re.search(r'<p class="meta">(.*?)</p>', page, re.S)[1]


def _minutes(text: str) -> list[int]:
    return [int(m) for m in re.findall(r"(\d+) min", text)]


def test_offer_workload_is_what_its_delivery_modes_add_up_to(author_client, example_design):
    url = f"/designs/{example_design.id}/export/docx?document=offer"
    document = docx.Document(io.BytesIO(author_client.get(url).data))
    line = next(p.text for p in document.paragraphs if p.text.startswith("Umfang:"))
    stated, _, modes = line.partition(" – ")
    # The example plans 1200 minutes; its nuggets add up to 1140.
    assert _minutes(stated)[0] == sum(_minutes(modes)[::1]) == 1140
    assert "geplant 1200 min" in stated
    assert len(_minutes(modes)) == 4
