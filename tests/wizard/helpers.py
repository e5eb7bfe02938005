"""Small helpers for the wizard tests."""

from __future__ import annotations

import re

from designer.web.messages import error_text


def field_error(html: str, field_id: str) -> str:
    """The error text shown next to the field `field_id` ("" when there is none)."""
    match = re.search(rf'<p class="error" id="{re.escape(field_id)}-error">([^<]*)</p>', html)
    return match.group(1) if match else ""


def expected_error(app, code: str, locale: str) -> str:
    """What `code` reads like for a person using `locale`."""
    with app.test_request_context(headers={"Accept-Language": locale}):
        return error_text(code)
