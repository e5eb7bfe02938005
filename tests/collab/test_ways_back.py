"""The design overview's link back works for whoever sees the design: members go to the
workspace, guests of the design alone to their own overview."""

from __future__ import annotations

import re
from html import unescape


def _back_link(page: str) -> tuple[str, str]:
    href, text = re.search(r'<p><a href="([^"]+)">← ([^<]+)</a></p>', page).groups()
    return unescape(href), unescape(text).strip()


def test_a_guest_goes_back_to_what_is_shared_with_them(
    client, login_as, people, workspace, example_design
):
    login_as(people["guest"])
    href, text = _back_link(client.get(f"/designs/{example_design.id}").get_data(as_text=True))
    assert text == "Mit mir geteilt"
    back = client.get(href)
    assert back.status_code == 200
    assert example_design.title in back.get_data(as_text=True)
    assert client.get(f"/w/{workspace.slug}").status_code == 403  # the workspace stays closed


def test_a_member_goes_back_to_the_workspace(client, login_as, people, workspace, example_design):
    login_as(people["viewer"])
    href, text = _back_link(client.get(f"/designs/{example_design.id}").get_data(as_text=True))
    assert (href, text) == (f"/w/{workspace.slug}", workspace.name)
    assert client.get(href).status_code == 200
