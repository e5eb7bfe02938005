"""Character rules for text that comes in from outside and text that goes out to files.

Control characters (NUL, vertical tab, form feed, ...) are not allowed in XML, so one of
them in any field would break every XML export; they come in by pasting from Word (which
uses vertical tab as a line break), through the API, in imported files and file names.
Spreadsheets run a cell that starts like a formula; such cells are written as text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

T = TypeVar("T")

# C0 controls except tab, line feed and carriage return; DEL and the C1 controls; the
# non-characters U+FFFE/U+FFFF and lone surrogates, which XML does not allow either.
# Written with escapes so that the same text serves as a JSON-schema pattern; surrogates
# are left out there (no UTF-8 text holds one, and schema tools refuse them in patterns).
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff"
NO_CONTROL_PATTERN = f"^[^{CONTROL_CHARACTERS}]*$"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}\\ud800-\\udfff]")
# Word's manual line break and page break mean a new line.
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def has_control(text: str) -> bool:
    """Whether `text` holds a character that is not allowed (see module docstring)."""
    return _CONTROL.search(text) is not None


def strip_control(text: str) -> str:
    """`text` without control characters; Word's line and page breaks become new lines."""
    if not has_control(text):
        return text
    return _CONTROL.sub("", text.translate(_LINE_BREAKS))


def without_control(value: T) -> T:
    """`value` with `strip_control` applied to every text in it: texts, lists, tuples,
    dicts and (frozen) dataclasses such as a DesignSnapshot are copied where needed."""
    if isinstance(value, str):
        return strip_control(value)  # type: ignore[return-value]
    if isinstance(value, tuple | list):
        return type(value)(without_control(v) for v in value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {without_control(k): without_control(v) for k, v in value.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: without_control(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


def starts_formula(text: str) -> bool:
    """Whether a spreadsheet would read this cell text as a formula (formula injection)."""
    return text.startswith(FORMULA_STARTS)


def csv_safe(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: a formula-like start gets a quote."""
    return "'" + text if starts_formula(text) else text
