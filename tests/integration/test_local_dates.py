"""Dates, times and numbers as the interface language writes them, times in local time
(Europe/Berlin by default): 30.11.2026, 14:05 on German pages; Nov 30, 2026, 2:05 PM on English."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from flask_babel import force_locale

from designer.extensions import db
from designer.models import User
from designer.services import designs
from designer.services.revisions import store_revision
from designer.web.display import day, moment, number

NNBSP = "\u202f"  # CLDR puts a narrow no-break space before AM/PM


@pytest.mark.parametrize(
    ("locale", "stored", "shown"),
    [
        ("de", datetime(2026, 11, 30, 13, 5), "30.11.2026, 14:05"),  # CET, UTC+1
        ("de", datetime(2026, 7, 1, 12, 0), "01.07.2026, 14:00"),  # CEST, UTC+2
        ("de", datetime(2026, 11, 30, 23, 30), "01.12.2026, 00:30"),  # the next day locally
        ("en", datetime(2026, 11, 30, 13, 5), f"Nov 30, 2026, 2:05{NNBSP}PM"),
    ],
)
def test_moment_is_local_and_in_the_language(app, locale, stored, shown):
    with app.test_request_context(), force_locale(locale):
        assert moment(stored) == shown


def test_days_and_numbers(app):
    with app.test_request_context():
        with force_locale("de"):
            assert day(date(2026, 11, 30)) == "30.11.2026"
            assert day("2026-11-30") == "30.11.2026"
            assert number(1234.56) == "1.234,6"
            assert number(1200, 0) == "1.200"
            assert day(None) == "" and moment(None) == "" and number(None) == ""
        with force_locale("en"):
            assert day(date(2026, 11, 30)) == "Nov 30, 2026"
            assert number(1234.56) == "1,234.6"


def _workspace_page(client, workspace, login, make_user, locale):
    user = make_user(f"dates-{locale}@example.org", workspace=workspace, role="designer")
    user.locale = locale
    design = designs.create_design(user, workspace, "Termine")
    db.session.commit()
    design.updated_at = datetime(2026, 11, 30, 13, 5)
    db.session.commit()
    login(user)
    return client.get(f"/w/{workspace.slug}").get_data(as_text=True)


def test_german_workspace_page_shows_german_local_time(client, workspace, login, make_user):
    html = _workspace_page(client, workspace, login, make_user, "de")
    assert "30.11.2026, 14:05" in html
    assert "2026-11-30" not in html and "13:05" not in html


def test_english_workspace_page_shows_english_format(client, workspace, login, make_user):
    html = _workspace_page(client, workspace, login, make_user, "en")
    assert f"Nov 30, 2026, 2:05{NNBSP}PM" in html
    assert "30.11.2026" not in html and "2026-11-30" not in html


def test_a_coordinator_sets_the_workspace_time_zone(client, workspace, login, make_user):
    coordinator = db.session.scalar(db.select(User).filter_by(email="coordinator@example.org"))
    design = designs.create_design(coordinator, workspace, "Übersee")
    db.session.commit()
    revision = store_revision(design, coordinator, "named", "Stand")
    db.session.commit()
    design.updated_at = revision.created_at = datetime(2026, 11, 30, 13, 5)
    db.session.commit()
    login(coordinator)
    page = client.get(f"/w/{workspace.slug}/settings").get_data(as_text=True)
    assert '<option selected value="Europe/Berlin">' in page

    response = client.post(f"/w/{workspace.slug}/settings", data={"time_zone": "America/New_York"})
    assert response.status_code == 302
    assert "Einstellungen gespeichert." in client.get(response.location).get_data(as_text=True)
    db.session.refresh(workspace)
    assert workspace.time_zone == "America/New_York"
    # The workspace's pages and its designs' pages show New York time (UTC-5 in November).
    assert "30.11.2026, 08:05" in client.get(f"/w/{workspace.slug}").get_data(as_text=True)
    versions = client.get(f"/designs/{design.id}/revisions").get_data(as_text=True)
    assert "30.11.2026, 08:05" in versions and "14:05" not in versions

    bad = client.post(f"/w/{workspace.slug}/settings", data={"time_zone": "Mars/Olympus"})
    assert bad.status_code == 200
    assert "Unbekannter Wert." in bad.get_data(as_text=True)
    db.session.refresh(workspace)
    assert workspace.time_zone == "America/New_York"


def test_only_who_manages_the_workspace_changes_its_time_zone(client, workspace, login, make_user):
    designer = make_user("tz-designer@example.org", workspace=workspace, role="designer")
    login(designer)
    assert client.get(f"/w/{workspace.slug}/settings").status_code == 403
    response = client.post(f"/w/{workspace.slug}/settings", data={"time_zone": "Asia/Tokyo"})
    assert response.status_code == 403
    db.session.refresh(workspace)
    assert workspace.time_zone == "Europe/Berlin"
    assert "/settings" not in client.get(f"/w/{workspace.slug}").get_data(as_text=True)


def test_design_pages_show_the_period_as_german_dates(client, login, example_design):
    coordinator = db.session.scalar(db.select(User).filter_by(email="coordinator@example.org"))
    login(coordinator)
    for url in (f"/designs/{example_design.id}", f"/designs/{example_design.id}/print"):
        html = client.get(url).get_data(as_text=True)
        assert "01.02.2027 – 26.03.2027" in html, url
        assert "2027-02-01" not in html, url
