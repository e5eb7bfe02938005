"""Working together: live updates and presence, people and invitations, versions, activity,
the trash, partnerships and the shared catalogue (one blueprint, one module per page)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, redirect
from flask_wtf import FlaskForm

from designer.core.fields import whole_number
from designer.web.transaction import saving

bp = Blueprint("collab", __name__)


def act(form: FlaskForm, change: Callable[[], object], done: str, back: str) -> Response:
    """Run one service call from a posted form: commit and say so, or show its errors."""
    if not form.validate_on_submit():
        abort(400)
    with saving(done=done):
        change()
    return redirect(back)


def item_id(form: FlaskForm) -> int:
    value = whole_number(form.item_id.data)
    if value is None:
        abort(400)
    return value


from designer.web.collab import (  # noqa: E402, F401
    activity,
    live,
    partnership,
    people,
    sharing,
    trash,
    versions,
)

__all__ = ["bp", "act", "item_id"]
