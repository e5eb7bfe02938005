"""Every collaboration page renders for the people who may see it (and in both languages)."""

import pytest

from designer.extensions import db
from designer.models import User


@pytest.mark.parametrize("lang", ["de", "en"])
def test_pages_render_for_the_coordinator(
    client, people, example_design, workspace, login_as, lang
):
    coordinator = people["coordinator"]
    db.session.get(User, coordinator.id).locale = lang
    db.session.commit()
    login_as(coordinator)
    slug = workspace.slug
    design = example_design.id
    for url in [
        f"/designs/{design}",
        f"/designs/{design}/people",
        f"/designs/{design}/revisions",
        f"/designs/{design}/revisions/compare?a=1&b=current",
        f"/designs/{design}/activity",
        f"/designs/{design}/grobkonzept/edit",
        f"/w/{slug}",
        f"/w/{slug}/members",
        f"/w/{slug}/invitations",
        f"/w/{slug}/activity",
        f"/w/{slug}/trash",
        f"/w/{slug}/partnership",
        f"/w/{slug}/sharing",
        "/catalogue",
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.data[:300])
