"""WTForms forms, one module per blueprint; every form carries a CSRF token."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wtforms import SelectChoice

from designer.core.fields import whole_number
from designer.services.errors import Invalid


def options(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as the choices of a select, radio or checkbox field, in the
    form WTForms 3.4 requires (tuples are deprecated)."""
    return [SelectChoice(value, label) for value, label in pairs]


def lock_version(value: str | int | None) -> int:
    """The lock_version a form was rendered with. Every form that edits a row sends one
    (as the API does); a form without it, or with a broken one, is refused with a message
    instead of overwriting someone else's change unchecked. The error names no field:
    `attach_errors` shows it above the form."""
    number = whole_number(value)
    if number is None:
        raise Invalid({"form": "form_outdated"})
    return number
