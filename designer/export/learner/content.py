"""A nugget's (already sanitised) HTML as package content: file references, headings, alt texts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from urllib.parse import unquote, urlsplit

from lxml import html
from lxml.html import HtmlElement

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINKS = (("img", "src"), ("a", "href"), ("source", "src"), ("video", "poster"))


def fragments(content_html: str) -> list[HtmlElement | str]:
    """The top-level nodes of an HTML fragment (text first, if any)."""
    if not content_html.strip():
        return []
    return html.fragments_fromstring(content_html)


def local_name(reference: str) -> str | None:
    """The file name a relative reference points at, or None for URLs and anchors."""
    parts = urlsplit(reference.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path).rsplit("/", 1)[-1] or None


def referenced_names(content_html: str) -> set[str]:
    """File names the content refers to (img src, link href …)."""
    names: set[str] = set()
    for node in _elements(fragments(content_html)):
        for tag, attribute in _LINKS:
            if node.tag == tag and (name := local_name(node.get(attribute, ""))):
                names.add(name)
    return names


def rewrite(
    content_html: str,
    paths: Mapping[str, str],
    alt_texts: Mapping[str, str],
    top_heading: int,
) -> list[HtmlElement | str]:
    """The content ready for a page of the package.

    References to asset file names point at the packaged path; an image of an unknown
    local file is replaced by its alt text (it would be a broken image); images get the
    asset's alt text when they have none; headings move down so that the content's
    highest heading is at least level `top_heading` and the page keeps one outline.
    """
    nodes = fragments(content_html)
    headings = [node for node in _elements(nodes) if node.tag in _HEADINGS]
    shift = max(0, top_heading - min((int(h.tag[1]) for h in headings), default=6))
    for node in _elements(nodes):
        _rewrite_references(node, paths, alt_texts)
    for heading in headings:
        heading.tag = f"h{min(6, int(heading.tag[1]) + shift)}"
    return nodes


def _rewrite_references(
    node: HtmlElement, paths: Mapping[str, str], alt_texts: Mapping[str, str]
) -> None:
    for tag, attribute in _LINKS:
        if node.tag != tag or not (name := local_name(node.get(attribute, ""))):
            continue
        if name in paths:
            node.set(attribute, paths[name])
            if tag == "img" and not node.get("alt"):
                node.set("alt", alt_texts.get(name, ""))
        elif tag == "img":
            _replace_by_text(node, node.get("alt", ""))
        else:
            node.attrib.pop(attribute)


def _replace_by_text(node: HtmlElement, text: str) -> None:
    node.tag = "span"
    node.attrib.clear()
    node.text = text


def _elements(nodes: list[HtmlElement | str]) -> Iterator[HtmlElement]:
    for node in nodes:
        if isinstance(node, HtmlElement):
            yield from node.iter()
