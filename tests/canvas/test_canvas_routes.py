"""The studio routes: every change goes through a service, answers htmx with only the
fragments it touched (lanes, totals, announcement, focus) and plain forms with a redirect."""

from __future__ import annotations

from sqlalchemy import func, select

from designer.extensions import db
from designer.models import Event, Module, Nugget, NuggetRevision, Placement
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.web.messages import error_text
from tests.canvas.conftest import HTMX, add_nuggets, module_ids


def _placements(module_id: int) -> list[Placement]:
    return list(
        db.session.scalars(
            select(Placement).where(Placement.module_id == module_id).order_by(Placement.position)
        )
    )


def test_canvas_shows_cards_with_type_mode_and_totals(client, login, designer, design):
    first, second = module_ids(design)
    add_nuggets(designer, design, first, 2, duration_minutes=30)
    add_nuggets(
        designer, design, second, 1, learning_type="discussion", delivery_mode="live_online"
    )
    login(designer)
    html = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert html.count('class="nugget-card ltb-') == 3
    assert "Diskussion" in html and "Live online" in html  # names, not only colours
    assert "Summe: 70 min" in html or "Sum: 70 min" in html
    assert 'aria-live="polite"' in html
    assert 'name="htmx-config"' in html and '"includeIndicatorStyles": false' in html
    assert f'href="/designs/{design.id}/analysis" aria-current' not in html
    assert f'href="/designs/{design.id}/canvas" aria-current="page"' in html
    analysis = client.get(f"/designs/{design.id}/analysis").get_data(as_text=True)
    assert 'role="img"' in analysis and "<desc" in analysis
    assert "Diskussion: 10 min" in analysis  # the chart's text alternative


