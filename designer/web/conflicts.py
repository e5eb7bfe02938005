"""The one conflict view of a stale save: what you typed beside what someone else saved.

Every editor that can lose a race renders `templates/conflict/_stale.html` with a
`StaleSave` from here: the Grobkonzept (wizard step, expert page, collaborative editor)
and the partnership agreement keep what was typed in the form, now based on the current
version; the nugget editor shows the fields both people changed after merging the rest.
Pages that save with JavaScript also get the interactive panel (`conflict/_compare.html`,
static/js/conflict.js), which includes the same view for the page without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_wtf import FlaskForm


@dataclass(frozen=True)
class StaleSave:
    """The rows (label, mine, theirs) of the fields that differ, a sentence on what the
    form now holds, where "take theirs" leads (None: no such link) and who saved the
    other version (None: "someone else")."""

    rows: list[tuple[Any, Any, Any]]
    intro: str
    reload_url: str | None = None
    saved_by: str | None = None  # who saved the other version, where known


def _shown(value: Any) -> str:
    return "" if value is None else str(value)


def kept_in_form(
    form: FlaskForm, names: Iterable[str], current: dict[str, Any], reload_url: str | None
) -> StaleSave:
    """After a Conflict: the form keeps what was typed and is based on the current version
    (`current` is the Conflict's state with its lock_version), so saving again keeps it."""
    form.lock_version.data = str(current["lock_version"])
    rows = [
        (form[name].label.text, _shown(form[name].data), _shown(current.get(name)))
        for name in names
        if _shown(form[name].data) != _shown(current.get(name))
    ]
    intro = _(
        "Your text is still in the form below. Compare it with the saved version; saving "
        "again keeps what the form shows."
    )
    return StaleSave(rows, intro, reload_url)


def merged(rows: list[tuple[Any, Any, Any]], saved_by: str | None = None) -> StaleSave:
    """After a merge: `rows` are the fields both changed; the form holds all the rest;
    `saved_by` names who saved the other version."""
    if rows:
        intro = _(
            "Their changes to other fields are now in the form. These fields were changed by "
            "both of you; the form keeps your text. Compare, adjust, then save again:"
        )
    else:
        intro = _(
            "Your changes and theirs concern different fields; the form now holds both. "
            "Check it and save again."
        )
    return StaleSave(rows, intro, saved_by=saved_by)
