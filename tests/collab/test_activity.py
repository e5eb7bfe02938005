"""Activity feeds per design and per workspace: filters, paging by event id, both languages."""

from designer.extensions import db
from designer.models import User
from designer.queries.collab import PAGE_SIZE
from designer.services import designs as design_service


def test_design_feed_in_words_and_filtered(client, people, example_design, login_as):
    design_service.add_module(people["designer"], example_design, "Tag 3")
    design_service.add_objective(people["coordinator"], example_design, "Ziel")
    db.session.commit()
    viewer = db.session.get(User, people["viewer"].id)
    viewer.locale = "en"
    db.session.commit()
    login_as(viewer)
    url = f"/designs/{example_design.id}/activity"
    page = client.get(url).get_data(as_text=True)
    assert "Designer-Member added a module" in page
    assert "Coordinator-Member added a learning objective" in page
    only_modules = client.get(f"{url}?kind=module").get_data(as_text=True)
    assert "added a module" in only_modules and "learning objective" not in only_modules
    by_person = client.get(f"{url}?person={people['coordinator'].id}").get_data(as_text=True)
    assert "added a learning objective" in by_person and "added a module" not in by_person
    viewer.locale = "de"
    db.session.commit()
    german = client.get(url).get_data(as_text=True)
    assert "Designer-Member hat ein Modul hinzugefügt" in german


def test_feeds_page_by_event_id(client, people, example_design, workspace, login_as):
    for i in range(PAGE_SIZE + 5):
        design_service.add_objective(people["designer"], example_design, f"Ziel {i}")
    db.session.commit()
    login_as(people["viewer"])
    url = f"/w/{workspace.slug}/activity"
    first = client.get(f"{url}?kind=objective").get_data(as_text=True)
    assert first.count("<li><time") == PAGE_SIZE
    assert 'class="older"' in first
    before = first.split('class="older"')[1].split("before=")[1].split('"')[0]
    second = client.get(f"{url}?kind=objective&before={before}").get_data(as_text=True)
    assert second.count("<li><time") == 5
    assert 'class="older"' not in second


def test_guests_see_the_design_feed_but_not_the_workspace_feed(
    client, people, example_design, workspace, login_as
):
    login_as(people["guest"])
    assert client.get(f"/designs/{example_design.id}/activity").status_code == 200
    assert client.get(f"/w/{workspace.slug}/activity").status_code == 403
