from designer.extensions import db
from designer.models import Design


def test_overview_and_export_of_example(client, login, workspace, example_design, make_user):
    user = make_user("designer@example.org", workspace=workspace, role="designer")
    login(user)
    page = client.get(f"/designs/{example_design.id}")
    assert page.status_code == 200
    assert "Persona für die eigene Zielgruppe" in page.get_data(as_text=True)
    response = client.get(f"/designs/{example_design.id}/export/json")
    assert response.status_code == 200
    assert b'"kurswerk-design"' in response.data
    assert db.session.get(Design, example_design.id).title.startswith("Lernen")
