"""Partnerships: partner organisations, the agreement (with lock_version), the ledger."""

import csv
import io

import pytest

from designer.extensions import db
from designer.models import Event, Membership, PartnershipAgreement
from designer.services import designs as design_service
from designer.services import events, partnerships, workspaces
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.services.errors import Conflict, Invalid, PermissionDenied


@pytest.fixture
def verbund(app, make_user):
    """A partnership of two organisations: Nord (coordinator Nora) and Süd (designer Sven)."""
    nora = make_user("nora@nord.example", name="Nora Nord")
    ws = workspaces.create_workspace(nora, "Verbund Digital", "partnership", "Akademie Nord")
    sven = make_user("sven@sued.example", workspace=ws, role="designer", name="Sven Süd")
    db.session.query(Membership).filter_by(user_id=sven.id).one().organisation = "Bildung Süd"
    db.session.commit()
    return ws, nora, sven


def test_designs_and_nuggets_remember_the_contributing_organisation(verbund):
    ws, nora, sven = verbund
    design = design_service.create_design(sven, ws, "Gemeinsamer Kurs")
    nugget = nugget_service.create_nugget(nora, ws, {"title": "Einstieg"})
    db.session.commit()
    assert design.organisation == "Bildung Süd"
    assert nugget.organisation == "Akademie Nord"


def test_agreement_is_edited_by_coordinators_with_a_version(verbund):
    ws, nora, sven = verbund
    values = {"goal": "Gemeinsame Kurse", "leaving": "Drei Monate Frist"}
    with pytest.raises(PermissionDenied):
        partnerships.update_agreement(sven, ws, values, 0)
    agreement = partnerships.update_agreement(nora, ws, values, 0)
    db.session.commit()
    assert agreement.lock_version == 1
    partnerships.update_agreement(nora, ws, {"goal": "Neu"}, 1)
    db.session.commit()
    with pytest.raises(Conflict) as stale:
        partnerships.update_agreement(nora, ws, {"goal": "Veraltet"}, 1)
    assert stale.value.current["goal"] == "Neu"
    db.session.rollback()
    assert db.session.query(PartnershipAgreement).one().leaving == "Drei Monate Frist"


def test_partners_belong_to_partnerships_only(verbund, workspace):
    ws, nora, _sven = verbund
    partnerships.add_partner(nora, ws, "Akademie Nord", "Didaktik", is_coordinator=True)
    partnerships.add_partner(nora, ws, "Bildung Süd", "Technik")
    with pytest.raises(Invalid) as twice:
        partnerships.add_partner(nora, ws, "bildung süd")
    assert twice.value.errors == {"name": "already_partner"}
    db.session.commit()
    assert [p.name for p in partnerships.partners_of(ws)] == ["Akademie Nord", "Bildung Süd"]
    organisation_owner = db.session.query(Membership).filter_by(workspace_id=workspace.id).one()
    with pytest.raises(Invalid):
        partnerships.add_partner(organisation_owner.user, workspace, "X")


def test_agreement_page_saves_and_shows_a_conflict(client, verbund, login):
    ws, nora, sven = verbund
    login(nora)
    url = f"/w/{ws.slug}/partnership"
    client.post(url, data={"goal": "Erstes Ziel", "lock_version": "0"})
    page = client.post(url, data={"goal": "Zweites Ziel", "lock_version": "0"}).get_data(
        as_text=True
    )
    assert "Zweites Ziel" in page and "Erstes Ziel" in page
    assert db.session.query(PartnershipAgreement).one().goal == "Erstes Ziel"


def test_ledger_counts_contributions_and_downloads_as_csv(client, verbund, login):
    ws, nora, sven = verbund
    nord_nugget = nugget_service.create_nugget(nora, ws, {"title": "Nord-Baustein"})
    sued_design = design_service.create_design(sven, ws, "Süd-Kurs")
    module = design_service.add_module(sven, sued_design, "Tag 1")
    placement_service.place_nugget(sven, sued_design, module.id, nord_nugget)
    placement_service.place_nugget(sven, sued_design, module.id, nord_nugget)
    placement_service.add_new_nugget(sven, sued_design, module.id, {"title": "Süd-Baustein"})
    events.record("review.signed", sven, ws.id, sued_design.id)
    events.record("comment.added", nora, ws.id, sued_design.id)
    events.record("comment.added", nora, ws.id, sued_design.id)
    db.session.commit()

    login(sven)
    response = client.get(f"/w/{ws.slug}/ledger.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    table = {row[0]: row[1:] for row in rows[1:]}
    #                    designs nuggets reused reviews comments
    assert table["Akademie Nord"] == ["0", "1", "2", "0", "2"]
    assert table["Bildung Süd"] == ["1", "1", "0", "1", "0"]
    assert db.session.query(Event).filter(Event.kind.like("comment.%")).count() == 2


def test_ledger_csv_cells_never_start_a_formula(client, verbund, login):
    ws, nora, _sven = verbund
    db.session.query(Membership).filter_by(user_id=nora.id).one().organisation = "=HYPERLINK()"
    db.session.commit()
    nugget_service.create_nugget(nora, ws, {"title": "X"})
    db.session.commit()
    login(nora)
    text = client.get(f"/w/{ws.slug}/ledger.csv").get_data(as_text=True)
    assert "'=HYPERLINK()" in text
