"""HTML pieces of the course: embedded files, paragraphs, detail lists.

Moodle stores links to a file of an activity's file area as `@@PLUGINFILE@@/<name>`
(the name URL-encoded) and rewrites them to real URLs when it shows the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import quote

from lxml import etree
from lxml import html as lxml_html

PLUGINFILE = "@@PLUGINFILE@@/"
MEDIA = ("img", "video", "audio", "iframe", "object", "embed")


def pluginfile_url(filename: str) -> str:
    return PLUGINFILE + quote(filename)


def embed_files(markup: str, filenames: Iterable[str]) -> tuple[str, set[str]]:
    """Point `src`/`href` attributes that name one of `filenames` at the file area.

    Returns the rewritten markup and the names it refers to.
    """
    names = set(filenames)
    if not markup.strip() or not names:
        return markup, set()
    used: set[str] = set()
    parts = lxml_html.fragments_fromstring(markup)
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(escape(part, quote=False))
            continue
        for el in part.iter():
            for attr in ("src", "href"):
                value = el.get(attr)
                if value in names:
                    el.set(attr, pluginfile_url(value))
                    used.add(value)
        out.append(etree.tostring(part, method="html", encoding="unicode"))
    return "".join(out), used


def shows_something(markup: str) -> bool:
    """Whether the markup shows text or media (an editor's empty `<p></p>` shows nothing)."""
    if not markup.strip():
        return False
    tree = lxml_html.fromstring(f"<div>{markup}</div>")
    return bool(tree.text_content().strip()) or next(tree.iter(*MEDIA), None) is not None


def paragraph(value: str) -> str:
    return f"<p>{escape(value)}</p>" if value.strip() else ""


def heading(value: str, level: int = 4) -> str:
    return f"<h{level}>{escape(value)}</h{level}>"


def detail_list(rows: Iterable[tuple[str, str]]) -> str:
    """`<ul>` of "Label: value" rows; values are HTML, rows with no value are left out."""
    items = [f"<li><strong>{escape(name)}:</strong> {value}</li>" for name, value in rows if value]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def bullet_list(values: Iterable[str]) -> str:
    items = [f"<li>{escape(v)}</li>" for v in values if v.strip()]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def file_links(filenames: Iterable[str]) -> str:
    items = [f'<li><a href="{pluginfile_url(n)}">{escape(n)}</a></li>' for n in filenames]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def link(url: str) -> str:
    return f'<a href="{escape(url)}">{escape(url)}</a>'
