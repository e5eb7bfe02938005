"""A resolved comment shows who resolved it on every page that lists comments."""

from __future__ import annotations

from designer.extensions import db
from designer.services import comments as comment_service


def test_pages_render_after_a_comment_is_resolved(client, login, people, example_design):
    designer, expert = people["designer"], people["expert"]
    root = comment_service.add_comment(expert, example_design, "Passt der Umfang?")
    db.session.commit()
    login(designer)
    response = client.post(
        f"/designs/{example_design.id}/comments/{root.id}/resolve", data={"resolved": "1"}
    )
    assert response.status_code == 302
    db.session.refresh(root)
    assert root.resolved and root.resolved_by_id == designer.id

    overview = client.get(f"/designs/{example_design.id}")
    assert overview.status_code == 200
    threads = client.get(
        f"/designs/{example_design.id}/comments?kind=design&id={example_design.id}"
    )
    assert threads.status_code == 200
    for page in (overview.get_data(as_text=True), threads.get_data(as_text=True)):
        assert "Passt der Umfang?" in page
        assert designer.display_name in page
