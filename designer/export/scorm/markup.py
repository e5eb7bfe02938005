"""A tiny element builder over lxml.html: every text and attribute value is escaped by lxml."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import html
from lxml.html import HtmlElement

Child = HtmlElement | str | None | Iterable["Child"]


def el(tag: str, attrs: dict[str, str] | None = None, *children: Child) -> HtmlElement:
    """An element with attributes (None values left out) and children (None skipped,
    lists flattened, strings added as text)."""
    node = html.Element(tag)
    for name, value in (attrs or {}).items():
        if value is not None:
            node.set(name, value)
    append(node, children)
    return node


def append(node: HtmlElement, children: Iterable[Child]) -> None:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            _append_text(node, child)
        elif isinstance(child, HtmlElement):
            node.append(child)
        else:
            append(node, child)


def _append_text(node: HtmlElement, value: str) -> None:
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + value
    else:
        node.text = (node.text or "") + value


def document(root: HtmlElement) -> bytes:
    """An HTML5 document, UTF-8."""
    return html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode").encode("utf-8")
