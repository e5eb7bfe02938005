"""WTForms forms, one module per blueprint; every form carries a CSRF token."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from wtforms import SelectChoice


def options(pairs: Iterable[tuple[Any, Any]]) -> list[SelectChoice]:
    """(value, label) pairs as the choices of a select, radio or checkbox field, in the
    form WTForms 3.4 requires (tuples are deprecated)."""
    return [SelectChoice(value, label) for value, label in pairs]