def test_add_nugget_with_htmx_returns_its_lane_and_oob_totals(client, login, designer, design):
    first, second = module_ids(design)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/modules/{first}/nuggets",
        data={
            "title": "Rollenspiel",
            "learning_type": "practice",
            "delivery_mode": "on_site",
            "duration_minutes": "45",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="board"' not in html and 'id="analytics"' not in html  # only what changed
    assert f'<section class="lane" id="module-{first}"' in html
    assert f'id="module-{second}"' not in html
    assert 'id="totals" class="totals" aria-labelledby="totals-heading" hx-swap-oob="true"' in html
    assert 'id="announce" hx-swap-oob="innerHTML"' in html
    assert "Rollenspiel" in html and "Summe: 45 min" in html
    placement = _placements(first)[0]
    assert db.session.get(Nugget, placement.nugget_id).duration_minutes == 45
    assert db.session.scalar(select(func.count(Event.id)).where(Event.kind == "placement.added"))


def test_add_nugget_without_htmx_redirects(client, login, designer, design):
    first, _ = module_ids(design)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/modules/{first}/nuggets",
        data={"title": "X", "learning_type": "practice", "delivery_mode": "on_site"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/designs/{design.id}/canvas")


def test_invalid_quick_nugget_shows_message_next_to_field(app, client, login, designer, design):
    first, _ = module_ids(design)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/modules/{first}/nuggets",
        data={
            "title": " ",
            "learning_type": "practice",
            "delivery_mode": "on_site",
            "duration_minutes": "viel",
        },
        headers={**HTMX, "Accept-Language": "de"},
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert f'id="add-{first}-title-error"' in html
    with app.test_request_context(headers={"Accept-Language": "de"}):
        assert error_text("required") in html
    assert f'id="add-{first}-duration_minutes-error"' in html
    assert db.session.scalar(select(func.count(Placement.id))) == 0


def test_move_within_and_across_modules(client, login, designer, design):
    first, second = module_ids(design)
    a, b, c = add_nuggets(designer, design, first, 3)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{c.id}/move",
        data={"module_id": first, "position": 0, "lock_version": c.lock_version},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert [p.id for p in _placements(first)] == [c.id, a.id, b.id]
    assert f'data-focus="card-{c.id}-title"' in response.get_data(as_text=True)
    db.session.expire_all()
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{a.id}/move",
        data={
            "module_id": second,
            "position": 0,
            "lock_version": db.session.get(Placement, a.id).lock_version,
            "focus": "next",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert [p.id for p in _placements(first)] == [c.id, b.id]
    assert [p.id for p in _placements(second)] == [a.id]
    assert "Position 1 von 1" in response.get_data(as_text=True) or "position 1 of 1" in (
        response.get_data(as_text=True)
    )


def test_stale_move_answers_409(client, login, designer, design):
    first, second = module_ids(design)
    (a,) = add_nuggets(designer, design, first, 1)
    stale = a.lock_version
    placement_service.move_placement(designer, design, a.id, second, 0, stale)
    db.session.commit()
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{a.id}/move",
        data={"module_id": first, "position": 0, "lock_version": stale},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert response.get_json()["error"] == "conflict"
    db.session.expire_all()
    assert db.session.get(Placement, a.id).module_id == second


def test_move_with_bad_numbers_is_400(client, login, designer, design):
    first, _ = module_ids(design)
    (a,) = add_nuggets(designer, design, first, 1)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{a.id}/move",
        data={"module_id": "x", "position": "0", "lock_version": "1"},
    )
    assert response.status_code == 400


def test_modules_add_rename_reorder_delete(client, login, designer, design):
    first, second = module_ids(design)
    login(designer)
    base = f"/designs/{design.id}/canvas/modules"
    assert client.post(base, data={"title": "Transfer"}, headers=HTMX).status_code == 200
    third = module_ids(design)[-1]
    assert db.session.get(Module, third).title == "Transfer"
    refused = client.post(base, data={"title": ""}, headers=HTMX)
    assert refused.status_code == 422
    assert 'id="new-module-title-error"' in refused.get_data(as_text=True)
    version = db.session.get(Module, first).lock_version
    renamed = client.post(
        f"{base}/{first}/rename", data={"title": "Auftakt", "lock_version": version}, headers=HTMX
    )
    assert renamed.status_code == 200
    stale = client.post(
        f"{base}/{first}/rename", data={"title": "Alt", "lock_version": version}, headers=HTMX
    )
    assert stale.status_code == 409
    assert client.post(f"{base}/{third}/move", data={"position": 0}).status_code == 302
    db.session.expire_all()
    assert module_ids(design) == [third, first, second]
    assert client.post(f"{base}/{second}/delete", headers=HTMX).status_code == 200
    db.session.expire_all()
    assert module_ids(design) == [third, first]
    assert db.session.get(Module, first).title == "Auftakt"


def test_place_from_library_and_picker(client, login, designer, design, workspace):
    from designer.services.nuggets import create_nugget

    first, _ = module_ids(design)
    nugget = create_nugget(designer, workspace, {"title": "Feedbackregeln", "summary": "Regeln"})
    create_nugget(designer, workspace, {"title": "Etwas anderes"})
    db.session.commit()
    login(designer)
    drawer = client.get(f"/designs/{design.id}/canvas/library?q=feedback", headers=HTMX)
    html = drawer.get_data(as_text=True)
    assert "Feedbackregeln" in html and "Etwas anderes" not in html
    assert f'data-place="{nugget.id}"' in html
    response = client.post(
        f"/designs/{design.id}/canvas/modules/{first}/place",
        data={"nugget_id": nugget.id},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert [p.nugget_id for p in _placements(first)] == [nugget.id]


def test_duplicate_forks_and_places_below(client, login, designer, design):
    first, _ = module_ids(design)
    a, b = add_nuggets(designer, design, first, 2)
    login(designer)
    response = client.post(f"/designs/{design.id}/canvas/placements/{a.id}/duplicate", headers=HTMX)
    assert response.status_code == 200
    order = _placements(first)
    assert [p.id for p in order][0] == a.id and order[2].id == b.id
    copy = db.session.get(Nugget, order[1].nugget_id)
    assert copy.id != a.nugget_id and copy.forked_from_id == a.nugget_id
    assert copy.title == db.session.get(Nugget, a.nugget_id).title


def test_remove_keeps_nugget_in_library(client, login, designer, design):
    first, _ = module_ids(design)
    (a,) = add_nuggets(designer, design, first, 1)
    login(designer)
    response = client.post(f"/designs/{design.id}/canvas/placements/{a.id}/remove", headers=HTMX)
    assert response.status_code == 200
    assert _placements(first) == []
    assert db.session.get(Nugget, a.nugget_id).deleted_at is None


def test_update_available_changes_and_pull(client, login, designer, design, workspace):
    from designer.services import designs

    first, _ = module_ids(design)
    (a,) = add_nuggets(designer, design, first, 1, title="Alter Titel")
    nugget = db.session.get(Nugget, a.nugget_id)
    other = designs.create_design(designer, workspace, "Andere")
    module = designs.add_module(designer, other, "M")
    placement_service.place_nugget(designer, other, module.id, nugget)
    nugget_service.update_nugget(
        designer, nugget, {"title": "Neuer Titel"}, nugget.lock_version, via=other
    )
    db.session.commit()
    login(designer)
    html = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert "Alter Titel" in html and f"/placements/{a.id}/changes" in html
    changes = client.get(f"/designs/{design.id}/canvas/placements/{a.id}/changes")
    text = changes.get_data(as_text=True)
    assert "Alter Titel" in text and "Neuer Titel" in text
    pulled = client.post(f"/designs/{design.id}/canvas/placements/{a.id}/pull", headers=HTMX)
    assert pulled.status_code == 200
    assert "Neuer Titel" in pulled.get_data(as_text=True)
    assert f"/placements/{a.id}/changes" not in pulled.get_data(as_text=True)
    assert db.session.get(Placement, a.id).nugget_revision == nugget.revision
    assert db.session.scalar(select(func.count(NuggetRevision.id))) == 2


def test_demo_course_canvas_shows_all_nuggets(client, login, workspace, example_design, make_user):
    user = make_user("trainer@example.org", workspace=workspace, role="designer")
    login(user)
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert f"/designs/{example_design.id}/canvas" in overview
    html = client.get(f"/designs/{example_design.id}/canvas").get_data(as_text=True)
    assert html.count('class="nugget-card ltb-') == 11
    assert "Persona für die eigene Zielgruppe" in html


def test_lost_race_on_the_design_is_409(client, login, designer, design, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    first, _ = module_ids(design)
    (a,) = add_nuggets(designer, design, first, 1)

    def lost_race(*args, **kwargs):
        raise StaleDataError("UPDATE statement on table 'designs' expected to update 1 row")

    monkeypatch.setattr(placement_service, "move_placement", lost_race)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{a.id}/move",
        data={"module_id": first, "position": 0, "lock_version": a.lock_version},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert response.get_json()["error"] == "conflict"


def test_the_drawer_lists_recent_then_most_used_and_tells_twins_apart(
    client, login, designer, design, workspace
):  # fmt: skip
    from designer.services import designs
    from designer.services.nuggets import create_nugget

    first, _ = module_ids(design)
    twins = [
        create_nugget(designer, workspace, {"title": "Feedback", "duration_minutes": m})
        for m in (15, 40)
    ]
    twins[0].organisation, twins[1].organisation = "Akademie Nord", "VHS Süd"
    unused = create_nugget(designer, workspace, {"title": "Aaa nie verwendet"})
    for title in ("Eins", "Zwei"):
        other = designs.create_design(designer, workspace, title)
        module = designs.add_module(designer, other, "M")
        placement_service.place_nugget(designer, other, module.id, twins[1])
    other = designs.create_design(designer, workspace, "Drei")
    module = designs.add_module(designer, other, "M")
    placement_service.place_nugget(designer, other, module.id, twins[0])  # the latest
    db.session.commit()
    login(designer)
    html = client.get(f"/designs/{design.id}/canvas/library", headers=HTMX).get_data(as_text=True)
    recent, most_used = html.split('class="drawer-group"')[1:]
    assert recent.index(f'data-place="{twins[0].id}"') < recent.index(f'data-place="{twins[1].id}"')
    assert f'data-place="{unused.id}"' in most_used and "noch nicht verwendet" in most_used
    assert "Akademie Nord" in html and "VHS Süd" in html and "40 min" in html
    assert "in 2 Kurskonzepten verwendet" in html
    found = client.get(
        f"/designs/{design.id}/canvas/library?q=feed&delivery_mode=self_paced_online",
        headers=HTMX,
    ).get_data(as_text=True)
    assert found.count('class="drawer-item') == 2 and "Aaa nie verwendet" not in found
    # Without JavaScript: a page of its own whose forms place into the chosen module.
    page = client.get(f"/designs/{design.id}/canvas/library?module_id={first}&q=feed")
    text = page.get_data(as_text=True)
    assert f'action="/designs/{design.id}/canvas/modules/{first}/place"' in text
    placed = client.post(
        f"/designs/{design.id}/canvas/modules/{first}/place", data={"nugget_id": twins[1].id}
    )
    assert placed.status_code == 302
    assert [p.nugget_id for p in _placements(first)] == [twins[1].id]
