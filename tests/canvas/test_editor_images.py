"""The editor's image route: a nugget's attached images, for the rich-text editor to show."""

from __future__ import annotations

from tests.canvas.test_browser_richtext import PNG, made  # noqa: F401 (a fixture)


def test_the_image_route_serves_only_the_nuggets_images(client, login, made, make_user, workspace):  # noqa: F811
    user, base, nugget_id, asset_id = made
    login(user)
    response = client.get(f"{base}/assets/{asset_id}")
    assert response.status_code == 200 and response.data == PNG
    assert response.mimetype == "image/png"
    assert client.get(f"{base}/assets/{asset_id + 999}").status_code == 404
    # The library's editor shows the same image from the library's address.
    library = client.get(f"/w/{workspace.slug}/library/{nugget_id}/assets/{asset_id}")
    assert library.status_code == 200 and library.data == PNG
    client.post("/logout")
    login(make_user("outsider@example.org"))
    assert client.get(f"{base}/assets/{asset_id}").status_code in (403, 404)
