"""Small helpers to build Moodle backup XML with lxml.

Moodle writes NULL as the marker `$@NULL@$`, booleans as 0/1 and every file with a
double-quoted XML declaration; `to_bytes` and `fields` follow those conventions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree

NULL = "$@NULL@$"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

Element = etree._Element


def text_of(value: Any) -> str:
    """The text Moodle writes for a value: `$@NULL@$`, 0/1 or the plain string."""
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def root(tag: str, **attrs: Any) -> Element:
    return etree.Element(tag, {k: text_of(v) for k, v in attrs.items()})


def sub(parent: Element, tag: str, value: Any = "", **attrs: Any) -> Element:
    """A child element; `value` "" leaves it empty (`<tag></tag>`), None writes NULL."""
    el = etree.SubElement(parent, tag, {k: text_of(v) for k, v in attrs.items()})
    el.text = text_of(value)
    return el


def group(parent: Element, tag: str, **attrs: Any) -> Element:
    """A child element that holds other elements (no text)."""
    return etree.SubElement(parent, tag, {k: text_of(v) for k, v in attrs.items()})


def fields(parent: Element, pairs: Iterable[tuple[str, Any]]) -> Element:
    for tag, value in pairs:
        sub(parent, tag, value)
    return parent


def to_bytes(element: Element) -> bytes:
    """The file's bytes: Moodle's declaration line, then the indented tree."""
    body = etree.tostring(element, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return DECLARATION + body


def decimal(value: float, places: int = 5) -> str:
    """Moodle's fixed-point numbers (grades 5 places, fractions and marks 7)."""
    return f"{value:.{places}f}"
