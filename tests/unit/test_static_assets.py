"""The vendored front-end files match their pinned checksums, every icon a template asks for
is in the sprite, and icon() renders accessible markup (or refuses an unknown name)."""

from __future__ import annotations

import hashlib
import re

import pytest

from designer.web.display import icon, sprite_names
from tests.paths import ROOT

VENDOR = ROOT / "static" / "vendor"
TEMPLATES = ROOT / "templates"


def pinned() -> dict[str, str]:
    """File name -> sha256 from the table in static/vendor/README.md."""
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", readme, re.M))


def test_every_vendored_file_is_pinned_and_unchanged():
    table = pinned()
    assert {"quill.min.js", "quill.snow.css", "lucide-sprite.svg", "htmx.min.js"} <= set(table)
    for name, digest in table.items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_library_has_its_licence():
    for licence in ("quill.LICENSE", "lucide.LICENSE", "htmx.LICENSE", "Sortable.LICENSE"):
        assert (VENDOR / licence).stat().st_size > 100, licence


def test_icons_used_in_templates_are_in_the_sprite():
    used = set()
    for path in TEMPLATES.rglob("*.html"):
        used |= set(re.findall(r"""icon\(["']([a-z0-9-]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "no template uses icon()"
    missing = used - sprite_names(str(ROOT / "static"))
    assert not missing


def test_icon_markup(app):
    with app.test_request_context():
        decorative = str(icon("menu"))
        assert 'aria-hidden="true"' in decorative and "role" not in decorative
        assert 'href="/static/vendor/lucide-sprite.svg#menu"' in decorative
        labelled = str(icon("bell", label="Benachrichtigungen <neu>"))
        assert 'role="img" aria-label="Benachrichtigungen &lt;neu&gt;"' in labelled
        with pytest.raises(ValueError, match="no icon 'bel'"):
            icon("bel")


def test_pages_link_the_favicon_and_mark_the_current_link(client):
    html = client.get("/login").get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    # The header marks where one is.
    assert '<a href="/login" aria-current="page">' in html
    assert '<a href="/register">' in html
    response = client.get("/static/favicon.svg")
    assert response.status_code == 200 and b"<svg" in response.data
