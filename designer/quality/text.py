"""Text helpers for rules: reading nugget HTML, matching terms, quoting elements."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html.parser import HTMLParser

# Elements that end a block of text: a heading or list item counts as a sentence even
# when it has no full stop.
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th"}
    | {"table", "blockquote", "pre", "section", "dd", "dt"}
)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.images.append(dict(attrs))
        if tag in _BLOCK_TAGS:
            self.blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.blocks.append([])

    def handle_data(self, data: str) -> None:
        self.blocks[-1].append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def html_blocks(html: str) -> list[str]:
    """The text of each block element (paragraph, heading, list item …), non-empty only."""
    texts = (" ".join("".join(parts).split()) for parts in _read(html).blocks)
    return [t for t in texts if t]


def html_text(html: str) -> str:
    return " ".join(html_blocks(html))


def html_images(html: str) -> list[dict[str, str | None]]:
    """The attributes of every <img>; a missing attribute is absent, `alt=""` is ""."""
    return _read(html).images


def mentions(text: str, terms: Iterable[str]) -> str | None:
    """The first term found in `text` as a whole word or phrase (case-insensitive)."""
    folded = text.casefold()
    for term in terms:
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, term.casefold().split())) + r"(?!\w)"
        if re.search(pattern, folded):
            return term
    return None


def marked(title: str, tags: Iterable[str], terms: Iterable[str]) -> bool:
    """True when a tag equals one of `terms` or the title mentions one (case-insensitive)."""
    terms = tuple(terms)
    folded_tags = {tag.casefold() for tag in tags}
    return any(t.casefold() in folded_tags for t in terms) or mentions(title, terms) is not None


def short(text: str, limit: int = 70) -> str:
    """Text for a message: one line, cut at a word with an ellipsis when long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + " …"


def quote(text: str, lang: str) -> str:
    """Typographic quotes of the language: „…“ in German, “…” in English."""
    return f"“{short(text)}”" if lang == "en" else f"„{short(text)}“"


def join_quoted(texts: Iterable[str], lang: str) -> str:
    return ", ".join(quote(t, lang) for t in texts)
